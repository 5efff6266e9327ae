//! Validation of how the team changes over time: roster changes, covers and trades. Each file
//! is optional (a missing file means none), so data folders from before they existed still
//! build.

use std::sync::Arc;

use serde::Deserialize;

use super::{Known, Validator};
use crate::cover::{check_cover, format_local_minute, parse_local_minute};
use crate::{Cover, RosterChange, Schedule, ScheduleInputs, Trade, WeekId};

pub const ROSTER_CHANGES: &str = "roster-changes.json";
pub const COVERS: &str = "covers.json";
pub const TRADES: &str = "trades.json";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRosterChange {
    from: String,
    rotation: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCover {
    engineer: String,
    from: String,
    to: String,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTrade {
    weeks: [String; 2],
    engineers: [String; 2],
    #[serde(default)]
    note: Option<String>,
}

fn parse_week(text: &str) -> Result<WeekId, String> {
    text.parse::<WeekId>().map_err(|e| e.to_string())
}

impl Validator {
    pub(super) fn roster_changes(
        &mut self,
        raw: Vec<RawRosterChange>,
        first_week: Option<WeekId>,
        known: &Known,
    ) -> Vec<RosterChange> {
        const F: &str = ROSTER_CHANGES;
        let mut out: Vec<RosterChange> = Vec::new();
        for (i, c) in raw.into_iter().enumerate() {
            let Some(from) = self.check(F, &format!("/{i}/from"), parse_week(&c.from)) else { continue };
            if let Some(first) = first_week.filter(|first| from <= *first) {
                self.error(
                    F,
                    format!("/{i}/from"),
                    format!("{from} is not after the rotation's first week {first}: change \"rotation\" in team.json instead"),
                );
            }
            if let Some(previous) = out.last().filter(|p| p.from >= from) {
                self.error(
                    F,
                    format!("/{i}/from"),
                    format!(
                        "{from} is not after the previous change ({}): list changes in order, one per week",
                        previous.from
                    ),
                );
            }
            self.rotation_list(F, &format!("/{i}/rotation"), &c.rotation, known);
            out.push(RosterChange { from, rotation: c.rotation, note: c.note });
        }
        out
    }

    pub(super) fn covers(&mut self, raw: Vec<RawCover>, inputs: &ScheduleInputs, known: &Known) -> Vec<Cover> {
        const F: &str = COVERS;
        let mut out: Vec<(usize, Cover)> = Vec::new();
        for (i, c) in raw.into_iter().enumerate() {
            let engineer = self.check(F, &format!("/{i}/engineer"), known.engineer(&c.engineer));
            let from = self.check(F, &format!("/{i}/from"), parse_local_minute(&c.from));
            let to = self.check(F, &format!("/{i}/to"), parse_local_minute(&c.to));
            let (Some(()), Some(from), Some(to)) = (engineer, from, to) else { continue };
            let cover = Cover { engineer: c.engineer, from, to, note: c.note };
            if let Err((field, reason)) = check_cover(&cover, inputs) {
                self.error(F, format!("/{i}/{field}"), reason);
                continue;
            }
            let zone = inputs.team.time_zone;
            let (start, end) = cover.instants(zone);
            if let Some((j, other)) = out.iter().find(|(_, o)| {
                let (s, e) = o.instants(zone);
                s < end && start < e
            }) {
                self.error(
                    F,
                    format!("/{i}/from"),
                    format!(
                        "overlaps the cover at /{j} ({} from {} to {}): one person is on call at a time; shorten one of them",
                        other.engineer,
                        format_local_minute(other.from),
                        format_local_minute(other.to),
                    ),
                );
                continue;
            }
            out.push((i, cover));
        }
        out.into_iter().map(|(_, c)| c).collect()
    }

    /// Trades must name the engineers actually on call in their weeks (after swaps), so a
    /// trade never silently exchanges other people's weeks.
    pub(super) fn trades(&mut self, raw: Vec<RawTrade>, inputs: &ScheduleInputs, known: &Known) -> Vec<Trade> {
        const F: &str = TRADES;
        let schedule = Schedule::new(Arc::new(inputs.clone()));
        let first_week = schedule.rotation().week(0).id;
        let mut used: Vec<(WeekId, usize)> = Vec::new();
        let mut out = Vec::new();
        for (i, t) in raw.into_iter().enumerate() {
            let mut ok = true;
            let mut weeks = [first_week; 2];
            for (k, slot) in weeks.iter_mut().enumerate() {
                let at = format!("/{i}/weeks/{k}");
                match self.check(F, &at, parse_week(&t.weeks[k])) {
                    Some(week) if week < first_week => {
                        self.error(F, at, format!("{week} is before the rotation starts ({first_week})"));
                        ok = false;
                    }
                    Some(week) => {
                        if let Some((_, j)) = used.iter().find(|(w, _)| *w == week) {
                            self.error(F, at, format!("{week} is already traded at /{j}: a week can be traded once"));
                            ok = false;
                        }
                        *slot = week;
                    }
                    None => ok = false,
                }
                ok &= self.check(F, &format!("/{i}/engineers/{k}"), known.engineer(&t.engineers[k])).is_some();
            }
            if ok && weeks[0] == weeks[1] {
                self.error(F, format!("/{i}/weeks/1"), "a trade exchanges two different weeks");
                ok = false;
            }
            if ok && t.engineers[0] == t.engineers[1] {
                self.error(F, format!("/{i}/engineers/1"), "a trade is between two different engineers");
                ok = false;
            }
            if !ok {
                continue;
            }
            for (k, week) in weeks.iter().enumerate() {
                let on_call = schedule.by_id(*week).map(|w| w.on_call).unwrap_or_default();
                if on_call != t.engineers[k] {
                    self.error(
                        F,
                        format!("/{i}/engineers/{k}"),
                        format!(
                            "{} is not on call in {} ({} is, swaps applied): a trade exchanges the weeks its engineers hold",
                            t.engineers[k], week, on_call
                        ),
                    );
                    ok = false;
                }
            }
            if ok {
                used.extend([(weeks[0], i), (weeks[1], i)]);
                out.push(Trade { weeks, engineers: t.engineers, note: t.note });
            }
        }
        out
    }

    /// A rotation order: not empty, known engineers, each once.
    pub(super) fn rotation_list(&mut self, file: &str, pointer: &str, rotation: &[String], known: &Known) {
        if rotation.is_empty() {
            self.error(file, pointer, "the rotation is empty: list at least one engineer");
        }
        for (i, slug) in rotation.iter().enumerate() {
            if self.check(file, &format!("{pointer}/{i}"), known.engineer(slug)).is_none() {
                continue;
            }
            if let Some(first) = rotation[..i].iter().position(|s| s == slug) {
                self.error(
                    file,
                    format!("{pointer}/{i}"),
                    format!(
                        "{slug} is listed twice (also at {pointer}/{first}): each engineer takes one turn per round"
                    ),
                );
            }
        }
    }
}
