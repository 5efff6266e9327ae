//! What-if previews carried in a link: extra leave, declined swaps and covers layered over
//! the team's schedule inputs, so a manager can share "what happens if Bob is away 1–10
//! December?" or "what if Bob covers Wednesday evening?".
//!
//! ```
//! let inputs = rota::what_if::doc_team().inputs;
//! let horizon = rota::what_if::doc_horizon();
//! let what_if = rota::what_if::WhatIf::parse(
//!     &["bob:2026-12-01..2026-12-10".into()],
//!     &["2026-W52".into()],
//!     &["alice:2026-12-02T18:00..2026-12-03T09:00".into()],
//!     &inputs,
//!     horizon,
//! )
//! .unwrap();
//! assert_eq!(
//!     what_if.to_query(),
//!     "leave=bob:2026-12-01..2026-12-10&keep=2026-W52&cover=alice:2026-12-02T18:00..2026-12-03T09:00"
//! );
//! let preview = what_if.apply(&inputs);
//! assert_eq!(preview.leave.len(), inputs.leave.len() + 1);
//! assert_eq!(preview.covers.len(), inputs.covers.len() + 1);
//! ```

use std::fmt;

use chrono::NaiveDate;

use crate::cover::{check_cover, format_local_minute, parse_local_minute};
use crate::{Cover, Decision, Horizon, Leave, ScheduleInputs, TeamData, WeekId};

/// Longest leave a link may add: long enough for any real absence, short enough that a
/// mistyped year cannot make the preview compute centuries.
pub const MAX_LEAVE_DAYS: i64 = 366;
/// Most what-if values one link may carry: more than any real plan needs, few enough that a
/// crafted link cannot make every page recompute the schedule for thousands of changes.
pub const MAX_WHAT_IF_VALUES: usize = 20;

/// Extra leave, declined swaps and covers on top of the team's data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhatIf {
    pub leave: Vec<Leave>,
    pub keep: Vec<WeekId>,
    pub covers: Vec<Cover>,
}

/// A `leave=` or `keep=` value that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIfError {
    pub param: &'static str,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for WhatIfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}: {}", self.param, self.value, self.reason)
    }
}

impl std::error::Error for WhatIfError {}

impl WhatIf {
    /// Reads `leave=<person>:<from>..<to>` (dates as YYYY-MM-DD), `keep=<week>` and
    /// `cover=<person>:<from>..<to>` (team wall-clock times as YYYY-MM-DDTHH:MM) values, each
    /// wholly inside `horizon`.
    pub fn parse(
        leave: &[String],
        keep: &[String],
        cover: &[String],
        data: &ScheduleInputs,
        horizon: Horizon,
    ) -> Result<WhatIf, WhatIfError> {
        let mut values = leave
            .iter()
            .map(|v| ("leave", v))
            .chain(keep.iter().map(|v| ("keep", v)))
            .chain(cover.iter().map(|v| ("cover", v)));
        if let Some((param, value)) = values.nth(MAX_WHAT_IF_VALUES) {
            let reason = format!(
                "a link can carry at most {MAX_WHAT_IF_VALUES} what-if values in all, and this one has {}",
                leave.len() + keep.len() + cover.len()
            );
            return Err(WhatIfError { param, value: value.clone(), reason });
        }

        let leave = leave.iter().map(|value| parse_leave(value, data, horizon)).collect::<Result<Vec<_>, _>>()?;
        let keep = keep.iter().map(|value| parse_keep(value, horizon)).collect::<Result<Vec<_>, _>>()?;
        let mut what_if = WhatIf { leave, keep, covers: Vec::new() };
        // Checked against the preview's own leave too: a cover by someone the link sends away
        // cannot stand.
        let with_leave = what_if.apply(data);
        what_if.covers =
            cover.iter().map(|value| parse_cover(value, &with_leave, horizon)).collect::<Result<Vec<_>, _>>()?;
        Ok(what_if)
    }

    pub fn is_empty(&self) -> bool {
        self.leave.is_empty() && self.keep.is_empty() && self.covers.is_empty()
    }

    /// The schedule inputs with this preview's leave, declined swaps and covers added (its
    /// covers win where they overlap the team's).
    pub fn apply(&self, data: &ScheduleInputs) -> ScheduleInputs {
        let mut preview = data.clone();
        preview.leave.extend(self.leave.iter().cloned());
        for week in &self.keep {
            if !preview.decisions.iter().any(|d| d.week == *week) {
                preview.decisions.push(Decision { week: *week, note: Some("what-if preview".into()) });
            }
        }
        preview.covers.extend(self.covers.iter().cloned());
        preview
    }

    /// The query string that reproduces this preview (without a leading `?`).
    pub fn to_query(&self) -> String {
        let (leave, keep, covers) = self.values();
        let pairs = |name: &'static str, values: Vec<String>| values.into_iter().map(move |v| format!("{name}={v}"));
        pairs("leave", leave).chain(pairs("keep", keep)).chain(pairs("cover", covers)).collect::<Vec<_>>().join("&")
    }

    /// This preview with one more value of `param` (`leave`, `keep` or `cover`), checked as a
    /// link's would be — e.g. for a form that adds an absence to the preview on screen.
    pub fn adding(
        &self,
        param: &str,
        value: &str,
        data: &ScheduleInputs,
        horizon: Horizon,
    ) -> Result<WhatIf, WhatIfError> {
        let (mut leave, mut keep, mut covers) = self.values();
        match param {
            "leave" => leave.push(value.to_string()),
            "keep" => keep.push(value.to_string()),
            _ => covers.push(value.to_string()),
        }
        WhatIf::parse(&leave, &keep, &covers, data, horizon)
    }

    /// The `leave=`, `keep=` and `cover=` values that reproduce this preview.
    fn values(&self) -> (Vec<String>, Vec<String>, Vec<String>) {
        (
            self.leave.iter().map(|l| format!("{}:{}..{}", l.engineer, l.from, l.to)).collect(),
            self.keep.iter().map(|w| w.to_string()).collect(),
            self.covers
                .iter()
                .map(|c| format!("{}:{}..{}", c.engineer, format_local_minute(c.from), format_local_minute(c.to)))
                .collect(),
        )
    }
}

/// Splits `<person>:<from>..<to>`, checking the person.
fn person_and_range<'v>(
    value: &'v str,
    data: &ScheduleInputs,
    example: &str,
    err: impl Fn(String) -> WhatIfError,
) -> Result<(&'v str, &'v str, &'v str), WhatIfError> {
    let (who, range) =
        value.split_once(':').ok_or_else(|| err(format!("expected <person>:<from>..<to>, e.g. {example}")))?;
    if data.engineer(who).is_none() {
        let known: Vec<&str> = data.engineers.iter().map(|e| e.slug.as_str()).collect();
        return Err(err(format!("unknown engineer \"{who}\" (known: {})", known.join(", "))));
    }
    let (from, to) = range.split_once("..").ok_or_else(|| err("the times must be written <from>..<to>".into()))?;
    Ok((who, from, to))
}

fn parse_cover(value: &str, data: &ScheduleInputs, horizon: Horizon) -> Result<Cover, WhatIfError> {
    let err = |reason: String| WhatIfError { param: "cover", value: value.to_string(), reason };
    // The times hold colons themselves: the person ends at the first one.
    let (who, from, to) = person_and_range(value, data, "bob:2027-03-10T18:00..2027-03-12T09:00", err)?;
    let (from, to) = (parse_local_minute(from).map_err(err)?, parse_local_minute(to).map_err(err)?);
    if let Some(reason) = horizon.refuse_dates(from.date(), to.date()) {
        return Err(err(reason));
    }
    let cover = Cover { engineer: who.to_string(), from, to, note: Some("what-if preview".into()) };
    check_cover(&cover, data).map_err(|(_, reason)| err(reason))?;
    Ok(cover)
}

fn parse_leave(value: &str, data: &ScheduleInputs, horizon: Horizon) -> Result<Leave, WhatIfError> {
    let err = |reason: String| WhatIfError { param: "leave", value: value.to_string(), reason };
    let (who, from, to) = person_and_range(value, data, "bob:2026-12-01..2026-12-10", err)?;
    let date = |text: &str| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| err(format!("\"{text}\" is not a date as YYYY-MM-DD")))
    };
    let (from, to) = (date(from)?, date(to)?);
    if to < from {
        return Err(err(format!("the leave ends ({to}) before it starts ({from})")));
    }
    if let Some(reason) = horizon.refuse_dates(from, to) {
        return Err(err(reason));
    }
    if (to - from).num_days() >= MAX_LEAVE_DAYS {
        return Err(err(format!("a preview can add at most {MAX_LEAVE_DAYS} days of leave at once")));
    }
    Ok(Leave { engineer: who.to_string(), from, to, note: Some("what-if preview".into()) })
}

fn parse_keep(value: &str, horizon: Horizon) -> Result<WeekId, WhatIfError> {
    let err = |reason: String| WhatIfError { param: "keep", value: value.to_string(), reason };
    let week: WeekId = value.parse().map_err(|e: crate::WeekIdError| err(e.reason.to_string()))?;
    match horizon.refuse_week(week) {
        Some(reason) => Err(err(reason)),
        None => Ok(week),
    }
}

/// The horizon of [`doc_team`] in late 2026: 2026-W01 to 2036-W52.
#[doc(hidden)]
pub fn doc_horizon() -> Horizon {
    let week = |w: &str| w.parse::<WeekId>().expect("a week");
    Horizon::new(week("2026-W01"), week("2026-W48"))
}

/// A two-person team for examples in the docs.
#[doc(hidden)]
pub fn doc_team() -> TeamData {
    use crate::{Engineer, Handoff, Team};
    use chrono::{NaiveTime, Weekday};
    let engineer = |slug: &str, backup: &str| Engineer {
        slug: slug.into(),
        name: slug.into(),
        contacts: Vec::new(),
        contact: None,
        calendar: None,
        backup: backup.into(),
    };
    TeamData {
        inputs: std::sync::Arc::new(ScheduleInputs {
            team: Team {
                name: "Doc".into(),
                time_zone: chrono_tz::Tz::UTC,
                handoff: Handoff { weekday: Weekday::Mon, time: NaiveTime::MIN },
                epoch: crate::embedded::date(2025, 12, 29),
                rotation: vec!["alice".into(), "bob".into()],
                calendar: None,
                reminders: vec![],
                fallback_contacts: vec![],
                layers: Default::default(),
            },
            engineers: vec![engineer("alice", "bob"), engineer("bob", "alice")],
            calendars: vec![],
            leave: vec![],
            decisions: vec![],
            roster_changes: vec![],
            covers: vec![],
            trades: vec![],
            elsewhere: vec![],
        }),
        pipelines: vec![],
        runbooks: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(leave: &[&str], keep: &[&str]) -> Result<WhatIf, WhatIfError> {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        WhatIf::parse(&owned(leave), &owned(keep), &[], &doc_team().inputs, doc_horizon())
    }

    #[test]
    fn reads_leave_and_keep_and_writes_them_back() {
        let what_if = parse(&["alice:2026-01-01..2026-01-02", "bob:2026-02-01..2026-02-01"], &["2026-W05"]).unwrap();
        assert_eq!(what_if.leave.len(), 2);
        assert_eq!(
            what_if.to_query(),
            "leave=alice:2026-01-01..2026-01-02&leave=bob:2026-02-01..2026-02-01&keep=2026-W05"
        );
    }

    #[test]
    fn explains_each_bad_value() {
        let reason = |leave: &[&str], keep: &[&str]| parse(leave, keep).unwrap_err().to_string();
        assert_eq!(
            reason(&["carol:2026-01-01..2026-01-02"], &[]),
            "leave=carol:2026-01-01..2026-01-02: unknown engineer \"carol\" (known: alice, bob)"
        );
        assert!(reason(&["alice"], &[]).contains("expected <person>:<from>..<to>"));
        assert!(reason(&["alice:2026-01-01"], &[]).contains("<from>..<to>"));
        assert!(reason(&["alice:2026-13-01..2026-13-02"], &[]).contains("\"2026-13-01\" is not a date"));
        assert!(reason(&["alice:2026-01-02..2026-01-01"], &[]).contains("ends (2026-01-01) before it starts"));
        assert!(reason(&["alice:2026-01-01..2029-01-01"], &[]).contains("at most 366 days"));
        assert!(reason(&[], &["2026-W99"]).starts_with("keep=2026-W99: that year has no such week"));
        assert_eq!(
            reason(&[], &["2025-W01"]),
            "keep=2025-W01: 2025-W01 is outside the weeks this site answers for (2026-W01 to 2036-W52, up to 10 years ahead)"
        );
    }

    /// Issue 16: `keep=9999-W52`, `leave=alice:9999-12-01..9999-12-05` and a cover in 9999
    /// were accepted, and the preview resolved ~417,000 weeks and printed weeks of 10000.
    #[test]
    fn values_outside_the_horizon_are_refused_naming_it() {
        let range = "outside the weeks this site answers for (2026-W01 to 2036-W52, up to 10 years ahead)";
        let error = |leave: &[&str], keep: &[&str], cover: &[&str]| {
            let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
            WhatIf::parse(&owned(leave), &owned(keep), &owned(cover), &doc_team().inputs, doc_horizon())
                .err()
                .map(|e| e.to_string())
        };
        assert_eq!(error(&[], &["9999-W52"], &[]).unwrap(), format!("keep=9999-W52: 9999-W52 is {range}"));
        assert_eq!(
            error(&["alice:9999-12-01..9999-12-05"], &[], &[]).unwrap(),
            format!("leave=alice:9999-12-01..9999-12-05: 9999-12-01 is {range}")
        );
        assert_eq!(
            error(&[], &[], &["bob:9999-12-01T10:00..9999-12-02T10:00"]).unwrap(),
            format!("cover=bob:9999-12-01T10:00..9999-12-02T10:00: 9999-12-01 is {range}")
        );
        // At both ends: the first and last weeks and their first and last days are inside…
        assert_eq!(
            error(&["alice:2025-12-29..2025-12-29", "bob:2036-12-28..2036-12-28"], &["2026-W01", "2036-W52"], &[]),
            None
        );
        assert_eq!(error(&[], &[], &["bob:2036-12-28T10:00..2036-12-28T20:00"]), None);
        // …and a day past either end is not.
        assert!(error(&[], &["2037-W01"], &[]).unwrap().contains(range));
        assert!(error(&["alice:2025-12-28..2025-12-29"], &[], &[]).unwrap().contains("2025-12-28 is outside"));
        assert!(error(&["alice:2036-12-20..2036-12-29"], &[], &[]).unwrap().contains("2036-12-29 is outside"));
        assert!(error(&[], &[], &["bob:2036-12-28T10:00..2036-12-29T10:00"])
            .unwrap()
            .contains("2036-12-29 is outside"));
    }

    #[test]
    fn keeping_a_week_declines_its_swap() {
        let data = doc_team().inputs;
        // Alice's week 0 becomes a holiday week through the preview's leave, so she swaps with Bob…
        let leave = parse(&["alice:2025-12-30..2025-12-30"], &[]).unwrap().apply(&data);
        assert_eq!(crate::Schedule::new(std::sync::Arc::new(leave)).week(0).on_call, "bob");
        // …unless the preview keeps the week.
        let kept = parse(&["alice:2025-12-30..2025-12-30"], &["2026-W01"]).unwrap().apply(&data);
        let week = crate::Schedule::new(std::sync::Arc::new(kept)).week(0);
        assert_eq!(week.on_call, "alice");
        assert!(week.conflict.is_some());
    }
}
