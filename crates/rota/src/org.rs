//! An organisation: many teams on one site, and the people they share.
//!
//! Each team is a complete [`TeamData`], computed exactly as a single team's; what the
//! organisation adds is who is who across teams ([`Person`]) and what only shows across teams:
//! a person on call for two teams at once ([`clashes`]), and when a backup is busy for another
//! team ([`on_call_elsewhere`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::{Contact, Counts, OnCallElsewhere, Schedule, TeamData, WeekId};

/// A person of the organisation: one slug, one name, one set of contacts, whichever teams
/// they are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub slug: String,
    pub name: String,
    pub contacts: Vec<Contact>,
    pub contact: Option<String>,
}

/// One team of the organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgTeam {
    /// The team's folder name under `teams/`, and its path on the site (`/teams/<slug>/`).
    pub slug: String,
    pub data: TeamData,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub name: String,
    /// In display order.
    pub teams: Vec<OrgTeam>,
    pub people: Vec<Person>,
}

impl Organisation {
    pub fn team(&self, slug: &str) -> Option<&OrgTeam> {
        self.teams.iter().find(|t| t.slug == slug)
    }

    pub fn person(&self, slug: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.slug == slug)
    }

    /// The teams `person` is an engineer of, in display order.
    pub fn teams_of<'s>(&'s self, person: &'s str) -> impl Iterator<Item = &'s OrgTeam> + 's {
        self.teams.iter().filter(move |t| t.data.engineer(person).is_some())
    }

    /// The team a pipeline (or its runbook) belongs to: slugs are unique across the
    /// organisation.
    pub fn team_of_pipeline(&self, pipeline: &str) -> Option<&OrgTeam> {
        self.teams.iter().find(|t| t.data.pipeline(pipeline).is_some())
    }

    /// Every team's real schedule, in display order.
    pub fn schedules(&self) -> Vec<(&str, Schedule)> {
        self.teams.iter().map(|t| (t.slug.as_str(), Schedule::new(Arc::clone(&t.data.inputs)))).collect()
    }
}

/// One side of a [`Clash`]: a team and the week of it that puts the person on call.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClashSide {
    pub team: String,
    pub week: WeekId,
}

/// A person on call for two teams at the same instants, from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clash {
    pub person: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// In the organisation's team order.
    pub teams: [ClashSide; 2],
}

impl Clash {
    /// E.g. `bob is on call for Data Engineering (2026-W53) and Platform (2026-W53) at once,
    /// from 2026-12-31 14:00 UTC to 2027-01-01 14:00 UTC`.
    pub fn describe(&self, org: &Organisation) -> String {
        let team = |side: &ClashSide| {
            let name = org.team(&side.team).map_or(side.team.as_str(), |t| t.data.inputs.team.name.as_str());
            format!("{name} ({})", side.week)
        };
        format!(
            "{} is on call for {} and {} at once, from {} to {}",
            self.person,
            team(&self.teams[0]),
            team(&self.teams[1]),
            self.from.format("%Y-%m-%d %H:%M UTC"),
            self.to.format("%Y-%m-%d %H:%M UTC")
        )
    }
}

/// Every clash between `from` and `to`: each pair of overlapping stretches (covers, swaps and
/// trades applied) in which one person is on call for two teams, sorted by person, then time
/// (clashes of the same two weeks that follow each other joined).
/// `schedules` are the teams' (see [`Organisation::schedules`]; a what-if preview may stand
/// for one), in display order.
pub fn clashes<S: std::borrow::Borrow<Schedule>>(
    schedules: &[(&str, S)],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Clash> {
    let mut by_person: BTreeMap<String, Vec<Held>> = BTreeMap::new();
    for (team, (_, schedule)) in schedules.iter().enumerate() {
        for_each_stretch(schedule.borrow(), from, to, |week, person, start, end| {
            by_person.entry(person.to_string()).or_default().push(Held { start, end, team, week });
        });
    }
    let mut out = Vec::new();
    for (person, mut held) in by_person {
        held.sort_by_key(|h| (h.start, h.team));
        for (i, a) in held.iter().enumerate() {
            // Sorted by start: only later stretches starting before `a` ends can overlap it.
            for b in held[i + 1..].iter().take_while(|b| b.start < a.end).filter(|b| b.team != a.team) {
                let (first, second) = if a.team < b.team { (a, b) } else { (b, a) };
                out.push(Clash {
                    person: person.clone(),
                    from: a.start.max(b.start),
                    to: a.end.min(b.end),
                    teams: [first.side(schedules), second.side(schedules)],
                });
            }
        }
    }
    join_adjacent(out)
}

/// A stretch one person is on call for the team at position `team`.
struct Held {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    team: usize,
    week: WeekId,
}

impl Held {
    fn side<S>(&self, schedules: &[(&str, S)]) -> ClashSide {
        ClashSide { team: schedules[self.team].0.to_string(), week: self.week }
    }
}

/// Calls `f(week, person, from, to)` for every stretch of `schedule` overlapping `from..to`,
/// clipped to it.
fn for_each_stretch(
    schedule: &Schedule,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    mut f: impl FnMut(WeekId, &str, DateTime<Utc>, DateTime<Utc>),
) {
    let rotation = schedule.rotation();
    let first = rotation.index_at(from).unwrap_or(0);
    let Some(last) = rotation.index_at(to - chrono::Duration::seconds(1)) else { return };
    if first > last {
        return;
    }
    for week in schedule.weeks(first, last - first + 1) {
        for s in &week.stretches {
            let (start, end) = (s.start.with_timezone(&Utc).max(from), s.end.with_timezone(&Utc).min(to));
            if start < end {
                f(week.week.id, &s.engineer, start, end);
            }
        }
    }
}

/// For each team (by position), when its engineers are on call for the other teams between
/// `from` and `to`, one entry per stretch of the other team (stretches of one person next to
/// each other in the same week of the same team joined): the [`ScheduleInputs::elsewhere`]
/// (crate::ScheduleInputs::elsewhere) of a team, computed from the other teams' schedules
/// *without* theirs, so no two teams wait on each other. `teams` are `(slug, data)` in the
/// organisation's order.
pub fn on_call_elsewhere(
    teams: &[(&str, &TeamData)],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Vec<OnCallElsewhere>> {
    let mut out: Vec<Vec<OnCallElsewhere>> = vec![Vec::new(); teams.len()];
    for (u, &(slug, other)) in teams.iter().enumerate() {
        let shared: Vec<usize> = (0..teams.len())
            .filter(|&t| t != u && teams[t].1.inputs.engineers.iter().any(|e| other.engineer(&e.slug).is_some()))
            .collect();
        if shared.is_empty() {
            continue;
        }
        let schedule = Schedule::new(Arc::clone(&other.inputs));
        for_each_stretch(&schedule, from, to, |week, person, start, end| {
            for &t in shared.iter().filter(|&&t| teams[t].1.engineer(person).is_some()) {
                let list = &mut out[t];
                match list.last_mut() {
                    Some(last)
                        if last.engineer == person && last.team_index == u && last.week == week && last.to == start =>
                    {
                        last.to = end;
                    }
                    _ => list.push(OnCallElsewhere {
                        engineer: person.to_string(),
                        team: other.inputs.team.name.clone(),
                        team_slug: slug.to_string(),
                        team_index: u,
                        week,
                        from: start,
                        to: end,
                        counts: Counts::SwapsAndClashes,
                    }),
                }
            }
        });
    }
    out
}

/// One team's `elsewhere` from the other teams as their own data makes them (`for_swaps`,
/// from [`on_call_elsewhere`] of the teams without theirs) and from their real schedules
/// (`real`, of the teams with theirs): each stretch once, marked with what it counts for.
pub fn merge_elsewhere(for_swaps: Vec<OnCallElsewhere>, real: Vec<OnCallElsewhere>) -> Vec<OnCallElsewhere> {
    let same = |a: &OnCallElsewhere, b: &OnCallElsewhere| {
        (a.team_index, a.week, a.from, a.to, &a.engineer) == (b.team_index, b.week, b.from, b.to, &b.engineer)
    };
    let mut out: Vec<OnCallElsewhere> =
        for_swaps.into_iter().map(|e| OnCallElsewhere { counts: Counts::SwapsOnly, ..e }).collect();
    let from_swaps = out.len();
    for stretch in real {
        match out[..from_swaps].iter_mut().find(|e| same(e, &stretch)) {
            Some(both) => both.counts = Counts::SwapsAndClashes,
            None => out.push(OnCallElsewhere { counts: Counts::ClashesOnly, ..stretch }),
        }
    }
    out
}

/// The clashes between `schedule`, the team at position `team_index` of the organisation
/// (its real schedule or a what-if preview of it), and the other teams as its
/// [`ScheduleInputs::elsewhere`](crate::ScheduleInputs::elsewhere) records them, between
/// `from` and `to`: what [`clashes`] over every team's schedule reports involving this team,
/// computed from this team's data alone (the site has no other team's).
///
/// Only the stretches of `elsewhere` that count for clashes (the other teams' real schedules,
/// see [`Counts`]) are taken.
pub fn clashes_elsewhere(
    team_index: usize,
    team_slug: &str,
    schedule: &Schedule,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Clash> {
    let mut by_person: BTreeMap<&str, Vec<&OnCallElsewhere>> = BTreeMap::new();
    for e in schedule.inputs().elsewhere.iter().filter(|e| e.counts.for_clashes() && e.from < to && from < e.to) {
        by_person.entry(e.engineer.as_str()).or_default().push(e);
    }
    let mut out = Vec::new();
    for_each_stretch(schedule, from, to, |week, person, start, end| {
        for e in by_person.get(person).into_iter().flatten().filter(|e| e.from < end && start < e.to) {
            let here = (team_index, ClashSide { team: team_slug.to_string(), week });
            let there = (e.team_index, ClashSide { team: e.team_slug.clone(), week: e.week });
            let (first, second) = if here.0 < there.0 { (here, there) } else { (there, here) };
            out.push(Clash {
                person: person.to_string(),
                from: start.max(e.from).max(from),
                to: end.min(e.to).min(to),
                teams: [first.1, second.1],
            });
        }
    });
    join_adjacent(out)
}

/// `clashes` sorted, those of one person and the same two weeks that follow each other
/// without a gap joined (a week split by a cover, say, is one clash, not two).
fn join_adjacent(clashes: Vec<Clash>) -> Vec<Clash> {
    let mut sorted = Vec::with_capacity(clashes.len());
    for clash in clashes {
        insert_in_order(&mut sorted, clash);
    }
    let mut out: Vec<Clash> = Vec::with_capacity(sorted.len());
    for clash in sorted {
        // By person, then time: a clash can only continue one already seen of the same person.
        let continued = out
            .iter_mut()
            .rev()
            .take_while(|c| c.person == clash.person)
            .find(|c| c.teams == clash.teams && c.to == clash.from);
        match continued {
            Some(earlier) => earlier.to = clash.to,
            None => out.push(clash),
        }
    }
    out
}

/// Puts `clash` into `sorted` (by person, then time) after every clash that is not after it.
/// Clashes are found nearly in order, so this looks from the end; it is also much smaller
/// in the site's wasm than a sort (kilobytes per sort).
pub fn insert_in_order(sorted: &mut Vec<Clash>, clash: Clash) {
    let at = sorted.iter().rposition(|c| *c <= clash).map_or(0, |i| i + 1);
    sorted.insert(at, clash);
}

/// What a data folder holds: one team (today's `data/`) or an organisation of teams.
#[derive(Debug, Clone, PartialEq)]
pub enum SiteData {
    Team(TeamData),
    Org(Organisation),
}

impl SiteData {
    /// Every team: the one team, or the organisation's in display order with their slugs.
    pub fn teams(&self) -> Vec<(&str, &TeamData)> {
        match self {
            SiteData::Team(data) => vec![("", data)],
            SiteData::Org(org) => org.teams.iter().map(|t| (t.slug.as_str(), &t.data)).collect(),
        }
    }

    /// The same data without its prose (see [`crate::text_files`]).
    pub fn without_text(&self) -> SiteData {
        match self {
            SiteData::Team(data) => SiteData::Team(data.without_text()),
            SiteData::Org(org) => SiteData::Org(Organisation {
                teams: org
                    .teams
                    .iter()
                    .map(|t| OrgTeam { slug: t.slug.clone(), data: t.data.without_text() })
                    .collect(),
                ..org.clone()
            }),
        }
    }
}
