//! The team's data after validation: every reference resolves, every date and zone parsed.
//!
//! These types are plain data (no I/O, no signals). They are built either by
//! [`crate::load`] from the JSON folder or by the Rust source that [`crate::codegen`]
//! emits for embedding, so the browser never parses JSON.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::layer::Layers;
use crate::{Contact, Reminder, WeekId};

/// Everything the site is computed from: the schedule's inputs and the content around them.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamData {
    /// Shared with every [`Schedule`](crate::Schedule) built from it, so a schedule owns what
    /// it computes from without copying the content.
    pub inputs: Arc<ScheduleInputs>,
    pub pipelines: Vec<Pipeline>,
    pub runbooks: Vec<Runbook>,
}

/// What the on-call schedule is computed from, and nothing else: a what-if preview copies
/// this (a few kilobytes), never the runbooks.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleInputs {
    pub team: Team,
    pub engineers: Vec<Engineer>,
    pub calendars: Vec<HolidayCalendar>,
    pub leave: Vec<Leave>,
    pub decisions: Vec<Decision>,
    /// Sorted by week, each later than the epoch's week.
    pub roster_changes: Vec<RosterChange>,
    pub covers: Vec<Cover>,
    pub trades: Vec<Trade>,
    /// When this team's engineers are on call for other teams of the organisation (empty for
    /// a single team): a holiday swap may not hand a week to a backup who is busy elsewhere,
    /// and a stretch on call here and there at once is a clash (see [`Counts`]).
    pub elsewhere: Vec<OnCallElsewhere>,
}

/// What a stretch on call for another team counts for. A holiday swap looks at the other
/// teams as their own data makes them, without this check (so no two teams wait on each
/// other); clashes are with their real schedules, where a swap of theirs may have been refused
/// for the same reason. The two differ only around such refusals, so most stretches count for
/// both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counts {
    SwapsAndClashes,
    /// In the other team's schedule before its own swaps were checked against other teams,
    /// not in its real one.
    SwapsOnly,
    /// In the other team's real schedule only.
    ClashesOnly,
}

impl Counts {
    pub fn for_swaps(self) -> bool {
        self != Counts::ClashesOnly
    }

    pub fn for_clashes(self) -> bool {
        self != Counts::SwapsOnly
    }
}

/// An engineer on call for another team of the organisation, from `from` to `to`, in one
/// week of that team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnCallElsewhere {
    pub engineer: String,
    /// The other team's name, as its pages show it.
    pub team: String,
    /// The other team's slug (its path on the site).
    pub team_slug: String,
    /// The other team's position in the organisation's order.
    pub team_index: usize,
    /// The other team's week this stretch is in.
    pub week: WeekId,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub name: String,
    pub time_zone: Tz,
    pub handoff: Handoff,
    /// Week 0 of the rotation starts at the handoff on this date.
    pub epoch: NaiveDate,
    /// Engineer slugs; week k belongs to `rotation[k % rotation.len()]` until the first
    /// [`RosterChange`].
    pub rotation: Vec<String>,
    /// Calendar used by engineers who do not name their own.
    pub calendar: Option<String>,
    /// Alerts before each stretch in the personal calendar feeds, in the data's order; none unless
    /// the team asks (see [`crate::ics::person_feed`]).
    pub reminders: Vec<Reminder>,
    /// Ways to reach the team as a whole (a chat channel, a phone bridge), offered wherever an
    /// engineer has no contact of their own, so nobody at 3 a.m. is left with nothing to try.
    pub fallback_contacts: Vec<Contact>,
    /// How the rotation above appears as a layer, and the layers beside it.
    pub layers: Layers,
}

/// When one on-call week hands over to the next, in the team's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handoff {
    pub weekday: Weekday,
    pub time: NaiveTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engineer {
    pub slug: String,
    pub name: String,
    /// How to reach them, in the order to try.
    pub contacts: Vec<Contact>,
    /// Free text from the older `contact` field, still accepted and shown as a note.
    pub contact: Option<String>,
    /// Holiday calendar slug; `None` means the team calendar.
    pub calendar: Option<String>,
    /// Who covers a holiday week. Resolved at validation: explicit in the data, or the
    /// secondary owner of the pipelines this engineer is primary for.
    pub backup: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    Investor,
    Experiments,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pipeline {
    pub slug: String,
    pub name: String,
    pub area: String,
    pub audience: Audience,
    pub primary: String,
    pub secondary: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Runbook {
    /// Slug of the pipeline this runbook is for; also the runbook's own slug.
    pub pipeline: String,
    pub summary: String,
    pub failure_points: Vec<FailurePoint>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailurePoint {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Optional: words and short phrases an alert or a person would use for what they see
    /// ("doubled", "stale"), so search finds the failure point from the symptom. Short, so
    /// the site embeds them with the titles.
    pub symptoms: Vec<String>,
    /// Optional: what to look at to recognise this failure.
    pub signals: Vec<String>,
    /// Optional: what to check first.
    pub first_checks: Vec<String>,
}

/// A named set of holiday rules that yields holidays for any year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayCalendar {
    pub slug: String,
    pub name: String,
    pub rules: Vec<HolidayRule>,
    pub one_off: Vec<OneOffHoliday>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayRule {
    pub name: String,
    pub date: HolidayDate,
    /// Shift a Saturday holiday to Friday and a Sunday holiday to Monday.
    pub observed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayDate {
    /// The same month and day every year.
    Fixed { month: u32, day: u32 },
    /// The `n`th (1-based) `weekday` of `month`.
    NthWeekday { month: u32, weekday: Weekday, n: u8 },
    /// The last `weekday` of `month`.
    LastWeekday { month: u32, weekday: Weekday },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOffHoliday {
    pub date: NaiveDate,
    pub name: String,
}

/// An engineer away from `from` to `to`, both dates included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leave {
    pub engineer: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub note: Option<String>,
}

/// A holiday swap the team declined: the scheduled engineer keeps `week`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub week: WeekId,
    pub note: Option<String>,
}

/// From week `from` on, the rotation is `rotation`: its first engineer takes `from`, then the
/// list in order. Weeks before `from` are never affected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterChange {
    pub from: WeekId,
    pub rotation: Vec<String>,
    pub note: Option<String>,
}

/// `engineer` is on call from `from` to `to` (wall-clock times in the team's zone) instead of
/// whoever the week gives it to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    pub engineer: String,
    pub from: NaiveDateTime,
    pub to: NaiveDateTime,
    pub note: Option<String>,
}

/// Two engineers exchange two whole weeks: `engineers[0]`, on call in `weeks[0]`, takes
/// `weeks[1]` from `engineers[1]`, who takes `weeks[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trade {
    pub weeks: [WeekId; 2],
    pub engineers: [String; 2],
    pub note: Option<String>,
}

impl TeamData {
    pub fn engineer(&self, slug: &str) -> Option<&Engineer> {
        self.inputs.engineer(slug)
    }

    /// An engineer's display name (the slug itself if nobody has it).
    pub fn name_of<'s>(&'s self, slug: &'s str) -> &'s str {
        self.inputs.name_of(slug)
    }

    pub fn pipeline(&self, slug: &str) -> Option<&Pipeline> {
        self.pipelines.iter().find(|p| p.slug == slug)
    }

    pub fn runbook(&self, pipeline_slug: &str) -> Option<&Runbook> {
        self.runbooks.iter().find(|r| r.pipeline == pipeline_slug)
    }
}

impl ScheduleInputs {
    pub fn engineer(&self, slug: &str) -> Option<&Engineer> {
        self.engineers.iter().find(|e| e.slug == slug)
    }

    /// An engineer's display name (the slug itself if nobody has it).
    pub fn name_of<'s>(&'s self, slug: &'s str) -> &'s str {
        self.engineer(slug).map_or(slug, |e| e.name.as_str())
    }

    pub fn calendar(&self, slug: &str) -> Option<&HolidayCalendar> {
        self.calendars.iter().find(|c| c.slug == slug)
    }

    /// The holiday calendar that applies to an engineer (their own, else the team's).
    pub fn calendar_of(&self, engineer: &Engineer) -> Option<&HolidayCalendar> {
        engineer.calendar.as_deref().or(self.team.calendar.as_deref()).and_then(|slug| self.calendar(slug))
    }
}
