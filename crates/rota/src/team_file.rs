//! One team's data as a file the site fetches when the team's pages open.
//!
//! An organisation's site embeds only a small index ([`crate::org_files`]); each team's
//! [`TeamData`] (without its prose, see [`crate::text_files`]) is a file next to the site, read
//! in the browser without a JSON parser. The format is tagged lines of fields (see
//! `line_format`): the team first, then one line per engineer, contact, holiday rule, leave,
//! decision, roster change, cover, trade, stretch elsewhere, pipeline and runbook part.
//!
//! ```
//! use rota::team_file::{decode, encode};
//! let data = rota::what_if::doc_team();
//! let body = encode(&data);
//! assert_eq!(
//!     body,
//!     "rota-team 1\n\
//!      team UTC Mon 00:00:00 2025-12-29 - Doc\n\
//!      rotation alice bob\n\
//!      reminders\n\
//!      engineer alice bob - - alice\n\
//!      engineer bob alice - - bob\n"
//! );
//! assert_eq!(decode(&body).unwrap(), data);
//! assert_eq!(decode("rota-team 1\n").unwrap_err().to_string(), "line 2: no team line");
//! let error = decode("rota-team 1\nrotation alice\n").unwrap_err();
//! assert_eq!(error.to_string(), "line 2: this line comes before what it belongs to");
//! ```

use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc, Weekday, WeekdaySet};
use chrono_tz::Tz;

use crate::line_format::{contact, lines, num, opt, read_contact, rest, word, Fields};
use crate::text_files::{line, TextFileError};
use crate::{
    Audience, Counts, Cover, Coverage, Decision, Engineer, FailurePoint, GapPolicy, Handoff, HolidayCalendar,
    HolidayDate, HolidayRule, Layer, LayerChange, LayerLabel, LayerRole, Layers, Leave, OnCallElsewhere, OneOffHoliday,
    Pipeline, Reminder, RosterChange, Runbook, ScheduleInputs, ShiftPattern, Team, TeamData, Trade, WeekId,
};

/// The first line of every team file; a newer format changes the number.
const HEADER: &str = "rota-team 1";

/// The file of `data` (everything in it; the site's build passes
/// [`TeamData::without_text`]).
pub fn encode(data: &TeamData) -> String {
    let mut out = format!("{HEADER}\n");
    let inputs = &data.inputs;
    let t = &inputs.team;
    out.push_str("team");
    word(&mut out, t.time_zone.name());
    num(&mut out, t.handoff.weekday);
    num(&mut out, t.handoff.time);
    num(&mut out, t.epoch);
    opt(&mut out, t.calendar.as_deref());
    rest(&mut out, &t.name);
    out.push_str("rotation");
    words(&mut out, &t.rotation);
    out.push_str("reminders");
    for r in &t.reminders {
        num(&mut out, r.minutes());
    }
    out.push('\n');
    for c in &t.fallback_contacts {
        contact(&mut out, "fallback", c);
    }
    // Only a team with layers says so: every other team's file is as before layers existed.
    if t.layers != Layers::default() {
        encode_layers(&mut out, &t.layers);
    }
    for e in &inputs.engineers {
        out.push_str("engineer");
        word(&mut out, &e.slug);
        word(&mut out, &e.backup);
        opt(&mut out, e.calendar.as_deref());
        opt(&mut out, e.contact.as_deref());
        rest(&mut out, &e.name);
        for c in &e.contacts {
            contact(&mut out, "contact", c);
        }
    }
    for c in &inputs.calendars {
        out.push_str("holidays");
        word(&mut out, &c.slug);
        rest(&mut out, &c.name);
        for r in &c.rules {
            out.push_str("rule");
            num(&mut out, u8::from(r.observed));
            match r.date {
                HolidayDate::Fixed { month, day } => out.push_str(&format!(" fixed {month} {day}")),
                HolidayDate::NthWeekday { month, weekday, n } => out.push_str(&format!(" nth {month} {weekday} {n}")),
                HolidayDate::LastWeekday { month, weekday } => out.push_str(&format!(" last {month} {weekday}")),
            }
            rest(&mut out, &r.name);
        }
        for o in &c.one_off {
            out.push_str("oneoff");
            num(&mut out, o.date);
            rest(&mut out, &o.name);
        }
    }
    for l in &inputs.leave {
        out.push_str("leave");
        word(&mut out, &l.engineer);
        num(&mut out, l.from);
        num(&mut out, l.to);
        note(&mut out, &l.note);
    }
    for d in &inputs.decisions {
        out.push_str("decision");
        num(&mut out, d.week);
        note(&mut out, &d.note);
    }
    for c in &inputs.roster_changes {
        out.push_str("roster");
        num(&mut out, c.from);
        opt(&mut out, c.note.as_deref());
        words(&mut out, &c.rotation);
    }
    for c in &inputs.covers {
        out.push_str("cover");
        word(&mut out, &c.engineer);
        local(&mut out, c.from);
        local(&mut out, c.to);
        note(&mut out, &c.note);
    }
    for t in &inputs.trades {
        out.push_str("trade");
        num(&mut out, t.weeks[0]);
        num(&mut out, t.weeks[1]);
        word(&mut out, &t.engineers[0]);
        word(&mut out, &t.engineers[1]);
        note(&mut out, &t.note);
    }
    for e in &inputs.elsewhere {
        out.push_str(match e.counts {
            Counts::SwapsAndClashes => "elsewhere",
            Counts::SwapsOnly => "elsewhere-for-swaps",
            Counts::ClashesOnly => "elsewhere-for-clashes",
        });
        word(&mut out, &e.engineer);
        word(&mut out, &e.team_slug);
        num(&mut out, e.team_index);
        num(&mut out, e.week);
        instant(&mut out, e.from);
        instant(&mut out, e.to);
        rest(&mut out, &e.team);
    }
    for p in &data.pipelines {
        out.push_str("pipeline");
        word(&mut out, &p.slug);
        word(&mut out, audience_name(p.audience));
        word(&mut out, &p.primary);
        word(&mut out, &p.secondary);
        word(&mut out, &p.area);
        rest(&mut out, &p.name);
        if !p.description.is_empty() {
            line(&mut out, "description", &p.description);
        }
    }
    for r in &data.runbooks {
        out.push_str("runbook");
        rest(&mut out, &r.pipeline);
        if !r.summary.is_empty() {
            line(&mut out, "summary", &r.summary);
        }
        for p in &r.failure_points {
            out.push_str("point");
            word(&mut out, &p.slug);
            rest(&mut out, &p.title);
            if !p.description.is_empty() {
                line(&mut out, "text", &p.description);
            }
            for (tag, items) in [("symptom", &p.symptoms), ("signal", &p.signals), ("check", &p.first_checks)] {
                for item in items {
                    line(&mut out, tag, item);
                }
            }
        }
    }
    out
}

/// Reads a team file back: exactly the [`TeamData`] that was encoded, or the first line that
/// cannot be read and why.
pub fn decode(body: &str) -> Result<TeamData, TextFileError> {
    let mut team: Option<Team> = None;
    let mut inputs = ScheduleInputs {
        team: placeholder_team(),
        engineers: Vec::new(),
        calendars: Vec::new(),
        leave: Vec::new(),
        decisions: Vec::new(),
        roster_changes: Vec::new(),
        covers: Vec::new(),
        trades: Vec::new(),
        elsewhere: Vec::new(),
    };
    let (mut pipelines, mut runbooks) = (Vec::<Pipeline>::new(), Vec::<Runbook>::new());
    let mut last_line = 1;
    for (tag, mut f) in lines(body, HEADER, "rota team file")? {
        last_line = f.line;
        let f = &mut f;
        match tag {
            "team" => {
                team = Some(Team {
                    time_zone: f.parse::<Tz>("time zone")?,
                    handoff: Handoff { weekday: f.parse::<Weekday>("weekday")?, time: f.parse("handoff time")? },
                    epoch: f.parse("epoch")?,
                    calendar: f.opt("calendar")?,
                    name: f.rest("name")?,
                    ..placeholder_team()
                })
            }
            "rotation" => within(team.as_mut(), f)?.rotation = read_words(f)?,
            "layers" => {
                let layers = &mut within(team.as_mut(), f)?.layers;
                layers.gaps = match f.word("gaps")?.as_str() {
                    "error" => GapPolicy::Error,
                    "warning" => GapPolicy::Warning,
                    other => return Err(f.fail(format!("bad gaps \"{other}\""))),
                };
                layers.primary = LayerLabel {
                    slug: f.word("slug")?,
                    role: read_role(f)?,
                    coverage: read_coverage(f)?,
                    name: f.rest("name")?,
                };
            }
            "layer" => {
                let layer = read_layer(f)?;
                within(team.as_mut(), f)?.layers.others.push(layer);
            }
            "order" => within(team.as_mut().and_then(|t| t.layers.others.last_mut()), f)?.rotation = read_words(f)?,
            "change" => {
                let change = LayerChange { from: f.parse("date")?, note: f.opt("note")?, rotation: read_words(f)? };
                within(team.as_mut().and_then(|t| t.layers.others.last_mut()), f)?.changes.push(change);
            }
            "reminders" => {
                let reminders = &mut within(team.as_mut(), f)?.reminders;
                while f.more() {
                    reminders.push(Reminder::minutes_before(f.parse("minutes")?));
                }
            }
            "fallback" => {
                let c = read_contact(f)?;
                within(team.as_mut(), f)?.fallback_contacts.push(c);
            }
            "engineer" => inputs.engineers.push(Engineer {
                slug: f.word("slug")?,
                backup: f.word("backup")?,
                calendar: f.opt("calendar")?,
                contact: f.opt("contact note")?,
                name: f.rest("name")?,
                contacts: Vec::new(),
            }),
            "contact" => {
                let c = read_contact(f)?;
                within(inputs.engineers.last_mut(), f)?.contacts.push(c);
            }
            "holidays" => inputs.calendars.push(HolidayCalendar {
                slug: f.word("slug")?,
                name: f.rest("name")?,
                rules: Vec::new(),
                one_off: Vec::new(),
            }),
            "rule" => {
                let rule = read_rule(f)?;
                within(inputs.calendars.last_mut(), f)?.rules.push(rule);
            }
            "oneoff" => {
                let o = OneOffHoliday { date: f.parse("date")?, name: f.rest("name")? };
                within(inputs.calendars.last_mut(), f)?.one_off.push(o);
            }
            "leave" => inputs.leave.push(Leave {
                engineer: f.word("engineer")?,
                from: f.parse("from")?,
                to: f.parse("to")?,
                note: f.opt("note")?,
            }),
            "decision" => inputs.decisions.push(Decision { week: f.parse("week")?, note: f.opt("note")? }),
            "roster" => inputs.roster_changes.push(RosterChange {
                from: f.parse("week")?,
                note: f.opt("note")?,
                rotation: read_words(f)?,
            }),
            "cover" => inputs.covers.push(Cover {
                engineer: f.word("engineer")?,
                from: read_local(f)?,
                to: read_local(f)?,
                note: f.opt("note")?,
            }),
            "trade" => inputs.trades.push(Trade {
                weeks: [f.parse("week")?, f.parse("week")?],
                engineers: [f.word("engineer")?, f.word("engineer")?],
                note: f.opt("note")?,
            }),
            "elsewhere" | "elsewhere-for-swaps" | "elsewhere-for-clashes" => inputs.elsewhere.push(OnCallElsewhere {
                counts: match tag {
                    "elsewhere-for-swaps" => Counts::SwapsOnly,
                    "elsewhere-for-clashes" => Counts::ClashesOnly,
                    _ => Counts::SwapsAndClashes,
                },
                engineer: f.word("engineer")?,
                team_slug: f.word("team slug")?,
                team_index: f.parse("team index")?,
                week: f.parse::<WeekId>("week")?,
                from: read_instant(f)?,
                to: read_instant(f)?,
                team: f.rest("team")?,
            }),
            "pipeline" => pipelines.push(Pipeline {
                slug: f.word("slug")?,
                audience: read_audience(f)?,
                primary: f.word("primary")?,
                secondary: f.word("secondary")?,
                area: f.word("area")?,
                name: f.rest("name")?,
                description: String::new(),
            }),
            "description" => within(pipelines.last_mut(), f)?.description = f.rest("description")?,
            "runbook" => runbooks.push(Runbook {
                pipeline: f.rest("pipeline")?,
                summary: String::new(),
                failure_points: Vec::new(),
            }),
            "summary" => within(runbooks.last_mut(), f)?.summary = f.rest("summary")?,
            "point" => {
                let point = FailurePoint {
                    slug: f.word("slug")?,
                    title: f.rest("title")?,
                    description: String::new(),
                    symptoms: Vec::new(),
                    signals: Vec::new(),
                    first_checks: Vec::new(),
                };
                within(runbooks.last_mut(), f)?.failure_points.push(point);
            }
            "text" | "symptom" | "signal" | "check" => {
                let value = f.rest(tag)?;
                let point = within(runbooks.last_mut().and_then(|r| r.failure_points.last_mut()), f)?;
                match tag {
                    "text" => point.description = value,
                    "symptom" => point.symptoms.push(value),
                    "signal" => point.signals.push(value),
                    _ => point.first_checks.push(value),
                }
            }
            _ => return Err(f.fail(format!("unknown tag \"{tag}\""))),
        }
        f.end()?;
    }
    inputs.team = team.ok_or(TextFileError { line: last_line + 1, reason: "no team line".into() })?;
    Ok(TeamData { inputs: Arc::new(inputs), pipelines, runbooks })
}

/// What a line adds to: the last team, engineer, calendar… or an error if there is none yet.
fn within<'t, T>(parent: Option<&'t mut T>, f: &Fields) -> Result<&'t mut T, TextFileError> {
    parent.ok_or_else(|| f.fail("this line comes before what it belongs to"))
}

fn placeholder_team() -> Team {
    Team {
        name: String::new(),
        time_zone: Tz::UTC,
        handoff: Handoff { weekday: Weekday::Mon, time: chrono::NaiveTime::MIN },
        epoch: chrono::NaiveDate::MIN,
        rotation: Vec::new(),
        calendar: None,
        reminders: Vec::new(),
        fallback_contacts: Vec::new(),
        layers: Default::default(),
    }
}

fn encode_layers(out: &mut String, layers: &Layers) {
    out.push_str("layers");
    word(out, if layers.gaps == GapPolicy::Error { "error" } else { "warning" });
    word(out, &layers.primary.slug);
    word(out, layers.primary.role.name());
    coverage(out, layers.primary.coverage);
    rest(out, &layers.primary.name);
    for l in &layers.others {
        out.push_str("layer");
        word(out, &l.slug);
        word(out, l.role.name());
        word(out, l.pattern.zone.name());
        num(out, l.pattern.days);
        num(out, l.pattern.time);
        num(out, l.pattern.epoch);
        coverage(out, l.coverage);
        rest(out, &l.name);
        out.push_str("order");
        words(out, &l.rotation);
        for c in &l.changes {
            out.push_str("change");
            num(out, c.from);
            opt(out, c.note.as_deref());
            words(out, &c.rotation);
        }
    }
}

fn read_layer(f: &mut Fields) -> Result<Layer, TextFileError> {
    let slug = f.word("slug")?;
    let role = read_role(f)?;
    let pattern = ShiftPattern {
        zone: f.parse::<Tz>("time zone")?,
        days: f.parse("shift days")?,
        time: f.parse("handoff time")?,
        epoch: f.parse("epoch")?,
    };
    Ok(Layer {
        slug,
        role,
        pattern,
        coverage: read_coverage(f)?,
        name: f.rest("name")?,
        rotation: Vec::new(),
        changes: Vec::new(),
    })
}

fn read_role(f: &mut Fields) -> Result<LayerRole, TextFileError> {
    let word = f.word("role")?;
    LayerRole::from_name(&word).ok_or_else(|| f.fail(format!("bad role \"{word}\"")))
}

/// `-`, or the days from Monday as 1s and 0s, then the two times: `1111100/09:00:00/17:00:00`.
fn coverage(out: &mut String, coverage: Option<Coverage>) {
    match coverage {
        None => word(out, "-"),
        Some(c) => {
            let days: String = WEEK.iter().map(|d| if c.days.contains(*d) { '1' } else { '0' }).collect();
            word(out, &format!("{days}/{}/{}", c.from, c.to));
        }
    }
}

fn read_coverage(f: &mut Fields) -> Result<Option<Coverage>, TextFileError> {
    let text = f.word("hours")?;
    if text == "-" {
        return Ok(None);
    }
    let bad = || f.fail(format!("bad hours \"{text}\""));
    let mut parts = text.split('/');
    let (Some(days), Some(from), Some(to), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    if days.len() != 7 || !days.bytes().all(|b| b == b'0' || b == b'1') {
        return Err(bad());
    }
    let days = WEEK.iter().zip(days.bytes()).filter(|(_, b)| *b == b'1').map(|(d, _)| *d);
    Ok(Some(Coverage {
        days: days.fold(WeekdaySet::EMPTY, |mut set, d| {
            set.insert(d);
            set
        }),
        from: from.parse().map_err(|_| bad())?,
        to: to.parse().map_err(|_| bad())?,
    }))
}

const WEEK: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

fn words(out: &mut String, items: &[String]) {
    for item in items {
        word(out, item);
    }
    out.push('\n');
}

fn read_words(f: &mut Fields) -> Result<Vec<String>, TextFileError> {
    let mut out = Vec::new();
    while f.more() {
        out.push(f.word("slug")?);
    }
    Ok(out)
}

/// A note as the last field: optional, so `-` or `+` and the text (spaces escaped).
fn note(out: &mut String, value: &Option<String>) {
    opt(out, value.as_deref());
    out.push('\n');
}

fn read_rule(f: &mut Fields) -> Result<HolidayRule, TextFileError> {
    let observed = match f.word("observed")?.as_str() {
        "0" => false,
        "1" => true,
        _ => return Err(f.fail("observed must be 0 or 1")),
    };
    let date = match f.word("rule kind")?.as_str() {
        "fixed" => HolidayDate::Fixed { month: f.parse("month")?, day: f.parse("day")? },
        "nth" => HolidayDate::NthWeekday { month: f.parse("month")?, weekday: f.parse("weekday")?, n: f.parse("n")? },
        "last" => HolidayDate::LastWeekday { month: f.parse("month")?, weekday: f.parse("weekday")? },
        _ => return Err(f.fail("the rule kind must be fixed, nth or last")),
    };
    Ok(HolidayRule { observed, date, name: f.rest("name")? })
}

fn audience_name(a: Audience) -> &'static str {
    match a {
        Audience::Investor => "investor",
        Audience::Experiments => "experiments",
    }
}

fn read_audience(f: &mut Fields) -> Result<Audience, TextFileError> {
    match f.word("audience")?.as_str() {
        "investor" => Ok(Audience::Investor),
        "experiments" => Ok(Audience::Experiments),
        _ => Err(f.fail("the audience must be investor or experiments")),
    }
}

/// A wall-clock time as two fields, date and time (`2027-02-03 09:00:00`).
fn local(out: &mut String, t: NaiveDateTime) {
    num(out, t.date());
    num(out, t.time());
}

fn read_local(f: &mut Fields) -> Result<NaiveDateTime, TextFileError> {
    Ok(NaiveDateTime::new(f.parse("date")?, f.parse("time")?))
}

/// An instant as seconds since 1970, then `.` and nanoseconds if any.
pub(crate) fn instant(out: &mut String, t: DateTime<Utc>) {
    num(out, t.timestamp());
    if t.timestamp_subsec_nanos() != 0 {
        out.push_str(&format!(".{}", t.timestamp_subsec_nanos()));
    }
}

pub(crate) fn read_instant(f: &mut Fields) -> Result<DateTime<Utc>, TextFileError> {
    let raw: String = f.word("instant")?;
    let (seconds, nanos) = raw.split_once('.').unwrap_or((&raw, "0"));
    seconds
        .parse()
        .ok()
        .zip(nanos.parse().ok())
        .and_then(|(s, n)| DateTime::from_timestamp(s, n))
        .ok_or_else(|| f.fail(format!("bad instant \"{raw}\"")))
}
