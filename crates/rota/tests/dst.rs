//! Week lengths and handoff wall times across daylight-saving changes in several zones.

mod common;

use chrono::{Datelike, NaiveTime, Offset, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use common::default_inputs;
use rota::{Rotation, ScheduleInputs};

fn team_in(zone: Tz) -> ScheduleInputs {
    let mut data = default_inputs();
    data.team.time_zone = zone;
    data
}

/// Weeks of 2026 (by start date) whose length is not 168 hours, as (ISO week, hours).
fn odd_weeks(zone: Tz) -> Vec<(String, i64)> {
    let data = team_in(zone);
    let r = Rotation::new(&data);
    (0..60)
        .map(|k| r.week(k))
        .filter(|w| w.start_date().year() == 2026 && w.hours() != 168)
        .map(|w| (w.id.to_string(), w.hours()))
        .collect()
}

/// Over three years every handoff is Monday 09:00 local, weeks chain without gaps, and a
/// week is 168 hours give or take the offset change inside it.
fn check_wall_clock(zone: Tz) {
    let data = team_in(zone);
    let r = Rotation::new(&data);
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    for k in 0..160 {
        let w = r.week(k);
        assert_eq!(w.start.time(), nine, "{zone} week {}", w.id);
        assert_eq!(w.start.weekday(), Weekday::Mon);
        assert_eq!(w.end, r.week(k + 1).start);
        let shift = w.start.offset().fix().local_minus_utc() - w.end.offset().fix().local_minus_utc();
        assert_eq!((w.end - w.start).num_seconds(), 168 * 3600 + i64::from(shift), "{zone} {}", w.id);
    }
}

#[test]
fn new_york() {
    // Clocks go forward Sun 8 Mar 2026 and back Sun 1 Nov 2026.
    assert_eq!(odd_weeks(chrono_tz::America::New_York), vec![("2026-W10".into(), 167), ("2026-W44".into(), 169)]);
    check_wall_clock(chrono_tz::America::New_York);
    let data = team_in(chrono_tz::America::New_York);
    let r = Rotation::new(&data);
    assert_eq!(r.week(9).start.with_timezone(&Utc), Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap());
    assert_eq!(r.week(10).start.with_timezone(&Utc), Utc.with_ymd_and_hms(2026, 3, 9, 13, 0, 0).unwrap());
}

#[test]
fn sydney_southern_hemisphere() {
    // Clocks go back Sun 5 Apr 2026 and forward Sun 4 Oct 2026: the long week comes first.
    assert_eq!(odd_weeks(chrono_tz::Australia::Sydney), vec![("2026-W14".into(), 169), ("2026-W40".into(), 167)]);
    check_wall_clock(chrono_tz::Australia::Sydney);
    let data = team_in(chrono_tz::Australia::Sydney);
    let r = Rotation::new(&data);
    // 09:00 AEDT (UTC+11) on 29 Dec 2025 is 22:00 UTC the day before.
    assert_eq!(r.week(0).start.with_timezone(&Utc), Utc.with_ymd_and_hms(2025, 12, 28, 22, 0, 0).unwrap());
}

#[test]
fn kolkata_and_kathmandu_half_and_quarter_hour_offsets() {
    for zone in [chrono_tz::Asia::Kolkata, chrono_tz::Asia::Kathmandu] {
        assert!(odd_weeks(zone).is_empty(), "{zone}");
        check_wall_clock(zone);
    }
    let data = team_in(chrono_tz::Asia::Kolkata);
    assert_eq!(
        Rotation::new(&data).week(0).start.with_timezone(&Utc),
        Utc.with_ymd_and_hms(2025, 12, 29, 3, 30, 0).unwrap()
    );
    let data = team_in(chrono_tz::Asia::Kathmandu);
    assert_eq!(
        Rotation::new(&data).week(0).start.with_timezone(&Utc),
        Utc.with_ymd_and_hms(2025, 12, 29, 3, 15, 0).unwrap()
    );
}

#[test]
fn tokyo_and_utc_never_change() {
    for zone in [chrono_tz::Asia::Tokyo, chrono_tz::UTC] {
        assert!(odd_weeks(zone).is_empty(), "{zone}");
        check_wall_clock(zone);
    }
}

#[test]
fn london_and_lord_howe() {
    // Europe: last Sundays of March and October.
    assert_eq!(odd_weeks(chrono_tz::Europe::London), vec![("2026-W13".into(), 167), ("2026-W43".into(), 169)]);
    check_wall_clock(chrono_tz::Europe::London);
    // Lord Howe Island shifts by 30 minutes: 168.5 h and 167.5 h weeks.
    let data = team_in(chrono_tz::Australia::Lord_Howe);
    let r = Rotation::new(&data);
    let mins: Vec<i64> = (0..53).map(|k| r.week(k).duration().num_minutes()).filter(|&m| m != 168 * 60).collect();
    assert_eq!(mins, vec![168 * 60 + 30, 168 * 60 - 30]);
    check_wall_clock(chrono_tz::Australia::Lord_Howe);
}

#[test]
fn index_at_round_trips_in_every_zone() {
    for zone in [chrono_tz::America::New_York, chrono_tz::Australia::Sydney, chrono_tz::Asia::Kolkata, chrono_tz::UTC] {
        let data = team_in(zone);
        let r = Rotation::new(&data);
        for k in 0..120 {
            let w = r.week(k);
            let start = w.start.with_timezone(&Utc);
            assert_eq!(r.index_at(start), Some(k));
            assert_eq!(r.index_at(start - chrono::Duration::seconds(1)), k.checked_sub(1));
            assert_eq!(r.index_of_week(w.id), Some(k));
            assert_eq!(r.index_of_date(w.dates()[6]), Some(k));
        }
    }
}
