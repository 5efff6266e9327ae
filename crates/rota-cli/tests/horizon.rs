//! Issue 16: every command answers for the site's weeks only (the rotation's first week to
//! ten years ahead), and says which weeks those are when asked for others.

mod common;
use common::{rota, stderr, TempDir};

/// The horizon as of any day from 2026 to 2049: its end moves with the clock, so the messages
/// are matched up to it.
const OUTSIDE: &str = "is outside the weeks this site answers for (2026-W01 to ";

fn refused(args: &[&str]) -> String {
    let output = rota(args);
    assert_eq!(output.status.code(), Some(1), "rota {args:?} should fail: {}", stderr(&output));
    stderr(&output)
}

#[test]
fn schedule_far_out_is_refused_naming_the_range() {
    let err = refused(&["schedule", "--from", "9999-W52"]);
    assert!(err.starts_with(&format!("rota: 9999-W52 {OUTSIDE}")), "{err}");
    assert!(err.ends_with(", up to 10 years ahead)\n"), "{err}");
    // From inside the horizon, but reaching past its end.
    let err = refused(&["schedule", "--from", "2026-W01", "--weeks", "1044"]);
    assert!(err.starts_with("rota: 1044 weeks from 2026-W01 end in 2045-W52: 2045-W52 "), "{err}");
    assert!(err.contains("; at most "), "{err}");
}

#[test]
fn who_at_a_far_instant_is_refused() {
    let err = refused(&["who", "--at", "9999-12-01T10:00:00Z"]);
    assert!(err.starts_with(&format!("rota: 9999-12-01 {OUTSIDE}")), "{err}");
}

#[test]
fn export_and_ics_far_out_are_refused() {
    let err = refused(&["export", "--kind", "hours", "--year", "9999"]);
    assert!(err.starts_with("rota: 9999 is not a year from 2025 to "), "{err}");
    let err = refused(&["export", "--kind", "schedule", "--from", "9999-W01"]);
    assert!(err.contains(OUTSIDE), "{err}");
    let out = TempDir::new("horizon-ics");
    let err = refused(&["ics", "--out", out.path(), "--around", "9999-01-01"]);
    assert!(err.starts_with(&format!("rota: 9999-01-01 {OUTSIDE}")), "{err}");
}

#[test]
fn diff_far_out_is_an_error() {
    let data = TempDir::with_default_data();
    let output = rota(&["diff", data.path(), data.path(), "--from", "9999-W01", "--weeks", "1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with(&format!("rota: --from/--weeks: 9999-W01 {OUTSIDE}")), "{}", stderr(&output));
}
