//! The hand-built default team of `tests/common` must stay identical to what the `load`
//! feature reads from `data/`; otherwise the golden schedule would test the wrong data.
//! Runs with `cargo test -p rota --features load`.

#![cfg(feature = "load")]

mod common;

#[test]
fn hand_built_default_team_matches_data_folder() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let loaded = rota::load::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let built = common::default_team();
    assert_eq!(loaded.inputs.team, built.inputs.team);
    assert_eq!(loaded.inputs.engineers, built.inputs.engineers);
    assert_eq!(loaded.inputs.calendars, built.inputs.calendars);
    assert_eq!(loaded.inputs.leave, built.inputs.leave);
    assert_eq!(loaded.inputs.decisions, built.inputs.decisions);
    assert_eq!(loaded.pipelines, built.pipelines);
    assert_eq!(loaded.runbooks, built.runbooks);
    assert_eq!(loaded, built);
}
