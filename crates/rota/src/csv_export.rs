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

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::ledger::{FairnessLedger, FairnessRow, Period};
use crate::rotation::local_instant;
use crate::stretch_list::stretches;
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

/// Time on call in `year` per engineer: a row per month, then per quarter, then the year.
///
/// As on the fairness page, a week counts in the period its handoff (start) falls in, with
/// the hours actually on call (covers move them to the engineer covering). `weekend_days` and
/// `holiday_days` count Saturdays and Sundays, and days off of the engineer's own holiday
/// calendar (observed dates), on which they were on call at 12:00 team time: each day counts
/// once, for one engineer, in the period of the week holding that noon.
pub fn hours(schedule: &Schedule, year: i32) -> CsvFile {
    let inputs = schedule.inputs();
    let weeks = weeks_starting_in(schedule, year);
    let ledger = FairnessLedger::from_weeks(schedule, &weeks);
    let months: Vec<(u32, FairnessLedger)> = (1..=12)
        .filter_map(|month| {
            let of_month: Vec<WeekAssignment> =
                weeks.iter().filter(|w| w.week.start_date().month() == month).cloned().collect();
            (!of_month.is_empty()).then(|| (month, FairnessLedger::from_weeks(schedule, &of_month)))
        })
        .collect();
    let days = DayCounts::of(inputs, &weeks);

    let mut text = line(HOURS_HEADER.iter().map(|h| h.to_string()));
    let engineers = ledger.rows.iter().map(|r| r.engineer.as_str()).fold(Vec::new(), |mut all, e| {
        if !all.contains(&e) {
            all.push(e);
        }
        all
    });
    for engineer in engineers {
        let monthly = months.iter().filter_map(|(month, ledger)| {
            let row = ledger.row(engineer, Period::Year(year))?;
            Some((format!("{year:04}-{month:02}"), "month", row, days.sum(engineer, *month..=*month)))
        });
        let rest = ledger.rows_of(engineer).map(|row| {
            let (kind, months) = match row.period {
                Period::Quarter { q, .. } => ("quarter", 3 * q - 2..=3 * q),
                Period::Year(_) => ("year", 1..=12),
            };
            (row.period.to_string(), kind, row, days.sum(engineer, months))
        });
        for (period, kind, row, (weekend, holiday)) in monthly.chain(rest) {
            text.push_str(&hours_line(inputs, row, &period, kind, weekend, holiday));
        }
    }
    CsvFile { name: format!("{}-hours-{year:04}.csv", file_stem(&inputs.team.name)), text }
}

fn hours_line(
    inputs: &ScheduleInputs,
    row: &FairnessRow,
    period: &str,
    kind: &str,
    weekend: u32,
    holiday: u32,
) -> String {
    line([
        text_cell(&row.engineer),
        text_cell(inputs.name_of(&row.engineer)),
        period.to_string(),
        kind.to_string(),
        row.weeks_on_call.to_string(),
        crate::hours::text(row.minutes_on_call),
        row.minutes_on_call.to_string(),
        weekend.to_string(),
        holiday.to_string(),
    ])
}

/// The schedule's stretches in `count` weeks from `from_index`: one row per stretch (a week
/// without covers is one row), with why that engineer holds it (see
/// [`Why`](crate::stretch_list::Why)) and the week's notes as the schedule page shows them.
/// `start` and `end` are the team's wall-clock time (`2026-11-23 09:00`, which spreadsheets
/// read as a date and time), in the zone of `time_zone`; `hours` is the real duration, so a
/// stretch across a clock change says 167 or 169.
pub fn schedule(schedule: &Schedule, from_index: u32, count: u32) -> CsvFile {
    let inputs = schedule.inputs();
    let weeks = schedule.weeks(from_index, count);
    let mut text = line(SCHEDULE_HEADER.iter().map(|h| h.to_string()));
    for w in &weeks {
        let notes = w.explain(inputs).join("; ");
        for s in stretches(std::slice::from_ref(w)) {
            let minutes = u32::try_from((s.end - s.start).num_minutes()).unwrap_or(0);
            text.push_str(&line([
                s.week.to_string(),
                s.start.format("%Y-%m-%d %H:%M").to_string(),
                s.end.format("%Y-%m-%d %H:%M").to_string(),
                inputs.team.time_zone.name().to_string(),
                crate::hours::text(minutes),
                text_cell(&s.engineer),
                text_cell(inputs.name_of(&s.engineer)),
                s.why.name().to_string(),
                s.instead_of.as_deref().map(text_cell).unwrap_or_default(),
                text_cell(&notes),
            ]));
        }
    }
    let range = |w: Option<&WeekAssignment>| w.map_or(String::new(), |w| w.week.id.to_string());
    let (first, last) = (range(weeks.first()), range(weeks.last()));
    let span = if first == last { first } else { format!("{first}-to-{last}") };
    CsvFile { name: format!("{}-schedule-{span}.csv", file_stem(&inputs.team.name)), text }
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
    schedule.weeks(first, last - first + 1).into_iter().filter(|w| w.week.start_date().year() == year).collect()
}

/// Weekend days and holidays worked, per engineer and month of the week's start.
struct DayCounts(Vec<(String, u32, bool, bool)>);

impl DayCounts {
    fn of(inputs: &ScheduleInputs, weeks: &[WeekAssignment]) -> DayCounts {
        let zone = inputs.team.time_zone;
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
        let mut days = Vec::new();
        for w in weeks {
            let month = w.week.start_date().month();
            // The week's noons: its handoff may fall before or after midday.
            for date in (-1..=7).filter_map(|k| w.week.start_date().checked_add_signed(chrono::Duration::days(k))) {
                let at = local_instant(zone, date.and_time(noon)).to_utc();
                let Some(stretch) = w.week.contains(at).then(|| w.stretch_at(at)).flatten() else {
                    continue;
                };
                let weekend = date.weekday().num_days_from_monday() >= 5;
                let holiday = inputs
                    .engineer(&stretch.engineer)
                    .and_then(|e| inputs.calendar_of(e))
                    .is_some_and(|c| !c.holidays_on(date).is_empty());
                days.push((stretch.engineer.clone(), month, weekend, holiday));
            }
        }
        DayCounts(days)
    }

    /// (weekend days, holiday days) of `engineer` in `months` (1–12).
    fn sum(&self, engineer: &str, months: std::ops::RangeInclusive<u32>) -> (u32, u32) {
        self.0
            .iter()
            .filter(|(e, month, ..)| e == engineer && months.contains(month))
            .fold((0, 0), |(we, ho), d| (we + u32::from(d.2), ho + u32::from(d.3)))
    }
}

/// One record: the cells joined by commas, ended by CRLF.
fn line(cells: impl IntoIterator<Item = String>) -> String {
    let mut out = cells.into_iter().collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// Free text as one cell: formula-looking text made inert, then quoted if it must be.
pub fn text_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The team's name for a file name: lowercase letters and digits, runs joined by hyphens.
fn file_stem(team: &str) -> String {
    team.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-").to_lowercase()
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
    }
}
