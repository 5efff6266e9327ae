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
