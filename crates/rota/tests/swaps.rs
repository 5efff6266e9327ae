//! The swap rules one by one, with the default team and small edits to it.

mod common;

use chrono::{DateTime, Utc};
use common::{d, default_inputs};
use rota::{Decision, Leave, ScheduleInputs, WeekAssignment, WeekHolidayKind, WeekId};

fn week(data: &ScheduleInputs, id: &str) -> WeekAssignment {
    common::schedule(data).by_id(id.parse::<WeekId>().unwrap()).unwrap()
}

fn leave(engineer: &str, from: chrono::NaiveDate, to: chrono::NaiveDate, note: Option<&str>) -> Leave {
    Leave { engineer: engineer.into(), from, to, note: note.map(Into::into) }
}

fn who(w: &WeekAssignment) -> (&str, &str) {
    (w.scheduled.as_str(), w.on_call.as_str())
}

#[test]
fn declined_swap_keeps_the_week() {
    let mut data = default_inputs();
    data.decisions.push(Decision { week: "2026-W48".parse().unwrap(), note: Some("Diana prefers to stay".into()) });
    let w48 = week(&data, "2026-W48");
    assert_eq!(who(&w48), ("diana", "diana"));
    assert!(w48.swap.is_none());
    assert_eq!(
        w48.conflict.unwrap().reason,
        "Diana keeps 2026-W48: the swap with Alice (backup) was declined by the team (Diana prefers to stay)"
    );
    let w49 = week(&data, "2026-W49");
    assert_eq!(who(&w49), ("alice", "alice"));
    assert!(w49.swap.is_none());
}

#[test]
fn backup_on_leave_blocks_the_swap() {
    let mut data = default_inputs();
    data.leave.push(leave("alice", d(2026, 11, 27), d(2026, 11, 27), None));
    let w48 = week(&data, "2026-W48");
    assert_eq!(who(&w48), ("diana", "diana"));
    assert_eq!(w48.conflict.unwrap().reason, "Diana keeps 2026-W48: Alice (backup) is on leave from Fri 27 Nov 2026");
}

#[test]
fn leave_in_the_return_week_blocks_the_swap() {
    let mut data = default_inputs();
    data.leave.push(leave("diana", d(2026, 12, 1), d(2026, 12, 10), Some("Trip")));
    let w48 = week(&data, "2026-W48");
    assert_eq!(who(&w48), ("diana", "diana"));
    assert_eq!(
        w48.conflict.unwrap().reason,
        "Diana keeps 2026-W48: Diana is on leave (Trip) from Tue 1 Dec 2026 in the return week 2026-W49"
    );
}

#[test]
fn leave_makes_a_holiday_week_and_is_listed() {
    let mut data = default_inputs();
    data.leave.push(leave("charlie", d(2026, 4, 3), d(2026, 4, 8), Some("Vacation")));
    let w15 = week(&data, "2026-W15");
    assert_eq!(who(&w15), ("charlie", "diana"));
    let swap = w15.swap.as_ref().unwrap();
    assert_eq!(swap.with_week.to_string(), "2026-W16");
    assert_eq!(
        swap.reason,
        "Charlie is on leave (Vacation) from Mon 6 Apr 2026 in 2026-W15: \
         Diana (backup) covers 2026-W15 and Charlie takes 2026-W16 in return"
    );
    let l = &w15.holidays[0];
    assert_eq!((l.engineer.as_str(), l.kind, l.date), ("charlie", WeekHolidayKind::Leave, d(2026, 4, 6)));
    // The leave reaching into the week before (a Bob week) changes nothing there.
    assert_eq!(who(&week(&data, "2026-W14")), ("bob", "bob"));
    assert_eq!(who(&week(&data, "2026-W16")), ("diana", "charlie"));
}

#[test]
fn return_week_already_in_a_swap() {
    // Bob and Diana both have Alice as backup: Veterans Day (Bob, 2026-W46) claims Alice's
    // 2026-W49, so Thanksgiving (Diana, 2026-W48) finds it taken.
    let mut data = default_inputs();
    data.engineers.iter_mut().find(|e| e.slug == "bob").unwrap().backup = "alice".into();
    let w46 = week(&data, "2026-W46");
    assert_eq!(who(&w46), ("bob", "alice"));
    assert_eq!(w46.swap.as_ref().unwrap().with_week.to_string(), "2026-W49");
    let w48 = week(&data, "2026-W48");
    assert_eq!(who(&w48), ("diana", "diana"));
    assert_eq!(
        w48.conflict.unwrap().reason,
        "Diana keeps 2026-W48: the return week 2026-W49 is already part of the swap for 2026-W46"
    );
    assert_eq!(who(&week(&data, "2026-W49")), ("alice", "bob"));
}

#[test]
fn return_week_is_not_examined_again() {
    // Bob is away in 2026-W02, but he gave that week to Alice for New Year's Day anyway.
    let mut data = default_inputs();
    data.leave.push(leave("bob", d(2026, 1, 5), d(2026, 1, 9), None));
    let w2 = week(&data, "2026-W02");
    assert_eq!(who(&w2), ("bob", "alice"));
    assert!(w2.conflict.is_none());
    assert!(w2.holidays.iter().any(|h| h.engineer == "bob" && h.kind == WeekHolidayKind::Leave));
}

#[test]
fn no_backup_and_backup_outside_the_rotation() {
    let mut data = default_inputs();
    data.engineers.iter_mut().find(|e| e.slug == "diana").unwrap().backup = "diana".into();
    assert_eq!(
        week(&data, "2026-W48").conflict.unwrap().reason,
        "Diana keeps 2026-W48: Diana has no backup to swap with"
    );
    let mut data = default_inputs();
    data.engineers.push(rota::Engineer {
        slug: "erin".into(),
        name: "Erin".into(),
        contacts: Vec::new(),
        contact: None,
        calendar: None,
        backup: "alice".into(),
    });
    data.engineers.iter_mut().find(|e| e.slug == "diana").unwrap().backup = "erin".into();
    assert_eq!(
        week(&data, "2026-W48").conflict.unwrap().reason,
        "Diana keeps 2026-W48: Erin (backup) has no week in the rotation to give in return"
    );
}

#[test]
fn own_calendar_overrides_the_team_calendar() {
    // Diana on an empty calendar has no Thanksgiving to swap for.
    let mut data = default_inputs();
    data.calendars.push(rota::HolidayCalendar {
        slug: "none".into(),
        name: "None".into(),
        rules: vec![],
        one_off: vec![],
    });
    data.engineers.iter_mut().find(|e| e.slug == "diana").unwrap().calendar = Some("none".into());
    let w48 = week(&data, "2026-W48");
    assert_eq!(who(&w48), ("diana", "diana"));
    assert!(w48.swap.is_none() && w48.conflict.is_none());
    assert!(w48.holidays.is_empty());
}

#[test]
fn at_an_instant() {
    let data = default_inputs();
    let s = common::schedule(&data);
    let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
    assert!(s.at(t("2025-12-29T13:59:59Z")).is_none());
    assert_eq!(s.at(t("2025-12-29T14:00:00Z")).unwrap().on_call, "bob");
    let w = s.at(t("2026-11-30T13:59:00Z")).unwrap();
    assert_eq!((w.week.id.to_string(), w.on_call.as_str()), ("2026-W48".to_string(), "alice"));
    let w = s.at(t("2026-11-30T14:00:00Z")).unwrap();
    assert_eq!((w.week.id.to_string(), w.on_call.as_str()), ("2026-W49".to_string(), "diana"));
    assert!(s.by_id("2025-W52".parse().unwrap()).is_none());
}

#[test]
fn empty_rotation_does_not_panic() {
    let mut data = default_inputs();
    data.team.rotation.clear();
    let s = common::schedule(&data);
    let w = s.week(3);
    assert_eq!((w.scheduled.as_str(), w.on_call.as_str()), ("", ""));
    assert_eq!(s.weeks(0, 10).len(), 10);
    assert!(s.weeks(5, 0).is_empty());
}

#[test]
fn holidays_list_both_parties_of_a_swap() {
    let data = default_inputs();
    let w48 = week(&data, "2026-W48");
    let who: Vec<&str> = w48.holidays.iter().map(|h| h.engineer.as_str()).collect();
    assert_eq!(who, vec!["alice", "diana"]);
    assert_eq!(w48.holidays[0].describe(), "Thanksgiving Day (Thu 26 Nov 2026)");
}
