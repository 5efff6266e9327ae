//! `rota who` of a team with layers (examples/follow-the-sun, issue 19), worked out by hand:
//! APAC (Mei, Raj) covers 08:00–16:00 in Singapore (00–08 UTC), EMEA (Ola, Tom) 08:00–16:00 in
//! London (08–16 UTC in December), the team's own rotation, the Americas (Ana, Ben),
//! 11:00–20:00 in New York (16–01 UTC); weekly from Monday 5 January 2026, so the week from
//! Monday 7 December is shift 48 of each (the first person). A weekly secondary (Quinn, Rosa,
//! Mondays 11:00 New York) and a daily shadow (Sam, 11:00 New York).

mod common;

use common::{rota, rota_ok, stderr, workspace};
use serde_json::Value;

fn fts(args: &[&str]) -> Vec<String> {
    let dir = workspace().join("examples/follow-the-sun");
    let mut all = vec!["--data", dir.to_str().unwrap()];
    all.extend(args);
    all.into_iter().map(String::from).collect()
}

fn run_ok(args: &[&str]) -> String {
    let args = fts(args);
    rota_ok(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn who_names_the_region_covering_now_and_every_layer() {
    assert_eq!(
        run_ok(&["who", "--at", "2026-12-08T07:59:00Z"]),
        "Mei is on call (APAC, 2026-W50)\n  \
         since Tue 8 Dec 2026 08:00 +08\n  \
         until Tue 8 Dec 2026 16:00 +08\n\
         next: Ola from Tue 8 Dec 2026 08:00 GMT\n\
         layers:\n  \
         Americas (primary): not covering now; next Ana from Tue 8 Dec 2026 11:00 EST\n  \
         EMEA (primary): not covering now; next Ola from Tue 8 Dec 2026 08:00 GMT\n  \
         APAC (primary): Mei until Tue 8 Dec 2026 16:00 +08; next Mei from Wed 9 Dec 2026 08:00 +08\n  \
         Secondary (secondary): Quinn until Mon 14 Dec 2026 11:00 EST; next Rosa from Mon 14 Dec 2026 11:00 EST\n  \
         Shadow (shadow): Sam until Tue 8 Dec 2026 11:00 EST; next Sam from Tue 8 Dec 2026 11:00 EST\n"
    );
    // A minute later EMEA has it, until the Americas take over at 11:00 in New York.
    let after = run_ok(&["who", "--at", "2026-12-08T08:00:00Z"]);
    assert!(after.starts_with("Ola is on call (EMEA, 2026-W50)\n  since Tue 8 Dec 2026 08:00 GMT\n  until Tue 8 Dec 2026 16:00 GMT\nnext: Ana from Tue 8 Dec 2026 11:00 EST\n"), "{after}");
}

#[test]
fn who_layer_answers_for_one_layer_and_names_the_layers_when_unknown() {
    assert_eq!(
        run_ok(&["who", "--at", "2026-12-08T07:59:00Z", "--layer", "secondary"]),
        "Secondary (secondary): Quinn until Mon 14 Dec 2026 11:00 EST; next Rosa from Mon 14 Dec 2026 11:00 EST\n"
    );
    let json: Value =
        serde_json::from_str(&run_ok(&["who", "--at", "2026-12-08T07:59:00Z", "--layer", "emea", "--format", "json"]))
            .unwrap();
    assert_eq!(json["on_call"], Value::Null);
    assert_eq!(json["next"]["slug"], "ola");
    assert_eq!(json["next_from"], "2026-12-08T08:00:00+00:00");
    let args = fts(&["who", "--layer", "night"]);
    let out = rota(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out),
        "rota: no layer \"night\" in this team (its layers: americas, emea, apac, secondary, shadow)\n"
    );
    // A team of one layer has the layer "primary".
    assert_eq!(
        rota_ok(&["who", "--at", "2026-12-08T07:59:00Z", "--layer", "primary"]),
        "Primary (primary): Bob until Mon 14 Dec 2026 09:00 EST; next Charlie from Mon 14 Dec 2026 09:00 EST\n"
    );
}

#[test]
fn the_schedule_csv_has_a_row_per_stretch_of_every_layer_and_names_the_layer() {
    let csv = run_ok(&["export", "--kind", "schedule", "--from", "2026-W50", "--weeks", "1"]);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "week,start,end,time_zone,hours,engineer,name,why,instead_of,notes,layer");
    // The Americas' hours (11:00–20:00), EMEA's from Tuesday (Monday's 08:00 is before the
    // week's 11:00 New York start), Tom's Monday 14 December in EMEA's own week 2026-W51.
    assert_eq!(lines[1], "2026-W50,2026-12-07 11:00,2026-12-07 20:00,America/New_York,9,ana,Ana,none,,,americas");
    assert_eq!(lines[8], "2026-W50,2026-12-08 08:00,2026-12-08 16:00,Europe/London,8,ola,Ola,none,,,emea");
    assert_eq!(lines[14], "2026-W51,2026-12-14 08:00,2026-12-14 16:00,Europe/London,8,tom,Tom,none,,,emea");
    assert!(
        lines.contains(&"2026-W50,2026-12-07 11:00,2026-12-14 11:00,America/New_York,168,quinn,Quinn,none,,,secondary")
    );
    assert_eq!(lines.iter().filter(|l| l.ends_with(",shadow")).count(), 7, "a daily shadow: seven days");
}

#[test]
fn the_api_names_each_stretchs_layer_and_the_layers_roles() {
    let out = common::TempDir::new("api-layers");
    let args = fts(&["api", "--out", out.path()]);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_rota"))
        .args(&args)
        .env("SOURCE_DATE_EPOCH", "1795910400")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let schedule: Value =
        serde_json::from_str(&std::fs::read_to_string(out.0.join("api/v1/schedule.json")).unwrap()).unwrap();
    let roles: Vec<(&str, &str)> = schedule["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["slug"].as_str().unwrap(), l["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        roles,
        [
            ("americas", "primary"),
            ("emea", "primary"),
            ("apac", "primary"),
            ("secondary", "secondary"),
            ("shadow", "shadow")
        ]
    );
    let at = |t: i64, layer: &str| {
        schedule["stretches"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| {
                s["layer"] == layer && s["start_unix"].as_i64().unwrap() <= t && t < s["end_unix"].as_i64().unwrap()
            })
            .map(|s| s["engineer"].as_str().unwrap().to_string())
    };
    // Tuesday 8 December 2026, 07:59 UTC: APAC's Mei; nobody in the Americas' or EMEA's hours.
    let t = 1_796_716_740;
    assert_eq!((at(t, "apac"), at(t, "emea"), at(t, "americas")), (Some("mei".into()), None, None));
    assert_eq!(at(t, "secondary"), Some("quinn".into()));
}
