//! One resolved week of the schedule and the notes it carries: holidays, swaps, conflicts,
//! trades, roster changes, and the stretches (covers applied) that say who is on call when.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::holiday::{format_day, Holiday};
use crate::roster_change::RosterChangeNote;
use crate::rotation::RotationWeek;
use crate::WeekId;

/// Why a day of a week is a day off for someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WeekHolidayKind {
    /// A holiday of the engineer's calendar.
    Holiday,
    /// A [`Leave`](crate::Leave) entry.
    Leave,
}

/// A holiday or leave day that matters for a week.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WeekHoliday {
    /// The day off: a holiday's observed date, or the first day of the leave in this week.
    pub date: NaiveDate,
    /// The holiday's calendar date before a weekend shift; for leave the same as `date`.
    pub actual: NaiveDate,
    /// Holiday name, or the leave note (`"Leave"` without a note).
    pub name: String,
    /// Slug of the engineer whose calendar or leave this is.
    pub engineer: String,
    pub kind: WeekHolidayKind,
}

impl WeekHoliday {
    /// E.g. `Thanksgiving Day (Thu 26 Nov 2026)`, `leave from Mon 2 Mar 2026`,
    /// `leave (Conference) from Mon 2 Mar 2026`.
    pub fn describe(&self) -> String {
        match self.kind {
            WeekHolidayKind::Holiday => {
                Holiday { date: self.date, actual: self.actual, name: self.name.clone() }.describe()
            }
            WeekHolidayKind::Leave if self.name == LEAVE => {
                format!("leave from {}", format_day(self.date))
            }
            WeekHolidayKind::Leave => {
                format!("leave ({}) from {}", self.name, format_day(self.date))
            }
        }
    }
}

pub(crate) const LEAVE: &str = "Leave";

/// A holiday swap seen from one of its two weeks. Both weeks carry one, pointing at each
/// other.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Swap {
    /// The other week of the swap.
    pub with_week: WeekId,
    pub with_index: u32,
    /// Slug of the engineer the base rotation gave this week to, who gave it away.
    pub gave: String,
    /// Slug of the engineer who covers this week instead.
    pub took: String,
    /// Plain words: whose holiday, and who covers what. The same on both weeks, except that
    /// the return week also says when a roster change came between them.
    pub reason: String,
}

impl Swap {
    /// Whether this is the holiday week of the swap (the earlier one), rather than the
    /// return week the holiday-taker covers in exchange.
    pub fn is_holiday_side(&self, this_index: u32) -> bool {
        self.with_index > this_index
    }
}

/// A holiday week whose swap could not stand; the scheduled engineer keeps the week.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SwapConflict {
    pub reason: String,
}

/// A trade seen from one of its two weeks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TradeNote {
    /// The other week of the trade.
    pub with_week: WeekId,
    /// Slug of the engineer who gives this week away (on call here before the trade).
    pub gave: String,
    /// Slug of the engineer who takes this week in exchange.
    pub took: String,
    /// False when the trade no longer matches who is on call (e.g. in a what-if preview that
    /// moves a swap): the week stays as it was and `reason` says why.
    pub applied: bool,
    pub reason: String,
}

/// Why someone is on call for a stretch of a week.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StretchKind {
    /// The week's engineer (after swaps and trades).
    Week,
    /// A [`Cover`](crate::Cover) in place of the week's engineer.
    Cover { instead_of: String, note: Option<String> },
}

/// An unbroken stretch of time one engineer is on call. A week's stretches cover it exactly,
/// in order, without gaps or overlaps.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Stretch {
    pub start: DateTime<Tz>,
    pub end: DateTime<Tz>,
    pub engineer: String,
    pub kind: StretchKind,
}

impl Stretch {
    pub fn duration(&self) -> Duration {
        self.end - self.start
    }

    pub fn contains(&self, instant: DateTime<Utc>) -> bool {
        self.start.with_timezone(&Utc) <= instant && instant < self.end.with_timezone(&Utc)
    }

    pub fn is_cover(&self) -> bool {
        matches!(self.kind, StretchKind::Cover { .. })
    }
}

/// One resolved week: who the rotation scheduled, who is on call, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekAssignment {
    pub week: RotationWeek,
    /// Slug the base rotation (roster changes applied) gives this week.
    pub scheduled: String,
    /// Slug of the engineer who holds the week after swaps and trades; covers may hand parts
    /// of it to others (see `stretches`).
    pub on_call: String,
    /// Holidays and leave on this week's dates for the scheduled and the on-call engineer
    /// (for a swapped week that is both parties), sorted by date.
    pub holidays: Vec<WeekHoliday>,
    pub swap: Option<Swap>,
    pub conflict: Option<SwapConflict>,
    pub trade: Option<TradeNote>,
    /// Who is on call when, covers applied; a single stretch for most weeks.
    pub stretches: Vec<Stretch>,
    /// Set on the first week of a roster change.
    pub roster_change: Option<RosterChangeNote>,
}

impl WeekAssignment {
    /// The holidays and leave of one engineer in this week.
    pub fn holidays_of<'s>(&'s self, engineer: &'s str) -> impl Iterator<Item = &'s WeekHoliday> + 's {
        self.holidays.iter().filter(move |h| h.engineer == engineer)
    }

    /// Whether this week holds a holiday or leave of the on-call engineer (they work a
    /// holiday week: a conflict, or a backup covering on their own holiday).
    pub fn on_call_has_holiday(&self) -> bool {
        self.holidays_of(&self.on_call).next().is_some()
    }

    /// The stretch holding `instant`, if it lies in this week.
    pub fn stretch_at(&self, instant: DateTime<Utc>) -> Option<&Stretch> {
        self.stretches.iter().find(|s| s.contains(instant))
    }

    /// Whether covers hand part of this week to someone else.
    pub fn has_covers(&self) -> bool {
        self.stretches.iter().any(Stretch::is_cover)
    }
}
