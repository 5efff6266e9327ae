//! Data that is valid but probably not what the team meant: printed by the build (as cargo
//! warnings) and by `rota check`, without stopping either.
//!
//! Errors ([`crate::load::DataError`]) are for data that cannot be right; a warning is for data
//! a team may mean, e.g. an engineer kept in `engineers` but left out of the rotation (a manager,
//! or someone who moved on) or a declined swap that no longer exists.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, TimeZone, Utc};

use crate::org::clashes;
use crate::{Organisation, Schedule, TeamData};

/// One doubtful value: where it is and what looks wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub file: PathBuf,
    /// JSON pointer (RFC 6901) of the value the warning is about.
    pub pointer: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file.display(), self.pointer, self.message)
    }
}

/// The warnings about `data`, validated from the folder `dir` (whose file names they give).
/// Pointers index the JSON files, which list engineers and decisions in the order `data` does.
pub fn warnings(dir: &Path, data: &TeamData) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut warn = |file: &str, pointer: String, message: String| {
        out.push(Warning { file: dir.join(file), pointer, message });
    };
    let inputs = &data.inputs;
    // In the first order or any later one: someone who joins with a roster change is on call.
    let layers = &inputs.team.layers.others;
    let ever_in_rotation = |slug: &String| {
        inputs.team.rotation.contains(slug)
            || inputs.roster_changes.iter().any(|c| c.rotation.contains(slug))
            || layers.iter().any(|l| l.rotation.contains(slug) || l.changes.iter().any(|c| c.rotation.contains(slug)))
    };
    for (i, engineer) in inputs.engineers.iter().enumerate() {
        if !ever_in_rotation(&engineer.slug) {
            warn(
                "team.json",
                format!("/engineers/{i}"),
                format!(
                    "{} is not in the rotation, so never on call; add them to /rotation if they should be",
                    engineer.slug
                ),
            );
        }
    }
    // The pages say only "No contact on file": where to add the contacts is said here, to the
    // people who edit the data, not to whoever is on call.
    for (i, engineer) in inputs.engineers.iter().enumerate() {
        if engineer.contacts.is_empty() && engineer.contact.is_none() {
            let message = if inputs.team.fallback_contacts.is_empty() {
                format!(
                    "{} has no contacts: pages say \"No contact on file\"; add them under /engineers/{i}/contacts (or give the team /fallback_contacts)",
                    engineer.slug
                )
            } else {
                format!(
                    "{} has no contacts: pages offer the team's /fallback_contacts instead; add theirs under /engineers/{i}/contacts",
                    engineer.slug
                )
            };
            warn("team.json", format!("/engineers/{i}"), message);
        }
    }
    for message in crate::load::layer_warnings(inputs) {
        warn("team.json", "/layers".into(), message);
    }
    let schedule = Schedule::new(inputs.clone());
    for (i, decision) in inputs.decisions.iter().enumerate() {
        // A keep that takes effect always leaves its week with a conflict ("declined by the
        // team"); a week without one had no swap to decline.
        let Some(week) = schedule.by_id(decision.week).filter(|w| w.conflict.is_none()) else { continue };
        let message = match &week.swap {
            Some(swap) => format!(
                "{} is the return week of the swap for {}, which a keep cannot decline; to decline that swap, keep {}",
                decision.week, swap.with_week, swap.with_week
            ),
            None => format!(
                "{} has no holiday swap to decline ({} is on call as scheduled), so this keep changes nothing",
                decision.week,
                data.name_of(&week.on_call)
            ),
        };
        warn("decisions.json", format!("/{i}/week"), message);
    }
    out
}

/// The warnings about an organisation validated from `dir`: each team's (file names under
/// `teams/<slug>/`), then every clash from `now` to the end of the last year the site answers
/// for, one per pair of overlapping stretches, at the person's entry in `people.json`. Clashes
/// are warnings, not errors: some organisations allow one person to hold two teams at once.
pub fn org_warnings(dir: &Path, org: &Organisation, now: DateTime<Utc>) -> Vec<Warning> {
    let mut out: Vec<Warning> =
        org.teams.iter().flat_map(|t| warnings(&dir.join("teams").join(&t.slug), &t.data)).collect();
    let until =
        Utc.with_ymd_and_hms(now.year() + crate::horizon::YEARS_AHEAD + 1, 1, 1, 0, 0, 0).single().unwrap_or(now);
    for clash in clashes(&org.schedules(), now, until) {
        let position = org.people.iter().position(|p| p.slug == clash.person).unwrap_or(0);
        out.push(Warning {
            file: dir.join("people.json"),
            pointer: format!("/{position}"),
            message: clash.describe(org),
        });
    }
    out
}
