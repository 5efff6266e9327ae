//! The commands answer for the same weeks as the site, [`rota::Horizon`] at now: a script that
//! asks for `--from 9999-W01` gets the range it may ask for, not ten thousand years of weeks.

use chrono::{DateTime, NaiveDate, Utc};
use rota::{Horizon, Schedule, WeekId};

/// The horizon of `schedule`'s rotation at `now`.
pub fn at(schedule: &Schedule, now: DateTime<Utc>) -> Horizon {
    Horizon::at(&schedule.rotation(), now)
}

/// The rotation index of `from`, if `weeks` weeks from it all lie in `horizon`; else why not.
pub fn weeks(schedule: &Schedule, horizon: Horizon, from: WeekId, weeks: u32) -> Result<u32, String> {
    let rotation = schedule.rotation();
    let index = rotation
        .index_of_week(from)
        .ok_or_else(|| format!("{from} is before the rotation starts ({})", rotation.week(0).id))?;
    if let Some(reason) = horizon.refuse_week(from) {
        return Err(reason);
    }
    let last = from.plus_weeks(i64::from(weeks) - 1);
    match horizon.refuse_week(last) {
        Some(reason) => Err(format!(
            "{weeks} weeks from {from} end in {last}: {reason}; at most {} weeks from {from}",
            horizon.weeks_from(from)
        )),
        None => Ok(index),
    }
}

/// `date`, if it lies in `horizon`; else why not.
pub fn date(horizon: Horizon, date: NaiveDate) -> Result<NaiveDate, String> {
    match horizon.refuse_dates(date, date) {
        Some(reason) => Err(reason),
        None => Ok(date),
    }
}

/// `year`, if all of it lies in `horizon`; else why not.
pub fn year(horizon: Horizon, year: i32) -> Result<i32, String> {
    let years = horizon.years();
    if years.contains(&year) {
        return Ok(year);
    }
    Err(format!(
        "{year} is not a year from {} to {}, the years wholly inside {}",
        years.start(),
        years.end(),
        horizon.describe()
    ))
}
