//! `rota --data examples/org …`: every command on an organisation of three teams.
//!
//! The expected output was worked out by hand from `examples/org`:
//! - Data Engineering: alice, bob, charlie, diana weekly from Mon 29 Dec 2025 09:00 New York
//!   time; 2026 has 53 ISO weeks, so 2027-Wn is week index n + 52 and rotation[(n + 52) mod 4].
//! - Platform: erin, frank, grace, bob on the same frame; Bob covers Frank's 2027-W05 from Wed
//!   3 Feb 09:00 to Thu 4 Feb 09:00 (covers.json), and takes Grace's 2027-W06 in return for his
//!   2027-W03 (Martin Luther King Day, Grace his backup).
//! - Payments: heidi, ivan, judy weekly from Tue 30 Dec 2025 10:00 London time; Tue 2 Feb 2027
//!   is 57 weeks on, so its 2027-Wn is rotation[(n + 52) mod 3].
//!
//! So at 2027-02-03T15:00Z (10:00 in New York) Bob is on call for Data Engineering (2027-W05,
//! index 57, 57 mod 4 = 1) and for Platform (covering Frank), and Heidi for Payments (57 mod 3
//! = 0): the organisation's one near clash.

#[path = "../../rota/tests/support/copy_dir.rs"]
mod copy;
use copy::copy_dir;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

mod common;
use common::{rota, rota_ok, stderr, stdout, workspace, TempDir};

/// 2026-11-29 00:00 UTC: the build instant of these tests.
const BUILT: &str = "1795910400";
/// Wednesday 3 February 2027, 10:00 in New York: inside Bob's cover of Platform.
const CLASH: &str = "2027-02-03T15:00:00Z";

fn org_dir() -> PathBuf {
    workspace().join("examples/org")
}

fn org() -> String {
    org_dir().to_str().unwrap().to_string()
}

/// `rota --data examples/org args…` built at [`BUILT`].
fn rota_org(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rota"))
        .args(["--data", &org()])
        .args(args)
        .env("SOURCE_DATE_EPOCH", BUILT)
        .output()
        .expect("the rota binary runs")
}

fn org_ok(args: &[&str]) -> String {
    let output = rota_org(args);
    assert_eq!(output.status.code(), Some(0), "rota {args:?} failed: {}", stderr(&output));
    stdout(&output)
}

fn org_json(args: &[&str]) -> Value {
    let text = org_ok(args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Exit 1 with exactly `message` on standard error.
fn org_fails(args: &[&str], message: &str) {
    let output = rota_org(args);
    assert_eq!(output.status.code(), Some(1), "rota {args:?}: {}", stderr(&output));
    assert_eq!(stdout(&output), "", "rota {args:?}");
    assert_eq!(stderr(&output), format!("rota: {message}\n"), "rota {args:?}");
}

const TEAMS: &str = "data-engineering, platform, payments";

// ---- who ----------------------------------------------------------------------------------------

#[test]
fn who_without_team_lists_every_team_in_display_order() {
    let text = org_ok(&["who", "--at", CLASH]);
    assert_eq!(
        text,
        "Data Engineering: Bob is on call (2027-W05)
  since Mon 1 Feb 2027 09:00 EST
  until Mon 8 Feb 2027 09:00 EST
  next: Charlie from Mon 8 Feb 2027 09:00 EST
Platform: Bob is on call (2027-W05)
  since Wed 3 Feb 2027 09:00 EST
  until Thu 4 Feb 2027 09:00 EST
  Bob covers Wed 3 Feb 09:00 – Thu 4 Feb 09:00 for Frank (Frank's dentist)
  next: Frank from Thu 4 Feb 2027 09:00 EST
Payments: Heidi is on call (2027-W05)
  since Tue 2 Feb 2027 10:00 GMT
  until Tue 9 Feb 2027 10:00 GMT
  next: Ivan from Tue 9 Feb 2027 10:00 GMT
"
    );
}

#[test]
fn who_as_json_has_every_team_with_the_single_team_fields() {
    let doc = org_json(&["who", "--at", CLASH, "--format", "json"]);
    assert_eq!(doc["at"], "2027-02-03T15:00:00+00:00");
    let teams = doc["teams"].as_array().unwrap();
    let slugs: Vec<&str> = teams.iter().map(|t| t["team"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["data-engineering", "platform", "payments"]);
    let platform = &teams[1];
    assert_eq!(platform["name"], "Platform");
    assert_eq!(platform["week"], "2027-W05");
    assert_eq!(platform["on_call"], json!({ "slug": "bob", "name": "Bob" }));
    assert_eq!(
        (&platform["since"], &platform["until"]),
        (&json!("2027-02-03T09:00:00-05:00"), &json!("2027-02-04T09:00:00-05:00"))
    );
    assert_eq!(platform["next"], json!({ "slug": "frank", "name": "Frank" }));
    assert_eq!(teams[2]["on_call"]["slug"], "heidi");
    assert_eq!(teams[2]["at"], "2027-02-03T15:00:00+00:00", "Payments' zone is London's, GMT in February");
    assert!(teams.iter().all(|t| t.get("nobody").is_none()));
}

#[test]
fn who_with_team_answers_as_for_a_single_team() {
    let text = org_ok(&["who", "--at", CLASH, "--team", "payments"]);
    assert_eq!(
        text,
        "Heidi is on call (2027-W05)\n  since Tue 2 Feb 2027 10:00 GMT\n  until Tue 9 Feb 2027 10:00 GMT\nnext: Ivan from Tue 9 Feb 2027 10:00 GMT\n"
    );
}

#[test]
fn who_person_answers_across_the_teams_they_are_in() {
    let text = org_ok(&["who", "--at", CLASH, "--person", "bob"]);
    // Bob's next Data Engineering week is 2027-W09 (61 mod 4 = 1); in Platform, Grace's
    // 2027-W06, taken in return for his 2027-W03.
    assert_eq!(
        text,
        "Bob is on call for Data Engineering (2027-W05)
  since Mon 1 Feb 2027 09:00 EST
  until Mon 8 Feb 2027 09:00 EST
  next: Mon 1 Mar 2027 09:00 EST – Mon 8 Mar 2027 09:00 EST (2027-W09)
Bob is on call for Platform (2027-W05)
  since Wed 3 Feb 2027 09:00 EST
  until Thu 4 Feb 2027 09:00 EST
  next: Mon 8 Feb 2027 09:00 EST – Mon 15 Feb 2027 09:00 EST (2027-W06)
clash: Bob is on call for Data Engineering and Platform at once
"
    );
    // Judy, in Payments only, is not on call; her next week is 2027-W07 (59 mod 3 = 2).
    let text = org_ok(&["who", "--at", CLASH, "--person", "judy"]);
    assert_eq!(
        text,
        "Judy is not on call for Payments\n  next: Tue 16 Feb 2027 10:00 GMT – Tue 23 Feb 2027 10:00 GMT (2027-W07)\n"
    );
    let doc = org_json(&["who", "--at", CLASH, "--person", "bob", "--team", "platform", "--format", "json"]);
    assert_eq!(
        doc,
        json!({
            "at": "2027-02-03T15:00:00+00:00",
            "person": { "slug": "bob", "name": "Bob" },
            "teams": [{
                "team": "platform",
                "name": "Platform",
                "on_call": true,
                "now": { "week": "2027-W05", "from": "2027-02-03T09:00:00-05:00", "until": "2027-02-04T09:00:00-05:00" },
                "next": { "week": "2027-W06", "from": "2027-02-08T09:00:00-05:00", "until": "2027-02-15T09:00:00-05:00" }
            }]
        })
    );
}

#[test]
fn who_person_unknown_or_not_in_the_team_fails_with_a_message() {
    org_fails(
        &["who", "--person", "bbo"],
        "no person \"bbo\"; did you mean bob? (people: alice, bob, charlie, diana, erin, frank, grace, heidi, ivan, judy)",
    );
    org_fails(
        &["who", "--person", "mallory"],
        "no person \"mallory\" (people: alice, bob, charlie, diana, erin, frank, grace, heidi, ivan, judy)",
    );
    org_fails(&["who", "--person", "bob", "--team", "payments"], "Bob is not in team payments (Payments)");
}

// ---- --team ---------------------------------------------------------------------------------------

#[test]
fn a_command_on_one_team_needs_a_team_of_the_organisation() {
    let missing = format!("this organisation has 3 teams; choose one with --team: {TEAMS}");
    org_fails(&["schedule", "--from", "2027-W05"], &missing);
    org_fails(&["export", "--kind", "hours"], &missing);
    org_fails(
        &["schedule", "--from", "2027-W05", "--team", "platfrom"],
        &format!("no team \"platfrom\"; did you mean platform? (teams: {TEAMS})"),
    );
    org_fails(&["who", "--team", "sales"], &format!("no team \"sales\" (teams: {TEAMS})"));
    org_fails(
        &["ics", "--out", "/nonexistent", "--team", "payment"],
        &format!("no team \"payment\"; did you mean payments? (teams: {TEAMS})"),
    );
}

#[test]
fn a_single_team_takes_no_team_and_no_person() {
    // The embedded data is the single team of data/.
    for args in [&["who", "--team", "platform"][..], &["schedule", "--from", "2027-W05", "--team", "platform"]] {
        let output = rota(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).starts_with(
                "error: --team chooses a team of an organisation; this data is a single team: leave --team out\n"
            ),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let output = rota(&["who", "--person", "alice"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("note: who --person asks across the teams of an organisation"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn schedule_and_export_of_one_team() {
    let text = org_ok(&["schedule", "--team", "platform", "--from", "2027-W05", "--weeks", "2"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(
        lines[1],
        "2027-W05  Mon 1 Feb 2027 09:00 EST       168  Frank      Frank      Bob covers Wed 3 Feb 09:00 – Thu 4 Feb 09:00 for Frank (Frank's dentist)"
    );
    assert!(
        lines[2].starts_with(
            "2027-W06  Mon 8 Feb 2027 09:00 EST       168  Grace      Bob        Bob's week 2027-W03 holds"
        ),
        "{text}"
    );
    let csv = org_ok(&["export", "--team", "payments", "--kind", "schedule", "--from", "2027-W05", "--weeks", "1"]);
    assert_eq!(
        csv,
        "week,start,end,time_zone,hours,engineer,name,why,instead_of,notes\r\n\
         2027-W05,2027-02-02 10:00,2027-02-09 10:00,Europe/London,168,heidi,Heidi,none,,\r\n"
    );
}

// ---- check --------------------------------------------------------------------------------------

#[test]
fn check_gives_every_teams_warnings_and_the_clash() {
    let output = rota_org(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{} is valid: Example Corp, 3 teams ({TEAMS}), 10 people, 9 pipelines, 5 runbooks\n", org())
    );
    let err = stderr(&output);
    let platform_team = org_dir().join("teams/platform/team.json");
    let frank = format!(
        "warning: {}: /engineers/1: frank has no contacts: pages say \"No contact on file\"; add them under /engineers/1/contacts (or give the team /fallback_contacts)\n",
        platform_team.display()
    );
    assert!(err.contains(&frank), "{err}");
    let clashes: Vec<&str> = err.lines().filter(|l| l.contains(" at once, ")).collect();
    assert_eq!(
        clashes.first().copied(),
        Some(
            format!(
                "warning: {}: /1: bob is on call for Data Engineering (2027-W05) and Platform (2027-W05) at once, from 2027-02-03 14:00 UTC to 2027-02-04 14:00 UTC",
                org_dir().join("people.json").display()
            )
            .as_str()
        ),
        "{err}"
    );
    // From the build instant on: built after that week, the clash is past.
    let later = Command::new(env!("CARGO_BIN_EXE_rota"))
        .args(["--data", &org(), "check"])
        .env("SOURCE_DATE_EPOCH", "1801000000") // 2027-01-26 21:46 UTC, before it
        .output()
        .unwrap();
    assert!(stderr(&later).contains("Platform (2027-W05) at once"), "{}", stderr(&later));
    let after = Command::new(env!("CARGO_BIN_EXE_rota"))
        .args(["--data", &org(), "check"])
        .env("SOURCE_DATE_EPOCH", "1802000000") // 2027-02-07 11:33 UTC, after it
        .output()
        .unwrap();
    assert_eq!(after.status.code(), Some(0));
    assert!(!stderr(&after).contains("(2027-W05)"), "{}", stderr(&after));
}

#[test]
fn check_as_json_has_each_team_and_the_warnings() {
    let doc = org_json(&["check", "--format", "json"]);
    assert_eq!(
        (&doc["valid"], &doc["organisation"], &doc["people"]),
        (&json!(true), &json!("Example Corp"), &json!(10))
    );
    assert_eq!(doc["built_on"], Value::Null);
    assert_eq!(
        doc["teams"][1],
        json!({ "slug": "platform", "name": "Platform", "engineers": 4, "pipelines": 2, "runbooks": 1, "holiday_calendars": 1 })
    );
    let warnings = doc["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w.as_str().unwrap().ends_with(
        "/1: bob is on call for Data Engineering (2027-W05) and Platform (2027-W05) at once, from 2027-02-03 14:00 UTC to 2027-02-04 14:00 UTC"
    )));
}

#[test]
fn check_of_a_broken_organisation_names_the_file_and_pointer() {
    let dir = TempDir::new("org-check");
    copy_dir(&org_dir(), &dir.0);
    dir.set("teams/platform/team.json", "/rotation/3", json!("bobby"));
    let output = rota(&["check", "--data", dir.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains(&format!("{}: /rotation/3: ", dir.0.join("teams/platform/team.json").display())),
        "{}",
        stderr(&output)
    );
}

// ---- api ----------------------------------------------------------------------------------------

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

#[test]
fn api_writes_the_teams_index_and_each_teams_files_with_their_schemas() {
    let out = TempDir::new("org-api");
    let text = org_ok(&["api", "--out", out.path(), "--public-url", "/oncall/"]);
    let dir = out.0.join("api/v1");
    let mut expected = vec!["teams.json".to_string()];
    for team in ["data-engineering", "platform", "payments"] {
        expected.extend(["schedule", "pipelines", "team"].map(|f| format!("teams/{team}/{f}.json")));
    }
    expected.extend(["teams", "schedule", "pipelines", "team"].map(|f| format!("{f}.schema.json")));
    let wrote: String = expected.iter().map(|f| format!("wrote {}\n", dir.join(f).display())).collect();
    assert_eq!(text, wrote);

    let index = read_json(&dir.join("teams.json"));
    assert_eq!(index["generated_at"], "2026-11-29T00:00:00+00:00");
    assert_eq!(index["name"], "Example Corp");
    assert_eq!(
        index["teams"][1],
        json!({
            "slug": "platform",
            "name": "Platform",
            "time_zone": "America/New_York",
            "page": "/oncall/teams/platform/",
            "calendar": "/oncall/calendar/teams/platform.ics",
            "schedule": "/oncall/api/v1/teams/platform/schedule.json",
            "pipelines": "/oncall/api/v1/teams/platform/pipelines.json",
            "team": "/oncall/api/v1/teams/platform/team.json"
        })
    );
    // Every file against its schema; every path in teams.json names a file written.
    let validate = |file: &Path, schema: &str| {
        let schema = read_json(&dir.join(schema));
        let validator = jsonschema::validator_for(&schema).unwrap();
        let doc = read_json(file);
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    };
    validate(&dir.join("teams.json"), "teams.schema.json");
    for team in index["teams"].as_array().unwrap() {
        for file in ["schedule", "pipelines", "team"] {
            let path = team[file].as_str().unwrap().strip_prefix("/oncall/").unwrap();
            validate(&out.0.join(path), &format!("{file}.schema.json"));
        }
    }
    let mut bad = index.clone();
    bad["teams"][0].as_object_mut().unwrap().remove("schedule");
    assert!(!jsonschema::validator_for(&read_json(&dir.join("teams.schema.json"))).unwrap().is_valid(&bad));

    // Platform's files: its schedule has Bob's cover, its team file its own feed.
    let schedule = read_json(&dir.join("teams/platform/schedule.json"));
    assert_eq!(schedule["team"], "Platform");
    let cover = schedule["stretches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["start"] == "2027-02-03T09:00:00-05:00")
        .expect("the cover's stretch");
    assert_eq!(
        (&cover["engineer"], &cover["end"], &cover["why"]),
        (&json!("bob"), &json!("2027-02-04T09:00:00-05:00"), &json!("cover"))
    );
    assert_eq!(cover["instead_of"], json!({ "slug": "frank", "name": "Frank" }));
    let team = read_json(&dir.join("teams/platform/team.json"));
    assert_eq!(team["team_calendar"], "/oncall/calendar/teams/platform.ics");
    assert_eq!(team["engineers"][3]["calendar"], "/oncall/calendar/bob.ics");
    let pipelines = read_json(&dir.join("teams/payments/pipelines.json"));
    assert_eq!(pipelines["pipelines"][0]["page"], "/oncall/pipelines/payment-reconciliation");
}

// ---- ics ----------------------------------------------------------------------------------------

fn ics(out: &TempDir, args: &[&str]) -> String {
    let mut all = vec!["ics", "--out", out.path(), "--around", "2027-02-01"];
    all.extend(args);
    org_ok(&all)
}

/// Each event of a feed, unfolded: its lines.
fn events(feed: &str) -> Vec<Vec<String>> {
    let unfolded = feed.replace("\r\n ", "");
    let mut out = Vec::new();
    for block in unfolded.split("BEGIN:VEVENT\r\n").skip(1) {
        let block = block.split("END:VEVENT").next().unwrap();
        out.push(block.split("\r\n").filter(|l| !l.is_empty()).map(String::from).collect());
    }
    out
}

fn field<'a>(event: &'a [String], name: &str) -> &'a str {
    event.iter().find_map(|l| l.strip_prefix(&format!("{name}:"))).unwrap_or_else(|| panic!("no {name}: {event:?}"))
}

#[test]
fn ics_writes_each_teams_feed_and_one_per_person_of_all_their_teams() {
    let out = TempDir::new("org-ics");
    let text = ics(&out, &[]);
    let people = ["alice", "bob", "charlie", "diana", "erin", "frank", "grace", "heidi", "ivan", "judy"];
    let mut expected: Vec<String> =
        ["data-engineering", "platform", "payments"].map(|t| format!("teams/{t}.ics")).to_vec();
    expected.extend(people.map(|p| format!("{p}.ics")));
    let wrote: String = expected.iter().map(|f| format!("wrote {}\n", out.0.join(f).display())).collect();
    assert_eq!(text, wrote);

    let bob = std::fs::read_to_string(out.0.join("bob.ics")).unwrap();
    assert!(bob.starts_with("BEGIN:VCALENDAR\r\n") && bob.ends_with("END:VCALENDAR\r\n"));
    assert!(bob.contains("\r\nX-WR-CALNAME:On call: Bob\r\n"), "{bob}");
    let bob_events = events(&bob);
    let summaries: std::collections::BTreeSet<&str> = bob_events.iter().map(|e| field(e, "SUMMARY")).collect();
    assert_eq!(summaries, ["On call for Data Engineering: Bob", "On call for Platform: Bob"].into());
    // Both 2027-W05 stretches, each naming its team, in order of start.
    let w05: Vec<&Vec<String>> = bob_events.iter().filter(|e| field(e, "UID").starts_with("2027-W05-")).collect();
    assert_eq!(w05.len(), 2);
    assert_eq!((field(w05[0], "DTSTART"), field(w05[0], "DTEND")), ("20270201T140000Z", "20270208T140000Z"));
    assert_eq!(field(w05[0], "UID"), "2027-W05-oncall-bob@data-engineering.rota");
    assert!(field(w05[0], "DESCRIPTION").starts_with("Bob is on call for Data Engineering\\, week 2027-W05"));
    assert_eq!((field(w05[1], "DTSTART"), field(w05[1], "DTEND")), ("20270203T140000Z", "20270204T140000Z"));
    assert_eq!(field(w05[1], "SUMMARY"), "On call for Platform: Bob");
    assert!(field(w05[1], "DESCRIPTION").starts_with("Bob is on call for Platform\\, week 2027-W05"));
    let starts: Vec<&str> = bob_events.iter().map(|e| field(e, "DTSTART")).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    let uids: std::collections::BTreeSet<&str> = bob_events.iter().map(|e| field(e, "UID")).collect();
    assert_eq!(uids.len(), bob_events.len(), "every UID once");
    // Exactly Bob's stretches of the two teams' own feeds.
    let team_stretches = |team: &str| {
        let feed = std::fs::read_to_string(out.0.join(format!("teams/{team}.ics"))).unwrap();
        events(&feed).iter().filter(|e| field(e, "SUMMARY") == "On call: Bob").count()
    };
    assert_eq!(bob_events.len(), team_stretches("data-engineering") + team_stretches("platform"));
    // Folded as RFC 5545 says.
    assert!(bob.split("\r\n").all(|l| l.len() <= 75));

    let platform = std::fs::read_to_string(out.0.join("teams/platform.ics")).unwrap();
    assert!(platform.contains("\r\nX-WR-CALNAME:Platform on call\r\n"));
    let judy = std::fs::read_to_string(out.0.join("judy.ics")).unwrap();
    assert!(events(&judy).iter().all(|e| field(e, "SUMMARY") == "On call for Payments: Judy"));
}

#[test]
fn ics_for_one_team_or_one_person_writes_only_that_feed() {
    let out = TempDir::new("org-ics-one");
    assert_eq!(ics(&out, &["--team", "payments"]), format!("wrote {}\n", out.0.join("teams/payments.ics").display()));
    assert_eq!(ics(&out, &["--person", "bob"]), format!("wrote {}\n", out.0.join("bob.ics").display()));
    let output = rota_org(&["ics", "--out", out.path(), "--person", "bobby"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("rota: no person \"bobby\"; did you mean bob? (people: alice, "),
        "{}",
        stderr(&output)
    );
}

// ---- text and paths -----------------------------------------------------------------------------

#[test]
fn paths_are_the_organisations_site() {
    let paths: Vec<String> = org_ok(&["paths"]).lines().map(String::from).collect();
    assert_eq!(&paths[..5], ["/", "/pipelines", "/runbooks", "/people", "/teams/data-engineering/"]);
    for path in [
        "/teams/platform/schedule",
        "/teams/payments/fairness",
        "/pipelines/warehouse-loader",
        "/runbooks/payment-reconciliation",
        "/people/judy",
    ] {
        assert!(paths.iter().any(|p| p == path), "{path}: {paths:?}");
    }
    // 4 + 3 teams × 6 + 9 pipelines + 5 runbooks + 10 people.
    assert_eq!(paths.len(), 4 + 18 + 9 + 5 + 10);
    assert_eq!(org_json(&["paths", "--format", "json"]), json!(paths));
}

#[test]
fn text_writes_every_teams_pipelines() {
    let out = TempDir::new("org-text");
    let text = org_ok(&["text", "--out", out.path()]);
    assert!(text.starts_with("wrote 10 text files ("), "{text}");
    let names: Vec<String> = std::fs::read_dir(out.0.join("text/pipelines"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 9, "one per pipeline of every team: {names:?}");
    for slug in ["aggregate-profit", "warehouse-loader", "fx-rates"] {
        assert!(names.iter().any(|n| n.starts_with(&format!("{slug}-")) && n.ends_with(".txt")), "{slug}: {names:?}");
    }
}

/// On an organisation, `rota text` also writes each team's data, the directory and the on-call
/// table, named as `rota::org_files` names them for the build instant, each readable back.
#[test]
fn text_writes_each_teams_data_the_directory_and_the_on_call_table() {
    use rota::chrono::{TimeZone, Utc};
    let out = TempDir::new("org-data");
    let text = org_ok(&["text", "--out", out.path()]);
    let built = Utc.timestamp_opt(BUILT.parse().unwrap(), 0).unwrap();
    let org = rota::load::load_org_dir_at(&org_dir(), built).unwrap();
    let files = rota::org_files::org_files(&org, built);
    let bytes = files.teams.iter().map(|f| f.body.len()).sum::<usize>();
    let summary = format!(
        "wrote 3 team files ({bytes} bytes), 1 directory ({} bytes) and 1 on-call table ({} bytes) to {}\n",
        files.directory.body.len(),
        files.on_call.body.len(),
        out.0.join("data").display()
    );
    assert!(text.ends_with(&summary), "{text}");
    let read = |name: &str| std::fs::read_to_string(out.0.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    for (team, file) in org.teams.iter().zip(&files.teams) {
        assert!(file.name.starts_with(&format!("data/teams/{}-", team.slug)), "{}", file.name);
        assert_eq!(rota::team_file::decode(&read(&file.name)).unwrap(), team.data.without_text());
    }
    assert_eq!(std::fs::read_dir(out.0.join("data/teams")).unwrap().count(), 3);
    let directory = rota::org_files::decode_directory(&read(&files.directory.name)).unwrap();
    assert_eq!(directory, rota::org_files::directory(&org));
    let table = rota::org_files::decode_on_call(&read(&files.on_call.name)).unwrap();
    assert_eq!(table.teams.len(), 3);
    assert_eq!(table.from, built - rota::chrono::Duration::weeks(8));
    // Every directory pipeline's text file was written too.
    for p in &directory.pipelines {
        assert!(out.0.join(&p.text_file).is_file(), "{}", p.text_file);
    }
}

// ---- diff ---------------------------------------------------------------------------------------

/// A copy of examples/org where Judy covers a day of Ivan's Payments week 2027-W09 (61 mod 3 = 1).
fn payments_cover() -> TempDir {
    let dir = TempDir::new("org-diff");
    copy_dir(&org_dir(), &dir.0);
    dir.write(
        "teams/payments/covers.json",
        json!([{ "engineer": "judy", "from": "2027-03-03T10:00", "to": "2027-03-04T10:00", "note": "Ivan at the doctor" }]),
    );
    dir
}

#[test]
fn diff_of_organisations_lists_only_the_changed_teams_weeks() {
    let new = payments_cover();
    let output = rota(&["diff", &org(), new.path(), "--now", "2027-01-01T00:00:00Z"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "data-engineering: No change to the schedule from 2026-W01 to 2027-W52.
platform: No change to the schedule from 2026-W01 to 2027-W52.
payments: Changes to the schedule from 2026-W01 to 2027-W52:

payments: 2027-W09  Tue 2 Mar 2027 10:00 GMT – Tue 9 Mar 2027 10:00 GMT
payments:   before: Ivan
payments:   after:  Ivan; Judy Wed 3 Mar 10:00 – Thu 4 Mar 10:00 (cover)
payments:   why:    Judy covers Wed 3 Mar 10:00 – Thu 4 Mar 10:00 for Ivan (Ivan at the doctor)

payments: Fairness per engineer and year (of the weeks' start dates), 2026-W01 to 2027-W52:
payments:   Ivan 2027: hours on call 3023 → 2999
payments:   Judy 2027: hours on call 2689 → 2713
"
    );
    assert_eq!(stderr(&output), "");
    // Only Platform: no change.
    let output = rota(&["diff", &org(), new.path(), "--now", "2027-01-01T00:00:00Z", "--team", "platform"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "platform: No change to the schedule from 2026-W01 to 2027-W52.\n");
    // As JSON: each team, the single team's fields for each.
    let output = rota(&["diff", &org(), new.path(), "--now", "2027-01-01T00:00:00Z", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let status: Vec<(&str, &str)> = doc["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["team"].as_str().unwrap(), t["status"].as_str().unwrap()))
        .collect();
    assert_eq!(status, [("data-engineering", "unchanged"), ("platform", "unchanged"), ("payments", "changed")]);
    assert_eq!(doc["teams"][2]["weeks"][0]["week"], "2027-W09");
}

#[test]
fn diff_of_a_team_and_an_organisation_is_an_error() {
    let team = TempDir::with_default_data();
    let output = rota(&["diff", team.path(), &org()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "rota: {} is a single team's data folder and {} an organisation's: diff compares two of the same kind\n",
            team.path(),
            org()
        )
    );
    let output = rota(&["diff", &org(), &org(), "--team", "sales"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), format!("rota: no team \"sales\" (teams: {TEAMS})\n"));
}

#[test]
fn the_data_folder_given_is_read_as_an_organisation_by_every_command() {
    // Before organisations, each of these failed: examples/org has no team.json.
    rota_ok(&["--data", &org(), "paths"]);
    rota_ok(&["--data", &org(), "who", "--at", CLASH]);
}
