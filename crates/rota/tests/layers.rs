//! Layers of any shape, checked against instants worked out by hand (issue 19): a daily
//! rotation across both New York daylight-saving changes, a 3-region follow-the-sun across
//! the weeks when the US and UK clocks change on different dates, and a fortnightly layer
//! whose order changes mid-fortnight; a primary and a secondary, each with a holiday swap.
//!
//! Every expected instant below is written in UTC and was worked out from the zones' rules
//! (New York: UTC−5, UTC−4 from 8 March 2026 02:00 to 1 November 2026 02:00; London: UTC,
//! UTC+1 from 29 March 2026 01:00 UTC to 25 October 2026 01:00 UTC; Singapore: UTC+8).

mod common;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc, WeekdaySet};
use chrono_tz::Tz;
use rota::coverage::Coverage;
use rota::layer::{Layer, LayerChange, LayerRole, LayerStretch};
use rota::layer_check::coverage_findings;
use rota::layer_list::layer_stretches;
use rota::shift::ShiftPattern;

fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hour(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).unwrap()
}

fn layer(slug: &str, zone: Tz, epoch: NaiveDate, days: u32, handoff: u32, rotation: &[&str]) -> Layer {
    Layer {
        slug: slug.into(),
        name: slug.into(),
        role: LayerRole::Primary,
        pattern: ShiftPattern { zone, epoch, days, time: hour(handoff) },
        rotation: rotation.iter().map(|s| s.to_string()).collect(),
        changes: vec![],
        coverage: None,
    }
}

/// (person, from, to, hours) of each stretch.
fn table(stretches: &[LayerStretch<'_>]) -> Vec<(String, DateTime<Utc>, DateTime<Utc>, i64)> {
    stretches.iter().map(|s| (s.person.to_string(), s.from, s.to, (s.to - s.from).num_hours())).collect()
}

fn row(
    person: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    hours: i64,
) -> (String, DateTime<Utc>, DateTime<Utc>, i64) {
    (person.to_string(), from, to, hours)
}

#[test]
fn a_daily_rotation_has_a_23_hour_day_in_march_and_a_25_hour_day_in_november() {
    // Friday 6 March 2026 is shift 0; 31 October is 239 days later (239 = 3 × 79 + 2).
    let daily = layer("daily", chrono_tz::America::New_York, date(2026, 3, 6), 1, 9, &["ana", "ben", "cy"]);
    assert_eq!(
        table(&daily.shifts(utc(2026, 3, 6, 14), utc(2026, 3, 9, 13))),
        [
            row("ana", utc(2026, 3, 6, 14), utc(2026, 3, 7, 14), 24),
            row("ben", utc(2026, 3, 7, 14), utc(2026, 3, 8, 13), 23),
            row("cy", utc(2026, 3, 8, 13), utc(2026, 3, 9, 13), 24),
        ]
    );
    assert_eq!(
        table(&daily.shifts(utc(2026, 10, 30, 13), utc(2026, 11, 2, 14))),
        [
            row("ben", utc(2026, 10, 30, 13), utc(2026, 10, 31, 13), 24),
            row("cy", utc(2026, 10, 31, 13), utc(2026, 11, 1, 14), 25),
            row("ana", utc(2026, 11, 1, 14), utc(2026, 11, 2, 14), 24),
        ]
    );
    // A week's row names each person once, in order.
    assert_eq!(daily.people_between(utc(2026, 3, 6, 14), utc(2026, 3, 13, 13)), ["ana", "ben", "cy"]);
    // The handoff instant itself belongs to the shift that starts there.
    assert_eq!(daily.on_call_at(utc(2026, 3, 8, 13)), Some("cy"));
    assert_eq!(daily.on_call_at(utc(2026, 3, 8, 13) - chrono::Duration::seconds(1)), Some("ben"));
    assert_eq!(daily.on_call_at(utc(2026, 11, 1, 13)), Some("cy"));
    assert_eq!(daily.on_call_at(utc(2026, 11, 1, 14)), Some("ana"));
}

/// Singapore, London and New York, 8 hours each, every day, each region a weekly rotation
/// of two handing over on Mondays at the start of its hours. In winter they meet exactly:
/// 00–08 UTC Singapore (08:00–16:00), 08–16 London (08:00–16:00), 16–24 New York
/// (11:00–19:00).
fn follow_the_sun() -> Vec<Layer> {
    let region = |slug: &str, zone, from: u32, people: &[&str]| Layer {
        coverage: Some(Coverage { days: WeekdaySet::ALL, from: hour(from), to: hour(from + 8) }),
        ..layer(slug, zone, date(2026, 1, 5), 7, from, people)
    };
    vec![
        region("apac", chrono_tz::Asia::Singapore, 8, &["mei", "raj"]),
        region("emea", chrono_tz::Europe::London, 8, &["ola", "tom"]),
        region("americas", chrono_tz::America::New_York, 11, &["ana", "ben"]),
    ]
}

#[test]
fn follow_the_sun_meets_exactly_in_winter() {
    let layers = follow_the_sun();
    assert_eq!(coverage_findings(&layers, utc(2026, 1, 5, 16), utc(2026, 3, 8, 7)), []);
    // Tuesday 3 March: who covers, region by region (shift 8 of each: the first person).
    let at = |h| layers.iter().map(|l| l.on_call_at(utc(2026, 3, 3, h))).collect::<Vec<_>>();
    assert_eq!(at(7), [Some("mei"), None, None]);
    assert_eq!(at(8), [None, Some("ola"), None]);
    assert_eq!(at(16), [None, None, Some("ana")]);
    assert_eq!(at(23), [None, None, Some("ana")]);
}

#[test]
fn follow_the_sun_names_each_gap_and_overlap_while_the_us_and_uk_clocks_disagree() {
    let layers = follow_the_sun();
    let findings = |day| {
        coverage_findings(&layers, utc(2026, 3, day, 0), utc(2026, 3, day + 1, 0))
            .into_iter()
            .map(|f| (f.from, f.to, f.layers))
            .collect::<Vec<_>>()
    };
    // Sunday 8 March 2026: New York goes forward at 07:00 UTC; its window that day is
    // 15–23 UTC, an hour earlier. London (still GMT) and New York overlap 15–16, and
    // nobody covers 23–24 UTC.
    assert_eq!(
        findings(8),
        [(utc(2026, 3, 8, 15), utc(2026, 3, 8, 16), vec![1, 2]), (utc(2026, 3, 8, 23), utc(2026, 3, 9, 0), vec![])]
    );
    // Saturday 28 March, the last day of the three weeks: the same.
    assert_eq!(
        findings(28),
        findings(8)
            .into_iter()
            .map(|(a, b, l)| (a + chrono::Duration::days(20), b + chrono::Duration::days(20), l))
            .collect::<Vec<_>>()
    );
    // Monday 30 March: London has gone forward too (08:00 BST is 07 UTC). Singapore and
    // London overlap 07–08 UTC; London hands to New York at 15 exactly; 23–24 stays a gap.
    assert_eq!(
        findings(30),
        [(utc(2026, 3, 30, 7), utc(2026, 3, 30, 8), vec![0, 1]), (utc(2026, 3, 30, 23), utc(2026, 3, 31, 0), vec![])]
    );
    // Sunday 29 March itself: London's window opens at 08:00 BST = 07 UTC already.
    assert_eq!(findings(29)[0], (utc(2026, 3, 29, 7), utc(2026, 3, 29, 8), vec![0, 1]));
    // Nobody is on call in a gap, two people in an overlap (Tuesday 17 March is in shift 10
    // of each region, 70 days after 5 January: the first person).
    let covering = |t| layers.iter().filter_map(|l| l.on_call_at(t)).collect::<Vec<_>>();
    assert_eq!(covering(utc(2026, 3, 17, 23)), Vec::<&str>::new());
    assert_eq!(covering(utc(2026, 3, 17, 15)), ["ola", "ana"]);
}

#[test]
fn follow_the_sun_meets_again_when_both_clocks_are_back() {
    let layers = follow_the_sun();
    // London goes back on 25 October, New York on 1 November: in between, London 08–16
    // and New York 15–23 UTC overlap, and 23–24 is a gap; from 1 November (07 UTC, when
    // New York's clocks go back) the regions meet exactly again.
    let findings = coverage_findings(&layers, utc(2026, 10, 31, 0), utc(2026, 11, 2, 0));
    let found: Vec<_> = findings.into_iter().map(|f| (f.from, f.to, f.layers)).collect();
    assert_eq!(
        found,
        [
            (utc(2026, 10, 31, 15), utc(2026, 10, 31, 16), vec![1, 2]),
            (utc(2026, 10, 31, 23), utc(2026, 11, 1, 0), vec![])
        ]
    );
    assert_eq!(coverage_findings(&layers, utc(2026, 11, 1, 0), utc(2027, 3, 14, 7)), []);
}

#[test]
fn a_fortnightly_layer_cut_mid_fortnight_by_a_new_order() {
    // Fortnights from Monday 5 January 2026, 09:00 New York. From Monday 9 February (one
    // week into cy's fortnight) the order is dee, ana: cy's fortnight ends that morning,
    // dee takes the next fortnight counted from 9 February.
    let mut fortnightly =
        layer("primary", chrono_tz::America::New_York, date(2026, 1, 5), 14, 9, &["ana", "ben", "cy"]);
    fortnightly.changes.push(LayerChange {
        from: date(2026, 2, 9),
        rotation: vec!["dee".into(), "ana".into()],
        note: None,
    });
    assert_eq!(
        table(&fortnightly.shifts(utc(2026, 1, 5, 14), utc(2026, 3, 23, 13))),
        [
            row("ana", utc(2026, 1, 5, 14), utc(2026, 1, 19, 14), 336),
            row("ben", utc(2026, 1, 19, 14), utc(2026, 2, 2, 14), 336),
            row("cy", utc(2026, 2, 2, 14), utc(2026, 2, 9, 14), 168),
            row("dee", utc(2026, 2, 9, 14), utc(2026, 2, 23, 14), 336),
            // 8 March's spring-forward falls in this fortnight.
            row("ana", utc(2026, 2, 23, 14), utc(2026, 3, 9, 13), 335),
            row("dee", utc(2026, 3, 9, 13), utc(2026, 3, 23, 13), 336),
        ]
    );
    // The change does not reach back: before 9 February the layer is as without it.
    let mut unchanged = fortnightly.clone();
    unchanged.changes.clear();
    assert_eq!(
        fortnightly.shifts(utc(2026, 1, 1, 0), utc(2026, 2, 9, 14)),
        unchanged.shifts(utc(2026, 1, 1, 0), utc(2026, 2, 9, 14))
    );
    assert_eq!(fortnightly.on_call_at(utc(2026, 2, 9, 14)), Some("dee"));
    assert_eq!(fortnightly.on_call_at(utc(2026, 2, 9, 13)), Some("cy"));
}

/// The seed's team (alice, bob, charlie, diana weekly from Monday 29 December 2025, 09:00 New
/// York; backups alice → bob → charlie → diana → alice; US federal holidays) with a weekly
/// secondary two behind: week k is [alice, bob, charlie, diana][k mod 4] for the primary and
/// [charlie, diana, alice, bob][k mod 4] for the secondary.
fn primary_and_secondary(secondary: &[&str]) -> (rota::Schedule, Vec<Layer>) {
    let mut inputs = common::default_inputs();
    let mut layer = layer("secondary", chrono_tz::America::New_York, date(2025, 12, 29), 7, 9, secondary);
    layer.name = "Secondary".into();
    layer.role = LayerRole::Secondary;
    inputs.team.layers.others.push(layer);
    let layers = rota::layer::team_layers(&inputs);
    (rota::Schedule::new(std::sync::Arc::new(inputs)), layers)
}

/// Who holds each layer from the start of the week named `week` to its end, in order.
fn week_of(schedule: &rota::Schedule, layers: &[Layer], week: &str) -> Vec<String> {
    let w = schedule.rotation().week(schedule.rotation().index_of_week(week.parse().unwrap()).unwrap());
    (0..layers.len())
        .map(|i| {
            let stretches = layer_stretches(schedule, layers, i, w.start.to_utc(), w.end.to_utc());
            stretches.iter().map(|s| s.engineer.as_str()).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn primary_and_secondary_each_swap_thanksgiving_week() {
    let (schedule, layers) = primary_and_secondary(&["charlie", "diana", "alice", "bob"]);
    // 2026-W48 (from Monday 23 November) is week 47: diana primary, bob secondary, and
    // Thursday 26 November is Thanksgiving for both. Diana swaps with her backup alice (who
    // holds no other layer that week): alice takes W48, diana alice's next week, W49 (week 48).
    // Bob swaps with his backup charlie (not primary that week): charlie takes W48, bob
    // charlie's next secondary week, W49.
    // (2026-W47 is the return week of both layers' Veterans Day swaps, 11 November in week 45:
    // bob's primary week to charlie, diana's secondary week to alice.)
    assert_eq!(week_of(&schedule, &layers, "2026-W47"), ["bob", "diana"]);
    assert_eq!(week_of(&schedule, &layers, "2026-W48"), ["alice", "charlie"]);
    assert_eq!(week_of(&schedule, &layers, "2026-W49"), ["diana", "bob"]);
    assert_eq!(week_of(&schedule, &layers, "2026-W50"), ["bob", "diana"]);
    // Both layers say why.
    let secondary = layers[1].schedule_inputs(schedule.inputs()).unwrap();
    let secondary = rota::Schedule::new(std::sync::Arc::new(secondary));
    let w48 = secondary.by_id("2026-W48".parse().unwrap()).unwrap();
    assert_eq!(
        schedule.by_id("2026-W48".parse().unwrap()).unwrap().swap.unwrap().reason,
        "Diana's week 2026-W48 holds Thanksgiving Day (Thu 26 Nov 2026): Alice (backup) covers 2026-W48 and Diana takes 2026-W49 in return"
    );
    assert_eq!(
        w48.swap.unwrap().reason,
        "Bob's week 2026-W48 holds Thanksgiving Day (Thu 26 Nov 2026): Charlie (backup) covers 2026-W48 and Bob takes 2026-W49 in return"
    );
}

#[test]
fn a_backup_who_is_the_weeks_secondary_does_not_take_the_holiday_week() {
    // One behind: in 2026-W48 (week 47) the secondary is alice, diana's backup. Diana's swap
    // would make alice primary and secondary at once, so diana keeps her holiday week, and the
    // week says why. (Alice's own secondary swap goes to her backup bob, who is not primary.)
    let (schedule, layers) = primary_and_secondary(&["bob", "charlie", "diana", "alice"]);
    let w48 = schedule.by_id("2026-W48".parse().unwrap()).unwrap();
    assert_eq!((w48.on_call.as_str(), w48.swap.is_none()), ("diana", true));
    assert_eq!(
        w48.conflict.unwrap().reason,
        "Diana keeps 2026-W48: Alice (backup) is already on call in the Secondary layer that week"
    );
    assert_eq!(week_of(&schedule, &layers, "2026-W48"), ["diana", "bob"]);
}
