//! What a change to the data does to the schedule: the weeks whose people or arrangements
//! differ between an old and a new schedule, and the fairness counts that move. `rota diff`
//! prints it so that a reviewer sees the effect of a data change before it is merged.
//!
//! A week differs when who holds it, its swap (partner week and who gave and took it),
//! whether it carries a conflict, its trade, or its stretches (who is on call from when to
//! when, covers included) differ. Wording is not compared: a renamed holiday or a reworded
//! note moves nobody, so on its own it is not a change to review.
//!
//! Weeks are paired by name, the ISO week their start date lies in. When both data sets
//! start the rotation on the same day with the same handoff, that pairs identical weeks.
//! When the epoch, time zone or handoff differ ([`ScheduleDiff::frames`]), each week is
//! paired with the one starting in the same ISO week, from the first week both rotations
//! have: a rotation does not exist before its epoch, so there is nothing to compare there.
//!
//! ```
//! use std::sync::Arc;
//! use rota::schedule_diff::{Count, ScheduleDiff};
//!
//! let old = rota::what_if::doc_team().inputs; // alice and bob, weekly from Mon 29 Dec 2025
//! let mut inputs = (*old).clone();
//! let day = rota::embedded::date(2025, 12, 31);
//! inputs.leave.push(rota::Leave { engineer: "alice".into(), from: day, to: day, note: None });
//! let (old, new) = (rota::Schedule::new(old), rota::Schedule::new(Arc::new(inputs)));
//!
//! let diff = ScheduleDiff::compare(&old, &new, 0, 4);
//! // Bob, her backup, covers Alice's week 2026-W01 and she takes his 2026-W02.
//! let changed: Vec<String> = diff.weeks.iter().map(|w| w.after.week.id.to_string()).collect();
//! assert_eq!(changed, ["2026-W01", "2026-W02"]);
//! assert_eq!((diff.weeks[0].before.on_call.as_str(), diff.weeks[0].after.on_call.as_str()), ("alice", "bob"));
//! // 2026-W01 starts in 2025, so the swap counts in 2025.
//! let alice_2025 = diff.fairness.iter().find(|f| f.engineer == "alice" && f.year == 2025).unwrap();
//! assert!(alice_2025.counts.iter().any(|c| c.count == Count::SwapsGiven && (c.before, c.after) == (0, 1)));
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::{FairnessLedger, FairnessRow, Handoff, Period, Schedule, ScheduleInputs, WeekAssignment, WeekId};

/// The differences between two schedules over a range of weeks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleDiff {
    /// The old and the new frame, when they differ: weeks were then paired by name rather
    /// than being the same stretches of time.
    pub frames: Option<(WeekFrame, WeekFrame)>,
    /// The first and last week compared; `None` when no week of the range exists in both
    /// schedules (the old rotation starts after it).
    pub compared: Option<(WeekId, WeekId)>,
    /// The weeks that differ, in order.
    pub weeks: Vec<WeekChange>,
    /// Per engineer and year (of the weeks' start dates), the counts of the compared weeks
    /// that differ; engineers in the new data's order, then any only the old data has.
    pub fairness: Vec<FairnessChange>,
}

/// Where a data set's rotation weeks begin and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekFrame {
    pub epoch: NaiveDate,
    pub time_zone: Tz,
    pub handoff: Handoff,
}

/// One week as the old and the new data resolve it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekChange {
    pub before: WeekAssignment,
    pub after: WeekAssignment,
    /// The new week's [`explain`](WeekAssignment::explain) sentences that the old week does
    /// not have: why the week is now as it is.
    pub added_notes: Vec<String>,
    /// The old week's sentences that the new week no longer has: what stopped applying.
    pub dropped_notes: Vec<String>,
}

/// One engineer's fairness counts for one year that differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FairnessChange {
    /// Engineer slug.
    pub engineer: String,
    pub year: i32,
    /// Only the counts that differ, in the order of [`Count::ALL`].
    pub counts: Vec<CountChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountChange {
    pub count: Count,
    pub before: u32,
    pub after: u32,
}

/// A column of the fairness ledger (see [`FairnessRow`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Count {
    WeeksOnCall,
    MinutesOnCall,
    HolidayWeeksWorked,
    SwapsGiven,
    SwapsTaken,
    OpenConflicts,
}

impl Count {
    pub const ALL: [Count; 6] = [
        Count::WeeksOnCall,
        Count::MinutesOnCall,
        Count::HolidayWeeksWorked,
        Count::SwapsGiven,
        Count::SwapsTaken,
        Count::OpenConflicts,
    ];

    pub fn of(self, row: &FairnessRow) -> u32 {
        match self {
            Count::WeeksOnCall => row.weeks_on_call,
            Count::MinutesOnCall => row.minutes_on_call,
            Count::HolidayWeeksWorked => row.holiday_weeks_worked,
            Count::SwapsGiven => row.swaps_given,
            Count::SwapsTaken => row.swaps_taken,
            Count::OpenConflicts => row.open_conflicts,
        }
    }
}

impl WeekFrame {
    pub fn of(inputs: &ScheduleInputs) -> WeekFrame {
        WeekFrame { epoch: inputs.team.epoch, time_zone: inputs.team.time_zone, handoff: inputs.team.handoff }
    }
}

impl WeekChange {
    /// Whether the week had begun at `now` in either schedule: someone may already be acting
    /// on the old one.
    pub fn has_started(&self, now: DateTime<Utc>) -> bool {
        self.before.week.start.with_timezone(&Utc).min(self.after.week.start.with_timezone(&Utc)) <= now
    }
}

impl ScheduleDiff {
    /// Compares `count` weeks of `new` from its week `from_index` with the weeks of `old`
    /// that have the same names.
    pub fn compare(old: &Schedule, new: &Schedule, from_index: u32, count: u32) -> ScheduleDiff {
        let old_rotation = old.rotation();
        let (before, after): (Vec<WeekAssignment>, Vec<WeekAssignment>) = new
            .weeks(from_index, count)
            .into_iter()
            .filter_map(|after| Some((old.week(old_rotation.index_of_week(after.week.id)?), after)))
            .unzip();
        let weeks = before
            .iter()
            .zip(&after)
            .filter(|(b, a)| Outcome::of(b) != Outcome::of(a))
            .map(|(b, a)| WeekChange::new(b, old.inputs(), a, new.inputs()))
            .collect();
        let (old_frame, new_frame) = (WeekFrame::of(old.inputs()), WeekFrame::of(new.inputs()));
        ScheduleDiff {
            frames: (old_frame != new_frame).then_some((old_frame, new_frame)),
            compared: after.first().zip(after.last()).map(|(first, last)| (first.week.id, last.week.id)),
            weeks,
            fairness: fairness_changes(
                &FairnessLedger::from_weeks(old, &before),
                &FairnessLedger::from_weeks(new, &after),
            ),
        }
    }

    /// Whether the compared weeks and their fairness are the same in both schedules.
    pub fn is_empty(&self) -> bool {
        self.weeks.is_empty() && self.fairness.is_empty()
    }

    /// The changed weeks that had begun at `now`.
    pub fn started(&self, now: DateTime<Utc>) -> impl Iterator<Item = &WeekChange> + '_ {
        self.weeks.iter().filter(move |w| w.has_started(now))
    }
}

impl WeekChange {
    fn new(before: &WeekAssignment, old: &ScheduleInputs, after: &WeekAssignment, new: &ScheduleInputs) -> Self {
        let (was, is) = (before.explain(old), after.explain(new));
        WeekChange {
            added_notes: is.iter().filter(|n| !was.contains(n)).cloned().collect(),
            dropped_notes: was.iter().filter(|n| !is.contains(n)).cloned().collect(),
            before: before.clone(),
            after: after.clone(),
        }
    }
}

/// What a week's people and arrangements are, without the words that explain them.
#[derive(PartialEq)]
struct Outcome<'a> {
    on_call: &'a str,
    swap: Option<(WeekId, &'a str, &'a str)>,
    conflict: bool,
    trade: Option<(WeekId, bool)>,
    stretches: Vec<(DateTime<Utc>, DateTime<Utc>, &'a str)>,
}

impl<'a> Outcome<'a> {
    fn of(w: &'a WeekAssignment) -> Outcome<'a> {
        Outcome {
            on_call: &w.on_call,
            swap: w.swap.as_ref().map(|s| (s.with_week, s.gave.as_str(), s.took.as_str())),
            conflict: w.conflict.is_some(),
            trade: w.trade.as_ref().map(|t| (t.with_week, t.applied)),
            // Instants, so that the same time in two zones is the same stretch.
            stretches: w
                .stretches
                .iter()
                .map(|s| (s.start.with_timezone(&Utc), s.end.with_timezone(&Utc), s.engineer.as_str()))
                .collect(),
        }
    }
}

/// The yearly counts that differ between two ledgers; an engineer missing from one counts
/// zero there.
fn fairness_changes(old: &FairnessLedger, new: &FairnessLedger) -> Vec<FairnessChange> {
    let mut engineers: Vec<&str> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    for row in new.rows.iter().chain(&old.rows) {
        if !engineers.contains(&row.engineer.as_str()) {
            engineers.push(&row.engineer);
        }
        if let Period::Year(year) = row.period {
            if !years.contains(&year) {
                years.push(year);
            }
        }
    }
    years.sort_unstable();
    let count = |ledger: &FairnessLedger, engineer: &str, year: i32, c: Count| {
        ledger.row(engineer, Period::Year(year)).map_or(0, |row| c.of(row))
    };
    let mut out = Vec::new();
    for engineer in engineers {
        for &year in &years {
            let counts: Vec<CountChange> = Count::ALL
                .into_iter()
                .map(|c| CountChange {
                    count: c,
                    before: count(old, engineer, year, c),
                    after: count(new, engineer, year, c),
                })
                .filter(|c| c.before != c.after)
                .collect();
            if !counts.is_empty() {
                out.push(FairnessChange { engineer: engineer.to_string(), year, counts });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::TimeZone;

    use super::*;
    use crate::embedded::{date, minute};
    use crate::{Cover, Leave};

    /// Alice and Bob alternating weekly from Mon 29 Dec 2025 00:00 UTC, no holidays.
    fn team() -> ScheduleInputs {
        (*crate::what_if::doc_team().inputs).clone()
    }

    fn schedule(inputs: ScheduleInputs) -> Schedule {
        Schedule::new(Arc::new(inputs))
    }

    fn ids(diff: &ScheduleDiff) -> Vec<String> {
        diff.weeks.iter().map(|w| w.after.week.id.to_string()).collect()
    }

    fn counts(diff: &ScheduleDiff, engineer: &str, year: i32) -> Vec<(Count, u32, u32)> {
        let change = diff.fairness.iter().find(|f| f.engineer == engineer && f.year == year);
        change.map_or(Vec::new(), |f| f.counts.iter().map(|c| (c.count, c.before, c.after)).collect())
    }

    #[test]
    fn identical_data_has_no_differences() {
        let diff = ScheduleDiff::compare(&schedule(team()), &schedule(team()), 0, 10);
        assert!(diff.is_empty());
        assert_eq!(diff.frames, None);
        let compared = diff.compared.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(compared, Some(("2026-W01".into(), "2026-W10".into())));
    }

    /// The doc team with Bob away on Wed 7 and Thu 8 Jan 2026, in his week 2026-W02.
    fn bob_on_leave() -> ScheduleInputs {
        let mut inputs = team();
        inputs.leave.push(Leave { engineer: "bob".into(), from: date(2026, 1, 7), to: date(2026, 1, 8), note: None });
        inputs
    }

    #[test]
    fn a_holiday_swap_changes_both_of_its_weeks_and_says_why() {
        let diff = ScheduleDiff::compare(&schedule(team()), &schedule(bob_on_leave()), 0, 10);
        // Bob's 2026-W02 goes to Alice, who gives him her 2026-W03.
        assert_eq!(ids(&diff), ["2026-W02", "2026-W03"]);
        let w02 = &diff.weeks[0];
        assert_eq!((w02.before.on_call.as_str(), w02.after.on_call.as_str()), ("bob", "alice"));
        let reason = "bob is on leave from Wed 7 Jan 2026 in 2026-W02: alice (backup) covers 2026-W02 \
                      and bob takes 2026-W03 in return";
        assert_eq!(w02.added_notes, [reason]);
        assert!(w02.dropped_notes.is_empty());
        // Each still holds the same weeks and hours; only the swap counts move.
        assert_eq!(counts(&diff, "bob", 2026), [(Count::SwapsGiven, 0, 1)]);
        assert_eq!(counts(&diff, "alice", 2026), [(Count::SwapsTaken, 0, 1)]);
        assert_eq!(diff.fairness.len(), 2);

        // Taking the leave out again is the same change the other way round.
        let undo = ScheduleDiff::compare(&schedule(bob_on_leave()), &schedule(team()), 0, 10);
        assert_eq!(ids(&undo), ["2026-W02", "2026-W03"]);
        assert_eq!(undo.weeks[0].dropped_notes, [reason]);
        assert!(undo.weeks[0].added_notes.is_empty());
    }

    #[test]
    fn a_cover_splits_its_week_and_moves_exactly_its_minutes() {
        let mut new = team();
        // 2026-W02 is Bob's; Alice covers 39 hours of it.
        new.covers.push(Cover {
            engineer: "alice".into(),
            from: minute(2026, 1, 7, 18, 0),
            to: minute(2026, 1, 9, 9, 0),
            note: None,
        });
        let diff = ScheduleDiff::compare(&schedule(team()), &schedule(new), 0, 10);
        assert_eq!(ids(&diff), ["2026-W02"]);
        let week = &diff.weeks[0];
        assert_eq!(week.before.on_call, week.after.on_call, "a cover does not change who holds the week");
        let who: Vec<&str> = week.after.stretches.iter().map(|s| s.engineer.as_str()).collect();
        assert_eq!(who, ["bob", "alice", "bob"]);
        assert_eq!(counts(&diff, "alice", 2026), [(Count::MinutesOnCall, 4 * 7 * 24 * 60, (4 * 7 * 24 + 39) * 60)]);
        assert_eq!(counts(&diff, "bob", 2026), [(Count::MinutesOnCall, 5 * 7 * 24 * 60, (5 * 7 * 24 - 39) * 60)]);
    }

    #[test]
    fn a_later_epoch_is_compared_from_its_first_week_by_name() {
        let mut later = team();
        // Starting a week later with the same order shifts everyone by one week.
        later.team.epoch = date(2026, 1, 5);
        let diff = ScheduleDiff::compare(&schedule(later), &schedule(team()), 0, 4);
        let (before, after) = diff.frames.expect("the frames differ");
        assert_eq!((before.epoch, after.epoch), (date(2026, 1, 5), date(2025, 12, 29)));
        let compared = diff.compared.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(compared, Some(("2026-W02".into(), "2026-W04".into())), "the old rotation has no 2026-W01");
        assert_eq!(ids(&diff), ["2026-W02", "2026-W03", "2026-W04"]);
        assert_eq!(diff.weeks[0].before.week.start, diff.weeks[0].after.week.start);
    }

    #[test]
    fn another_handoff_pairs_the_weeks_starting_in_the_same_iso_week() {
        let mut new = team();
        new.team.handoff.time = chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let diff = ScheduleDiff::compare(&schedule(team()), &schedule(new), 0, 3);
        assert!(diff.frames.is_some());
        // The same people, but every stretch moves by nine hours.
        assert_eq!(ids(&diff), ["2026-W01", "2026-W02", "2026-W03"]);
        assert!(diff.weeks.iter().all(|w| w.before.on_call == w.after.on_call));
        assert!(diff.fairness.is_empty(), "every week is still a week of the same length: {:?}", diff.fairness);
    }

    #[test]
    fn only_weeks_begun_by_now_have_started() {
        let diff = ScheduleDiff::compare(&schedule(team()), &schedule(bob_on_leave()), 0, 10);
        let started = |now: DateTime<Utc>| diff.started(now).map(|w| w.after.week.id.to_string()).collect::<Vec<_>>();
        // 2026-W02 starts Mon 5 Jan 2026 00:00 UTC, 2026-W03 a week later.
        assert!(started(Utc.with_ymd_and_hms(2026, 1, 4, 23, 59, 0).unwrap()).is_empty());
        assert_eq!(started(Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap()), ["2026-W02"]);
        assert_eq!(started(Utc.with_ymd_and_hms(2026, 1, 13, 0, 0, 0).unwrap()), ["2026-W02", "2026-W03"]);
    }
}
