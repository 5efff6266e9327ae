//! Covers laid over a week: who is on call when, once "Bob covers Wednesday evening" is
//! applied.
//!
//! A cover names wall-clock times in the team's zone, read with the same rules as handoffs
//! (a time the clocks skip means the moment they jump; a time that happens twice means the
//! first). Where covers overlap, the one applied later wins: in the data folder overlaps are
//! rejected, so this only happens when a what-if preview adds a cover on top of one.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use crate::shift::local_instant;
use crate::week::{Stretch, StretchKind};
use crate::{Cover, RotationWeek};

impl Cover {
    /// Start and end as instants in `zone`.
    pub fn instants(&self, zone: Tz) -> (DateTime<Tz>, DateTime<Tz>) {
        (local_instant(zone, self.from), local_instant(zone, self.to))
    }

    /// Whether the cover's wall-clock span includes any part of `date`.
    pub fn touches_date(&self, date: chrono::NaiveDate) -> bool {
        let day_start = date.and_time(chrono::NaiveTime::MIN);
        self.from < day_start + chrono::Duration::days(1) && day_start < self.to
    }
}

/// A cover as instants, ready to be laid over weeks.
#[derive(Debug, Clone)]
pub(crate) struct CoverSpan {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    engineer: String,
    note: Option<String>,
}

pub(crate) fn cover_spans(covers: &[Cover], zone: Tz) -> Vec<CoverSpan> {
    covers
        .iter()
        .map(|c| {
            let (start, end) = c.instants(zone);
            CoverSpan {
                start: start.with_timezone(&Utc),
                end: end.with_timezone(&Utc),
                engineer: c.engineer.clone(),
                note: c.note.clone(),
            }
        })
        .collect()
}

/// The stretches of `week` held by `holder`, with `covers` applied in order.
pub(crate) fn stretches(week: &RotationWeek, holder: &str, covers: &[CoverSpan]) -> Vec<Stretch> {
    let zone = week.start.timezone();
    let (week_start, week_end) = (week.start.with_timezone(&Utc), week.end.with_timezone(&Utc));
    let mut parts = vec![(week_start, week_end, holder.to_string(), StretchKind::Week)];
    for cover in covers.iter().filter(|c| c.start < week_end && week_start < c.end) {
        let (from, to) = (cover.start.max(week_start), cover.end.min(week_end));
        let mut next = Vec::with_capacity(parts.len() + 2);
        for (start, end, engineer, kind) in parts {
            if end <= from || to <= start {
                next.push((start, end, engineer, kind));
                continue;
            }
            if start < from {
                next.push((start, from, engineer.clone(), kind.clone()));
            }
            let covered = StretchKind::Cover { instead_of: engineer.clone(), note: cover.note.clone() };
            next.push((start.max(from), end.min(to), cover.engineer.clone(), covered));
            if to < end {
                next.push((to, end, engineer, kind));
            }
        }
        parts = next;
    }
    let mut out: Vec<Stretch> = Vec::with_capacity(parts.len());
    for (start, end, engineer, kind) in parts {
        // Covering for yourself changes nothing.
        let kind = if engineer == holder { StretchKind::Week } else { kind };
        match out.last_mut() {
            Some(last) if last.engineer == engineer && last.kind == kind => last.end = end.with_timezone(&zone),
            _ => out.push(Stretch { start: start.with_timezone(&zone), end: end.with_timezone(&zone), engineer, kind }),
        }
    }
    out
}

/// The form covers use in data and links: `YYYY-MM-DDTHH:MM`, team wall-clock time.
const LOCAL_MINUTE: &str = "%Y-%m-%dT%H:%M";

/// Parses `YYYY-MM-DDTHH:MM` (team wall-clock time), the form covers use in data and links.
pub fn parse_local_minute(text: &str) -> Result<NaiveDateTime, String> {
    crate::shape::has_shape(text, "0000-00-00T00:00")
        .then(|| NaiveDateTime::parse_from_str(text, LOCAL_MINUTE).ok())
        .flatten()
        .ok_or_else(|| format!("\"{text}\" is not a time as YYYY-MM-DDTHH:MM (e.g. \"2027-03-10T18:00\")"))
}

/// Writes a wall-clock time the way [`parse_local_minute`] reads it.
pub fn format_local_minute(t: NaiveDateTime) -> String {
    t.format(LOCAL_MINUTE).to_string()
}

/// Longest cover: a cover is for part of a rotation, not a new one (use a roster change).
pub const MAX_COVER_DAYS: i64 = 31;

/// Why `cover` cannot stand with `inputs` (the field at fault and the reason): it must end
/// after it starts, last at most [`MAX_COVER_DAYS`], start once the rotation has started,
/// and not fall on its engineer's leave.
pub fn check_cover(cover: &Cover, inputs: &crate::ScheduleInputs) -> Result<(), (&'static str, String)> {
    let (from, to) = (cover.from, cover.to);
    if to <= from {
        return Err((
            "to",
            format!(
                "the cover ends ({}) before or when it starts ({})",
                format_local_minute(to),
                format_local_minute(from)
            ),
        ));
    }
    if (to - from).num_days() >= MAX_COVER_DAYS {
        return Err((
            "to",
            format!("a cover lasts at most {MAX_COVER_DAYS} days; for longer, change the roster or trade weeks"),
        ));
    }
    let zone = inputs.team.time_zone;
    let first = crate::Rotation::new(inputs).handoff_on(inputs.team.epoch);
    if cover.instants(zone).0 < first {
        return Err((
            "from",
            format!("the rotation starts {}: a cover cannot begin before", format_local_minute(first.naive_local())),
        ));
    }
    let on_leave = inputs.leave.iter().find(|l| {
        l.engineer == cover.engineer && l.from.iter_days().take_while(|d| *d <= l.to).any(|d| cover.touches_date(d))
    });
    if let Some(l) = on_leave {
        return Err((
            "engineer",
            format!("{} is on leave from {} to {}, during this cover", inputs.name_of(&cover.engineer), l.from, l.to),
        ));
    }
    Ok(())
}
