//! `rota`: the on-call schedule from the command line, computed by the same `rota` crate and
//! from the same embedded data as the site, so the two always agree.

use std::path::Path;
use std::process::ExitCode;

use rota::TeamData;

mod api;
mod args;
mod commands;
mod diff;
mod export;
mod horizon;
mod terminal;
mod text_files;
mod generated {
    include!(concat!(env!("OUT_DIR"), "/team_data.rs"));
    include!(concat!(env!("OUT_DIR"), "/built_at.rs"));
}

use args::{Cli, Command};
use clap::{CommandFactory, Parser};
use commands::DataSource;

fn main() -> ExitCode {
    // Malformed command lines exit 2 with clap's message; --help and --version exit 0.
    let Cli { data: dir, command } = Cli::parse();
    let command = match command {
        Some(command) => command,
        None => {
            // A bare `rota` shows what it can do rather than an error.
            let _ = Cli::command().print_help();
            return ExitCode::SUCCESS;
        }
    };
    let usage_error = |message: &str| Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit();
    let dir = dir.as_deref();
    match command {
        // Like diff(1), 1 means "they differ", so any error exits 2.
        Command::Diff(diff) => {
            if dir.is_some() {
                usage_error("diff reads no --data: it compares OLD_DIR with NEW_DIR");
            }
            match diff::run(&diff) {
                Ok(false) => ExitCode::SUCCESS,
                Ok(true) => ExitCode::from(1),
                Err(message) => {
                    eprintln!("rota: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "rota", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Check { today, format } => {
            let source = match dir {
                Some(_) if today.is_some() => {
                    usage_error("--today judges the embedded build; data given with --data is not built yet")
                }
                Some(dir) => DataSource::Folder(dir),
                None => DataSource::Embedded {
                    dir: Path::new(env!("ROTA_EMBEDDED_DATA_DIR")),
                    built_at: generated::BUILT_AT,
                },
            };
            with_team(dir, |data| commands::check(data, &source, today, format))
        }
        Command::Who { at, format } => with_team(dir, |data| commands::who(data, at, format)),
        Command::Schedule { from, weeks, format } => {
            with_team(dir, |data| commands::schedule(data, from, weeks, format))
        }
        Command::Ics { person, out, around, public_url } => {
            with_team(dir, |data| commands::ics(data, person.as_deref(), &out, around, &public_url))
        }
        Command::Api { out, public_url } => with_team(dir, |data| api::write(data, &out, &public_url)),
        Command::Export { kind, out, year, from, weeks } => {
            with_team(dir, |data| export::run(data, &export::Export { kind, out, year, from, weeks }))
        }
        Command::Text { out } => with_team(dir, |data| text_files::write(data, &out)),
        Command::Paths { format } => with_team(dir, |data| commands::paths(data, format)),
    }
}

/// Runs a command on one team's data (the folder `dir`, else the embedded data): exit 1 when
/// the data is not valid or the command cannot answer, saying why.
fn with_team(dir: Option<&Path>, command: impl FnOnce(&TeamData) -> Result<(), String>) -> ExitCode {
    let data = match dir {
        Some(dir) => rota::load::load_dir(dir),
        None => Ok(generated::team_data()),
    };
    let result = match data {
        Ok(data) => command(&data),
        Err(errors) => {
            errors.0.iter().for_each(|error| eprintln!("{}", terminal::visible(&error.to_string())));
            return ExitCode::FAILURE;
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
