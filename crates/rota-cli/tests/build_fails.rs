//! Bad data stops the builds of both the CLI and the site, with the same messages as
//! `rota check`, and doubtful data is printed as warnings by both builds and by `rota check`:
//! both build scripts embed `$ROTA_DATA_DIR` when it is set.
//!
//! Each test runs a nested `cargo check` in its own target folder (`target/bad-data-check`), so
//! it never waits for the lock of the `cargo test` that runs it. The first run in a fresh clone
//! compiles the dependencies of the site for the host (about a minute and a half on two cores);
//! later runs only rerun the build script (under a second).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::{json, Value};

mod common;
use common::no_contacts_warnings;

const DATA_FILES: [&str; 6] =
    ["team.json", "pipelines.json", "runbooks.json", "holidays.json", "leave.json", "decisions.json"];

fn workspace() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).canonicalize().unwrap()
}

/// A copy of the default data, removed when dropped.
struct DataCopy(PathBuf);

impl DataCopy {
    fn new(name: &str) -> DataCopy {
        let dir = std::env::temp_dir().join(format!("rota-build-data-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for file in DATA_FILES {
            std::fs::copy(workspace().join("data").join(file), dir.join(file)).unwrap();
        }
        DataCopy(dir)
    }

    /// Changes the JSON document `file`.
    fn edit(&self, file: &str, change: impl FnOnce(&mut Value)) {
        let path = self.0.join(file);
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        change(&mut doc);
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    }

    /// One problem in pipelines.json and one in leave.json.
    fn bad(name: &str) -> DataCopy {
        let data = DataCopy::new(&format!("bad-{name}"));
        data.edit("pipelines.json", |pipelines| pipelines[3]["secondary"] = json!("dianna"));
        data.edit("leave.json", |leave| {
            *leave = json!([{ "engineer": "bob", "from": "2026-03-06", "to": "2026-03-02" }])
        });
        data
    }

    /// Valid, with two warnings: Charlie out of the rotation, and a keep of a week without a swap.
    fn doubtful(name: &str) -> DataCopy {
        let data = DataCopy::new(&format!("doubtful-{name}"));
        data.edit("team.json", |team| team["rotation"] = json!(["alice", "bob", "diana"]));
        data.edit("decisions.json", |decisions| *decisions = json!([{ "week": "2026-W14", "decision": "keep" }]));
        data
    }

    /// The problems every consumer of [`DataCopy::bad`] must print.
    fn expected_errors(&self) -> [String; 2] {
        [
            format!(
                "{}: /3/secondary: unknown engineer \"dianna\" (known: alice, bob, charlie, diana)",
                self.0.join("pipelines.json").display()
            ),
            format!(
                "{}: /0/to: leave ends (2026-03-02) before it starts (2026-03-06)",
                self.0.join("leave.json").display()
            ),
        ]
    }

    /// The warnings every consumer of [`DataCopy::doubtful`] must print (with those of the
    /// default data: nobody has contacts).
    fn expected_warnings(&self) -> Vec<String> {
        let rotation = format!(
            "{}: /engineers/2: charlie is not in the rotation, so never on call; add them to /rotation if they should be",
            self.0.join("team.json").display()
        );
        let keep = format!(
            "{}: /0/week: 2026-W14 has no holiday swap to decline (Bob is on call as scheduled), so this keep changes nothing",
            self.0.join("decisions.json").display()
        );
        [vec![rotation], no_contacts_warnings(&self.0), vec![keep]].concat()
    }
}

impl Drop for DataCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `cargo check -p <package>` with `ROTA_DATA_DIR=<data>`; returns success, stderr and the
/// time it took.
fn cargo_check(package: &str, data: &Path) -> (bool, String, f64) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = Instant::now();
    let output = Command::new(cargo)
        .current_dir(workspace())
        .args(["check", "-p", package])
        .env("ROTA_DATA_DIR", data)
        .env("CARGO_TARGET_DIR", workspace().join("target/bad-data-check"))
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .output()
        .expect("cargo runs");
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("cargo check -p {package} with ROTA_DATA_DIR={}: {seconds:.1} s", data.display());
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned(), seconds)
}

fn assert_build_fails(package: &str) {
    let data = DataCopy::bad(package);
    let (ok, stderr, _) = cargo_check(package, &data.0);
    assert!(!ok, "cargo check -p {package} succeeded with bad data:\n{stderr}");
    assert!(stderr.contains("The team data is invalid; fix these and build again:"), "{stderr}");
    for line in data.expected_errors() {
        // Cargo indents a build script's output; the message itself is unchanged.
        assert!(stderr.lines().any(|l| l.trim() == line), "missing line\n  {line}\nin:\n{stderr}");
    }

    // `rota check` on the same folder prints exactly those lines.
    let check = Command::new(env!("CARGO_BIN_EXE_rota")).args(["check", "--data"]).arg(&data.0).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(String::from_utf8(check.stderr).unwrap(), data.expected_errors().join("\n") + "\n");
}

fn assert_build_warns(package: &str) {
    let data = DataCopy::doubtful(package);
    let (ok, stderr, _) = cargo_check(package, &data.0);
    assert!(ok, "cargo check -p {package} failed with valid data:\n{stderr}");
    for line in data.expected_warnings() {
        // Cargo prints a build script's warning as `warning: <package>@<version>: <line>`.
        let shown = format!("warning: {package}@0.1.0: {line}");
        assert!(stderr.lines().any(|l| l.trim() == shown), "missing line\n  {shown}\nin:\n{stderr}");
    }

    // `rota check` on the same folder prints the same warnings, and succeeds.
    let check = Command::new(env!("CARGO_BIN_EXE_rota")).args(["check", "--data"]).arg(&data.0).output().unwrap();
    assert_eq!(check.status.code(), Some(0));
    let expected: String = data.expected_warnings().iter().map(|line| format!("warning: {line}\n")).collect();
    assert_eq!(String::from_utf8(check.stderr).unwrap(), expected);
}

#[test]
fn the_cli_does_not_build_with_bad_data() {
    assert_build_fails("rota-cli");
}

#[test]
fn the_site_does_not_build_with_bad_data() {
    assert_build_fails("rota-site");
}

#[test]
fn the_cli_build_prints_the_data_warnings() {
    assert_build_warns("rota-cli");
}

#[test]
fn the_site_build_prints_the_data_warnings() {
    assert_build_warns("rota-site");
}
