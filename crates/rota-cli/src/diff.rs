//! `rota diff OLD_DATA_DIR NEW_DATA_DIR`: what a change to the data folder does to the
//! schedule, printed for a reviewer. The comparison itself is [`rota::schedule_diff`].

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rota::schedule_diff::{Count, ScheduleDiff, WeekChange};
use rota::{Organisation, Schedule, ScheduleInputs, SiteData, TeamData, WeekAssignment};

use serde::Serialize;

use crate::args::{DiffArgs, Format};
use crate::commands::{print_json, stamp};

/// How far past the week holding now the default range reaches: a year of upcoming weeks.
const WEEKS_AHEAD: u32 = 52;

/// Prints the differences; `Ok(true)` when there are any. Two organisations are compared team
/// by team (only `--team`'s, if given), each line naming its team.
pub fn run(args: &DiffArgs) -> Result<bool, String> {
    let now = args.now.unwrap_or_else(Utc::now);
    match load_both(&args.old, &args.new)? {
        (SiteData::Team(old), SiteData::Team(new)) => {
            crate::org::no_team(args.team.as_deref());
            let report = compare(&old, &new, args, now)?;
            if args.format == Format::Json {
                print_json(&report.json)?;
            } else {
                report.text.iter().for_each(|line| println!("{line}"));
            }
            report.warnings.iter().for_each(|line| eprintln!("{line}"));
            Ok(report.changed)
        }
        (SiteData::Org(old), SiteData::Org(new)) => run_org(&old, &new, args, now),
        (old, _) => {
            let (team, org) =
                if matches!(old, SiteData::Team(_)) { (&args.old, &args.new) } else { (&args.new, &args.old) };
            Err(format!(
                "{} is a single team's data folder and {} an organisation's: diff compares two of the same kind",
                team.display(),
                org.display()
            ))
        }
    }
}

/// Two organisations, team by team in the new one's display order: every line of a team's
/// comparison starts with its slug; a team only one of them has is said so, and is a change.
fn run_org(old: &Organisation, new: &Organisation, args: &DiffArgs, now: DateTime<Utc>) -> Result<bool, String> {
    let slugs: Vec<&str> = match args.team.as_deref() {
        Some(slug) => {
            if old.team(slug).is_none() && new.team(slug).is_none() {
                // Named as the new organisation's teams are.
                crate::org::team(new, Some(slug))?;
            }
            vec![slug]
        }
        None => {
            let mut slugs: Vec<&str> = new.teams.iter().map(|t| t.slug.as_str()).collect();
            slugs.extend(old.teams.iter().map(|t| t.slug.as_str()).filter(|s| new.team(s).is_none()));
            slugs
        }
    };
    let mut changed = false;
    let mut teams = Vec::new();
    for slug in slugs {
        match (old.team(slug), new.team(slug)) {
            (Some(before), Some(after)) => {
                let report =
                    compare(&before.data, &after.data, args, now).map_err(|reason| format!("{slug}: {reason}"))?;
                changed |= report.changed;
                teams.push((slug, Ok(report)));
            }
            (before, _) => {
                changed = true;
                let what = if before.is_some() { "removed" } else { "added" };
                teams.push((slug, Err(what)));
            }
        }
    }
    if args.format == Format::Json {
        let json = JsonOrgDiff {
            teams: teams
                .iter_mut()
                .map(|(slug, report)| JsonTeamDiff {
                    team: slug.to_string(),
                    status: match report {
                        Ok(report) if report.changed => "changed",
                        Ok(_) => "unchanged",
                        Err(what) => what,
                    },
                    diff: report.as_mut().ok().map(|r| std::mem::take(&mut r.json)),
                })
                .collect(),
        };
        print_json(&json)?;
    } else {
        for (slug, report) in &teams {
            match report {
                Ok(report) => report.text.iter().for_each(|line| match line.as_str() {
                    "" => println!(),
                    line => println!("{slug}: {line}"),
                }),
                Err(what) => println!("{slug}: the team is {what}"),
            }
        }
    }
    for (slug, report) in &teams {
        if let Ok(report) = report {
            report.warnings.iter().for_each(|line| eprintln!("{slug}: {line}"));
        }
    }
    Ok(changed)
}

/// One team's comparison: whether it changed, and what `rota diff` prints for it.
struct Report {
    changed: bool,
    /// Standard output, line by line.
    text: Vec<String>,
    json: JsonDiff,
    /// Standard error, line by line.
    warnings: Vec<String>,
}

/// Compares one team's schedules.
fn compare(old: &TeamData, new: &TeamData, args: &DiffArgs, now: DateTime<Utc>) -> Result<Report, String> {
    let (before, after) = (Schedule::new(Arc::clone(&old.inputs)), Schedule::new(Arc::clone(&new.inputs)));
    let (from, count) = range(&after, args, now)?;
    let diff = ScheduleDiff::compare(&before, &after, from, count);
    // No week in both data sets counts as a change: the old schedule cannot vouch for any.
    let changed = diff.compared.is_none() || !diff.is_empty();
    let json = json(&diff, now, &old.inputs, &new.inputs);
    let warnings = warn_started(&diff, now, &new.inputs, &old.inputs);
    let mut text = Vec::new();
    let mut out = |line: String| text.push(line);

    if diff.frames.is_some() {
        out(format!(
            "note: the two data sets start or hand over weeks differently (before: {}; after: {}), so weeks \
             are paired by name (the ISO week they start in), and only those both rotations have are compared.",
            frame(&before),
            frame(&after)
        ));
    }
    match diff.compared {
        None => {
            let rotation = after.rotation();
            out(format!(
                "No week from {} to {} exists in both data sets: the old rotation starts {}.",
                rotation.week(from).id,
                rotation.week(from + count - 1).id,
                before.rotation().week(0).id
            ));
        }
        Some((first, last)) if diff.is_empty() => out(format!("No change to the schedule from {first} to {last}.")),
        Some((first, last)) => {
            out(format!("Changes to the schedule from {first} to {last}:"));
            for change in &diff.weeks {
                out(String::new());
                print_week(change, &old.inputs, &new.inputs, &mut out);
            }
            if !diff.fairness.is_empty() {
                out(String::new());
                out(format!("Fairness per engineer and year (of the weeks' start dates), {first} to {last}:"));
                for change in &diff.fairness {
                    let counts: Vec<String> = change
                        .counts
                        .iter()
                        .map(|c| {
                            format!("{} {} → {}", label(c.count), value(c.count, c.before), value(c.count, c.after))
                        })
                        .collect();
                    out(format!(
                        "  {} {}: {}",
                        name(&change.engineer, &new.inputs, &old.inputs),
                        change.year,
                        counts.join(", ")
                    ));
                }
            }
        }
    }
    Ok(Report { changed, text, json, warnings })
}

/// Both folders, or every problem of either, each introduced by the folder it is in.
fn load_both(old: &Path, new: &Path) -> Result<(SiteData, SiteData), String> {
    let load = |which: &str, dir: &Path| {
        rota::load::load_any(dir)
            .map_err(|errors| format!("the {which} data folder {} is not valid:\n{errors}", dir.display()))
    };
    match (load("old", old), load("new", new)) {
        (Ok(old), Ok(new)) => Ok((old, new)),
        (old, new) => Err([old.err(), new.err()].into_iter().flatten().collect::<Vec<_>>().join("\nrota: ")),
    }
}

/// The new schedule's weeks to compare, as (first index, count): from `--from` (default the
/// rotation's first week), `--weeks` of them, or else through a year after the week holding
/// now, or after `--from` when that is later, so that upcoming weeks are always in view.
fn range(schedule: &Schedule, args: &DiffArgs, now: DateTime<Utc>) -> Result<(u32, u32), String> {
    let rotation = schedule.rotation();
    let first = match args.from {
        None => 0,
        Some(id) => rotation
            .index_of_week(id)
            .ok_or_else(|| format!("--from {id} is before the new data's rotation starts ({})", rotation.week(0).id))?,
    };
    let count = args.weeks.unwrap_or_else(|| {
        let current = rotation.index_at(now).unwrap_or(0);
        current.max(first) + WEEKS_AHEAD - first + 1
    });
    crate::horizon::weeks(schedule, crate::horizon::at(schedule, now), rotation.week(first).id, count)
        .map_err(|reason| format!("--from/--weeks: {reason}"))?;
    Ok((first, count))
}

/// E.g. `weekly from Mon 29 Dec 2025 09:00 EST (America/New_York)`.
fn frame(schedule: &Schedule) -> String {
    let start = schedule.rotation().week(0).start;
    format!("weekly from {} ({})", stamp(start), start.timezone().name())
}

fn print_week(change: &WeekChange, old: &ScheduleInputs, new: &ScheduleInputs, out: &mut impl FnMut(String)) {
    let (before, after) = (&change.before, &change.after);
    let mut header = format!("{}  {}", after.week.id, span(after));
    if (before.week.start, before.week.end) != (after.week.start, after.week.end) {
        header.push_str(&format!("  (before: {})", span(before)));
    }
    out(header);
    out(format!("  before: {}", holders(before, old)));
    out(format!("  after:  {}", holders(after, new)));
    let dropped = change.dropped_notes.iter().map(|n| format!("no longer: {n}"));
    let why: Vec<String> = change.added_notes.iter().cloned().chain(dropped).collect();
    if !why.is_empty() {
        out(format!("  why:    {}", why.join("; ")));
    }
}

/// E.g. `Mon 8 Mar 2027 09:00 EST – Mon 15 Mar 2027 09:00 EDT`.
fn span(w: &WeekAssignment) -> String {
    format!("{} – {}", stamp(w.week.start), stamp(w.week.end))
}

/// Who holds the week and by what arrangement, then who covers which stretch, e.g.
/// `Charlie (swap with 2026-W19)` or `Charlie; Bob Wed 10 Mar 18:00 – Fri 12 Mar 09:00 (cover)`.
fn holders(w: &WeekAssignment, inputs: &ScheduleInputs) -> String {
    let mut how = Vec::new();
    if let Some(swap) = &w.swap {
        how.push(format!("swap with {}", swap.with_week));
    }
    if w.conflict.is_some() {
        how.push("swap conflict".to_string());
    }
    if let Some(trade) = w.trade.as_ref().filter(|t| t.applied) {
        how.push(format!("trade with {}", trade.with_week));
    }
    let mut out = inputs.name_of(&w.on_call).to_string();
    if !how.is_empty() {
        out.push_str(&format!(" ({})", how.join(", ")));
    }
    for cover in w.stretches.iter().filter(|s| s.is_cover()) {
        out.push_str(&format!(
            "; {} {} – {} (cover)",
            inputs.name_of(&cover.engineer),
            cover.start.format("%a %-d %b %H:%M"),
            cover.end.format("%a %-d %b %H:%M")
        ));
    }
    out
}

/// Loud, on standard error: whoever is on call in a week that has begun is working from the
/// old schedule, and a review must not let that slip by. The lines to print.
fn warn_started(diff: &ScheduleDiff, now: DateTime<Utc>, new: &ScheduleInputs, old: &ScheduleInputs) -> Vec<String> {
    let started: Vec<&WeekChange> = diff.started(now).collect();
    if started.is_empty() {
        return Vec::new();
    }
    let weeks =
        if started.len() == 1 { "1 week that has".to_string() } else { format!("{} weeks that have", started.len()) };
    let mut lines = vec![format!(
        "WARNING: this change rewrites {weeks} already started (it is now {}):",
        stamp(now.with_timezone(&new.team.time_zone))
    )];
    for change in started {
        lines.push(format!(
            "WARNING:   {}  {}  before: {}  after: {}",
            change.after.week.id,
            span(&change.after),
            holders(&change.before, old),
            holders(&change.after, new)
        ));
    }
    lines.push("WARNING: whoever is on call then works from the old schedule: tell them before this is merged.".into());
    lines
}

/// An engineer's name in the new data, else in the old (someone who left), else the slug.
fn name<'a>(slug: &'a str, new: &'a ScheduleInputs, old: &'a ScheduleInputs) -> &'a str {
    new.engineer(slug).or_else(|| old.engineer(slug)).map_or(slug, |e| e.name.as_str())
}

/// `rota diff --format json` of two organisations: each team's comparison.
#[derive(Serialize)]
struct JsonOrgDiff {
    teams: Vec<JsonTeamDiff>,
}

#[derive(Serialize)]
struct JsonTeamDiff {
    team: String,
    /// `changed`, `unchanged`, `added` or `removed`.
    status: &'static str,
    /// The single team's `rota diff --format json`, for a team both have.
    #[serde(flatten)]
    diff: Option<JsonDiff>,
}

/// `rota diff --format json`: the same findings as the text, for a review bot.
#[derive(Serialize, Default)]
struct JsonDiff {
    frames_differ: bool,
    /// The first and last week both data sets have in the range, if any.
    compared: Option<[String; 2]>,
    weeks: Vec<JsonWeekChange>,
    fairness: Vec<JsonFairness>,
}

#[derive(Serialize)]
struct JsonWeekChange {
    week: String,
    start: String,
    end: String,
    started: bool,
    before: JsonHolders,
    after: JsonHolders,
    added_notes: Vec<String>,
    dropped_notes: Vec<String>,
}

#[derive(Serialize)]
struct JsonHolders {
    on_call: String,
    /// As in the text: who, by what arrangement, and who covers which stretch.
    summary: String,
}

#[derive(Serialize)]
struct JsonFairness {
    engineer: String,
    year: i32,
    /// Count name (`weeks_on_call`, `minutes_on_call`, …) to `[before, after]`.
    counts: std::collections::BTreeMap<&'static str, [u32; 2]>,
}

fn json(diff: &ScheduleDiff, now: DateTime<Utc>, old: &ScheduleInputs, new: &ScheduleInputs) -> JsonDiff {
    let holders = |w: &WeekAssignment, inputs| JsonHolders { on_call: w.on_call.clone(), summary: holders(w, inputs) };
    JsonDiff {
        frames_differ: diff.frames.is_some(),
        compared: diff.compared.map(|(first, last)| [first.to_string(), last.to_string()]),
        weeks: diff
            .weeks
            .iter()
            .map(|c| JsonWeekChange {
                week: c.after.week.id.to_string(),
                start: c.after.week.start.to_rfc3339(),
                end: c.after.week.end.to_rfc3339(),
                started: c.has_started(now),
                before: holders(&c.before, old),
                after: holders(&c.after, new),
                added_notes: c.added_notes.clone(),
                dropped_notes: c.dropped_notes.clone(),
            })
            .collect(),
        fairness: diff
            .fairness
            .iter()
            .map(|f| JsonFairness {
                engineer: f.engineer.clone(),
                year: f.year,
                counts: f.counts.iter().map(|c| (key(c.count), [c.before, c.after])).collect(),
            })
            .collect(),
    }
}

fn key(count: Count) -> &'static str {
    match count {
        Count::WeeksOnCall => "weeks_on_call",
        Count::MinutesOnCall => "minutes_on_call",
        Count::HolidayWeeksWorked => "holiday_weeks_worked",
        Count::SwapsGiven => "swaps_given",
        Count::SwapsTaken => "swaps_taken",
        Count::OpenConflicts => "open_conflicts",
    }
}

fn label(count: Count) -> &'static str {
    match count {
        Count::WeeksOnCall => "weeks on call",
        Count::MinutesOnCall => "hours on call",
        Count::HolidayWeeksWorked => "holiday weeks worked",
        Count::SwapsGiven => "swaps given",
        Count::SwapsTaken => "swaps taken",
        Count::OpenConflicts => "open conflicts",
    }
}

/// Time in hours (2184, or 2184.5 when a cover ends off the hour); other counts as they are.
fn value(count: Count, n: u32) -> String {
    if count != Count::MinutesOnCall {
        return n.to_string();
    }
    let hours = format!("{:.2}", f64::from(n) / 60.0);
    hours.trim_end_matches('0').trim_end_matches('.').to_string()
}
