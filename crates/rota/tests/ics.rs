//! Calendar feeds parsed back with the `ical` crate, as a calendar app would read them.

mod common;
mod ical_parse;

use chrono::{DateTime, Utc};
use common::{d, default_inputs};
use ical_parse::{check_lines, parse, prop, unescape};
use rota::ics::{feed_id, person_feed, sequence, team_feed, FeedStamp};

/// 2026-11-29 00:00 UTC: 20 786 days after 1970-01-01, so 1 795 910 400 s and 29 931 840 min.
const BUILT: i64 = 1_795_910_400;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

/// The default team's feeds as a build at `BUILT` of a site at `/` writes them.
fn stamp() -> FeedStamp {
    FeedStamp { built_at: at(BUILT), feed_id: "data-engineering.rota".into() }
}

/// `(UID, SEQUENCE)` of every event.
fn uids_and_sequences(feed: &str) -> Vec<(String, String)> {
    let cal = parse(feed);
    cal.events
        .iter()
        .map(|e| (prop(&e.properties, "UID").to_string(), prop(&e.properties, "SEQUENCE").to_string()))
        .collect()
}

#[test]
fn team_feed_parses_and_is_well_formed() {
    let data = default_inputs();
    let schedule = common::schedule(&data);
    let feed = team_feed(&schedule, d(2026, 6, 1), &stamp());
    check_lines(&feed);
    let cal = parse(&feed);
    assert_eq!(prop(&cal.properties, "VERSION"), "2.0");
    assert_eq!(prop(&cal.properties, "PRODID"), "-//rota//on-call//EN");
    assert_eq!(prop(&cal.properties, "CALSCALE"), "GREGORIAN");
    assert_eq!(prop(&cal.properties, "METHOD"), "PUBLISH");
    assert_eq!(prop(&cal.properties, "X-WR-CALNAME"), "Data Engineering on call");
    assert!(cal.events.len() >= 60, "{} events", cal.events.len());
    assert_eq!(cal.events.len(), 61); // 8 weeks before, the week itself, 52 after

    let w48 = cal
        .events
        .iter()
        .find(|e| prop(&e.properties, "UID") == "2026-W48-oncall@data-engineering.rota")
        .expect("2026-W48 event");
    assert_eq!(prop(&w48.properties, "DTSTART"), "20261123T140000Z");
    assert_eq!(prop(&w48.properties, "DTEND"), "20261130T140000Z");
    assert_eq!(prop(&w48.properties, "DTSTAMP"), "20261129T000000Z");
    assert_eq!(prop(&w48.properties, "SEQUENCE"), "29931840");
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
    let w44 =
        cal.events.iter().find(|e| prop(&e.properties, "UID") == "2026-W44-oncall@data-engineering.rota").unwrap();
    assert_eq!(prop(&w44.properties, "DTSTART"), "20261026T130000Z");
    assert_eq!(prop(&w44.properties, "DTEND"), "20261102T140000Z");
    assert!(prop(&w44.properties, "DESCRIPTION").contains("169 hours"));
}

#[test]
fn feeds_are_reproducible() {
    let data = default_inputs();
    let a = team_feed(&common::schedule(&data), d(2026, 6, 1), &stamp());
    let b = team_feed(&common::schedule(&data), d(2026, 6, 1), &stamp());
    assert_eq!(a, b);
}

#[test]
fn person_feed_has_only_their_weeks() {
    let data = default_inputs();
    let schedule = common::schedule(&data);
    let feed = person_feed(&schedule, "diana", d(2026, 6, 1), &stamp());
    check_lines(&feed);
    let cal = parse(&feed);
    assert_eq!(prop(&cal.properties, "X-WR-CALNAME"), "Data Engineering on call: Diana");
    assert!(cal.events.len() >= 13);
    for e in &cal.events {
        assert_eq!(prop(&e.properties, "SUMMARY"), "On call: Diana");
        assert!(prop(&e.properties, "UID").ends_with("-oncall-diana@data-engineering.rota"));
    }
    let uids: Vec<&str> = cal.events.iter().map(|e| prop(&e.properties, "UID")).collect();
    // Diana gave away 2026-W48 (Thanksgiving) and took 2026-W49; she kept 2026-W52.
    assert!(!uids.contains(&"2026-W48-oncall-diana@data-engineering.rota"));
    assert!(uids.contains(&"2026-W49-oncall-diana@data-engineering.rota"));
    assert!(uids.contains(&"2026-W52-oncall-diana@data-engineering.rota"));
    let w52 = cal
        .events
        .iter()
        .find(|e| prop(&e.properties, "UID") == "2026-W52-oncall-diana@data-engineering.rota")
        .unwrap();
    assert!(prop(&w52.properties, "DESCRIPTION").contains("Holiday conflict: Diana keeps 2026-W52"));

    // An unknown person still gets a valid, empty feed.
    let empty = person_feed(&schedule, "nobody", d(2026, 6, 1), &stamp());
    assert!(parse(&empty).events.is_empty());
}

#[test]
fn names_with_commas_and_semicolons_are_escaped() {
    let mut data = default_inputs();
    data.engineers.iter_mut().find(|e| e.slug == "alice").unwrap().name = "Doe, Jane; Jr. \\ Ünïcödé".into();
    data.team.name = "Data, Engineering".into();
    let schedule = common::schedule(&data);
    let feed = person_feed(&schedule, "alice", d(2026, 6, 1), &stamp());
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
    let feed = team_feed(&schedule, d(2025, 6, 1), &stamp());
    let cal = parse(&feed);
    assert_eq!(prop(&cal.events[0].properties, "UID"), "2026-W01-oncall@data-engineering.rota");
    let far_before = team_feed(&schedule, d(2000, 1, 1), &stamp());
    assert!(parse(&far_before).events.is_empty());
}

// ---- updating cleanly after a rebuild -----------------------------------------------------------

#[test]
fn every_event_is_stamped_with_the_build_not_its_week() {
    let data = default_inputs();
    let feed = team_feed(&common::schedule(&data), d(2026, 11, 29), &stamp());
    let cal = parse(&feed);
    assert_eq!(cal.events.len(), 61);
    for e in &cal.events {
        assert_eq!(prop(&e.properties, "DTSTAMP"), "20261129T000000Z");
        assert_eq!(prop(&e.properties, "SEQUENCE"), "29931840");
    }
}

#[test]
fn sequence_counts_minutes_since_1970() {
    assert_eq!(sequence(at(0)), 0);
    assert_eq!(sequence(at(59)), 0);
    assert_eq!(sequence(at(BUILT)), 29_931_840);
    assert_eq!(sequence(at(BUILT + 60)), 29_931_841);
    // 2038-01-19 03:14:08 UTC, where 32-bit seconds overflow, is far inside 32-bit minutes.
    assert_eq!(sequence(at(2_147_483_648)), 35_791_394);
}

#[test]
fn a_later_build_raises_the_sequence_of_every_event_it_shares() {
    let mut data = default_inputs();
    let before = team_feed(&common::schedule(&data), d(2026, 11, 29), &stamp());
    // Later that day (10:00 in New York), with Diana's Thanksgiving swap declined: the events of
    // 2026-W48 and W49 change, and the feeds cover the same weeks.
    data.decisions.push(rota::Decision { week: "2026-W48".parse().unwrap(), note: None });
    let later = FeedStamp { built_at: at(BUILT + 15 * 3600), ..stamp() };
    let after = team_feed(&common::schedule(&data), d(2026, 11, 29), &later);
    let summary_of_w48 = |feed: &str| {
        let cal = parse(feed);
        let w48 = cal.events.iter().find(|e| prop(&e.properties, "UID").starts_with("2026-W48-")).unwrap();
        prop(&w48.properties, "SUMMARY").to_string()
    };
    assert_eq!((summary_of_w48(&before), summary_of_w48(&after)), ("On call: Alice".into(), "On call: Diana".into()));
    let old: std::collections::HashMap<String, String> = uids_and_sequences(&before).into_iter().collect();
    let mut shared = 0;
    for (uid, seq) in uids_and_sequences(&after) {
        if let Some(old_seq) = old.get(&uid) {
            assert_eq!((old_seq.as_str(), seq.as_str()), ("29931840", "29932740"), "{uid}");
            shared += 1;
        }
    }
    assert_eq!(shared, 61);
}

#[test]
fn feed_ids_name_the_team_and_the_site() {
    assert_eq!(feed_id("Data Engineering", "/"), "data-engineering.rota");
    assert_eq!(feed_id("Data Engineering", ""), "data-engineering.rota");
    assert_eq!(feed_id("Data Engineering", "/oncall/"), "data-engineering.oncall.rota");
    assert_eq!(feed_id("Data Engineering", "/teams/data_eng/"), "data-engineering.teams-data-eng.rota");
    assert_eq!(feed_id("Data Engineering", "https://oncall.example.com/"), "data-engineering.oncall-example-com.rota");
    assert_eq!(feed_id("Ingeniería de Datos", "/"), "ingeniería-de-datos.rota");
}

#[test]
fn two_teams_feeds_in_one_calendar_share_no_uid() {
    let ours = default_inputs();
    let mut theirs = default_inputs();
    theirs.team.name = "Analytics".into();
    let stamp_of = |data: &rota::ScheduleInputs, url: &str| FeedStamp {
        built_at: at(BUILT),
        feed_id: feed_id(&data.team.name, url),
    };
    let feed = |data: &rota::ScheduleInputs, url: &str| {
        team_feed(&common::schedule(data), d(2026, 11, 29), &stamp_of(data, url))
    };
    let uids = |feed: String| -> Vec<String> { uids_and_sequences(&feed).into_iter().map(|(uid, _)| uid).collect() };
    let a = uids(feed(&ours, "/"));
    assert_eq!(a[0], "2026-W40-oncall@data-engineering.rota");
    for (other, first) in [
        (uids(feed(&theirs, "/")), "2026-W40-oncall@analytics.rota"),
        (uids(feed(&ours, "/oncall/")), "2026-W40-oncall@data-engineering.oncall.rota"),
    ] {
        assert_eq!(other[0], first);
        assert!(other.iter().all(|uid| !a.contains(uid)), "{other:?}");
    }
}
