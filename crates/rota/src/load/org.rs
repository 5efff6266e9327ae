//! Reading and validating an organisation's folder: `org.json`, `people.json`, an optional
//! `leave.json`, and one single-team folder per team under `teams/` (see
//! `docs/organisation.md`). Errors name the file and JSON pointer as for a single team.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Datelike, TimeZone, Utc};
use serde::Deserialize;

use super::{contacts::RawContact, load_team, InOrg, Known, LoadErrors, RawEngineer, RawLeave, Validator};
use crate::horizon::YEARS_AHEAD;
use crate::model::{Leave, TeamData};
use crate::org::{merge_elsewhere, on_call_elsewhere, OrgTeam, Organisation, Person};
use crate::Contact;

/// The file that makes a data folder an organisation.
pub const ORG_FILE: &str = "org.json";

/// Whether `dir` holds an organisation rather than a single team.
pub fn is_org_dir(dir: &Path) -> bool {
    dir.join(ORG_FILE).exists()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    name: String,
    teams: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    slug: String,
    name: String,
    #[serde(default)]
    contacts: Vec<RawContact>,
    #[serde(default)]
    contact: Option<String>,
}

/// Reads and validates the organisation in `dir`, as of the build instant (which bounds how
/// far ahead the teams' schedules are compared; see [`load_org_dir_at`]).
pub fn load_org_dir(dir: &Path) -> Result<Organisation, LoadErrors> {
    let now = crate::build_time::from_env().map_err(|reason| {
        LoadErrors(vec![super::DataError { file: dir.to_path_buf(), pointer: String::new(), reason }])
    })?;
    load_org_dir_at(dir, now)
}

/// Reads and validates the organisation in `dir`. A backup's other teams are looked at up to
/// the end of the year after the last year any page answers for at `now`.
pub fn load_org_dir_at(dir: &Path, now: DateTime<Utc>) -> Result<Organisation, LoadErrors> {
    let mut v = Validator { dir: dir.to_path_buf(), errors: Vec::new() };
    let org: Option<RawOrg> = v.read(ORG_FILE);
    let people: Option<Vec<RawPerson>> = v.read("people.json");
    let leave: Option<Vec<RawLeave>> = v.read_optional("leave.json");
    let (Some(org), Some(people), Some(leave)) = (org, people, leave) else {
        return Err(LoadErrors(v.errors));
    };
    if org.name.trim().is_empty() {
        v.error(ORG_FILE, "/name", "the organisation's name is empty");
    }
    if org.teams.is_empty() {
        v.error(ORG_FILE, "/teams", "no teams: list the folders under teams/ in display order");
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, slug) in org.teams.iter().enumerate() {
        let before = v.errors.len();
        v.slug(ORG_FILE, &format!("/teams/{i}"), slug, "team", &mut seen);
        if v.errors.len() == before && !dir.join("teams").join(slug).is_dir() {
            v.error(ORG_FILE, format!("/teams/{i}"), format!("there is no folder teams/{slug}/ for team \"{slug}\""));
        }
    }
    let people = v.people(people);
    let slugs: Vec<String> = people.keys().cloned().collect();
    let org_leave = v.leave(leave, &Known { engineers: &slugs, calendars: &[] });
    if !v.errors.is_empty() {
        return Err(LoadErrors(v.errors));
    }

    // First pass: each team with its own leave and the organisation's, to learn every
    // team's leave (a person's leave counts in all their teams).
    let team_dirs: Vec<_> = org.teams.iter().map(|slug| dir.join("teams").join(slug)).collect();
    let first: Vec<TeamData> = team_dirs
        .iter()
        .filter_map(|team_dir| {
            let in_org = InOrg { people: Some(&people), leave: org_leave.clone(), elsewhere: Vec::new() };
            load_team(team_dir, &in_org).map_err(|e| v.errors.extend(e.0)).ok()
        })
        .collect();
    if !v.errors.is_empty() {
        return Err(LoadErrors(v.errors));
    }
    let all_leave: Vec<&Leave> = first.iter().flat_map(|t| &t.inputs.leave).collect();
    let leave_of = |team: &TeamData| -> Vec<Leave> {
        let mut out: Vec<Leave> = Vec::new();
        for l in all_leave.iter().filter(|l| team.engineer(&l.engineer).is_some()) {
            if !out.contains(l) {
                out.push((*l).clone());
            }
        }
        out
    };
    let with_all_leave: Vec<TeamData> = first
        .iter()
        .map(|t| {
            let mut inputs = (*t.inputs).clone();
            inputs.leave = leave_of(t);
            TeamData { inputs: Arc::new(inputs), ..t.clone() }
        })
        .collect();
    let until = Utc.with_ymd_and_hms(now.year() + YEARS_AHEAD + 2, 1, 1, 0, 0, 0).single().unwrap_or(now);
    let refs: Vec<(&str, &TeamData)> = org.teams.iter().map(String::as_str).zip(&with_all_leave).collect();
    // A swap sees the other teams as their own data makes them, without this check, so no two
    // teams wait on each other.
    let elsewhere = on_call_elsewhere(&refs, DateTime::<Utc>::MIN_UTC, until);

    // Second pass: every team with everyone's leave and its backups' other teams, validated
    // again (a trade may no longer match once another team's leave moves a swap).
    let mut teams = Vec::new();
    for ((slug, team_dir), (team, elsewhere)) in
        org.teams.iter().zip(&team_dirs).zip(with_all_leave.iter().zip(elsewhere.clone()))
    {
        let in_org = InOrg { people: Some(&people), leave: team.inputs.leave.clone(), elsewhere };
        match load_team(team_dir, &in_org) {
            Ok(data) => teams.push(OrgTeam { slug: slug.clone(), data }),
            Err(e) => v.errors.extend(e.0),
        }
    }
    if !v.errors.is_empty() {
        return Err(LoadErrors(v.errors));
    }
    // A swap refused for a busy backup changes that team's real schedule, and so the clashes
    // the other teams see: each team also keeps the other teams' real stretches (see `Counts`).
    let refs: Vec<(&str, &TeamData)> = teams.iter().map(|t| (t.slug.as_str(), &t.data)).collect();
    let real = on_call_elsewhere(&refs, DateTime::<Utc>::MIN_UTC, until);
    for ((team, for_swaps), real) in teams.iter_mut().zip(elsewhere).zip(real) {
        let mut inputs = (*team.data.inputs).clone();
        inputs.elsewhere = merge_elsewhere(for_swaps, real);
        team.data.inputs = Arc::new(inputs);
    }
    v.unique_across_teams(&teams);
    if !v.errors.is_empty() {
        return Err(LoadErrors(v.errors));
    }
    let mut people: Vec<(usize, Person)> = people.into_values().collect();
    people.sort_by_key(|(i, _)| *i);
    Ok(Organisation { name: org.name, teams, people: people.into_iter().map(|(_, p)| p).collect() })
}

impl Validator {
    /// `people.json`, by slug, with each person's position in the file.
    fn people(&mut self, raw: Vec<RawPerson>) -> BTreeMap<String, (usize, Person)> {
        const F: &str = "people.json";
        let mut seen = std::collections::BTreeSet::new();
        let mut out = BTreeMap::new();
        for (i, p) in raw.into_iter().enumerate() {
            self.slug(F, &format!("/{i}/slug"), &p.slug, "person", &mut seen);
            if p.name.trim().is_empty() {
                self.error(F, format!("/{i}/name"), "the name is empty");
            }
            let contacts = self.contacts(F, &format!("/{i}/contacts"), &p.contacts);
            out.entry(p.slug.clone())
                .or_insert((i, Person { slug: p.slug, name: p.name, contacts, contact: p.contact }));
        }
        out
    }

    /// The person an engineer of a team is, from `people.json`; a name or contacts given in
    /// `team.json` too must be the same (one person, one definition).
    pub(super) fn person_of(
        &mut self,
        at: &str,
        e: &RawEngineer,
        contacts: Vec<Contact>,
        people: &BTreeMap<String, (usize, Person)>,
    ) -> Person {
        const F: &str = "team.json";
        let Some((i, person)) = people.get(&e.slug) else {
            self.error(
                F,
                format!("{at}/slug"),
                format!("{} is not in the organisation's people.json: define every person there once", e.slug),
            );
            return Person { slug: e.slug.clone(), name: e.name.clone().unwrap_or_default(), contacts, contact: None };
        };
        let differs = |what: &str, pointer: &str| {
            format!(
                "{what} differs from people.json {pointer} for {}: one person, one definition; leave it out here",
                e.slug
            )
        };
        if e.name.as_ref().is_some_and(|name| *name != person.name) {
            self.error(F, format!("{at}/name"), differs("the name", &format!("/{i}/name")));
        }
        if !e.contacts.is_empty() && contacts != person.contacts {
            self.error(F, format!("{at}/contacts"), differs("the contacts", &format!("/{i}/contacts")));
        }
        if e.contact.is_some() && e.contact != person.contact {
            self.error(F, format!("{at}/contact"), differs("the contact note", &format!("/{i}/contact")));
        }
        person.clone()
    }

    /// Pipeline (and so runbook) slugs are unique across the organisation: links to them have
    /// no team in them.
    fn unique_across_teams(&mut self, teams: &[OrgTeam]) {
        let mut first_team: BTreeMap<&str, &str> = BTreeMap::new();
        for team in teams {
            for (i, p) in team.data.pipelines.iter().enumerate() {
                match first_team.get(p.slug.as_str()) {
                    Some(other) => self.error(
                        &format!("teams/{}/pipelines.json", team.slug),
                        format!("/{i}/slug"),
                        format!(
                            "pipeline slug \"{}\" is also a pipeline of team \"{other}\" (teams/{other}/pipelines.json): pipeline slugs are unique across the organisation",
                            p.slug
                        ),
                    ),
                    None => {
                        first_team.insert(&p.slug, &team.slug);
                    }
                }
            }
        }
    }
}
