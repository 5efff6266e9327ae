//! Who is on call for every team of an organisation, as one small file: the organisation's
//! Now page answers from it without fetching 200 teams' data.
//!
//! It holds every team's stretches (covers, swaps and trades applied, exactly those
//! [`Schedule::stretch_at`] walks) from 8 weeks before the build to 104 weeks after. A team's
//! stretches tile time, so the file gives each team's first start once and then, per stretch,
//! the engineer (a position in the file's list of people) and the seconds to its end:
//!
//! ```
//! use rota::chrono::{TimeZone, Utc};
//! use rota::org_files::{decode_on_call, OnCallTable, TableStretch};
//! let at = |h| Utc.with_ymd_and_hms(2027, 1, 4, h, 0, 0).unwrap();
//! let stretch = |engineer: &str, start, end| TableStretch { engineer: engineer.into(), start: at(start), end: at(end) };
//! let table = OnCallTable {
//!     from: at(0),
//!     to: at(20),
//!     teams: vec![vec![stretch("alice", 0, 9), stretch("bob", 9, 21)], vec![]],
//! };
//! let body = rota::on_call_table::encode(&table);
//! assert_eq!(body, "rota-on-call 1\nrange 1799020800 1799092800\npeople alice bob\nteam 1799020800 0 32400 1 43200\nteam\n");
//! let table = decode_on_call(&body).unwrap();
//! assert_eq!(table.at(0, at(3)).map(|(now, next)| (&*now.engineer, &*next.engineer)), Some(("alice", "bob")));
//! assert_eq!(table.at(0, at(10)), None, "bob's is the last stretch: who comes next is not in the file");
//! assert_eq!(table.at(1, at(3)), None);
//! assert_eq!(table.next_change_after(at(3)), Some(at(9)));
//! ```

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use crate::line_format::{lines, num, word};
use crate::text_files::TextFileError;
use crate::Schedule;

/// The first line of every on-call table; a newer format changes the number.
const HEADER: &str = "rota-on-call 1";

/// Every team's stretches from `from` to `to` (see the [module](self)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnCallTable {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// In the organisation's order; each team's stretches in time order, without gaps, from
    /// the one holding `from` (or the first, if the rotation starts later) to the one holding
    /// the last instant before `to`.
    pub teams: Vec<Vec<TableStretch>>,
}

/// One engineer on call for a team from `start` to `end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableStretch {
    pub engineer: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl OnCallTable {
    /// Every team's real stretches between `from` and `to` (`teams` in the organisation's
    /// order).
    pub fn new(teams: &[&crate::TeamData], from: DateTime<Utc>, to: DateTime<Utc>) -> OnCallTable {
        let teams = teams
            .iter()
            .map(|data| {
                let schedule = Schedule::new(Arc::clone(&data.inputs));
                let rotation = schedule.rotation();
                let Some(last) = rotation.index_at(to - Duration::seconds(1)) else { return Vec::new() };
                let first = rotation.index_at(from).unwrap_or(0);
                let weeks = schedule.weeks(first, last.saturating_sub(first) + 1);
                weeks
                    .into_iter()
                    .flat_map(|w| w.stretches)
                    .map(|s| TableStretch {
                        engineer: s.engineer,
                        start: s.start.with_timezone(&Utc),
                        end: s.end.with_timezone(&Utc),
                    })
                    .filter(|s| s.end > from && s.start < to)
                    .collect()
            })
            .collect();
        OnCallTable { from, to, teams }
    }

    /// The stretch containing `now` for team `team` and the one after it — exactly what
    /// [`Schedule::stretch_at`] gives for that team's real schedule (engineer, start, end),
    /// for every `now` in `[from, to)` that is not within the last stretch. `None` when nobody
    /// is on call then (before the rotation starts), `now` is outside `[from, to)`, or it is
    /// within the last stretch.
    pub fn at(&self, team: usize, now: DateTime<Utc>) -> Option<(&TableStretch, &TableStretch)> {
        if now < self.from || now >= self.to {
            return None;
        }
        let stretches = self.teams.get(team)?;
        let i = stretches.partition_point(|s| s.end <= now);
        let current = stretches.get(i).filter(|s| s.start <= now)?;
        Some((current, stretches.get(i + 1)?))
    }

    /// The earliest stretch boundary of any team after `now` (for the page's clock timer);
    /// `None` from `to` on.
    pub fn next_change_after(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if now >= self.to {
            return None;
        }
        self.teams
            .iter()
            .filter_map(|stretches| {
                let s = stretches.get(stretches.partition_point(|s| s.end <= now))?;
                Some(if s.start > now { s.start } else { s.end })
            })
            .min()
    }
}

/// The table as a file: its range, its people, and each team's first start, then per
/// stretch the engineer's position among the people and the seconds from the stretch's start
/// to its end.
pub fn encode(table: &OnCallTable) -> String {
    let mut people: Vec<&str> = table.teams.iter().flatten().map(|s| s.engineer.as_str()).collect();
    people.sort_unstable();
    people.dedup();
    let mut out = format!("{HEADER}\nrange");
    instant(&mut out, table.from);
    instant(&mut out, table.to);
    out.push_str("\npeople");
    for person in &people {
        word(&mut out, person);
    }
    out.push('\n');
    for stretches in &table.teams {
        out.push_str("team");
        if let Some(first) = stretches.first() {
            instant(&mut out, first.start);
        }
        for s in stretches {
            num(&mut out, people.binary_search(&s.engineer.as_str()).unwrap_or(0));
            num(&mut out, (s.end - s.start).num_seconds());
        }
        out.push('\n');
    }
    out
}

fn instant(out: &mut String, t: DateTime<Utc>) {
    num(out, t.timestamp());
}

/// Reads an on-call table; any line that cannot be read (or stretches that do not move
/// forward) is an error naming it.
pub fn decode_on_call(body: &str) -> Result<OnCallTable, TextFileError> {
    let mut range = None;
    let mut people: Vec<String> = Vec::new();
    let mut teams = Vec::new();
    for (tag, mut f) in lines(body, HEADER, "rota on-call table")? {
        let f = &mut f;
        let read_instant = |f: &mut crate::line_format::Fields, what| {
            let seconds: i64 = f.parse(what)?;
            DateTime::from_timestamp(seconds, 0).ok_or_else(|| f.fail(format!("{what} out of range")))
        };
        match tag {
            "range" => range = Some((read_instant(f, "from")?, read_instant(f, "to")?)),
            "people" => {
                while f.more() {
                    people.push(f.word("person")?);
                }
            }
            "team" => {
                let mut stretches: Vec<TableStretch> = Vec::new();
                if f.more() {
                    let mut start = read_instant(f, "first start")?;
                    while f.more() {
                        let person: usize = f.parse("person")?;
                        let engineer = people.get(person).ok_or_else(|| f.fail("no such person"))?.clone();
                        let seconds: i64 = f.parse("seconds")?;
                        let end = Some(seconds)
                            .filter(|&s| s > 0)
                            .and_then(Duration::try_seconds)
                            .and_then(|d| start.checked_add_signed(d))
                            .ok_or_else(|| f.fail(format!("bad length {seconds}")))?;
                        stretches.push(TableStretch { engineer, start, end });
                        start = end;
                    }
                }
                teams.push(stretches);
            }
            _ => return Err(f.fail(format!("unknown tag \"{tag}\""))),
        }
        f.end()?;
    }
    let (from, to) = range.ok_or(TextFileError { line: 2, reason: "no range line".into() })?;
    Ok(OnCallTable { from, to, teams })
}
