//! Reading and validating the team's data folder.
//!
//! Every problem is reported with the file, the JSON pointer of the offending value and a reason
//! a person can act on, e.g.
//! `data/pipelines.json: /3/secondary: unknown engineer "dianna" (known: alice, bob, charlie, diana)`.
//! All problems are collected, not just the first, so one build shows everything to fix.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{Datelike, LocalResult, NaiveDate, NaiveTime, TimeZone, Weekday};
use chrono_tz::Tz;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::model::*;
use crate::org::Person;
use crate::shape::has_shape;
use crate::WeekId;

mod changes;
mod contacts;
mod layers;
mod org;
mod reminders;

pub use layers::layer_warnings;
pub use org::{is_org_dir, load_org_dir, load_org_dir_at, ORG_FILE};

/// The files of a data folder, in the order they are read.
pub const DATA_FILES: [&str; 6] =
    ["team.json", "pipelines.json", "runbooks.json", "holidays.json", "leave.json", "decisions.json"];

/// Files a data folder may leave out (none of what they record happened yet).
pub const OPTIONAL_DATA_FILES: [&str; 3] = [changes::ROSTER_CHANGES, changes::COVERS, changes::TRADES];

/// One problem in the data: where it is and why it is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: PathBuf,
    /// JSON pointer (RFC 6901) of the value at fault; empty for the whole file.
    pub pointer: String,
    pub reason: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() { "/" } else { &self.pointer };
        write!(f, "{}: {}: {}", self.file.display(), pointer, self.reason)
    }
}

/// Every problem found in a data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadErrors(pub Vec<DataError>);

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// Reads and validates a data folder of either kind: an organisation when it has `org.json`.
pub fn load_any(dir: &Path) -> Result<crate::SiteData, LoadErrors> {
    if is_org_dir(dir) {
        load_org_dir(dir).map(crate::SiteData::Org)
    } else {
        load_dir(dir).map(crate::SiteData::Team)
    }
}

/// Reads `dir`'s JSON files and validates them into [`TeamData`].
pub fn load_dir(dir: &Path) -> Result<TeamData, LoadErrors> {
    load_team(dir, &InOrg::default())
}

/// What a team folder of an organisation takes from the rest of it.
#[derive(Default)]
struct InOrg<'a> {
    /// Everyone, by slug, with their position in `people.json`; `None` for a single team.
    people: Option<&'a BTreeMap<String, (usize, Person)>>,
    /// Leave of this team's engineers recorded elsewhere in the organisation.
    leave: Vec<Leave>,
    elsewhere: Vec<OnCallElsewhere>,
}

fn load_team(dir: &Path, org: &InOrg) -> Result<TeamData, LoadErrors> {
    let mut v = Validator { dir: dir.to_path_buf(), errors: Vec::new() };
    let team: Option<RawTeam> = v.read("team.json");
    let pipelines: Option<Vec<RawPipeline>> = v.read("pipelines.json");
    let runbooks: Option<Vec<RawRunbook>> = v.read("runbooks.json");
    let calendars: Option<Vec<RawCalendar>> = v.read("holidays.json");
    let leave: Option<Vec<RawLeave>> = v.read("leave.json");
    let decisions: Option<Vec<RawDecision>> = v.read("decisions.json");
    let roster_changes: Option<Vec<changes::RawRosterChange>> = v.read_optional(changes::ROSTER_CHANGES);
    let covers: Option<Vec<changes::RawCover>> = v.read_optional(changes::COVERS);
    let trades: Option<Vec<changes::RawTrade>> = v.read_optional(changes::TRADES);
    let (Some(team), Some(pipelines), Some(runbooks), Some(calendars), Some(leave), Some(decisions)) =
        (team, pipelines, runbooks, calendars, leave, decisions)
    else {
        return Err(LoadErrors(v.errors));
    };
    let (Some(roster_changes), Some(covers), Some(trades)) = (roster_changes, covers, trades) else {
        return Err(LoadErrors(v.errors));
    };

    let calendars = v.calendars(calendars);
    let calendar_slug_list: Vec<String> = calendars.iter().map(|c| c.slug.clone()).collect();
    let calendar_slugs: Vec<&str> = calendar_slug_list.iter().map(String::as_str).collect();
    let engineer_slugs: Vec<String> = team.engineers.iter().map(|e| e.slug.clone()).collect();
    let known = Known { engineers: &engineer_slugs, calendars: &calendar_slugs };
    let pipelines = v.pipelines(pipelines, &known);
    let team_data_team = v.team(&team, &known);
    let engineers = v.engineers(&team.engineers, &pipelines, &known, org.people);
    let runbooks = v.runbooks(runbooks, &pipelines);
    let mut leave = v.leave(leave, &known);
    for l in &org.leave {
        if !leave.contains(l) {
            leave.push(l.clone());
        }
    }
    let decisions = v.decisions(decisions, team_data_team.as_ref().map(|t| t.epoch));
    let roster_changes = v.roster_changes(roster_changes, team_data_team.as_ref().map(|t| WeekId::of(t.epoch)), &known);

    // Covers and trades are checked against the schedule, so only once everything it is
    // computed from is valid.
    let Some(team) = team_data_team.filter(|_| v.errors.is_empty()) else {
        return Err(LoadErrors(v.errors));
    };
    let mut inputs = ScheduleInputs {
        team,
        engineers,
        calendars,
        leave,
        decisions,
        roster_changes,
        covers: Vec::new(),
        trades: Vec::new(),
        elsewhere: org.elsewhere.clone(),
    };
    inputs.covers = v.covers(covers, &inputs, &known);
    inputs.trades = v.trades(trades, &inputs, &known);
    v.layer_findings(&inputs);
    if !v.errors.is_empty() {
        return Err(LoadErrors(v.errors));
    }
    Ok(TeamData { inputs: std::sync::Arc::new(inputs), pipelines, runbooks })
}

// ---- raw shapes of the JSON files -------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTeam {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    name: String,
    time_zone: String,
    handoff: RawHandoff,
    epoch: String,
    #[serde(default)]
    calendar: Option<String>,
    rotation: Vec<String>,
    engineers: Vec<RawEngineer>,
    #[serde(default)]
    reminders: Vec<String>,
    #[serde(default)]
    fallback_contacts: Vec<contacts::RawContact>,
    #[serde(default)]
    primary_layer: Option<layers::RawPrimaryLayer>,
    #[serde(default)]
    layers: Vec<layers::RawLayer>,
    #[serde(default)]
    gaps: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHandoff {
    weekday: String,
    time: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEngineer {
    slug: String,
    /// Required for a single team; in an organisation, `people.json` has it.
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    contacts: Vec<contacts::RawContact>,
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    calendar: Option<String>,
    #[serde(default)]
    backup: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPipeline {
    slug: String,
    name: String,
    area: String,
    audience: String,
    primary: String,
    secondary: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRunbook {
    pipeline: String,
    summary: String,
    failure_points: Vec<RawFailurePoint>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFailurePoint {
    slug: String,
    title: String,
    description: String,
    #[serde(default)]
    symptoms: Vec<String>,
    #[serde(default)]
    signals: Vec<String>,
    #[serde(default)]
    first_checks: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    slug: String,
    name: String,
    #[serde(default)]
    rules: Vec<RawRule>,
    #[serde(default)]
    one_off: Vec<RawOneOff>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: String,
    month: u32,
    #[serde(default)]
    day: Option<u32>,
    #[serde(default)]
    weekday: Option<String>,
    #[serde(default)]
    nth: Option<RawNth>,
    #[serde(default)]
    observed: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawNth {
    // Any integer, so that e.g. 300 or -1 is reported as out of range rather than as
    // "data did not match any variant"; `Other` catches every other JSON value the same way.
    Number(i64),
    Word(String),
    Other(serde_json::Value),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOneOff {
    date: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLeave {
    engineer: String,
    from: String,
    to: String,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    week: String,
    decision: String,
    #[serde(default)]
    note: Option<String>,
}

// ---- validation ---------------------------------------------------------------------------------

struct Known<'a> {
    engineers: &'a [String],
    calendars: &'a [&'a str],
}

impl Known<'_> {
    fn engineer(&self, slug: &str) -> Result<(), String> {
        if self.engineers.iter().any(|e| e == slug) {
            Ok(())
        } else {
            Err(format!("unknown engineer \"{slug}\" (known: {})", self.engineers.join(", ")))
        }
    }

    fn calendar(&self, slug: &str) -> Result<(), String> {
        if self.calendars.contains(&slug) {
            Ok(())
        } else {
            Err(format!("unknown holiday calendar \"{slug}\" (known: {})", self.calendars.join(", ")))
        }
    }
}

struct Validator {
    dir: PathBuf,
    errors: Vec<DataError>,
}

/// The longest symptom: a short phrase such as "growth too high", not a sentence.
const MAX_SYMPTOM_CHARS: usize = 40;

/// How far ahead the handoff time is checked against daylight-saving gaps.
const HANDOFF_CHECK_YEARS: i64 = 30;

impl Validator {
    fn error(&mut self, file: &str, pointer: impl Into<String>, reason: impl Into<String>) {
        self.errors.push(DataError { file: self.dir.join(file), pointer: pointer.into(), reason: reason.into() });
    }

    /// Records `result`'s error at `pointer` and passes its value on.
    fn check<T>(&mut self, file: &str, pointer: &str, result: Result<T, String>) -> Option<T> {
        result.map_err(|reason| self.error(file, pointer, reason)).ok()
    }

    /// Like [`Validator::read`], with a missing file meaning the empty value.
    fn read_optional<T: DeserializeOwned + Default>(&mut self, file: &str) -> Option<T> {
        if self.dir.join(file).exists() {
            self.read(file)
        } else {
            Some(T::default())
        }
    }

    fn read<T: DeserializeOwned>(&mut self, file: &str) -> Option<T> {
        let text = match std::fs::read_to_string(self.dir.join(file)) {
            Ok(text) => text,
            Err(e) => {
                self.error(file, "", format!("cannot read the file: {e}"));
                return None;
            }
        };
        let de = &mut serde_json::Deserializer::from_str(&text);
        match serde_path_to_error::deserialize(de) {
            Ok(value) => Some(value),
            Err(e) => {
                let pointer = json_pointer(e.path());
                let inner = e.into_inner();
                let reason = if inner.is_data() {
                    strip_position(&inner.to_string())
                } else {
                    format!("not valid JSON: {inner}")
                };
                self.error(file, pointer, reason);
                None
            }
        }
    }

    fn team(&mut self, raw: &RawTeam, known: &Known) -> Option<Team> {
        const F: &str = "team.json";
        if raw.name.trim().is_empty() {
            self.error(F, "/name", "the team name is empty");
        }
        let zone = self.check(F, "/time_zone", parse_zone(&raw.time_zone));
        let weekday = self.check(F, "/handoff/weekday", parse_weekday(&raw.handoff.weekday));
        let time = self.check(F, "/handoff/time", parse_time(&raw.handoff.time));
        let epoch = self.check(F, "/epoch", parse_date(&raw.epoch));
        if raw.rotation.is_empty() {
            self.error(F, "/rotation", "the rotation is empty: list at least one engineer");
        }
        for (i, slug) in raw.rotation.iter().enumerate() {
            self.check(F, &format!("/rotation/{i}"), known.engineer(slug));
            // A repeated slug is a typo that silently gives one engineer double duty.
            if let Some(first) = raw.rotation[..i].iter().position(|s| s == slug) {
                self.error(
                    F,
                    format!("/rotation/{i}"),
                    format!("{slug} is already in the rotation at /rotation/{first}: list each engineer once"),
                );
            }
        }
        if let Some(calendar) = &raw.calendar {
            self.check(F, "/calendar", known.calendar(calendar));
        }
        if let (Some(epoch), Some(weekday)) = (epoch, weekday) {
            if epoch.weekday() != weekday {
                self.error(
                    F,
                    "/epoch",
                    format!(
                        "{epoch} is a {}, but the handoff is on {}",
                        weekday_name(epoch.weekday()),
                        weekday_name(weekday)
                    ),
                );
            }
        }
        let reminders = self.reminders(F, "/reminders", &raw.reminders);
        let fallback_contacts = self.contacts(F, "/fallback_contacts", &raw.fallback_contacts);
        let shape = match (zone, weekday, time, epoch) {
            (Some(zone), Some(weekday), Some(time), Some(epoch)) => {
                Some(layers::TeamShape { zone, handoff: Handoff { weekday, time }, epoch })
            }
            _ => None,
        };
        let layers = self.layers(raw.primary_layer.as_ref(), &raw.layers, raw.gaps.as_deref(), shape.as_ref(), known);
        let (zone, weekday, time, epoch) = (zone?, weekday?, time?, epoch?);
        if let Some(date) = first_handoff_in_gap(zone, epoch, time, 7) {
            self.error(
                F,
                "/handoff/time",
                format!(
                    "{} on {} does not exist in {zone} on {date} (clocks skip it); choose a time outside the daylight-saving change",
                    raw.handoff.time,
                    weekday_name(weekday)
                ),
            );
        }
        Some(Team {
            name: raw.name.clone(),
            time_zone: zone,
            handoff: Handoff { weekday, time },
            epoch,
            rotation: raw.rotation.clone(),
            calendar: raw.calendar.clone(),
            reminders,
            fallback_contacts,
            layers,
        })
    }

    fn engineers(
        &mut self,
        raw: &[RawEngineer],
        pipelines: &[Pipeline],
        known: &Known,
        people: Option<&BTreeMap<String, (usize, Person)>>,
    ) -> Vec<Engineer> {
        const F: &str = "team.json";
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, e) in raw.iter().enumerate() {
            let at = format!("/engineers/{i}");
            self.slug(F, &format!("{at}/slug"), &e.slug, "engineer", &mut seen);
            match &e.name {
                Some(name) if name.trim().is_empty() => self.error(F, format!("{at}/name"), "the name is empty"),
                None if people.is_none() => self.error(F, at.clone(), "missing field `name`"),
                _ => {}
            }
            if let Some(calendar) = &e.calendar {
                self.check(F, &format!("{at}/calendar"), known.calendar(calendar));
            }
            let backup = match &e.backup {
                Some(backup) => {
                    let ok = self.check(F, &format!("{at}/backup"), known.engineer(backup)).is_some();
                    if backup == &e.slug {
                        self.error(F, format!("{at}/backup"), format!("{} cannot be their own backup", e.slug));
                    }
                    ok.then(|| backup.clone())
                }
                None => self.check(F, &format!("{at}/backup"), default_backup(&e.slug, pipelines)),
            };
            let contacts = self.contacts(F, &format!("{at}/contacts"), &e.contacts);
            let person = match people {
                None => Person {
                    slug: e.slug.clone(),
                    name: e.name.clone().unwrap_or_default(),
                    contacts,
                    contact: e.contact.clone(),
                },
                Some(people) => self.person_of(&at, e, contacts, people),
            };
            out.push(Engineer {
                slug: e.slug.clone(),
                name: person.name,
                contacts: person.contacts,
                contact: person.contact,
                calendar: e.calendar.clone(),
                backup: backup.unwrap_or_default(),
            });
        }
        out
    }

    fn pipelines(&mut self, raw: Vec<RawPipeline>, known: &Known) -> Vec<Pipeline> {
        const F: &str = "pipelines.json";
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, p) in raw.into_iter().enumerate() {
            self.slug(F, &format!("/{i}/slug"), &p.slug, "pipeline", &mut seen);
            if p.name.trim().is_empty() {
                self.error(F, format!("/{i}/name"), "the name is empty");
            }
            let audience = match p.audience.as_str() {
                "investor" => Some(Audience::Investor),
                "experiments" => Some(Audience::Experiments),
                other => {
                    self.error(
                        F,
                        format!("/{i}/audience"),
                        format!("unknown audience \"{other}\" (known: investor, experiments)"),
                    );
                    None
                }
            };
            self.check(F, &format!("/{i}/primary"), known.engineer(&p.primary));
            self.check(F, &format!("/{i}/secondary"), known.engineer(&p.secondary));
            if p.primary == p.secondary {
                self.error(
                    F,
                    format!("/{i}/secondary"),
                    format!("the secondary owner must differ from the primary owner ({})", p.primary),
                );
            }
            out.push(Pipeline {
                slug: p.slug,
                name: p.name,
                area: p.area,
                audience: audience.unwrap_or(Audience::Experiments),
                primary: p.primary,
                secondary: p.secondary,
                description: p.description,
            });
        }
        out
    }

    fn runbooks(&mut self, raw: Vec<RawRunbook>, pipelines: &[Pipeline]) -> Vec<Runbook> {
        const F: &str = "runbooks.json";
        let known: Vec<&str> = pipelines.iter().map(|p| p.slug.as_str()).collect();
        let mut seen_pipelines = BTreeSet::new();
        let mut out = Vec::new();
        for (i, r) in raw.into_iter().enumerate() {
            if !known.contains(&r.pipeline.as_str()) {
                self.error(
                    F,
                    format!("/{i}/pipeline"),
                    format!("unknown pipeline \"{}\" (known: {})", r.pipeline, known.join(", ")),
                );
            } else if !seen_pipelines.insert(r.pipeline.clone()) {
                self.error(
                    F,
                    format!("/{i}/pipeline"),
                    format!("a second runbook for \"{}\": keep one per pipeline", r.pipeline),
                );
            }
            let mut seen = BTreeSet::new();
            let mut failure_points = Vec::new();
            for (j, fp) in r.failure_points.into_iter().enumerate() {
                self.slug(F, &format!("/{i}/failure_points/{j}/slug"), &fp.slug, "failure point", &mut seen);
                if fp.title.trim().is_empty() {
                    self.error(F, format!("/{i}/failure_points/{j}/title"), "the title is empty");
                }
                self.symptoms(F, &format!("/{i}/failure_points/{j}/symptoms"), &fp.symptoms);
                failure_points.push(FailurePoint {
                    slug: fp.slug,
                    title: fp.title,
                    description: fp.description,
                    symptoms: fp.symptoms,
                    signals: fp.signals,
                    first_checks: fp.first_checks,
                });
            }
            out.push(Runbook { pipeline: r.pipeline, summary: r.summary, failure_points });
        }
        out
    }

    /// Symptoms are what search matches an alert's words against and what a card lists: each
    /// a word or short phrase on one line, listed once.
    fn symptoms(&mut self, file: &str, at: &str, symptoms: &[String]) {
        for (k, symptom) in symptoms.iter().enumerate() {
            let pointer = format!("{at}/{k}");
            let first = symptoms[..k].iter().position(|s| s.trim().to_lowercase() == symptom.trim().to_lowercase());
            if symptom.trim().is_empty() {
                self.error(file, pointer, "the symptom is empty: write a word or short phrase (e.g. \"doubled\")");
            } else if symptom.contains(['\n', '\r']) || symptom.chars().count() > MAX_SYMPTOM_CHARS {
                self.error(
                    file,
                    pointer,
                    format!("\"{symptom}\" is not a short phrase: keep a symptom to one line of at most {MAX_SYMPTOM_CHARS} characters, and describe it in \"signals\""),
                );
            } else if let Some(first) = first {
                self.error(
                    file,
                    pointer,
                    format!("\"{symptom}\" is already listed at {at}/{first}: list each symptom once"),
                );
            }
        }
    }

    fn calendars(&mut self, raw: Vec<RawCalendar>) -> Vec<HolidayCalendar> {
        const F: &str = "holidays.json";
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, c) in raw.into_iter().enumerate() {
            self.slug(F, &format!("/{i}/slug"), &c.slug, "holiday calendar", &mut seen);
            if c.name.trim().is_empty() {
                self.error(F, format!("/{i}/name"), "the name is empty");
            }
            let rules = c
                .rules
                .into_iter()
                .enumerate()
                .filter_map(|(j, rule)| {
                    let at = format!("/{i}/rules/{j}");
                    if rule.name.trim().is_empty() {
                        self.error(F, format!("{at}/name"), "the name is empty");
                    }
                    let date = parse_rule_date(&rule)
                        .map_err(|(field, reason)| self.error(F, format!("{at}{}", field.pointer()), reason))
                        .ok()?;
                    Some(HolidayRule { name: rule.name, date, observed: rule.observed })
                })
                .collect();
            let one_off = c
                .one_off
                .into_iter()
                .enumerate()
                .filter_map(|(j, o)| {
                    if o.name.trim().is_empty() {
                        self.error(F, format!("/{i}/one_off/{j}/name"), "the name is empty");
                    }
                    let date = self.check(F, &format!("/{i}/one_off/{j}/date"), parse_date(&o.date))?;
                    Some(OneOffHoliday { date, name: o.name })
                })
                .collect();
            out.push(HolidayCalendar { slug: c.slug, name: c.name, rules, one_off });
        }
        out
    }

    fn leave(&mut self, raw: Vec<RawLeave>, known: &Known) -> Vec<Leave> {
        const F: &str = "leave.json";
        let mut out = Vec::new();
        for (i, l) in raw.into_iter().enumerate() {
            self.check(F, &format!("/{i}/engineer"), known.engineer(&l.engineer));
            let from = self.check(F, &format!("/{i}/from"), parse_date(&l.from));
            let to = self.check(F, &format!("/{i}/to"), parse_date(&l.to));
            let (Some(from), Some(to)) = (from, to) else { continue };
            if to < from {
                self.error(F, format!("/{i}/to"), format!("leave ends ({to}) before it starts ({from})"));
                continue;
            }
            out.push(Leave { engineer: l.engineer, from, to, note: l.note });
        }
        out
    }

    fn decisions(&mut self, raw: Vec<RawDecision>, epoch: Option<NaiveDate>) -> Vec<Decision> {
        const F: &str = "decisions.json";
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, d) in raw.into_iter().enumerate() {
            if d.decision != "keep" {
                self.error(F, format!("/{i}/decision"), format!("unknown decision \"{}\" (known: keep)", d.decision));
            }
            let Some(week) = self.check(F, &format!("/{i}/week"), d.week.parse::<WeekId>().map_err(|e| e.to_string()))
            else {
                continue;
            };
            if epoch.is_some_and(|epoch| week < WeekId::of(epoch)) {
                self.error(F, format!("/{i}/week"), format!("{week} is before the rotation starts"));
            }
            if !seen.insert(week) {
                self.error(F, format!("/{i}/week"), format!("{week} is listed twice"));
            }
            out.push(Decision { week, note: d.note });
        }
        out
    }

    /// Checks that `slug` is URL-safe and unique among `seen`.
    fn slug(&mut self, file: &str, pointer: &str, slug: &str, what: &str, seen: &mut BTreeSet<String>) {
        if !is_url_safe_slug(slug) {
            self.error(
                file,
                pointer,
                format!("{what} slug \"{slug}\" is not URL-safe: use lowercase letters, digits and single hyphens (e.g. \"aggregate-profit\")"),
            );
        } else if !seen.insert(slug.to_string()) {
            self.error(file, pointer, format!("duplicate {what} slug \"{slug}\""));
        }
    }
}

/// The backup of an engineer who names none: the secondary owner of the pipelines they lead.
fn default_backup(slug: &str, pipelines: &[Pipeline]) -> Result<String, String> {
    let mut secondaries: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for p in pipelines.iter().filter(|p| p.primary == slug) {
        secondaries.entry(&p.secondary).or_default().push(&p.slug);
    }
    match secondaries.len() {
        1 => Ok(secondaries.keys().next().map(|s| s.to_string()).unwrap_or_default()),
        0 => Err(format!(
            "{slug} has no backup: they are primary owner of no pipeline, so set \"backup\" to an engineer's slug"
        )),
        _ => {
            let list: Vec<String> =
                secondaries.iter().map(|(who, pipes)| format!("{who} ({})", pipes.join(", "))).collect();
            Err(format!(
                "{slug}'s backup is ambiguous: the secondary owners of their pipelines are {}; set \"backup\" explicitly",
                list.join(" and ")
            ))
        }
    }
}

/// The member of a holiday rule that a problem is about; `Whole` when no single one is.
enum RuleField {
    Whole,
    Month,
    Day,
    Weekday,
    Nth,
    Observed,
}

impl RuleField {
    fn pointer(&self) -> &'static str {
        match self {
            RuleField::Whole => "",
            RuleField::Month => "/month",
            RuleField::Day => "/day",
            RuleField::Weekday => "/weekday",
            RuleField::Nth => "/nth",
            RuleField::Observed => "/observed",
        }
    }
}

fn parse_rule_date(rule: &RawRule) -> Result<HolidayDate, (RuleField, String)> {
    if !(1..=12).contains(&rule.month) {
        return Err((RuleField::Month, format!("month {} is not between 1 and 12", rule.month)));
    }
    let month = rule.month;
    match (&rule.day, &rule.weekday, &rule.nth) {
        (Some(day), None, None) => {
            // 2024 is a leap year: a day that does not exist in it exists in no year.
            match NaiveDate::from_ymd_opt(2024, month, *day) {
                None => Err((RuleField::Day, format!("day {day} does not exist in month {month}"))),
                Some(_) if month == 2 && *day == 29 => {
                    Err((RuleField::Day, "29 February does not exist every year; use one_off dates".into()))
                }
                Some(_) => Ok(HolidayDate::Fixed { month, day: *day }),
            }
        }
        (None, Some(weekday), Some(nth)) => {
            if rule.observed {
                return Err((
                    RuleField::Observed,
                    "\"observed\" applies only to fixed dates (a weekday rule never falls on a weekend)".into(),
                ));
            }
            let weekday = parse_weekday(weekday).map_err(|reason| (RuleField::Weekday, reason))?;
            let nth_error = |reason| Err((RuleField::Nth, reason));
            match nth {
                RawNth::Number(n @ 1..=5) => Ok(HolidayDate::NthWeekday { month, weekday, n: *n as u8 }),
                RawNth::Word(w) if w == "last" => Ok(HolidayDate::LastWeekday { month, weekday }),
                RawNth::Number(n) => nth_error(format!("nth {n} is not between 1 and 5 (or \"last\")")),
                RawNth::Word(w) => nth_error(format!("nth \"{w}\" is not a number from 1 to 5 or \"last\"")),
                RawNth::Other(v) => nth_error(format!("nth {v} is not a number from 1 to 5 or \"last\"")),
            }
        }
        _ => Err((
            RuleField::Whole,
            "a rule needs either \"day\", or \"weekday\" with \"nth\" (a number 1-5 or \"last\")".into(),
        )),
    }
}

fn parse_zone(name: &str) -> Result<Tz, String> {
    Tz::from_str(name).map_err(|_| format!("unknown IANA time zone \"{name}\" (e.g. \"America/New_York\")"))
}

fn parse_weekday(name: &str) -> Result<Weekday, String> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, w)| *w)
        .ok_or_else(|| format!("unknown weekday \"{name}\" (use lowercase English: monday … sunday)"))
}

fn weekday_name(weekday: Weekday) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        [weekday.num_days_from_monday() as usize]
}

fn parse_time(text: &str) -> Result<NaiveTime, String> {
    // The shape is checked first: chrono alone would also accept e.g. " 9:00" or "09: 5".
    let valid = has_shape(text, "00:00");
    valid
        .then(|| NaiveTime::parse_from_str(text, "%H:%M").ok())
        .flatten()
        .ok_or_else(|| format!("\"{text}\" is not a time of day as HH:MM (24-hour, e.g. \"09:00\")"))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    // The shape is checked first: chrono alone would also accept e.g. "2025- 1-01" or "+2025-1-29".
    let valid = has_shape(text, "0000-00-00");
    valid
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("\"{text}\" is not a date as YYYY-MM-DD"))
}

/// The first handoff date (every `days` from `epoch`) whose local handoff time falls in a
/// daylight-saving gap.
fn first_handoff_in_gap(zone: Tz, epoch: NaiveDate, time: NaiveTime, days: u32) -> Option<NaiveDate> {
    (0..HANDOFF_CHECK_YEARS * 366 / i64::from(days.max(1)))
        .map(|k| epoch + chrono::Duration::days(k * i64::from(days)))
        .find(|date| matches!(zone.from_local_datetime(&date.and_time(time)), LocalResult::None))
}

/// Lowercase ASCII letters and digits in hyphen-separated groups.
pub fn is_url_safe_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(format!("/{index}")),
            Segment::Map { key } => Some(format!("/{}", key.replace('~', "~0").replace('/', "~1"))),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// serde_json appends " at line L column C"; the pointer already says where.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}
