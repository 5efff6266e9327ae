//! What each command prints.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rota::freshness::Freshness;
use rota::ics::{feed_id, FeedStamp};
use rota::{Schedule, TeamData, WeekAssignment, WeekId};
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

/// Says the data is valid (it was loaded), then prints its warnings, and for the embedded data
/// whether this build needs a rebuild by `today` (the rule of the site's banner).
pub fn check(data: &TeamData, source: &DataSource, today: Option<NaiveDate>) -> CommandResult {
    let zone = data.inputs.team.time_zone;
    let (dir, name) = match source {
        DataSource::Folder(dir) => (*dir, dir.display().to_string()),
        DataSource::Embedded { dir, built_at } => (
            *dir,
            format!("the embedded data ({}, built {})", dir.display(), built_at.with_timezone(&zone).date_naive()),
        ),
    };
    say!(
        "{name} is valid: {} engineers, {} pipelines, {} runbooks, {} holiday calendars",
        data.inputs.engineers.len(),
        data.pipelines.len(),
        data.runbooks.len(),
        data.inputs.calendars.len()
    );
    for warning in rota::check_warnings::warnings(dir, data) {
        eprintln!("warning: {warning}");
    }
    if let DataSource::Embedded { built_at, .. } = source {
        let today = today.unwrap_or_else(|| Utc::now().with_timezone(&zone).date_naive());
        let freshness =
            Freshness::of_build(&Schedule::new(data.inputs.clone()), *built_at).filter(|f| f.rebuild_due(today));
        if let Some(f) = freshness {
            let verb = if f.feeds_ended(today) { "ended" } else { "end" };
            eprintln!(
                "warning: this build was made on {}; the calendar feeds built with it {verb} {}: rebuild the site",
                f.built_on, f.feeds_end
            );
        }
    }
    Ok(())
}

pub fn who(data: &TeamData, at: Option<DateTime<Utc>>) -> CommandResult {
    let at = at.unwrap_or_else(Utc::now);
    let schedule = Schedule::new(data.inputs.clone());
    let (Some(week), Some((now, next))) = (schedule.at(at), schedule.stretch_at(at)) else {
        let first = schedule.rotation().week(0);
        return Err(format!("the rotation starts at {}: nobody is on call before", stamp(first.start)));
    };
    say!("{} is on call ({})", schedule.name_of(&now.engineer), week.week.id);
    say!("  since {}", stamp(now.start));
    say!("  until {}", stamp(now.end));
    for note in week.explain(&data.inputs) {
        say!("  {note}");
    }
    say!("next: {} from {}", schedule.name_of(&next.engineer), stamp(next.start));
    Ok(())
}

pub fn schedule(data: &TeamData, from: WeekId, weeks: u32, format: Format) -> CommandResult {
    let schedule = Schedule::new(data.inputs.clone());
    let first = schedule
        .rotation()
        .index_of_week(from)
        .ok_or_else(|| format!("{from} is before the rotation starts ({})", schedule.rotation().week(0).id))?;
    let rows = schedule.weeks(first, weeks);
    match format {
        Format::Json => {
            let rows: Vec<JsonWeek> = rows.iter().map(JsonWeek::from).collect();
            let json = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
            // Line by line: the layout's own newlines stay, while text in the data is escaped.
            json.lines().for_each(|line| say!("{line}"));
        }
        Format::Table => {
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
    let around = around.unwrap_or_else(|| built_at.with_timezone(&zone).date_naive());
    let stamp = FeedStamp { built_at, feed_id: feed_id(&data.inputs.team.name, public_url) };
    let schedule = Schedule::new(data.inputs.clone());
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
