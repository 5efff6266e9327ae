//! Who is actually on call: the base rotation with holiday swaps applied.
//!
//! The rules, applied week by week from the epoch:
//!
//! * A week is a *holiday week* for an engineer when one of its seven dates is a holiday
//!   (observed date) of the engineer's calendar, or the engineer has leave on one of them.
//! * If week W is a holiday week for its scheduled engineer A, A swaps with A's backup B:
//!   B covers W, and A covers W′, the first week after W that the base rotation gives B.
//! * The swap stands only if the team has not declined it (a [`Decision`](crate::Decision)
//!   for W), W′ is not already part of an earlier swap, B is not on leave during W, and W′
//!   is not a holiday week for A. Otherwise A keeps W and the week carries a
//!   [`SwapConflict`] saying why in plain words.
//! * A week that is the W′ of a swap is not examined again: the person swapped into it was
//!   already checked.
//!
//! Because weeks are resolved strictly in order from the epoch, the answer for a week never
//! depends on which range is asked for. Resolution is lazy and cached: constructing a
//! [`Schedule`] costs nothing, and asking for week `k` resolves weeks `0..=k` once.

use std::collections::BTreeMap;
use std::sync::Mutex;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::holiday::{format_day, Holiday};
use crate::rotation::{week_dates, Rotation, RotationWeek};
use crate::{TeamData, WeekId};

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

const LEAVE: &str = "Leave";

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
    /// Plain words, the same on both weeks: whose holiday, and who covers what.
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

/// One resolved week: who the rotation scheduled, who is on call, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekAssignment {
    pub week: RotationWeek,
    /// Slug the base rotation gives this week.
    pub scheduled: String,
    /// Slug of the engineer actually on call.
    pub on_call: String,
    /// Holidays and leave on this week's dates for the scheduled and the on-call engineer
    /// (for a swapped week that is both parties), sorted by date.
    pub holidays: Vec<WeekHoliday>,
    pub swap: Option<Swap>,
    pub conflict: Option<SwapConflict>,
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
}

/// The team's resolved on-call schedule. Cheap to construct; weeks are resolved lazily,
/// in order, and cached (behind a mutex, so a `Schedule` can be shared between threads).
///
/// ```
/// # fn team() -> rota::TeamData {
/// #     use chrono::{NaiveDate, NaiveTime, Weekday};
/// #     let eng = |s: &str, b: &str| rota::Engineer { slug: s.into(), name: s.into(), contact: None, calendar: None, backup: b.into() };
/// #     rota::TeamData {
/// #         team: rota::Team {
/// #             name: "T".into(),
/// #             time_zone: chrono_tz::UTC,
/// #             handoff: rota::Handoff { weekday: Weekday::Mon, time: NaiveTime::from_hms_opt(9, 0, 0).unwrap() },
/// #             epoch: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
/// #             rotation: vec!["ann".into(), "ben".into()],
/// #             calendar: None,
/// #         },
/// #         engineers: vec![eng("ann", "ben"), eng("ben", "ann")], pipelines: vec![], runbooks: vec![],
/// #         calendars: vec![], decisions: vec![],
/// #         leave: vec![rota::Leave { engineer: "ann".into(), from: NaiveDate::from_ymd_opt(2026, 1, 7).unwrap(),
/// #             to: NaiveDate::from_ymd_opt(2026, 1, 7).unwrap(), note: None }],
/// #     }
/// # }
/// let data = team(); // ann, ben alternating; ann on leave in week 0
/// let schedule = rota::Schedule::new(&data);
/// let w0 = schedule.week(0);
/// assert_eq!((w0.scheduled.as_str(), w0.on_call.as_str()), ("ann", "ben"));
/// assert_eq!(schedule.week(1).on_call, "ann");
/// assert_eq!(w0.swap.unwrap().with_index, 1);
/// ```
#[derive(Debug)]
pub struct Schedule<'a> {
    data: &'a TeamData,
    rotation: Rotation<'a>,
    state: Mutex<State<'a>>,
}

#[derive(Debug, Default)]
struct State<'a> {
    /// Resolved weeks `0..slots.len()`.
    slots: Vec<Slot<'a>>,
    /// Return weeks (index) promised by swaps already resolved, with the holiday week's slot
    /// data to mirror.
    claims: BTreeMap<u32, Slot<'a>>,
    /// Holidays by (calendar position in `TeamData::calendars`, year).
    holidays: BTreeMap<(usize, i32), Vec<Holiday>>,
}

#[derive(Debug, Clone)]
struct Slot<'a> {
    on_call: &'a str,
    swap: Option<SwapSlot<'a>>,
    conflict: Option<String>,
}

#[derive(Debug, Clone)]
struct SwapSlot<'a> {
    with: u32,
    gave: &'a str,
    took: &'a str,
    reason: String,
}

impl<'a> Schedule<'a> {
    pub fn new(data: &'a TeamData) -> Schedule<'a> {
        Schedule { data, rotation: Rotation::new(data), state: Mutex::new(State::default()) }
    }

    pub fn data(&self) -> &'a TeamData {
        self.data
    }

    pub fn rotation(&self) -> Rotation<'a> {
        self.rotation
    }

    /// Week `index` with swaps applied.
    pub fn week(&self, index: u32) -> WeekAssignment {
        let mut state = self.lock();
        self.resolve_through(&mut state, index);
        self.assignment(&mut state, index)
    }

    /// `count` consecutive weeks from `from_index`.
    pub fn weeks(&self, from_index: u32, count: u32) -> Vec<WeekAssignment> {
        if count == 0 {
            return Vec::new();
        }
        let last = from_index.saturating_add(count - 1);
        let mut state = self.lock();
        self.resolve_through(&mut state, last);
        (from_index..=last).map(|i| self.assignment(&mut state, i)).collect()
    }

    /// The week containing `instant`; `None` before the first handoff.
    pub fn at(&self, instant: DateTime<Utc>) -> Option<WeekAssignment> {
        self.rotation.index_at(instant).map(|i| self.week(i))
    }

    /// The week named `id`; `None` before the epoch.
    pub fn by_id(&self, id: WeekId) -> Option<WeekAssignment> {
        self.rotation.index_of_week(id).map(|i| self.week(i))
    }

    /// Display name of an engineer (the slug if unknown).
    pub fn name_of<'s>(&'s self, slug: &'s str) -> &'s str {
        self.data.name_of(slug)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<'a>> {
        // The cache holds only derived data; a panic elsewhere cannot leave it half-written
        // in a way that matters more than recomputing would, so poisoning is ignored.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn week_id(&self, index: u32) -> WeekId {
        WeekId::of(self.rotation.start_date(index).unwrap_or(self.data.team.epoch))
    }

    fn dates(&self, index: u32) -> [NaiveDate; 7] {
        week_dates(self.rotation.start_date(index).unwrap_or(self.data.team.epoch))
    }

    /// Holidays and leave of `engineer` on `dates`, sorted by date.
    fn days_off(&self, state: &mut State<'a>, engineer: &str, dates: &[NaiveDate; 7]) -> Vec<WeekHoliday> {
        let mut out = Vec::new();
        let (first, last) = (dates[0], dates[6]);
        let calendar = self
            .data
            .engineer(engineer)
            .and_then(|e| self.data.calendar_of(e))
            .and_then(|c| self.data.calendars.iter().position(|x| std::ptr::eq(x, c)));
        if let Some(cal) = calendar {
            for year in first.year()..=last.year() {
                let list = state
                    .holidays
                    .entry((cal, year))
                    .or_insert_with(|| self.data.calendars[cal].holidays_in_year(year));
                for h in list.iter().filter(|h| first <= h.date && h.date <= last) {
                    out.push(WeekHoliday {
                        date: h.date,
                        actual: h.actual,
                        name: h.name.clone(),
                        engineer: engineer.to_string(),
                        kind: WeekHolidayKind::Holiday,
                    });
                }
            }
        }
        for l in self.data.leave.iter().filter(|l| l.engineer == engineer) {
            if l.from <= last && first <= l.to {
                let date = l.from.max(first);
                out.push(WeekHoliday {
                    date,
                    actual: date,
                    name: l.note.clone().unwrap_or_else(|| LEAVE.to_string()),
                    engineer: engineer.to_string(),
                    kind: WeekHolidayKind::Leave,
                });
            }
        }
        out.sort();
        out
    }

    fn resolve_through(&self, state: &mut State<'a>, index: u32) {
        while state.slots.len() <= index as usize {
            let i = state.slots.len() as u32;
            let slot = match state.claims.remove(&i) {
                Some(slot) => slot,
                None => self.resolve_one(state, i),
            };
            state.slots.push(slot);
        }
    }

    /// Resolves week `w`, which is not the return week of an earlier swap. Records the
    /// return week's claim when a swap stands.
    fn resolve_one(&self, state: &mut State<'a>, w: u32) -> Slot<'a> {
        let a = self.rotation.scheduled(w);
        let keep = Slot { on_call: a, swap: None, conflict: None };
        let dates = self.dates(w);
        let off = self.days_off(state, a, &dates);
        let Some(first_off) = off.first() else {
            return keep;
        };
        let w_id = self.week_id(w);
        let a_name = self.name_of(a);
        let conflict = |reason: String| Slot {
            on_call: a,
            swap: None,
            conflict: Some(format!("{a_name} keeps {w_id}: {reason}")),
        };

        let b = match self.data.engineer(a) {
            Some(e) if e.backup != a => e.backup.as_str(),
            _ => return conflict(format!("{a_name} has no backup to swap with")),
        };
        let b_name = self.name_of(b);
        if let Some(d) = self.data.decisions.iter().find(|d| d.week == w_id) {
            let note = d.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            return conflict(format!("the swap with {b_name} (backup) was declined by the team{note}"));
        }
        let Some(ret) = self.rotation.next_week_of(b, w) else {
            return conflict(format!("{b_name} (backup) has no week in the rotation to give in return"));
        };
        let ret_id = self.week_id(ret);
        if let Some(other) = state.claims.get(&ret) {
            let holiday_week = other.swap.as_ref().map_or(ret, |s| s.with);
            return conflict(format!(
                "the return week {ret_id} is already part of the swap for {}",
                self.week_id(holiday_week)
            ));
        }
        let b_leave = self.days_off(state, b, &dates).into_iter().find(|h| h.kind == WeekHolidayKind::Leave);
        if let Some(l) = b_leave {
            return conflict(format!("{b_name} (backup) is on {}", l.describe()));
        }
        let ret_off = self.days_off(state, a, &self.dates(ret));
        if let Some(h) = ret_off.first() {
            return conflict(match h.kind {
                WeekHolidayKind::Holiday => {
                    format!("the return week {ret_id} holds {} for {a_name}", h.describe())
                }
                WeekHolidayKind::Leave => {
                    format!("{a_name} is on {} in the return week {ret_id}", h.describe())
                }
            });
        }

        let why = match first_off.kind {
            WeekHolidayKind::Holiday => {
                format!("{a_name}'s week {w_id} holds {}", first_off.describe())
            }
            WeekHolidayKind::Leave => format!("{a_name} is on {} in {w_id}", first_off.describe()),
        };
        let reason = format!("{why}: {b_name} (backup) covers {w_id} and {a_name} takes {ret_id} in return");
        state.claims.insert(
            ret,
            Slot {
                on_call: a,
                swap: Some(SwapSlot { with: w, gave: b, took: a, reason: reason.clone() }),
                conflict: None,
            },
        );
        Slot { on_call: b, swap: Some(SwapSlot { with: ret, gave: a, took: b, reason }), conflict: None }
    }

    fn assignment(&self, state: &mut State<'a>, index: u32) -> WeekAssignment {
        let slot = state.slots[index as usize].clone();
        let scheduled = self.rotation.scheduled(index);
        let dates = self.dates(index);
        let mut holidays = self.days_off(state, scheduled, &dates);
        if slot.on_call != scheduled {
            holidays.extend(self.days_off(state, slot.on_call, &dates));
            holidays.sort();
        }
        WeekAssignment {
            week: self.rotation.week(index),
            scheduled: scheduled.to_string(),
            on_call: slot.on_call.to_string(),
            holidays,
            swap: slot.swap.map(|s| Swap {
                with_week: self.week_id(s.with),
                with_index: s.with,
                gave: s.gave.to_string(),
                took: s.took.to_string(),
                reason: s.reason,
            }),
            conflict: slot.conflict.map(|reason| SwapConflict { reason }),
        }
    }
}
