//! Calendar reminders: `team.json`'s `reminders` become alarms in the personal feeds, read back
//! with the `ical` crate as a calendar app would, and mistakes in them are reported where they
//! are written.

mod data_fixture;
mod ical_parse;

use chrono::{DateTime, NaiveDate};
use data_fixture::Fixture;
use ical::parser::ical::component::{IcalAlarm, IcalEvent};
use ical_parse::{check_lines, parse, prop, unescape};
use rota::ics::{person_feed, team_feed, FeedStamp};
use serde_json::json;

/// The default data with the README's worked examples of a team over time: Charlie covers part
/// of Bob's 2026-W50, and Charlie takes Bob's 2027-W05 right before his own 2027-W06.
fn over_time(reminders: Option<serde_json::Value>) -> rota::Schedule {
    let fx = Fixture::new();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/team-over-time");
    for file in ["covers.json", "trades.json"] {
        std::fs::copy(fixtures.join(file), fx.dir.join(file)).unwrap();
    }
    if let Some(reminders) = reminders {
        fx.set("team.json", "/reminders", reminders);
    }
    let data = rota::load::load_dir(&fx.dir).unwrap_or_else(|e| panic!("{e}"));
    rota::Schedule::new(data.inputs.clone())
}

fn feed_of(schedule: &rota::Schedule, person: &str) -> String {
    let stamp = FeedStamp { built_at: DateTime::from_timestamp(1_795_910_400, 0).unwrap(), feed_id: "t.rota".into() };
    let feed = person_feed(schedule, person, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), &stamp);
    check_lines(&feed);
    feed
}

fn event<'c>(events: &'c [IcalEvent], start: &str) -> &'c IcalEvent {
    events.iter().find(|e| prop(&e.properties, "DTSTART") == start).unwrap_or_else(|| panic!("no event at {start}"))
}

/// `(ACTION, TRIGGER, DESCRIPTION unescaped)` of each alarm, in order.
fn alarms(event: &IcalEvent) -> Vec<(String, String, String)> {
    let one = |a: &IcalAlarm| {
        let p = |name| prop(&a.properties, name).to_string();
        (p("ACTION"), p("TRIGGER"), unescape(&p("DESCRIPTION")))
    };
    event.alarms.iter().map(one).collect()
}

fn triggers(event: &IcalEvent) -> Vec<String> {
    alarms(event).into_iter().map(|(_, trigger, _)| trigger).collect()
}

#[test]
fn each_stretch_of_a_personal_feed_alerts_a_day_and_an_hour_before() {
    let schedule = over_time(Some(json!(["P1D", "PT1H"])));
    let cal = parse(&feed_of(&schedule, "charlie"));
    assert!(cal.events.len() >= 13, "{} events", cal.events.len());
    // Charlie's cover of Bob's evenings, Wed 9 Dec 18:00 to Fri 11 Dec 09:00 in New York.
    let cover = event(&cal.events, "20261209T230000Z");
    let when = "Wed 9 Dec 2026 18:00 to Fri 11 Dec 2026 09:00 (America/New_York).";
    assert_eq!(
        alarms(cover),
        [
            ("DISPLAY".into(), "-P1D".into(), format!("Charlie is on call for Data Engineering in 1 day: {when}")),
            ("DISPLAY".into(), "-PT1H".into(), format!("Charlie is on call for Data Engineering in 1 hour: {when}")),
        ]
    );
    // A whole week of his, 2026-W46: 9 Nov 09:00 EST is 14:00 UTC.
    assert_eq!(triggers(event(&cal.events, "20261109T140000Z")), ["-P1D", "-PT1H"]);
}

#[test]
fn going_back_on_call_after_a_cover_alerts_again() {
    let schedule = over_time(Some(json!(["PT1H30M"])));
    let cal = parse(&feed_of(&schedule, "bob"));
    // Bob's 2026-W50 is split by Charlie's cover: Bob starts the week, then takes it back.
    let start = event(&cal.events, "20261207T140000Z");
    let back = event(&cal.events, "20261211T140000Z");
    assert_eq!(triggers(start), ["-PT1H30M"]);
    assert_eq!(
        alarms(back),
        [(
            "DISPLAY".into(),
            "-PT1H30M".into(),
            "Bob is on call for Data Engineering in 1 hour 30 minutes: \
             Fri 11 Dec 2026 09:00 to Mon 14 Dec 2026 09:00 (America/New_York)."
                .into()
        )]
    );
}

#[test]
fn a_week_that_follows_straight_on_from_ones_own_does_not_alert() {
    let schedule = over_time(Some(json!(["P1D"])));
    let cal = parse(&feed_of(&schedule, "charlie"));
    // Charlie traded for Bob's 2027-W05; his own 2027-W06 follows without a break.
    let w05 = event(&cal.events, "20270201T140000Z");
    let w06 = event(&cal.events, "20270208T140000Z");
    assert_eq!(prop(&w05.properties, "DTEND"), "20270208T140000Z");
    assert_eq!(prop(&w06.properties, "UID"), "2027-W06-oncall-charlie@t.rota");
    assert_eq!((triggers(w05), triggers(w06)), (vec!["-P1D".to_string()], vec![]));
}

#[test]
fn the_team_feed_never_alerts() {
    let schedule = over_time(Some(json!(["P1D", "PT1H"])));
    let stamp = FeedStamp { built_at: DateTime::from_timestamp(0, 0).unwrap(), feed_id: "t.rota".into() };
    let feed = team_feed(&schedule, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), &stamp);
    let cal = parse(&feed);
    assert!(cal.events.len() > 60);
    assert!(cal.events.iter().all(|e| e.alarms.is_empty()));
    assert!(!feed.contains("VALARM"));
}

#[test]
fn without_the_setting_no_feed_alerts() {
    let schedule = over_time(None);
    let feed = feed_of(&schedule, "charlie");
    assert!(parse(&feed).events.iter().all(|e| e.alarms.is_empty()));
    assert!(!feed.contains("VALARM"));
    // An empty list says the same.
    assert!(!feed_of(&over_time(Some(json!([]))), "charlie").contains("VALARM"));
}

#[test]
fn mistakes_are_reported_at_the_reminder() {
    let fx = Fixture::new();
    fx.set("team.json", "/reminders", json!(["P1D", "1h", "-PT1H", "P5W", "PT24H", "PT0M"]));
    fx.expect(&[
        (
            "team.json",
            "/reminders/1",
            "\"1h\" is not a duration before the stretch: write P then weeks (\"P1W\"), or days and/or T \
             with hours and minutes (\"P1D\", \"PT1H\", \"PT30M\", \"P1DT12H\")",
        ),
        ("team.json", "/reminders/2", "\"-PT1H\" has a sign: write how long before, without \"-\" (e.g. \"PT1H\")"),
        (
            "team.json",
            "/reminders/3",
            "\"P5W\" is more than 4 weeks (\"P4W\") before: the calendar entry itself is reminder enough",
        ),
        (
            "team.json",
            "/reminders/4",
            "\"PT24H\" is the same time before as /reminders/0 (1 day): list each reminder once",
        ),
        (
            "team.json",
            "/reminders/5",
            "\"PT0M\" is no time at all: a reminder comes at least a minute (\"PT1M\") before",
        ),
    ]);
}

#[test]
fn reminders_must_be_a_list_of_strings() {
    let fx = Fixture::new();
    fx.set("team.json", "/reminders", json!([60]));
    fx.expect_one("team.json", "/reminders/0", "invalid type: integer `60`, expected a string");
    fx.set("team.json", "/reminders", json!("P1D"));
    fx.expect_one("team.json", "/reminders", "invalid type: string \"P1D\", expected a sequence");
}
