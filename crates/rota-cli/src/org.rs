//! The commands on an organisation: choosing a team (`--team`), who is on call in every team,
//! a person across their teams, and calendar feeds that span teams.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rota::ics::{feed_id, FeedStamp};
use rota::{OrgTeam, Organisation, Schedule, SiteData, TeamData};
use serde::Serialize;

use crate::args::Format;
use crate::commands::{print_json, stamp, who_report};
use crate::terminal::say;

type CommandResult = Result<(), String>;

/// The one team a command reads: the single team, or the organisation's team `--team` names.
/// `--team` with a single team's data is a usage error (exit 2): there is nothing to choose.
pub fn one_team<'a>(data: &'a SiteData, team: Option<&str>) -> Result<&'a TeamData, String> {
    match data {
        SiteData::Team(data) => {
            no_team(team);
            Ok(data)
        }
        SiteData::Org(org) => Ok(&self::team(org, team)?.data),
    }
}

/// Stops with a usage error when `--team` was given for a single team's data.
pub fn no_team(team: Option<&str>) {
    if team.is_some() {
        crate::usage_error("--team chooses a team of an organisation; this data is a single team: leave --team out");
    }
}

/// The team `slug` names, or why none: missing, or not a team of the organisation (with the
/// nearest slug when one is close).
pub fn team<'a>(org: &'a Organisation, slug: Option<&str>) -> Result<&'a OrgTeam, String> {
    let slugs: Vec<&str> = org.teams.iter().map(|t| t.slug.as_str()).collect();
    let Some(slug) = slug else {
        return Err(format!(
            "this organisation has {} teams; choose one with --team: {}",
            slugs.len(),
            slugs.join(", ")
        ));
    };
    org.team(slug).ok_or_else(|| unknown("team", slug, &slugs))
}

/// `no team "platfrom"; did you mean platform? (teams: …)`.
fn unknown(what: &str, slug: &str, known: &[&str]) -> String {
    let plural = if what == "person" { "people".to_string() } else { format!("{what}s") };
    let list = known.join(", ");
    match nearest(slug, known) {
        Some(near) => format!("no {what} \"{slug}\"; did you mean {near}? ({plural}: {list})"),
        None => format!("no {what} \"{slug}\" ({plural}: {list})"),
    }
}

/// The known slug closest to `slug` in edits, if it is close enough to be a typo.
fn nearest<'a>(slug: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(slug, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

// ---- who --------------------------------------------------------------------------------------

/// Every team's on-call at `at` (default now), in display order: the single team's answer for
/// each, its first line naming the team.
pub fn who_all(org: &Organisation, at: Option<DateTime<Utc>>, format: Format) -> CommandResult {
    let today = Utc::now();
    let at = at.unwrap_or(today);
    let mut teams = Vec::new();
    for team in &org.teams {
        let who = match who_report(&team.data, at, today) {
            Ok(who) => Ok(who),
            // A team whose rotation starts later has nobody on call yet; the others answer.
            Err(reason) if Schedule::new(team.data.inputs.clone()).at(at).is_none() => Err(reason),
            Err(reason) => return Err(format!("{}: {reason}", team.data.inputs.team.name)),
        };
        teams.push((team, who));
    }
    if format == Format::Json {
        return print_json(&JsonOrgWho {
            at: at.to_rfc3339(),
            teams: teams
                .into_iter()
                .map(|(team, who)| {
                    let (who, nobody) = match who {
                        Ok(who) => (Some(who.json), None),
                        Err(reason) => (None, Some(reason)),
                    };
                    JsonTeamWho { team: team.slug.clone(), name: team.data.inputs.team.name.clone(), nobody, who }
                })
                .collect(),
        });
    }
    for (team, who) in teams {
        let name = &team.data.inputs.team.name;
        match who {
            Ok(who) => {
                let mut lines = who.lines().into_iter();
                if let Some(first) = lines.next() {
                    say!("{name}: {first}");
                }
                for line in lines {
                    // Under the team's line, "next:" too.
                    let line = line.strip_prefix("  ").unwrap_or(&line);
                    say!("  {line}");
                }
            }
            Err(reason) => say!("{name}: nobody is on call: {reason}"),
        }
    }
    Ok(())
}

/// `rota who --format json` on an organisation.
#[derive(Serialize)]
struct JsonOrgWho {
    /// The instant asked about, in UTC.
    at: String,
    teams: Vec<JsonTeamWho>,
}

#[derive(Serialize)]
struct JsonTeamWho {
    team: String,
    name: String,
    /// Why nobody is on call (the team's rotation has not started); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    nobody: Option<String>,
    /// The single team's `rota who --format json`, when somebody is on call.
    #[serde(flatten)]
    who: Option<crate::commands::JsonWho>,
}

/// How far ahead `who --person` looks for someone's next stretch in a team.
const NEXT_WEEKS: u32 = 104;

/// A person across the teams they are in (only `team`, if given): on call at `at` or not, and
/// their next stretch in each.
pub fn who_person(
    org: &Organisation,
    slug: &str,
    team: Option<&str>,
    at: Option<DateTime<Utc>>,
    format: Format,
) -> CommandResult {
    let today = Utc::now();
    let at = at.unwrap_or(today);
    let person = org.person(slug).ok_or_else(|| {
        let known: Vec<&str> = org.people.iter().map(|p| p.slug.as_str()).collect();
        unknown("person", slug, &known)
    })?;
    let teams: Vec<&OrgTeam> = match team {
        Some(team) => {
            let team = self::team(org, Some(team))?;
            if team.data.engineer(slug).is_none() {
                return Err(format!("{} is not in team {} ({})", person.name, team.slug, team.data.inputs.team.name));
            }
            vec![team]
        }
        None => org.teams_of(slug).collect(),
    };
    if teams.is_empty() {
        return Err(format!("{} is in no team of {}", person.name, org.name));
    }
    let mut rows = Vec::new();
    for team in teams {
        let schedule = Schedule::new(team.data.inputs.clone());
        crate::horizon::date(
            crate::horizon::at(&schedule, today),
            at.with_timezone(&team.data.inputs.team.time_zone).date_naive(),
        )
        .map_err(|reason| format!("{}: {reason}", team.data.inputs.team.name))?;
        let (now, next) = stretches_of(&schedule, slug, at);
        rows.push((team, now, next));
    }
    if format == Format::Json {
        let stretch =
            |s: &Held| JsonHeld { week: s.week.to_string(), from: s.from.to_rfc3339(), until: s.until.to_rfc3339() };
        return print_json(&JsonPersonWho {
            at: at.to_rfc3339(),
            person: crate::commands::JsonPerson { slug: person.slug.clone(), name: person.name.clone() },
            teams: rows
                .iter()
                .map(|(team, now, next)| JsonPersonTeam {
                    team: team.slug.clone(),
                    name: team.data.inputs.team.name.clone(),
                    on_call: now.is_some(),
                    now: now.as_ref().map(stretch),
                    next: next.as_ref().map(stretch),
                })
                .collect(),
        });
    }
    for (team, now, next) in &rows {
        let team_name = &team.data.inputs.team.name;
        match now {
            Some(s) => {
                say!("{} is on call for {team_name} ({})", person.name, s.week);
                say!("  since {}", stamp(s.from));
                say!("  until {}", stamp(s.until));
            }
            None => say!("{} is not on call for {team_name}", person.name),
        }
        match next {
            Some(s) => say!("  next: {} – {} ({})", stamp(s.from), stamp(s.until), s.week),
            None => say!("  next: none in the next {NEXT_WEEKS} weeks"),
        }
    }
    let busy: Vec<&str> =
        rows.iter().filter(|(_, now, _)| now.is_some()).map(|(t, _, _)| t.data.inputs.team.name.as_str()).collect();
    if busy.len() > 1 {
        say!("clash: {} is on call for {} at once", person.name, busy.join(" and "));
    }
    Ok(())
}

/// One stretch a person holds, in the team's zone.
struct Held {
    week: rota::WeekId,
    from: DateTime<chrono_tz::Tz>,
    until: DateTime<chrono_tz::Tz>,
}

/// The stretch of `schedule` that `person` holds at `at`, and the first one they hold that
/// starts after `at` (within [`NEXT_WEEKS`] weeks).
fn stretches_of(schedule: &Schedule, person: &str, at: DateTime<Utc>) -> (Option<Held>, Option<Held>) {
    let first = schedule.rotation().index_at(at).unwrap_or(0);
    let (mut now, mut next) = (None, None);
    for week in schedule.weeks(first, NEXT_WEEKS) {
        for s in week.stretches.iter().filter(|s| s.engineer == person) {
            let held = Held { week: week.week.id, from: s.start, until: s.end };
            if s.contains(at) {
                now = Some(held);
            } else if s.start.to_utc() > at {
                next = Some(held);
                return (now, next);
            }
        }
    }
    (now, next)
}

/// `rota who --person SLUG --format json`.
#[derive(Serialize)]
struct JsonPersonWho {
    /// The instant asked about, in UTC.
    at: String,
    person: crate::commands::JsonPerson,
    /// The teams the person is in, in display order.
    teams: Vec<JsonPersonTeam>,
}

#[derive(Serialize)]
struct JsonPersonTeam {
    team: String,
    name: String,
    on_call: bool,
    /// The stretch they hold at the instant, if on call.
    now: Option<JsonHeld>,
    /// Their next stretch in this team starting after the instant, within two years.
    next: Option<JsonHeld>,
}

#[derive(Serialize)]
struct JsonHeld {
    week: String,
    /// In the team's zone, with its offset.
    from: String,
    until: String,
}

// ---- ics --------------------------------------------------------------------------------------

/// The organisation's feeds: `teams/<team>.ics` for each team, and `<person>.ics` for each
/// person with their stretches of every team they are in; only one of them with `--team` or
/// `--person`.
pub fn ics(
    org: &Organisation,
    person: Option<&str>,
    team: Option<&str>,
    out: &Path,
    around: Option<NaiveDate>,
    public_url: &str,
) -> CommandResult {
    let built_at = rota::build_time::from_env()?;
    let now = Utc::now();
    // Each team's schedule, feed stamp and the date its feeds are centred on.
    let mut feeds = Vec::new();
    for t in &org.teams {
        let schedule = Schedule::new(t.data.inputs.clone());
        let around = match around {
            Some(date) => crate::horizon::date(crate::horizon::at(&schedule, now), date)
                .map_err(|reason| format!("{}: {reason}", t.data.inputs.team.name))?,
            None => built_at.with_timezone(&t.data.inputs.team.time_zone).date_naive(),
        };
        let stamp = FeedStamp { built_at, feed_id: feed_id(&t.data.inputs.team.name, public_url) };
        feeds.push((t, schedule, around, stamp));
    }
    let people: Vec<&str> = match (person, team) {
        (Some(slug), _) => {
            let known: Vec<&str> = org.people.iter().map(|p| p.slug.as_str()).collect();
            org.person(slug).ok_or_else(|| unknown("person", slug, &known))?;
            vec![slug]
        }
        (None, Some(_)) => Vec::new(),
        (None, None) => org.people.iter().map(|p| p.slug.as_str()).collect(),
    };
    let teams: Vec<&str> = match (person, team) {
        (Some(_), _) => Vec::new(),
        (None, Some(slug)) => vec![self::team(org, Some(slug))?.slug.as_str()],
        (None, None) => org.teams.iter().map(|t| t.slug.as_str()).collect(),
    };
    let mut files = Vec::new();
    for (t, schedule, around, stamp) in feeds.iter().filter(|(t, ..)| teams.contains(&t.slug.as_str())) {
        files.push((format!("teams/{}.ics", t.slug), rota::ics::team_feed(schedule, *around, stamp)));
    }
    for slug in people {
        let name = org.person(slug).map_or(slug, |p| p.name.as_str());
        let in_teams = feeds.iter().filter(|(t, ..)| t.data.engineer(slug).is_some());
        // Someone in no team gets a feed without events, from the first team's.
        let of = if org.teams_of(slug).next().is_some() {
            in_teams.collect::<Vec<_>>()
        } else {
            feeds.iter().take(1).collect()
        };
        let parts: Vec<(String, String)> = of
            .into_iter()
            .map(|(t, schedule, around, stamp)| {
                (t.data.inputs.team.name.clone(), rota::ics::person_feed(schedule, slug, *around, stamp))
            })
            .collect();
        files.push((format!("{slug}.ics"), person_feed_of_teams(name, &parts)));
    }
    std::fs::create_dir_all(out.join("teams")).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (name, text) in files {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        say!("wrote {}", path.display());
    }
    Ok(())
}

/// One calendar of a person's stretches in several teams, from each team's feed of them
/// (`(team name, feed)`): every event as that feed has it (UID, times, description naming the
/// team, alarms), its summary naming the team, all in order of start.
fn person_feed_of_teams(name: &str, feeds: &[(String, String)]) -> String {
    let mut events: Vec<(String, usize, Vec<String>)> = Vec::new();
    let mut header: Vec<String> = Vec::new();
    for (i, (team, feed)) in feeds.iter().enumerate() {
        // Unfolded: rota::ics never folds at a space of the text, so this is exact.
        let lines: Vec<String> = feed.replace("\r\n ", "").split("\r\n").map(String::from).collect();
        let mut event: Option<Vec<String>> = None;
        for line in lines {
            match &mut event {
                None if line == "BEGIN:VEVENT" => event = Some(vec![line]),
                None => {
                    if i == 0 && !line.is_empty() && line != "END:VCALENDAR" {
                        header.push(line);
                    }
                }
                Some(lines) => {
                    let done = line == "END:VEVENT";
                    match line.strip_prefix("SUMMARY:") {
                        // The summary is "On call: <name>"; in a calendar of several teams it
                        // says which team.
                        Some(_) => lines.push(format!(
                            "SUMMARY:{}",
                            rota::ics::escape_text(&format!("On call for {team}: {name}"))
                        )),
                        None => lines.push(line),
                    }
                    if done {
                        let start = lines.iter().find_map(|l| l.strip_prefix("DTSTART:")).unwrap_or("").to_string();
                        events.push((start, i, event.take().unwrap_or_default()));
                    }
                }
            }
        }
    }
    events.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut out = String::new();
    for line in &header {
        match line.strip_prefix("X-WR-CALNAME:") {
            Some(_) => rota::ics::push_folded(
                &mut out,
                &format!("X-WR-CALNAME:{}", rota::ics::escape_text(&format!("On call: {name}"))),
            ),
            None => rota::ics::push_folded(&mut out, line),
        }
    }
    for (_, _, lines) in &events {
        lines.iter().for_each(|line| rota::ics::push_folded(&mut out, line));
    }
    rota::ics::push_folded(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_slug_only_when_it_is_close() {
        let teams = ["data-engineering", "platform", "payments"];
        assert_eq!(nearest("platfrom", &teams), Some("platform"));
        assert_eq!(nearest("payment", &teams), Some("payments"));
        assert_eq!(nearest("data-engneering", &teams), Some("data-engineering"));
        assert_eq!(nearest("sales", &teams), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
