//! `rota`: the on-call schedule from the command line, computed by the same `rota` crate and
//! from the same embedded data as the site, so the two always agree.

use std::path::Path;
use std::process::ExitCode;

use rota::SiteData;

mod api;
mod args;
mod commands;
mod diff;
mod export;
mod horizon;
mod org;
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
            with_data(dir, |data| match data {
                SiteData::Team(data) => commands::check(data, &source, today, format),
                SiteData::Org(org) => commands::check_org(org, &source, today, format),
            })
        }
        Command::Who { at, team, person, layer, format } => with_data(dir, |data| match data {
            SiteData::Team(data) => {
                if person.is_some() {
                    // As if `who` had no --person: a single team answers "who is on call"
                    // with one name already.
                    unknown_argument(
                        "unexpected argument '--person' found\n  \
                         note: who --person asks across the teams of an organisation; this data is a single team",
                    );
                }
                org::no_team(team.as_deref());
                commands::who(data, at, layer.as_deref(), format)
            }
            SiteData::Org(_) if layer.is_some() && team.is_none() => {
                Err("--layer names a layer of one team: give its --team too".to_string())
            }
            SiteData::Org(o) => match person {
                Some(person) => org::who_person(o, person.as_str(), team.as_deref(), at, format),
                None => match team {
                    Some(team) => commands::who(&org::team(o, Some(&team))?.data, at, layer.as_deref(), format),
                    None => org::who_all(o, at, format),
                },
            },
        }),
        Command::Schedule { from, weeks, team, format } => {
            with_data(dir, |data| commands::schedule(org::one_team(data, team.as_deref())?, from, weeks, format))
        }
        Command::Ics { person, team, out, around, public_url } => with_data(dir, |data| match data {
            SiteData::Team(data) => {
                org::no_team(team.as_deref());
                commands::ics(data, person.as_deref(), &out, around, &public_url)
            }
            SiteData::Org(o) => org::ics(o, person.as_deref(), team.as_deref(), &out, around, &public_url),
        }),
        Command::Api { out, public_url } => with_data(dir, |data| match data {
            SiteData::Team(data) => api::write(data, &out, &public_url),
            SiteData::Org(org) => api::write_org(org, &out, &public_url),
        }),
        Command::Export { kind, out, year, from, weeks, team } => with_data(dir, |data| {
            export::run(org::one_team(data, team.as_deref())?, &export::Export { kind, out, year, from, weeks })
        }),
        Command::Text { out } => with_data(dir, |data| text_files::write(data, &out)),
        Command::Paths { format } => with_data(dir, |data| commands::paths(data, format)),
    }
}

/// Stops with clap's usage error (exit 2): the command line asks for something this data has
/// no room for.
pub(crate) fn usage_error(message: &str) -> ! {
    Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit()
}

/// Like [`usage_error`], worded as clap words an option a command does not have.
fn unknown_argument(message: &str) -> ! {
    Cli::command().error(clap::error::ErrorKind::UnknownArgument, message).exit()
}

/// Runs a command on the data (the folder `dir`, else the embedded data), a single team or an
/// organisation: exit 1 when the data is not valid or the command cannot answer, saying why.
fn with_data(dir: Option<&Path>, command: impl FnOnce(&SiteData) -> Result<(), String>) -> ExitCode {
    let data = match dir {
        Some(dir) => rota::load::load_any(dir),
        None => Ok(generated::site_data()),
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
