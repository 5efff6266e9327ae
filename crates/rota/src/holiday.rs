//! Holidays: turning a [`HolidayCalendar`]'s rules into dates for any year.
//!
//! A rule such as "fourth Thursday of November" or "25 December, observed" yields one date
//! per year. "Observed" moves a Saturday holiday to the Friday before and a Sunday holiday to
//! the Monday after, the way US federal holidays are given as days off. Because of that
//! shift a holiday can land in the neighbouring year (New Year's Day 2022 fell on a Saturday
//! and was observed on Friday 31 December 2021), so every query here looks at the rules of
//! the years on either side too.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::{HolidayCalendar, HolidayDate, HolidayRule};

/// One day off from a calendar.
///
/// `date` is the day that counts (the observed day); `actual` is the day the rule names,
/// which differs only for an observed holiday falling on a weekend.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Holiday {
    /// The day off (observed date).
    pub date: NaiveDate,
    /// The calendar day the holiday falls on before any weekend shift.
    pub actual: NaiveDate,
    pub name: String,
}

impl Holiday {
    /// Whether the day off was moved off a weekend.
    pub fn is_shifted(&self) -> bool {
        self.date != self.actual
    }

    /// Plain-words label, e.g. `Thanksgiving Day (Thu 26 Nov 2026)` or
    /// `Independence Day (observed Fri 3 Jul 2026)`.
    pub fn describe(&self) -> String {
        if self.is_shifted() {
            format!("{} (observed {})", self.name, format_day(self.date))
        } else {
            format!("{} ({})", self.name, format_day(self.date))
        }
    }
}

/// A date as people read it in reasons and feeds: `Fri 1 Jan 2027`.
pub fn format_day(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

impl HolidayDate {
    /// The day this rule names in `year`, if it exists that year (29 February only in leap
    /// years, a fifth Monday only in some months).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            HolidayDate::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            HolidayDate::NthWeekday { month, weekday, n } => {
                NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
            }
            HolidayDate::LastWeekday { month, weekday } => last_weekday_of_month(year, month, weekday),
        }
    }
}

fn last_weekday_of_month(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?
    };
    let last = first_of_next.pred_opt()?;
    let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    last.checked_sub_signed(Duration::days(i64::from(back)))
}

/// Saturday → Friday, Sunday → Monday; weekdays stay.
pub fn observed_day(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => date.pred_opt().unwrap_or(date),
        Weekday::Sun => date.succ_opt().unwrap_or(date),
        _ => date,
    }
}

impl HolidayRule {
    /// The holiday this rule yields for calendar year `year` (by the rule's own year; the
    /// observed day may fall in the neighbouring year).
    pub fn holiday_in_rule_year(&self, year: i32) -> Option<Holiday> {
        let actual = self.date.in_year(year)?;
        let date = if self.observed { observed_day(actual) } else { actual };
        Some(Holiday { date, actual, name: self.name.clone() })
    }
}

impl HolidayCalendar {
    /// Every holiday whose day off (observed date) lies in `from ..= to`, sorted by date
    /// then name. Empty when `from > to`.
    ///
    /// ```
    /// # use rota::{HolidayCalendar, HolidayRule, HolidayDate};
    /// # use chrono::NaiveDate;
    /// let cal = HolidayCalendar {
    ///     slug: "x".into(),
    ///     name: "X".into(),
    ///     rules: vec![HolidayRule {
    ///         name: "New Year's Day".into(),
    ///         date: HolidayDate::Fixed { month: 1, day: 1 },
    ///         observed: true,
    ///     }],
    ///     one_off: vec![],
    /// };
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // 1 Jan 2022 was a Saturday: observed on Friday 31 Dec 2021.
    /// let h = cal.holidays_between(d(2021, 12, 1), d(2021, 12, 31));
    /// assert_eq!(h[0].date, d(2021, 12, 31));
    /// assert_eq!(h[0].actual, d(2022, 1, 1));
    /// ```
    pub fn holidays_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<Holiday> {
        let mut out = Vec::new();
        if from > to {
            return out;
        }
        // The observed shift moves a day by at most one, so the rules of the year before
        // `from` and after `to` are the only neighbours that can reach into the range.
        for year in from.year().saturating_sub(1)..=to.year().saturating_add(1) {
            for rule in &self.rules {
                if let Some(h) = rule.holiday_in_rule_year(year) {
                    if from <= h.date && h.date <= to {
                        out.push(h);
                    }
                }
            }
        }
        for one in &self.one_off {
            if from <= one.date && one.date <= to {
                out.push(Holiday { date: one.date, actual: one.date, name: one.name.clone() });
            }
        }
        out.sort();
        out
    }

    /// The holidays whose day off falls in calendar year `year`.
    pub fn holidays_in_year(&self, year: i32) -> Vec<Holiday> {
        match (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) {
            (Some(from), Some(to)) => self.holidays_between(from, to),
            _ => Vec::new(),
        }
    }

    /// The holidays on one day (usually none or one).
    pub fn holidays_on(&self, date: NaiveDate) -> Vec<Holiday> {
        self.holidays_between(date, date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OneOffHoliday;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn fixed(name: &str, month: u32, day: u32) -> HolidayRule {
        HolidayRule { name: name.into(), date: HolidayDate::Fixed { month, day }, observed: true }
    }

    fn nth(name: &str, month: u32, weekday: Weekday, n: u8) -> HolidayRule {
        HolidayRule { name: name.into(), date: HolidayDate::NthWeekday { month, weekday, n }, observed: false }
    }

    /// The 11 US federal holidays, as in `data/holidays.json`.
    fn us_federal() -> HolidayCalendar {
        HolidayCalendar {
            slug: "us-federal".into(),
            name: "US federal holidays".into(),
            rules: vec![
                fixed("New Year's Day", 1, 1),
                nth("Birthday of Martin Luther King, Jr.", 1, Weekday::Mon, 3),
                nth("Washington's Birthday", 2, Weekday::Mon, 3),
                HolidayRule {
                    name: "Memorial Day".into(),
                    date: HolidayDate::LastWeekday { month: 5, weekday: Weekday::Mon },
                    observed: false,
                },
                fixed("Juneteenth National Independence Day", 6, 19),
                fixed("Independence Day", 7, 4),
                nth("Labor Day", 9, Weekday::Mon, 1),
                nth("Columbus Day", 10, Weekday::Mon, 2),
                fixed("Veterans Day", 11, 11),
                nth("Thanksgiving Day", 11, Weekday::Thu, 4),
                fixed("Christmas Day", 12, 25),
            ],
            one_off: vec![],
        }
    }

    fn dates(hs: &[Holiday]) -> Vec<NaiveDate> {
        hs.iter().map(|h| h.date).collect()
    }

    #[test]
    fn us_federal_2021_includes_new_years_2022_observed_on_new_years_eve() {
        let hs = us_federal().holidays_in_year(2021);
        assert_eq!(
            dates(&hs),
            vec![
                // 1 Jan 2021 was a Friday: no shift.
                d(2021, 1, 1),
                d(2021, 1, 18),
                d(2021, 2, 15),
                d(2021, 5, 31),
                // Juneteenth on a Saturday → Friday.
                d(2021, 6, 18),
                // Independence Day on a Sunday → Monday.
                d(2021, 7, 5),
                d(2021, 9, 6),
                d(2021, 10, 11),
                d(2021, 11, 11),
                d(2021, 11, 25),
                // Christmas on a Saturday → Friday 24th.
                d(2021, 12, 24),
                // New Year's Day 2022 (Saturday) → Friday 31 Dec 2021.
                d(2021, 12, 31),
            ]
        );
        let nye = hs.last().unwrap();
        assert_eq!(nye.actual, d(2022, 1, 1));
        assert_eq!(nye.name, "New Year's Day");
        // And 2022 therefore has no New Year's Day of its own.
        let y2022 = us_federal().holidays_in_year(2022);
        assert!(!y2022.iter().any(|h| h.name == "New Year's Day"));
        assert_eq!(y2022.len(), 10);
    }

    #[test]
    fn us_federal_2026() {
        let hs = us_federal().holidays_in_year(2026);
        assert_eq!(
            dates(&hs),
            vec![
                d(2026, 1, 1),
                d(2026, 1, 19),
                d(2026, 2, 16),
                d(2026, 5, 25),
                d(2026, 6, 19),
                // 4 July 2026 is a Saturday → Friday 3 July.
                d(2026, 7, 3),
                d(2026, 9, 7),
                d(2026, 10, 12),
                d(2026, 11, 11),
                d(2026, 11, 26),
                d(2026, 12, 25),
            ]
        );
        assert_eq!(hs[5].describe(), "Independence Day (observed Fri 3 Jul 2026)");
        assert_eq!(hs[9].describe(), "Thanksgiving Day (Thu 26 Nov 2026)");
    }

    #[test]
    fn us_federal_2027() {
        let hs = us_federal().holidays_in_year(2027);
        assert_eq!(
            dates(&hs),
            vec![
                d(2027, 1, 1),
                d(2027, 1, 18),
                d(2027, 2, 15),
                d(2027, 5, 31),
                // Juneteenth 2027 is a Saturday → Friday 18 June.
                d(2027, 6, 18),
                // 4 July 2027 is a Sunday → Monday 5 July.
                d(2027, 7, 5),
                d(2027, 9, 6),
                d(2027, 10, 11),
                d(2027, 11, 11),
                d(2027, 11, 25),
                // Christmas 2027 is a Saturday → Friday 24th.
                d(2027, 12, 24),
                // New Year's Day 2028 is a Saturday → Friday 31 Dec 2027.
                d(2027, 12, 31),
            ]
        );
    }

    #[test]
    fn nth_and_last_weekday() {
        let nth = |m, w, n| HolidayDate::NthWeekday { month: m, weekday: w, n }.in_year(2026);
        assert_eq!(nth(11, Weekday::Thu, 4), Some(d(2026, 11, 26)));
        assert_eq!(nth(9, Weekday::Mon, 1), Some(d(2026, 9, 7)));
        // There is no fifth Monday in February 2026.
        assert_eq!(nth(2, Weekday::Mon, 5), None);
        assert_eq!(nth(3, Weekday::Mon, 5), Some(d(2026, 3, 30)));
        let last = |y, m, w| HolidayDate::LastWeekday { month: m, weekday: w }.in_year(y);
        assert_eq!(last(2026, 5, Weekday::Mon), Some(d(2026, 5, 25)));
        assert_eq!(last(2027, 5, Weekday::Mon), Some(d(2027, 5, 31)));
        // The month's last day is itself the weekday.
        assert_eq!(last(2026, 8, Weekday::Mon), Some(d(2026, 8, 31)));
        assert_eq!(last(2026, 12, Weekday::Thu), Some(d(2026, 12, 31)));
        assert_eq!(last(2024, 2, Weekday::Thu), Some(d(2024, 2, 29)));
    }

    #[test]
    fn observed_shift_only_when_asked() {
        assert_eq!(observed_day(d(2026, 7, 4)), d(2026, 7, 3));
        assert_eq!(observed_day(d(2027, 7, 4)), d(2027, 7, 5));
        assert_eq!(observed_day(d(2026, 7, 6)), d(2026, 7, 6));
        let mut rule = fixed("Independence Day", 7, 4);
        rule.observed = false;
        let h = rule.holiday_in_rule_year(2026).unwrap();
        assert_eq!(h.date, d(2026, 7, 4));
        assert!(!h.is_shifted());
    }

    #[test]
    fn feb_29_only_in_leap_years_and_one_offs_listed() {
        let mut cal = us_federal();
        cal.rules = vec![HolidayRule {
            name: "Leap Day".into(),
            date: HolidayDate::Fixed { month: 2, day: 29 },
            observed: false,
        }];
        cal.one_off = vec![OneOffHoliday { date: d(2026, 3, 3), name: "Team day".into() }];
        assert_eq!(dates(&cal.holidays_in_year(2028)), vec![d(2028, 2, 29)]);
        assert_eq!(dates(&cal.holidays_in_year(2026)), vec![d(2026, 3, 3)]);
        assert!(cal.holidays_between(d(2026, 3, 4), d(2026, 3, 1)).is_empty());
        assert_eq!(cal.holidays_on(d(2026, 3, 3))[0].name, "Team day");
    }
}
