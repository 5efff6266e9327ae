//! CSV files for people who live in spreadsheets (on-call pay, planning): time on call per
//! engineer and month, quarter and year, and the schedule as stretches. Plain string building
//! from the same computations as the pages, so the site's "Download CSV" (in the browser) and
//! `rota export` write the same bytes, and the numbers are the fairness page's.
//!
//! The text is RFC 4180: comma-separated, CRLF line ends, a header row, and a field quoted
//! (quotes doubled) when it holds a comma, quote or line break. Free text from the data (names,
//! notes) that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
//! so a spreadsheet shows it as text instead of running it as a formula (CSV injection); the
//! numbers written here never start with one of those.

use std::fmt::Write;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::layer::team_layers;
use crate::layer_list::layer_stretch_list;
use crate::ledger::{FairnessLedger, FairnessRow, Period};
use crate::shift::local_instant;
use crate::stretch_list::{stretches, ListedStretch};
use crate::{Schedule, ScheduleInputs, WeekAssignment};

/// A file to save: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    /// E.g. `data-engineering-hours-2026.csv`.
    pub name: String,
    pub text: String,
}

/// The columns of [`hours`].
pub const HOURS_HEADER: [&str; 9] = [
    "engineer",
    "name",
    "period",
    "kind",
    "weeks_on_call",
    "hours_on_call",
    "minutes_on_call",
    "weekend_days",
    "holiday_days",
];

/// The columns of [`schedule`].
pub const SCHEDULE_HEADER: [&str; 10] =
    ["week", "start", "end", "time_zone", "hours", "engineer", "name", "why", "instead_of", "notes"];

/// Time on call in `year` per engineer: for each quarter, a row per month and then the
/// quarter's, and last the year's.
///
/// As on the fairness page, a week counts in the period its handoff (start) falls in, with
/// the hours actually on call (covers move them to the engineer covering). `weekend_days` and
/// `holiday_days` count Saturdays and Sundays, and days off of the engineer's own holiday
/// calendar (observed dates), on which they were on call at 12:00 team time: each day counts
/// once, for one engineer, in the period of the week holding that noon.
///
/// (Plain loops and one `write!` per line: this runs in the site's wasm, where every iterator
/// adaptor and formatted cell is code to download.)
pub fn hours(schedule: &Schedule, year: i32) -> CsvFile {
    let inputs = schedule.inputs();
    let weeks = weeks_starting_in(schedule, year);
    let ledger = FairnessLedger::from_weeks(schedule, &weeks);
    // Each month's counts are a ledger of that month's weeks (its year row); the weeks are in
    // order, so a month's weeks are a run of them.
    let mut months: Vec<(u32, FairnessLedger)> = Vec::new();
    for run in weeks.chunk_by(|a, b| a.week.start_date().month() == b.week.start_date().month()) {
        months.push((run[0].week.start_date().month(), FairnessLedger::from_weeks(schedule, run)));
    }
    let days = days_worked(inputs, &weeks);

    let mut text = HOURS_HEADER.join(",");
    text.push_str("\r\n");
    for row in &ledger.rows {
        let (first, last, kind) = match row.period {
            Period::Quarter { q, .. } => (3 * q - 2, 3 * q, "quarter"),
            Period::Year(_) => (1, 12, "year"),
        };
        if kind == "quarter" {
            for (month, ledger) in months.iter().filter(|(m, _)| (first..=last).contains(m)) {
                if let Some(m) = ledger.row(&row.engineer, Period::Year(year)) {
                    let period = format!("{year:04}-{month:02}");
                    hours_line(&mut text, inputs, m, (&period, "month"), &days, *month..=*month);
                }
            }
        }
        hours_line(&mut text, inputs, row, (&row.period.to_string(), kind), &days, first..=last);
    }
    CsvFile { name: format!("{}-hours-{year:04}.csv", file_stem(&inputs.team.name)), text }
}

/// One line of [`hours`]: `row`'s counts for `(period, kind)`, with the days worked in
/// `months`.
fn hours_line(
    out: &mut String,
    inputs: &ScheduleInputs,
    row: &FairnessRow,
    (period, kind): (&str, &str),
    days: &[DayWorked],
    months: RangeInclusive<u32>,
) {
    let (mut weekend, mut holiday) = (0, 0);
    for d in days {
        if d.engineer == row.engineer && months.contains(&d.month) {
            weekend += u32::from(d.weekend);
            holiday += u32::from(d.holiday);
        }
    }
    let _ = write!(
        out,
        "{},{},{period},{kind},{},{},{},{weekend},{holiday}\r\n",
        text_cell(&row.engineer),
        text_cell(inputs.name_of(&row.engineer)),
        row.weeks_on_call,
        crate::hours::text(row.minutes_on_call),
        row.minutes_on_call,
    );
}

/// The schedule's stretches in `count` weeks from `from_index`: one row per stretch (a week
/// without covers is one row), with why that engineer holds it (see
/// [`Why`](crate::stretch_list::Why)) and the week's notes as the schedule page shows them.
/// `start` and `end` are the team's wall-clock time (`2026-11-23 09:00`, which spreadsheets
/// read as a date and time), in the zone of `time_zone`; `hours` is the real duration, so a
/// stretch across a clock change says 167 or 169.
pub fn schedule(schedule: &Schedule, from_index: u32, count: u32) -> CsvFile {
    let inputs = schedule.inputs();
    let zone = inputs.team.time_zone.name();
    let weeks = schedule.weeks(from_index, count);
    let mut text = SCHEDULE_HEADER.join(",");
    text.push_str("\r\n");
    for w in &weeks {
        let notes = text_cell(&w.explain(inputs).join("; "));
        for s in stretches(std::slice::from_ref(w)) {
            schedule_row(&mut text, inputs, &s, zone, &notes);
            text.push_str("\r\n");
        }
    }
    CsvFile { name: schedule_file_name(inputs, &weeks), text }
}

/// [`schedule`] of a team with layers: every layer's stretches, layer by layer, with a last
/// column naming the layer (only the team rotation's rows carry the week's notes).
pub fn layered_schedule(schedule: &Schedule, from_index: u32, count: u32) -> CsvFile {
    let inputs = schedule.inputs();
    let weeks = &schedule.weeks(from_index, count);
    let layers = team_layers(inputs);
    let mut text = SCHEDULE_HEADER.join(",");
    text.push_str(",layer\r\n");
    if let (Some(first), Some(last)) = (weeks.first(), weeks.last()) {
        let from = first.week.start.to_utc();
        for (i, s) in layer_stretch_list(schedule, &layers, from, last.week.end.to_utc()) {
            let notes = match weeks.iter().find(|w| w.week.id == s.week).filter(|_| i == 0) {
                Some(w) => text_cell(&w.explain(inputs).join("; ")),
                None => String::new(),
            };
            schedule_row(&mut text, inputs, &s, layers[i].pattern.zone.name(), &notes);
            let _ = write!(text, ",{}\r\n", text_cell(&layers[i].slug));
        }
    }
    CsvFile { name: schedule_file_name(inputs, weeks), text }
}

/// One stretch's cells of [`SCHEDULE_HEADER`], without the line end.
fn schedule_row(text: &mut String, inputs: &ScheduleInputs, s: &ListedStretch, zone: &str, notes: &str) {
    let minutes = u32::try_from((s.end - s.start).num_minutes()).unwrap_or(0);
    let _ = write!(
        text,
        "{},{},{},{zone},{},{},{},{},{},{notes}",
        s.week,
        s.start.format("%Y-%m-%d %H:%M"),
        s.end.format("%Y-%m-%d %H:%M"),
        crate::hours::text(minutes),
        text_cell(&s.engineer),
        text_cell(inputs.name_of(&s.engineer)),
        s.why.name(),
        text_cell(s.instead_of.as_deref().unwrap_or_default()),
    );
}

fn schedule_file_name(inputs: &ScheduleInputs, weeks: &[WeekAssignment]) -> String {
    let span = match (weeks.first(), weeks.last()) {
        (Some(first), Some(last)) if first.week.id != last.week.id => format!("{}-to-{}", first.week.id, last.week.id),
        (Some(first), _) => first.week.id.to_string(),
        _ => String::new(),
    };
    format!("{}-schedule-{span}.csv", file_stem(&inputs.team.name))
}

/// The weeks whose handoff falls in `year` (those of [`FairnessLedger::for_year`]).
fn weeks_starting_in(schedule: &Schedule, year: i32) -> Vec<WeekAssignment> {
    let r = schedule.rotation();
    let (Some(jan1), Some(dec31)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Vec::new();
    };
    let Some(last) = r.index_of_date(dec31) else {
        return Vec::new();
    };
    let first = r.index_of_date(jan1).unwrap_or(0);
    let mut weeks = schedule.weeks(first, last - first + 1);
    weeks.retain(|w| w.week.start_date().year() == year);
    weeks
}

/// A day's noon on call: who, in which month (of the week's start), and whether the day is a
/// weekend day or one of their holidays.
struct DayWorked {
    engineer: String,
    month: u32,
    weekend: bool,
    holiday: bool,
}

fn days_worked(inputs: &ScheduleInputs, weeks: &[WeekAssignment]) -> Vec<DayWorked> {
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    let mut days = Vec::new();
    for w in weeks {
        let start = w.week.start_date();
        // The week's noons: its handoff may fall before or after midday.
        for k in -1..=7 {
            let date = start + chrono::Duration::days(k);
            let at = local_instant(inputs.team.time_zone, date.and_time(noon)).to_utc();
            let Some(stretch) = w.stretch_at(at) else { continue };
            let calendar = inputs.engineer(&stretch.engineer).and_then(|e| inputs.calendar_of(e));
            days.push(DayWorked {
                engineer: stretch.engineer.clone(),
                month: start.month(),
                weekend: date.weekday().num_days_from_monday() >= 5,
                holiday: calendar.is_some_and(|c| !c.holidays_on(date).is_empty()),
            });
        }
    }
    days
}

/// Free text as one cell: formula-looking text made inert, then quoted if it must be.
/// (Byte tests: every character concerned is ASCII, and they keep the site's wasm small.)
pub fn text_cell(text: &str) -> String {
    let inert = matches!(text.bytes().next(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
    let quote = text.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
    let mut out = String::with_capacity(text.len() + 3);
    if quote {
        out.push('"');
    }
    if inert {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
    out
}

/// The team's name for a file name: ASCII letters lowercased, runs of other ASCII (spaces,
/// punctuation) as one hyphen; other letters stay as they are.
fn file_stem(team: &str) -> String {
    let mut out = String::new();
    for c in team.chars() {
        if !c.is_ascii() || c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_made_inert() {
        assert_eq!(text_cell("Alice"), "Alice");
        assert_eq!(text_cell("Smith, Jo"), "\"Smith, Jo\"");
        assert_eq!(text_cell("the \"big\" one"), "\"the \"\"big\"\" one\"");
        assert_eq!(text_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(text_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        for risky in ["+1 555", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"] {
            assert!(text_cell(risky).trim_start_matches('"').starts_with('\''), "{risky:?}");
        }
        assert_eq!(text_cell("Zoë 👩‍💻"), "Zoë 👩‍💻");
    }

    #[test]
    fn file_names_have_the_team_and_range() {
        assert_eq!(file_stem("Data Engineering"), "data-engineering");
        assert_eq!(file_stem("  R&D / Ops! "), "r-d-ops");
        assert_eq!(file_stem("Équipe Données"), "Équipe-données");
    }
}
