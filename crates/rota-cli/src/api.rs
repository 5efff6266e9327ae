//! `rota api`: the static JSON API the build publishes under `api/v1/` — the schedule as
//! stretches, the pipelines with their owners and links, the team — each next to its JSON
//! Schema, so bots and scripts ask a file instead of scraping pages.
//!
//! Everything is as of the build instant (`SOURCE_DATE_EPOCH`, as for the calendar feeds): the
//! schedule reaches [`WEEKS_BEFORE`] weeks back and [`WEEKS_AFTER`] weeks ahead of the build's
//! week, and every file says so in `horizon`, so a reader knows when the build has run dry.

use std::path::Path;

use chrono::{DateTime, Utc};
use rota::layer::team_layers;
use rota::layer_list::layer_stretch_list;
use rota::stretch_list::{stretches, weeks_around, ListedStretch};
use rota::{Audience, Organisation, Schedule, TeamData};
use serde::Serialize;

use crate::terminal::say;

/// How far back `schedule.json` reaches: as far as the calendar feeds.
pub const WEEKS_BEFORE: u32 = rota::ics::WEEKS_BEFORE;
/// How far ahead: two years, so a weekly or even monthly rebuild never leaves a gap.
pub const WEEKS_AFTER: u32 = 104;

/// The schemas, published next to the files they describe.
const SCHEMAS: [(&str, &str); 3] = [
    ("schedule.schema.json", include_str!("../schema/api/schedule.schema.json")),
    ("pipelines.schema.json", include_str!("../schema/api/pipelines.schema.json")),
    ("team.schema.json", include_str!("../schema/api/team.schema.json")),
];

/// The schema of an organisation's `teams.json`, published next to it (with [`SCHEMAS`], which
/// the teams' files follow).
const TEAMS_SCHEMA: (&str, &str) = ("teams.schema.json", include_str!("../schema/api/teams.schema.json"));

/// Writes `out/api/v1/*.json` for the site published at `public_url`.
pub fn write(data: &TeamData, out: &Path, public_url: &str) -> Result<(), String> {
    let built_at = rota::build_time::from_env()?;
    let base = rota::base_path(public_url);
    let site = Site::new(data, built_at, public_url, format!("{base}/calendar/team.ics"));
    let dir = out.join("api/v1");
    let files = site.files()?;
    write_files(
        &dir,
        files.iter().map(|(n, t)| (n.to_string(), t.as_str())).chain(SCHEMAS.map(|(n, t)| (n.to_string(), t))),
    )
}

/// Writes an organisation's `out/api/v1/teams.json` (its name, and each team with the paths of
/// its files), and each team's `schedule.json`, `pipelines.json` and `team.json` under
/// `out/api/v1/teams/<team>/`, as a single team's; the schemas next to `teams.json`.
pub fn write_org(org: &Organisation, out: &Path, public_url: &str) -> Result<(), String> {
    let built_at = rota::build_time::from_env()?;
    let base = rota::base_path(public_url);
    let mut files: Vec<(String, String)> = Vec::new();
    let mut teams = Vec::new();
    for team in &org.teams {
        let site = Site::new(&team.data, built_at, public_url, format!("{base}/calendar/teams/{}.ics", team.slug));
        let file = |name: &str| format!("{base}/api/v1/teams/{}/{name}", team.slug);
        teams.push(TeamEntry {
            slug: team.slug.clone(),
            name: team.data.inputs.team.name.clone(),
            time_zone: team.data.inputs.team.time_zone.name().to_string(),
            page: format!("{base}/teams/{}/", team.slug),
            calendar: site.team_calendar.clone(),
            schedule: file("schedule.json"),
            pipelines: file("pipelines.json"),
            team: file("team.json"),
        });
        for (name, text) in site.files()? {
            files.push((format!("teams/{}/{name}", team.slug), text));
        }
    }
    let index = TeamsFile { generated_at: built_at.to_rfc3339(), name: org.name.clone(), teams };
    let index = ("teams.json".to_string(), json(&index)?);
    let all = std::iter::once(index).chain(files);
    let all: Vec<(String, String)> = all.collect();
    write_files(
        &out.join("api/v1"),
        all.iter()
            .map(|(n, t)| (n.clone(), t.as_str()))
            .chain([TEAMS_SCHEMA].into_iter().chain(SCHEMAS).map(|(n, t)| (n.to_string(), t))),
    )
}

/// Writes each `(path under dir, text)`, saying so.
fn write_files<'a>(dir: &Path, files: impl Iterator<Item = (String, &'a str)>) -> Result<(), String> {
    for (name, text) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        say!("wrote {}", path.display());
    }
    Ok(())
}

fn json(value: &impl Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(value).map(|text| text + "\n").map_err(|e| e.to_string())
}

/// What every file is made from.
struct Site<'a> {
    data: &'a TeamData,
    schedule: Schedule,
    /// The base path without its trailing slash: "" at the root, "/oncall" under a subpath.
    base: String,
    head: Head,
    weeks: (u32, u32),
    /// The path of the team's calendar feed.
    team_calendar: String,
}

/// The fields every file starts with.
#[derive(Serialize, Clone)]
struct Head {
    /// The build instant, in the team's zone.
    generated_at: String,
    /// The stretch of time this build's schedule answers for.
    horizon: Horizon,
}

#[derive(Serialize, Clone)]
struct Horizon {
    from: String,
    to: String,
}

impl<'a> Site<'a> {
    fn new(data: &'a TeamData, built_at: DateTime<Utc>, public_url: &str, team_calendar: String) -> Site<'a> {
        let schedule = Schedule::new(data.inputs.clone());
        let weeks = weeks_around(&schedule, built_at, WEEKS_BEFORE, WEEKS_AFTER);
        let rotation = schedule.rotation();
        let horizon = Horizon {
            from: rotation.week(weeks.0).start.to_rfc3339(),
            to: rotation.week(weeks.0 + weeks.1 - 1).end.to_rfc3339(),
        };
        let generated_at = built_at.with_timezone(&data.inputs.team.time_zone).to_rfc3339();
        let base = rota::base_path(public_url).to_string();
        Site { data, schedule, base, head: Head { generated_at, horizon }, weeks, team_calendar }
    }

    /// The team's three files, by name.
    fn files(&self) -> Result<[(&'static str, String); 3], String> {
        Ok([
            ("schedule.json", json(&self.schedule())?),
            ("pipelines.json", json(&self.pipelines())?),
            ("team.json", json(&self.team())?),
        ])
    }

    fn person(&self, slug: &str) -> Person {
        Person { slug: slug.to_string(), name: self.schedule.name_of(slug).to_string() }
    }

    fn schedule(&self) -> ScheduleFile {
        let weeks = self.schedule.weeks(self.weeks.0, self.weeks.1);
        let inputs = &self.data.inputs;
        let layered = inputs.team.layers != rota::Layers::default();
        let layers = team_layers(inputs);
        let listed: Vec<(usize, ListedStretch)> = match (layered, weeks.first(), weeks.last()) {
            (true, Some(first), Some(last)) => {
                layer_stretch_list(&self.schedule, &layers, first.week.start.to_utc(), last.week.end.to_utc())
            }
            _ => stretches(&weeks).into_iter().map(|s| (0, s)).collect(),
        };
        let entries = listed
            .into_iter()
            .map(|(layer, s)| StretchEntry {
                start: s.start.to_rfc3339(),
                end: s.end.to_rfc3339(),
                start_unix: s.start.timestamp(),
                end_unix: s.end.timestamp(),
                week: s.week.to_string(),
                engineer_name: self.schedule.name_of(&s.engineer).to_string(),
                engineer: s.engineer,
                why: s.why.name(),
                instead_of: s.instead_of.map(|slug| self.person(&slug)),
                layer: layered.then(|| layers[layer].slug.clone()),
            })
            .collect();
        ScheduleFile {
            head: self.head.clone(),
            team: inputs.team.name.clone(),
            time_zone: inputs.team.time_zone.name().to_string(),
            layers: layered.then(|| {
                layers
                    .iter()
                    .map(|l| LayerEntry {
                        slug: l.slug.clone(),
                        name: l.name.clone(),
                        role: l.role.name(),
                        time_zone: l.pattern.zone.name().to_string(),
                    })
                    .collect()
            }),
            stretches: entries,
        }
    }

    fn pipelines(&self) -> PipelinesFile {
        let pipelines = self.data.pipelines.iter().map(|p| {
            let runbook = self.data.runbooks.iter().find(|r| r.pipeline == p.slug);
            let runbook_path = format!("{}/runbooks/{}", self.base, p.slug);
            PipelineEntry {
                slug: p.slug.clone(),
                name: p.name.clone(),
                area: p.area.clone(),
                audience: match p.audience {
                    Audience::Investor => "investor",
                    Audience::Experiments => "experiments",
                },
                primary: self.person(&p.primary),
                secondary: self.person(&p.secondary),
                page: format!("{}/pipelines/{}", self.base, p.slug),
                runbook: runbook.map(|_| runbook_path.clone()),
                failure_points: runbook
                    .iter()
                    .flat_map(|r| &r.failure_points)
                    .map(|f| FailurePointEntry {
                        slug: f.slug.clone(),
                        title: f.title.clone(),
                        link: format!("{runbook_path}#{}", f.slug),
                    })
                    .collect(),
            }
        });
        PipelinesFile { head: self.head.clone(), pipelines: pipelines.collect() }
    }

    fn team(&self) -> TeamFile {
        let team = &self.data.inputs.team;
        // Any date on the handoff's weekday names it in English.
        let weekday = chrono::NaiveDate::from_isoywd_opt(2026, 1, team.handoff.weekday).unwrap_or_default();
        TeamFile {
            head: self.head.clone(),
            team: team.name.clone(),
            time_zone: team.time_zone.name().to_string(),
            handoff: Handoff {
                weekday: weekday.format("%A").to_string().to_lowercase(),
                time: team.handoff.time.format("%H:%M").to_string(),
            },
            team_calendar: self.team_calendar.clone(),
            engineers: self
                .data
                .inputs
                .engineers
                .iter()
                .map(|e| EngineerEntry {
                    slug: e.slug.clone(),
                    name: e.name.clone(),
                    backup: self.person(&e.backup),
                    page: format!("{}/people/{}", self.base, e.slug),
                    calendar: format!("{}/calendar/{}.ics", self.base, e.slug),
                    contacts: e
                        .contacts
                        .iter()
                        .map(|c| ContactEntry {
                            kind: c.kind.name(),
                            value: c.value.clone(),
                            label: c.label.clone(),
                            href: c.href(),
                        })
                        .collect(),
                    contact_note: e.contact.clone(),
                })
                .collect(),
        }
    }
}

/// An organisation's `teams.json`.
#[derive(Serialize)]
struct TeamsFile {
    /// The build instant, in UTC.
    generated_at: String,
    /// The organisation's name.
    name: String,
    /// In display order.
    teams: Vec<TeamEntry>,
}

#[derive(Serialize)]
struct TeamEntry {
    slug: String,
    name: String,
    time_zone: String,
    page: String,
    calendar: String,
    schedule: String,
    pipelines: String,
    team: String,
}

/// `/oncall/` → `/oncall`, `/` → `` (paths then start with `/`), `https://x.org/oncall/` →
/// `/oncall`: links are absolute paths on the site's host.
#[derive(Serialize)]
struct Person {
    slug: String,
    name: String,
}

#[derive(Serialize)]
struct ScheduleFile {
    #[serde(flatten)]
    head: Head,
    team: String,
    time_zone: String,
    /// Only for a team with layers: each stretch then names its layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    layers: Option<Vec<LayerEntry>>,
    stretches: Vec<StretchEntry>,
}

#[derive(Serialize)]
struct LayerEntry {
    slug: String,
    name: String,
    role: &'static str,
    time_zone: String,
}

#[derive(Serialize)]
struct StretchEntry {
    start: String,
    end: String,
    /// The same instants as seconds since 1970 UTC, which jq's `now` compares with directly.
    start_unix: i64,
    end_unix: i64,
    week: String,
    engineer: String,
    engineer_name: String,
    why: &'static str,
    instead_of: Option<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    layer: Option<String>,
}

#[derive(Serialize)]
struct PipelinesFile {
    #[serde(flatten)]
    head: Head,
    pipelines: Vec<PipelineEntry>,
}

#[derive(Serialize)]
struct PipelineEntry {
    slug: String,
    name: String,
    area: String,
    audience: &'static str,
    primary: Person,
    secondary: Person,
    page: String,
    runbook: Option<String>,
    failure_points: Vec<FailurePointEntry>,
}

#[derive(Serialize)]
struct FailurePointEntry {
    slug: String,
    title: String,
    link: String,
}

#[derive(Serialize)]
struct TeamFile {
    #[serde(flatten)]
    head: Head,
    team: String,
    time_zone: String,
    handoff: Handoff,
    team_calendar: String,
    engineers: Vec<EngineerEntry>,
}

#[derive(Serialize)]
struct Handoff {
    weekday: String,
    time: String,
}

/// What the site's person page shows, and nothing else: contacts are published there already
/// (so whoever can read the site can read them here); holiday calendars and leave are not
/// listed per person.
#[derive(Serialize)]
struct EngineerEntry {
    slug: String,
    name: String,
    backup: Person,
    page: String,
    calendar: String,
    contacts: Vec<ContactEntry>,
    contact_note: Option<String>,
}

#[derive(Serialize)]
struct ContactEntry {
    kind: &'static str,
    value: String,
    label: Option<String>,
    href: Option<String>,
}
