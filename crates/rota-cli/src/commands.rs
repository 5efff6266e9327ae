//! What each command prints.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rota::{Schedule, TeamData, WeekAssignment, WeekId};
use serde::Serialize;

use crate::args::Format;
use crate::terminal::say;

type CommandResult = Result<(), String>;

pub fn check(data: &TeamData, dir: Option<&Path>) -> CommandResult {
    let source = dir.map_or_else(|| "the embedded data".to_string(), |d| d.display().to_string());
    say!(
        "{source} is valid: {} engineers, {} pipelines, {} runbooks, {} holiday calendars",
        data.engineers.len(),
        data.pipelines.len(),
        data.runbooks.len(),
        data.calendars.len()
    );
    Ok(())
}

pub fn who(data: &TeamData, at: Option<DateTime<Utc>>) -> CommandResult {
    let at = at.unwrap_or_else(Utc::now);
    let schedule = Schedule::new(data);
    let Some(now) = schedule.at(at) else {
        let first = schedule.rotation().week(0);
        return Err(format!("the rotation starts at {}: nobody is on call before", stamp(first.start)));
    };
    let next = schedule.week(now.week.index + 1);
    say!("{} is on call ({})", schedule.name_of(&now.on_call), now.week.id);
    say!("  since {}", stamp(now.week.start));
    say!("  until {}", stamp(now.week.end));
    for note in now.explain(data) {
        say!("  {note}");
    }
    say!("next: {} from {}", schedule.name_of(&next.on_call), stamp(next.week.start));
    Ok(())
}

pub fn schedule(data: &TeamData, from: WeekId, weeks: u32, format: Format) -> CommandResult {
    let schedule = Schedule::new(data);
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
                    row.explain(data).join("; ")
                );
            }
        }
    }
    Ok(())
}

pub fn ics(data: &TeamData, person: Option<&str>, out: &Path, around: Option<NaiveDate>) -> CommandResult {
    let around = around.unwrap_or_else(|| Utc::now().with_timezone(&data.team.time_zone).date_naive());
    let schedule = Schedule::new(data);
    let people: Vec<&str> = match person {
        Some(slug) => {
            data.engineer(slug).ok_or_else(|| {
                let known: Vec<&str> = data.engineers.iter().map(|e| e.slug.as_str()).collect();
                format!("unknown engineer \"{slug}\" (known: {})", known.join(", "))
            })?;
            vec![slug]
        }
        None => data.engineers.iter().map(|e| e.slug.as_str()).collect(),
    };
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut files = Vec::new();
    if person.is_none() {
        files.push(("team.ics".to_string(), rota::ics::team_feed(data, &schedule, around)));
    }
    for slug in people {
        files.push((format!("{slug}.ics"), rota::ics::person_feed(data, &schedule, slug, around)));
    }
    for (name, text) in files {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        say!("wrote {}", path.display());
    }
    Ok(())
}

/// An instant in the team's zone, e.g. `Mon 23 Nov 2026 09:00 EST`.
fn stamp(t: DateTime<chrono_tz::Tz>) -> String {
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
