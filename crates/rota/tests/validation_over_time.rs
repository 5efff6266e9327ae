//! Validation of roster changes, covers and trades: the README's worked examples load as
//! written, and each mistake a team can make is reported with file, JSON pointer and reason.

mod data_fixture;

use data_fixture::Fixture;
use serde_json::json;

const ROSTER: &str = "roster-changes.json";
const COVERS: &str = "covers.json";
const TRADES: &str = "trades.json";

/// The default data with Eve added to the team (not yet to the rotation).
fn with_eve() -> Fixture {
    let fx = Fixture::new();
    fx.push("team.json", "/engineers", json!({ "slug": "eve", "name": "Eve", "backup": "alice" }));
    fx
}

fn worked_example(file: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/team-over-time").join(file);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_worked_examples_load_and_mean_what_the_readme_says() {
    let fx = with_eve();
    for file in [ROSTER, COVERS, TRADES] {
        fx.write(file, &worked_example(file));
    }
    assert_eq!(fx.errors(), Vec::<String>::new());
    let data = rota::load::load_dir(&fx.dir).unwrap();
    let schedule = rota::Schedule::new(data.inputs.clone());
    let on_call = |id: &str| schedule.by_id(id.parse().unwrap()).unwrap().on_call;
    // The trade: Bob takes Charlie's 2027-W02, Charlie takes Bob's 2027-W05.
    assert_eq!((on_call("2027-W02"), on_call("2027-W05")), ("bob".to_string(), "charlie".to_string()));
    // Eve's first week: the new order from 2027-W10 is charlie, diana, alice, bob, eve.
    assert_eq!(on_call("2027-W14"), "eve");
    // The cover splits Bob's 2026-W50 in three.
    let w50 = schedule.by_id("2026-W50".parse().unwrap()).unwrap();
    let who: Vec<&str> = w50.stretches.iter().map(|s| s.engineer.as_str()).collect();
    assert_eq!(who, ["bob", "charlie", "bob"]);
}

#[test]
fn a_missing_file_means_no_changes() {
    let fx = Fixture::new();
    let data = rota::load::load_dir(&fx.dir).unwrap();
    assert!(data.inputs.roster_changes.is_empty() && data.inputs.covers.is_empty() && data.inputs.trades.is_empty());
}

#[test]
fn roster_change_mistakes() {
    let fx = with_eve();
    fx.write(
        ROSTER,
        &json!([
            { "from": "2026-W01", "rotation": ["alice", "bob"] },
            { "from": "2027-W10", "rotation": ["alice", "eve", "alice", "bobb"] },
            { "from": "2027-W09", "rotation": [] },
            { "from": "2027-W60", "rotation": ["alice"] }
        ]),
    );
    fx.expect(&[
        (
            ROSTER,
            "/0/from",
            "2026-W01 is not after the rotation's first week 2026-W01: change \"rotation\" in team.json instead",
        ),
        (
            ROSTER,
            "/1/rotation/2",
            "alice is listed twice (also at /1/rotation/0): each engineer takes one turn per round",
        ),
        (ROSTER, "/1/rotation/3", "unknown engineer \"bobb\" (known: alice, bob, charlie, diana, eve)"),
        (
            ROSTER,
            "/2/from",
            "2027-W09 is not after the previous change (2027-W10): list changes in order, one per week",
        ),
        (ROSTER, "/2/rotation", "the rotation is empty: list at least one engineer"),
        (ROSTER, "/3/from", "\"2027-W60\" is not an ISO week like 2026-W48: that year has no such week"),
    ]);
}

#[test]
fn cover_mistakes() {
    let fx = Fixture::new();
    fx.write("leave.json", &json!([{ "engineer": "diana", "from": "2027-03-01", "to": "2027-03-05" }]));
    fx.write(
        COVERS,
        &json!([
            { "engineer": "bob", "from": "2027-03-10T18:00", "to": "2027-03-12T09:00" },
            { "engineer": "charlie", "from": "2027-03-12T08:00", "to": "2027-03-12T10:00" },
            { "engineer": "diana", "from": "2027-03-05T20:00", "to": "2027-03-06T08:00" },
            { "engineer": "alice", "from": "2025-12-29T08:00", "to": "2025-12-29T10:00" },
            { "engineer": "alice", "from": "2027-04-02T10:00", "to": "2027-04-02T09:00" },
            { "engineer": "alice", "from": "2027-04-02 10:00", "to": "2027-05-30T09:00" },
            { "engineer": "alice", "from": "2027-04-01T10:00", "to": "2027-05-30T09:00" },
            { "engineer": "erin", "from": "2027-04-01T10:00", "to": "2027-04-01T11:00" }
        ]),
    );
    fx.expect(&[
        (COVERS, "/1/from", "overlaps the cover at /0 (bob from 2027-03-10T18:00 to 2027-03-12T09:00): one person is on call at a time; shorten one of them"),
        (COVERS, "/2/engineer", "Diana is on leave from 2027-03-01 to 2027-03-05, during this cover"),
        (COVERS, "/3/from", "the rotation starts 2025-12-29T09:00: a cover cannot begin before"),
        (COVERS, "/4/to", "the cover ends (2027-04-02T09:00) before or when it starts (2027-04-02T10:00)"),
        (COVERS, "/5/from", "\"2027-04-02 10:00\" is not a time as YYYY-MM-DDTHH:MM (e.g. \"2027-03-10T18:00\")"),
        (COVERS, "/6/to", "a cover lasts at most 31 days; for longer, change the roster or trade weeks"),
        (COVERS, "/7/engineer", "unknown engineer \"erin\" (known: alice, bob, charlie, diana)"),
    ]);
}

#[test]
fn trade_mistakes() {
    let fx = Fixture::new();
    fx.write(
        TRADES,
        &json!([
            { "weeks": ["2027-W02", "2027-W05"], "engineers": ["charlie", "bob"] },
            { "weeks": ["2027-W05", "2027-W06"], "engineers": ["bob", "charlie"] },
            { "weeks": ["2027-W07", "2027-W09"], "engineers": ["diana", "bob"] },
            { "weeks": ["2025-W50", "2027-W11"], "engineers": ["alice", "diana"] },
            { "weeks": ["2027-W11", "2027-W11"], "engineers": ["diana", "diana"] }
        ]),
    );
    fx.expect(&[
        (TRADES, "/1/weeks/0", "2027-W05 is already traded at /0: a week can be traded once"),
        // Diana's 2027-W07 holds Washington's Birthday: Alice covers it (the swap).
        (TRADES, "/2/engineers/0", "diana is not on call in 2027-W07 (alice is, swaps applied): a trade exchanges the weeks its engineers hold"),
        (TRADES, "/3/weeks/0", "2025-W50 is before the rotation starts (2026-W01)"),
        (TRADES, "/4/weeks/1", "a trade exchanges two different weeks"),
    ]);
}
