//! What a site's build embeds (rota::codegen): a single team's data as before, an
//! organisation's index only.

use rota::chrono::{TimeZone, Utc};
use rota::codegen::{generated_source, site_source, text_file_names, Prose};
use rota::SiteData;
use std::path::Path;

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn built() -> rota::chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).unwrap()
}

#[test]
fn a_single_teams_site_embeds_its_data_as_before() {
    let data = rota::load::load_any(&workspace().join("data")).unwrap();
    let source = generated_source(&data, Prose::Fetched, built());
    let texts = rota::text_files::text_files_of(data.teams().into_iter().map(|(_, team)| team));
    assert_eq!(source, site_source(&data.without_text()) + &text_file_names(&texts));
    assert!(!source.contains("ORG_INDEX"));
    assert_eq!(generated_source(&data, Prose::Embedded, built()), site_source(&data));
}

#[test]
fn an_organisations_site_embeds_only_its_index() {
    let data = rota::load::load_any(&workspace().join("examples/org")).unwrap();
    let SiteData::Org(org) = &data else { panic!("examples/org is an organisation") };
    let source = generated_source(&data, Prose::Fetched, built());
    let files = rota::org_files::org_files(org, built());
    assert!(
        source.contains(&format!("pub const ORG_INDEX: &str = {:?};", rota::org_files::encode_index(&files.index))),
        "{source}"
    );
    let texts = rota::text_files::text_files_of(org.teams.iter().map(|t| &t.data));
    assert!(source.contains(&format!("pub const SEARCH_TEXT_FILE: &str = {:?};", texts.search.name)));
    assert!(!source.contains("site_data") && !source.contains("TEXT_FILES:") && !source.contains("ScheduleInputs"));
    assert!(source.len() < 2_000, "{} bytes", source.len());
    assert_eq!(generated_source(&data, Prose::Embedded, built()), site_source(&data));
}
