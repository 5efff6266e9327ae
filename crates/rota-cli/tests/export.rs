//! `rota export`: the CSV files of the site's "Download CSV", to a folder or standard output.

mod common;
use common::{rota, rota_ok, stderr, stdout, TempDir};

#[test]
fn out_writes_both_files_named_by_team_and_range() {
    let out = TempDir::new("export");
    let dir = out.0.join("csv");
    let text =
        rota_ok(&["export", "--out", dir.to_str().unwrap(), "--year", "2026", "--from", "2026-W48", "--weeks", "3"]);
    let hours = dir.join("data-engineering-hours-2026.csv");
    let schedule = dir.join("data-engineering-schedule-2026-W48-to-2026-W50.csv");
    assert_eq!(text, format!("wrote {}\nwrote {}\n", hours.display(), schedule.display()));
    let schedule = std::fs::read_to_string(schedule).unwrap();
    // Thanksgiving: Alice covers Diana's week, Diana takes the next; Bob's week as scheduled.
    let why = "Diana's week 2026-W48 holds Thanksgiving Day (Thu 26 Nov 2026): Alice (backup) covers 2026-W48 \
               and Diana takes 2026-W49 in return";
    assert_eq!(
        schedule,
        format!(
            "week,start,end,time_zone,hours,engineer,name,why,instead_of,notes\r\n\
             2026-W48,2026-11-23 09:00,2026-11-30 09:00,America/New_York,168,alice,Alice,swap,,{why}\r\n\
             2026-W49,2026-11-30 09:00,2026-12-07 09:00,America/New_York,168,diana,Diana,swap,,{why}\r\n\
             2026-W50,2026-12-07 09:00,2026-12-14 09:00,America/New_York,168,bob,Bob,none,,\r\n"
        )
    );
    // The same bytes on standard output with --kind.
    let hours_text = std::fs::read_to_string(hours).unwrap();
    assert_eq!(rota_ok(&["export", "--kind", "hours", "--year", "2026"]), hours_text);
    // Alice in 2026 (weeks starting 5 Jan to 28 Dec): 13 weeks, 2184 hours; the year row
    // follows her 12 months and 4 quarters.
    let alice_year = hours_text.split("\r\n").nth(17).unwrap();
    assert_eq!(
        alice_year.split(',').take(7).collect::<Vec<_>>(),
        ["alice", "Alice", "2026", "year", "13", "2184", "131040"]
    );
}

#[test]
fn kind_and_out_write_one_file() {
    let out = TempDir::new("export-one");
    let text = rota_ok(&["export", "--kind", "schedule", "--out", out.path(), "--from", "2026-W01", "--weeks", "1"]);
    assert_eq!(text, format!("wrote {}\n", out.0.join("data-engineering-schedule-2026-W01.csv").display()));
}

#[test]
fn export_says_what_is_wrong() {
    let output = rota(&["export", "--kind", "schedule", "--from", "2025-W50"]);
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(1), ""));
    assert_eq!(stderr(&output), "rota: 2025-W50 is before the rotation starts (2026-W01)\n");
    let output = rota(&["export"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: the following required arguments were not provided:\n  --kind <KIND>"));
    let output = rota(&["export", "--kind", "hours", "--year", "0"]);
    assert_eq!(output.status.code(), Some(2));
}
