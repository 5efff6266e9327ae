//! `rota`: the on-call schedule from the command line, computed by the same `rota` crate and
//! from the same embedded data as the site, so the two always agree.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rota::TeamData;

mod args;
mod commands;
mod diff;
mod terminal;
mod generated {
    include!(concat!(env!("OUT_DIR"), "/team_data.rs"));
    include!(concat!(env!("OUT_DIR"), "/built_at.rs"));
}

use args::{Command, Invocation};
use commands::DataSource;

const USAGE: &str = "\
usage: rota [--data DIR] <command>

commands:
  who [--at INSTANT]                              who is on call now (or at an RFC 3339 instant)
  schedule --from WEEK --weeks N [--format table|json]
                                                  the schedule from an ISO week (e.g. 2026-W48)
  ics [--person SLUG] --out DIR [--around DATE] [--public-url URL]
                                                  calendar feeds (team.ics and one per engineer),
                                                  stamped with $SOURCE_DATE_EPOCH (default: now)
  check [--data DIR | --today DATE]               validate a data folder (default: the embedded data;
                                                  --today: warn if this build needs a rebuild by DATE)
  paths                                           every page path of the site, one per line
  diff OLD_DIR NEW_DIR [--from WEEK] [--weeks N] [--now INSTANT]
                                                  who is on call differently with the data in NEW_DIR
                                                  (exit 0: no change, 1: changes, 2: error)

--data DIR uses another data folder instead of the data embedded at build time.";

fn main() -> ExitCode {
    let invocation = match args::parse(std::env::args().skip(1)) {
        Ok(invocation) => invocation,
        Err(message) => {
            eprintln!("rota: {}\n\n{USAGE}", terminal::visible(&message));
            return ExitCode::from(2);
        }
    };
    let (dir, command) = match invocation {
        // Like diff(1), 1 means "they differ", so any error exits 2.
        Invocation::Diff(diff) => {
            return match diff::run(&diff) {
                Ok(false) => ExitCode::SUCCESS,
                Ok(true) => ExitCode::from(1),
                Err(message) => {
                    eprintln!("rota: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Invocation::Team { data, command } => (data, command),
    };
    let data = match load(dir.as_ref()) {
        Ok(data) => data,
        Err(errors) => {
            errors.0.iter().for_each(|error| eprintln!("{}", terminal::visible(&error.to_string())));
            return ExitCode::FAILURE;
        }
    };
    let result = match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Check { today } => {
            let source = match dir.as_deref() {
                Some(dir) => DataSource::Folder(dir),
                None => DataSource::Embedded {
                    dir: Path::new(env!("ROTA_EMBEDDED_DATA_DIR")),
                    built_at: generated::BUILT_AT,
                },
            };
            commands::check(&data, &source, today)
        }
        Command::Who { at } => commands::who(&data, at),
        Command::Schedule { from, weeks, format } => commands::schedule(&data, from, weeks, format),
        Command::Ics { person, out, around, public_url } => {
            commands::ics(&data, person.as_deref(), &out, around, &public_url)
        }
        Command::Paths => {
            rota::site_paths(&data).iter().for_each(|path| terminal::say!("{path}"));
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("rota: {}", terminal::visible(&message));
            ExitCode::FAILURE
        }
    }
}

fn load(dir: Option<&PathBuf>) -> Result<TeamData, rota::load::LoadErrors> {
    match dir {
        Some(dir) => rota::load::load_dir(dir),
        None => Ok(generated::team_data()),
    }
}
