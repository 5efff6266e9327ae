//! The `rota` binary as a person runs it: arguments, output, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Duration, NaiveDate};
use serde_json::{json, Value};

mod common;
use common::{no_contacts_warnings, rota, rota_ok, stderr, stdout, workspace, TempDir};

// ---- schedule --format json -------------------------------------------------------------------

fn schedule_json(from: &str, weeks: u32) -> Vec<Value> {
    let text = rota_ok(&["schedule", "--from", from, "--weeks", &weeks.to_string(), "--format", "json"]);
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
    value.as_array().expect("a JSON array of weeks").clone()
}

fn find<'a>(weeks: &'a [Value], id: &str) -> &'a Value {
    weeks.iter().find(|w| w["week"] == id).unwrap_or_else(|| panic!("no week {id}"))
}

#[test]
fn schedule_json_has_every_field_of_every_week() {
    let weeks = schedule_json("2026-W01", 160);
    assert_eq!(weeks.len(), 160);
    let mut previous_end: Option<String> = None;
    for (i, w) in weeks.iter().enumerate() {
        let id = w["week"].as_str().expect("week is a string");
        assert_eq!(w["index"], json!(i), "{id}");
        let start = w["start"].as_str().expect("start is a string");
        let end = w["end"].as_str().expect("end is a string");
        let (s, e) = (DateTime::parse_from_rfc3339(start).unwrap(), DateTime::parse_from_rfc3339(end).unwrap());
        // The team's local offset, never UTC's "Z": New York is -05:00 or -04:00.
        for t in [start, end] {
            assert!(t.ends_with("-05:00") || t.ends_with("-04:00"), "{id}: {t}");
            assert!(t.contains("T09:00:00"), "{id}: the handoff is at 09:00 local time: {t}");
        }
        assert_eq!(w["hours"], json!((e - s).num_hours()), "{id}");
        if let Some(previous_end) = &previous_end {
            assert_eq!(start, previous_end, "{id} starts where the week before ends");
        }
        previous_end = Some(end.to_string());
        let scheduled = w["scheduled"].as_str().expect("scheduled is a string");
        assert!(["alice", "bob", "charlie", "diana"].contains(&scheduled), "{id}");
        let on_call = w["on_call"].as_array().expect("on_call is an array");
        assert_eq!(on_call.len(), 1, "{id}");
        for h in w["holidays"].as_array().expect("holidays is an array") {
            assert!(h["date"].as_str().is_some_and(|d| d.len() == 10), "{id}: {h}");
            assert!(h["name"].as_str().is_some_and(|n| !n.is_empty()), "{id}: {h}");
            assert!(["holiday", "leave"].contains(&h["kind"].as_str().unwrap()), "{id}: {h}");
        }
        match &w["swap"] {
            Value::Null => {}
            swap => {
                assert!(swap["with_week"].as_str().is_some(), "{id}: {swap}");
                assert!(swap["reason"].as_str().is_some_and(|r| !r.is_empty()), "{id}: {swap}");
            }
        }
        assert!(w["conflict"].is_null() || w["conflict"].is_string(), "{id}");
    }
    assert_eq!(weeks[0]["week"], "2026-W01");
    assert_eq!(weeks[159]["week"], "2029-W03");
}

#[test]
fn schedule_json_shows_the_daylight_saving_week() {
    let weeks = schedule_json("2026-W10", 1);
    let w = &weeks[0];
    assert_eq!(w["week"], "2026-W10");
    assert_eq!(w["start"], "2026-03-02T09:00:00-05:00");
    assert_eq!(w["end"], "2026-03-09T09:00:00-04:00");
    assert_eq!(w["hours"], 167);
    let fall = &schedule_json("2026-W44", 1)[0];
    assert_eq!(fall["start"], "2026-10-26T09:00:00-04:00");
    assert_eq!(fall["end"], "2026-11-02T09:00:00-05:00");
    assert_eq!(fall["hours"], 169);
}

#[test]
fn schedule_json_worked_examples() {
    let weeks = schedule_json("2026-W01", 160);

    // New Year 2026: Alice's week holds New Year's Day, so Bob (her backup) covers it.
    let w01 = find(&weeks, "2026-W01");
    assert_eq!((&w01["scheduled"], &w01["on_call"]), (&json!("alice"), &json!(["bob"])));
    assert_eq!(w01["swap"]["with_week"], "2026-W02");
    assert!(w01["swap"]["reason"].as_str().unwrap().contains("New Year's Day (Thu 1 Jan 2026)"));
    assert!(w01["conflict"].is_null());
    assert!(w01["holidays"].as_array().unwrap().iter().any(|h| h["name"] == "New Year's Day"));
    let w02 = find(&weeks, "2026-W02");
    assert_eq!((&w02["scheduled"], &w02["on_call"]), (&json!("bob"), &json!(["alice"])));
    assert_eq!(w02["swap"]["with_week"], "2026-W01");

    // Thanksgiving 2026: Diana's week; Alice covers it and Diana takes 2026-W49.
    let w48 = find(&weeks, "2026-W48");
    assert_eq!((&w48["scheduled"], &w48["on_call"]), (&json!("diana"), &json!(["alice"])));
    assert_eq!(w48["swap"]["with_week"], "2026-W49");
    assert_eq!(
        w48["swap"]["reason"],
        "Diana's week 2026-W48 holds Thanksgiving Day (Thu 26 Nov 2026): \
         Alice (backup) covers 2026-W48 and Diana takes 2026-W49 in return"
    );
    assert!(w48["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["name"] == "Thanksgiving Day" && h["date"] == "2026-11-26"));
    let w49 = find(&weeks, "2026-W49");
    assert_eq!((&w49["scheduled"], &w49["on_call"]), (&json!("alice"), &json!(["diana"])));
    assert_eq!(w49["swap"]["with_week"], "2026-W48");

    // Christmas 2026: Diana keeps her week, because the return week holds New Year's Day 2027.
    let w52 = find(&weeks, "2026-W52");
    assert_eq!((&w52["scheduled"], &w52["on_call"]), (&json!("diana"), &json!(["diana"])));
    assert!(w52["swap"].is_null());
    let conflict = w52["conflict"].as_str().expect("2026-W52 has a conflict");
    assert!(conflict.contains("2026-W53") && conflict.contains("New Year's Day"), "{conflict}");
    assert_eq!(
        conflict,
        "Diana keeps 2026-W52: the return week 2026-W53 holds New Year's Day (Fri 1 Jan 2027) for Diana"
    );
    assert!(w52["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["name"] == "Christmas Day" && h["date"] == "2026-12-25"));
}

/// `crates/rota/tests/golden/default-schedule.txt`: lines such as
/// `2026-W01 scheduled=alice on_call=bob swap=2026-W02 conflict=- hours=168`, each conflict
/// followed by `#   <reason>`, and a `#` header line.
#[test]
fn schedule_json_agrees_with_the_golden_schedule() {
    let golden = std::fs::read_to_string(workspace().join("crates/rota/tests/golden/default-schedule.txt")).unwrap();
    let weeks = schedule_json("2026-W01", 160);
    let mut lines = golden.lines().skip_while(|l| l.starts_with("# ")).peekable();
    let mut checked = 0;
    while let Some(line) = lines.next() {
        let mut fields = line.split(' ');
        let id = fields.next().unwrap();
        let field: std::collections::BTreeMap<&str, &str> =
            fields.map(|f| f.split_once('=').unwrap_or_else(|| panic!("bad golden line {line}"))).collect();
        let w = weeks.get(checked).unwrap_or_else(|| panic!("the JSON ends before {id}"));
        assert_eq!(w["week"], id, "week {checked} of the JSON");
        assert_eq!(w["scheduled"], field["scheduled"], "{id}");
        assert_eq!(w["on_call"], json!([field["on_call"]]), "{id}");
        let swap = w["swap"]["with_week"].as_str().unwrap_or("-");
        assert_eq!(swap, field["swap"], "{id}");
        assert_eq!(w["hours"].to_string(), field["hours"], "{id}");
        match field["conflict"] {
            "-" => assert!(w["conflict"].is_null(), "{id}: {}", w["conflict"]),
            "yes" => {
                let reason = lines.next().and_then(|l| l.strip_prefix("#   ")).expect("a conflict's reason");
                assert_eq!(w["conflict"], reason, "{id}");
            }
            other => panic!("{id}: conflict={other}?"),
        }
        checked += 1;
    }
    // 2026 has 53 ISO weeks: 2026-W01 .. 2028-W52 is 157 weeks.
    assert_eq!(checked, 157);
    assert_eq!(weeks[156]["week"], "2028-W52");
}

#[test]
fn schedule_table_is_the_default_format() {
    let text = rota_ok(&["schedule", "--from", "2026-W48", "--weeks", "2"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("week"), "{text}");
    assert!(lines[1].starts_with("2026-W48") && lines[1].contains("Diana") && lines[1].contains("Alice"), "{text}");
    assert!(lines[2].starts_with("2026-W49"), "{text}");
}

#[test]
fn schedule_before_the_epoch_fails() {
    let output = rota(&["schedule", "--from", "2025-W50", "--weeks", "2"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "rota: 2025-W50 is before the rotation starts (2026-W01)\n");
}

// ---- who ----------------------------------------------------------------------------------------

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

#[test]
fn who_on_thanksgiving_2026_is_alice() {
    let text = rota_ok(&["who", "--at", "2026-11-26T12:00:00-05:00"]);
    assert_eq!(first_line(&text), "Alice is on call (2026-W48)", "{text}");
    assert!(text.contains("since Mon 23 Nov 2026 09:00 EST"), "{text}");
    assert!(text.contains("until Mon 30 Nov 2026 09:00 EST"), "{text}");
    assert!(text.contains("next: Diana from Mon 30 Nov 2026 09:00 EST"), "{text}");
}

#[test]
fn who_changes_exactly_at_the_handoff() {
    let before = rota_ok(&["who", "--at", "2026-11-30T08:59:00-05:00"]);
    assert_eq!(first_line(&before), "Alice is on call (2026-W48)", "{before}");
    let at = rota_ok(&["who", "--at", "2026-11-30T09:00:00-05:00"]);
    assert_eq!(first_line(&at), "Diana is on call (2026-W49)", "{at}");
    // The same instant written in UTC.
    let utc = rota_ok(&["who", "--at", "2026-11-30T14:00:00Z"]);
    assert_eq!(first_line(&utc), "Diana is on call (2026-W49)", "{utc}");
}

#[test]
fn who_before_the_rotation_starts_fails() {
    let output = rota(&["who", "--at", "2025-12-01T12:00:00-05:00"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "rota: the rotation starts at Mon 29 Dec 2025 09:00 EST: nobody is on call before\n");
}

// ---- check and --data ---------------------------------------------------------------------------

/// The workspace's data folder as the build script names it: absolute, without `..`.
fn embedded_data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).unwrap().join("data")
}

/// The date `rota check` says the embedded data was built on.
fn embedded_build_date() -> NaiveDate {
    let text = rota_ok(&["check"]);
    let date = text.split_once(", built ").and_then(|(_, rest)| rest.get(..10)).unwrap_or_else(|| panic!("{text}"));
    NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap()
}

#[test]
fn check_accepts_the_embedded_data_and_names_its_folder() {
    let output = rota(&["check"]);
    assert_eq!(output.status.code(), Some(0));
    let dir = embedded_data_dir();
    assert!(dir.is_absolute() && dir.join("team.json").is_file(), "{}", dir.display());
    let expected = format!(
        "the embedded data ({}, built {}) is valid: 4 engineers, 5 pipelines, 3 runbooks, 1 holiday calendars\n",
        dir.display(),
        embedded_build_date()
    );
    assert_eq!(stdout(&output), expected);
    assert!(!stdout(&output).contains(".."), "{}", stdout(&output));
    // The default data's only warnings: nobody has contacts.
    let warnings: String = no_contacts_warnings(&dir).iter().map(|w| format!("warning: {w}\n")).collect();
    assert_eq!(stderr(&output), warnings);
}

#[test]
fn check_prints_warnings_and_still_succeeds() {
    let data = TempDir::with_default_data();
    data.set("team.json", "/rotation", json!(["alice", "bob", "diana"]));
    data.set("decisions.json", "", json!([{ "week": "2026-W14", "decision": "keep" }]));
    let output = rota(&["check", "--data", data.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).ends_with(" is valid: 4 engineers, 5 pipelines, 3 runbooks, 1 holiday calendars\n"));
    let no_contacts: String = no_contacts_warnings(&data.0).iter().map(|w| format!("warning: {w}\n")).collect();
    let expected = format!(
        "warning: {}: /engineers/2: charlie is not in the rotation, so never on call; add them to /rotation if they should be\n\
         {no_contacts}\
         warning: {}: /0/week: 2026-W14 has no holiday swap to decline (Bob is on call as scheduled), so this keep changes nothing\n",
        data.0.join("team.json").display(),
        data.0.join("decisions.json").display()
    );
    assert_eq!(stderr(&output), expected);
}

/// The last day of the team feed `rota ics` writes around `date` (its last `DTEND`, whose
/// 09:00 New York handoff is the same day in UTC).
fn team_feed_end(date: NaiveDate) -> NaiveDate {
    let out = TempDir::new("feed-end");
    rota_ok(&["ics", "--out", out.path(), "--around", &date.to_string()]);
    let feed = read(&out.0.join("team.ics"));
    let last = feed.lines().filter_map(|l| l.strip_prefix("DTEND:")).next_back().unwrap();
    NaiveDate::parse_from_str(&last[..8], "%Y%m%d").unwrap()
}

#[test]
fn check_warns_when_the_embedded_build_needs_a_rebuild() {
    let built = embedded_build_date();
    let end = team_feed_end(built);
    // The embedded data's own warnings (nobody has contacts) come first, whatever the day.
    let data_warnings: String =
        no_contacts_warnings(&embedded_data_dir()).iter().map(|w| format!("warning: {w}\n")).collect();
    let check_on = |today: NaiveDate| {
        let output = rota(&["check", "--today", &today.to_string()]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stderr(&output).strip_prefix(data_warnings.as_str()).map(String::from).unwrap_or_else(|| stderr(&output))
    };
    let warning = |verb: &str| {
        format!("warning: this build was made on {built}; the calendar feeds built with it {verb} {end}: rebuild the site\n")
    };
    assert_eq!(check_on(built), "");
    assert_eq!(check_on(end - Duration::weeks(8) - Duration::days(1)), "");
    assert_eq!(check_on(end - Duration::weeks(8)), warning("end"));
    assert_eq!(check_on(end), warning("end"));
    assert_eq!(check_on(end + Duration::days(1)), warning("ended"));
}

#[test]
fn check_accepts_a_copy_of_the_default_data() {
    let data = TempDir::with_default_data();
    let text = rota_ok(&["check", "--data", data.path()]);
    assert_eq!(text, format!("{} is valid: 4 engineers, 5 pipelines, 3 runbooks, 1 holiday calendars\n", data.path()));
    // --data may come before the command too.
    rota_ok(&["--data", data.path(), "check"]);
}

/// Sets the value at `pointer` in a copy of the data and expects `rota check --data` to fail
/// with exactly one message, about the value at `at`.
fn check_fails(file: &str, pointer: &str, value: Value, at: &str, reason: &str) {
    let data = TempDir::with_default_data();
    data.set(file, pointer, value);
    let output = rota(&["check", "--data", data.path()]);
    assert_eq!(output.status.code(), Some(1), "{file} {pointer}: {}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let expected = format!("{}: {at}: {reason}\n", data.0.join(file).display());
    assert_eq!(stderr(&output), expected);
}

#[test]
fn check_reports_a_bad_team_json() {
    check_fails(
        "team.json",
        "/time_zone",
        json!("America/New_Yrok"),
        "/time_zone",
        "unknown IANA time zone \"America/New_Yrok\" (e.g. \"America/New_York\")",
    );
}

#[test]
fn check_reports_a_bad_pipelines_json() {
    check_fails(
        "pipelines.json",
        "/3/secondary",
        json!("dianna"),
        "/3/secondary",
        "unknown engineer \"dianna\" (known: alice, bob, charlie, diana)",
    );
}

#[test]
fn check_reports_a_bad_runbooks_json() {
    check_fails(
        "runbooks.json",
        "/0/failure_points/1/slug",
        json!("Data Latency"),
        "/0/failure_points/1/slug",
        "failure point slug \"Data Latency\" is not URL-safe: use lowercase letters, digits and single hyphens \
         (e.g. \"aggregate-profit\")",
    );
}

#[test]
fn check_reports_a_bad_holidays_json() {
    check_fails("holidays.json", "/0/rules/8/month", json!(13), "/0/rules/8/month", "month 13 is not between 1 and 12");
}

#[test]
fn check_reports_a_bad_leave_json() {
    check_fails(
        "leave.json",
        "",
        json!([{ "engineer": "bob", "from": "2026-03-06", "to": "2026-03-02" }]),
        "/0/to",
        "leave ends (2026-03-02) before it starts (2026-03-06)",
    );
}

#[test]
fn check_reports_a_bad_decisions_json() {
    check_fails(
        "decisions.json",
        "",
        json!([{ "week": "2026-W52", "decision": "keep", "reason": "Diana prefers" }]),
        "/0/reason",
        "unknown field `reason`, expected one of `week`, `decision`, `note`",
    );
}

#[test]
fn check_reports_problems_of_several_files_one_per_line() {
    let data = TempDir::with_default_data();
    data.set("team.json", "/handoff/time", json!("9:00"));
    data.set("pipelines.json", "/1/audience", json!("investors"));
    let output = rota(&["check", "--data", data.path()]);
    assert_eq!(output.status.code(), Some(1));
    let expected = format!(
        "{}: /1/audience: unknown audience \"investors\" (known: investor, experiments)\n\
         {}: /handoff/time: \"9:00\" is not a time of day as HH:MM (24-hour, e.g. \"09:00\")\n",
        data.0.join("pipelines.json").display(),
        data.0.join("team.json").display()
    );
    assert_eq!(stderr(&output), expected);
}

#[test]
fn check_of_a_missing_folder_fails() {
    let output = rota(&["check", "--data", "/nonexistent/rota-data"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(
            "/nonexistent/rota-data/team.json: /: cannot read the file: No such file or directory (os error 2)\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn other_commands_use_the_data_folder_given() {
    let data = TempDir::with_default_data();
    // Bob and Charlie trade places in the rotation: 2026-W14 (no holidays near) becomes Charlie's.
    data.set("team.json", "/rotation", json!(["alice", "charlie", "bob", "diana"]));
    let text = rota_ok(&["--data", data.path(), "who", "--at", "2026-04-01T12:00:00-04:00"]);
    assert_eq!(first_line(&text), "Charlie is on call (2026-W14)", "{text}");
    let default = rota_ok(&["who", "--at", "2026-04-01T12:00:00-04:00"]);
    assert_eq!(first_line(&default), "Bob is on call (2026-W14)", "{default}");
    let bad = TempDir::with_default_data();
    bad.set("pipelines.json", "/0/primary", json!("alicia"));
    let output = rota(&["--data", bad.path(), "who"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/0/primary: unknown engineer \"alicia\""), "{}", stderr(&output));
}

#[test]
fn who_names_the_engineer_covering_and_when_the_cover_ends() {
    let data = TempDir::with_default_data();
    let cover = json!([{ "engineer": "charlie", "from": "2026-12-09T18:00", "to": "2026-12-11T09:00", "note": "Bob's school play" }]);
    std::fs::write(data.0.join("covers.json"), cover.to_string()).unwrap();
    let during = rota_ok(&["--data", data.path(), "who", "--at", "2026-12-10T12:00:00-05:00"]);
    assert_eq!(
        during.lines().collect::<Vec<_>>(),
        [
            "Charlie is on call (2026-W50)",
            "  since Wed 9 Dec 2026 18:00 EST",
            "  until Fri 11 Dec 2026 09:00 EST",
            "  Charlie covers Wed 9 Dec 18:00 – Fri 11 Dec 09:00 for Bob (Bob's school play)",
            "next: Bob from Fri 11 Dec 2026 09:00 EST",
        ]
    );
    let before = rota_ok(&["--data", data.path(), "who", "--at", "2026-12-09T17:59:00-05:00"]);
    assert_eq!(first_line(&before), "Bob is on call (2026-W50)");
    assert!(before.contains("\nnext: Charlie from Wed 9 Dec 2026 18:00 EST\n"), "{before}");
}

// ---- --format json ------------------------------------------------------------------------------

fn json_of(args: &[&str]) -> Value {
    let text = rota_ok(args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("rota {args:?}: not JSON ({e}):\n{text}"))
}

#[test]
fn who_as_json_on_thanksgiving_2026() {
    let value = json_of(&["who", "--at", "2026-11-26T12:00:00-05:00", "--format", "json"]);
    assert_eq!(
        value,
        json!({
            "at": "2026-11-26T12:00:00-05:00",
            "week": "2026-W48",
            "on_call": { "slug": "alice", "name": "Alice" },
            "since": "2026-11-23T09:00:00-05:00",
            "until": "2026-11-30T09:00:00-05:00",
            "notes": ["Diana's week 2026-W48 holds Thanksgiving Day (Thu 26 Nov 2026): \
                       Alice (backup) covers 2026-W48 and Diana takes 2026-W49 in return"],
            "next": { "slug": "diana", "name": "Diana" },
            "next_from": "2026-11-30T09:00:00-05:00"
        })
    );
    // An instant given in UTC is answered in the team's zone.
    let utc = json_of(&["who", "--at", "2026-11-30T14:00:00Z", "--format", "json"]);
    assert_eq!((&utc["at"], &utc["on_call"]["slug"]), (&json!("2026-11-30T09:00:00-05:00"), &json!("diana")));
}

#[test]
fn paths_as_json_are_the_same_paths() {
    let lines: Vec<Value> = rota_ok(&["paths"]).lines().map(|l| json!(l)).collect();
    assert!(lines.contains(&json!("/pipelines/aggregate-profit")), "{lines:?}");
    assert_eq!(json_of(&["paths", "--format", "json"]), Value::Array(lines));
}

#[test]
fn check_as_json_has_the_counts_and_the_warnings() {
    let data = TempDir::with_default_data();
    data.set("team.json", "/rotation", json!(["alice", "bob", "diana"]));
    let output = rota(&["check", "--data", data.path(), "--format", "json"]);
    assert_eq!((output.status.code(), stderr(&output).as_str()), (Some(0), ""), "warnings go in the JSON");
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let warning = format!(
        "{}: /engineers/2: charlie is not in the rotation, so never on call; add them to /rotation if they should be",
        data.0.join("team.json").display()
    );
    let warnings = [vec![warning], no_contacts_warnings(&data.0)].concat();
    assert_eq!(
        value,
        json!({
            "data_dir": data.path(), "built_on": null, "valid": true, "engineers": 4, "pipelines": 5,
            "runbooks": 3, "holiday_calendars": 1, "warnings": warnings, "rebuild": null
        })
    );
    let embedded = json_of(&["check", "--format", "json"]);
    assert_eq!(embedded["built_on"], json!(embedded_build_date().to_string()));
}

// ---- ics ------------------------------------------------------------------------------------------

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn ics_writes_the_team_feed_and_one_per_engineer() {
    let out = TempDir::new("ics");
    let dir = out.0.join("feeds");
    let text = rota_ok(&["ics", "--out", dir.to_str().unwrap(), "--around", "2026-11-26"]);
    let names = ["team", "alice", "bob", "charlie", "diana"];
    let expected: String =
        names.iter().map(|n| format!("wrote {}\n", dir.join(format!("{n}.ics")).display())).collect();
    assert_eq!(text, expected);
    let mut listed: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    listed.sort();
    assert_eq!(listed, ["alice.ics", "bob.ics", "charlie.ics", "diana.ics", "team.ics"]);
    for name in names {
        let feed = read(&dir.join(format!("{name}.ics")));
        assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"), "{name}.ics");
        assert!(feed.trim_end().ends_with("END:VCALENDAR"), "{name}.ics");
        assert!(feed.contains("BEGIN:VEVENT"), "{name}.ics");
    }
    // Around Thanksgiving 2026 Alice covers Diana's week 2026-W48, and Diana takes 2026-W49.
    let alice = read(&dir.join("alice.ics"));
    assert!(alice.contains("X-WR-CALNAME:Data Engineering on call: Alice"), "{alice}");
    assert!(alice.contains("UID:2026-W48-oncall-alice@data-engineering.rota"), "{alice}");
    let diana = read(&dir.join("diana.ics"));
    assert!(diana.contains("UID:2026-W49-oncall-diana@data-engineering.rota"), "{diana}");
    assert!(!diana.contains("UID:2026-W48-oncall-diana@"), "{diana}");
}

#[test]
fn ics_for_one_person_writes_only_their_feed() {
    let out = TempDir::new("ics-person");
    let text = rota_ok(&["ics", "--person", "bob", "--out", out.path(), "--around", "2026-11-26"]);
    assert_eq!(text, format!("wrote {}\n", out.0.join("bob.ics").display()));
    let listed: Vec<String> =
        std::fs::read_dir(&out.0).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(listed, ["bob.ics"]);
}

#[test]
fn ics_for_an_unknown_person_fails_with_the_known_ones() {
    let out = TempDir::new("ics-nobody");
    let dir = out.0.join("feeds");
    let output = rota(&["ics", "--person", "nobody", "--out", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "rota: unknown engineer \"nobody\" (known: alice, bob, charlie, diana)\n");
    assert_eq!(stdout(&output), "");
    assert!(!dir.exists(), "nothing is written for an unknown person");
}

/// Runs `rota ics --out <dir> <args>` with `SOURCE_DATE_EPOCH` set to `epoch`.
fn ics_built_at(epoch: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rota"))
        .args(["ics", "--out", dir.to_str().unwrap()])
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap()
}

#[test]
fn ics_stamps_events_with_the_build_and_the_site() {
    let out = TempDir::new("ics-stamp");
    // 1795910400 s is 2026-11-29 00:00 UTC (Saturday 28 November in New York, week 2026-W48).
    let output = ics_built_at("1795910400", &out.0, &["--public-url", "/oncall/"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let team = read(&out.0.join("team.ics"));
    assert!(
        team.contains(
            "\r\nUID:2026-W48-oncall@data-engineering.oncall.rota\r\nDTSTAMP:20261129T000000Z\r\nSEQUENCE:29931840\r\n"
        ),
        "{team}"
    );
    // The feeds are centred on the build's date: 8 weeks before 2026-W48, and 52 after (2026
    // has a week 53, so that is 2027-W47).
    assert!(team.contains("\r\nUID:2026-W40-oncall@"), "{team}");
    assert!(!team.contains("\r\nUID:2026-W39-oncall@"), "{team}");
    assert!(team.contains("\r\nUID:2027-W47-oncall@"), "{team}");
    assert!(!team.contains("\r\nUID:2027-W48-oncall@"), "{team}");
}

#[test]
fn ics_is_byte_identical_for_the_same_data_and_build() {
    let (a, b) = (TempDir::new("ics-a"), TempDir::new("ics-b"));
    for dir in [&a, &b] {
        assert_eq!(ics_built_at("1795910400", &dir.0, &[]).status.code(), Some(0));
    }
    for name in ["team", "alice", "bob", "charlie", "diana"] {
        let file = format!("{name}.ics");
        assert_eq!(std::fs::read(a.0.join(&file)).unwrap(), std::fs::read(b.0.join(&file)).unwrap(), "{file}");
    }
}

#[test]
fn ics_with_a_bad_source_date_epoch_fails_with_a_message() {
    let out = TempDir::new("ics-bad-epoch");
    let output = ics_built_at("2026-11-29", &out.0, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "rota: SOURCE_DATE_EPOCH \"2026-11-29\" is not a whole number of seconds since 1970-01-01 00:00 UTC\n"
    );
}
