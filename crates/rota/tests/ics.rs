//! Calendar feeds parsed back with the `ical` crate, as a calendar app would read them.

mod common;

use common::{d, default_inputs};
use rota::ics::{person_feed, team_feed};

fn parse(feed: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut cals = ical::IcalParser::new(std::io::BufReader::new(feed.as_bytes()));
    let cal = cals.next().expect("one calendar").expect("feed parses");
    assert!(cals.next().is_none(), "exactly one VCALENDAR");
    cal
}

fn prop<'p>(props: &'p [ical::property::Property], name: &str) -> &'p str {
    props.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref()).unwrap_or_else(|| panic!("no {name}"))
}

/// TEXT unescaping (the parser hands values back as written).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn check_lines(feed: &str) {
    assert!(feed.ends_with("END:VCALENDAR\r\n"));
    // Every line break is CRLF, and no physical line exceeds 75 octets.
    assert_eq!(feed.matches('\n').count(), feed.matches("\r\n").count(), "bare LF in feed");
    for line in feed.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        assert!(!line.contains('\r'));
    }
}

#[test]
fn team_feed_parses_and_is_well_formed() {
    let data = default_inputs();
    let schedule = common::schedule(&data);
    let feed = team_feed(&schedule, d(2026, 6, 1));
    check_lines(&feed);
    let cal = parse(&feed);
    assert_eq!(prop(&cal.properties, "VERSION"), "2.0");
    assert_eq!(prop(&cal.properties, "PRODID"), "-//rota//on-call//EN");
    assert_eq!(prop(&cal.properties, "CALSCALE"), "GREGORIAN");
    assert_eq!(prop(&cal.properties, "METHOD"), "PUBLISH");
    assert_eq!(prop(&cal.properties, "X-WR-CALNAME"), "Data Engineering on call");
    assert!(cal.events.len() >= 60, "{} events", cal.events.len());
    assert_eq!(cal.events.len(), 61); // 8 weeks before, the week itself, 52 after

    let w48 = cal.events.iter().find(|e| prop(&e.properties, "UID") == "2026-W48-oncall@rota").expect("2026-W48 event");
    assert_eq!(prop(&w48.properties, "DTSTART"), "20261123T140000Z");
    assert_eq!(prop(&w48.properties, "DTEND"), "20261130T140000Z");
    assert_eq!(prop(&w48.properties, "DTSTAMP"), "20261123T140000Z");
    assert_eq!(prop(&w48.properties, "SUMMARY"), "On call: Alice");
    let desc = unescape(prop(&w48.properties, "DESCRIPTION"));
    assert!(desc.contains("\nSwap: Alice covers this week for Diana; Diana covers 2026-W49 in return.\n"), "{desc}");
    assert!(
        desc.contains(
            "\nWhy: Diana's week 2026-W48 holds Thanksgiving Day (Thu 26 Nov 2026): \
             Alice (backup) covers 2026-W48 and Diana takes 2026-W49 in return.\n"
        ),
        "{desc}"
    );
    // Long descriptions must have been folded and unfolded intact.
    assert!(feed.contains("\r\n "));

    // UIDs unique, events consecutive and in UTC.
    let mut uids: Vec<&str> = cal.events.iter().map(|e| prop(&e.properties, "UID")).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), cal.events.len());
    for pair in cal.events.windows(2) {
        assert_eq!(prop(&pair[0].properties, "DTEND"), prop(&pair[1].properties, "DTSTART"));
        assert!(prop(&pair[0].properties, "DTSTART").ends_with('Z'));
    }
    // DST: the handoff stays at 09:00 in New York, so it moves in UTC.
    let w44 = cal.events.iter().find(|e| prop(&e.properties, "UID") == "2026-W44-oncall@rota").unwrap();
    assert_eq!(prop(&w44.properties, "DTSTART"), "20261026T130000Z");
    assert_eq!(prop(&w44.properties, "DTEND"), "20261102T140000Z");
    assert!(prop(&w44.properties, "DESCRIPTION").contains("169 hours"));
}

#[test]
fn feeds_are_reproducible() {
    let data = default_inputs();
    let a = team_feed(&common::schedule(&data), d(2026, 6, 1));
    let b = team_feed(&common::schedule(&data), d(2026, 6, 1));
    assert_eq!(a, b);
}

#[test]
fn person_feed_has_only_their_weeks() {
    let data = default_inputs();
    let schedule = common::schedule(&data);
    let feed = person_feed(&schedule, "diana", d(2026, 6, 1));
    check_lines(&feed);
    let cal = parse(&feed);
    assert_eq!(prop(&cal.properties, "X-WR-CALNAME"), "Data Engineering on call: Diana");
    assert!(cal.events.len() >= 13);
    for e in &cal.events {
        assert_eq!(prop(&e.properties, "SUMMARY"), "On call: Diana");
        assert!(prop(&e.properties, "UID").ends_with("-oncall-diana@rota"));
    }
    let uids: Vec<&str> = cal.events.iter().map(|e| prop(&e.properties, "UID")).collect();
    // Diana gave away 2026-W48 (Thanksgiving) and took 2026-W49; she kept 2026-W52.
    assert!(!uids.contains(&"2026-W48-oncall-diana@rota"));
    assert!(uids.contains(&"2026-W49-oncall-diana@rota"));
    assert!(uids.contains(&"2026-W52-oncall-diana@rota"));
    let w52 = cal.events.iter().find(|e| prop(&e.properties, "UID") == "2026-W52-oncall-diana@rota").unwrap();
    assert!(prop(&w52.properties, "DESCRIPTION").contains("Holiday conflict: Diana keeps 2026-W52"));

    // An unknown person still gets a valid, empty feed.
    let empty = person_feed(&schedule, "nobody", d(2026, 6, 1));
    assert!(parse(&empty).events.is_empty());
}

#[test]
fn names_with_commas_and_semicolons_are_escaped() {
    let mut data = default_inputs();
    data.engineers.iter_mut().find(|e| e.slug == "alice").unwrap().name = "Doe, Jane; Jr. \\ Ünïcödé".into();
    data.team.name = "Data, Engineering".into();
    let schedule = common::schedule(&data);
    let feed = person_feed(&schedule, "alice", d(2026, 6, 1));
    check_lines(&feed);
    assert!(feed.contains("SUMMARY:On call: Doe\\, Jane\\; Jr. \\\\ Ünïcödé\r\n"), "{feed}");
    assert!(feed.contains("X-WR-CALNAME:Data\\, Engineering on call: Doe\\, Jane\\; Jr. \\\\ Ünïcödé\r\n"));
    let cal = parse(&feed);
    let summary = prop(&cal.events[0].properties, "SUMMARY");
    // The parser hands back the escaped TEXT value; unescaping restores the name.
    let unescaped = summary.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    assert_eq!(unescaped, "On call: Doe, Jane; Jr. \\ Ünïcödé");
}

#[test]
fn feed_before_the_epoch_starts_at_week_zero() {
    let data = default_inputs();
    let schedule = common::schedule(&data);
    let feed = team_feed(&schedule, d(2025, 6, 1));
    let cal = parse(&feed);
    assert_eq!(prop(&cal.events[0].properties, "UID"), "2026-W01-oncall@rota");
    let far_before = team_feed(&schedule, d(2000, 1, 1));
    assert!(parse(&far_before).events.is_empty());
}

/// A cover splits a week into the stretches actually worked: one event each, consecutive,
/// in the team feed, and only the cover in the covering engineer's feed.
#[test]
fn a_cover_splits_the_week_into_one_event_per_stretch() {
    let mut data = default_inputs();
    // Bob holds 2026-W50 (Mon 7 Dec 09:00 EST = 14:00Z); Charlie covers Wed 18:00 to Fri 09:00.
    data.covers.push(rota::Cover {
        engineer: "charlie".into(),
        from: rota::embedded::minute(2026, 12, 9, 18, 0),
        to: rota::embedded::minute(2026, 12, 11, 9, 0),
        note: Some("Bob's school play".into()),
    });
    let schedule = common::schedule(&data);
    let cal = parse(&team_feed(&schedule, d(2026, 12, 1)));
    let w50: Vec<(&str, &str, &str, &str)> = cal
        .events
        .iter()
        .filter(|e| prop(&e.properties, "UID").starts_with("2026-W50"))
        .map(|e| {
            let p = |name| prop(&e.properties, name);
            (p("UID"), p("DTSTART"), p("DTEND"), p("SUMMARY"))
        })
        .collect();
    assert_eq!(
        w50,
        vec![
            ("2026-W50-oncall@rota", "20261207T140000Z", "20261209T230000Z", "On call: Bob"),
            ("2026-W50-20261209T230000Z-oncall@rota", "20261209T230000Z", "20261211T140000Z", "On call: Charlie"),
            ("2026-W50-20261211T140000Z-oncall@rota", "20261211T140000Z", "20261214T140000Z", "On call: Bob"),
        ]
    );
    let cover =
        cal.events.iter().find(|e| prop(&e.properties, "UID") == "2026-W50-20261209T230000Z-oncall@rota").unwrap();
    let desc = unescape(prop(&cover.properties, "DESCRIPTION"));
    assert!(
        desc.starts_with(
            "Charlie is on call for Data Engineering, week 2026-W50: Wed 9 Dec 2026 18:00 to Fri 11 Dec 2026 09:00"
        ),
        "{desc}"
    );
    assert!(
        desc.contains("Cover: Charlie covers Wed 9 Dec 18:00 – Fri 11 Dec 09:00 for Bob (Bob's school play)."),
        "{desc}"
    );

    let charlie = parse(&person_feed(&schedule, "charlie", d(2026, 12, 1)));
    let starts: Vec<&str> = charlie.events.iter().map(|e| prop(&e.properties, "DTSTART")).collect();
    assert!(starts.contains(&"20261209T230000Z"));
    assert!(!starts.contains(&"20261207T140000Z"));
}
