//! Property tests of layers (issue 19) on random shapes: any shift length, handoff, zone,
//! hours of coverage and change of order.
//!
//! * At every instant each layer has at most one person, and exactly one inside its hours
//!   of coverage once it has started: its stretches never overlap, and the instant lookup
//!   agrees with them.
//! * The union of the primary layers has no gap or overlap that the check does not report,
//!   and every reported one is real.
//! * Adding a layer from a date never changes anything before that date.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc, Weekday, WeekdaySet};
use chrono_tz::Tz;
use proptest::prelude::*;
use rota::coverage::Coverage;
use rota::layer::{Layer, LayerChange, LayerRole};
use rota::layer_check::{coverage_findings, double_roles};
use rota::shift::ShiftPattern;

const ZONES: [Tz; 6] = [
    chrono_tz::America::New_York,
    chrono_tz::Europe::London,
    chrono_tz::Asia::Singapore,
    chrono_tz::Australia::Sydney,
    // Half-hour daylight saving.
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::UTC,
];

const PEOPLE: [&str; 5] = ["ana", "ben", "cy", "dee", "eve"];

/// The window every property looks at: ten weeks around both 2026 daylight-saving seasons'
/// changes are reached by the random epochs below.
fn window() -> (DateTime<Utc>, DateTime<Utc>) {
    let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
    (from, from + Duration::days(400))
}

fn arb_layer() -> impl Strategy<Value = Layer> {
    let shape = (0..ZONES.len(), 1u32..=15, 0u32..48, 0i64..330);
    let people =
        (proptest::sample::subsequence(PEOPLE.to_vec(), 1..=4), proptest::sample::subsequence(PEOPLE.to_vec(), 1..=3));
    let change = proptest::option::of(1i64..40);
    let coverage = proptest::option::of((1u8..128, 0u32..48, 0u32..48));
    let role = prop_oneof![Just(LayerRole::Primary), Just(LayerRole::Secondary), Just(LayerRole::Shadow)];
    (shape, people, change, coverage, role).prop_map(
        |((zone, days, half_hours, epoch_day), (order, next), change, coverage, role)| {
            let time = |half_hours: u32| NaiveTime::from_hms_opt(half_hours / 2, 30 * (half_hours % 2), 0).unwrap();
            let epoch = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(epoch_day);
            Layer {
                slug: "layer".into(),
                name: "Layer".into(),
                role,
                pattern: ShiftPattern { zone: ZONES[zone], epoch, days, time: time(half_hours) },
                rotation: order.iter().map(|s| s.to_string()).collect(),
                changes: change
                    .map(|d| LayerChange {
                        from: epoch + Duration::days(d),
                        rotation: next.iter().map(|s| s.to_string()).collect(),
                        note: None,
                    })
                    .into_iter()
                    .collect(),
                coverage: coverage.and_then(|(bits, from, to)| {
                    let days = WeekdaySet::ALL
                        .iter(Weekday::Mon)
                        .enumerate()
                        .filter(|(i, _)| bits & (1 << i) != 0)
                        .fold(WeekdaySet::EMPTY, |mut set, (_, day)| {
                            set.insert(day);
                            set
                        });
                    (from != to).then(|| Coverage { days, from: time(from), to: time(to) })
                }),
            }
        },
    )
}

/// Instants spread over the window, minute-aligned, plus each stretch's edges.
fn instants(minutes: &[u32]) -> Vec<DateTime<Utc>> {
    let (from, _) = window();
    minutes.iter().map(|&m| from + Duration::minutes(i64::from(m))).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn each_layer_has_one_person_at_a_time(layer in arb_layer(), minutes in proptest::collection::vec(0u32..400 * 24 * 60, 40)) {
        let (from, to) = window();
        let stretches = layer.stretches(from, to);
        for pair in stretches.windows(2) {
            prop_assert!(pair[0].to <= pair[1].from, "overlapping stretches {:?}", pair);
        }
        for s in &stretches {
            prop_assert!(s.from < s.to);
            prop_assert!(!s.person.is_empty());
        }
        let mut probes = instants(&minutes);
        probes.extend(stretches.iter().flat_map(|s| [s.from, s.to - Duration::seconds(1), s.to]));
        for t in probes.into_iter().filter(|t| (from..to).contains(t)) {
            let holding: Vec<_> = stretches.iter().filter(|s| s.from <= t && t < s.to).map(|s| s.person).collect();
            prop_assert!(holding.len() <= 1, "{t}: {holding:?}");
            prop_assert_eq!(layer.on_call_at(t), holding.first().copied(), "at {}", t);
        }
        // Without hours of coverage, a started layer always has someone.
        if layer.coverage.is_none() {
            let first = layer.pattern.handoff_on(layer.pattern.epoch).to_utc();
            for t in instants(&minutes).into_iter().filter(|t| *t >= first) {
                prop_assert!(layer.on_call_at(t).is_some(), "nobody at {}", t);
            }
        }
    }

    #[test]
    fn the_check_reports_every_gap_and_overlap_and_nothing_else(
        layers in proptest::collection::vec(arb_layer(), 1..4),
        minutes in proptest::collection::vec(0u32..400 * 24 * 60, 60),
    ) {
        let (from, to) = window();
        let findings = coverage_findings(&layers, from, to);
        let mut probes = instants(&minutes);
        probes.extend(findings.iter().flat_map(|f| [f.from, f.to - Duration::seconds(1)]));
        for t in probes.into_iter().filter(|t| (from..to).contains(t)) {
            let covering: Vec<usize> = layers
                .iter()
                .enumerate()
                .filter(|(_, l)| l.role == LayerRole::Primary && l.on_call_at(t).is_some())
                .map(|(i, _)| i)
                .collect();
            let finding = findings.iter().find(|f| f.from <= t && t < f.to);
            match finding {
                Some(f) => prop_assert_eq!(&f.layers, &covering, "at {}", t),
                None => prop_assert_eq!(covering.len(), 1, "unreported at {}", t),
            }
        }
        for pair in findings.windows(2) {
            prop_assert!(pair[0].to <= pair[1].from);
        }
    }

    #[test]
    fn adding_a_layer_from_a_date_never_changes_the_past(
        layers in proptest::collection::vec(arb_layer(), 1..3),
        added in arb_layer(),
    ) {
        let (from, to) = window();
        let start = added.pattern.handoff_on(added.pattern.epoch).to_utc();
        let mut with = layers.clone();
        with.push(added);
        let before = |findings: Vec<rota::layer_check::CoverageFinding>| {
            findings.into_iter().filter(|f| f.from < start).map(|f| (f.from, f.to.min(start), f.layers)).collect::<Vec<_>>()
        };
        prop_assert_eq!(before(coverage_findings(&layers, from, to)), before(coverage_findings(&with, from, to)));
        let clashes_before = |layers: &[Layer]| {
            double_roles(layers, from, start).into_iter().map(|d| (d.person.to_string(), d.from, d.to)).collect::<Vec<_>>()
        };
        prop_assert_eq!(clashes_before(&layers), clashes_before(&with));
        for (old, new) in layers.iter().zip(&with) {
            prop_assert_eq!(old.stretches(from, start), new.stretches(from, start));
        }
    }
}
