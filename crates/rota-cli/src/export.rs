//! `rota export`: the CSV files the site's "Download CSV" buttons make, written by the same
//! functions ([`rota::csv_export`]), so a payroll script and a person get the same bytes.

use std::io::Write;
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
    let kinds = match export.kind {
        Some(kind) => vec![kind],
        None => vec![ExportKind::Hours, ExportKind::Schedule],
    };
    let mut files = Vec::new();
    for kind in kinds {
        files.push(match kind {
            ExportKind::Hours => rota::csv_export::hours(&schedule, export.year.unwrap_or(now.year())),
            ExportKind::Schedule => {
                let rotation = schedule.rotation();
                let from = match export.from {
                    Some(week) => rotation
                        .index_of_week(week)
                        .ok_or_else(|| format!("{week} is before the rotation starts ({})", rotation.week(0).id))?,
                    None => rotation.index_at(now.to_utc()).unwrap_or(0),
                };
                rota::csv_export::schedule(&schedule, from, export.weeks)
            }
        });
    }
    match &export.out {
        Some(dir) => files.iter().try_for_each(|file| write(dir, file)),
        None => files.iter().try_for_each(|file| {
            // The file's own bytes (CRLF line ends included), for a pipe or a redirect.
            std::io::stdout().write_all(file.text.as_bytes()).map_err(|e| format!("cannot write: {e}"))
        }),
    }
}

fn write(dir: &Path, file: &CsvFile) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(&file.name);
    std::fs::write(&path, &file.text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    say!("wrote {}", path.display());
    Ok(())
}
