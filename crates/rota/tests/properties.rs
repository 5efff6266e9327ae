//! Property tests: invariants of the resolved schedule on random teams, leave, decisions,
//! roster changes and covers.

mod common;

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;
use rota::{
    Cover, Decision, Engineer, FairnessLedger, Handoff, Leave, RosterChange, ScheduleInputs, Team, WeekAssignment,
    WeekId,
};

const ZONES: [Tz; 5] = [
    chrono_tz::America::New_York,
    chrono_tz::Australia::Sydney,
    chrono_tz::Asia::Kolkata,
    chrono_tz::Europe::London,
    chrono_tz::UTC,
];

/// Weeks examined per case: a bit over three years.
const WEEKS: u32 = 170;

#[derive(Debug, Clone)]
struct Spec {
    n: usize,
    backups: Vec<usize>,
    zone: usize,
    epoch_offset_weeks: i64,
    own_calendar: Vec<bool>,
    leave: Vec<(usize, i64, i64)>,
    declined: Vec<u32>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (2usize..=6)
        .prop_flat_map(|n| {
            (
                Just(n),
                prop::collection::vec(0..n, n),
                0..ZONES.len(),
                0i64..200,
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec((0..n, 0i64..(WEEKS as i64 * 7), 0i64..21), 0..12),
                prop::collection::vec(0u32..WEEKS, 0..4),
            )
        })
        .prop_map(|(n, backups, zone, epoch_offset_weeks, own_calendar, leave, declined)| Spec {
            n,
            backups,
            zone,
            epoch_offset_weeks,
            own_calendar,
            leave,
            declined,
        })
}

fn build(spec: &Spec) -> ScheduleInputs {
    let slug = |i: usize| format!("e{i}");
    let epoch = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::weeks(spec.epoch_offset_weeks);
    let mut data = common::default_inputs();
    data.team = Team {
        name: "Random".into(),
        time_zone: ZONES[spec.zone],
        handoff: Handoff { weekday: Weekday::Mon, time: NaiveTime::from_hms_opt(9, 0, 0).unwrap() },
        epoch,
        rotation: (0..spec.n).map(slug).collect(),
        calendar: Some("us-federal".into()),
        reminders: vec![],
        fallback_contacts: vec![],
        layers: Default::default(),
    };
    // A second calendar with different days, for engineers who name their own.
    let mut other = common::us_federal();
    other.slug = "other".into();
    other.rules.truncate(3);
    other.one_off.push(rota::OneOffHoliday { date: epoch + Duration::days(40), name: "Founders' Day".into() });
    data.calendars.push(other);
    data.engineers = (0..spec.n)
        .map(|i| Engineer {
            slug: slug(i),
            name: format!("Engineer {i}"),
            contacts: Vec::new(),
            contact: None,
            calendar: spec.own_calendar[i].then(|| "other".into()),
            backup: slug(spec.backups[i]),
        })
        .collect();
    data.leave = spec
        .leave
        .iter()
        .map(|&(e, start, len)| Leave {
            engineer: slug(e),
            from: epoch + Duration::days(start),
            to: epoch + Duration::days(start + len),
            note: None,
        })
        .collect();
    data.decisions = spec
        .declined
        .iter()
        .map(|&k| Decision { week: WeekId::of(epoch + Duration::weeks(i64::from(k))), note: None })
        .collect();
    data
}

fn check_invariants(data: &ScheduleInputs, weeks: &[WeekAssignment]) -> Result<(), TestCaseError> {
    let slugs: Vec<&str> = data.engineers.iter().map(|e| e.slug.as_str()).collect();
    let mut pointed_at: BTreeMap<u32, u32> = BTreeMap::new();
    for (i, w) in weeks.iter().enumerate() {
        prop_assert_eq!(w.week.index, i as u32);
        // Exactly one engineer, a real one, is on call.
        prop_assert!(slugs.contains(&w.on_call.as_str()), "unknown on-call {}", w.on_call);
        prop_assert_eq!(&w.scheduled, &data.team.rotation[i % data.team.rotation.len()]);
        if i + 1 < weeks.len() {
            prop_assert_eq!(w.week.end, weeks[i + 1].week.start);
        }
        prop_assert!(!(w.swap.is_some() && w.conflict.is_some()));
        match &w.swap {
            None => prop_assert_eq!(&w.on_call, &w.scheduled),
            Some(s) => {
                // Swaps come in pairs pointing at each other, exchanging the engineers.
                prop_assert_ne!(s.with_index, w.week.index);
                prop_assert_eq!(&s.gave, &w.scheduled);
                prop_assert_eq!(&s.took, &w.on_call);
                prop_assert_ne!(&s.gave, &s.took);
                if let Some(other) = weeks.get(s.with_index as usize) {
                    let back = other.swap.as_ref().expect("the other week of a swap carries it too");
                    prop_assert_eq!(back.with_index, w.week.index);
                    prop_assert_eq!(back.with_week, w.week.id);
                    prop_assert_eq!(s.with_week, other.week.id);
                    prop_assert_eq!(&back.gave, &s.took);
                    prop_assert_eq!(&back.took, &s.gave);
                    prop_assert_eq!(&back.reason, &s.reason);
                }
                // A week is never in two swaps: each week is pointed at by one week only.
                prop_assert!(pointed_at.insert(s.with_index, w.week.index).is_none());
                if s.is_holiday_side(w.week.index) {
                    // The holiday week holds a holiday or leave of its scheduled engineer,
                    // and the backup took it.
                    prop_assert!(w.holidays_of(&w.scheduled).next().is_some());
                    prop_assert_eq!(&data.engineer(&w.scheduled).unwrap().backup, &w.on_call);
                    // The return week is the backup's next base week.
                    let between = (w.week.index + 1..s.with_index)
                        .any(|j| data.team.rotation[j as usize % data.team.rotation.len()] == w.on_call);
                    prop_assert!(!between);
                }
            }
        }
        if w.conflict.is_some() {
            prop_assert!(w.holidays_of(&w.scheduled).next().is_some());
        }
        // Without a holiday for the scheduled engineer, a week is either untouched or the
        // return week of an earlier swap.
        if w.holidays_of(&w.scheduled).next().is_none() {
            prop_assert!(w.conflict.is_none());
            if let Some(s) = &w.swap {
                prop_assert!(s.with_index < w.week.index);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_random_teams(spec in spec()) {
        let data = build(&spec);
        let weeks = common::schedule(&data).weeks(0, WEEKS);
        check_invariants(&data, &weeks)?;
    }

    #[test]
    fn a_week_does_not_depend_on_the_range_asked(spec in spec(), from in 0u32..WEEKS, count in 0u32..40) {
        let data = build(&spec);
        let all = common::schedule(&data).weeks(0, from + count);
        let fresh = common::schedule(&data);
        prop_assert_eq!(&fresh.weeks(from, count)[..], &all[from as usize..]);
        // Asking out of order on a cached schedule gives the same too.
        if count > 0 {
            let last = from + count - 1;
            prop_assert_eq!(&fresh.week(last), &all[last as usize]);
            let again = common::schedule(&data);
            prop_assert_eq!(&again.week(last), &all[last as usize]);
            prop_assert_eq!(&again.week(from), &all[from as usize]);
        }
    }

    #[test]
    fn default_team_with_random_leave_keeps_invariants(
        leave in prop::collection::vec((0usize..4, 0i64..1100, 0i64..30), 0..15),
    ) {
        let mut data = common::default_inputs();
        let epoch = data.team.epoch;
        let slugs = ["alice", "bob", "charlie", "diana"];
        data.leave = leave
            .iter()
            .map(|&(e, start, len)| Leave {
                engineer: slugs[e].into(),
                from: epoch + Duration::days(start),
                to: epoch + Duration::days(start + len),
                note: Some("random".into()),
            })
            .collect();
        let weeks = common::schedule(&data).weeks(0, 160);
        check_invariants(&data, &weeks)?;
        // Every engineer still works about a quarter of the weeks.
        for s in slugs {
            let n = weeks.iter().filter(|w| w.on_call == s).count();
            prop_assert!((20..=60).contains(&n), "{s} on call {n} of 160 weeks");
        }
    }
}

/// A roster change at week `at` to a random order of some of the engineers (`picks` indexes
/// into the team, repeats dropped).
fn with_change(data: &ScheduleInputs, at: u32, picks: &[usize]) -> ScheduleInputs {
    let mut order: Vec<String> = Vec::new();
    for &p in picks {
        let slug = data.engineers[p % data.engineers.len()].slug.clone();
        if !order.contains(&slug) {
            order.push(slug);
        }
    }
    let mut changed = data.clone();
    let from = WeekId::of(data.team.epoch + Duration::weeks(i64::from(at)));
    changed.roster_changes.push(RosterChange { from, rotation: order, note: None });
    changed
}

/// Covers at random times (minutes from the epoch, lengths in minutes up to four days).
fn with_covers(data: &ScheduleInputs, covers: &[(usize, i64, i64)]) -> ScheduleInputs {
    let mut covered = data.clone();
    let start = data.team.epoch.and_hms_opt(0, 0, 0).unwrap();
    covered.covers = covers
        .iter()
        .map(|&(e, from, len)| Cover {
            engineer: data.engineers[e % data.engineers.len()].slug.clone(),
            from: start + Duration::minutes(from),
            to: start + Duration::minutes(from + len),
            note: None,
        })
        .collect();
    covered
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The guarantee of roster changes: for any change taking effect at week W, every week
    /// before W (on-call, swaps, conflicts, holidays, covers) and the fairness ledger of those
    /// weeks are exactly as without the change.
    #[test]
    fn a_roster_change_never_rewrites_the_past(
        spec in spec(),
        at in 1u32..WEEKS,
        picks in prop::collection::vec(0usize..6, 1..7),
    ) {
        let data = build(&spec);
        let changed = with_change(&data, at, &picks);
        let (before, after) = (common::schedule(&data), common::schedule(&changed));
        prop_assert_eq!(before.weeks(0, at), after.weeks(0, at));
        prop_assert_eq!(FairnessLedger::for_range(&before, 0, at), FairnessLedger::for_range(&after, 0, at));
        // And from W on, the new order is what the rotation gives.
        let order = &changed.roster_changes[0].rotation;
        for (k, w) in after.weeks(at, 12).iter().enumerate() {
            prop_assert_eq!(&w.scheduled, &order[k % order.len()]);
        }
    }

    /// Every instant has exactly one engineer on call: each week's stretches run from its
    /// start to its end without gaps or overlaps, whatever covers lie on it.
    #[test]
    fn covers_never_leave_a_gap(
        spec in spec(),
        covers in prop::collection::vec((0usize..6, 0i64..(60 * 24 * 7 * 40), 1i64..(60 * 24 * 4)), 0..12),
        probes in prop::collection::vec(0i64..(3600 * 24 * 7 * 40), 1..20),
    ) {
        let data = with_covers(&build(&spec), &covers);
        let schedule = common::schedule(&data);
        let weeks = schedule.weeks(0, 42);
        for w in &weeks {
            prop_assert!(!w.stretches.is_empty());
            prop_assert_eq!(w.stretches[0].start, w.week.start);
            prop_assert_eq!(w.stretches.last().unwrap().end, w.week.end);
            for pair in w.stretches.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
                // Neighbours differ, or they would be one stretch.
                prop_assert!(pair[0].engineer != pair[1].engineer || pair[0].kind != pair[1].kind);
            }
            for s in &w.stretches {
                prop_assert!(s.start < s.end);
                prop_assert!(data.engineer(&s.engineer).is_some());
            }
            // The week's time is shared out exactly.
            let total: Duration = w.stretches.iter().map(|s| s.duration()).sum();
            prop_assert_eq!(total, w.week.duration());
        }
        let first = schedule.rotation().week(0).start.to_utc();
        for p in probes {
            let instant = first + Duration::seconds(p);
            let w = schedule.at(instant).unwrap();
            prop_assert_eq!(w.stretches.iter().filter(|s| s.contains(instant)).count(), 1);
        }
    }
}
