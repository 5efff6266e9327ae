//! Who is actually on call: the base rotation (roster changes applied) with holiday swaps,
//! then trades, then covers.
//!
//! The swap rules, applied week by week from the epoch:
//!
//! * A week is a *holiday week* for an engineer when one of its seven dates is a holiday
//!   (observed date) of the engineer's calendar, or the engineer has leave on one of them.
//! * If week W is a holiday week for its scheduled engineer A, A swaps with A's backup B:
//!   B covers W, and A covers W′, the first week after W that the base rotation gives B.
//! * The swap stands only if the team has not declined it (a [`Decision`](crate::Decision)
//!   for W), W′ is not already part of an earlier swap, B is not on leave during W, B is not
//!   on call for another team of the organisation during W (see
//!   [`ScheduleInputs::elsewhere`](crate::ScheduleInputs::elsewhere)), and W′ is not a holiday
//!   week for A. Otherwise A keeps W and the week carries a
//!   [`SwapConflict`] saying why in plain words.
//! * A week that is the W′ of a swap is not examined again: the person swapped into it was
//!   already checked.
//! * W′ is B's next week *in the order in force in W*, as if that order went on. When a
//!   roster change takes effect between W and W′, the swap still stands as agreed: A covers
//!   W′ whoever the new order gives it to, and both weeks say so. This keeps every week
//!   before a roster change exactly as it was without the change.
//!
//! Then, on top of the swaps:
//!
//! * A [`Trade`](crate::Trade) exchanges two whole weeks between the two engineers on call
//!   in them. It applies only while those are still the engineers it names; otherwise both
//!   weeks stay as they were and say why (this can happen in a what-if preview; the data
//!   folder's validation rejects such trades).
//! * A [`Cover`](crate::Cover) hands the stretch it spans to its engineer, whoever holds the
//!   week (see [`crate::cover`] for overlaps and wall-clock rules). Covers do not change
//!   swaps, trades or who holds a week.
//!
//! Because weeks are resolved strictly in order from the epoch, the answer for a week never
//! depends on which range is asked for. Resolution is lazy and cached: constructing a
//! [`Schedule`] costs nothing, and asking for week `k` resolves weeks `0..=k` once.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::cover::{cover_spans, stretches, CoverSpan};
use crate::holiday::Holiday;
use crate::roster_change::RosterChangeNote;
use crate::rotation::{week_dates, Rotation};
use crate::week::LEAVE;
use crate::{
    ScheduleInputs, Stretch, Swap, SwapConflict, TradeNote, WeekAssignment, WeekHoliday, WeekHolidayKind, WeekId,
};

/// The team's resolved on-call schedule. Cheap to construct; weeks are resolved lazily,
/// in order, and cached (behind a mutex, so a `Schedule` can be shared between threads).
/// It shares its inputs (an `Arc`), so it can live as long as anyone needs it.
///
/// ```
/// use std::sync::Arc;
/// let mut inputs = (*rota::what_if::doc_team().inputs).clone(); // alice, bob alternating
/// inputs.leave.push(rota::Leave {
///     engineer: "alice".into(),
///     from: rota::embedded::date(2025, 12, 31),
///     to: rota::embedded::date(2025, 12, 31),
///     note: None,
/// });
/// let schedule = rota::Schedule::new(Arc::new(inputs));
/// let w0 = schedule.week(0);
/// assert_eq!((w0.scheduled.as_str(), w0.on_call.as_str()), ("alice", "bob"));
/// assert_eq!(schedule.week(1).on_call, "alice");
/// assert_eq!(w0.swap.unwrap().with_index, 1);
/// ```
#[derive(Debug)]
pub struct Schedule {
    inputs: Arc<ScheduleInputs>,
    covers: Vec<CoverSpan>,
    /// Trades by the week indexes they exchange.
    trades: Vec<[u32; 2]>,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Weeks `0..slots.len()` with swaps resolved.
    slots: Vec<Slot>,
    /// Return weeks (index) promised by swaps already resolved.
    claims: BTreeMap<u32, Slot>,
    /// Holidays by (calendar position in `ScheduleInputs::calendars`, year).
    holidays: BTreeMap<(usize, i32), Vec<Holiday>>,
    /// Slugs the rotation names that the team does not list (inputs not validated yet).
    unlisted: Vec<String>,
}

/// An engineer: by position in `ScheduleInputs::engineers`, or past those, in
/// `State::unlisted`. Slots hold these, not slugs, so resolving a week allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Who(usize);

/// A week's holder after swaps, as facts: the words are written when the week is shown
/// ([`Schedule::swap`], [`Schedule::conflict_reason`]).
#[derive(Debug, Clone, Copy)]
struct Slot {
    on_call: Who,
    note: SlotNote,
}

#[derive(Debug, Clone, Copy)]
enum SlotNote {
    Kept,
    /// `holder` had a holiday or leave in `holiday_week`; `backup` covers it and `holder`
    /// covers `return_week`. The slot is one of the two weeks.
    Swap {
        holiday_week: u32,
        return_week: u32,
        holder: Who,
        backup: Who,
    },
    /// The scheduled engineer keeps a week with a holiday or leave in it.
    Conflict(Conflict),
}

/// Why a holiday week is kept, in the order the rules are checked.
#[derive(Debug, Clone, Copy)]
enum Conflict {
    NoBackup,
    Declined {
        backup: Who,
        decision: usize,
    },
    BackupHasNoWeek {
        backup: Who,
    },
    ReturnWeekTaken {
        return_week: u32,
        holiday_week: u32,
    },
    BackupOnLeave {
        backup: Who,
    },
    BackupElsewhere {
        backup: Who,
        elsewhere: usize,
    },
    /// The backup holds another layer of the team in the week, as primary or secondary
    /// (by position in `team.layers.others`): one person would hold both.
    BackupInOtherLayer {
        backup: Who,
        layer: usize,
    },
    ReturnWeekOff {
        return_week: u32,
    },
}

impl Schedule {
    pub fn new(inputs: Arc<ScheduleInputs>) -> Schedule {
        let covers = cover_spans(&inputs.covers, inputs.team.time_zone);
        let rotation = Rotation::new(&inputs);
        let trades = inputs
            .trades
            .iter()
            .filter_map(|t| Some([rotation.index_of_week(t.weeks[0])?, rotation.index_of_week(t.weeks[1])?]))
            .collect();
        Schedule { inputs, covers, trades, state: Mutex::new(State::default()) }
    }

    pub fn inputs(&self) -> &ScheduleInputs {
        &self.inputs
    }

    pub fn rotation(&self) -> Rotation<'_> {
        Rotation::new(&self.inputs)
    }

    /// Week `index` with swaps, trades and covers applied.
    pub fn week(&self, index: u32) -> WeekAssignment {
        let mut state = self.lock();
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
        self.rotation().index_at(instant).map(|i| self.week(i))
    }

    /// The week named `id`; `None` before the epoch.
    pub fn by_id(&self, id: WeekId) -> Option<WeekAssignment> {
        self.rotation().index_of_week(id).map(|i| self.week(i))
    }

    /// Who is on call at `instant` and until when, then who comes next and from when:
    /// `(current, next)`. `None` before the first handoff.
    pub fn stretch_at(&self, instant: DateTime<Utc>) -> Option<(Stretch, Stretch)> {
        let week = self.at(instant)?;
        let at = week.stretches.iter().position(|s| s.contains(instant))?;
        let next = match week.stretches.get(at + 1) {
            Some(next) => next.clone(),
            None => self.week(week.week.index + 1).stretches.first()?.clone(),
        };
        Some((week.stretches[at].clone(), next))
    }

    /// Display name of an engineer (the slug if unknown).
    pub fn name_of<'s>(&'s self, slug: &'s str) -> &'s str {
        self.inputs.name_of(slug)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // The cache holds only derived data; a panic elsewhere cannot leave it half-written
        // in a way that matters more than recomputing would, so poisoning is ignored.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn week_id(&self, index: u32) -> WeekId {
        WeekId::of(self.rotation().start_date(index).unwrap_or(self.inputs.team.epoch))
    }

    fn dates(&self, index: u32) -> [NaiveDate; 7] {
        week_dates(self.rotation().start_date(index).unwrap_or(self.inputs.team.epoch))
    }

    /// Holidays and leave of `engineer` on `dates`, sorted by date.
    fn days_off(&self, state: &mut State, engineer: &str, dates: &[NaiveDate; 7]) -> Vec<WeekHoliday> {
        let data = &*self.inputs;
        let mut out = Vec::new();
        let (first, last) = (dates[0], dates[6]);
        let calendar = data
            .engineer(engineer)
            .and_then(|e| data.calendar_of(e))
            .and_then(|c| data.calendars.iter().position(|x| std::ptr::eq(x, c)));
        if let Some(cal) = calendar {
            for year in first.year()..=last.year() {
                let list =
                    state.holidays.entry((cal, year)).or_insert_with(|| data.calendars[cal].holidays_in_year(year));
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
        for l in data.leave.iter().filter(|l| l.engineer == engineer) {
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

    fn resolve_through(&self, state: &mut State, index: u32) {
        while state.slots.len() <= index as usize {
            let i = state.slots.len() as u32;
            let slot = match state.claims.remove(&i) {
                Some(slot) => slot,
                None => self.resolve_one(state, i),
            };
            state.slots.push(slot);
        }
    }

    /// Who `slug` is.
    fn who(&self, state: &mut State, slug: &str) -> Who {
        let listed = &self.inputs.engineers;
        if let Some(i) = listed.iter().position(|e| e.slug == slug) {
            return Who(i);
        }
        let i = state.unlisted.iter().position(|s| s == slug).unwrap_or_else(|| {
            state.unlisted.push(slug.to_string());
            state.unlisted.len() - 1
        });
        Who(listed.len() + i)
    }

    /// The slug of `who`.
    fn slug<'s>(&'s self, state: &'s State, who: Who) -> &'s str {
        let listed = &self.inputs.engineers;
        match listed.get(who.0) {
            Some(e) => &e.slug,
            None => state.unlisted.get(who.0 - listed.len()).map_or("", String::as_str),
        }
    }

    /// Resolves week `w`, which is not the return week of an earlier swap. Records the
    /// return week's claim when a swap stands.
    fn resolve_one(&self, state: &mut State, w: u32) -> Slot {
        let rotation = self.rotation();
        let a = rotation.scheduled(w);
        let holder = self.who(state, a);
        let kept = |note| Slot { on_call: holder, note };
        let dates = self.dates(w);
        if self.days_off(state, a, &dates).is_empty() {
            return kept(SlotNote::Kept);
        }
        let conflict = |c| kept(SlotNote::Conflict(c));

        let b = match self.inputs.engineer(a) {
            Some(e) if e.backup != a => e.backup.as_str(),
            _ => return conflict(Conflict::NoBackup),
        };
        let backup = self.who(state, b);
        let w_id = self.week_id(w);
        if let Some(decision) = self.inputs.decisions.iter().position(|d| d.week == w_id) {
            return conflict(Conflict::Declined { backup, decision });
        }
        let Some(ret) = rotation.next_week_of(b, w) else {
            return conflict(Conflict::BackupHasNoWeek { backup });
        };
        if let Some(other) = state.claims.get(&ret) {
            let holiday_week = match other.note {
                SlotNote::Swap { holiday_week, .. } => holiday_week,
                _ => ret,
            };
            return conflict(Conflict::ReturnWeekTaken { return_week: ret, holiday_week });
        }
        if self.days_off(state, b, &dates).iter().any(|h| h.kind == WeekHolidayKind::Leave) {
            return conflict(Conflict::BackupOnLeave { backup });
        }
        let week = rotation.week(w);
        let (start, end) = (week.start.with_timezone(&Utc), week.end.with_timezone(&Utc));
        if let Some(elsewhere) = self
            .inputs
            .elsewhere
            .iter()
            .position(|e| e.counts.for_swaps() && e.engineer == b && e.from < end && start < e.to)
        {
            return conflict(Conflict::BackupElsewhere { backup, elsewhere });
        }
        if let Some(layer) = self.other_layer_held(b, start, end) {
            return conflict(Conflict::BackupInOtherLayer { backup, layer });
        }
        if !self.days_off(state, a, &self.dates(ret)).is_empty() {
            return conflict(Conflict::ReturnWeekOff { return_week: ret });
        }
        let note = SlotNote::Swap { holiday_week: w, return_week: ret, holder, backup };
        state.claims.insert(ret, Slot { on_call: holder, note });
        Slot { on_call: backup, note }
    }

    /// The first other on-call layer of the team whose rotation has `engineer` between `from`
    /// and `to`: a swap there would leave one person in two roles (nobody to escalate to).
    /// Each layer counts as its own data makes it, without its swaps, so no two layers wait
    /// on each other.
    fn other_layer_held(&self, engineer: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Option<usize> {
        let own = self.inputs.team.layers.primary.role;
        self.inputs.team.layers.others.iter().position(|l| {
            l.role.is_on_call() && l.role != own && l.stretches(from, to).iter().any(|s| s.person == engineer)
        })
    }

    /// Why `holder` keeps week `w`, in words.
    fn conflict_reason(&self, state: &mut State, w: u32, holder: &str, conflict: Conflict) -> String {
        let a_name = self.name_of(holder);
        let w_id = self.week_id(w);
        let backup = |state: &State, who| self.slug(state, who).to_string();
        let reason = match conflict {
            Conflict::NoBackup => format!("{a_name} has no backup to swap with"),
            Conflict::Declined { backup: b, decision } => {
                let note =
                    self.inputs.decisions[decision].note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
                let b = backup(state, b);
                format!("the swap with {} (backup) was declined by the team{note}", self.name_of(&b))
            }
            Conflict::BackupHasNoWeek { backup: b } => {
                let b = backup(state, b);
                format!("{} (backup) has no week in the rotation to give in return", self.name_of(&b))
            }
            Conflict::ReturnWeekTaken { return_week, holiday_week } => format!(
                "the return week {} is already part of the swap for {}",
                self.week_id(return_week),
                self.week_id(holiday_week)
            ),
            Conflict::BackupOnLeave { backup: b } => {
                let b = backup(state, b);
                let dates = self.dates(w);
                let leave = self.days_off(state, &b, &dates).into_iter().find(|h| h.kind == WeekHolidayKind::Leave);
                let leave = leave.map_or_else(|| "leave".to_string(), |l| l.describe());
                format!("{} (backup) is on {leave}", self.name_of(&b))
            }
            Conflict::BackupElsewhere { backup: b, elsewhere } => {
                let b = backup(state, b);
                format!(
                    "{} (backup) is on call for {} in {w_id}",
                    self.name_of(&b),
                    self.inputs.elsewhere[elsewhere].team
                )
            }
            Conflict::BackupInOtherLayer { backup: b, layer } => {
                let b = backup(state, b);
                let layer = &self.inputs.team.layers.others[layer];
                format!("{} (backup) is already on call in the {} layer that week", self.name_of(&b), layer.name)
            }
            Conflict::ReturnWeekOff { return_week } => {
                let ret_id = self.week_id(return_week);
                let off = self.days_off(state, holder, &self.dates(return_week));
                match off.first() {
                    Some(h) if h.kind == WeekHolidayKind::Leave => {
                        format!("{a_name} is on {} in the return week {ret_id}", h.describe())
                    }
                    h => format!(
                        "the return week {ret_id} holds {} for {a_name}",
                        h.map_or_else(|| "a holiday".to_string(), WeekHoliday::describe)
                    ),
                }
            }
        };
        format!("{a_name} keeps {w_id}: {reason}")
    }

    /// Week `index` as one of the two weeks of a holiday swap, in words.
    fn swap(
        &self,
        state: &mut State,
        index: u32,
        holiday_week: u32,
        return_week: u32,
        holder: Who,
        backup: Who,
    ) -> Swap {
        let (a, b) = (self.slug(state, holder).to_string(), self.slug(state, backup).to_string());
        let (a_name, b_name) = (self.name_of(&a), self.name_of(&b));
        let (w_id, ret_id) = (self.week_id(holiday_week), self.week_id(return_week));
        let off = self.days_off(state, &a, &self.dates(holiday_week));
        let why = match off.first() {
            Some(h) if h.kind == WeekHolidayKind::Leave => format!("{a_name} is on {} in {w_id}", h.describe()),
            h => format!(
                "{a_name}'s week {w_id} holds {}",
                h.map_or_else(|| "a holiday".to_string(), WeekHoliday::describe)
            ),
        };
        let mut reason = format!("{why}: {b_name} (backup) covers {w_id} and {a_name} takes {ret_id} in return");
        let is_return = index == return_week;
        // Said on the return week only: the holiday week reads the same with or without the
        // change, as every week before a roster change must.
        if is_return {
            if let Some((change, _)) =
                self.rotation().next_change_after(holiday_week).filter(|(from, _)| *from <= return_week)
            {
                reason.push_str(&format!(
                    " (agreed before the roster change in {}, so it stands whoever the new order gives {ret_id})",
                    self.week_id(change)
                ));
            }
        }
        let (with, gave, took) = if is_return { (holiday_week, b, a) } else { (return_week, a, b) };
        Swap { with_week: self.week_id(with), with_index: with, gave, took, reason }
    }

    /// The swap-resolved slot of week `index`.
    fn slot(&self, state: &mut State, index: u32) -> Slot {
        self.resolve_through(state, index);
        state.slots[index as usize]
    }

    /// The trade that week `index` is part of, seen from it, given who holds it after swaps.
    fn trade(&self, state: &mut State, index: u32, holder: &str) -> Option<TradeNote> {
        let (t, pair) = self.trades.iter().enumerate().find(|(_, pair)| pair.contains(&index))?;
        let trade = &self.inputs.trades[t];
        let (this, other) = if pair[0] == index { (0, 1) } else { (1, 0) };
        let other_holder = self.slot(state, pair[other]).on_call;
        let other_holder = self.slug(state, other_holder).to_string();
        let name = |slug: &str| self.name_of(slug).to_string();
        let (gave, took) = (trade.engineers[this].clone(), trade.engineers[other].clone());
        let note = trade.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
        let (w0, w1) = (trade.weeks[0], trade.weeks[1]);
        let stale = [(holder, this, pair[this]), (other_holder.as_str(), other, pair[other])]
            .into_iter()
            .find(|(who, k, _)| *who != trade.engineers[*k]);
        let (applied, reason) = match stale {
            None => (
                true,
                format!(
                    "{} and {} trade weeks: {} takes {w1} and {} takes {w0}{note}",
                    name(&trade.engineers[0]),
                    name(&trade.engineers[1]),
                    name(&trade.engineers[0]),
                    name(&trade.engineers[1]),
                ),
            ),
            Some((who, k, week)) => (
                false,
                format!(
                    "The trade of {w0} and {w1} between {} and {} does not apply: {} is on call in {}, not {}",
                    name(&trade.engineers[0]),
                    name(&trade.engineers[1]),
                    name(who),
                    self.week_id(week),
                    name(&trade.engineers[k]),
                ),
            ),
        };
        Some(TradeNote { with_week: trade.weeks[other], gave, took, applied, reason })
    }

    fn roster_change(&self, index: u32) -> Option<RosterChangeNote> {
        let rotation = self.rotation();
        let (from, change) = rotation.changes().find(|(from, _)| *from == index)?;
        let (previous, _) = rotation.order_at(from.checked_sub(1)?);
        Some(RosterChangeNote::new(self.week_id(from), previous, &change.rotation, change.note.clone()))
    }

    fn assignment(&self, state: &mut State, index: u32) -> WeekAssignment {
        let slot = self.slot(state, index);
        let holder = self.slug(state, slot.on_call).to_string();
        let trade = self.trade(state, index, &holder);
        let (swap, conflict) = match slot.note {
            SlotNote::Kept => (None, None),
            SlotNote::Swap { holiday_week, return_week, holder, backup } => {
                (Some(self.swap(state, index, holiday_week, return_week, holder, backup)), None)
            }
            SlotNote::Conflict(c) => {
                (None, Some(SwapConflict { reason: self.conflict_reason(state, index, &holder, c) }))
            }
        };
        let on_call = match &trade {
            Some(t) if t.applied => t.took.clone(),
            _ => holder,
        };
        let scheduled = self.rotation().scheduled(index);
        let dates = self.dates(index);
        let mut holidays = self.days_off(state, scheduled, &dates);
        if on_call != scheduled {
            holidays.extend(self.days_off(state, &on_call, &dates));
            holidays.sort();
        }
        let week = self.rotation().week(index);
        WeekAssignment {
            stretches: stretches(&week, &on_call, &self.covers),
            week,
            scheduled: scheduled.to_string(),
            on_call,
            holidays,
            swap,
            conflict,
            trade,
            roster_change: self.roster_change(index),
        }
    }
}

#[cfg(test)]
mod tests {
    /// Issue 18 (lever 3): a resolved week is facts that copy (engineers by position, reasons
    /// as enums), so resolving weeks allocates nothing per week; the words are written only
    /// for the weeks shown. A `String` in a slot stops this from compiling.
    #[test]
    fn a_resolved_week_is_copied_not_cloned() {
        fn is_copy<T: Copy>() {}
        is_copy::<super::Slot>();
    }
}
