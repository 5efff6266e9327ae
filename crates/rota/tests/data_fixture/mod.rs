//! A private copy of the default data folder to break one value at a time, shared by the
//! validation tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rota::check_warnings::warnings;
use rota::load::{load_dir, DATA_FILES};
use serde_json::Value;

/// A private copy of the default data folder, removed when dropped.
pub struct Fixture {
    pub dir: PathBuf,
}

impl Fixture {
    pub fn new() -> Fixture {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let source = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
        let unique = format!("rota-validation-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
        let dir = std::env::temp_dir().join(unique);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for file in DATA_FILES {
            std::fs::copy(source.join(file), dir.join(file)).unwrap();
        }
        Fixture { dir }
    }

    pub fn read(&self, file: &str) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.dir.join(file)).unwrap()).unwrap()
    }

    pub fn write(&self, file: &str, value: &Value) {
        std::fs::write(self.dir.join(file), serde_json::to_string_pretty(value).unwrap()).unwrap();
    }

    /// Changes the JSON document `file` in place.
    pub fn edit(&self, file: &str, change: impl FnOnce(&mut Value)) -> &Fixture {
        let mut doc = self.read(file);
        change(&mut doc);
        self.write(file, &doc);
        self
    }

    /// Sets the value at `pointer`: replaces it, or adds it as a new member of its object.
    pub fn set(&self, file: &str, pointer: &str, value: Value) -> &Fixture {
        self.edit(file, |doc| {
            if let Some(old) = doc.pointer_mut(pointer) {
                *old = value;
                return;
            }
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            let key = key.replace("~1", "/").replace("~0", "~");
            let object = doc.pointer_mut(parent).and_then(Value::as_object_mut);
            object.unwrap_or_else(|| panic!("{file} has no object at {parent}")).insert(key, value);
        })
    }

    /// Appends `value` to the array at `pointer` ("" for the whole document).
    pub fn push(&self, file: &str, pointer: &str, value: Value) -> &Fixture {
        self.edit(file, |doc| doc.pointer_mut(pointer).unwrap().as_array_mut().unwrap().push(value))
    }

    /// Removes the member `key` of the object at `pointer`.
    pub fn remove(&self, file: &str, pointer: &str, key: &str) -> &Fixture {
        self.edit(file, |doc| {
            doc.pointer_mut(pointer).unwrap().as_object_mut().unwrap().remove(key).unwrap();
        })
    }

    pub fn write_text(&self, file: &str, text: &str) -> &Fixture {
        std::fs::write(self.dir.join(file), text).unwrap();
        self
    }

    /// Every message `load_dir` reports, as displayed.
    pub fn errors(&self) -> Vec<String> {
        match load_dir(&self.dir) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.0.iter().map(|e| e.to_string()).collect(),
        }
    }

    /// The displayed message for a problem in `file` at `pointer`.
    pub fn line(&self, file: &str, pointer: &str, reason: &str) -> String {
        format!("{}: {pointer}: {reason}", self.dir.join(file).display())
    }

    /// Asserts that loading reports exactly these problems, in this order.
    pub fn expect(&self, problems: &[(&str, &str, &str)]) {
        let expected: Vec<String> = problems.iter().map(|(f, p, r)| self.line(f, p, r)).collect();
        assert_eq!(self.errors(), expected);
    }

    /// Asserts that the data loads, with exactly these warnings, in this order.
    pub fn expect_warnings(&self, expected: &[(&str, &str, &str)]) {
        let data = load_dir(&self.dir).unwrap_or_else(|errors| panic!("the data should load:\n{errors}"));
        let found: Vec<String> = warnings(&self.dir, &data).iter().map(|w| w.to_string()).collect();
        let expected: Vec<String> = expected.iter().map(|(f, p, m)| self.line(f, p, m)).collect();
        assert_eq!(found, expected);
    }

    /// Asserts that loading reports exactly one problem.
    pub fn expect_one(&self, file: &str, pointer: &str, reason: &str) {
        self.expect(&[(file, pointer, reason)]);
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
