//! Constructors used by the Rust source that [`codegen`](crate) emits for embedded data.
//!
//! They are `const fn`s, evaluated in `const { … }` blocks of the generated code, so a date or
//! time that does not exist fails the *compilation* instead of panicking in a browser.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// A calendar date; fails const evaluation if it does not exist.
pub const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("embedded data holds a date that does not exist"),
    }
}

/// A time of day; fails const evaluation if it does not exist.
pub const fn time(hour: u32, minute: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, minute, 0) {
        Some(time) => time,
        None => panic!("embedded data holds a time that does not exist"),
    }
}

/// A wall-clock minute; fails const evaluation if it does not exist.
pub const fn minute(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> chrono::NaiveDateTime {
    date(year, month, day).and_time(time(hour, minute))
}

/// An instant, as seconds since 1970-01-01 UTC; fails const evaluation if out of range.
pub const fn instant(seconds: i64) -> DateTime<Utc> {
    match DateTime::from_timestamp(seconds, 0) {
        Some(instant) => instant,
        None => panic!("embedded data holds an instant out of range"),
    }
}
