//! `team.json`'s layers (issue 19): what loads, and each problem with its JSON pointer, on a
//! copy of the default data (a weekly rotation of alice, bob, charlie, diana from Monday
//! 29 December 2025, 09:00 New York).

mod data_fixture;

use data_fixture::Fixture;
use rota::layer::team_layers;
use rota::load::load_dir;
use serde_json::{json, Value};

fn secondary(rotation: Value) -> Value {
    json!({ "slug": "secondary", "name": "Secondary", "role": "secondary", "rotation": rotation })
}

/// The default data's rotation as the Americas region, with EMEA and APAC beside it, 8 hours
/// each: in winter 00–08 UTC Singapore, 08–16 London, 16–24 New York.
fn follow_the_sun(fx: &Fixture) {
    fx.set(
        "team.json",
        "/primary_layer",
        json!({ "slug": "americas", "name": "Americas", "hours": { "from": "11:00", "to": "19:00" } }),
    );
    let region = |slug: &str, name: &str, zone: &str, rotation: Value| {
        json!({
            "slug": slug, "name": name, "role": "primary", "rotation": rotation, "time_zone": zone,
            "handoff": { "weekday": "monday", "time": "08:00" }, "hours": { "from": "08:00", "to": "16:00" }
        })
    };
    fx.set(
        "team.json",
        "/layers",
        json!([
            region("emea", "EMEA", "Europe/London", json!(["charlie", "diana"])),
            region("apac", "APAC", "Asia/Singapore", json!(["diana", "charlie"]))
        ]),
    );
}

#[test]
fn a_secondary_layer_loads_beside_the_rotation() {
    let fx = Fixture::new();
    // Two behind the rotation, so nobody's holiday swap makes them their own secondary.
    fx.set("team.json", "/layers", json!([secondary(json!(["charlie", "diana", "alice", "bob"]))]));
    assert_eq!(fx.errors(), Vec::<String>::new());
    let data = load_dir(&fx.dir).unwrap();
    let layers = team_layers(&data.inputs);
    let names: Vec<_> = layers.iter().map(|l| (l.slug.as_str(), l.name.as_str())).collect();
    assert_eq!(names, [("primary", "Primary"), ("secondary", "Secondary")]);
    // By the orders alone, week 48 (2026-W49, 48 mod 4 = 0) is the first of each.
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z").unwrap().to_utc();
    assert_eq!(layers.iter().map(|l| l.on_call_at(at)).collect::<Vec<_>>(), [Some("alice"), Some("charlie")]);
}

#[test]
fn one_person_primary_and_secondary_at_once_is_an_error_with_the_instants() {
    let fx = Fixture::new();
    // The same order as the rotation: everyone is their own secondary, every week. The check
    // runs 30 years (10,950 days = 1,564 weeks and 2 days) from the first handoff. The first
    // week has New Year's Day: alice swaps it with her backup bob in both layers.
    fx.set("team.json", "/layers", json!([secondary(json!(["alice", "bob", "charlie", "diana"]))]));
    fx.expect_one(
        "team.json",
        "/layers/0",
        "bob is Primary and Secondary at once, from 2025-12-29 14:00 to 2026-01-05 14:00 UTC (and 1564 more times): nobody is left to escalate to",
    );
}

#[test]
fn follow_the_sun_with_the_us_and_uk_changes_names_its_first_and_last_gap() {
    let fx = Fixture::new();
    follow_the_sun(&fx);
    let errors = fx.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    // New York goes forward on Sunday 8 March 2026: its hours end at 23:00 UTC from then on,
    // and until November nobody covers 23:00–00:00 UTC.
    let first = fx.line(
        "team.json",
        "/layers",
        "nobody is primary on call from 2026-03-08 23:00 to 2026-03-09 00:00 UTC, and ",
    );
    assert!(errors[0].starts_with(&first), "{}", errors[0]);
    assert!(errors[0].ends_with("; set \"gaps\": \"warning\" if the team means it"), "{}", errors[0]);
}

#[test]
fn gaps_as_warnings_load_and_say_so_with_the_overlaps() {
    let fx = Fixture::new();
    follow_the_sun(&fx);
    fx.set("team.json", "/gaps", json!("warning"));
    let data = load_dir(&fx.dir).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<String> = rota::check_warnings::warnings(&fx.dir, &data)
        .into_iter()
        .filter(|w| w.pointer == "/layers")
        .map(|w| w.message)
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].starts_with("nobody is primary on call from 2026-03-08 23:00 to 2026-03-09 00:00 UTC"));
    // The first overlap: from 8 March New York's 15:00–23:00 UTC meets London's 08–16.
    assert!(
        warnings[1]
            .starts_with("Americas and EMEA are both primary on call from 2026-03-08 15:00 to 2026-03-08 16:00 UTC"),
        "{}",
        warnings[1]
    );
}

#[test]
fn each_mistake_in_a_layer_is_named_at_its_pointer() {
    let fx = Fixture::new();
    fx.set(
        "team.json",
        "/layers",
        json!([
            { "slug": "primary", "name": " ", "role": "backup", "rotation": ["alice", "alice", "zed"] },
            { "slug": "daily", "name": "Daily", "role": "shadow", "rotation": ["bob"], "shift": { "days": 3 },
              "handoff": { "weekday": "monday", "time": "09:00" } },
            { "slug": "fortnight", "name": "Fortnight", "role": "secondary", "rotation": ["bob"], "shift": { "weeks": 2 },
              "epoch": "2025-12-30", "hours": { "from": "09:00", "to": "09:00" },
              "changes": [{ "from": "2025-12-01", "rotation": ["charlie"] }] },
            { "slug": "long", "name": "Long", "role": "shadow", "rotation": ["bob"], "shift": { "days": 57 } },
            { "slug": "gap", "name": "Gap", "role": "shadow", "rotation": ["bob"], "shift": { "days": 1 },
              "handoff": { "time": "02:30" } }
        ]),
    );
    fx.set("team.json", "/gaps", json!("sometimes"));
    fx.expect(&[
        ("team.json", "/layers/0/slug", "duplicate layer slug \"primary\""),
        ("team.json", "/layers/0/name", "the layer's name is empty"),
        ("team.json", "/layers/0/role", "unknown role \"backup\" (use \"primary\", \"secondary\" or \"shadow\")"),
        ("team.json", "/layers/0/rotation/1", "alice is already in this rotation at /layers/0/rotation/0: list each engineer once"),
        ("team.json", "/layers/0/rotation/2", "unknown engineer \"zed\" (known: alice, bob, charlie, diana)"),
        ("team.json", "/layers/1/handoff/weekday", "a shift of 3 days starts on a different weekday each time: leave out the weekday"),
        ("team.json", "/layers/2/hours/to", "the hours start and end at the same time: leave out \"hours\" for around the clock"),
        ("team.json", "/layers/2/epoch", "2025-12-30 is a Tuesday, but the handoff is on Monday"),
        ("team.json", "/layers/2/changes/0/from", "2025-12-01 is not after 2025-12-30: list changes in order, each after the layer starts"),
        ("team.json", "/layers/3/shift/days", "a shift must be 1 to 56 days (8 weeks) long"),
        ("team.json", "/layers/4/handoff/time", "02:30 does not exist in America/New_York on 2026-03-08 (clocks skip it); choose a time outside the daylight-saving change"),
        ("team.json", "/gaps", "unknown gap policy \"sometimes\" (use \"error\" or \"warning\")"),
    ]);
}

#[test]
fn the_schema_accepts_layers_and_rejects_a_shift_of_both_days_and_weeks() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/schema/team.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let fx = Fixture::new();
    follow_the_sun(&fx);
    fx.set("team.json", "/gaps", json!("warning"));
    let mut team = fx.read("team.json");
    assert!(validator.is_valid(&team), "{:?}", validator.iter_errors(&team).map(|e| e.to_string()).collect::<Vec<_>>());
    team["layers"][0]["shift"] = json!({ "days": 1, "weeks": 1 });
    assert!(!validator.is_valid(&team));
    team["layers"][0]["shift"] = json!({ "days": 1 });
    team["layers"][0]["role"] = json!("backup");
    assert!(!validator.is_valid(&team));
}
