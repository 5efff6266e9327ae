//! `data/schema/org.schema.json` and `people.schema.json` describe what `rota check` accepts
//! of an organisation's own files: `examples/org` is valid against them, and a change either
//! rejects, `rota check` rejects too.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

mod common;
use common::{rota, stderr, workspace, TempDir};

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn schema(name: &str) -> Value {
    read_json(&workspace().join("data/schema").join(format!("{name}.schema.json")))
}

fn violations(name: &str, doc: &Value) -> Vec<String> {
    let schema = schema(name);
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    validator.iter_errors(doc).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

fn example(file: &str) -> Value {
    read_json(&workspace().join("examples/org").join(file))
}

#[test]
fn the_schemas_are_draft_2020_12_and_the_example_is_valid() {
    for name in ["org", "people"] {
        let schema = schema(name);
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}");
        jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{name}: not a valid JSON Schema: {e}"));
        assert_eq!(violations(name, &example(&format!("{name}.json"))), Vec::<String>::new(), "{name}");
    }
    let target = example("org.json")["$schema"].as_str().unwrap().to_string();
    assert!(workspace().join("examples/org").join(&target).is_file(), "org.json names {target}");
}

/// A copy of examples/org.
fn org_copy() -> TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target: PathBuf = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = TempDir::new("org-schema");
    copy(&workspace().join("examples/org"), &dir.0);
    dir
}

#[test]
fn what_the_schemas_reject_rota_check_rejects() {
    let cases: [(&str, &str, Value); 5] = [
        ("org.json", "/teams", json!([])),
        ("org.json", "/teams/1", json!("Platform")),
        ("org.json", "/owner", json!("alice")),
        ("people.json", "/0/name", json!(" ")),
        ("people.json", "/1/contacts/0/kind", json!("pager")),
    ];
    for (file, pointer, value) in cases {
        let dir = org_copy();
        dir.set(file, pointer, value);
        let doc = read_json(&dir.0.join(file));
        let name = file.strip_suffix(".json").unwrap();
        assert!(!violations(name, &doc).is_empty(), "{file} {pointer}: the schema accepts it");
        let output = rota(&["check", "--data", dir.path()]);
        assert_eq!(output.status.code(), Some(1), "{file} {pointer}: rota check accepts it");
        assert!(
            stderr(&output).contains(&dir.0.join(file).display().to_string()),
            "{file} {pointer}: {}",
            stderr(&output)
        );
    }
}
