//! RFC 5545 calendar feeds of the on-call schedule, for subscribing from a calendar app.
//!
//! The output is reproducible: the same data gives byte-for-byte the same feed, so the feeds
//! can be generated at build time and diffed. That is why `DTSTAMP` is derived from the week
//! (its start) rather than from the clock, and why UIDs are built from week names.
//! Times are written in UTC (`…Z`) so every calendar app places them right without needing
//! a `VTIMEZONE` block; descriptions give the local handoff times in words.
//!
//! ```
//! assert_eq!(rota::ics::escape_text("Doe, Jane; Jr."), "Doe\\, Jane\\; Jr.");
//! ```

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::{Schedule, TeamData, WeekAssignment, WeekHolidayKind};

/// Weeks before the week of `around` that a feed covers.
pub const WEEKS_BEFORE: u32 = 8;
/// Weeks after the week of `around` that a feed covers.
pub const WEEKS_AFTER: u32 = 52;

/// Longest content line in octets, without the CRLF (RFC 5545 §3.1).
const MAX_LINE: usize = 75;

/// The team feed: one event per week, `SUMMARY:On call: <name>`, from [`WEEKS_BEFORE`]
/// weeks before the week holding `around` to [`WEEKS_AFTER`] weeks after it (never before
/// the epoch).
pub fn team_feed(data: &TeamData, schedule: &Schedule<'_>, around: NaiveDate) -> String {
    let weeks = feed_weeks(schedule, around);
    let name = format!("{} on call", data.team.name);
    let mut cal = Calendar::new(&name);
    for w in &weeks {
        cal.event(data, schedule, w, format!("{}-oncall@rota", w.week.id));
    }
    cal.finish()
}

/// One engineer's feed (by slug): the weeks they are on call in the same range as
/// [`team_feed`]. Unknown slugs give a valid feed without events.
pub fn person_feed(data: &TeamData, schedule: &Schedule<'_>, person: &str, around: NaiveDate) -> String {
    let weeks = feed_weeks(schedule, around);
    let display = data.engineer(person).map_or(person, |e| e.name.as_str());
    let name = format!("{} on call: {display}", data.team.name);
    let mut cal = Calendar::new(&name);
    for w in weeks.iter().filter(|w| w.on_call == person) {
        cal.event(data, schedule, w, format!("{}-oncall-{person}@rota", w.week.id));
    }
    cal.finish()
}

/// The weeks a feed around `around` covers: `(from_index, count)`.
pub fn feed_range(schedule: &Schedule<'_>, around: NaiveDate) -> (u32, u32) {
    let r = schedule.rotation();
    let epoch = schedule.data().team.epoch;
    let week_of = |date: NaiveDate| (date - epoch).num_days().div_euclid(7);
    let centre = week_of(around);
    let from = (centre - i64::from(WEEKS_BEFORE)).max(0);
    let to = centre + i64::from(WEEKS_AFTER);
    if to < from || r.try_week(u32::try_from(to).unwrap_or(u32::MAX)).is_none() {
        return (0, 0);
    }
    (from as u32, (to - from + 1) as u32)
}

fn feed_weeks(schedule: &Schedule<'_>, around: NaiveDate) -> Vec<WeekAssignment> {
    let (from, count) = feed_range(schedule, around);
    schedule.weeks(from, count)
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines, and drops the other control
/// characters but tab (RFC 5545 §3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // TEXT may hold no other control characters, and a terminal escape sequence in a name
            // has no business in a calendar app.
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to 75 octets per physical line, never splitting a UTF-8
/// character, each physical line ending in CRLF (RFC 5545 §3.1).
///
/// A fold never touches a space of the text: some parsers (the `ical` crate among them)
/// trim whitespace around folds when unfolding, which would glue words together, so the
/// fold moves back into the word instead.
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut earlier = cut;
        while earlier > 0 && (rest[earlier..].starts_with([' ', '\t']) || rest[..earlier].ends_with([' ', '\t'])) {
            earlier = rest[..earlier].char_indices().next_back().map_or(0, |(i, _)| i);
        }
        if earlier > 0 {
            cut = earlier;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX_LINE - 1; // the leading space counts
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// `20261123T140000Z`.
pub fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

struct Calendar {
    out: String,
}

impl Calendar {
    fn new(name: &str) -> Calendar {
        let mut cal = Calendar { out: String::new() };
        cal.line("BEGIN:VCALENDAR");
        cal.line("VERSION:2.0");
        cal.line("PRODID:-//rota//on-call//EN");
        cal.line("CALSCALE:GREGORIAN");
        cal.line("METHOD:PUBLISH");
        cal.line(&format!("X-WR-CALNAME:{}", escape_text(name)));
        // Ask subscribing apps to refresh daily: swaps change when leave is added.
        cal.line("REFRESH-INTERVAL;VALUE=DURATION:P1D");
        cal.line("X-PUBLISHED-TTL:P1D");
        cal
    }

    fn line(&mut self, line: &str) {
        push_folded(&mut self.out, line);
    }

    fn event(&mut self, data: &TeamData, schedule: &Schedule<'_>, w: &WeekAssignment, uid: String) {
        let start = w.week.start.with_timezone(&Utc);
        let end = w.week.end.with_timezone(&Utc);
        let on_call = schedule.name_of(&w.on_call);
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{uid}"));
        // Deterministic: a feed regenerated from the same data is identical.
        self.line(&format!("DTSTAMP:{}", utc_stamp(start)));
        self.line(&format!("DTSTART:{}", utc_stamp(start)));
        self.line(&format!("DTEND:{}", utc_stamp(end)));
        self.line(&format!("SUMMARY:{}", escape_text(&format!("On call: {on_call}"))));
        self.line(&format!("DESCRIPTION:{}", escape_text(&describe(data, schedule, w))));
        // Being on call does not make someone busy for meetings.
        self.line("TRANSP:TRANSPARENT");
        self.line("END:VEVENT");
    }

    fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }
}

/// The event text: the week in local time, and any swap or conflict with its reason.
fn describe(data: &TeamData, schedule: &Schedule<'_>, w: &WeekAssignment) -> String {
    let local = |t: DateTime<chrono_tz::Tz>| t.format("%a %-d %b %Y %H:%M").to_string();
    let mut lines = vec![format!(
        "{} is on call for {}, week {}: {} to {} ({}).",
        schedule.name_of(&w.on_call),
        data.team.name,
        w.week.id,
        local(w.week.start),
        local(w.week.end),
        data.team.time_zone.name(),
    )];
    if let Some(s) = &w.swap {
        let (took, gave) = (schedule.name_of(&s.took), schedule.name_of(&s.gave));
        if s.is_holiday_side(w.week.index) {
            lines.push(format!("Swap: {took} covers this week for {gave}; {gave} covers {} in return.", s.with_week));
        } else {
            lines.push(format!("Swap: {took} covers this week for {gave}, in return for {}.", s.with_week));
        }
        lines.push(format!("Why: {}.", s.reason));
    }
    if let Some(c) = &w.conflict {
        lines.push(format!("Holiday conflict: {}.", c.reason));
    }
    for h in &w.holidays {
        let what = match h.kind {
            WeekHolidayKind::Holiday => "Holiday",
            WeekHolidayKind::Leave => "Away",
        };
        lines.push(format!("{what} for {}: {}.", schedule.name_of(&h.engineer), h.describe()));
    }
    if w.week.duration() != Duration::hours(168) {
        lines.push(format!("This week is {} hours long (daylight-saving change).", w.week.hours()));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_on_char_boundaries() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        push_folded(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        let mut short = String::new();
        push_folded(&mut short, "VERSION:2.0");
        assert_eq!(short, "VERSION:2.0\r\n");
    }

    #[test]
    fn exactly_75_octets_is_not_folded() {
        let mut out = String::new();
        push_folded(&mut out, &"x".repeat(75));
        assert!(!out.contains("\r\n "));
        let mut out = String::new();
        push_folded(&mut out, &"x".repeat(76));
        assert_eq!(out, format!("{}\r\n x\r\n", "x".repeat(75)));
    }

    #[test]
    fn continuation_lines_never_start_with_text_whitespace() {
        for pad in 0..80 {
            let line = format!("DESCRIPTION:{}{}", "x".repeat(pad), "ab cd  ef ".repeat(20));
            let mut out = String::new();
            push_folded(&mut out, &line);
            for l in out.split("\r\n").skip(1).filter(|l| !l.is_empty()) {
                assert!(l.starts_with(' ') && !l[1..].starts_with(' '), "{l:?}");
            }
            for l in out.split("\r\n ") {
                assert!(!l.ends_with(' '), "{l:?}");
                assert!(l.len() <= 75);
            }
            assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        }
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text("a\\b;c,d\ne\r"), "a\\\\b\\;c\\,d\\ne");
        assert_eq!(escape_text("\u{1b}[31mred\u{1b}[0m\u{7}\tok"), "[31mred[0m\tok");
    }
}
