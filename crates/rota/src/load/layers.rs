//! Validation of a team's layers (`team.json`'s `primary_layer`, `layers` and `gaps`), and
//! the check of the layers together: gaps, overlaps and one person in two roles at once
//! ([`crate::layer_check`]).

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, WeekdaySet};
use chrono_tz::Tz;
use serde::Deserialize;

use super::{
    first_handoff_in_gap, parse_date, parse_time, parse_weekday, parse_zone, weekday_name, Known, Validator,
    HANDOFF_CHECK_YEARS,
};
use std::sync::Arc;

use crate::layer::{team_layers, GapPolicy, Layer, LayerChange, LayerLabel, LayerRole, LayerStretch, Layers};
use crate::layer_check::{coverage_findings, double_roles_in, CoverageFinding};
use crate::layer_list::layer_stretches;
use crate::stretch_list::ListedStretch;
use crate::{Coverage, Handoff, Schedule, ScheduleInputs, ShiftPattern};

const F: &str = "team.json";

/// The longest shift a layer may have: 8 weeks, or 56 days.
const MAX_SHIFT_DAYS: u32 = 56;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPrimaryLayer {
    #[serde(default)]
    slug: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    hours: Option<RawHours>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLayer {
    slug: String,
    name: String,
    role: String,
    rotation: Vec<String>,
    #[serde(default)]
    shift: Option<RawShift>,
    #[serde(default)]
    handoff: Option<RawLayerHandoff>,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    epoch: Option<String>,
    #[serde(default)]
    hours: Option<RawHours>,
    #[serde(default)]
    changes: Vec<RawLayerChange>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShift {
    #[serde(default)]
    days: Option<u32>,
    #[serde(default)]
    weeks: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayerHandoff {
    #[serde(default)]
    weekday: Option<String>,
    time: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHours {
    #[serde(default)]
    days: Option<Vec<String>>,
    from: String,
    to: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayerChange {
    from: String,
    rotation: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

/// What a layer falls back to: the team's own zone, handoff and epoch.
pub(super) struct TeamShape {
    pub zone: Tz,
    pub handoff: Handoff,
    pub epoch: NaiveDate,
}

impl Validator {
    pub(super) fn layers(
        &mut self,
        primary: Option<&RawPrimaryLayer>,
        others: &[RawLayer],
        gaps: Option<&str>,
        team: Option<&TeamShape>,
        known: &Known,
    ) -> Layers {
        let defaults = Layers::default();
        let primary = LayerLabel {
            slug: primary.and_then(|p| p.slug.clone()).unwrap_or(defaults.primary.slug),
            name: primary.and_then(|p| p.name.clone()).unwrap_or(defaults.primary.name),
            role: LayerRole::Primary,
            coverage: primary.and_then(|p| p.hours.as_ref()).and_then(|h| self.hours("/primary_layer/hours", h)),
        };
        let mut seen = std::collections::BTreeSet::new();
        self.slug(F, "/primary_layer/slug", &primary.slug, "layer", &mut seen);
        if primary.name.trim().is_empty() {
            self.error(F, "/primary_layer/name", "the layer's name is empty");
        }
        let others = others
            .iter()
            .enumerate()
            .filter_map(|(i, raw)| {
                self.slug(F, &format!("/layers/{i}/slug"), &raw.slug, "layer", &mut seen);
                self.layer(&format!("/layers/{i}"), raw, team?, known)
            })
            .collect();
        let gaps = match gaps {
            None | Some("error") => GapPolicy::Error,
            Some("warning") => GapPolicy::Warning,
            Some(other) => {
                self.error(F, "/gaps", format!("unknown gap policy \"{other}\" (use \"error\" or \"warning\")"));
                GapPolicy::Error
            }
        };
        Layers { primary, others, gaps }
    }

    fn layer(&mut self, at: &str, raw: &RawLayer, team: &TeamShape, known: &Known) -> Option<Layer> {
        if raw.name.trim().is_empty() {
            self.error(F, format!("{at}/name"), "the layer's name is empty");
        }
        let role = match LayerRole::from_name(&raw.role) {
            Some(role) => Some(role),
            None => {
                let reason = format!("unknown role \"{}\" (use \"primary\", \"secondary\" or \"shadow\")", raw.role);
                self.error(F, format!("{at}/role"), reason);
                None
            }
        };
        self.order(&format!("{at}/rotation"), &raw.rotation, known);
        let days = self.shift_days(at, raw.shift.as_ref());
        let zone = match &raw.time_zone {
            Some(name) => self.check(F, &format!("{at}/time_zone"), parse_zone(name)),
            None => Some(team.zone),
        };
        let epoch = match &raw.epoch {
            Some(text) => self.check(F, &format!("{at}/epoch"), parse_date(text)),
            None => Some(team.epoch),
        };
        let (weekday, time) = match &raw.handoff {
            Some(h) => {
                let weekday = match &h.weekday {
                    Some(name) => self.check(F, &format!("{at}/handoff/weekday"), parse_weekday(name)).map(Some),
                    None => Some(None),
                };
                (weekday, self.check(F, &format!("{at}/handoff/time"), parse_time(&h.time)))
            }
            None => (Some(Some(team.handoff.weekday)), Some(team.handoff.time)),
        };
        let coverage = raw.hours.as_ref().and_then(|h| self.hours(&format!("{at}/hours"), h));
        let (role, days, zone, epoch, weekday, time) = (role?, days?, zone?, epoch?, weekday?, time?);
        // A shift of whole weeks keeps its weekday; any other length moves it.
        let weekly = days % 7 == 0;
        match weekday {
            Some(weekday) if weekly && epoch.weekday() != weekday => self.error(
                F,
                format!("{at}/epoch"),
                format!(
                    "{epoch} is a {}, but the handoff is on {}",
                    weekday_name(epoch.weekday()),
                    weekday_name(weekday)
                ),
            ),
            Some(_) if !weekly && raw.handoff.as_ref().is_some_and(|h| h.weekday.is_some()) => self.error(
                F,
                format!("{at}/handoff/weekday"),
                format!("a shift of {days} days starts on a different weekday each time: leave out the weekday"),
            ),
            _ => {}
        }
        if let Some(date) = first_handoff_in_gap(zone, epoch, time, days) {
            self.error(
                F,
                format!("{at}/handoff/time"),
                format!(
                    "{} does not exist in {zone} on {date} (clocks skip it); choose a time outside the daylight-saving change",
                    time.format("%H:%M")
                ),
            );
        }
        let mut changes: Vec<LayerChange> = Vec::new();
        for (i, c) in raw.changes.iter().enumerate() {
            let here = format!("{at}/changes/{i}");
            self.order(&format!("{here}/rotation"), &c.rotation, known);
            let Some(from) = self.check(F, &format!("{here}/from"), parse_date(&c.from)) else { continue };
            let after = changes.last().map_or(epoch, |last| last.from);
            if from <= after {
                self.error(
                    F,
                    format!("{here}/from"),
                    format!("{from} is not after {after}: list changes in order, each after the layer starts"),
                );
            } else if weekly && from.weekday() != epoch.weekday() {
                self.error(
                    F,
                    format!("{here}/from"),
                    format!(
                        "{from} is a {}, but this layer hands over on {}",
                        weekday_name(from.weekday()),
                        weekday_name(epoch.weekday())
                    ),
                );
            }
            changes.push(LayerChange { from, rotation: c.rotation.clone(), note: c.note.clone() });
        }
        Some(Layer {
            slug: raw.slug.clone(),
            name: raw.name.clone(),
            role,
            pattern: ShiftPattern { zone, epoch, days, time },
            rotation: raw.rotation.clone(),
            changes,
            coverage,
        })
    }

    fn order(&mut self, at: &str, rotation: &[String], known: &Known) {
        if rotation.is_empty() {
            self.error(F, at, "the rotation is empty: list at least one engineer");
        }
        for (i, slug) in rotation.iter().enumerate() {
            self.check(F, &format!("{at}/{i}"), known.engineer(slug));
            if let Some(first) = rotation[..i].iter().position(|s| s == slug) {
                self.error(
                    F,
                    format!("{at}/{i}"),
                    format!("{slug} is already in this rotation at {at}/{first}: list each engineer once"),
                );
            }
        }
    }

    fn shift_days(&mut self, at: &str, shift: Option<&RawShift>) -> Option<u32> {
        let (days, pointer) = match shift {
            None => return Some(7),
            Some(RawShift { days: Some(days), weeks: None }) => (*days, format!("{at}/shift/days")),
            Some(RawShift { days: None, weeks: Some(weeks) }) => (weeks.saturating_mul(7), format!("{at}/shift/weeks")),
            Some(_) => {
                self.error(F, format!("{at}/shift"), "give the shift's length as either \"days\" or \"weeks\"");
                return None;
            }
        };
        if !(1..=MAX_SHIFT_DAYS).contains(&days) {
            self.error(F, pointer, format!("a shift must be 1 to {MAX_SHIFT_DAYS} days (8 weeks) long"));
            return None;
        }
        Some(days)
    }

    fn hours(&mut self, at: &str, raw: &RawHours) -> Option<Coverage> {
        let from = self.check(F, &format!("{at}/from"), parse_time(&raw.from));
        let to = self.check(F, &format!("{at}/to"), parse_time(&raw.to));
        let mut days = WeekdaySet::EMPTY;
        match &raw.days {
            None => days = WeekdaySet::ALL,
            Some(names) => {
                if names.is_empty() {
                    self.error(F, format!("{at}/days"), "no days: list the days these hours are covered");
                }
                for (i, name) in names.iter().enumerate() {
                    let Some(day) = self.check(F, &format!("{at}/days/{i}"), parse_weekday(name)) else { continue };
                    if !days.insert(day) {
                        self.error(F, format!("{at}/days/{i}"), format!("{name} is listed twice"));
                    }
                }
            }
        }
        let (from, to) = (from?, to?);
        if from == to {
            self.error(
                F,
                format!("{at}/to"),
                "the hours start and end at the same time: leave out \"hours\" for around the clock",
            );
            return None;
        }
        Some(Coverage { days, from, to })
    }

    /// Gaps (errors, or warnings when the team says so) and double roles (errors) of the
    /// team's layers over the years the handoff is checked for. Overlaps are warnings
    /// ([`layer_warnings`]).
    pub(super) fn layer_findings(&mut self, inputs: &ScheduleInputs) {
        if inputs.team.layers.others.is_empty() && inputs.team.layers.primary.coverage.is_none() {
            return; // One layer around the clock: nothing to check.
        }
        let layers = team_layers(inputs);
        let (from, to) = check_range(&layers);
        if inputs.team.layers.gaps == GapPolicy::Error {
            let gaps: Vec<CoverageFinding> =
                coverage_findings(&layers, from, to).into_iter().filter(CoverageFinding::is_gap).collect();
            let advice = "set \"gaps\": \"warning\" if the team means it";
            if let Some(message) = summarise(&gaps, |_| "nobody is primary on call".into(), advice) {
                self.error(F, "/layers", message);
            }
        }
        // As the weeks resolve: a holiday swap may hand someone a week of one role while they
        // hold the other.
        let schedule = Schedule::new(Arc::new(inputs.clone()));
        let resolved: Vec<Vec<ListedStretch>> =
            (0..layers.len()).map(|i| layer_stretches(&schedule, &layers, i, from, to)).collect();
        let stretches: Vec<(LayerRole, Vec<LayerStretch>)> = layers
            .iter()
            .zip(&resolved)
            .map(|(l, list)| {
                let list = list
                    .iter()
                    .map(|s| LayerStretch { person: &s.engineer, from: s.start.to_utc(), to: s.end.to_utc() })
                    .collect();
                (l.role, list)
            })
            .collect();
        let doubles = double_roles_in(&stretches);
        if let Some(first) = doubles.first() {
            let more = match doubles.len() - 1 {
                0 => String::new(),
                n => format!(" (and {n} more times)"),
            };
            self.error(
                F,
                format!("/layers/{}", first.secondary - 1),
                format!(
                    "{} is {} and {} at once, {}{more}: nobody is left to escalate to",
                    first.person,
                    layers[first.primary].name,
                    layers[first.secondary].name,
                    span(first.from, first.to),
                ),
            );
        }
    }
}

/// Overlaps of the primary layers, and gaps when the team lets them be warnings: messages for
/// `team.json`'s `/layers`.
pub fn layer_warnings(inputs: &ScheduleInputs) -> Vec<String> {
    if inputs.team.layers.others.is_empty() && inputs.team.layers.primary.coverage.is_none() {
        return Vec::new();
    }
    let layers = team_layers(inputs);
    let (from, to) = check_range(&layers);
    let (gaps, overlaps): (Vec<CoverageFinding>, Vec<CoverageFinding>) =
        coverage_findings(&layers, from, to).into_iter().partition(CoverageFinding::is_gap);
    let mut out = Vec::new();
    if inputs.team.layers.gaps == GapPolicy::Warning {
        out.extend(summarise(
            &gaps,
            |_| "nobody is primary on call".into(),
            "the team's \"gaps\" makes this a warning",
        ));
    }
    let overlap = |f: &CoverageFinding| {
        let names: Vec<&str> = f.layers.iter().map(|&i| layers[i].name.as_str()).collect();
        let all = if names.len() == 2 { "both" } else { "all" };
        format!("{} are {all} primary on call", names.join(" and "))
    };
    out.extend(summarise(&overlaps, overlap, "two people are paged first"));
    out
}

/// From the first handoff of any layer, for the years the handoff time is checked.
fn check_range(layers: &[Layer]) -> (DateTime<Utc>, DateTime<Utc>) {
    let from = layers.iter().map(|l| l.pattern.handoff_on(l.pattern.epoch).to_utc()).min().unwrap_or_default();
    (from, from + Duration::days(365 * HANDOFF_CHECK_YEARS))
}

/// "<what> from A to B UTC, and N more times, the last <what> from C to D UTC; <advice>",
/// for the first and last finding.
fn summarise(findings: &[CoverageFinding], what: impl Fn(&CoverageFinding) -> String, advice: &str) -> Option<String> {
    let first = findings.first()?;
    let last = &findings[findings.len() - 1];
    let more = match findings.len() {
        1 => String::new(),
        n => format!(", and {} more times, the last: {} {}", n - 1, what(last), span(last.from, last.to)),
    };
    Some(format!("{} {}{more}; {advice}", what(first), span(first.from, first.to)))
}

fn span(from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    format!("from {} to {} UTC", from.format("%Y-%m-%d %H:%M"), to.format("%Y-%m-%d %H:%M"))
}
