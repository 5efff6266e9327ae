//! The prose the site fetches on demand (rota::text_files) is the data's prose, every character
//! of it, and what the site embeds without it is the rest of the data.

mod data_fixture;

use data_fixture::Fixture;
use rota::text_files::{decode, text_files};
use rota::TeamData;

fn data_folder() -> TeamData {
    rota::load::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")).unwrap()
}

#[test]
fn the_search_file_and_the_pipeline_files_give_back_the_data_folder() {
    let data = data_folder();
    let files = text_files(&data);
    assert_eq!(files.pipelines.len(), data.pipelines.len());
    assert_eq!(data.without_text().with_text(&decode(&files.search.body).unwrap()), data);
    let one_by_one: Vec<_> = files.pipelines.iter().flat_map(|(_, file)| decode(&file.body).unwrap()).collect();
    assert_eq!(data.without_text().with_text(&one_by_one), data);
}

#[test]
fn text_with_newlines_backslashes_and_markup_survives_the_round_trip() {
    let fx = Fixture::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/runbook-example");
    let read = |file: &str| serde_json::from_str(&std::fs::read_to_string(root.join(file)).unwrap()).unwrap();
    fx.push("pipelines.json", "", read("pipeline.json"));
    let mut runbook: serde_json::Value = read("runbook.json");
    runbook["failure_points"][0]["description"] = "C:\\path\\n is not a newline;\r\n<b>bold</b> \u{202e}".into();
    fx.push("runbooks.json", "", runbook);
    let data = rota::load::load_dir(&fx.dir).unwrap();
    let files = text_files(&data);
    assert_eq!(data.without_text().with_text(&decode(&files.search.body).unwrap()), data);
}

#[test]
fn files_are_named_by_their_content() {
    let data = data_folder();
    let before = text_files(&data);
    let mut edited = data.clone();
    edited.pipelines[0].description.push_str(" Edited.");
    let after = text_files(&edited);
    // Only the edited pipeline's file (and the search file, which holds all text) change name.
    let renamed: Vec<&str> = before
        .pipelines
        .iter()
        .zip(&after.pipelines)
        .filter(|(a, b)| a.1.name != b.1.name)
        .map(|(a, _)| a.0.as_str())
        .collect();
    assert_eq!(renamed, [data.pipelines[0].slug.as_str()]);
    assert_ne!(before.search.name, after.search.name);
    assert!(before.pipelines[0].1.name.starts_with(&format!("text/pipelines/{}-", data.pipelines[0].slug)));
}

#[test]
fn a_damaged_file_is_an_error_naming_its_line_not_a_panic() {
    let cases = [
        ("", "line 1: not a rota text file (expected \"rota-text 1\")"),
        ("rota-text 1\ndescription orphan\n", "line 2: text before its pipeline"),
        ("rota-text 1\npipeline p\npoint x\n", "line 3: failure point outside a runbook"),
        ("rota-text 1\npipeline p\nsummary s\ntitle t\n", "line 4: text before its failure point"),
        ("rota-text 1\npipeline p\nnospace\n", "line 3: expected a tag and a value"),
        ("rota-text 1\npipeline p\ndescription bad \\q\n", "line 3: bad escape"),
        ("rota-text 1\npipeline p\nsummary s\npoint x\nsmell bad\n", "line 5: unknown tag \"smell\""),
    ];
    for (body, message) in cases {
        assert_eq!(decode(body).unwrap_err().to_string(), message, "{body:?}");
    }
}
