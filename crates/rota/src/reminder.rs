//! Reminders before going on call: how long before a stretch a calendar app should alert.
//!
//! They are written in the data as RFC 5545 durations (the subset that makes sense for an
//! alert, e.g. `"P1D"`, `"PT1H"`, `"PT30M"`, `"P1DT12H"`, `"P1W"`), because that is the
//! notation the feeds carry them in (`TRIGGER:-P1D`) and one a reader can check against any
//! calendar documentation. Parsing lives here rather than in `load` so the meaning of a
//! duration is defined once, next to the way it is written back.
//!
//! ```
//! use rota::Reminder;
//! let r: Reminder = "P1DT12H".parse().unwrap();
//! assert_eq!((r.minutes(), r.trigger(), r.in_words()), (2160, "-P1DT12H".to_string(), "1 day 12 hours".to_string()));
//! ```

use std::fmt;
use std::str::FromStr;

const HOUR: u32 = 60;
const DAY: u32 = 24 * HOUR;
const WEEK: u32 = 7 * DAY;

/// An alert this long before each stretch of on-call starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reminder {
    minutes: u32,
}

impl Reminder {
    /// The longest lead accepted: further ahead, the event itself is the reminder (a rotation
    /// of four comes round every four weeks anyway).
    pub const MAX_MINUTES: u32 = 4 * WEEK;

    /// A reminder `minutes` before, as validated data (see [`Reminder::from_str`]).
    pub const fn minutes_before(minutes: u32) -> Reminder {
        Reminder { minutes }
    }

    pub fn minutes(self) -> u32 {
        self.minutes
    }

    /// The `TRIGGER` value: the duration before the start, e.g. `-PT1H` or `-P1DT12H`.
    pub fn trigger(self) -> String {
        format!("-{self}")
    }

    /// The lead in words, for the alert text: `1 day`, `2 hours 30 minutes`.
    pub fn in_words(self) -> String {
        let parts = [(self.minutes / DAY, "day"), (self.minutes % DAY / HOUR, "hour"), (self.minutes % HOUR, "minute")];
        parts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, unit)| format!("{n} {unit}{}", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The RFC 5545 duration, weeks when whole, else days, hours and minutes: `P1W`, `PT90M` is
/// written `PT1H30M`.
impl fmt::Display for Reminder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.minutes;
        if m > 0 && m.is_multiple_of(WEEK) {
            return write!(f, "P{}W", m / WEEK);
        }
        write!(f, "P")?;
        if m / DAY > 0 {
            write!(f, "{}D", m / DAY)?;
        }
        let (hours, minutes) = (m % DAY / HOUR, m % HOUR);
        if hours > 0 || minutes > 0 || m == 0 {
            write!(f, "T")?;
        }
        if hours > 0 {
            write!(f, "{hours}H")?;
        }
        if minutes > 0 || m == 0 {
            write!(f, "{minutes}M")?;
        }
        Ok(())
    }
}

/// Why a reminder was refused, in words for the data check.
const SHAPE: &str =
    "is not a duration before the stretch: write P then weeks (\"P1W\"), or days and/or T with hours and minutes (\"P1D\", \"PT1H\", \"PT30M\", \"P1DT12H\")";

impl FromStr for Reminder {
    type Err = String;

    /// Parses `PnW` or `P[nD][T[nH][nM]]` (at least one part), between one minute and
    /// [`Reminder::MAX_MINUTES`]. Seconds, signs and fractions are refused: an alert needs
    /// none of them, and a leading `-` would mean "after" to a reader of the data.
    fn from_str(text: &str) -> Result<Reminder, String> {
        let shape_error = || format!("\"{text}\" {SHAPE}");
        if let Some(unsigned) = text.strip_prefix('-') {
            return Err(format!("\"{text}\" has a sign: write how long before, without \"-\" (e.g. \"{unsigned}\")"));
        }
        let body = text.strip_prefix('P').ok_or_else(shape_error)?;
        let (date, time) = match body.split_once('T') {
            // A T with nothing after it ("PT", "P1DT"), or weeks with a time ("P1WT1H").
            Some((date, time)) if time.is_empty() || date.ends_with('W') => return Err(shape_error()),
            Some((date, time)) => (date, time),
            None if body.is_empty() => return Err(shape_error()),
            None => (body, ""),
        };
        let date_units: &[(char, u32)] = if date.ends_with('W') { &[('W', WEEK)] } else { &[('D', DAY)] };
        let (date_minutes, time_minutes) =
            sum_parts(date, date_units).zip(sum_parts(time, &[('H', HOUR), ('M', 1)])).ok_or_else(shape_error)?;
        let minutes = date_minutes.saturating_add(time_minutes);
        if minutes == 0 {
            return Err(format!("\"{text}\" is no time at all: a reminder comes at least a minute (\"PT1M\") before"));
        }
        if minutes > u64::from(Reminder::MAX_MINUTES) {
            return Err(format!(
                "\"{text}\" is more than 4 weeks (\"P4W\") before: the calendar entry itself is reminder enough"
            ));
        }
        Ok(Reminder { minutes: minutes as u32 })
    }
}

/// Minutes of `text` made of `<digits><unit>` groups in the order of `units`, each at most
/// once; `None` for anything else. Sums saturate: anything that large is refused later.
fn sum_parts(mut text: &str, units: &[(char, u32)]) -> Option<u64> {
    let mut total: u64 = 0;
    for &(unit, minutes) in units {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && text[digits..].starts_with(unit) {
            let n: u64 = text[..digits].parse().unwrap_or(u64::MAX);
            total = total.saturating_add(n.saturating_mul(u64::from(minutes)));
            text = &text[digits + 1..];
        }
    }
    text.is_empty().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(text: &str) -> Result<u32, String> {
        text.parse::<Reminder>().map(Reminder::minutes)
    }

    #[test]
    fn parses_the_durations_a_team_would_write() {
        assert_eq!(minutes("PT1H"), Ok(60));
        assert_eq!(minutes("PT30M"), Ok(30));
        assert_eq!(minutes("P1D"), Ok(1440));
        assert_eq!(minutes("P1DT12H"), Ok(2160));
        assert_eq!(minutes("P1DT30M"), Ok(1470));
        assert_eq!(minutes("PT1H30M"), Ok(90));
        assert_eq!(minutes("PT90M"), Ok(90));
        assert_eq!(minutes("P2W"), Ok(20160));
        assert_eq!(minutes("P4W"), Ok(Reminder::MAX_MINUTES));
    }

    #[test]
    fn refuses_everything_else_saying_why() {
        for bad in [
            "", "P", "PT", "P1DT", "1h", "60", "pt1h", "PT1S", "PT1.5H", "P1H", "PT1D", "PT1M1H", "P1W1D", "P1WT1H",
            "P 1D", "PT1H1H",
        ] {
            assert_eq!(minutes(bad), Err(format!("\"{bad}\" {SHAPE}")), "{bad:?}");
        }
        assert_eq!(
            minutes("-PT1H"),
            Err("\"-PT1H\" has a sign: write how long before, without \"-\" (e.g. \"PT1H\")".into())
        );
        assert!(minutes("PT0M").unwrap_err().contains("no time at all"));
        assert!(minutes("P29D").unwrap_err().contains("more than 4 weeks"));
        assert!(minutes("PT99999999999999999999M").unwrap_err().contains("more than 4 weeks"));
    }

    #[test]
    fn writes_triggers_and_words() {
        let r = |m| Reminder::minutes_before(m);
        assert_eq!((r(60).trigger(), r(60).in_words()), ("-PT1H".into(), "1 hour".into()));
        assert_eq!((r(90).trigger(), r(90).in_words()), ("-PT1H30M".into(), "1 hour 30 minutes".into()));
        assert_eq!((r(1440).trigger(), r(1440).in_words()), ("-P1D".into(), "1 day".into()));
        assert_eq!(
            (r(2 * 1440 + 1).trigger(), r(2 * 1440 + 1).in_words()),
            ("-P2DT1M".into(), "2 days 1 minute".into())
        );
        assert_eq!((r(WEEK).trigger(), r(WEEK).in_words()), ("-P1W".into(), "7 days".into()));
        // Every duration written back parses to itself.
        for m in [1, 59, 60, 61, 1439, 1440, 1441, WEEK - 1, WEEK, WEEK + 60, Reminder::MAX_MINUTES] {
            assert_eq!(minutes(&r(m).to_string()), Ok(m), "{m}");
        }
    }
}
