//! Shift boundaries of any length: shift `k` starts at the handoff time on the local date
//! `epoch + k × days` and ends where shift `k + 1` starts. A weekly rotation is the 7-day
//! case ([`crate::Rotation`]); a layer may be daily, every 3 days, fortnightly
//! ([`crate::layer`]).
//!
//! The wall-clock handoff never moves, so a daylight-saving change makes a shift an hour
//! shorter or longer (a 23- or 25-hour day, a 167- or 169-hour week). When the handoff time
//! does not exist on a date (the clocks jump forward over it) the shift starts at the moment
//! the clocks jump; when it happens twice, at the earlier of the two.
//!
//! ```
//! use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
//! let daily = rota::shift::ShiftPattern {
//!     zone: chrono_tz::America::New_York,
//!     epoch: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
//!     days: 1,
//!     time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
//! };
//! // New York's clocks go forward on Sunday 8 March 2026: that day's shift is 23 hours.
//! let (start, end) = daily.bounds(6).unwrap();
//! assert_eq!(start.to_utc(), Utc.with_ymd_and_hms(2026, 3, 7, 14, 0, 0).unwrap());
//! assert_eq!((end - start).num_hours(), 23);
//! assert_eq!(daily.index_at(end.to_utc()), Some(7));
//! ```

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Shifts of `days` local days, handed over at `time` in `zone`, from `epoch` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShiftPattern {
    pub zone: Tz,
    /// Shift 0 starts at the handoff on this date.
    pub epoch: NaiveDate,
    /// At least 1.
    pub days: u32,
    pub time: NaiveTime,
}

impl ShiftPattern {
    /// Local start date of shift `index`, if representable.
    pub fn start_date(&self, index: u32) -> Option<NaiveDate> {
        self.epoch.checked_add_signed(Duration::days(i64::from(self.days) * i64::from(index)))
    }

    /// Handoff instant on a local date, with the gap/overlap rules of this module.
    pub fn handoff_on(&self, date: NaiveDate) -> DateTime<Tz> {
        local_instant(self.zone, date.and_time(self.time))
    }

    /// Start and end of shift `index`, or `None` beyond the representable dates (about the
    /// year 262000).
    pub fn bounds(&self, index: u32) -> Option<(DateTime<Tz>, DateTime<Tz>)> {
        let start = self.start_date(index)?;
        let end = start.checked_add_signed(Duration::days(i64::from(self.days)))?;
        Some((self.handoff_on(start), self.handoff_on(end)))
    }

    /// The shift whose local dates include `date`; `None` before the epoch.
    pub fn index_of_date(&self, date: NaiveDate) -> Option<u32> {
        let days = (date - self.epoch).num_days();
        u32::try_from(days.div_euclid(i64::from(self.days.max(1)))).ok()
    }

    /// The shift containing `instant` (start ≤ instant < end); `None` before the first
    /// handoff.
    pub fn index_at(&self, instant: DateTime<Utc>) -> Option<u32> {
        let first = self.bounds(0)?.0.to_utc();
        if instant < first {
            return None;
        }
        // Estimate from elapsed time, then correct by the at most an hour or two that
        // daylight saving moves each boundary.
        let guess = (instant - first).num_seconds() / (i64::from(self.days.max(1)) * 24 * 3600);
        let mut k = u32::try_from(guess).ok()?;
        loop {
            let (start, end) = self.bounds(k)?;
            if instant < start.to_utc() {
                k = k.checked_sub(1)?;
            } else if instant >= end.to_utc() {
                k = k.checked_add(1)?;
            } else {
                return Some(k);
            }
        }
    }
}

/// The instant a local wall time names in `zone`: the earlier one when it happens twice,
/// the first instant after the gap when it does not happen at all.
pub fn local_instant(zone: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(earlier, _) => earlier,
        LocalResult::None => after_gap(zone, local),
    }
}

/// First instant whose local wall time is at or after `local`, for a `local` inside a gap.
fn after_gap(zone: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    use chrono::Offset;
    // Offsets in force a day either side bound where the jump happens.
    let as_utc = local.and_utc();
    let offset_at = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc();
    let a = as_utc - Duration::seconds(i64::from(offset_at(as_utc - Duration::days(1))));
    let b = as_utc - Duration::seconds(i64::from(offset_at(as_utc + Duration::days(1))));
    let (mut lo, mut hi) = if a <= b { (a, b) } else { (b, a) };
    // Invariant: local(lo) < local ≤ local(hi); bisect to the second.
    let wall = |t: DateTime<Utc>| t.with_timezone(&zone).naive_local();
    if wall(lo) >= local {
        return lo.with_timezone(&zone);
    }
    while hi - lo > Duration::seconds(1) {
        let mid = lo + (hi - lo) / 2;
        if wall(mid) >= local {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi.with_timezone(&zone)
}
