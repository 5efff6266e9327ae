//! The weeks the schedule can show: from the rotation's first week to the end of the tenth year
//! after this one. Nobody plans on-call further ahead, and a bound keeps a link such as
//! `week=9999-W52` from stepping into year 10000.

use std::fmt;

use rota::WeekId;

/// How many years after the current one the schedule reaches.
pub const YEARS_AHEAD: i32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekRange {
    pub first: WeekId,
    pub last: WeekId,
}

impl WeekRange {
    /// From `first` to the last week of the ISO year [`YEARS_AHEAD`] after `this_week`'s.
    pub fn new(first: WeekId, this_week: WeekId) -> WeekRange {
        WeekRange { first, last: last_week_of(this_week.year() + YEARS_AHEAD) }
    }

    /// How many weeks from `week` (in the range) to the end, `week` included.
    pub fn weeks_from(self, week: WeekId) -> u32 {
        let weeks = (self.last.monday() - week.monday()).num_weeks() + 1;
        u32::try_from(weeks).unwrap_or(0)
    }
}

impl fmt::Display for WeekRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.first, self.last)
    }
}

/// The last ISO week of `year` (28 December is always in it).
pub fn last_week_of(year: i32) -> WeekId {
    WeekId::of(chrono::NaiveDate::from_ymd_opt(year, 12, 28).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(name: &str) -> WeekId {
        name.parse().unwrap()
    }

    #[test]
    fn reaches_the_last_week_of_the_tenth_year_ahead() {
        let range = WeekRange::new(week("2026-W01"), week("2026-W48"));
        assert_eq!(range.to_string(), "2026-W01 to 2036-W52");
        assert_eq!(last_week_of(2026), week("2026-W53"));
        assert_eq!(range.weeks_from(week("2036-W52")), 1);
        assert_eq!(range.weeks_from(week("2036-W41")), 12);
    }
}
