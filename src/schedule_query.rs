//! What a `/schedule?week=…&weeks=…` link asks for, read and bounded before anything is
//! computed: the page shows weeks of the horizon only, and at most [`MAX_WEEKS`] of them.

use std::fmt;

use rota::{Horizon, WeekId};

/// Weeks shown when the link does not say.
pub const DEFAULT_WEEKS: u32 = 12;
/// Most weeks one page shows (two years).
pub const MAX_WEEKS: u32 = 104;

/// The weeks a schedule link asks for, inside the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleQuery {
    /// The first week shown.
    pub week: WeekId,
    /// How many weeks the link asks for (the page may show fewer: see [`ScheduleQuery::shown`]).
    pub weeks: u32,
}

/// Why a schedule link cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleQueryError {
    /// `week=` is not an ISO week name.
    Week { input: String, reason: &'static str },
    /// `week=` is before the rotation's first week.
    BeforeRotation { week: WeekId, first: WeekId },
    /// `week=` is after the horizon.
    AfterHorizon { week: WeekId, range: Horizon },
    /// `weeks=` is not a number from 1 to [`MAX_WEEKS`].
    Count { input: String },
}

impl fmt::Display for ScheduleQueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleQueryError::Week { input, reason } => write!(f, "week={input}: {reason}"),
            ScheduleQueryError::BeforeRotation { week, first } => {
                write!(f, "week={week}: the rotation starts in {first}")
            }
            ScheduleQueryError::AfterHorizon { week, range } => {
                write!(f, "week={week}: the schedule covers {range}, up to {} years ahead", rota::horizon::YEARS_AHEAD)
            }
            ScheduleQueryError::Count { input } => {
                write!(f, "weeks={input}: the number of weeks must be from 1 to {MAX_WEEKS}")
            }
        }
    }
}

impl ScheduleQuery {
    /// Reads `week=` and `weeks=` (each absent when the link has none); without `week=` the page
    /// starts at `this_week`.
    ///
    /// ```
    /// # use rota::{Horizon, WeekId};
    /// # use rota_site::schedule_query::ScheduleQuery;
    /// let week = |w: &str| w.parse::<WeekId>().unwrap();
    /// let range = Horizon::new(week("2026-W01"), week("2026-W49"));
    /// let query = ScheduleQuery::parse(Some("2027-W02"), None, week("2026-W49"), range).unwrap();
    /// assert_eq!((query.week, query.weeks), (week("2027-W02"), 12));
    /// ```
    pub fn parse(
        week: Option<&str>,
        weeks: Option<&str>,
        this_week: WeekId,
        range: Horizon,
    ) -> Result<ScheduleQuery, ScheduleQueryError> {
        let week = match week.map(|w| (w, w.parse::<WeekId>())) {
            None => this_week,
            Some((_, Ok(week))) if week < range.first() => {
                return Err(ScheduleQueryError::BeforeRotation { week, first: range.first() })
            }
            Some((_, Ok(week))) if week > range.last() => return Err(ScheduleQueryError::AfterHorizon { week, range }),
            Some((_, Ok(week))) => week,
            Some((input, Err(e))) => {
                return Err(ScheduleQueryError::Week { input: input.to_string(), reason: e.reason })
            }
        };
        let weeks = match weeks {
            None => DEFAULT_WEEKS,
            Some(n) => match n.parse::<u32>() {
                Ok(n) if (1..=MAX_WEEKS).contains(&n) => n,
                _ => return Err(ScheduleQueryError::Count { input: n.to_string() }),
            },
        };
        Ok(ScheduleQuery { week, weeks })
    }

    /// The weeks shown: as many as asked for, fewer near the end of the horizon.
    pub fn shown(self, range: Horizon) -> u32 {
        self.weeks.min(range.weeks_from(self.week))
    }

    /// The last week shown.
    pub fn last(self, range: Horizon) -> WeekId {
        self.week.plus_weeks(i64::from(self.shown(range)) - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(name: &str) -> WeekId {
        name.parse().unwrap()
    }

    /// The seed's rotation starts in 2026-W01; seen from 2026-W49 the horizon ends in 2036-W52.
    fn range() -> Horizon {
        Horizon::new(week("2026-W01"), week("2026-W49"))
    }

    fn parse(week: Option<&str>, weeks: Option<&str>) -> Result<ScheduleQuery, String> {
        ScheduleQuery::parse(week, weeks, self::week("2026-W49"), range()).map_err(|e| e.to_string())
    }

    #[test]
    fn a_bare_link_shows_twelve_weeks_from_this_week() {
        assert_eq!(parse(None, None), Ok(ScheduleQuery { week: week("2026-W49"), weeks: 12 }));
    }

    #[test]
    fn week_and_count_are_read() {
        assert_eq!(parse(Some("2027-W10"), Some("4")), Ok(ScheduleQuery { week: week("2027-W10"), weeks: 4 }));
        assert_eq!(parse(Some("2026-W01"), Some("104")), Ok(ScheduleQuery { week: week("2026-W01"), weeks: 104 }));
    }

    #[test]
    fn weeks_outside_the_horizon_are_refused_with_its_bounds() {
        assert_eq!(parse(Some("2025-W52"), None), Err("week=2025-W52: the rotation starts in 2026-W01".into()));
        assert_eq!(
            parse(Some("2037-W01"), None),
            Err("week=2037-W01: the schedule covers 2026-W01 to 2036-W52, up to 10 years ahead".into())
        );
    }

    #[test]
    fn unreadable_values_are_named() {
        assert!(parse(Some("next"), None).unwrap_err().starts_with("week=next: "));
        for count in ["0", "105", "-1", "many", "99999999999"] {
            assert_eq!(
                parse(None, Some(count)),
                Err(format!("weeks={count}: the number of weeks must be from 1 to 104")),
            );
        }
    }

    #[test]
    fn the_page_shows_fewer_weeks_at_the_end_of_the_horizon() {
        let query = parse(Some("2036-W50"), Some("12")).unwrap();
        assert_eq!((query.shown(range()), query.last(range())), (3, week("2036-W52")));
        let query = parse(Some("2027-W01"), Some("4")).unwrap();
        assert_eq!((query.shown(range()), query.last(range())), (4, week("2027-W04")));
    }
}
