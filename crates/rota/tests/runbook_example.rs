//! The README's worked example of a runbook (tests/fixtures/runbook-example/) is valid data.

mod data_fixture;

use data_fixture::Fixture;

fn example(file: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/runbook-example").join(file);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_worked_example_runbook_loads_with_its_steps_verbatim() {
    let fx = Fixture::new();
    fx.push("pipelines.json", "", example("pipeline.json"));
    fx.push("runbooks.json", "", example("runbook.json"));
    assert_eq!(fx.errors(), Vec::<String>::new());
    let data = rota::load::load_dir(&fx.dir).unwrap();
    let point = &data.runbook("example-orders").unwrap().failure_points[0];
    assert_eq!(point.signals.len(), 2);
    assert_eq!(point.first_checks.len(), 3);
    // Newlines and indentation of the query survive loading untouched.
    assert!(point.first_checks[1].contains("```sql\nSELECT count(*)\n  FROM orders_daily\n"));
}
