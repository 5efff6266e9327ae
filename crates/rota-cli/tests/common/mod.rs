//! What the CLI test files share: running the `rota` binary and temporary data folders.

// Each test file uses its own part of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

pub const DATA_FILES: [&str; 6] =
    ["team.json", "pipelines.json", "runbooks.json", "holidays.json", "leave.json", "decisions.json"];

pub fn workspace() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).to_path_buf()
}

/// Runs `rota` with `args`.
pub fn rota(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rota")).args(args).output().expect("the rota binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Runs `rota` and returns its standard output, failing the test unless it exits 0.
pub fn rota_ok(args: &[&str]) -> String {
    let output = rota(args);
    assert_eq!(output.status.code(), Some(0), "rota {args:?} failed: {}", stderr(&output));
    stdout(&output)
}

/// The warnings `rota check` gives the default data in `dir`, whose engineers have no
/// contacts: one for each, saying where to add them (the pages say only "No contact on file").
pub fn no_contacts_warnings(dir: &Path) -> Vec<String> {
    ["alice", "bob", "charlie", "diana"]
        .iter()
        .enumerate()
        .map(|(i, slug)| {
            format!(
                "{}: /engineers/{i}: {slug} has no contacts: pages say \"No contact on file\"; add them under /engineers/{i}/contacts (or give the team /fallback_contacts)",
                dir.join("team.json").display()
            )
        })
        .collect()
}

/// A fresh empty folder under the system's temporary folder, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(what: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("rota-cli-{what}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// A copy of the default data folder.
    pub fn with_default_data() -> TempDir {
        let dir = TempDir::new("data");
        for file in DATA_FILES {
            std::fs::copy(workspace().join("data").join(file), dir.0.join(file)).unwrap();
        }
        dir
    }

    /// Sets the value at `pointer` in `file` (replacing it, or adding an object member).
    pub fn set(&self, file: &str, pointer: &str, value: Value) -> &TempDir {
        let path = self.0.join(file);
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        match doc.pointer_mut(pointer) {
            Some(old) => *old = value,
            None => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                doc.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_string(), value);
            }
        }
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        self
    }

    /// Writes `value` as `file`, e.g. one of the optional files such as covers.json.
    pub fn write(&self, file: &str, value: Value) -> &TempDir {
        std::fs::write(self.0.join(file), serde_json::to_string_pretty(&value).unwrap()).unwrap();
        self
    }

    pub fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
