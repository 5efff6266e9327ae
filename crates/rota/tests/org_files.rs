//! The files of an organisation's site (rota::org_files) give back its teams, its directory
//! and, hour by hour, exactly who `Schedule::stretch_at` says is on call; damaged files are
//! errors, never panics.

mod org_fixture;

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use org_fixture::OrgFixture;
use rota::org_files::{decode_directory, decode_on_call, directory, org_files, OnCallTable};
use rota::{team_file, Schedule};

fn built_at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap()
}

#[test]
fn every_file_decodes_to_what_it_was_made_from() {
    let org = OrgFixture::new().load();
    let files = org_files(&org, built_at());
    assert_eq!(files.teams.len(), org.teams.len());
    for ((team, file), entry) in org.teams.iter().zip(&files.teams).zip(&files.index.teams) {
        assert_eq!(team_file::decode(&file.body).unwrap(), team.data.without_text());
        assert!(file.name.starts_with(&format!("data/teams/{}-", team.slug)) && file.name.ends_with(".txt"));
        assert_eq!((&entry.slug, &entry.name, &entry.file), (&team.slug, &team.data.inputs.team.name, &file.name));
    }
    assert_eq!(files.index.name, org.name);
    assert_eq!(files.index.directory, files.directory.name);
    assert_eq!(files.index.on_call, files.on_call.name);
    assert!(files.directory.name.starts_with("data/directory-") && files.on_call.name.starts_with("data/on-call-"));

    let dir = decode_directory(&files.directory.body).unwrap();
    assert_eq!(dir, directory(&org));
    assert_eq!(dir.people.len(), org.people.len());
    let bob = dir.people.iter().find(|p| p.person.slug == "bob").unwrap();
    assert_eq!(bob.teams, [0, 1]);
    assert_eq!(bob.person, *org.person("bob").unwrap());
    let texts = rota::text_files::text_files_of(org.teams.iter().map(|t| &t.data));
    for p in &dir.pipelines {
        assert_eq!(org.team_of_pipeline(&p.slug).unwrap().slug, org.teams[p.team].slug);
        assert!(texts.pipelines.iter().any(|(slug, f)| *slug == p.slug && f.name == p.text_file));
    }
    assert_eq!(dir.pipelines.len(), org.teams.iter().map(|t| t.data.pipelines.len()).sum::<usize>());

    let table = decode_on_call(&files.on_call.body).unwrap();
    let data: Vec<_> = org.teams.iter().map(|t| &t.data).collect();
    assert_eq!(table, OnCallTable::new(&data, table.from, table.to));
    assert_eq!((table.from, table.to), (built_at() - Duration::weeks(8), built_at() + Duration::weeks(104)));
}

/// Every hour (and a minute either side of every boundary) of the table's range, for every
/// team: the table's answer is `stretch_at`'s, and the next change is the earliest end.
#[test]
fn the_table_answers_as_stretch_at_hour_by_hour() {
    let org = OrgFixture::new().load();
    let table = decode_on_call(&org_files(&org, built_at()).on_call.body).unwrap();
    let schedules: Vec<Schedule> = org.teams.iter().map(|t| Schedule::new(Arc::clone(&t.data.inputs))).collect();
    let mut instants: Vec<_> = (0..).map(|h| table.from + Duration::hours(h)).take_while(|t| *t < table.to).collect();
    for s in table.teams.iter().flatten() {
        instants.extend([s.start - Duration::minutes(1), s.start, s.end - Duration::seconds(1)]);
    }
    instants.retain(|t| table.from <= *t && *t < table.to);
    let mut checked = 0;
    for now in instants {
        let mut next_change = None::<chrono::DateTime<Utc>>;
        for (i, schedule) in schedules.iter().enumerate() {
            let expected = schedule.stretch_at(now).map(|(a, b)| {
                [
                    (a.engineer, a.start.with_timezone(&Utc), a.end.with_timezone(&Utc)),
                    (b.engineer, b.start.with_timezone(&Utc), b.end.with_timezone(&Utc)),
                ]
            });
            let last = table.teams[i].last().unwrap();
            let found = table.at(i, now).map(|(a, b)| [a, b].map(|s| (s.engineer.clone(), s.start, s.end)));
            if last.start <= now {
                assert_eq!(found, None, "within the last stretch");
            } else {
                assert_eq!(found, expected, "team {i} at {now}");
                checked += 1;
            }
            let boundary = expected.map_or(schedule.rotation().week(0).start.with_timezone(&Utc), |[a, _]| a.2);
            next_change = Some(next_change.map_or(boundary, |n| n.min(boundary)));
        }
        assert_eq!(table.next_change_after(now), next_change, "next change after {now}");
    }
    assert!(checked > 50_000, "{checked}");
    assert_eq!(table.at(0, table.to), None);
    assert_eq!(table.at(0, table.from - Duration::seconds(1)), None);
    assert_eq!(table.at(9, table.from), None);
    assert_eq!(table.next_change_after(table.to), None);
}

/// A team whose rotation starts inside the range has nobody on call before it.
#[test]
fn nobody_is_on_call_before_a_rotation_starts() {
    let org = OrgFixture::new().load();
    let from = Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap();
    let data: Vec<_> = org.teams.iter().map(|t| &t.data).collect();
    let table = OnCallTable::new(&data, from, from + Duration::weeks(10));
    let first = table.teams[0][0].start;
    assert!(first > from);
    assert_eq!(table.at(0, first - Duration::seconds(1)), None);
    assert_eq!(table.next_change_after(from), Some(table.teams.iter().map(|t| t[0].start).min().unwrap()));
    assert_eq!(decode_on_call(&rota::on_call_table::encode(&table)).unwrap(), table);
    let schedule = Schedule::new(Arc::clone(&org.teams[0].data.inputs));
    assert_eq!(table.at(0, first).unwrap().0.engineer, schedule.stretch_at(first).unwrap().0.engineer);
}

#[test]
fn damaged_directories_and_tables_are_errors_never_panics() {
    let org = OrgFixture::new().load();
    let files = org_files(&org, built_at());
    for body in [&files.directory.body, &files.on_call.body] {
        let decode = |text: &str| match body.starts_with("rota-directory") {
            true => decode_directory(text).err(),
            false => decode_on_call(text).err(),
        };
        for (cut, _) in body.char_indices().step_by(7) {
            let _ = decode(&body[..cut]);
        }
        let lines: Vec<&str> = body.lines().collect();
        for i in 1..lines.len() {
            for garbage in [
                "",
                "x",
                "team",
                "person",
                "contact",
                "pipeline",
                "people",
                "range 1 2 3",
                "team 0 99 5",
                "team 0 0 0",
                "team 0 0 -5",
                "team 9223372036854775807 0 9223372036854775807",
                "range -99999999999999 1",
                "person a + 1,x b",
                "\\",
            ] {
                let mut changed = lines.clone();
                changed[i] = garbage;
                let _ = decode(&changed.join("\n"));
                changed.insert(i, garbage);
                let _ = decode(&changed.join("\n"));
            }
        }
        assert_eq!(decode("").unwrap().line, 1);
    }
    let error = decode_on_call("rota-on-call 1\nrange 0 10\npeople a\nteam 0 1 5\n").unwrap_err();
    assert_eq!(error.to_string(), "line 4: no such person");
    let error = decode_on_call("rota-on-call 1\nrange 0 10\npeople a\nteam 0 0 0\n").unwrap_err();
    assert_eq!(error.to_string(), "line 4: bad length 0");
}
