//! A team's file (rota::team_file) gives back exactly the data it was written from: the data
//! folder, every team of the example organisation, and text that tries every escape; and no
//! damaged file makes the decoder panic.

mod common;
mod org_fixture;

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveTime, Weekday};
use org_fixture::OrgFixture;
use rota::team_file::{decode, encode};
use rota::*;

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn round_trips(data: &TeamData) {
    let body = encode(data);
    assert_eq!(decode(&body).unwrap_or_else(|e| panic!("{e}\n{body}")), *data);
    let without = data.without_text();
    assert_eq!(decode(&encode(&without)).unwrap(), without);
}

#[test]
fn the_data_folder_round_trips() {
    round_trips(&rota::load::load_dir(&workspace().join("data")).unwrap());
}

#[test]
fn every_team_of_the_example_organisation_round_trips() {
    let org = rota::load::load_org_dir(&workspace().join("examples/org")).unwrap();
    let fixture = OrgFixture::new().load();
    for team in org.teams.iter().chain(&fixture.teams) {
        assert!(team.data.inputs.elsewhere.iter().all(|e| e.from < e.to), "{} has stretches elsewhere", team.slug);
        round_trips(&team.data);
    }
    assert!(fixture.teams.iter().any(|t| !t.data.inputs.elsewhere.is_empty()));
}

/// Every string field at once: spaces, a backslash before `n`, newlines, a carriage return,
/// a lone `-` and `+`, an empty string, and text outside ASCII.
fn odd(i: usize) -> String {
    ["a b", "\\n not a newline\\", "two\nlines\r\n", "-", "+", "", " lead and trail ", "Zoë ✓ 日本 🦀", "\\s"][i % 9]
        .to_string()
}

fn hostile() -> TeamData {
    let mut n = 0;
    let mut s = || {
        n += 1;
        odd(n)
    };
    let contact = |s: &mut dyn FnMut() -> String, kind| Contact { kind, value: s(), label: Some(s()), url: Some(s()) };
    let mut inputs = common::default_inputs();
    inputs.team = Team {
        name: s(),
        time_zone: chrono_tz::Tz::America__PortauPrince,
        handoff: Handoff { weekday: Weekday::Sun, time: NaiveTime::from_hms_nano_opt(23, 59, 7, 5).unwrap() },
        epoch: NaiveDate::from_ymd_opt(2025, 12, 28).unwrap(),
        rotation: vec![s(), s(), s()],
        calendar: Some(s()),
        reminders: vec![Reminder::minutes_before(1), Reminder::minutes_before(1440)],
        fallback_contacts: vec![
            contact(&mut s, ContactKind::Chat),
            Contact { kind: ContactKind::Url, value: s(), label: None, url: None },
        ],
        layers: Layers::default(),
    };
    let hours = |days: &[Weekday], from: u32, to: u32| Coverage {
        days: days.iter().fold(chrono::WeekdaySet::EMPTY, |mut set, d| {
            set.insert(*d);
            set
        }),
        from: NaiveTime::from_hms_opt(from, 30, 0).unwrap(),
        to: NaiveTime::from_hms_nano_opt(to, 0, 1, 5).unwrap(),
    };
    let layer = |s: &mut dyn FnMut() -> String, role, days, coverage| Layer {
        slug: s(),
        name: s(),
        role,
        pattern: ShiftPattern {
            zone: chrono_tz::Asia::Singapore,
            epoch: NaiveDate::from_ymd_opt(2026, 2, 3).unwrap(),
            days,
            time: NaiveTime::from_hms_opt(8, 15, 0).unwrap(),
        },
        rotation: vec![s(), s()],
        changes: vec![
            LayerChange { from: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(), rotation: vec![s()], note: Some(s()) },
            LayerChange { from: NaiveDate::from_ymd_opt(2026, 4, 3).unwrap(), rotation: vec![s(), s()], note: None },
        ],
        coverage,
    };
    inputs.team.layers = Layers {
        primary: LayerLabel {
            slug: s(),
            name: s(),
            role: LayerRole::Secondary,
            coverage: Some(hours(&[Weekday::Mon, Weekday::Sun], 22, 6)),
        },
        others: vec![
            layer(&mut s, LayerRole::Primary, 1, Some(hours(&[Weekday::Tue], 9, 17))),
            layer(&mut s, LayerRole::Secondary, 14, None),
            layer(&mut s, LayerRole::Shadow, 3, None),
        ],
        gaps: GapPolicy::Warning,
    };
    inputs.engineers = (0..4)
        .map(|i| Engineer {
            slug: s(),
            name: s(),
            contacts: (0..i).map(|k| contact(&mut s, ContactKind::ALL[k % 4])).collect(),
            contact: if i % 2 == 0 { Some(s()) } else { None },
            calendar: if i % 2 == 1 { Some(s()) } else { None },
            backup: s(),
        })
        .collect();
    inputs.calendars.push(HolidayCalendar {
        slug: s(),
        name: s(),
        rules: vec![
            HolidayRule { name: s(), date: HolidayDate::Fixed { month: 12, day: 25 }, observed: true },
            HolidayRule {
                name: s(),
                date: HolidayDate::NthWeekday { month: 1, weekday: Weekday::Mon, n: 3 },
                observed: false,
            },
            HolidayRule {
                name: s(),
                date: HolidayDate::LastWeekday { month: 5, weekday: Weekday::Fri },
                observed: true,
            },
        ],
        one_off: vec![OneOffHoliday { date: NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(), name: s() }],
    });
    let week = |w: u32| WeekId::new(2027, w).unwrap();
    let day = |d: u32| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
    inputs.leave = vec![
        Leave { engineer: s(), from: day(1), to: day(3), note: Some(s()) },
        Leave { engineer: s(), from: day(4), to: day(4), note: None },
    ];
    inputs.decisions = vec![Decision { week: week(5), note: Some(s()) }, Decision { week: week(53 - 1), note: None }];
    inputs.roster_changes = vec![
        RosterChange { from: week(10), rotation: vec![s(), s()], note: Some(s()) },
        RosterChange { from: week(12), rotation: vec![], note: None },
    ];
    inputs.covers = vec![Cover {
        engineer: s(),
        from: day(2).and_hms_opt(9, 30, 0).unwrap(),
        to: day(3).and_hms_nano_opt(9, 0, 1, 500).unwrap(),
        note: Some(s()),
    }];
    inputs.trades = vec![Trade { weeks: [week(7), week(9)], engineers: [s(), s()], note: None }];
    // One stretch of each kind, so every tag round-trips.
    inputs.elsewhere = [Counts::SwapsAndClashes, Counts::SwapsOnly, Counts::ClashesOnly]
        .into_iter()
        .map(|counts| OnCallElsewhere {
            engineer: s(),
            team: s(),
            team_slug: s(),
            team_index: 7,
            week: week(8),
            from: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            to: DateTime::from_timestamp(1_800_086_400, 123).unwrap(),
            counts,
        })
        .collect();
    let pipelines = (0..2)
        .map(|i| Pipeline {
            slug: s(),
            name: s(),
            area: s(),
            audience: if i == 0 { Audience::Investor } else { Audience::Experiments },
            primary: s(),
            secondary: s(),
            description: s(),
        })
        .collect();
    let runbooks = vec![Runbook {
        pipeline: s(),
        summary: s(),
        failure_points: (0..3)
            .map(|_| FailurePoint {
                slug: s(),
                title: s(),
                description: s(),
                symptoms: vec![s(), s()],
                signals: vec![s()],
                first_checks: vec![s(), s(), s()],
            })
            .collect(),
    }];
    TeamData { inputs: Arc::new(inputs), pipelines, runbooks }
}

#[test]
fn escapes_newlines_and_unicode_in_every_string_field_round_trip() {
    let data = hostile();
    round_trips(&data);
    let body = encode(&data);
    assert!(body.lines().all(|l| !l.contains('\r')), "no raw carriage return in\n{body}");
}

#[test]
fn damaged_files_are_errors_naming_a_line_never_panics() {
    let body = encode(&hostile());
    let lines = body.lines().count();
    // Cut anywhere.
    for (cut, _) in body.char_indices() {
        if let Err(e) = decode(&body[..cut]) {
            assert!(e.line >= 1 && e.line <= lines + 1, "{e}");
        }
    }
    // Each line dropped, doubled, cut in its middle or with a field replaced.
    let all: Vec<&str> = body.lines().collect();
    for i in 1..all.len() {
        let mut variants = Vec::new();
        let mut dropped = all.clone();
        dropped.remove(i);
        variants.push(dropped);
        let mut doubled = all.clone();
        doubled.insert(i, all[i]);
        variants.push(doubled);
        for garbage in ["x", "", " ", "\\", "\\q", "+", "-", "99999999999999999999", "-1", "2027-W99", "team"] {
            let mut replaced = all.clone();
            let owned: String = match all[i].split_once(' ') {
                Some((tag, rest)) => format!("{tag} {garbage} {rest}"),
                None => format!("{} {garbage}", all[i]),
            };
            replaced[i] = Box::leak(owned.into_boxed_str());
            variants.push(replaced.clone());
            replaced[i] = garbage;
            variants.push(replaced);
        }
        for variant in variants {
            let _ = decode(&variant.join("\n"));
        }
    }
    assert_eq!(decode("").unwrap_err().line, 1);
    assert_eq!(decode("rota-team 2\n").unwrap_err().line, 1);
    let error = decode(&body.replacen("\nteam ", "\nteam Mars/Olympus ", 1)).unwrap_err();
    assert_eq!((error.line, error.reason.as_str()), (2, "bad time zone \"Mars/Olympus\""));
}
