//! RFC 5545 calendar feeds of the on-call schedule, for subscribing from a calendar app.
//!
//! The output is reproducible: the same data and build instant give byte-for-byte the same
//! feed, so the feeds can be generated at build time and diffed. That is why `DTSTAMP` and
//! `SEQUENCE` come from the build instant ([`FeedStamp`]) rather than the clock, and why UIDs
//! are built from week names and the deployment's [`feed_id`].
//! Times are written in UTC (`…Z`) so every calendar app places them right without needing
//! a `VTIMEZONE` block; descriptions give the local handoff times in words.
//! The team's [`Reminder`]s become `VALARM`s in the personal feeds only: the team feed is for
//! seeing who is on call, and an alert there would wake everyone for everyone's week.
//!
//! ```
//! assert_eq!(rota::ics::escape_text("Doe, Jane; Jr."), "Doe\\, Jane\\; Jr.");
//! ```

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::{Reminder, Schedule, Stretch, WeekAssignment, WeekHolidayKind, WeekId};

/// Weeks before the week of `around` that a feed covers.
pub const WEEKS_BEFORE: u32 = 8;
/// Weeks after the week of `around` that a feed covers.
pub const WEEKS_AFTER: u32 = 52;

/// Longest content line in octets, without the CRLF (RFC 5545 §3.1).
const MAX_LINE: usize = 75;

/// What every event of one build's feeds shares, so calendar apps update them cleanly after a
/// rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedStamp {
    /// When the feeds were built: each event's `DTSTAMP`, and its [`sequence`].
    pub built_at: DateTime<Utc>,
    /// The deployment the events belong to, in their UIDs (see [`feed_id`]).
    pub feed_id: String,
}

/// Names one deployment's feeds: the team name and the site's public URL (trunk's
/// `--public-url`) as slugs, e.g. `data-engineering.rota` for a site at `/`, or
/// `data-engineering.oncall.rota` under `/oncall/`. Two teams' feeds, or one team's feeds from
/// two sites, in one calendar then never share a UID.
///
/// ```
/// assert_eq!(rota::ics::feed_id("Data Engineering", "/"), "data-engineering.rota");
/// assert_eq!(rota::ics::feed_id("Data Engineering", "https://oncall.example.com/"), "data-engineering.oncall-example-com.rota");
/// ```
pub fn feed_id(team_name: &str, public_url: &str) -> String {
    let site = public_url.split_once("://").map_or(public_url, |(_, rest)| rest);
    [slug(team_name), slug(site), "rota".to_string()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

/// The letters and digits of `text`, lowercased, each run joined to the next by one hyphen.
fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-").to_lowercase()
}

/// The UID of the event of `week` in a feed: `part` says which feed (and, within a week, which
/// event), e.g. `2026-W48-oncall-diana@data-engineering.rota`.
pub fn uid(feed_id: &str, week: WeekId, part: &str) -> String {
    format!("{week}-{part}@{feed_id}")
}

/// An event's `SEQUENCE`: minutes from 1970 to the build. Every rebuild raises it, so an event
/// whose content changed is always newer than the copy a calendar app holds (a feed cannot
/// know what an earlier build said, so unchanged events rise too).
/// Minutes rather than seconds keep it inside RFC 5545's 32-bit integer until the year 6053.
pub fn sequence(built_at: DateTime<Utc>) -> i64 {
    built_at.timestamp().div_euclid(60)
}

/// The team feed: one event per stretch actually worked (a week, or the parts of it a cover
/// splits off), `SUMMARY:On call: <name>`, from [`WEEKS_BEFORE`] weeks before the week
/// holding `around` to [`WEEKS_AFTER`] weeks after it (never before the epoch).
pub fn team_feed(schedule: &Schedule, around: NaiveDate, stamp: &FeedStamp) -> String {
    let weeks = feed_weeks(schedule, around);
    let name = format!("{} on call", schedule.inputs().team.name);
    let mut cal = Calendar::new(&name, stamp);
    for w in &weeks {
        for stretch in &w.stretches {
            let uid = uid(&stamp.feed_id, w.week.id, &stretch_part(w, stretch, "oncall"));
            cal.event(schedule, w, stretch, uid, &[]);
        }
    }
    cal.finish()
}

/// One engineer's feed (by slug): the stretches they are on call in the same range as
/// [`team_feed`], each with an alarm per team reminder, except a stretch that carries straight
/// on from their previous one (two weeks in a row, say after a trade): they are on call
/// already, so an alert would only be noise. Unknown slugs give a valid feed without events.
pub fn person_feed(schedule: &Schedule, person: &str, around: NaiveDate, stamp: &FeedStamp) -> String {
    let weeks = feed_weeks(schedule, around);
    let inputs = schedule.inputs();
    let name = format!("{} on call: {}", inputs.team.name, inputs.name_of(person));
    let mut cal = Calendar::new(&name, stamp);
    let mut previous_end = None;
    for w in &weeks {
        for stretch in w.stretches.iter().filter(|s| s.engineer == person) {
            let part = stretch_part(w, stretch, &format!("oncall-{person}"));
            let starts_anew = previous_end != Some(stretch.start);
            let reminders = if starts_anew { inputs.team.reminders.as_slice() } else { &[] };
            cal.event(schedule, w, stretch, uid(&stamp.feed_id, w.week.id, &part), reminders);
            previous_end = Some(stretch.end);
        }
    }
    cal.finish()
}

/// The UID part of a stretch's event in a feed: just `feed` for the stretch that starts the
/// week (so a week without covers keeps the UID it always had), with the start instant for
/// stretches a cover splits off.
fn stretch_part(w: &WeekAssignment, stretch: &Stretch, feed: &str) -> String {
    if stretch.start == w.week.start {
        feed.to_string()
    } else {
        format!("{}-{feed}", utc_stamp(stretch.start.with_timezone(&Utc)))
    }
}

/// The weeks a feed around `around` covers: `(from_index, count)`.
pub fn feed_range(schedule: &Schedule, around: NaiveDate) -> (u32, u32) {
    let r = schedule.rotation();
    let epoch = schedule.inputs().team.epoch;
    let week_of = |date: NaiveDate| (date - epoch).num_days().div_euclid(7);
    let centre = week_of(around);
    let from = (centre - i64::from(WEEKS_BEFORE)).max(0);
    let to = centre + i64::from(WEEKS_AFTER);
    if to < from || r.try_week(u32::try_from(to).unwrap_or(u32::MAX)).is_none() {
        return (0, 0);
    }
    (from as u32, (to - from + 1) as u32)
}

fn feed_weeks(schedule: &Schedule, around: NaiveDate) -> Vec<WeekAssignment> {
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
    /// `DTSTAMP` and `SEQUENCE` of every event, from the [`FeedStamp`].
    dtstamp: String,
    sequence: i64,
}

impl Calendar {
    fn new(name: &str, stamp: &FeedStamp) -> Calendar {
        let mut cal =
            Calendar { out: String::new(), dtstamp: utc_stamp(stamp.built_at), sequence: sequence(stamp.built_at) };
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

    fn event(
        &mut self,
        schedule: &Schedule,
        w: &WeekAssignment,
        stretch: &Stretch,
        uid: String,
        reminders: &[Reminder],
    ) {
        let start = stretch.start.with_timezone(&Utc);
        let end = stretch.end.with_timezone(&Utc);
        let on_call = schedule.name_of(&stretch.engineer);
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{uid}"));
        self.line(&format!("DTSTAMP:{}", self.dtstamp));
        self.line(&format!("SEQUENCE:{}", self.sequence));
        self.line(&format!("DTSTART:{}", utc_stamp(start)));
        self.line(&format!("DTEND:{}", utc_stamp(end)));
        self.line(&format!("SUMMARY:{}", escape_text(&format!("On call: {on_call}"))));
        self.line(&format!("DESCRIPTION:{}", escape_text(&describe(schedule, w, stretch))));
        // Being on call does not make someone busy for meetings.
        self.line("TRANSP:TRANSPARENT");
        for reminder in reminders {
            self.alarm(schedule, stretch, *reminder);
        }
        self.line("END:VEVENT");
    }

    /// A pop-up `reminder` before `stretch` starts, saying when it runs in the team's time.
    fn alarm(&mut self, schedule: &Schedule, stretch: &Stretch, reminder: Reminder) {
        let text = format!(
            "{} is on call for {} in {}: {} to {} ({}).",
            schedule.name_of(&stretch.engineer),
            schedule.inputs().team.name,
            reminder.in_words(),
            local(stretch.start),
            local(stretch.end),
            schedule.inputs().team.time_zone.name(),
        );
        self.line("BEGIN:VALARM");
        self.line("ACTION:DISPLAY");
        self.line(&format!("DESCRIPTION:{}", escape_text(&text)));
        self.line(&format!("TRIGGER:{}", reminder.trigger()));
        self.line("END:VALARM");
    }

    fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }
}

/// The event text: the stretch in local time, then the week's swap, conflict, trade,
/// covers and holidays with their reasons.
fn describe(schedule: &Schedule, w: &WeekAssignment, stretch: &Stretch) -> String {
    let inputs = schedule.inputs();
    let mut lines = vec![format!(
        "{} is on call for {}, week {}: {} to {} ({}).",
        schedule.name_of(&stretch.engineer),
        inputs.team.name,
        w.week.id,
        local(stretch.start),
        local(stretch.end),
        inputs.team.time_zone.name(),
    )];
    if let Some(change) = &w.roster_change {
        lines.extend(change.sentences(inputs).into_iter().map(|s| format!("{s}.")));
    }
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
    if let Some(t) = &w.trade {
        lines.push(format!("{}.", t.reason));
    }
    for cover in w.stretches.iter().filter_map(|s| s.describe_cover(inputs)) {
        lines.push(format!("Cover: {cover}."));
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

/// `Mon 23 Nov 2026 09:00`, in the time zone `t` carries (the team's).
fn local(t: DateTime<chrono_tz::Tz>) -> String {
    t.format("%a %-d %b %Y %H:%M").to_string()
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
