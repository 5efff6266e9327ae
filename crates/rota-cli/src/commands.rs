//! What each command prints.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rota::freshness::Freshness;
use rota::ics::{feed_id, FeedStamp};
use rota::layer::team_layers;
use rota::layer_stretches::{layers_now, LayersNow};
use rota::{Organisation, Schedule, SiteData, TeamData, WeekAssignment, WeekId};
use serde::Serialize;

use crate::args::Format;
use crate::terminal::say;

type CommandResult = Result<(), String>;

/// Where the data of a command came from.
pub enum DataSource<'a> {
    /// A folder given with `--data`.
    Folder(&'a Path),
    /// The folder embedded when this binary was built, and when that was.
    Embedded { dir: &'a Path, built_at: DateTime<Utc> },
}

/// Says the data is valid (it was loaded), then its warnings, and for the embedded data
/// whether this build needs a rebuild by `today` (the rule of the site's banner).
pub fn check(data: &TeamData, source: &DataSource, today: Option<NaiveDate>, format: Format) -> CommandResult {
    let zone = data.inputs.team.time_zone;
    let (dir, name) = match source {
        DataSource::Folder(dir) => (*dir, dir.display().to_string()),
        DataSource::Embedded { dir, built_at } => (
            *dir,
            format!("the embedded data ({}, built {})", dir.display(), built_at.with_timezone(&zone).date_naive()),
        ),
    };
    let warnings: Vec<String> = rota::check_warnings::warnings(dir, data).iter().map(ToString::to_string).collect();
    let rebuild = match source {
        DataSource::Folder(_) => None,
        DataSource::Embedded { built_at, .. } => {
            let today = today.unwrap_or_else(|| Utc::now().with_timezone(&zone).date_naive());
            Freshness::of_build(&Schedule::new(data.inputs.clone()), *built_at).filter(|f| f.rebuild_due(today)).map(
                |f| JsonRebuild {
                    built_on: f.built_on.to_string(),
                    feeds_end: f.feeds_end.to_string(),
                    feeds_ended: f.feeds_ended(today),
                },
            )
        }
    };
    let report = JsonCheck {
        data_dir: dir.display().to_string(),
        built_on: match source {
            DataSource::Folder(_) => None,
            DataSource::Embedded { built_at, .. } => Some(built_at.with_timezone(&zone).date_naive().to_string()),
        },
        valid: true,
        engineers: data.inputs.engineers.len(),
        pipelines: data.pipelines.len(),
        runbooks: data.runbooks.len(),
        holiday_calendars: data.inputs.calendars.len(),
        warnings,
        rebuild,
    };
    if format == Format::Json {
        return print_json(&report);
    }
    say!(
        "{name} is valid: {} engineers, {} pipelines, {} runbooks, {} holiday calendars",
        report.engineers,
        report.pipelines,
        report.runbooks,
        report.holiday_calendars
    );
    print_warnings(&report.warnings, report.rebuild.as_ref());
    Ok(())
}

/// `rota check` on an organisation: valid (it was loaded), then its warnings — each team's, and
/// every person on call for two teams at once from the build instant on (`SOURCE_DATE_EPOCH`,
/// else now, for a folder; the build's instant for the embedded data) — and for the embedded
/// data whether the build needs a rebuild by `today`: the first team's feeds to run dry decide.
pub fn check_org(org: &Organisation, source: &DataSource, today: Option<NaiveDate>, format: Format) -> CommandResult {
    let (dir, name, built_at) = match source {
        DataSource::Folder(dir) => (*dir, dir.display().to_string(), rota::build_time::from_env()?),
        DataSource::Embedded { dir, built_at } => {
            (*dir, format!("the embedded data ({}, built {})", dir.display(), built_at.date_naive()), *built_at)
        }
    };
    let warnings: Vec<String> =
        rota::check_warnings::org_warnings(dir, org, built_at).iter().map(ToString::to_string).collect();
    let rebuild = match source {
        DataSource::Folder(_) => None,
        DataSource::Embedded { built_at, .. } => org
            .teams
            .iter()
            .filter_map(|t| {
                let zone = t.data.inputs.team.time_zone;
                let today = today.unwrap_or_else(|| Utc::now().with_timezone(&zone).date_naive());
                let f = Freshness::of_build(&Schedule::new(t.data.inputs.clone()), *built_at)?;
                f.rebuild_due(today).then_some((f, today))
            })
            .min_by_key(|(f, _)| f.feeds_end)
            .map(|(f, today)| JsonRebuild {
                built_on: f.built_on.to_string(),
                feeds_end: f.feeds_end.to_string(),
                feeds_ended: f.feeds_ended(today),
            }),
    };
    let teams: Vec<JsonCheckTeam> = org
        .teams
        .iter()
        .map(|t| JsonCheckTeam {
            slug: t.slug.clone(),
            name: t.data.inputs.team.name.clone(),
            engineers: t.data.inputs.engineers.len(),
            pipelines: t.data.pipelines.len(),
            runbooks: t.data.runbooks.len(),
            holiday_calendars: t.data.inputs.calendars.len(),
        })
        .collect();
    let report = JsonCheckOrg {
        data_dir: dir.display().to_string(),
        built_on: match source {
            DataSource::Folder(_) => None,
            DataSource::Embedded { built_at, .. } => Some(built_at.date_naive().to_string()),
        },
        valid: true,
        organisation: org.name.clone(),
        people: org.people.len(),
        pipelines: teams.iter().map(|t| t.pipelines).sum(),
        runbooks: teams.iter().map(|t| t.runbooks).sum(),
        teams,
        warnings,
        rebuild,
    };
    if format == Format::Json {
        return print_json(&report);
    }
    say!(
        "{name} is valid: {}, {} teams ({}), {} people, {} pipelines, {} runbooks",
        report.organisation,
        report.teams.len(),
        report.teams.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>().join(", "),
        report.people,
        report.pipelines,
        report.runbooks
    );
    print_warnings(&report.warnings, report.rebuild.as_ref());
    Ok(())
}

/// The tail of `rota check` on a team or an organisation: its warnings (with any hidden
/// character of the data written out, as everything this tool prints), then whether the
/// embedded data's feeds call for a rebuild.
fn print_warnings(warnings: &[String], rebuild: Option<&JsonRebuild>) {
    for warning in warnings {
        eprintln!("warning: {}", crate::terminal::visible(warning));
    }
    if let Some(f) = rebuild {
        let verb = if f.feeds_ended { "ended" } else { "end" };
        eprintln!(
            "warning: this build was made on {}; the calendar feeds built with it {verb} {}: rebuild the site",
            f.built_on, f.feeds_end
        );
    }
}

pub fn who(data: &TeamData, at: Option<DateTime<Utc>>, layer: Option<&str>, format: Format) -> CommandResult {
    let today = Utc::now();
    let who = who_report(data, at.unwrap_or(today), today)?;
    if let Some(slug) = layer {
        let line = who.layer(slug, data)?;
        return match format {
            Format::Json => print_json(&line),
            Format::Text => {
                say!("{}", layer_line(&line));
                Ok(())
            }
        };
    }
    if format == Format::Json {
        return print_json(&who.json);
    }
    who.lines().iter().for_each(|line| say!("{line}"));
    Ok(())
}

/// "EMEA (primary): Ola until Tue 8 Dec 2026 16:00 GMT; next Tom from …", or "…: not
/// covering now; next …".
fn layer_line(l: &JsonLayerNow) -> String {
    let now = match (&l.on_call, &l.until_text) {
        (Some(p), Some(until)) => format!("{} until {until}", p.name),
        _ => "not covering now".to_string(),
    };
    let next = match (&l.next, &l.next_from_text) {
        (Some(p), Some(from)) => format!("; next {} from {from}", p.name),
        _ => String::new(),
    };
    format!("{} ({}): {now}{next}", l.name, l.role)
}

/// Who is on call for one team at `at`, since when, until when, and who is next.
pub(crate) struct Who {
    pub json: JsonWho,
    name: String,
    since: String,
    until: String,
    next: String,
    next_from: String,
}

impl Who {
    /// What `rota who` prints for one team.
    pub fn lines(&self) -> Vec<String> {
        let layer = self.json.layer.as_ref().map_or(String::new(), |l| format!("{l}, "));
        let mut lines = vec![
            format!("{} is on call ({layer}{})", self.name, self.json.week),
            format!("  since {}", self.since),
            format!("  until {}", self.until),
        ];
        lines.extend(self.json.notes.iter().map(|note| format!("  {note}")));
        lines.push(format!("next: {} from {}", self.next, self.next_from));
        if let Some(layers) = &self.json.layers {
            lines.push("layers:".into());
            lines.extend(layers.iter().map(|l| format!("  {}", layer_line(l))));
        }
        lines
    }

    /// The answer for one layer, by its slug (`primary` for a team of one layer).
    fn layer(&self, slug: &str, data: &TeamData) -> Result<JsonLayerNow, String> {
        let layers = team_layers(&data.inputs);
        let known: Vec<&str> = layers.iter().map(|l| l.slug.as_str()).collect();
        let Some(i) = known.iter().position(|k| *k == slug) else {
            return Err(format!("no layer \"{slug}\" in this team (its layers: {})", known.join(", ")));
        };
        let at: DateTime<Utc> = DateTime::parse_from_rfc3339(&self.json.at).map_err(|e| e.to_string())?.to_utc();
        let schedule = Schedule::new(data.inputs.clone());
        Ok(layer_now(&layers, &layers_now(&schedule, &layers, at), i, &schedule))
    }
}

fn layer_now(layers: &[rota::Layer], now: &LayersNow, i: usize, schedule: &Schedule) -> JsonLayerNow {
    let person = |slug: &str| JsonPerson { slug: slug.to_string(), name: schedule.name_of(slug).to_string() };
    let (holding, next) = &now.layers[i];
    JsonLayerNow {
        slug: layers[i].slug.clone(),
        name: layers[i].name.clone(),
        role: layers[i].role.name(),
        on_call: holding.as_ref().map(|s| person(&s.engineer)),
        until: holding.as_ref().map(|s| s.end.to_rfc3339()),
        next: next.as_ref().map(|s| person(&s.engineer)),
        next_from: next.as_ref().map(|s| s.start.to_rfc3339()),
        until_text: holding.as_ref().map(|s| stamp(s.end)),
        next_from_text: next.as_ref().map(|s| stamp(s.start)),
    }
}

/// The answer of `rota who` for one team at `at`, with `today` bounding how far it may look;
/// an error before the rotation starts or outside the horizon.
pub(crate) fn who_report(data: &TeamData, at: DateTime<Utc>, today: DateTime<Utc>) -> Result<Who, String> {
    let schedule = Schedule::new(data.inputs.clone());
    let (Some(week), Some((now, next))) = (schedule.at(at), schedule.stretch_at(at)) else {
        let first = schedule.rotation().week(0);
        return Err(format!("the rotation starts at {}: nobody is on call before", stamp(first.start)));
    };
    crate::horizon::date(
        crate::horizon::at(&schedule, today),
        at.with_timezone(&data.inputs.team.time_zone).date_naive(),
    )?;
    let mut notes = week.explain(&data.inputs);
    let person = |slug: &str| JsonPerson { slug: slug.to_string(), name: schedule.name_of(slug).to_string() };
    // Who, since and until; who next and from when.
    let (mut now, mut next) = ((now.engineer, now.start, now.end), (next.engineer, next.start));
    // A team with layers: whoever covers `at` is paged first (a follow-the-sun region), and
    // every layer says who holds it.
    let (mut layers, mut layer) = (None, None);
    if data.inputs.team.layers != rota::Layers::default() {
        let all = team_layers(&data.inputs);
        let at_now = layers_now(&schedule, &all, at);
        let Some((first, paged)) = at_now.paged_first.first().cloned() else {
            let after = at_now.next_first.as_ref().map_or(String::new(), |(i, s)| {
                format!("; next: {} ({}) from {}", schedule.name_of(&s.engineer), all[*i].name, stamp(s.start))
            });
            return Err(format!(
                "nobody is primary on call at {}: no primary layer covers it{after}",
                stamp(at.with_timezone(&data.inputs.team.time_zone))
            ));
        };
        if first != 0 {
            notes.clear(); // The week's notes are the team rotation's, not this region's.
        }
        now = (paged.engineer, paged.start, paged.end);
        next = at_now.next_first.clone().map_or(next, |(_, s)| (s.engineer, s.start));
        layer = Some(all[first].name.clone());
        layers = Some((0..all.len()).map(|i| layer_now(&all, &at_now, i, &schedule)).collect());
    }
    Ok(Who {
        json: JsonWho {
            at: at.with_timezone(&data.inputs.team.time_zone).to_rfc3339(),
            week: week.week.id.to_string(),
            on_call: person(&now.0),
            since: now.1.to_rfc3339(),
            until: now.2.to_rfc3339(),
            notes,
            next: person(&next.0),
            next_from: next.1.to_rfc3339(),
            layer,
            layers,
        },
        name: schedule.name_of(&now.0).to_string(),
        since: stamp(now.1),
        until: stamp(now.2),
        next: schedule.name_of(&next.0).to_string(),
        next_from: stamp(next.1),
    })
}

/// Every page path of the site, one per line or as a JSON array.
pub fn paths(data: &SiteData, format: Format) -> CommandResult {
    let paths = match data {
        SiteData::Team(data) => rota::site_paths(data),
        SiteData::Org(org) => rota::org_site_paths(org),
    };
    match format {
        Format::Json => print_json(&paths),
        Format::Text => {
            paths.iter().for_each(|path| say!("{path}"));
            Ok(())
        }
    }
}

pub fn schedule(data: &TeamData, from: WeekId, weeks: u32, format: Format) -> CommandResult {
    let schedule = Schedule::new(data.inputs.clone());
    let first = crate::horizon::weeks(&schedule, crate::horizon::at(&schedule, Utc::now()), from, weeks)?;
    let rows = schedule.weeks(first, weeks);
    match format {
        Format::Json => print_json(&rows.iter().map(JsonWeek::from).collect::<Vec<_>>())?,
        Format::Text => {
            say!("{:<9} {:<28} {:>5}  {:<10} {:<10} notes", "week", "starts", "hours", "scheduled", "on call");
            for row in &rows {
                say!(
                    "{:<9} {:<28} {:>5}  {:<10} {:<10} {}",
                    row.week.id.to_string(),
                    stamp(row.week.start),
                    row.week.hours(),
                    schedule.name_of(&row.scheduled),
                    schedule.name_of(&row.on_call),
                    row.explain(&data.inputs).join("; ")
                );
            }
        }
    }
    Ok(())
}

pub fn ics(
    data: &TeamData,
    person: Option<&str>,
    out: &Path,
    around: Option<NaiveDate>,
    public_url: &str,
) -> CommandResult {
    let built_at = rota::build_time::from_env()?;
    let zone = data.inputs.team.time_zone;
    let stamp = FeedStamp { built_at, feed_id: feed_id(&data.inputs.team.name, public_url) };
    let schedule = Schedule::new(data.inputs.clone());
    let around = match around {
        Some(date) => crate::horizon::date(crate::horizon::at(&schedule, Utc::now()), date)?,
        None => built_at.with_timezone(&zone).date_naive(),
    };
    let people: Vec<&str> = match person {
        Some(slug) => {
            data.engineer(slug).ok_or_else(|| {
                let known: Vec<&str> = data.inputs.engineers.iter().map(|e| e.slug.as_str()).collect();
                format!("unknown engineer \"{slug}\" (known: {})", known.join(", "))
            })?;
            vec![slug]
        }
        None => data.inputs.engineers.iter().map(|e| e.slug.as_str()).collect(),
    };
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut files = Vec::new();
    if person.is_none() {
        files.push(("team.ics".to_string(), rota::ics::team_feed(&schedule, around, &stamp)));
    }
    for slug in people {
        files.push((format!("{slug}.ics"), rota::ics::person_feed(&schedule, slug, around, &stamp)));
    }
    for (name, text) in files {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        say!("wrote {}", path.display());
    }
    Ok(())
}

/// An instant in the team's zone, e.g. `Mon 23 Nov 2026 09:00 EST`.
pub(crate) fn stamp(t: DateTime<chrono_tz::Tz>) -> String {
    t.format("%a %-d %b %Y %H:%M %Z").to_string()
}

/// Prints `value` as pretty JSON, line by line: the layout's own newlines stay, while text
/// from the data is escaped (see [`crate::terminal`]), so the output stays valid JSON.
pub(crate) fn print_json(value: &impl Serialize) -> CommandResult {
    let json = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    json.lines().for_each(|line| say!("{line}"));
    Ok(())
}

/// `rota check --format json`. Invalid data never gets this far: its problems go to standard
/// error, one per line, and the command exits 1.
#[derive(Serialize)]
struct JsonCheck {
    data_dir: String,
    /// The embedded data's build date; `null` for a folder given with `--data`.
    built_on: Option<String>,
    valid: bool,
    engineers: usize,
    pipelines: usize,
    runbooks: usize,
    holiday_calendars: usize,
    warnings: Vec<String>,
    /// Set when the embedded build's calendar feeds end within the rebuild notice.
    rebuild: Option<JsonRebuild>,
}

/// `rota check --format json` on an organisation.
#[derive(Serialize)]
struct JsonCheckOrg {
    data_dir: String,
    /// The embedded data's build date (UTC); `null` for a folder given with `--data`.
    built_on: Option<String>,
    valid: bool,
    organisation: String,
    people: usize,
    /// Of every team.
    pipelines: usize,
    runbooks: usize,
    teams: Vec<JsonCheckTeam>,
    warnings: Vec<String>,
    rebuild: Option<JsonRebuild>,
}

#[derive(Serialize)]
struct JsonCheckTeam {
    slug: String,
    name: String,
    engineers: usize,
    pipelines: usize,
    runbooks: usize,
    holiday_calendars: usize,
}

#[derive(Serialize)]
struct JsonRebuild {
    built_on: String,
    feeds_end: String,
    feeds_ended: bool,
}

/// `rota who --format json`: instants in the team's zone, with their offset.
#[derive(Serialize)]
pub(crate) struct JsonWho {
    at: String,
    week: String,
    on_call: JsonPerson,
    since: String,
    until: String,
    notes: Vec<String>,
    next: JsonPerson,
    next_from: String,
    /// Only for a team with layers: the name of the layer `on_call` holds, and every layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    layer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    layers: Option<Vec<JsonLayerNow>>,
}

/// One layer at the instant asked about.
#[derive(Serialize)]
pub(crate) struct JsonLayerNow {
    slug: String,
    name: String,
    role: &'static str,
    on_call: Option<JsonPerson>,
    until: Option<String>,
    next: Option<JsonPerson>,
    next_from: Option<String>,
    #[serde(skip)]
    until_text: Option<String>,
    #[serde(skip)]
    next_from_text: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct JsonPerson {
    pub slug: String,
    pub name: String,
}

/// One week of `rota schedule --format json`.
#[derive(Serialize)]
struct JsonWeek {
    week: String,
    index: u32,
    start: String,
    end: String,
    hours: i64,
    scheduled: String,
    on_call: Vec<String>,
    holidays: Vec<JsonHoliday>,
    swap: Option<JsonSwap>,
    conflict: Option<String>,
}

#[derive(Serialize)]
struct JsonHoliday {
    date: String,
    name: String,
    engineer: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct JsonSwap {
    with_week: String,
    gave: String,
    took: String,
    reason: String,
}

impl From<&WeekAssignment> for JsonWeek {
    fn from(w: &WeekAssignment) -> JsonWeek {
        JsonWeek {
            week: w.week.id.to_string(),
            index: w.week.index,
            start: w.week.start.to_rfc3339(),
            end: w.week.end.to_rfc3339(),
            hours: w.week.hours(),
            scheduled: w.scheduled.clone(),
            on_call: vec![w.on_call.clone()],
            holidays: w
                .holidays
                .iter()
                .map(|h| JsonHoliday {
                    date: h.date.to_string(),
                    name: h.name.clone(),
                    engineer: h.engineer.clone(),
                    kind: match h.kind {
                        rota::WeekHolidayKind::Holiday => "holiday",
                        rota::WeekHolidayKind::Leave => "leave",
                    },
                })
                .collect(),
            swap: w.swap.as_ref().map(|s| JsonSwap {
                with_week: s.with_week.to_string(),
                gave: s.gave.clone(),
                took: s.took.clone(),
                reason: s.reason.clone(),
            }),
            conflict: w.conflict.as_ref().map(|c| c.reason.clone()),
        }
    }
}
