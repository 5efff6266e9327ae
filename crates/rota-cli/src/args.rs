//! Command-line arguments, with messages that say what was wrong.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use rota::WeekId;

pub enum Invocation {
    /// A command about one team's data: the embedded data, or the folder given by `--data`.
    Team { data: Option<PathBuf>, command: Command },
    /// `diff`, which reads the two data folders it compares.
    Diff(DiffArgs),
}

pub enum Command {
    Help,
    Check { today: Option<NaiveDate> },
    Who { at: Option<DateTime<Utc>> },
    Schedule { from: WeekId, weeks: u32, format: Format },
    Ics { person: Option<String>, out: PathBuf, around: Option<NaiveDate>, public_url: String },
    Paths,
}

/// `rota diff OLD_DATA_DIR NEW_DATA_DIR`. The range's defaults depend on the new data's
/// rotation, so they are worked out once it is loaded.
pub struct DiffArgs {
    pub old: PathBuf,
    pub new: PathBuf,
    pub from: Option<WeekId>,
    pub weeks: Option<u32>,
    pub now: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
}

/// The most weeks `schedule` prints and `diff` compares: 20 years.
const MAX_WEEKS: u32 = 1044;

pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Invocation, String> {
    let mut options: Vec<(String, String)> = Vec::new();
    let mut positional: Vec<String> = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Invocation::Team { data: None, command: Command::Help });
        }
        if let Some(name) = arg.strip_prefix("--") {
            let (name, value) = match name.split_once('=') {
                Some((name, value)) => (name.to_string(), value.to_string()),
                None => (name.to_string(), args.next().ok_or_else(|| format!("--{name} needs a value"))?),
            };
            if options.iter().any(|(n, _)| *n == name) {
                return Err(format!("--{name} is given twice"));
            }
            options.push((name, value));
        } else {
            positional.push(arg);
        }
    }
    let mut positional = positional.into_iter();
    let command = positional.next();
    let mut take = |name: &str| options.iter().position(|(n, _)| n == name).map(|i| options.remove(i).1);
    let data = take("data").map(PathBuf::from);
    let team = |command| Invocation::Team { data: data.clone(), command };
    let invocation = match command.as_deref() {
        None | Some("help") => team(Command::Help),
        Some("check") => {
            let today = take("today").map(|d| parse_date("today", &d)).transpose()?;
            if today.is_some() && data.is_some() {
                return Err("--today judges the embedded build; data given with --data is not built yet".into());
            }
            team(Command::Check { today })
        }
        Some("paths") => team(Command::Paths),
        Some("who") => team(Command::Who { at: take("at").map(|at| parse_instant("at", &at)).transpose()? }),
        Some("schedule") => {
            let from = take("from").ok_or("schedule needs --from WEEK (e.g. --from 2026-W48)")?;
            let from = parse_week(&from)?;
            let weeks = take("weeks").map(|n| parse_weeks(&n)).transpose()?.unwrap_or(12);
            let format = match take("format").as_deref() {
                None | Some("table") => Format::Table,
                Some("json") => Format::Json,
                Some(other) => return Err(format!("--format \"{other}\" is not table or json")),
            };
            team(Command::Schedule { from, weeks, format })
        }
        Some("ics") => team(Command::Ics {
            person: take("person"),
            out: take("out").map(PathBuf::from).ok_or("ics needs --out DIR")?,
            around: take("around").map(|d| parse_date("around", &d)).transpose()?,
            public_url: take("public-url").unwrap_or_else(|| "/".into()),
        }),
        Some("diff") => {
            if data.is_some() {
                return Err("diff reads no --data: it compares OLD_DATA_DIR with NEW_DATA_DIR".into());
            }
            let (Some(old), Some(new)) = (positional.next(), positional.next()) else {
                return Err("diff needs two data folders: diff OLD_DATA_DIR NEW_DATA_DIR".into());
            };
            Invocation::Diff(DiffArgs {
                old: old.into(),
                new: new.into(),
                from: take("from").map(|w| parse_week(&w)).transpose()?,
                weeks: take("weeks").map(|n| parse_weeks(&n)).transpose()?,
                now: take("now").map(|t| parse_instant("now", &t)).transpose()?,
            })
        }
        Some(other) => return Err(format!("unknown command \"{other}\"")),
    };
    if let Some(arg) = positional.next() {
        return Err(format!("unexpected argument \"{arg}\""));
    }
    if let Some((name, _)) = options.first() {
        return Err(format!("--{name} is not an option of this command"));
    }
    Ok(invocation)
}

fn parse_week(text: &str) -> Result<WeekId, String> {
    text.parse::<WeekId>().map_err(|e| e.to_string())
}

fn parse_weeks(text: &str) -> Result<u32, String> {
    text.parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_WEEKS).contains(n))
        .ok_or_else(|| format!("--weeks \"{text}\" must be a whole number from 1 to {MAX_WEEKS}"))
}

fn parse_date(option: &str, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("--{option} \"{text}\" is not a date as YYYY-MM-DD"))
}

fn parse_instant(option: &str, text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("--{option} \"{text}\" is not an RFC 3339 instant such as 2026-11-26T12:00:00-05:00"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Invocation, String> {
        parse(line.split_whitespace().map(String::from))
    }

    #[test]
    fn reads_the_schedule_command() {
        let Invocation::Team { command: Command::Schedule { from, weeks, format }, data } =
            parse_str("--data x schedule --from 2026-W48 --weeks 12 --format json").unwrap()
        else {
            panic!("not a schedule command")
        };
        assert_eq!((from.to_string(), weeks, format == Format::Json), ("2026-W48".into(), 12, true));
        assert_eq!(data, Some(PathBuf::from("x")));
    }

    #[test]
    fn reads_the_diff_command_with_its_two_folders() {
        let Invocation::Diff(diff) = parse_str("diff old new --weeks 4 --from 2027-W10").unwrap() else {
            panic!("not a diff command")
        };
        assert_eq!((diff.old, diff.new), (PathBuf::from("old"), PathBuf::from("new")));
        assert_eq!((diff.from.map(|w| w.to_string()), diff.weeks, diff.now), (Some("2027-W10".into()), Some(4), None));
        let Invocation::Diff(defaults) = parse_str("diff old new").unwrap() else { panic!("not a diff command") };
        assert_eq!((defaults.from, defaults.weeks), (None, None));
    }

    #[test]
    fn says_what_is_wrong() {
        let err = |line| parse_str(line).err().unwrap();
        assert_eq!(err("schedule --from 2026-W48 --weeks 0"), "--weeks \"0\" must be a whole number from 1 to 1044");
        assert!(err("schedule --from 2026-48").contains("not an ISO week"));
        assert_eq!(err("who --person alice"), "--person is not an option of this command");
        assert_eq!(err("frobnicate"), "unknown command \"frobnicate\"");
        assert!(err("who --at yesterday").contains("RFC 3339"));
        assert_eq!(err("ics"), "ics needs --out DIR");
        assert_eq!(err("check --today 2027-02-30"), "--today \"2027-02-30\" is not a date as YYYY-MM-DD");
        assert!(err("--data x check --today 2027-01-01").starts_with("--today judges the embedded build"));
    }
}
