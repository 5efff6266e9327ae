//! `rota export`: the CSV files the site's "Download CSV" buttons make, written by the same
//! functions ([`rota::csv_export`]), so a payroll script and a person get the same bytes.

use std::io::{IsTerminal, Write};
use std::path::Path;

use chrono::{Datelike, Utc};
use rota::csv_export::CsvFile;
use rota::{Schedule, TeamData, WeekId};

use crate::args::ExportKind;
use crate::terminal::say;

/// What to export; unset values default to what the pages show first: this year's hours,
/// and the schedule from this week.
pub struct Export {
    pub kind: Option<ExportKind>,
    pub out: Option<std::path::PathBuf>,
    pub year: Option<i32>,
    pub from: Option<WeekId>,
    pub weeks: u32,
}

pub fn run(data: &TeamData, export: &Export) -> Result<(), String> {
    let schedule = Schedule::new(data.inputs.clone());
    let now = Utc::now().with_timezone(&data.inputs.team.time_zone);
    let horizon = crate::horizon::at(&schedule, now.to_utc());
    let kinds = match export.kind {
        Some(kind) => vec![kind],
        None => vec![ExportKind::Hours, ExportKind::Schedule],
    };
    let mut files = Vec::new();
    for kind in kinds {
        files.push(match kind {
            ExportKind::Hours => {
                let year = match export.year {
                    Some(year) => crate::horizon::year(horizon, year)?,
                    None => now.year(),
                };
                rota::csv_export::hours(&schedule, year)
            }
            ExportKind::Schedule => {
                let rotation = schedule.rotation();
                let from = match export.from {
                    Some(week) => crate::horizon::weeks(&schedule, horizon, week, export.weeks)?,
                    None => rotation.index_at(now.to_utc()).unwrap_or(0),
                };
                if schedule.inputs().team.layers == rota::Layers::default() {
                    rota::csv_export::schedule(&schedule, from, export.weeks)
                } else {
                    rota::csv_export::layered_schedule(&schedule, from, export.weeks)
                }
            }
        });
    }
    match &export.out {
        Some(dir) => files.iter().try_for_each(|file| write(dir, file)),
        None => files.iter().try_for_each(|file| {
            let mut stdout = std::io::stdout();
            if stdout.is_terminal() {
                // Read by a person: free text from the data is shown, not obeyed (see
                // crate::terminal).
                for_terminal(&file.text).try_for_each(|line| writeln!(stdout, "{line}"))
            } else {
                // The file's own bytes (CRLF line ends included), for a pipe or a redirect.
                stdout.write_all(file.text.as_bytes())
            }
            .map_err(|e| format!("cannot write: {e}"))
        }),
    }
}

/// The lines of a CSV file as a terminal may show them: each line without its CRLF, and any
/// control, bidirectional or invisible character inside (a quoted line break included) as
/// `\uXXXX`.
fn for_terminal(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_terminator("\r\n").map(crate::terminal::visible)
}

fn write(dir: &Path, file: &CsvFile) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(&file.name);
    std::fs::write(&path, &file.text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    say!("wrote {}", path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::for_terminal;

    #[test]
    fn a_terminal_shows_escape_sequences_and_quoted_line_breaks_as_text() {
        let text = "name,notes\r\n\"Bob\u{1b}[2J\",\"two\nlines\"\r\nAlice,\r\n";
        let lines: Vec<String> = for_terminal(text).collect();
        assert_eq!(lines, ["name,notes", "\"Bob\\u001B[2J\",\"two\\u000Alines\"", "Alice,"]);
    }
}
