//! Command-line arguments, parsed by clap: `--help` for every command, suggestions for
//! mistyped commands and options, and one error style (exit 2) for anything malformed.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use rota::WeekId;

/// Exit codes of the commands that read one team's data (every command but `diff`).
const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  the data is not valid, or the command cannot answer (e.g. a week before the rotation starts)
  2  the command line is malformed (unknown command or option, bad value)";

/// `diff` exits like diff(1), so a script or review job can tell "changed" from "broken".
const DIFF_EXIT_CODES: &str = "\
Exit codes:
  0  no change to the schedule
  1  the schedule changes
  2  error: a data folder is not valid, or the command line is malformed";

/// The on-call schedule from the command line, computed by the same code and from the same
/// embedded data as the site.
#[derive(Parser)]
#[command(name = "rota", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// Use the data folder DIR instead of the data embedded at build time
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Who is on call now (or at an instant), since when, until when, and who is next
    #[command(after_help = EXIT_CODES)]
    Who {
        /// The instant to ask about, in RFC 3339 (e.g. 2026-11-26T12:00:00-05:00); default now
        #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
        at: Option<DateTime<Utc>>,
        /// For an organisation: only this team (its slug, e.g. platform); without it, every
        /// team's on-call. A single team's data takes no --team
        #[arg(long, value_name = "TEAM")]
        team: Option<String>,
        /// For an organisation: this person (their slug, e.g. bob) in every team they are in:
        /// on call then or not, and their next stretch in each. A single team's data takes no
        /// --person
        #[arg(long, value_name = "SLUG")]
        person: Option<String>,
        /// Only this layer of the team (its slug, e.g. secondary; a team of one layer has
        /// primary); without it, a team with layers lists every layer
        #[arg(long, value_name = "LAYER")]
        layer: Option<String>,
        /// How to print: text for people, json for scripts
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The schedule, week by week, from an ISO week
    #[command(after_help = EXIT_CODES)]
    Schedule {
        /// The first week, as an ISO week (e.g. 2026-W48)
        #[arg(long, value_name = "WEEK", value_parser = parse_week)]
        from: WeekId,
        /// How many weeks (1 to 1044)
        #[arg(long, value_name = "N", default_value_t = 12, value_parser = parse_weeks)]
        weeks: u32,
        /// For an organisation, required: the team (its slug, e.g. platform). A single team's data
        /// takes no --team
        #[arg(long, value_name = "TEAM")]
        team: Option<String>,
        /// How to print: text for people, json for scripts
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Calendar feeds: team.ics and one per engineer, stamped with $SOURCE_DATE_EPOCH (default
    /// now); for an organisation, teams/<team>.ics per team and one per person with their
    /// stretches of every team
    #[command(after_help = EXIT_CODES)]
    Ics {
        /// Write only this engineer's feed (their slug, e.g. alice)
        #[arg(long, value_name = "SLUG")]
        person: Option<String>,
        /// For an organisation: write only this team's feed, teams/<TEAM>.ics. A single team's
        /// data takes no --team
        #[arg(long, value_name = "TEAM", conflicts_with = "person")]
        team: Option<String>,
        /// The folder to write the feeds to (created if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The date the feeds are centred on, as YYYY-MM-DD; default the build's date
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        around: Option<NaiveDate>,
        /// The site's base URL, which names the feeds' event ids
        #[arg(long, value_name = "URL", default_value = "/")]
        public_url: String,
    },
    /// The static JSON API: api/v1/schedule.json, pipelines.json and team.json with their
    /// JSON Schemas, as of $SOURCE_DATE_EPOCH (default now); for an organisation,
    /// api/v1/teams.json and those three files per team under api/v1/teams/<team>/
    #[command(after_help = EXIT_CODES)]
    Api {
        /// The site's folder: the files go to DIR/api/v1/ (created if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The site's base URL; links in the files are absolute paths under it
        #[arg(long, value_name = "URL", default_value = "/")]
        public_url: String,
    },
    /// CSV for spreadsheets: hours on call per person and month, quarter and year, and the
    /// schedule's stretches (the files of the site's "Download CSV")
    #[command(after_help = EXIT_CODES)]
    Export {
        /// Write only this file; without --out, print it
        #[arg(long, value_enum, required_unless_present = "out")]
        kind: Option<ExportKind>,
        /// Write the files (both, unless --kind says) to DIR, named as the site names them
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The year of the hours file; default this year
        #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
        year: Option<i32>,
        /// The first week of the schedule file (ISO week); default this week
        #[arg(long, value_name = "WEEK", value_parser = parse_week)]
        from: Option<WeekId>,
        /// How many weeks the schedule file holds (1 to 1044)
        #[arg(long, value_name = "N", default_value_t = 12, value_parser = parse_weeks)]
        weeks: u32,
        /// For an organisation, required: the team (its slug, e.g. platform). A single team's data
        /// takes no --team
        #[arg(long, value_name = "TEAM")]
        team: Option<String>,
    },
    /// Validate a data folder (default: the embedded data) and print its warnings
    #[command(after_help = EXIT_CODES)]
    Check {
        /// For the embedded data: warn if this build needs a rebuild by DATE (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// How to print: text for people, json for scripts
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The text files the site fetches on demand (DIR/text/): each pipeline's description and
    /// runbook, and all of them in one file for search
    #[command(after_help = EXIT_CODES)]
    Text {
        /// The site folder to write them to (its text/ folder is created if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Every page path of the site, one per line
    #[command(after_help = EXIT_CODES)]
    Paths {
        /// How to print: text for people, json for scripts
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Who is on call differently with the data in NEW_DIR than with the data in OLD_DIR
    #[command(after_help = DIFF_EXIT_CODES)]
    Diff(DiffArgs),
    /// A shell completion script, e.g. `rota completions bash > ~/.local/share/bash-completion/completions/rota`
    #[command(after_help = EXIT_CODES)]
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
}

/// `rota diff OLD_DIR NEW_DIR`. The range's defaults depend on the new data's rotation, so
/// they are worked out once it is loaded.
#[derive(clap::Args)]
pub struct DiffArgs {
    /// The data folder before the change
    #[arg(value_name = "OLD_DIR")]
    pub old: PathBuf,
    /// The data folder after the change
    #[arg(value_name = "NEW_DIR")]
    pub new: PathBuf,
    /// The first week to compare (ISO week); default the new rotation's first week
    #[arg(long, value_name = "WEEK", value_parser = parse_week)]
    pub from: Option<WeekId>,
    /// How many weeks to compare (1 to 1044); default through a year after the current week
    #[arg(long, value_name = "N", value_parser = parse_weeks)]
    pub weeks: Option<u32>,
    /// For two organisations: compare only this team (its slug); without it, every team, each
    /// change naming its team. Single teams take no --team
    #[arg(long, value_name = "TEAM")]
    pub team: Option<String>,
    /// The instant taken as now (RFC 3339), which decides the default range and which weeks have started
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    pub now: Option<DateTime<Utc>>,
    /// How to print: text for people, json for scripts
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Which CSV file `rota export` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    /// Hours, weeks, weekend and holiday days on call per person and month, quarter and year
    Hours,
    /// One row per stretch of on-call, with why
    Schedule,
}

/// How a command prints what it found.
#[derive(Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Lines for people (`table`, its older name, works too)
    #[default]
    #[value(alias = "table")]
    Text,
    /// One JSON document, for scripts
    Json,
}

/// The most weeks `schedule` prints and `diff` compares: 20 years.
const MAX_WEEKS: u32 = 1044;

fn parse_week(text: &str) -> Result<WeekId, String> {
    text.parse::<WeekId>().map_err(|e| e.to_string())
}

fn parse_weeks(text: &str) -> Result<u32, String> {
    text.parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_WEEKS).contains(n))
        .ok_or_else(|| format!("must be a whole number from 1 to {MAX_WEEKS}"))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| "not a date as YYYY-MM-DD".to_string())
}

fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| "not an RFC 3339 instant such as 2026-11-26T12:00:00-05:00".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse_str(line: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("rota").chain(line.split_whitespace()))
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn reads_the_schedule_command() {
        let cli = parse_str("--data x schedule --from 2026-W48 --weeks 12 --format json").unwrap();
        let Some(Command::Schedule { from, weeks, format, team }) = cli.command else {
            panic!("not a schedule command")
        };
        assert_eq!((from.to_string(), weeks, format == Format::Json, team), ("2026-W48".into(), 12, true, None));
        assert_eq!(cli.data, Some(PathBuf::from("x")));
        // `table`, the format's old name, still reads.
        let cli = parse_str("schedule --from 2026-W48 --format table").unwrap();
        assert!(matches!(cli.command, Some(Command::Schedule { weeks: 12, format: Format::Text, .. })));
    }

    #[test]
    fn reads_the_diff_command_with_its_two_folders() {
        let Some(Command::Diff(diff)) = parse_str("diff old new --weeks 4 --from 2027-W10").unwrap().command else {
            panic!("not a diff command")
        };
        assert_eq!((diff.old, diff.new), (PathBuf::from("old"), PathBuf::from("new")));
        assert_eq!((diff.from.map(|w| w.to_string()), diff.weeks, diff.now), (Some("2027-W10".into()), Some(4), None));
    }
}
