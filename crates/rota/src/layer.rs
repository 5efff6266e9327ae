//! Layers: the rotations a team runs side by side, each with its own shift length, handoff,
//! time zone, order and (optionally) hours of coverage — a primary and a secondary, a daily
//! layer, a fortnightly one, the regions of a follow-the-sun team, a shadow.
//!
//! Shift `k` of a layer starts at its handoff time on the local date `epoch + k × days`
//! ([`crate::shift`]) and belongs to `rotation[k mod n]`. A [`LayerChange`] starts a new
//! order at the handoff on its date: the shift in progress ends there (a fortnight cut to
//! one week, say), and the new order's first person takes the next shift, counted from the
//! change. A change never reaches back: everything before its date is as without it.
//!
//! A layer with [`Coverage`] is on call only inside its windows; its shifts still say who
//! holds the windows that fall in them. A [`LayerRole::Shadow`] layer is on the schedule but
//! never counts as on call.
//!
//! ```
//! use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
//! use rota::layer::{Layer, LayerRole};
//! let daily = Layer {
//!     slug: "primary".into(),
//!     name: "Primary".into(),
//!     role: LayerRole::Primary,
//!     pattern: rota::shift::ShiftPattern {
//!         zone: chrono_tz::America::New_York,
//!         epoch: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
//!         days: 1,
//!         time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
//!     },
//!     rotation: vec!["alice".into(), "bob".into(), "carol".into()],
//!     changes: vec![],
//!     coverage: None,
//! };
//! let at = |d, h| Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap();
//! assert_eq!(daily.on_call_at(at(2, 13)), None); // before the first handoff (09:00 EST)
//! assert_eq!(daily.on_call_at(at(2, 14)), Some("alice"));
//! assert_eq!(daily.on_call_at(at(4, 14)), Some("carol"));
//! assert_eq!(daily.on_call_at(at(5, 14)), Some("alice"));
//! ```

use chrono::{DateTime, NaiveDate, Utc};

use crate::coverage::Coverage;
use crate::rotation::Rotation;
use crate::shift::ShiftPattern;
use crate::ScheduleInputs;

/// A team's layers as its data gives them: its own rotation (`team.json`'s `rotation`,
/// weekly, with holiday swaps, trades and covers) is the first, named by `primary`; the
/// `others` run beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Layers {
    pub primary: LayerLabel,
    pub others: Vec<Layer>,
    pub gaps: GapPolicy,
}

impl Default for Layers {
    /// One layer, the team's rotation, around the clock: every team before layers existed.
    fn default() -> Layers {
        Layers {
            primary: LayerLabel {
                slug: "primary".into(),
                name: "Primary".into(),
                role: LayerRole::Primary,
                coverage: None,
            },
            others: Vec::new(),
            gaps: GapPolicy::Error,
        }
    }
}

/// How the team's own rotation appears as a layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerLabel {
    pub slug: String,
    pub name: String,
    /// Primary for a team's data; another layer's role when its weeks are resolved with
    /// holiday swaps ([`Layer::schedule_inputs`]).
    pub role: LayerRole,
    /// Its hours, when it is one region of a follow-the-sun team.
    pub coverage: Option<Coverage>,
}

/// What an instant no primary layer covers is to the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapPolicy {
    /// The data is rejected: nobody would be paged.
    Error,
    /// Reported, not rejected: the team knows (e.g. nobody is paged at weekends).
    Warning,
}

/// Every layer of the team, its own rotation first (roster changes as changes of order).
pub fn team_layers(inputs: &ScheduleInputs) -> Vec<Layer> {
    let team = &inputs.team;
    let rotation = Rotation::new(inputs);
    let primary = Layer {
        slug: team.layers.primary.slug.clone(),
        name: team.layers.primary.name.clone(),
        role: team.layers.primary.role,
        pattern: rotation.pattern(),
        rotation: team.rotation.clone(),
        changes: rotation
            .changes()
            .filter_map(|(week, change)| {
                Some(LayerChange {
                    from: rotation.start_date(week)?,
                    rotation: change.rotation.clone(),
                    note: change.note.clone(),
                })
            })
            .collect(),
        coverage: team.layers.primary.coverage,
    };
    std::iter::once(primary).chain(team.layers.others.iter().cloned()).collect()
}

/// What a layer's person is at the instants the layer covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LayerRole {
    /// Paged first. Several primary layers with hours of coverage make a follow-the-sun
    /// team; together they must cover every instant.
    Primary,
    /// Paged when the primary does not answer.
    Secondary,
    /// Learning: on the schedule and in their feed, never counted as on call.
    Shadow,
}

impl LayerRole {
    pub const ALL: [LayerRole; 3] = [LayerRole::Primary, LayerRole::Secondary, LayerRole::Shadow];

    /// The word `team.json`, the team file, the API and the pages use: "primary", "secondary",
    /// "shadow".
    pub fn name(self) -> &'static str {
        match self {
            LayerRole::Primary => "primary",
            LayerRole::Secondary => "secondary",
            LayerRole::Shadow => "shadow",
        }
    }

    /// The role named `name` (see [`LayerRole::name`]).
    pub fn from_name(name: &str) -> Option<LayerRole> {
        LayerRole::ALL.into_iter().find(|role| role.name() == name)
    }

    /// Whether the layer's people count as on call (in fairness and clash checks).
    pub fn is_on_call(self) -> bool {
        self != LayerRole::Shadow
    }
}

/// One rotation of a team; see the module docs.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub slug: String,
    pub name: String,
    pub role: LayerRole,
    /// Shift length, handoff time and zone, and the date of shift 0.
    pub pattern: ShiftPattern,
    /// Slugs in order: shift `k` belongs to `rotation[k mod n]` until the first change.
    pub rotation: Vec<String>,
    /// New orders, by date, each later than the one before and than the epoch.
    pub changes: Vec<LayerChange>,
    /// Hours covered; `None` is around the clock.
    pub coverage: Option<Coverage>,
}

/// From the handoff on `from` on, the layer's order is `rotation`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerChange {
    pub from: NaiveDate,
    pub rotation: Vec<String>,
    /// Why, in the data's words.
    pub note: Option<String>,
}

/// A stretch of a layer held by one person: a whole shift, or the part of a shift inside a
/// window of coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayerStretch<'a> {
    pub person: &'a str,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// The shifts of one order: from its first handoff until the next change's (if any).
#[derive(Debug, Clone, Copy)]
struct Segment<'a> {
    pattern: ShiftPattern,
    order: &'a [String],
    end: Option<DateTime<Utc>>,
}

impl<'a> Segment<'a> {
    fn start(&self) -> DateTime<Utc> {
        self.pattern.handoff_on(self.pattern.epoch).to_utc()
    }

    /// Shift `k`, cut at the segment's end.
    fn shift(&self, k: u32) -> Option<LayerStretch<'a>> {
        let (start, end) = self.pattern.bounds(k)?;
        let to = self.end.map_or(end.to_utc(), |cut| cut.min(end.to_utc()));
        let person = self.order.get(k as usize % self.order.len().max(1)).map_or("", String::as_str);
        Some(LayerStretch { person, from: start.to_utc(), to })
    }
}

impl Layer {
    fn segments(&self) -> Vec<Segment<'_>> {
        let starts = std::iter::once((self.pattern.epoch, &self.rotation[..]))
            .chain(self.changes.iter().map(|c| (c.from, &c.rotation[..])));
        let mut segments: Vec<Segment<'_>> = starts
            .map(|(epoch, order)| Segment { pattern: ShiftPattern { epoch, ..self.pattern }, order, end: None })
            .collect();
        for i in 1..segments.len() {
            let next = segments[i].start();
            segments[i - 1].end = Some(next);
        }
        segments
    }

    /// The shift containing `instant` (whether or not its hours cover it); `None` before the
    /// first handoff.
    pub fn shift_at(&self, instant: DateTime<Utc>) -> Option<LayerStretch<'_>> {
        let segment = self.segments().into_iter().rev().find(|s| s.start() <= instant)?;
        let k = segment.pattern.index_at(instant)?;
        segment.shift(k)
    }

    /// Who this layer has on call at `instant`: the shift's holder, inside the hours of
    /// coverage.
    pub fn on_call_at(&self, instant: DateTime<Utc>) -> Option<&str> {
        let shift = self.shift_at(instant)?;
        let covered = self
            .coverage
            .is_none_or(|c| !c.windows(self.pattern.zone, instant, instant + chrono::Duration::seconds(1)).is_empty());
        covered.then_some(shift.person)
    }

    /// The shifts overlapping `[from, to)`, in order, clipped to it.
    pub fn shifts(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<LayerStretch<'_>> {
        let mut out = Vec::new();
        for segment in self.segments() {
            if segment.end.is_some_and(|end| end <= from) || segment.start() >= to {
                continue;
            }
            let mut k = segment.pattern.index_at(from).unwrap_or(0);
            while let Some(shift) = segment.shift(k) {
                if shift.from >= to || shift.from >= shift.to {
                    break;
                }
                out.push(LayerStretch { from: shift.from.max(from), to: shift.to.min(to), ..shift });
                k += 1;
            }
        }
        out
    }

    /// For a layer of whole weeks: the team's inputs with this layer as its rotation, so its
    /// weeks get holiday swaps (with the same holidays, leave and backups) like the team's
    /// own, and its swaps look at the team's other layers (the team's rotation among them).
    /// `None` for other shift lengths, whose shifts are not weeks.
    pub fn schedule_inputs(&self, team: &ScheduleInputs) -> Option<ScheduleInputs> {
        if self.pattern.days != 7 {
            return None;
        }
        let mut inputs = team.clone();
        let others = team_layers(team).into_iter().filter(|l| l.slug != self.slug).collect();
        let t = &mut inputs.team;
        t.time_zone = self.pattern.zone;
        t.epoch = self.pattern.epoch;
        t.handoff = crate::Handoff { weekday: chrono::Datelike::weekday(&self.pattern.epoch), time: self.pattern.time };
        t.rotation = self.rotation.clone();
        t.layers = Layers {
            primary: LayerLabel {
                slug: self.slug.clone(),
                name: self.name.clone(),
                role: self.role,
                coverage: self.coverage,
            },
            others,
            gaps: t.layers.gaps,
        };
        inputs.roster_changes = self
            .changes
            .iter()
            .map(|c| crate::RosterChange {
                from: crate::WeekId::of(c.from),
                rotation: c.rotation.clone(),
                note: c.note.clone(),
            })
            .collect();
        // Decisions, covers and trades name the team rotation's weeks.
        (inputs.decisions, inputs.covers, inputs.trades) = (Vec::new(), Vec::new(), Vec::new());
        Some(inputs)
    }

    /// Who holds this layer's stretches in `[from, to)`, each once, in the order they first
    /// do (a schedule row's line for the layer).
    pub fn people_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<&str> {
        let mut people: Vec<&str> = Vec::new();
        for s in self.stretches(from, to) {
            if !people.contains(&s.person) {
                people.push(s.person);
            }
        }
        people
    }

    /// The stretches this layer covers in `[from, to)`: its shifts, cut to its hours of
    /// coverage.
    pub fn stretches(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<LayerStretch<'_>> {
        let shifts = self.shifts(from, to);
        let Some(coverage) = self.coverage else { return shifts };
        let windows = coverage.windows(self.pattern.zone, from, to);
        let mut out = Vec::new();
        let mut w = 0;
        for shift in shifts {
            while w < windows.len() && windows[w].1 <= shift.from {
                w += 1;
            }
            for &(open, close) in windows[w..].iter().take_while(|(open, _)| *open < shift.to) {
                let (a, b) = (open.max(shift.from), close.min(shift.to));
                if a < b {
                    out.push(LayerStretch { from: a, to: b, ..shift });
                }
            }
        }
        out
    }
}
