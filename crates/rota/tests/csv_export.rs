//! The CSV files: totals equal the fairness ledger (what the fairness page shows), and small
//! examples worked out by hand.

mod common;

use std::sync::Arc;

use common::{d, default_inputs};
use rota::csv_export::{hours, schedule, HOURS_HEADER, SCHEDULE_HEADER};
use rota::what_if::doc_team;
use rota::{Cover, FairnessLedger, Schedule};

/// RFC 4180 records: fields split at commas, quoted fields unquoted, CRLF line ends.
fn parse(text: &str) -> Vec<Vec<String>> {
    assert!(text.ends_with("\r\n"), "CRLF line ends");
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "a bare CR outside quotes"),
            (false, '\n') => panic!("a bare LF outside quotes"),
            (false, c) => field.push(c),
        }
        if !quoted && c == '\r' {
            record.push(std::mem::take(&mut field));
            records.push(std::mem::take(&mut record));
        }
    }
    records
}

fn number(cell: &str) -> u32 {
    cell.parse().unwrap_or_else(|_| panic!("not a whole number: {cell:?}"))
}

#[test]
fn quarter_and_year_rows_are_the_fairness_ledger_and_months_add_up_to_them() {
    let s = Schedule::new(Arc::new(default_inputs()));
    for year in 2025..=2028 {
        let ledger = FairnessLedger::for_year(&s, year);
        let records = parse(&hours(&s, year).text);
        assert_eq!(records[0], HOURS_HEADER);
        let rows = &records[1..];
        for row in rows {
            assert_eq!(row.len(), HOURS_HEADER.len(), "{row:?}");
        }
        let of_kind = |kind: &'static str| rows.iter().filter(move |r| r[3] == kind);
        // Exactly the ledger's rows, in its order (per engineer, quarters then the year), with
        // its numbers, the hours written as on the fairness page.
        let listed: Vec<String> =
            rows.iter().filter(|r| r[3] != "month").map(|r| [0, 2, 4, 5, 6].map(|i| r[i].as_str()).join(" ")).collect();
        let expected: Vec<String> = ledger
            .rows
            .iter()
            .map(|r| {
                let hours = rota::hours::text(r.minutes_on_call);
                format!("{} {} {} {hours} {}", r.engineer, r.period, r.weeks_on_call, r.minutes_on_call)
            })
            .collect();
        assert_eq!(listed, expected, "{year}");
        // Each engineer's months add up to their quarters, and those to the year, in every column.
        for e in ["alice", "bob", "charlie", "diana"] {
            let sum = |rows: &mut dyn Iterator<Item = &Vec<String>>| {
                rows.fold([0; 4], |acc, r| {
                    [4, 6, 7, 8]
                        .map(|i| number(&r[i]))
                        .iter()
                        .zip(acc)
                        .map(|(a, b)| a + b)
                        .collect::<Vec<_>>()
                        .try_into()
                        .unwrap()
                })
            };
            let year_row = of_kind("year").find(|r| r[0] == e);
            let year_total = year_row.map(|r| [4, 6, 7, 8].map(|i| number(&r[i]))).unwrap_or([0; 4]);
            assert_eq!(sum(&mut of_kind("month").filter(|r| r[0] == e)), year_total, "{e} {year}: months");
            assert_eq!(sum(&mut of_kind("quarter").filter(|r| r[0] == e)), year_total, "{e} {year}: quarters");
            for q in 1..=4u32 {
                let quarter = of_kind("quarter").find(|r| r[0] == e && r[2] == format!("{year}-Q{q}"));
                let months = sum(&mut of_kind("month")
                    .filter(|r| r[0] == e && (3 * q - 2..=3 * q).any(|m| r[2] == format!("{year}-{m:02}"))));
                assert_eq!(
                    quarter.map(|r| [4, 6, 7, 8].map(|i| number(&r[i]))).unwrap_or([0; 4]),
                    months,
                    "{e} {year}-Q{q}"
                );
            }
        }
        // The period column only names periods of the year.
        assert!(rows.iter().all(|r| r[2].starts_with(&year.to_string())));
    }
}

#[test]
fn each_weekend_day_and_holiday_of_2026_counts_once() {
    let s = Schedule::new(Arc::new(default_inputs()));
    let records = parse(&hours(&s, 2026).text);
    let year_rows: Vec<&Vec<String>> = records.iter().filter(|r| r[3] == "year").collect();
    // Weeks starting in 2026 run from Mon 5 Jan 2026 09:00 to Mon 4 Jan 2027 09:00: their noons
    // are 5 Jan 2026 to 3 Jan 2027, 52 weeks of days, 104 of them Saturdays and Sundays.
    assert_eq!(year_rows.iter().map(|r| number(&r[7])).sum::<u32>(), 104);
    // US federal holidays observed in those days: 19 Jan, 16 Feb, 25 May, 19 Jun, 3 Jul
    // (for Saturday 4 July), 7 Sep, 12 Oct, 11 Nov, 26 Nov, 25 Dec and 1 Jan 2027.
    assert_eq!(year_rows.iter().map(|r| number(&r[8])).sum::<u32>(), 11);
    // Thanksgiving (Alice covers Diana's week), Christmas (Diana keeps her week) and New Year's
    // Day 2027 (Bob covers Alice's 2026-W53) are in the fourth quarter.
    let q4 = |e: &str| {
        let row = records.iter().find(|r| r[0] == e && r[2] == "2026-Q4").unwrap();
        number(&row[8])
    };
    // Columbus Day (Mon 12 Oct, 2026-W42: Charlie by a swap with Bob) and Veterans Day
    // (Wed 11 Nov, 2026-W46: Charlie, swapped again) are Charlie's.
    assert_eq!([q4("alice"), q4("bob"), q4("charlie"), q4("diana")], [1, 1, 2, 1]);
}

/// Alice and Bob in UTC, weekly from Mon 29 Dec 2025 00:00 (2026-W01 Alice's, W02 Bob's, …),
/// no holidays. Alice covers two stretches of Bob's 2026-W02: Wed 7 Jan 18:00 – Thu 8 Jan
/// 09:00 (15 h) and Sat 10 Jan 08:00 – 13:00 (5 h, over noon, so that Saturday is hers).
fn two_covers() -> Schedule {
    let mut inputs = (*doc_team().inputs).clone();
    let at = |day, hour| d(2026, 1, day).and_hms_opt(hour, 0, 0).unwrap();
    inputs.covers.push(Cover { engineer: "alice".into(), from: at(7, 18), to: at(8, 9), note: None });
    inputs.covers.push(Cover {
        engineer: "alice".into(),
        from: at(10, 8),
        to: at(10, 13),
        note: Some("=1+1, \"bob\"".into()),
    });
    Schedule::new(Arc::new(inputs))
}

#[test]
fn hours_worked_out_by_hand() {
    let file = hours(&two_covers(), 2026);
    assert_eq!(file.name, "doc-hours-2026.csv");
    let lines: Vec<&str> = file.text.split("\r\n").collect();
    let find = |prefix: &str| *lines.iter().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix}"));
    // January: weeks starting 5, 12, 19, 26 Jan; Alice holds 12 and 26 (2 × 168 h) plus the
    // 20 h of covers; Bob 5 and 19, less those 20 h. Weekends: Bob's 10–11 Jan but the
    // Saturday, Alice's 17–18 Jan, Bob's 24–25 Jan, Alice's 31 Jan–1 Feb (in January's week).
    assert_eq!(find("alice,alice,2026-01,"), "alice,alice,2026-01,month,2,356,21360,5,0");
    assert_eq!(find("bob,bob,2026-01,"), "bob,bob,2026-01,month,2,316,18960,3,0");
    // First quarter: weeks starting 5 Jan to 30 Mar, 13 of them: Bob 7, Alice 6.
    assert_eq!(find("alice,alice,2026-Q1,"), "alice,alice,2026-Q1,quarter,6,1028,61680,13,0");
    assert_eq!(find("bob,bob,2026-Q1,"), "bob,bob,2026-Q1,quarter,7,1156,69360,13,0");
    // The year: 52 weeks starting 5 Jan to 28 Dec, 26 each.
    assert_eq!(find("alice,alice,2026,"), "alice,alice,2026,year,26,4388,263280,53,0");
    assert_eq!(find("bob,bob,2026,"), "bob,bob,2026,year,26,4348,260880,51,0");
    // Per engineer: each quarter after its months, then the year; header first, CRLF after
    // every line.
    assert_eq!(lines[0], HOURS_HEADER.join(","));
    assert_eq!(lines.len(), 1 + 2 * 17 + 1);
    assert_eq!(
        lines[1..18].iter().map(|l| l.split(',').nth(2).unwrap()).collect::<Vec<_>>(),
        [
            "2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-05", "2026-06", "2026-Q2", "2026-07",
            "2026-08", "2026-09", "2026-Q3", "2026-10", "2026-11", "2026-12", "2026-Q4", "2026"
        ]
    );
    assert_eq!(lines.last(), Some(&""));
}

#[test]
fn schedule_rows_worked_out_by_hand() {
    let s = two_covers();
    let file = schedule(&s, 1, 2);
    assert_eq!(file.name, "doc-schedule-2026-W02-to-2026-W03.csv");
    let records = parse(&file.text);
    assert_eq!(records[0], SCHEDULE_HEADER);
    let first_columns: Vec<String> = records[1..].iter().map(|r| r[..9].join(",")).collect();
    assert_eq!(
        first_columns,
        [
            "2026-W02,2026-01-05 00:00,2026-01-07 18:00,UTC,66,bob,bob,none,",
            "2026-W02,2026-01-07 18:00,2026-01-08 09:00,UTC,15,alice,alice,cover,bob",
            "2026-W02,2026-01-08 09:00,2026-01-10 08:00,UTC,47,bob,bob,none,",
            "2026-W02,2026-01-10 08:00,2026-01-10 13:00,UTC,5,alice,alice,cover,bob",
            "2026-W02,2026-01-10 13:00,2026-01-12 00:00,UTC,35,bob,bob,none,",
            "2026-W03,2026-01-12 00:00,2026-01-19 00:00,UTC,168,alice,alice,none,",
        ]
    );
    // The week's notes, as on the schedule page, in every row of the week; the note with a
    // comma and quotes is quoted, and as text it cannot start a formula.
    let notes = &records[1][9];
    assert!(notes.contains("alice covers Wed 7 Jan 18:00 – Thu 8 Jan 09:00 for bob"), "{notes}");
    assert!(notes.contains("=1+1, \"bob\""), "{notes}");
    assert!(records[1..6].iter().all(|r| r[9] == *notes));
    assert_eq!(records[6][9], "");
    assert!(file.text.contains(",\"alice covers Wed 7 Jan"), "{}", file.text);
}

#[test]
fn a_formula_as_a_name_stays_text() {
    let mut inputs = (*doc_team().inputs).clone();
    inputs.engineers[0].name = "=HYPERLINK(\"http://evil\",\"Alice\")".into();
    let s = Schedule::new(Arc::new(inputs));
    for text in [hours(&s, 2026).text, schedule(&s, 0, 2).text] {
        let records = parse(&text);
        let names: Vec<&String> = records
            .iter()
            .filter(|r| r.contains(&"alice".to_string()))
            .map(|r| &r[r.iter().position(|c| c == "alice").unwrap() + 1])
            .collect();
        assert!(!names.is_empty());
        assert!(names.iter().all(|n| *n == "'=HYPERLINK(\"http://evil\",\"Alice\")"), "{names:?}");
    }
}
