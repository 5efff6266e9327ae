//! ISO week names such as `2026-W48`, the way weeks are named in URLs, the CLI and feeds.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};

/// An ISO 8601 week: year and week number (1–52 or 53).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WeekId {
    year: i32,
    week: u32,
}

/// Why a week name could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekIdError {
    pub input: String,
    pub reason: &'static str,
}

impl fmt::Display for WeekIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not an ISO week like 2026-W48: {}", self.input, self.reason)
    }
}

impl std::error::Error for WeekIdError {}

impl WeekId {
    /// The week, if `week` exists in ISO year `year` (week 53 exists only in long years).
    pub fn new(year: i32, week: u32) -> Option<WeekId> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| WeekId { year, week })
    }

    /// The ISO week a date belongs to (which may be numbered in the neighbouring year).
    pub fn of(date: NaiveDate) -> WeekId {
        let iso = date.iso_week();
        WeekId { year: iso.year(), week: iso.week() }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn week(self) -> u32 {
        self.week
    }

    /// Monday of this week.
    pub fn monday(self) -> NaiveDate {
        // `WeekId` is only built from weeks that exist, so the Monday exists.
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).expect("WeekId holds only existing weeks")
    }

    /// The week `n` weeks later (earlier when negative).
    pub fn plus_weeks(self, n: i64) -> WeekId {
        WeekId::of(self.monday() + chrono::Duration::weeks(n))
    }
}

impl fmt::Display for WeekId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl FromStr for WeekId {
    type Err = WeekIdError;

    fn from_str(s: &str) -> Result<WeekId, WeekIdError> {
        let err = |reason| WeekIdError { input: s.to_string(), reason };
        let (year, week) = s.split_once(['W', 'w']).ok_or_else(|| err("missing \"W\""))?;
        let year = year.strip_suffix('-').ok_or_else(|| err("missing \"-\" before \"W\""))?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("the year must have four digits"));
        }
        if week.len() != 2 || !week.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("the week number must have two digits"));
        }
        let (year, week) = (year.parse().map_err(|_| err("bad year"))?, week.parse().map_err(|_| err("bad week"))?);
        WeekId::new(year, week).ok_or_else(|| err("that year has no such week"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_names_the_seed_week_one() {
        let w: WeekId = "2026-W01".parse().unwrap();
        assert_eq!(w.monday(), NaiveDate::from_ymd_opt(2025, 12, 29).unwrap());
        assert_eq!(w.to_string(), "2026-W01");
        assert_eq!(w.plus_weeks(47).to_string(), "2026-W48");
    }

    #[test]
    fn week_53_exists_only_in_long_years() {
        assert!("2026-W53".parse::<WeekId>().is_ok());
        assert!("2027-W53".parse::<WeekId>().is_err());
    }

    #[test]
    fn rejects_malformed_names_with_a_reason() {
        for bad in ["", "2026W48", "2026-48", "26-W48", "2026-W4", "2026-W00", "2026-W99", "abcd-Wxy"] {
            assert!(bad.parse::<WeekId>().is_err(), "{bad} should be rejected");
        }
    }
}
