//! `rota`: the on-call schedule from the command line, computed by the same `rota` crate and
//! from the same embedded data as the site, so the two always agree.

use std::path::PathBuf;
use std::process::ExitCode;

use rota::TeamData;

mod args;
mod commands;
mod terminal;
mod generated {
    include!(concat!(env!("OUT_DIR"), "/team_data.rs"));
}

use args::Command;

const USAGE: &str = "\
usage: rota [--data DIR] <command>

commands:
  who [--at INSTANT]                              who is on call now (or at an RFC 3339 instant)
  schedule --from WEEK --weeks N [--format table|json]
                                                  the schedule from an ISO week (e.g. 2026-W48)
  ics [--person SLUG] --out DIR [--around DATE]   calendar feeds (team.ics and one per engineer)
  check [--data DIR]                              validate a data folder (default: the embedded data)
  paths                                           every page path of the site, one per line

--data DIR uses another data folder instead of the data embedded at build time.";

fn main() -> ExitCode {
    let invocation = match args::parse(std::env::args().skip(1)) {
        Ok(invocation) => invocation,
        Err(message) => {
            eprintln!("rota: {}\n\n{USAGE}", terminal::visible(&message));
            return ExitCode::from(2);
        }
    };
    let data = match load(invocation.data.as_ref()) {
        Ok(data) => data,
        Err(errors) => {
            errors.0.iter().for_each(|error| eprintln!("{}", terminal::visible(&error.to_string())));
            return ExitCode::FAILURE;
        }
    };
    let result = match invocation.command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Check => commands::check(&data, invocation.data.as_deref()),
        Command::Who { at } => commands::who(&data, at),
        Command::Schedule { from, weeks, format } => commands::schedule(&data, from, weeks, format),
        Command::Ics { person, out, around } => commands::ics(&data, person.as_deref(), &out, around),
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
