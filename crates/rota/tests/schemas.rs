//! The JSON Schemas in `data/schema/` describe what `rota::load` accepts: the default data is
//! valid against them, and changes that break a rule the schemas can express are rejected by
//! both the schema and `load_dir` (cross-file rules, such as unknown engineers, only by
//! `load_dir`).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rota::load::{load_dir, DATA_FILES, OPTIONAL_DATA_FILES};
use serde_json::{json, Value};

fn data_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")).to_path_buf()
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// `team.json` → `data/schema/team.schema.json`.
fn schema_of(file: &str) -> Value {
    let stem = file.strip_suffix(".json").unwrap();
    read_json(&data_dir().join("schema").join(format!("{stem}.schema.json")))
}

fn validator(file: &str) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema_of(file))
        .unwrap_or_else(|e| panic!("the schema of {file} does not compile: {e}"))
}

/// Every schema violation of `doc`, as "instance path: message".
fn violations(file: &str, doc: &Value) -> Vec<String> {
    validator(file).iter_errors(doc).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn every_data_file_has_a_draft_2020_12_schema() {
    for file in DATA_FILES.iter().chain(&OPTIONAL_DATA_FILES) {
        let schema = schema_of(file);
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{file}");
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("the schema of {file} is not a valid JSON Schema: {e}");
        }
    }
}

#[test]
fn team_json_points_at_its_schema() {
    let team = read_json(&data_dir().join("team.json"));
    let target = team["$schema"].as_str().expect("team.json names its schema");
    assert_eq!(target, "schema/team.schema.json");
    assert!(data_dir().join(target).is_file());
}

#[test]
fn the_default_data_is_valid_against_its_schemas() {
    for file in DATA_FILES {
        let doc = read_json(&data_dir().join(file));
        assert_eq!(violations(file, &doc), Vec::<String>::new(), "{file}");
    }
}

/// The optional files are absent from `data/`; their worked examples stand in.
#[test]
fn the_worked_examples_of_the_optional_files_are_valid_against_their_schemas() {
    let examples = data_dir().join("../tests/fixtures/team-over-time");
    for file in OPTIONAL_DATA_FILES {
        let doc = read_json(&examples.join(file));
        assert_eq!(violations(file, &doc), Vec::<String>::new(), "{file}");
    }
    // And the schemas catch what they can express.
    let duplicate = json!([{ "from": "2027-W10", "rotation": ["alice", "alice"] }]);
    assert_eq!(violations("roster-changes.json", &duplicate).len(), 1);
    let offset = json!([{ "engineer": "bob", "from": "2027-03-10T18:00-05:00", "to": "2027-03-11T09:00" }]);
    assert_eq!(violations("covers.json", &offset).len(), 1);
    let three = json!([{ "weeks": ["2027-W01", "2027-W02", "2027-W03"], "engineers": ["alice", "bob"] }]);
    assert_eq!(violations("trades.json", &three).len(), 1);
}

#[test]
fn an_unknown_field_is_rejected_with_its_path() {
    let mut doc = read_json(&data_dir().join("pipelines.json"));
    doc[2]["owner"] = json!("charlie");
    let found = violations("pipelines.json", &doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("/2: "), "{found:?}");
    assert!(found[0].contains("owner"), "{found:?}");
}

#[test]
fn every_time_zone_rota_knows_matches_the_time_zone_pattern() {
    let schema = schema_of("team.json");
    let zone_schema = &schema["properties"]["time_zone"];
    let check = jsonschema::validator_for(zone_schema).unwrap();
    for tz in rota::chrono_tz::TZ_VARIANTS {
        assert!(check.is_valid(&json!(tz.name())), "{} is a valid zone for rota", tz.name());
    }
    assert!(!check.is_valid(&json!("")));
    assert!(!check.is_valid(&json!("America/New York")));
}

// ---- schema and load_dir agree ----------------------------------------------------------------

/// A private copy of `data/`, removed when dropped.
struct Copy {
    dir: PathBuf,
}

impl Copy {
    fn new() -> Copy {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let unique = format!("rota-schemas-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
        let dir = std::env::temp_dir().join(unique);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for file in DATA_FILES {
            std::fs::copy(data_dir().join(file), dir.join(file)).unwrap();
        }
        Copy { dir }
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Sets (or, with `None`, removes) the value at `pointer`, adding object members as needed.
/// A pointer ending in `/-` appends to an array; the empty pointer replaces the whole document.
fn change(doc: &mut Value, pointer: &str, value: Option<Value>) {
    if pointer.is_empty() {
        *doc = value.expect("the whole document cannot be removed");
        return;
    }
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = doc.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}"));
    match (parent, value) {
        (Value::Array(items), Some(value)) if key == "-" => items.push(value),
        (Value::Array(items), Some(value)) => items[key.parse::<usize>().unwrap()] = value,
        (Value::Array(items), None) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        (Value::Object(members), Some(value)) => {
            members.insert(key.to_string(), value);
        }
        (Value::Object(members), None) => {
            members.remove(key).unwrap_or_else(|| panic!("no {pointer}"));
        }
        (other, _) => panic!("{pointer}: cannot change inside {other}"),
    }
}

/// Applies one change to `file` and asserts that the schema and `load_dir` both accept the
/// result (`valid`) or both reject it.
fn agree(file: &str, pointer: &str, value: Option<Value>, valid: bool) {
    let copy = Copy::new();
    let path = copy.dir.join(file);
    let mut doc = read_json(&path);
    change(&mut doc, pointer, value.clone());
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let schema_says = violations(file, &doc);
    let load_says = load_dir(&copy.dir).err().map(|e| e.to_string());
    let what = format!("{file} {pointer} = {value:?}");
    assert_eq!(schema_says.is_empty(), valid, "schema on {what}: {schema_says:?}");
    assert_eq!(load_says.is_none(), valid, "load_dir on {what}: {load_says:?}");
}

fn rejected(file: &str, pointer: &str, value: Value) {
    agree(file, pointer, Some(value), false);
}

fn accepted(file: &str, pointer: &str, value: Value) {
    agree(file, pointer, Some(value), true);
}

#[test]
fn unknown_fields_are_rejected_everywhere() {
    rejected("team.json", "/team_name", json!("x"));
    rejected("team.json", "/handoff/zone", json!("UTC"));
    rejected("team.json", "/engineers/0/email", json!("a@example.com"));
    rejected("pipelines.json", "/0/owner", json!("alice"));
    rejected("runbooks.json", "/0/owner", json!("alice"));
    rejected("runbooks.json", "/0/failure_points/0/severity", json!("high"));
    rejected("holidays.json", "/0/region", json!("US"));
    rejected("holidays.json", "/0/rules/0/year", json!(2026));
    rejected("holidays.json", "/0/one_off/-", json!({ "date": "2026-06-01", "name": "x", "year": 2026 }));
    rejected("leave.json", "/-", json!({ "engineer": "bob", "from": "2026-03-02", "to": "2026-03-06", "x": 1 }));
    rejected("decisions.json", "/-", json!({ "week": "2026-W48", "decision": "keep", "by": "alice" }));
}

/// team.json's schema serves an organisation's teams too, whose names are in people.json, so it
/// lets an engineer's name out; a single team's loader still asks for it, at the same pointer.
#[test]
fn a_single_team_s_engineer_needs_a_name_though_the_schema_allows_leaving_it_out() {
    let copy = Copy::new();
    let path = copy.dir.join("team.json");
    let mut doc = read_json(&path);
    change(&mut doc, "/engineers/0/name", None);
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    assert!(violations("team.json", &doc).is_empty());
    let errors = load_dir(&copy.dir).unwrap_err().to_string();
    assert!(errors.ends_with("team.json: /engineers/0: missing field `name`"), "{errors}");
}

#[test]
fn missing_required_fields_are_rejected() {
    for (file, pointer) in [
        ("team.json", "/name"),
        ("team.json", "/time_zone"),
        ("team.json", "/handoff"),
        ("team.json", "/handoff/time"),
        ("team.json", "/epoch"),
        ("team.json", "/rotation"),
        ("team.json", "/engineers"),
        ("pipelines.json", "/0/area"),
        ("pipelines.json", "/0/audience"),
        ("pipelines.json", "/0/secondary"),
        ("runbooks.json", "/0/summary"),
        ("runbooks.json", "/0/failure_points"),
        ("runbooks.json", "/0/failure_points/0/description"),
        ("holidays.json", "/0/name"),
        ("holidays.json", "/0/rules/0/month"),
    ] {
        agree(file, pointer, None, false);
    }
    rejected("leave.json", "/-", json!({ "engineer": "bob", "from": "2026-03-02" }));
    rejected("decisions.json", "/-", json!({ "week": "2026-W48" }));
}

#[test]
fn optional_fields_may_be_left_out_or_null() {
    agree("team.json", "/$schema", None, true);
    agree("team.json", "/calendar", None, true);
    agree("pipelines.json", "/0/description", None, true);
    agree("holidays.json", "/0/one_off", None, true);
    accepted("team.json", "/engineers/0/contact", json!("@alice"));
    accepted("team.json", "/engineers/0/contact", Value::Null);
    accepted("team.json", "/engineers/0/calendar", json!("us-federal"));
    accepted("team.json", "/engineers/0/backup", Value::Null);
    accepted("runbooks.json", "/0/failure_points/0/signals", json!(["row count drops"]));
    accepted("runbooks.json", "/0/failure_points/0/first_checks", json!([]));
    accepted("holidays.json", "/0/one_off/-", json!({ "date": "2026-06-01", "name": "Company day" }));
    accepted("leave.json", "/-", json!({ "engineer": "bob", "from": "2026-03-02", "to": "2026-03-06", "note": null }));
    accepted("decisions.json", "/-", json!({ "week": "2026-W48", "decision": "keep", "note": "Diana prefers" }));
    accepted("decisions.json", "/-", json!({ "week": "2026-w48", "decision": "keep" }));
}

#[test]
fn wrong_types_are_rejected() {
    rejected("team.json", "/name", json!(7));
    rejected("team.json", "/handoff/time", json!(900));
    rejected("team.json", "/rotation", json!("alice"));
    rejected("team.json", "/engineers/0/contact", json!(["@alice"]));
    rejected("pipelines.json", "/0/description", Value::Null);
    rejected("runbooks.json", "/0/failure_points/0/signals", json!("slow"));
    rejected("holidays.json", "/0/rules/0/month", json!("1"));
    rejected("holidays.json", "/0/rules/0/observed", json!("yes"));
    rejected("leave.json", "", json!({}));
}

#[test]
fn slugs_must_be_url_safe() {
    rejected("team.json", "/engineers/0/slug", json!("Alice"));
    rejected("team.json", "/rotation/0", json!("alice smith"));
    rejected("pipelines.json", "/0/slug", json!("profit_v2"));
    rejected("pipelines.json", "/0/slug", json!("profit-"));
    rejected("runbooks.json", "/0/failure_points/0/slug", json!("Source Data"));
    rejected("holidays.json", "/0/slug", json!("us--federal"));
}

#[test]
fn names_and_titles_must_not_be_empty() {
    rejected("team.json", "/name", json!(" "));
    rejected("team.json", "/engineers/0/name", json!(""));
    rejected("pipelines.json", "/0/name", json!("\t"));
    rejected("runbooks.json", "/0/failure_points/0/title", json!(""));
    rejected("holidays.json", "/0/name", json!(""));
    rejected("holidays.json", "/0/rules/0/name", json!(" "));
    rejected("holidays.json", "/0/one_off/-", json!({ "date": "2026-06-01", "name": "" }));
}

#[test]
fn the_rotation_lists_each_engineer_once() {
    rejected("team.json", "/rotation", json!(["alice", "bob", "charlie", "alice"]));
    // Leaving one out is valid (a warning): they may be a manager, or have moved on.
    accepted("team.json", "/rotation", json!(["alice", "bob", "diana"]));
}

#[test]
fn enumerations() {
    rejected("pipelines.json", "/0/audience", json!("investors"));
    rejected("team.json", "/handoff/weekday", json!("Monday"));
    rejected("decisions.json", "/-", json!({ "week": "2026-W48", "decision": "swap" }));
}

#[test]
fn times_dates_and_weeks() {
    accepted("team.json", "/handoff/time", json!("23:59"));
    for bad in ["9:00", " 9:00", "24:00", "09:60", "09.00", "09:00:00"] {
        rejected("team.json", "/handoff/time", json!(bad));
    }
    for bad in ["2025-12-32", "2025-02-29", "29/12/2025", "2025-12-1", " 2025-12-1", "2025-12-29T09:00"] {
        rejected("team.json", "/epoch", json!(bad));
    }
    rejected("leave.json", "/-", json!({ "engineer": "bob", "from": "2026-02-30", "to": "2026-03-06" }));
    rejected("holidays.json", "/0/one_off/-", json!({ "date": "2026-13-01", "name": "x" }));
    for bad in ["2026-48", "2026-W4", "2026-W00", "2026-W54", "26-W48", "2026-W48-1"] {
        rejected("decisions.json", "/-", json!({ "week": bad, "decision": "keep" }));
    }
    rejected("team.json", "/time_zone", json!("America/New York"));
}

#[test]
fn holiday_rules() {
    let rule = "/0/rules/0";
    accepted("holidays.json", rule, json!({ "name": "x", "month": 2, "day": 28, "observed": true }));
    accepted("holidays.json", rule, json!({ "name": "x", "month": 4, "day": 30 }));
    accepted("holidays.json", rule, json!({ "name": "x", "month": 12, "day": 31, "observed": false }));
    accepted("holidays.json", rule, json!({ "name": "x", "month": 5, "weekday": "monday", "nth": "last" }));
    accepted("holidays.json", rule, json!({ "name": "x", "month": 9, "weekday": "monday", "nth": 5 }));
    accepted("holidays.json", rule, json!({ "name": "x", "month": 9, "weekday": "friday", "nth": 1, "day": null }));
    accepted("holidays.json", rule, json!({ "name": "x", "month": 1, "day": 1, "weekday": null, "nth": null }));
    for bad in [
        json!({ "name": "month 13", "month": 13, "day": 1 }),
        json!({ "name": "month 0", "month": 0, "day": 1 }),
        json!({ "name": "31 April", "month": 4, "day": 31 }),
        json!({ "name": "30 February", "month": 2, "day": 30 }),
        json!({ "name": "29 February", "month": 2, "day": 29 }),
        json!({ "name": "day 0", "month": 3, "day": 0 }),
        json!({ "name": "day 32", "month": 3, "day": 32 }),
        json!({ "name": "nth 6", "month": 1, "weekday": "monday", "nth": 6 }),
        json!({ "name": "nth 0", "month": 1, "weekday": "monday", "nth": 0 }),
        json!({ "name": "nth first", "month": 1, "weekday": "monday", "nth": "first" }),
        json!({ "name": "observed weekday", "month": 1, "weekday": "monday", "nth": 3, "observed": true }),
        json!({ "name": "neither", "month": 1 }),
        json!({ "name": "no nth", "month": 1, "weekday": "monday" }),
        json!({ "name": "no weekday", "month": 1, "nth": 2 }),
        json!({ "name": "both", "month": 1, "day": 1, "weekday": "monday", "nth": 1 }),
        json!({ "name": "bad weekday", "month": 1, "weekday": "moonday", "nth": 1 }),
        json!({ "name": "null day", "month": 1, "day": null }),
    ] {
        rejected("holidays.json", rule, bad);
    }
}

#[test]
fn contacts() {
    let contacts = "/engineers/0/contacts";
    let examples = read_json(&data_dir().join("../tests/fixtures/contacts/team-contacts.json"));
    accepted("team.json", contacts, examples["alice"]["contacts"].clone());
    accepted("team.json", contacts, json!([]));
    accepted("team.json", contacts, json!([{ "kind": "chat", "value": "@alice", "label": null, "url": null }]));
    accepted("team.json", contacts, json!([{ "kind": "phone", "value": "(555) 010-0100", "label": "Desk" }]));
    accepted("team.json", contacts, json!([{ "kind": "url", "value": "HTTP://10.0.0.1:8080/pager" }]));
    accepted("team.json", "/fallback_contacts", json!([{ "kind": "chat", "value": "#data-oncall" }]));
    rejected("team.json", "/fallback_contacts", json!([{ "kind": "phone", "value": "bridge" }]));
    for bad in [
        json!([{ "kind": "phone", "value": "+1 555 CALL" }]),
        json!([{ "kind": "phone", "value": "1 555+0100" }]),
        json!([{ "kind": "email", "value": "alice.example.com" }]),
        json!([{ "kind": "email", "value": "alice@example.com?cc=eve@example.com" }]),
        json!([{ "kind": "url", "value": "javascript:alert(1)" }]),
        json!([{ "kind": "url", "value": "https://" }]),
        json!([{ "kind": "chat", "value": "@alice", "url": "javascript:alert(1)" }]),
        json!([{ "kind": "chat", "value": "" }]),
        json!([{ "kind": "email", "value": " " }]),
        json!([{ "kind": "url", "label": " ", "value": "https://example.com" }]),
        json!([{ "kind": "phone", "value": "+1 555 0100", "url": "https://example.com" }]),
        json!([{ "kind": "fax", "value": "+1 555 0100" }]),
        json!([{ "kind": "phone" }]),
        json!([{ "kind": "phone", "value": "+1 555 0100", "note": "x" }]),
        json!({ "kind": "phone", "value": "+1 555 0100" }),
        Value::Null,
    ] {
        rejected("team.json", contacts, bad);
    }
}

#[test]
fn symptoms_are_short_phrases_listed_once() {
    let symptoms = "/1/failure_points/2/symptoms";
    accepted("runbooks.json", symptoms, json!(["doubled", "overcounted users"]));
    accepted("runbooks.json", symptoms, json!([]));
    for bad in [
        json!(["doubled", "doubled"]),
        json!([""]),
        json!(["  "]),
        json!(["two\nlines"]),
        json!(["a symptom written out as a whole sentence of text"]),
        json!("doubled"),
        json!([7]),
    ] {
        rejected("runbooks.json", symptoms, bad);
    }
}

#[test]
fn reminders_are_durations_in_both() {
    for good in [json!([]), json!(["P1D", "PT1H"]), json!(["P1W", "P1DT12H", "PT1H30M", "PT45M", "P2DT5M"])] {
        accepted("team.json", "/reminders", good);
    }
    // Only shapes: the range and repeats ("P5W", "PT0M", "PT24H" next to "P1D") are load_dir's.
    for bad in [json!(["1h"]), json!(["-PT1H"]), json!(["PT"]), json!(["P1DT"]), json!(["PT1S"]), json!(["P1W2D"])] {
        rejected("team.json", "/reminders", bad);
    }
    for bad in [json!([60]), json!("P1D"), Value::Null] {
        rejected("team.json", "/reminders", bad);
    }
}
