//! Shared test helpers: the default team, built by hand to mirror `data/*.json` exactly.
//!
//! Kept independent of the `load` feature so unit-style tests run without reading files.

#![allow(dead_code)]

use chrono::{NaiveDate, NaiveTime, Weekday};
use rota::*;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn s(x: &str) -> String {
    x.to_string()
}

fn engineer(slug: &str, name: &str, backup: &str) -> Engineer {
    Engineer { slug: s(slug), name: s(name), contacts: Vec::new(), contact: None, calendar: None, backup: s(backup) }
}

fn fixed(name: &str, month: u32, day: u32, observed: bool) -> HolidayRule {
    HolidayRule { name: s(name), date: HolidayDate::Fixed { month, day }, observed }
}

fn nth(name: &str, month: u32, weekday: Weekday, n: u8) -> HolidayRule {
    HolidayRule { name: s(name), date: HolidayDate::NthWeekday { month, weekday, n }, observed: false }
}

fn last(name: &str, month: u32, weekday: Weekday) -> HolidayRule {
    HolidayRule { name: s(name), date: HolidayDate::LastWeekday { month, weekday }, observed: false }
}

fn pipeline(
    slug: &str,
    name: &str,
    area: &str,
    audience: Audience,
    primary: &str,
    secondary: &str,
    description: &str,
) -> Pipeline {
    Pipeline {
        slug: s(slug),
        name: s(name),
        area: s(area),
        audience,
        primary: s(primary),
        secondary: s(secondary),
        description: s(description),
    }
}

fn fp(slug: &str, title: &str, description: &str, symptoms: &[&str]) -> FailurePoint {
    FailurePoint {
        slug: s(slug),
        title: s(title),
        description: s(description),
        symptoms: symptoms.iter().map(|x| s(x)).collect(),
        signals: vec![],
        first_checks: vec![],
    }
}

/// The 11 US federal holiday rules of `data/holidays.json`.
pub fn us_federal() -> HolidayCalendar {
    HolidayCalendar {
        slug: s("us-federal"),
        name: s("US federal holidays"),
        rules: vec![
            fixed("New Year's Day", 1, 1, true),
            nth("Birthday of Martin Luther King, Jr.", 1, Weekday::Mon, 3),
            nth("Washington's Birthday", 2, Weekday::Mon, 3),
            last("Memorial Day", 5, Weekday::Mon),
            fixed("Juneteenth National Independence Day", 6, 19, true),
            fixed("Independence Day", 7, 4, true),
            nth("Labor Day", 9, Weekday::Mon, 1),
            nth("Columbus Day", 10, Weekday::Mon, 2),
            fixed("Veterans Day", 11, 11, true),
            nth("Thanksgiving Day", 11, Weekday::Thu, 4),
            fixed("Christmas Day", 12, 25, true),
        ],
        one_off: vec![],
    }
}

/// The default team of `data/`: New York, Monday 09:00 handoff, epoch 2025-12-29,
/// alice → bob → charlie → diana, backups from pipeline secondaries.
pub fn default_team() -> TeamData {
    TeamData {
        inputs: std::sync::Arc::new(default_inputs()),
        pipelines: default_pipelines(),
        runbooks: default_runbooks(),
    }
}

/// What the default team's schedule is computed from.
pub fn default_inputs() -> ScheduleInputs {
    ScheduleInputs {
        team: Team {
            name: s("Data Engineering"),
            time_zone: chrono_tz::America::New_York,
            handoff: Handoff { weekday: Weekday::Mon, time: NaiveTime::from_hms_opt(9, 0, 0).unwrap() },
            epoch: d(2025, 12, 29),
            rotation: vec![s("alice"), s("bob"), s("charlie"), s("diana")],
            calendar: Some(s("us-federal")),
            reminders: vec![],
            fallback_contacts: vec![],
            layers: Default::default(),
        },
        engineers: vec![
            engineer("alice", "Alice", "bob"),
            engineer("bob", "Bob", "charlie"),
            engineer("charlie", "Charlie", "diana"),
            engineer("diana", "Diana", "alice"),
        ],
        calendars: vec![us_federal()],
        leave: vec![],
        decisions: vec![],
        roster_changes: vec![],
        covers: vec![],
        trades: vec![],
        elsewhere: vec![],
    }
}

fn default_pipelines() -> Vec<Pipeline> {
    vec![
        pipeline("profit", "Profit", "Profit", Audience::Experiments, "alice", "bob", "Profit (for experiments)."),
        pipeline(
            "aggregate-profit",
            "Aggregate Profit",
            "Profit",
            Audience::Investor,
            "bob",
            "charlie",
            "Aggregate Profit (investor).",
        ),
        pipeline(
            "aggregate-growth",
            "Aggregate Growth",
            "Growth",
            Audience::Investor,
            "charlie",
            "diana",
            "Aggregate Growth (investor).",
        ),
        pipeline(
            "daily-growth",
            "Daily Growth",
            "Growth",
            Audience::Experiments,
            "diana",
            "alice",
            "Daily Growth (for experiments).",
        ),
        pipeline(
            "aggregate-engagement",
            "Aggregate Engagement",
            "Engagement",
            Audience::Investor,
            "alice",
            "bob",
            "Aggregate Engagement (investor).",
        ),
    ]
}

fn default_runbooks() -> Vec<Runbook> {
    vec![
            Runbook {
                pipeline: s("aggregate-profit"),
                summary: s("This pipeline ingests and aggregates transaction and cost data to calculate overall profit margins."),
                failure_points: vec![
                    fp("source-data-incompleteness", "Source Data Incompleteness", "Upstream financial data systems fail to deliver all transaction records, leading to an underreported profit figure.", &["profit too low", "underreported", "missing transactions"]),
                    fp("data-latency", "Data Latency", "The ETL process for cost data is delayed, causing the profit calculation to be performed with outdated information.", &["stale", "outdated", "late", "profit not updated"]),
                    fp("schema-drift", "Schema Drift", "A new field is added or an existing field is changed in the source transaction data, causing the pipeline's calculation logic to fail or produce incorrect results.", &["pipeline failed", "incorrect results", "new field"]),
                    fp("malicious-data-injection", "Malicious Data Injection", "Malformed or fraudulent transaction records are introduced into the source system, corrupting the aggregate profit number.", &["corrupted", "fraudulent records", "malformed records"]),
                    fp("calculation-logic-error", "Calculation Logic Error", "A bug in the aggregation query, such as an incorrect join or a misapplied filter, results in an inaccurate final metric.", &["inaccurate", "wrong metric", "incorrect join"]),
                ],
            },
            Runbook {
                pipeline: s("aggregate-growth"),
                summary: s("This pipeline tracks user signups and active user counts to measure overall business growth."),
                failure_points: vec![
                    fp("tracking-event-failures", "Tracking Event Failures", "The front-end tracking system fails to send user signup events, leading to an underreporting of new users.", &["signups too low", "underreported", "missing signups"]),
                    fp("incorrect-time-windows", "Incorrect Time Windows", "The pipeline's query logic uses the wrong time window (e.g., UTC vs. local time), causing discrepancies in the daily or weekly growth numbers.", &["discrepancy", "off by a day", "daily and weekly numbers disagree", "UTC"]),
                    fp("duplicate-user-ids", "Duplicate User IDs", "The source system creates duplicate user IDs, which are incorrectly counted multiple times by the pipeline, leading to an overreported growth figure.", &["doubled", "overcounted users", "growth too high", "duplicates"]),
                    fp("bot-or-spam-traffic", "Bot or Spam Traffic", "An influx of bot signups or non-human activity is not properly filtered out, inflating the growth metrics.", &["spike", "inflated", "growth too high", "bots"]),
                    fp("infrastructure-outage", "Infrastructure Outage", "A database or processing cluster outage prevents the pipeline from running on schedule, leaving the growth report stale.", &["stale", "did not run", "outage", "growth report not updated"]),
                ],
            },
            Runbook {
                pipeline: s("aggregate-engagement"),
                summary: s("This pipeline processes user behavior events (clicks, scrolls, views) to report on user engagement metrics like daily active users (DAUs) or session length."),
                failure_points: vec![
                    fp("event-log-corruption", "Event Log Corruption", "The raw event logs are corrupted or improperly formatted, causing the pipeline to skip or fail to process key user actions.", &["malformed events", "missing actions", "failed"]),
                    fp("sessionization-logic-errors", "Sessionization Logic Errors", "The logic used to group events into a single \"session\" breaks, leading to inaccurate session counts and average session lengths.", &["session counts wrong", "session length wrong", "inaccurate"]),
                    fp("changes-in-product-ui", "Changes in Product UI", "A change in the front-end user interface causes event names to be altered, but the pipeline's logic is not updated to reflect this, leading to zero-reported engagement for new features.", &["zero", "new feature shows zero", "renamed events"]),
                    fp("high-cardinality-data", "High Cardinality Data", "The volume of new event types or user identifiers exceeds the pipeline's capacity, causing processing to slow down or fail.", &["slow", "failed", "too many event types"]),
                    fp("data-dropping", "Data Dropping", "Events are dropped by the ingestion system before they reach the pipeline, resulting in an underreporting of engagement.", &["underreported", "engagement too low", "missing events", "dropped events"]),
                ],
            },
        ]
}

/// A schedule of its own over a copy of `inputs`.
pub fn schedule(inputs: &ScheduleInputs) -> Schedule {
    Schedule::new(std::sync::Arc::new(inputs.clone()))
}
