//! The team's data, validated by the build script and embedded as Rust constructors.

use std::sync::{Arc, OnceLock};

use rota::{Schedule, ScheduleInputs, TeamData};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/team_data.rs"));
    include!(concat!(env!("OUT_DIR"), "/built_at.rs"));
}

/// When this site was built: its data embedded and its calendar feeds written.
pub use generated::BUILT_AT;
/// The text file with every pipeline's prose (see `rota::text_files`).
pub use generated::SEARCH_TEXT_FILE;

/// The text file with the prose of pipeline `slug` (its description and runbook).
pub fn text_file_of(slug: &str) -> Option<&'static str> {
    let files = generated::TEXT_FILES;
    files.binary_search_by(|(s, _)| (*s).cmp(slug)).ok().map(|i| files[i].1)
}

/// The embedded team data without its prose, built once on first use; pages fetch the prose
/// on demand ([`crate::prose`]).
pub fn team_data() -> &'static TeamData {
    static DATA: OnceLock<TeamData> = OnceLock::new();
    DATA.get_or_init(generated::team_data)
}

/// What the team's schedule is computed from.
pub fn team_inputs() -> &'static ScheduleInputs {
    &team_data().inputs
}

/// The team's real schedule, shared by every page, so weeks resolved once stay resolved.
pub fn team_schedule() -> &'static Arc<Schedule> {
    static SCHEDULE: OnceLock<Arc<Schedule>> = OnceLock::new();
    SCHEDULE.get_or_init(|| Arc::new(Schedule::new(Arc::clone(&team_data().inputs))))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Guards against drift between `data/` and what the site embeds (the generated code is
    /// rebuilt by the build script, but this proves the generator round-trips every field).
    /// `scripts/test` also runs it with `ROTA_DATA_DIR` set to the later-deploy data, whose
    /// contacts, covers and trades `data/` does not have.
    #[test]
    fn embedded_data_equals_the_data_folder() {
        // The folder the build script embedded: it reads the same variable at compile time.
        let dir = option_env!("ROTA_DATA_DIR")
            .filter(|dir| !dir.is_empty())
            .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), |dir| Path::new(dir).to_path_buf());
        let loaded = rota::load::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(super::team_data(), &loaded.without_text());
        // The prose is in the files `rota text` writes for the same data, under the names embedded.
        let files = rota::text_files::text_files(&loaded);
        assert_eq!(super::SEARCH_TEXT_FILE, files.search.name);
        for (slug, file) in &files.pipelines {
            assert_eq!(super::text_file_of(slug), Some(file.name.as_str()), "{slug}");
        }
        assert_eq!(super::generated::TEXT_FILES.len(), files.pipelines.len());
    }
}
