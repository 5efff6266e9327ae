//! `rota api`: the static JSON API checked against its own schemas and against the schedule
//! the rest of rota computes (`Schedule::stretch_at`, and `rota who` itself), at many instants.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use rota::Schedule;
use serde_json::{json, Value};

mod common;
use common::{rota, stderr, stdout, TempDir};

/// 2026-11-29 00:00 UTC: Saturday 28 November in New York, in week 2026-W48.
const BUILT: &str = "1795910400";

/// A copy of the default data with one of each arrangement in the horizon (2026-W40 to
/// 2028-W47): a cover on a weekday, covers across both daylight-saving changes of 2027, a
/// trade, a roster change (Eve joins), and contacts for Alice.
fn eventful_data() -> TempDir {
    let data = TempDir::with_default_data();
    data.set(
        "team.json",
        "/engineers",
        json!([
            { "slug": "alice", "name": "Alice", "contacts": [
                { "kind": "phone", "value": "+1 555 0100", "label": "Mobile" },
                { "kind": "chat", "value": "@alice" }
            ] },
            { "slug": "bob", "name": "Bob" },
            { "slug": "charlie", "name": "Charlie" },
            { "slug": "diana", "name": "Diana" },
            { "slug": "eve", "name": "Eve", "backup": "alice" }
        ]),
    );
    data.write(
        "covers.json",
        json!([
            { "engineer": "charlie", "from": "2026-12-09T18:00", "to": "2026-12-11T09:00", "note": "Bob's school play" },
            // Clocks go forward at 02:00 on Sun 14 Mar 2027 and back at 02:00 on Sun 7 Nov 2027.
            { "engineer": "bob", "from": "2027-03-13T20:00", "to": "2027-03-14T12:00" },
            { "engineer": "charlie", "from": "2027-11-06T22:00", "to": "2027-11-07T10:00" }
        ]),
    );
    // 2027-W20 is Alice's and 2027-W21 Bob's ((n + 52) mod 4).
    data.write("trades.json", json!([{ "weeks": ["2027-W20", "2027-W21"], "engineers": ["alice", "bob"] }]));
    data.write(
        "roster-changes.json",
        json!([{ "from": "2027-W30", "rotation": ["alice", "bob", "eve", "charlie", "diana"], "note": "Eve joins" }]),
    );
    data
}

/// Runs `rota [--data DIR] api --out OUT --public-url /oncall/` built at [`BUILT`].
fn build_api(data: Option<&TempDir>, out: &TempDir) -> [Value; 3] {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rota"));
    if let Some(data) = data {
        command.args(["--data", data.path()]);
    }
    let output = command
        .args(["api", "--out", out.path(), "--public-url", "/oncall/"])
        .env("SOURCE_DATE_EPOCH", BUILT)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let dir = out.0.join("api/v1");
    let names = ["schedule", "pipelines", "team"];
    let expected: String = names
        .iter()
        .map(|n| format!("wrote {}\n", dir.join(format!("{n}.json")).display()))
        .chain(names.iter().map(|n| format!("wrote {}\n", dir.join(format!("{n}.schema.json")).display())))
        .collect();
    assert_eq!(stdout(&output), expected);
    names.map(|name| read_json(&dir.join(format!("{name}.json"))))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn instant(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value.as_str().unwrap()).unwrap().with_timezone(&Utc)
}

#[test]
fn every_file_validates_against_the_schema_published_next_to_it() {
    for data in [None, Some(eventful_data())] {
        let out = TempDir::new("api-schemas");
        let files = build_api(data.as_ref(), &out);
        for (name, file) in ["schedule", "pipelines", "team"].iter().zip(&files) {
            let schema = read_json(&out.0.join(format!("api/v1/{name}.schema.json")));
            let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name}: bad schema: {e}"));
            let errors: Vec<String> =
                validator.iter_errors(file).map(|e| format!("{}: {e}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{name}.json: {errors:#?}");
        }
        // The schemas are not vacuous: a reason they do not know, or a missing field, fails.
        let schema = read_json(&out.0.join("api/v1/schedule.schema.json"));
        let validator = jsonschema::validator_for(&schema).unwrap();
        let mut bad = files[0].clone();
        bad["stretches"][0]["why"] = json!("holiday");
        assert!(!validator.is_valid(&bad));
        let mut bad = files[0].clone();
        bad["stretches"][0].as_object_mut().unwrap().remove("end");
        assert!(!validator.is_valid(&bad));
    }
}

#[test]
fn the_schema_lists_every_reason_the_domain_gives() {
    let out = TempDir::new("api-why");
    build_api(None, &out);
    let schema = read_json(&out.0.join("api/v1/schedule.schema.json"));
    let listed = &schema["properties"]["stretches"]["items"]["properties"]["why"]["enum"];
    let names: Vec<&str> = rota::stretch_list::Why::ALL.iter().map(|w| w.name()).collect();
    assert_eq!(listed, &json!(names));
}

/// The instants to ask about: every 6 hours over the horizon, and a minute either side of
/// every stretch's start (so every handoff, cover start and end and the DST nights).
fn instants(schedule_json: &Value) -> Vec<DateTime<Utc>> {
    let (from, to) = (instant(&schedule_json["horizon"]["from"]), instant(&schedule_json["horizon"]["to"]));
    let mut out: Vec<DateTime<Utc>> =
        std::iter::successors(Some(from), |t| Some(*t + Duration::hours(6))).take_while(|t| *t < to).collect();
    for s in schedule_json["stretches"].as_array().unwrap() {
        let start = instant(&s["start"]);
        out.extend(
            [start - Duration::minutes(1), start, start + Duration::minutes(1)].into_iter().filter(|t| *t >= from),
        );
    }
    out
}

/// The one stretch holding `t`: what a bot reading the file answers.
fn stretch_at(schedule_json: &Value, t: DateTime<Utc>) -> &Value {
    let held: Vec<&Value> = schedule_json["stretches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["start_unix"].as_i64().unwrap() <= t.timestamp() && t.timestamp() < s["end_unix"].as_i64().unwrap()
        })
        .collect();
    assert_eq!(held.len(), 1, "{t}: {held:?}");
    held[0]
}

#[test]
fn the_file_answers_who_is_on_call_as_the_schedule_does_at_every_instant() {
    for data in [None, Some(eventful_data())] {
        let out = TempDir::new("api-answers");
        let [file, _, _] = build_api(data.as_ref(), &out);
        let team = match &data {
            Some(dir) => rota::load::load_dir(&dir.0).unwrap(),
            None => rota::load::load_dir(&common::workspace().join("data")).unwrap(),
        };
        let schedule = Schedule::new(Arc::clone(&team.inputs));
        let instants = instants(&file);
        assert!(instants.len() > 112 * 28, "{}", instants.len());
        for t in instants {
            let s = stretch_at(&file, t);
            let (now, _) = schedule.stretch_at(t).unwrap();
            assert_eq!(s["engineer"], now.engineer.as_str(), "{t}");
            assert_eq!(s["engineer_name"], schedule.name_of(&now.engineer), "{t}");
            assert_eq!((instant(&s["start"]), instant(&s["end"])), (now.start.to_utc(), now.end.to_utc()), "{t}");
            assert_eq!(
                (s["start_unix"].as_i64(), s["end_unix"].as_i64()),
                (Some(now.start.timestamp()), Some(now.end.timestamp()))
            );
            let week = schedule.at(t).unwrap();
            assert_eq!(s["week"], week.week.id.to_string(), "{t}");
            assert_eq!(s["instead_of"].is_null(), !now.is_cover(), "{t}");
        }
    }
}

/// Around the covers and the DST nights, the file agrees with `rota who` itself.
#[test]
fn the_file_agrees_with_rota_who_around_covers_and_clock_changes() {
    let data = eventful_data();
    let out = TempDir::new("api-who");
    let [file, _, _] = build_api(Some(&data), &out);
    let mut asked = 0;
    for s in file["stretches"].as_array().unwrap() {
        let start = instant(&s["start"]);
        let notable = s["why"] != "none" || start.to_rfc3339().contains("-03-") || start.to_rfc3339().contains("-11-0");
        if !notable {
            continue;
        }
        for t in [start - Duration::seconds(1), start] {
            let at = t.to_rfc3339();
            let output = rota(&["--data", data.path(), "who", "--at", &at, "--format", "json"]);
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            let who: Value = serde_json::from_str(&stdout(&output)).unwrap();
            let listed = stretch_at(&file, t);
            assert_eq!(who["on_call"]["slug"], listed["engineer"], "{at}");
            assert_eq!(
                (instant(&who["since"]), instant(&who["until"])),
                (instant(&listed["start"]), instant(&listed["end"])),
                "{at}"
            );
            asked += 1;
        }
    }
    assert!(asked >= 20, "{asked}");
}

#[test]
fn hand_checked_stretches_and_the_horizon() {
    let data = eventful_data();
    let out = TempDir::new("api-hand");
    let [file, _, _] = build_api(Some(&data), &out);
    // Built in 2026-W48: from 8 weeks before (2026-W40, from Mon 28 Sep 2026) to 104 weeks
    // after (2026 has 53 weeks: 5 to 2026-W53, 52 to 2027-W52, 47 to 2028-W47, which ends
    // Mon 27 Nov 2028).
    assert_eq!(file["generated_at"], "2026-11-28T19:00:00-05:00");
    assert_eq!(file["horizon"], json!({ "from": "2026-09-28T09:00:00-04:00", "to": "2028-11-27T09:00:00-05:00" }));
    let stretches = file["stretches"].as_array().unwrap();
    assert_eq!(stretches.first().unwrap()["week"], "2026-W40");
    assert_eq!(stretches.last().unwrap()["week"], "2028-W47");
    let find = |start: &str| {
        stretches.iter().find(|s| s["start"] == start).unwrap_or_else(|| panic!("no stretch from {start}"))
    };
    let summary = |s: &Value| {
        format!("{} {} {} {} {}", s["week"], s["engineer"], s["why"], s["end"], s["instead_of"]["slug"])
            .replace('"', "")
    };
    // Thanksgiving: Diana's week, Alice (backup) covers it; Diana takes 2026-W49.
    assert_eq!(summary(find("2026-11-23T09:00:00-05:00")), "2026-W48 alice swap 2026-11-30T09:00:00-05:00 null");
    assert_eq!(summary(find("2026-11-30T09:00:00-05:00")), "2026-W49 diana swap 2026-12-07T09:00:00-05:00 null");
    // Charlie covers Bob's school play in Bob's 2026-W50; the week is split in three.
    assert_eq!(summary(find("2026-12-07T09:00:00-05:00")), "2026-W50 bob none 2026-12-09T18:00:00-05:00 null");
    assert_eq!(summary(find("2026-12-09T18:00:00-05:00")), "2026-W50 charlie cover 2026-12-11T09:00:00-05:00 bob");
    assert_eq!(summary(find("2026-12-11T09:00:00-05:00")), "2026-W50 bob none 2026-12-14T09:00:00-05:00 null");
    // Across the spring-forward night the offset changes inside the cover.
    assert_eq!(summary(find("2027-03-13T20:00:00-05:00")), "2027-W10 bob cover 2027-03-14T12:00:00-04:00 charlie");
    // The trade: Bob takes Alice's 2027-W20 and Alice Bob's 2027-W21.
    assert_eq!(summary(find("2027-05-17T09:00:00-04:00")), "2027-W20 bob trade 2027-05-24T09:00:00-04:00 null");
    assert_eq!(summary(find("2027-05-24T09:00:00-04:00")), "2027-W21 alice trade 2027-05-31T09:00:00-04:00 null");
    // Eve joins from 2027-W30, which is Alice's, the first of the new order.
    assert_eq!(
        summary(find("2027-07-26T09:00:00-04:00")),
        "2027-W30 alice roster-change 2027-08-02T09:00:00-04:00 null"
    );
}

#[test]
fn pipelines_name_their_owners_and_link_to_pages_the_site_has() {
    let out = TempDir::new("api-pipelines");
    let [_, pipelines, team] = build_api(None, &out);
    let site: Vec<String> = stdout(&rota(&["paths"])).lines().map(|p| format!("/oncall{p}")).collect();
    let profit = pipelines["pipelines"].as_array().unwrap().iter().find(|p| p["slug"] == "aggregate-profit").unwrap();
    assert_eq!(
        (&profit["primary"], &profit["secondary"], &profit["audience"]),
        (
            &json!({ "slug": "bob", "name": "Bob" }),
            &json!({ "slug": "charlie", "name": "Charlie" }),
            &json!("investor")
        )
    );
    assert_eq!(profit["page"], "/oncall/pipelines/aggregate-profit");
    assert_eq!(profit["runbook"], "/oncall/runbooks/aggregate-profit");
    let runbooks = read_json(&common::workspace().join("data/runbooks.json"));
    let data_points: Vec<String> =
        runbooks.as_array().unwrap().iter().find(|r| r["pipeline"] == "aggregate-profit").unwrap()["failure_points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("/oncall/runbooks/aggregate-profit#{}", f["slug"].as_str().unwrap()))
            .collect();
    let links: Vec<&str> =
        profit["failure_points"].as_array().unwrap().iter().map(|f| f["link"].as_str().unwrap()).collect();
    assert_eq!(links, data_points);
    for p in pipelines["pipelines"].as_array().unwrap() {
        assert!(site.contains(&p["page"].as_str().unwrap().to_string()), "{}", p["page"]);
        if let Some(runbook) = p["runbook"].as_str() {
            assert!(site.contains(&runbook.to_string()), "{runbook}");
        }
    }
    for e in team["engineers"].as_array().unwrap() {
        assert!(site.contains(&e["page"].as_str().unwrap().to_string()), "{}", e["page"]);
    }
}

#[test]
fn team_has_the_handoff_and_public_contacts_only() {
    let data = eventful_data();
    let out = TempDir::new("api-team");
    let [_, _, team] = build_api(Some(&data), &out);
    assert_eq!((&team["team"], &team["time_zone"]), (&json!("Data Engineering"), &json!("America/New_York")));
    assert_eq!(team["handoff"], json!({ "weekday": "monday", "time": "09:00" }));
    assert_eq!(team["team_calendar"], "/oncall/calendar/team.ics");
    let alice = &team["engineers"][0];
    assert_eq!(
        alice,
        &json!({
            "slug": "alice", "name": "Alice", "backup": { "slug": "bob", "name": "Bob" },
            "page": "/oncall/people/alice", "calendar": "/oncall/calendar/alice.ics",
            "contacts": [
                { "kind": "phone", "value": "+1 555 0100", "label": "Mobile", "href": "tel:+15550100" },
                { "kind": "chat", "value": "@alice", "label": null, "href": null }
            ],
            "contact_note": null
        })
    );
    assert_eq!(team["engineers"].as_array().unwrap().len(), 5);
}

#[test]
fn a_bad_source_date_epoch_or_out_folder_fails_with_a_message() {
    let out = TempDir::new("api-bad");
    let output = Command::new(env!("CARGO_BIN_EXE_rota"))
        .args(["api", "--out", out.path()])
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "rota: SOURCE_DATE_EPOCH \"yesterday\" is not a whole number of seconds since 1970-01-01 00:00 UTC\n"
    );
    let file = out.0.join("a-file");
    std::fs::write(&file, "").unwrap();
    let output = rota(&["api", "--out", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(&format!("rota: cannot create {}/api/v1: ", file.display())),
        "{}",
        stderr(&output)
    );
}
