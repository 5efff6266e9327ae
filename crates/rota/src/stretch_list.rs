//! The schedule as a flat list of stretches — who is on call from when to when, and why that
//! engineer and not the rotation's — so that a reader without the rules (a chat bot reading the
//! static API, a spreadsheet) answers "who is on call at T" by finding the one stretch that
//! holds T. Consecutive stretches meet exactly: each ends where the next starts.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::{Schedule, StretchKind, WeekAssignment, WeekId};

/// Why an engineer holds a stretch. One reason is given, the most specific: a cover inside a
/// traded week is a cover, a traded week that also starts a roster change is a trade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Why {
    /// The rotation's engineer for the week, as scheduled.
    Rotation,
    /// A holiday swap (either side: the holiday week covered by the backup, or the return week).
    Swap,
    /// A trade two engineers agreed (`trades.json`).
    Trade,
    /// A cover of part of someone's week (`covers.json`).
    Cover,
    /// The first week of a roster change (`roster_changes.json`): the order changed here.
    RosterChange,
}

impl Why {
    pub const ALL: [Why; 5] = [Why::Rotation, Why::Swap, Why::Trade, Why::Cover, Why::RosterChange];

    /// The word the API and the CSV files use; `none` when the rotation alone decides.
    pub fn name(self) -> &'static str {
        match self {
            Why::Rotation => "none",
            Why::Swap => "swap",
            Why::Trade => "trade",
            Why::Cover => "cover",
            Why::RosterChange => "roster-change",
        }
    }
}

/// One unbroken stretch of on-call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedStretch {
    /// The rotation week the stretch lies in.
    pub week: WeekId,
    pub start: DateTime<Tz>,
    pub end: DateTime<Tz>,
    /// The engineer on call (slug).
    pub engineer: String,
    pub why: Why,
    /// For a cover: whose time it is (slug).
    pub instead_of: Option<String>,
}

/// Every stretch of `weeks`, in order. (A plain loop: the site's wasm runs this for its CSV
/// download, and iterator adaptors there are code to download.)
pub fn stretches(weeks: &[WeekAssignment]) -> Vec<ListedStretch> {
    let mut out = Vec::new();
    for w in weeks {
        let arranged = if w.trade.as_ref().is_some_and(|t| t.applied) {
            Why::Trade
        } else if w.swap.is_some() {
            Why::Swap
        } else if w.roster_change.is_some() {
            Why::RosterChange
        } else {
            Why::Rotation
        };
        for s in &w.stretches {
            let (why, instead_of) = match &s.kind {
                StretchKind::Cover { instead_of, .. } => (Why::Cover, Some(instead_of.clone())),
                StretchKind::Week => (arranged, None),
            };
            out.push(ListedStretch {
                week: w.week.id,
                start: s.start,
                end: s.end,
                engineer: s.engineer.clone(),
                why,
                instead_of,
            });
        }
    }
    out
}

/// The weeks from `before` weeks before the week holding `instant` to `after` weeks after it,
/// as `(first index, count)`; never before the rotation's first week. Before the rotation
/// starts, the range starts with its first week.
pub fn weeks_around(schedule: &Schedule, instant: DateTime<Utc>, before: u32, after: u32) -> (u32, u32) {
    let centre = schedule.rotation().index_at(instant).unwrap_or(0);
    let first = centre.saturating_sub(before);
    (first, centre + after - first + 1)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::what_if::doc_team;
    use crate::{Cover, Trade};

    /// Alice and Bob, weekly from Mon 29 Dec 2025 00:00 UTC: 2026-W01 is Alice's, W02 Bob's
    /// and so on. Alice covers Wed 7 Jan 18:00 – Thu 8 Jan 09:00 of Bob's 2026-W02; Bob and
    /// Alice trade 2026-W04 (Bob's) and 2026-W05 (Alice's).
    fn schedule() -> Schedule {
        let mut inputs = (*doc_team().inputs).clone();
        let at = |day, hour| crate::embedded::date(2026, 1, day).and_hms_opt(hour, 0, 0).unwrap();
        inputs.covers.push(Cover { engineer: "alice".into(), from: at(7, 18), to: at(8, 9), note: None });
        inputs.trades.push(Trade {
            weeks: ["2026-W04".parse().unwrap(), "2026-W05".parse().unwrap()],
            engineers: ["bob".into(), "alice".into()],
            note: None,
        });
        Schedule::new(Arc::new(inputs))
    }

    #[test]
    fn lists_each_stretch_with_why_and_they_meet() {
        let list = stretches(&schedule().weeks(0, 6));
        let summary: Vec<String> = list
            .iter()
            .map(|s| {
                let instead = s.instead_of.as_deref().map(|i| format!(" for {i}")).unwrap_or_default();
                format!("{} {} {} {}{instead}", s.week, s.start.format("%a %-d %b %H:%M"), s.engineer, s.why.name())
            })
            .collect();
        assert_eq!(
            summary,
            [
                "2026-W01 Mon 29 Dec 00:00 alice none",
                "2026-W02 Mon 5 Jan 00:00 bob none",
                "2026-W02 Wed 7 Jan 18:00 alice cover for bob",
                "2026-W02 Thu 8 Jan 09:00 bob none",
                "2026-W03 Mon 12 Jan 00:00 alice none",
                "2026-W04 Mon 19 Jan 00:00 alice trade",
                "2026-W05 Mon 26 Jan 00:00 bob trade",
                "2026-W06 Mon 2 Feb 00:00 bob none",
            ]
        );
        assert!(list.windows(2).all(|pair| pair[0].end == pair[1].start));
    }

    #[test]
    fn weeks_around_an_instant_stop_at_the_rotation_start() {
        let schedule = schedule();
        let instant = |text: &str| text.parse::<DateTime<Utc>>().unwrap();
        // Wed 11 Mar 2026 is in week 10 (2026-W11): weeks 2..=114.
        assert_eq!(weeks_around(&schedule, instant("2026-03-11T12:00:00Z"), 8, 104), (2, 113));
        // Two weeks in: from week 0, still 104 weeks after the instant's week.
        assert_eq!(weeks_around(&schedule, instant("2026-01-14T12:00:00Z"), 8, 104), (0, 107));
        // Before the rotation starts, from its first week.
        assert_eq!(weeks_around(&schedule, instant("2025-06-01T00:00:00Z"), 8, 104), (0, 105));
    }
}
