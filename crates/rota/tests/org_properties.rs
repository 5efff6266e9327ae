//! Property tests of organisations: on random teams that share people (any handoff weekday and
//! hour, three zones, leave, covers, backups busy for another team), every team has exactly one
//! engineer on call at every instant, and the clashes reported are exactly the instants a person
//! is on call for two teams, checked against a brute-force scan hour by hour.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;
use rota::org::{clashes, clashes_elsewhere, merge_elsewhere, on_call_elsewhere, Clash};
use rota::{Cover, Engineer, Handoff, Leave, Schedule, ScheduleInputs, Team, TeamData};

const ZONES: [Tz; 3] = [chrono_tz::America::New_York, chrono_tz::Europe::London, chrono_tz::UTC];
/// Handoff hours that exist and are unambiguous on every day in these zones (clocks change
/// at 01:00 or 02:00).
const HOURS: [u32; 5] = [0, 6, 9, 13, 21];
const PEOPLE: usize = 7;
/// Weeks scanned per case.
const WEEKS: i64 = 30;

#[derive(Debug, Clone)]
struct TeamSpec {
    members: Vec<usize>,
    zone: usize,
    weekday: u8,
    hour: usize,
    covers: Vec<(usize, i64, i64)>,
}

fn team_spec() -> impl Strategy<Value = TeamSpec> {
    (
        prop::sample::subsequence((0..PEOPLE).collect::<Vec<_>>(), 2..=4),
        0..ZONES.len(),
        0u8..7,
        0..HOURS.len(),
        prop::collection::vec((0usize..4, 0i64..(WEEKS * 7 * 24), 1i64..60), 0..4),
    )
        .prop_map(|(members, zone, weekday, hour, covers)| TeamSpec { members, zone, weekday, hour, covers })
}

fn slug(person: usize) -> String {
    format!("p{person}")
}

/// The start of the scan: the first team's epoch is within a week of it.
fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

fn team(i: usize, spec: &TeamSpec, leave: &[Leave]) -> TeamData {
    let weekday = Weekday::try_from(spec.weekday).unwrap();
    let epoch = (0..7).map(|d| start() + Duration::days(d)).find(|d| chrono::Datelike::weekday(d) == weekday).unwrap();
    let members: Vec<String> = spec.members.iter().map(|&p| slug(p)).collect();
    let mut inputs: ScheduleInputs = common::default_inputs();
    inputs.team = Team {
        name: format!("Team {i}"),
        time_zone: ZONES[spec.zone],
        handoff: Handoff { weekday, time: NaiveTime::from_hms_opt(HOURS[spec.hour], 0, 0).unwrap() },
        epoch,
        rotation: members.clone(),
        calendar: Some("us-federal".into()),
        reminders: vec![],
        fallback_contacts: vec![],
        layers: Default::default(),
    };
    inputs.engineers = members
        .iter()
        .enumerate()
        .map(|(k, m)| Engineer {
            slug: m.clone(),
            name: m.to_uppercase(),
            contacts: vec![],
            contact: None,
            calendar: None,
            backup: members[(k + 1) % members.len()].clone(),
        })
        .collect();
    inputs.leave = leave.iter().filter(|l| members.contains(&l.engineer)).cloned().collect();
    inputs.decisions = vec![];
    let midnight = epoch.and_hms_opt(0, 0, 0).unwrap();
    inputs.covers = spec
        .covers
        .iter()
        .filter_map(|&(who, from, hours)| {
            let from = midnight + Duration::hours(from);
            // Covers may not overlap within a team (the data check refuses it): keep the first.
            Some(Cover { engineer: members.get(who).cloned()?, from, to: from + Duration::hours(hours), note: None })
        })
        .fold(Vec::<Cover>::new(), |mut kept, c| {
            let clashes_with_kept = kept.iter().any(|k| k.from < c.to && c.from < k.to);
            // Wall-clock hours that do not exist (or exist twice) on a day the clocks change
            // would make an instant that is not on the hour grid; leave those out too.
            let exact = |t: chrono::NaiveDateTime| {
                matches!(ZONES[spec.zone].from_local_datetime(&t), chrono::LocalResult::Single(_))
            };
            if !clashes_with_kept && exact(c.from) && exact(c.to) {
                kept.push(c);
            }
            kept
        });
    TeamData { inputs: Arc::new(inputs), pipelines: vec![], runbooks: vec![] }
}

/// The organisation as the loader builds it: each team told when its people are on call for
/// the others (from their schedules without that), then every team's final schedule.
/// Teams by slug, in the organisation's order.
type Teams = Vec<(String, Schedule)>;

fn org(specs: &[TeamSpec], leave: &[Leave]) -> Teams {
    let first: Vec<TeamData> = specs.iter().enumerate().map(|(i, s)| team(i, s, leave)).collect();
    let slugs: Vec<String> = (0..first.len()).map(|i| format!("t{i}")).collect();
    let until = Utc.with_ymd_and_hms(2028, 1, 1, 0, 0, 0).unwrap();
    // As the loader does: swaps see the other teams without this check; the real schedules
    // then give the stretches clashes are with.
    let refs: Vec<(&str, &TeamData)> = slugs.iter().map(String::as_str).zip(&first).collect();
    let for_swaps = on_call_elsewhere(&refs, DateTime::<Utc>::MIN_UTC, until);
    let with_swaps: Vec<TeamData> = first
        .iter()
        .zip(for_swaps.clone())
        .map(|(data, elsewhere)| {
            let mut inputs = (*data.inputs).clone();
            inputs.elsewhere = elsewhere;
            TeamData { inputs: Arc::new(inputs), ..data.clone() }
        })
        .collect();
    let refs: Vec<(&str, &TeamData)> = slugs.iter().map(String::as_str).zip(&with_swaps).collect();
    let real = on_call_elsewhere(&refs, DateTime::<Utc>::MIN_UTC, until);
    with_swaps
        .into_iter()
        .zip(for_swaps.into_iter().zip(real))
        .enumerate()
        .map(|(i, (data, (for_swaps, real)))| {
            let mut inputs = (*data.inputs).clone();
            inputs.elsewhere = merge_elsewhere(for_swaps, real);
            (format!("t{i}"), Schedule::new(Arc::new(inputs)))
        })
        .collect()
}

/// Who is on call for `schedule` at each whole hour from `from` (UTC), `hours` of them, checking
/// on the way that the stretches tile the time exactly: no gap, no overlap.
fn on_call_by_hour(schedule: &Schedule, from: DateTime<Utc>, hours: i64) -> Result<Vec<String>, TestCaseError> {
    let rotation = schedule.rotation();
    let first = rotation.index_at(from).ok_or_else(|| TestCaseError::fail("scan starts before the rotation"))?;
    let last = rotation.index_at(from + Duration::hours(hours)).unwrap();
    let stretches: Vec<_> = schedule.weeks(first, last - first + 1).into_iter().flat_map(|w| w.stretches).collect();
    for pair in stretches.windows(2) {
        prop_assert_eq!(pair[0].end, pair[1].start, "stretches leave a gap or overlap");
    }
    let mut out = Vec::new();
    for h in 0..hours {
        let t = from + Duration::hours(h) + Duration::minutes(30);
        let holding: Vec<_> = stretches.iter().filter(|s| s.contains(t)).collect();
        prop_assert_eq!(holding.len(), 1, "exactly one engineer on call at {}", t);
        out.push(holding[0].engineer.clone());
    }
    Ok(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn one_engineer_per_team_at_every_instant_and_every_clash_reported_exactly(
        specs in prop::collection::vec(team_spec(), 2..=3),
        leave in prop::collection::vec((0..PEOPLE, 0i64..(WEEKS * 7), 0i64..10), 0..5),
    ) {
        let leave: Vec<Leave> = leave
            .iter()
            .map(|&(p, from, len)| Leave {
                engineer: slug(p),
                from: start() + Duration::days(from),
                to: start() + Duration::days(from + len),
                note: None,
            })
            .collect();
        let teams = org(&specs, &leave);
        // From the first instant every team has started, for WEEKS weeks.
        let from = teams.iter().map(|(_, s)| s.rotation().week(0).start.with_timezone(&Utc)).max().unwrap();
        let from = Utc.timestamp_opt(from.timestamp().div_euclid(3600) * 3600 + 3600, 0).unwrap();
        let hours = WEEKS * 7 * 24 - 24 * 8;
        let mut by_hour = Vec::new();
        for (_, schedule) in &teams {
            by_hour.push(on_call_by_hour(schedule, from, hours)?);
        }

        let mut expected = BTreeSet::new();
        for a in 0..teams.len() {
            for b in a + 1..teams.len() {
                for (h, (x, y)) in by_hour[a].iter().zip(&by_hour[b]).enumerate() {
                    if x == y {
                        expected.insert((x.clone(), a, b, h));
                    }
                }
            }
        }
        let to = from + Duration::hours(hours);
        let pairs: Vec<(&str, &Schedule)> = teams.iter().map(|(t, s)| (t.as_str(), s)).collect();
        let mut reported = BTreeSet::new();
        for c in clashes(&pairs, from, to) {
            let index = |team: &str| teams.iter().position(|(t, _)| t == team).unwrap();
            prop_assert!(c.from < c.to);
            prop_assert_eq!((c.from - from).num_seconds() % 3600, 0, "clashes start on the hour here");
            for h in (c.from - from).num_hours()..(c.to - from).num_hours() {
                let slot = (c.person.clone(), index(&c.teams[0].team), index(&c.teams[1].team), h as usize);
                prop_assert!(reported.insert(slot), "an instant reported twice");
            }
        }
        prop_assert_eq!(reported, expected);
    }

    /// A team's clashes from its own data (its schedule and `elsewhere`) are exactly those of
    /// the whole organisation involving it, also where a swap refused for a busy backup made a
    /// team's real schedule differ from what the other teams' swaps saw of it.
    #[test]
    fn a_teams_clashes_from_its_own_data_are_the_organisations(
        specs in prop::collection::vec(team_spec(), 2..=3),
        leave in prop::collection::vec((0..PEOPLE, 0i64..(WEEKS * 7), 0i64..10), 0..5),
    ) {
        let leave: Vec<Leave> = leave
            .iter()
            .map(|&(p, from, len)| Leave {
                engineer: slug(p),
                from: start() + Duration::days(from),
                to: start() + Duration::days(from + len),
                note: None,
            })
            .collect();
        let teams = org(&specs, &leave);
        let from = Utc.from_utc_datetime(&start().and_hms_opt(0, 0, 0).unwrap()) - Duration::weeks(1);
        let to = from + Duration::weeks(WEEKS);
        let real: Vec<(&str, &Schedule)> = teams.iter().map(|(t, s)| (t.as_str(), s)).collect();
        let all = clashes(&real, from, to);
        for (i, (slug, schedule)) in teams.iter().enumerate() {
            let involving: Vec<Clash> = all.iter().filter(|c| c.teams.iter().any(|side| &side.team == slug)).cloned().collect();
            prop_assert_eq!(clashes_elsewhere(i, slug, schedule, from, to), involving);
        }
    }
}
