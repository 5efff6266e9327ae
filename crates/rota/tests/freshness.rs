//! When a build asks to be rebuilt: from 8 weeks before its calendar feeds end.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::{d, default_inputs};
use rota::freshness::Freshness;
use rota::ics::{team_feed, FeedStamp};

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

fn built(at: &str) -> Option<Freshness> {
    let data = default_inputs();
    Freshness::of_build(&common::schedule(&data), utc(at))
}

#[test]
fn a_build_on_2026_11_29_has_feeds_until_2027_11_29() {
    // Sunday 2026-11-29 is in the week from Mon 2026-11-23 (2026-W48); the feeds end 52 weeks
    // after it, with the week from Mon 2027-11-22, at the handoff on Mon 2027-11-29.
    let f = built("2026-11-29T16:00:00Z").unwrap();
    assert_eq!(f, Freshness { built_on: d(2026, 11, 29), feeds_end: d(2027, 11, 29) });
}

#[test]
fn the_build_date_is_the_team_s_date() {
    // 03:00 UTC on 30 November is still 22:00 on Sunday 29 November in New York.
    assert_eq!(built("2026-11-30T03:00:00Z").unwrap().built_on, d(2026, 11, 29));
    // From Monday on, the feeds reach a week further.
    let monday = built("2026-11-30T05:00:00Z").unwrap();
    assert_eq!(monday, Freshness { built_on: d(2026, 11, 30), feeds_end: d(2027, 12, 6) });
}

#[test]
fn a_rebuild_is_due_from_8_weeks_before_the_feeds_end() {
    let f = built("2026-11-29T16:00:00Z").unwrap();
    let due = |y, m, day| f.rebuild_due(NaiveDate::from_ymd_opt(y, m, day).unwrap());
    assert!(!due(2026, 11, 29), "not at the build");
    // 2027-11-29 minus 56 days is 2027-10-04.
    assert!(!due(2027, 10, 3));
    assert!(due(2027, 10, 4));
    assert!(due(2027, 11, 29));
    assert!(due(2099, 1, 1), "and ever after");
}

#[test]
fn the_feeds_have_ended_after_their_last_day() {
    let f = built("2026-11-29T16:00:00Z").unwrap();
    assert!(!f.feeds_ended(d(2027, 11, 29)), "the last week hands over during that day");
    assert!(f.feeds_ended(d(2027, 11, 30)));
}

#[test]
fn the_end_is_where_the_team_feed_ends() {
    let data = default_inputs();
    let schedule = common::schedule(&data);
    let built_at = utc("2027-03-10T12:00:00Z");
    let stamp = FeedStamp { built_at, feed_id: "data-engineering.rota".into() };
    let feed = team_feed(&schedule, d(2027, 3, 10), &stamp);
    let last_end = feed.lines().filter_map(|l| l.strip_prefix("DTEND:")).next_back().unwrap();
    // Wednesday 2027-03-10 is in the week from Mon 2027-03-08; 52 weeks on, the week from Mon
    // 2028-03-06 ends at the 09:00 handoff on Mon 2028-03-13, daylight time since the 12th: 13:00Z.
    assert_eq!(last_end, "20280313T130000Z");
    assert_eq!(Freshness::of_build(&schedule, built_at).unwrap().feeds_end, d(2028, 3, 13));
}

#[test]
fn a_build_whose_feeds_hold_no_week_has_nothing_to_run_dry() {
    // The rotation starts on 2025-12-29; feeds built two years before reach only 2024-12.
    assert_eq!(built("2023-12-01T12:00:00Z"), None);
}
