//! The weeks the site answers for: from the rotation's first week to the last ISO week of the
//! tenth year after the current one. Nobody plans on-call further ahead, and one bound for
//! every input — a schedule's week, a fairness year, a what-if link's leave, cover or kept
//! week, the CLI's `--from` and `--at` — keeps a link such as `keep=9999-W52` from making a
//! page resolve hundreds of thousands of weeks or print weeks of the year 10000.
//!
//! ```
//! use rota::Horizon;
//! let week = |w: &str| w.parse::<rota::WeekId>().unwrap();
//! let horizon = Horizon::new(week("2026-W01"), week("2026-W48"));
//! assert_eq!(horizon.to_string(), "2026-W01 to 2036-W52");
//! assert!(horizon.contains(week("2036-W52")));
//! assert!(!horizon.contains(week("2037-W01")));
//! // 2036 ends in 2037-W01, past the horizon: its fairness would need a week beyond it.
//! assert_eq!(horizon.years(), 2025..=2035);
//! ```

use std::fmt;
use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::{Rotation, WeekId};

/// How many years after the current one the site answers for.
pub const YEARS_AHEAD: i32 = 10;

/// The weeks (and their dates) the site answers for; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    first: WeekId,
    last: WeekId,
}

impl Horizon {
    /// From `first` (the rotation's first week) to the last ISO week of the year
    /// [`YEARS_AHEAD`] after `this_week`'s.
    pub fn new(first: WeekId, this_week: WeekId) -> Horizon {
        let last = last_week_of(this_week.year().max(first.year()).saturating_add(YEARS_AHEAD));
        Horizon { first, last }
    }

    /// The horizon of `rotation` at the instant `now` (before the rotation starts, counted
    /// from its first week).
    pub fn at(rotation: &Rotation, now: DateTime<Utc>) -> Horizon {
        let first = rotation.week(0).id;
        let this_week = rotation.index_at(now).map_or(first, |i| rotation.week(i).id);
        Horizon::new(first, this_week)
    }

    pub fn first(self) -> WeekId {
        self.first
    }

    pub fn last(self) -> WeekId {
        self.last
    }

    pub fn contains(self, week: WeekId) -> bool {
        (self.first..=self.last).contains(&week)
    }

    /// Whether `date` lies in one of the horizon's weeks.
    pub fn contains_date(self, date: NaiveDate) -> bool {
        self.contains(WeekId::of(date))
    }

    /// The calendar years wholly answerable: from the year the rotation starts in to the last
    /// year whose 31 December lies in the horizon.
    pub fn years(self) -> RangeInclusive<i32> {
        let last_day = self.last.monday() + Duration::days(6);
        let last_year =
            if last_day.month() == 12 && last_day.day() == 31 { last_day.year() } else { last_day.year() - 1 };
        // The rotation's first week may start in the December before its ISO year.
        self.first.monday().year()..=last_year
    }

    /// How many weeks from `week` (in the horizon) to its end, `week` included.
    pub fn weeks_from(self, week: WeekId) -> u32 {
        let weeks = (self.last.monday() - week.monday()).num_weeks() + 1;
        u32::try_from(weeks).unwrap_or(0)
    }

    /// Why `week` cannot be answered for, if it cannot: a message that names the horizon.
    pub fn refuse_week(self, week: WeekId) -> Option<String> {
        (!self.contains(week)).then(|| format!("{week} is outside {}", self.describe()))
    }

    /// Why the dates `from` to `to` cannot be answered for, if one of them cannot.
    pub fn refuse_dates(self, from: NaiveDate, to: NaiveDate) -> Option<String> {
        [from, to].into_iter().find(|d| !self.contains_date(*d)).map(|d| format!("{d} is outside {}", self.describe()))
    }

    /// E.g. "the weeks this site answers for (2026-W01 to 2036-W52, up to 10 years ahead)".
    pub fn describe(self) -> String {
        format!("the weeks this site answers for ({self}, up to {YEARS_AHEAD} years ahead)")
    }
}

impl fmt::Display for Horizon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.first, self.last)
    }
}

/// The last ISO week of `year` (28 December is always in it); the last representable week for
/// a year beyond the calendar.
pub fn last_week_of(year: i32) -> WeekId {
    WeekId::of(NaiveDate::from_ymd_opt(year, 12, 28).unwrap_or(NaiveDate::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(name: &str) -> WeekId {
        name.parse().unwrap()
    }

    #[test]
    fn reaches_the_last_week_of_the_tenth_year_ahead() {
        let horizon = Horizon::new(week("2026-W01"), week("2026-W48"));
        assert_eq!(horizon.to_string(), "2026-W01 to 2036-W52");
        assert_eq!(last_week_of(2026), week("2026-W53"));
        assert_eq!(horizon.weeks_from(week("2036-W52")), 1);
        assert_eq!(horizon.weeks_from(week("2036-W41")), 12);
    }

    #[test]
    fn refuses_both_ends_and_names_the_range() {
        let horizon = Horizon::new(week("2026-W01"), week("2026-W48"));
        assert_eq!(horizon.refuse_week(week("2026-W01")), None);
        assert_eq!(horizon.refuse_week(week("2036-W52")), None);
        assert_eq!(
            horizon.refuse_week(week("2037-W01")).unwrap(),
            "2037-W01 is outside the weeks this site answers for (2026-W01 to 2036-W52, up to 10 years ahead)"
        );
        assert!(horizon.refuse_week(week("2025-W52")).is_some());
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // 2036-W52 ends on Sunday 28 December 2036; 2026-W01 starts on Monday 29 December 2025.
        assert_eq!(horizon.refuse_dates(date(2025, 12, 29), date(2036, 12, 28)), None);
        assert!(horizon
            .refuse_dates(date(2036, 12, 1), date(2036, 12, 29))
            .unwrap()
            .starts_with("2036-12-29 is outside"));
        assert!(horizon
            .refuse_dates(date(2025, 12, 28), date(2026, 1, 5))
            .unwrap()
            .starts_with("2025-12-28 is outside"));
        assert!(horizon.refuse_dates(date(9999, 12, 1), date(9999, 12, 5)).is_some());
    }

    #[test]
    fn years_are_those_wholly_inside() {
        // 2037's last ISO week (W53) ends on Sunday 3 January 2038: all of 2037 is inside.
        assert_eq!(Horizon::new(week("2026-W01"), week("2027-W10")).years(), 2025..=2037);
        // 2036-W52 ends on 28 December: 29–31 December 2036 are not.
        assert_eq!(Horizon::new(week("2026-W01"), week("2026-W10")).years(), 2025..=2035);
    }

    #[test]
    fn a_current_week_before_the_rotation_counts_from_its_start() {
        assert_eq!(Horizon::new(week("2030-W10"), week("2026-W48")).last(), week("2040-W52"));
    }
}
