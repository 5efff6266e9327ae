//! Whether a build is getting old. The schedule pages compute every week live, but the calendar
//! feeds are written at build time and end [`WEEKS_AFTER`](crate::ics::WEEKS_AFTER) weeks later;
//! after that they quietly run dry unless someone rebuilds. The site shows a banner and
//! `rota check` warns from [`REBUILD_NOTICE_WEEKS`] before that end.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::ics::feed_range;
use crate::Schedule;

/// How long before its feeds end a build asks to be rebuilt.
pub const REBUILD_NOTICE_WEEKS: i64 = 8;

/// When a build was made and when its calendar feeds end, as dates in the team's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    pub built_on: NaiveDate,
    /// The day the last week of the feeds hands over.
    pub feeds_end: NaiveDate,
}

impl Freshness {
    /// The build made at `built_at`, whose feeds cover the weeks around that day (see
    /// [`crate::ics::team_feed`]); `None` when they hold no week at all (a rotation that starts
    /// more than a year after the build), so there is nothing to run dry.
    pub fn of_build(schedule: &Schedule, built_at: DateTime<Utc>) -> Option<Freshness> {
        let built_on = built_at.with_timezone(&schedule.inputs().team.time_zone).date_naive();
        let (from, count) = feed_range(schedule, built_on);
        let last = from.checked_add(count.checked_sub(1)?)?;
        let feeds_end = schedule.rotation().try_week(last)?.end.date_naive();
        Some(Freshness { built_on, feeds_end })
    }

    /// Whether a rebuild is due on `today`: the feeds end within [`REBUILD_NOTICE_WEEKS`] weeks,
    /// or have ended.
    pub fn rebuild_due(&self, today: NaiveDate) -> bool {
        today + Duration::weeks(REBUILD_NOTICE_WEEKS) >= self.feeds_end
    }

    /// Whether the feeds' last week is over on `today`.
    pub fn feeds_ended(&self, today: NaiveDate) -> bool {
        today > self.feeds_end
    }
}
