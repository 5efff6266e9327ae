//! A private copy of `examples/org` to change one thing at a time.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{TimeZone, Utc};
use rota::load::{load_org_dir_at, LoadErrors};
use rota::Organisation;
use serde_json::Value;

pub struct OrgFixture {
    pub dir: PathBuf,
}

#[path = "../support/copy_dir.rs"]
mod copy;
use copy::copy_dir;

impl OrgFixture {
    pub fn new() -> OrgFixture {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let source = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/org"));
        let unique = format!("rota-org-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
        let dir = std::env::temp_dir().join(unique);
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(source, &dir);
        OrgFixture { dir }
    }

    /// Sets the JSON value at `pointer` of `file` (relative to the organisation's folder):
    /// replaces it, or adds it to its object.
    pub fn set(&self, file: &str, pointer: &str, value: Value) -> &OrgFixture {
        let path = self.dir.join(file);
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        match doc.pointer_mut(pointer) {
            Some(old) => *old = value,
            None => {
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                let object = doc.pointer_mut(parent).and_then(Value::as_object_mut);
                object.unwrap_or_else(|| panic!("{file} has no object at {parent}")).insert(key.to_string(), value);
            }
        }
        std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        self
    }

    /// Loads as of 2026-12-04.
    pub fn try_load(&self) -> Result<Organisation, LoadErrors> {
        load_org_dir_at(&self.dir, Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap())
    }

    pub fn load(&self) -> Organisation {
        self.try_load().unwrap_or_else(|e| panic!("{e}"))
    }

    /// The errors, with the fixture's folder left out of the file names.
    pub fn errors(&self) -> Vec<String> {
        let errors = self.try_load().expect_err("the organisation should be invalid");
        errors.0.iter().map(|e| e.to_string().replace(&format!("{}/", self.dir.display()), "")).collect()
    }
}

impl Drop for OrgFixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
