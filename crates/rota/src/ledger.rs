//! Fairness ledger: how the on-call load and the holiday burden fall on each engineer.
//!
//! Per engineer and per period (each quarter, and each year, of the weeks' start dates) it
//! counts:
//!
//! * `weeks_on_call` — weeks the engineer holds (after swaps and trades);
//! * `minutes_on_call` — time actually on call, covers included: a cover moves its minutes
//!   from the week's engineer to the one covering (counted in the period of the week);
//! * `holiday_weeks_worked` — of those, weeks holding a holiday or leave of theirs;
//! * `swaps_given` — holiday weeks they handed to their backup (counted once per swap, in
//!   the period of the holiday week);
//! * `swaps_taken` — holiday weeks they covered as the backup (same counting);
//! * `open_conflicts` — holiday weeks they were scheduled for and kept because the swap
//!   could not stand.
//!
//! Counting a swap once, on its holiday week, keeps "given" and "taken" meaningful: every
//! swap also exchanges a return week, and counting both sides would make the two numbers
//! equal for everybody.

use chrono::Datelike;

use crate::{Schedule, WeekAssignment};

/// A stretch of time the ledger sums over, by the start date of each week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// Quarter `q` (1–4) of `year`.
    Quarter {
        year: i32,
        q: u32,
    },
    Year(i32),
}

impl Period {
    /// The quarter holding `date`.
    pub fn quarter_of(date: chrono::NaiveDate) -> Period {
        Period::Quarter { year: date.year(), q: date.month0() / 3 + 1 }
    }

    pub fn year(self) -> i32 {
        match self {
            Period::Quarter { year, .. } | Period::Year(year) => year,
        }
    }
}

impl std::fmt::Display for Period {
    /// `2026-Q4` or `2026`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Period::Quarter { year, q } => write!(f, "{year:04}-Q{q}"),
            Period::Year(year) => write!(f, "{year:04}"),
        }
    }
}

/// One engineer's counts for one period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FairnessRow {
    /// Engineer slug.
    pub engineer: String,
    pub period: Period,
    pub weeks_on_call: u32,
    pub minutes_on_call: u32,
    pub holiday_weeks_worked: u32,
    pub swaps_given: u32,
    pub swaps_taken: u32,
    pub open_conflicts: u32,
}

impl FairnessRow {
    /// Time on call in hours, e.g. 168 or 15.5.
    pub fn hours_on_call(&self) -> f64 {
        f64::from(self.minutes_on_call) / 60.0
    }

    fn new(engineer: &str, period: Period) -> FairnessRow {
        FairnessRow {
            engineer: engineer.to_string(),
            period,
            weeks_on_call: 0,
            minutes_on_call: 0,
            holiday_weeks_worked: 0,
            swaps_given: 0,
            swaps_taken: 0,
            open_conflicts: 0,
        }
    }
}

/// Counts per engineer and period over a range of weeks.
///
/// Rows are ordered by engineer (in the order of `TeamData::engineers`, then anyone else
/// met in the schedule) and, per engineer, by period: the quarters in order, then the
/// year, for each year in turn. Every engineer gets a row for every period of the range,
/// zeros included, so tables line up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FairnessLedger {
    pub rows: Vec<FairnessRow>,
}

impl FairnessLedger {
    /// The ledger of `count` weeks from `from_index`.
    pub fn for_range(schedule: &Schedule, from_index: u32, count: u32) -> FairnessLedger {
        FairnessLedger::from_weeks(schedule, &schedule.weeks(from_index, count))
    }

    /// The ledger of the weeks starting in calendar year `year` (empty before the epoch).
    pub fn for_year(schedule: &Schedule, year: i32) -> FairnessLedger {
        let r = schedule.rotation();
        let (Some(jan1), Some(dec31)) =
            (chrono::NaiveDate::from_ymd_opt(year, 1, 1), chrono::NaiveDate::from_ymd_opt(year, 12, 31))
        else {
            return FairnessLedger::default();
        };
        let Some(last) = r.index_of_date(dec31) else {
            return FairnessLedger::default();
        };
        // The week holding 1 January may have started in December; skip it then.
        let first = match r.index_of_date(jan1) {
            Some(i) if r.start_date(i).is_some_and(|d| d.year() == year) => i,
            Some(i) => i + 1,
            None => 0,
        };
        if last < first {
            return FairnessLedger::default();
        }
        FairnessLedger::for_range(schedule, first, last - first + 1)
    }

    /// Sums already-resolved weeks.
    pub fn from_weeks(schedule: &Schedule, weeks: &[WeekAssignment]) -> FairnessLedger {
        let data = schedule.inputs();
        let mut engineers: Vec<&str> = data.engineers.iter().map(|e| e.slug.as_str()).collect();
        for w in weeks {
            let covering = w.stretches.iter().map(|s| &s.engineer);
            for slug in [&w.scheduled, &w.on_call].into_iter().chain(covering) {
                if !slug.is_empty() && !engineers.contains(&slug.as_str()) {
                    engineers.push(slug);
                }
            }
        }
        let mut periods: Vec<Period> = Vec::new();
        for w in weeks {
            let start = w.week.start_date();
            for p in [Period::quarter_of(start), Period::Year(start.year())] {
                if !periods.contains(&p) {
                    periods.push(p);
                }
            }
        }
        // Quarters of a year before the year itself.
        periods.sort_by_key(|p| match *p {
            Period::Quarter { year, q } => (year, q),
            Period::Year(year) => (year, 5),
        });

        let mut rows: Vec<FairnessRow> = Vec::with_capacity(engineers.len() * periods.len());
        for e in &engineers {
            rows.extend(periods.iter().map(|&p| FairnessRow::new(e, p)));
        }
        let row_of = |engineer: &str, period: Period| {
            let e = engineers.iter().position(|x| *x == engineer)?;
            let p = periods.iter().position(|x| *x == period)?;
            Some(e * periods.len() + p)
        };
        for w in weeks {
            let start = w.week.start_date();
            for period in [Period::quarter_of(start), Period::Year(start.year())] {
                for stretch in &w.stretches {
                    let minutes = u32::try_from(stretch.duration().num_minutes()).unwrap_or(0);
                    if let Some(i) = row_of(&stretch.engineer, period) {
                        rows[i].minutes_on_call += minutes;
                    }
                }
                let mut bump = |engineer: &str, f: fn(&mut FairnessRow)| {
                    if let Some(i) = row_of(engineer, period) {
                        f(&mut rows[i]);
                    }
                };
                bump(&w.on_call, |r| r.weeks_on_call += 1);
                if w.on_call_has_holiday() {
                    bump(&w.on_call, |r| r.holiday_weeks_worked += 1);
                }
                if let Some(s) = &w.swap {
                    if s.is_holiday_side(w.week.index) {
                        bump(&s.gave, |r| r.swaps_given += 1);
                        bump(&s.took, |r| r.swaps_taken += 1);
                    }
                }
                if w.conflict.is_some() {
                    bump(&w.scheduled, |r| r.open_conflicts += 1);
                }
            }
        }
        FairnessLedger { rows }
    }

    /// The row for one engineer and period.
    pub fn row(&self, engineer: &str, period: Period) -> Option<&FairnessRow> {
        self.rows.iter().find(|r| r.engineer == engineer && r.period == period)
    }

    /// All rows for one engineer.
    pub fn rows_of<'s>(&'s self, engineer: &'s str) -> impl Iterator<Item = &'s FairnessRow> + 's {
        self.rows.iter().filter(move |r| r.engineer == engineer)
    }

    /// The distinct periods, in row order.
    pub fn periods(&self) -> Vec<Period> {
        let mut out: Vec<Period> = Vec::new();
        for r in &self.rows {
            if !out.contains(&r.period) {
                out.push(r.period);
            }
        }
        out
    }
}
