//! `rota`: the on-call schedule from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/team_data.rs"));
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => {
            let dir = args.iter().position(|a| a == "--data").and_then(|i| args.get(i + 1)).map(PathBuf::from);
            match dir {
                Some(dir) => match rota::load::load_dir(&dir) {
                    Ok(_) => {
                        println!("{}: the data is valid", dir.display());
                        ExitCode::SUCCESS
                    }
                    Err(errors) => {
                        eprintln!("{errors}");
                        ExitCode::FAILURE
                    }
                },
                None => {
                    let data = generated::team_data();
                    println!("embedded data for {} is valid", data.team.name);
                    ExitCode::SUCCESS
                }
            }
        }
        _ => {
            eprintln!("usage: rota check [--data DIR]");
            ExitCode::from(2)
        }
    }
}
