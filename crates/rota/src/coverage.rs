//! The hours a layer covers, in its own time zone: e.g. weekdays 09:00–17:00 in
//! Europe/London. A follow-the-sun team is several layers, each covering its region's hours.
//!
//! A window opens at `from` on each listed local day and closes at `to` the same day, or the
//! next day when `to` is not after `from` (22:00–06:00 runs overnight). Wall-clock times are
//! kept across daylight-saving changes, so a window's instants move with its zone's clocks;
//! a time inside a daylight-saving gap means the moment the clocks jump.
//!
//! ```
//! use chrono::{NaiveTime, TimeZone, Utc, WeekdaySet, Weekday::*};
//! let london = rota::coverage::Coverage {
//!     days: WeekdaySet::from_array([Mon, Tue, Wed, Thu, Fri]),
//!     from: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
//!     to: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
//! };
//! let at = |d, h| Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap();
//! // Friday 27 March (GMT) to Monday 30 March (BST, the clocks went forward on the Sunday).
//! let windows = london.windows(chrono_tz::Europe::London, at(27, 0), at(31, 0));
//! assert_eq!(windows, vec![(at(27, 8), at(27, 16)), (at(30, 7), at(30, 15))]);
//! ```

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc, WeekdaySet};
use chrono_tz::Tz;

use crate::shift::local_instant;

/// Hours of coverage on some days of the week, in a layer's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// The local days a window opens on.
    pub days: WeekdaySet,
    pub from: NaiveTime,
    /// Not after `from`: the window closes the next day.
    pub to: NaiveTime,
}

impl Coverage {
    /// The windows that overlap `[from, to)`, in order, clipped to it.
    pub fn windows(&self, zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let overnight = self.to <= self.from;
        // A window that opened the day before may still be open at `from`.
        let mut date = from.with_timezone(&zone).date_naive() - Duration::days(1);
        let last = to.with_timezone(&zone).date_naive();
        let mut out = Vec::new();
        while date <= last {
            if self.days.contains(date.weekday()) {
                let close_date = if overnight { date + Duration::days(1) } else { date };
                let open = local_instant(zone, date.and_time(self.from)).to_utc().max(from);
                let close = local_instant(zone, close_date.and_time(self.to)).to_utc().min(to);
                if open < close {
                    out.push((open, close));
                }
            }
            date += Duration::days(1);
        }
        out
    }
}
