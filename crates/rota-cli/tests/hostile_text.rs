//! Free text from a data folder reaches the terminal shown, not obeyed: the fixture
//! `tests/fixtures/hostile-data` has names and notes with markup, terminal escape sequences, a
//! right-to-left override and zero-width characters.

use std::process::Command;

use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hostile-data");

fn rota_ok(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_rota")).args(["--data", DATA]).args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "rota {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Characters that would act on the terminal or hide or reorder text, other than line ends.
fn hidden(text: &str) -> Vec<char> {
    let invisible = ['\u{061C}', '\u{200B}', '\u{200E}', '\u{200F}', '\u{2060}', '\u{FEFF}'];
    let bidi = |c: char| ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
    text.chars().filter(|&c| (c.is_control() && c != '\n') || invisible.contains(&c) || bidi(c)).collect()
}

#[test]
fn who_and_the_schedule_table_show_hostile_names_escaped() {
    let who = rota_ok(&["who", "--at", "2026-11-26T12:00:00-05:00"]);
    let table = rota_ok(&["schedule", "--from", "2026-W47", "--weeks", "8"]);
    for text in [&who, &table] {
        assert_eq!(hidden(text), [], "{text}");
    }
    assert!(who.starts_with("Alice <script>window.pwned='alice'</script> is on call (2026-W48)\n"), "{who}");
    assert!(who.contains("Thanksgiving <img src=x onerror=\"window.pwned='holiday'\">; turkey, pie \\ done"), "{who}");
    assert!(table.contains("Charlie \\u202Egnp.exe"), "{table}");
    assert!(
        table.contains(
            "Di\\u200Bana\\u2060\\uFEFF \"><svg onload=\"window.pwned='diana'\"> \\u001B[31mred\\u001B[0m &amp;"
        ),
        "{table}"
    );
}

#[test]
fn schedule_json_stays_valid_and_reads_back_as_the_data() {
    let json = rota_ok(&["schedule", "--from", "2026-W48", "--weeks", "3", "--format", "json"]);
    assert_eq!(hidden(&json), [], "{json}");
    let weeks: Vec<Value> = serde_json::from_str(&json).unwrap();
    let names: Vec<&str> =
        weeks.iter().flat_map(|w| w["holidays"].as_array().unwrap()).map(|h| h["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Conference <script>window.pwned='leave'</script> \u{202E}ecnerefnoc"), "{names:?}");
}
