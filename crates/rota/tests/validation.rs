//! One test per class of problem that `rota::load::load_dir` reports.
//!
//! Each test copies the real `data/` folder into a fresh temporary folder, changes one value
//! (or a few, for problems that need them), and asserts the complete list of messages exactly
//! as a person sees them: `<folder>/<file>: <JSON pointer>: <reason>`. Asserting the whole list
//! also proves that one mistake does not cascade into unrelated ones. Warnings (valid data a team
//! probably did not mean, from `rota::check_warnings`) are asserted the same way.

mod data_fixture;

use data_fixture::Fixture;
use rota::load::{is_url_safe_slug, load_dir, DATA_FILES};
use serde_json::{json, Value};

const KNOWN: &str = "(known: alice, bob, charlie, diana)";

fn unknown_engineer(slug: &str) -> String {
    format!("unknown engineer \"{slug}\" {KNOWN}")
}

fn not_url_safe(what: &str, slug: &str) -> String {
    format!(
        "{what} slug \"{slug}\" is not URL-safe: use lowercase letters, digits and single hyphens (e.g. \"aggregate-profit\")"
    )
}

// ---- the fixture itself ---------------------------------------------------------------------

#[test]
fn the_unchanged_copy_of_the_default_data_is_valid() {
    let fx = Fixture::new();
    assert_eq!(fx.errors(), Vec::<String>::new());
    let data = load_dir(&fx.dir).unwrap();
    assert_eq!(data.inputs.engineers.len(), 4);
    assert_eq!(data.pipelines.len(), 5);
    let no_contacts = no_contacts();
    fx.expect_warnings(&with_no_contacts(&no_contacts, &[], &[]));
}

#[test]
fn the_message_format_matches_the_readme_example() {
    let fx = Fixture::new();
    fx.set("pipelines.json", "/3/secondary", json!("dianna"));
    let errors = load_dir(&fx.dir).unwrap_err();
    let only = &errors.0[0];
    assert_eq!(errors.0.len(), 1);
    assert_eq!(only.file, fx.dir.join("pipelines.json"));
    assert_eq!(only.pointer, "/3/secondary");
    assert_eq!(only.reason, "unknown engineer \"dianna\" (known: alice, bob, charlie, diana)");
    assert_eq!(
        only.to_string(),
        format!(
            "{}: /3/secondary: unknown engineer \"dianna\" (known: alice, bob, charlie, diana)",
            fx.dir.join("pipelines.json").display()
        )
    );
}

// ---- files and JSON shape -------------------------------------------------------------------

#[test]
fn a_missing_file_is_reported_at_the_root() {
    let fx = Fixture::new();
    std::fs::remove_file(fx.dir.join("leave.json")).unwrap();
    fx.expect_one("leave.json", "/", "cannot read the file: No such file or directory (os error 2)");
}

#[test]
fn an_unreadable_file_is_reported_at_the_root() {
    let fx = Fixture::new();
    std::fs::remove_file(fx.dir.join("decisions.json")).unwrap();
    std::fs::create_dir(fx.dir.join("decisions.json")).unwrap();
    fx.expect_one("decisions.json", "/", "cannot read the file: Is a directory (os error 21)");
}

#[test]
fn a_missing_data_folder_reports_every_file() {
    let fx = Fixture::new();
    let gone = fx.dir.join("no-such-folder");
    let errors: Vec<String> = load_dir(&gone).unwrap_err().0.iter().map(|e| e.to_string()).collect();
    let expected: Vec<String> = DATA_FILES
        .iter()
        .map(|f| format!("{}: /: cannot read the file: No such file or directory (os error 2)", gone.join(f).display()))
        .collect();
    assert_eq!(errors, expected);
}

#[test]
fn invalid_json_syntax_names_the_position() {
    let fx = Fixture::new();
    fx.write_text("leave.json", "[\n  { \"engineer\": \"alice\", }\n]\n");
    fx.expect_one("leave.json", "/0", "not valid JSON: trailing comma at line 2 column 26");
}

#[test]
fn a_truncated_file_is_invalid_json() {
    let fx = Fixture::new();
    fx.write_text("decisions.json", "[");
    fx.expect_one("decisions.json", "/", "not valid JSON: EOF while parsing a list at line 1 column 1");
}

#[test]
fn an_empty_file_is_invalid_json() {
    let fx = Fixture::new();
    fx.write_text("leave.json", "");
    fx.expect_one("leave.json", "/", "not valid JSON: EOF while parsing a value at line 1 column 0");
}

#[test]
fn a_wrong_type_points_at_the_field() {
    let fx = Fixture::new();
    fx.set("team.json", "/handoff/time", json!(900));
    fx.expect_one("team.json", "/handoff/time", "invalid type: integer `900`, expected a string");
}

#[test]
fn a_wrong_type_deep_in_a_list_points_at_the_field() {
    let fx = Fixture::new();
    fx.set("holidays.json", "/0/rules/2/month", json!("2"));
    fx.expect_one("holidays.json", "/0/rules/2/month", "invalid type: string \"2\", expected u32");
}

#[test]
fn a_wrong_type_of_a_whole_file_points_at_the_root() {
    let fx = Fixture::new();
    fx.write("pipelines.json", &json!({ "slug": "profit" }));
    fx.expect_one("pipelines.json", "/", "invalid type: map, expected a sequence");
}

#[test]
fn an_unknown_field_is_named_with_the_allowed_ones() {
    let fx = Fixture::new();
    fx.set("pipelines.json", "/2/owner", json!("charlie"));
    fx.expect_one(
        "pipelines.json",
        "/2/owner",
        "unknown field `owner`, expected one of `slug`, `name`, `area`, `audience`, `primary`, `secondary`, `description`",
    );
}

#[test]
fn an_unknown_field_in_team_json_is_named_with_the_allowed_ones() {
    let fx = Fixture::new();
    fx.set("team.json", "/handoff/timezone", json!("UTC"));
    fx.expect_one("team.json", "/handoff/timezone", "unknown field `timezone`, expected `weekday` or `time`");
}

#[test]
fn a_missing_required_field_points_at_its_object() {
    let fx = Fixture::new();
    fx.remove("pipelines.json", "/4", "primary");
    fx.expect_one("pipelines.json", "/4", "missing field `primary`");
}

// ---- references to engineers, calendars and pipelines --------------------------------------

#[test]
fn unknown_engineer_as_pipeline_primary() {
    let fx = Fixture::new();
    // Alice also leads aggregate-engagement, so her backup (bob) is still clear.
    fx.set("pipelines.json", "/0/primary", json!("alicia"));
    fx.expect_one("pipelines.json", "/0/primary", &unknown_engineer("alicia"));
}

#[test]
fn unknown_primary_of_an_engineers_only_pipeline_also_leaves_them_without_a_backup() {
    let fx = Fixture::new();
    // Bob leads only aggregate-profit: with the typo he leads nothing, so his backup is unclear.
    fx.set("pipelines.json", "/1/primary", json!("bobby"));
    fx.expect(&[
        ("pipelines.json", "/1/primary", &unknown_engineer("bobby")),
        (
            "team.json",
            "/engineers/1/backup",
            "bob has no backup: they are primary owner of no pipeline, so set \"backup\" to an engineer's slug",
        ),
    ]);
}

#[test]
fn unknown_engineer_as_pipeline_secondary() {
    let fx = Fixture::new();
    fx.set("pipelines.json", "/3/secondary", json!("dianna"));
    fx.expect_one("pipelines.json", "/3/secondary", &unknown_engineer("dianna"));
}

#[test]
fn unknown_engineer_in_the_rotation() {
    let fx = Fixture::new();
    fx.set("team.json", "/rotation/2", json!("charly"));
    fx.expect_one("team.json", "/rotation/2", &unknown_engineer("charly"));
}

#[test]
fn an_engineer_twice_in_the_rotation() {
    let fx = Fixture::new();
    // A typo: Alice would be on call twice every four weeks, and Diana never.
    fx.set("team.json", "/rotation", json!(["alice", "bob", "charlie", "alice"]));
    fx.expect_one(
        "team.json",
        "/rotation/3",
        "alice is already in the rotation at /rotation/0: list each engineer once",
    );
}

#[test]
fn an_empty_rotation() {
    let fx = Fixture::new();
    fx.set("team.json", "/rotation", json!([]));
    fx.expect_one("team.json", "/rotation", "the rotation is empty: list at least one engineer");
}

#[test]
fn unknown_engineer_on_leave() {
    let fx = Fixture::new();
    fx.push("leave.json", "", json!({ "engineer": "eve", "from": "2026-03-02", "to": "2026-03-06" }));
    fx.expect_one("leave.json", "/0/engineer", &unknown_engineer("eve"));
}

#[test]
fn unknown_calendar_of_the_team() {
    let fx = Fixture::new();
    fx.set("team.json", "/calendar", json!("uk"));
    fx.expect_one("team.json", "/calendar", "unknown holiday calendar \"uk\" (known: us-federal)");
}

#[test]
fn unknown_calendar_of_an_engineer() {
    let fx = Fixture::new();
    fx.set("team.json", "/engineers/3/calendar", json!("us-fed"));
    fx.expect_one("team.json", "/engineers/3/calendar", "unknown holiday calendar \"us-fed\" (known: us-federal)");
}

#[test]
fn unknown_pipeline_in_runbooks() {
    let fx = Fixture::new();
    fx.set("runbooks.json", "/1/pipeline", json!("aggregate-grwoth"));
    fx.expect_one(
        "runbooks.json",
        "/1/pipeline",
        "unknown pipeline \"aggregate-grwoth\" (known: profit, aggregate-profit, aggregate-growth, daily-growth, aggregate-engagement)",
    );
}

#[test]
fn a_second_runbook_for_the_same_pipeline() {
    let fx = Fixture::new();
    fx.set("runbooks.json", "/2/pipeline", json!("aggregate-profit"));
    fx.expect_one("runbooks.json", "/2/pipeline", "a second runbook for \"aggregate-profit\": keep one per pipeline");
}

// ---- slugs and names --------------------------------------------------------------------------

#[test]
fn duplicate_engineer_slug() {
    let fx = Fixture::new();
    fx.push("team.json", "/engineers", json!({ "slug": "bob", "name": "Robert", "backup": "alice" }));
    fx.expect_one("team.json", "/engineers/4/slug", "duplicate engineer slug \"bob\"");
}

#[test]
fn engineer_slug_that_is_not_url_safe() {
    let fx = Fixture::new();
    fx.push("team.json", "/engineers", json!({ "slug": "Eve Smith", "name": "Eve", "backup": "alice" }));
    fx.expect_one("team.json", "/engineers/4/slug", &not_url_safe("engineer", "Eve Smith"));
}

#[test]
fn duplicate_pipeline_slug() {
    let fx = Fixture::new();
    fx.set("pipelines.json", "/3/slug", json!("aggregate-growth"));
    fx.expect_one("pipelines.json", "/3/slug", "duplicate pipeline slug \"aggregate-growth\"");
}

#[test]
fn pipeline_slug_that_is_not_url_safe() {
    let fx = Fixture::new();
    fx.set("pipelines.json", "/0/slug", json!("profit_v2"));
    fx.expect_one("pipelines.json", "/0/slug", &not_url_safe("pipeline", "profit_v2"));
}

#[test]
fn duplicate_failure_point_slug() {
    let fx = Fixture::new();
    fx.set("runbooks.json", "/0/failure_points/3/slug", json!("data-latency"));
    fx.expect_one("runbooks.json", "/0/failure_points/3/slug", "duplicate failure point slug \"data-latency\"");
}

#[test]
fn the_same_failure_point_slug_in_two_runbooks_is_fine() {
    let fx = Fixture::new();
    fx.set("runbooks.json", "/1/failure_points/0/slug", json!("data-latency"));
    fx.expect(&[]);
}

#[test]
fn failure_point_slug_that_is_not_url_safe() {
    let fx = Fixture::new();
    fx.set("runbooks.json", "/2/failure_points/0/slug", json!("Event Log Corruption"));
    fx.expect_one("runbooks.json", "/2/failure_points/0/slug", &not_url_safe("failure point", "Event Log Corruption"));
}

#[test]
fn symptoms_must_be_short_phrases_each_listed_once() {
    let fx = Fixture::new();
    let at = "/1/failure_points/2/symptoms";
    fx.set(
        "runbooks.json",
        at,
        json!(["doubled", " ", "Doubled", "numbers look doubled after the nightly load ran twice"]),
    );
    fx.expect(&[
        ("runbooks.json", "/1/failure_points/2/symptoms/1", "the symptom is empty: write a word or short phrase (e.g. \"doubled\")"),
        ("runbooks.json", "/1/failure_points/2/symptoms/2", "\"Doubled\" is already listed at /1/failure_points/2/symptoms/0: list each symptom once"),
        (
            "runbooks.json",
            "/1/failure_points/2/symptoms/3",
            "\"numbers look doubled after the nightly load ran twice\" is not a short phrase: keep a symptom to one line of at most 40 characters, and describe it in \"signals\"",
        ),
    ]);
}

#[test]
fn duplicate_calendar_slug() {
    let fx = Fixture::new();
    fx.push("holidays.json", "", json!({ "slug": "us-federal", "name": "Another" }));
    fx.expect_one("holidays.json", "/1/slug", "duplicate holiday calendar slug \"us-federal\"");
}

#[test]
fn calendar_slug_that_is_not_url_safe() {
    let fx = Fixture::new();
    fx.push("holidays.json", "", json!({ "slug": "uk--england", "name": "England" }));
    fx.expect_one("holidays.json", "/1/slug", &not_url_safe("holiday calendar", "uk--england"));
}

#[test]
fn url_safe_slugs_are_lowercase_words_joined_by_single_hyphens() {
    for good in ["alice", "aggregate-profit", "q3-2026", "a", "7"] {
        assert!(is_url_safe_slug(good), "{good} should be URL-safe");
    }
    for bad in ["", "-", "-alice", "alice-", "a--b", "Alice", "a_b", "a b", "a.b", "a/b", "é"] {
        assert!(!is_url_safe_slug(bad), "{bad:?} should not be URL-safe");
    }
}

#[test]
fn empty_team_name() {
    let fx = Fixture::new();
    fx.set("team.json", "/name", json!("  "));
    fx.expect_one("team.json", "/name", "the team name is empty");
}

#[test]
fn empty_engineer_name() {
    let fx = Fixture::new();
    fx.set("team.json", "/engineers/1/name", json!(""));
    fx.expect_one("team.json", "/engineers/1/name", "the name is empty");
}

#[test]
fn empty_pipeline_name() {
    let fx = Fixture::new();
    fx.set("pipelines.json", "/2/name", json!(" "));
    fx.expect_one("pipelines.json", "/2/name", "the name is empty");
}

#[test]
fn empty_failure_point_title() {
    let fx = Fixture::new();
    fx.set("runbooks.json", "/1/failure_points/4/title", json!(""));
    fx.expect_one("runbooks.json", "/1/failure_points/4/title", "the title is empty");
}

#[test]
fn empty_holiday_calendar_name() {
    let fx = Fixture::new();
    fx.set("holidays.json", "/0/name", json!(" "));
    fx.expect_one("holidays.json", "/0/name", "the name is empty");
}

#[test]
fn empty_holiday_names() {
    let fx = Fixture::new();
    fx.set("holidays.json", "/0/rules/3/name", json!(""));
    fx.set("holidays.json", "/0/one_off", json!([{ "date": "2026-06-01", "name": "\t" }]));
    fx.expect(&[
        ("holidays.json", "/0/rules/3/name", "the name is empty"),
        ("holidays.json", "/0/one_off/0/name", "the name is empty"),
    ]);
}

// ---- pipelines --------------------------------------------------------------------------------

#[test]
fn unknown_audience() {
    let fx = Fixture::new();
    fx.set("pipelines.json", "/1/audience", json!("investors"));
    fx.expect_one("pipelines.json", "/1/audience", "unknown audience \"investors\" (known: investor, experiments)");
}

#[test]
fn primary_and_secondary_owner_are_the_same() {
    let fx = Fixture::new();
    fx.set("pipelines.json", "/1/secondary", json!("bob"));
    fx.expect_one("pipelines.json", "/1/secondary", "the secondary owner must differ from the primary owner (bob)");
}

// ---- team: zone, handoff, epoch ---------------------------------------------------------------

#[test]
fn unknown_time_zone() {
    let fx = Fixture::new();
    fx.set("team.json", "/time_zone", json!("America/New_Yrok"));
    fx.expect_one("team.json", "/time_zone", "unknown IANA time zone \"America/New_Yrok\" (e.g. \"America/New_York\")");
}

#[test]
fn unknown_handoff_weekday() {
    let fx = Fixture::new();
    fx.set("team.json", "/handoff/weekday", json!("Monday"));
    fx.expect_one(
        "team.json",
        "/handoff/weekday",
        "unknown weekday \"Monday\" (use lowercase English: monday … sunday)",
    );
}

#[test]
fn handoff_times_that_are_not_hh_mm() {
    for bad in ["9:00", " 9:00", "09: 5", "+9:00", "09:60", "24:00", "09.00", "0900", "09:00:00", "", "nine"] {
        let fx = Fixture::new();
        fx.set("team.json", "/handoff/time", json!(bad));
        fx.expect_one(
            "team.json",
            "/handoff/time",
            &format!("\"{bad}\" is not a time of day as HH:MM (24-hour, e.g. \"09:00\")"),
        );
    }
}

#[test]
fn handoff_time_inside_a_daylight_saving_gap() {
    let fx = Fixture::new();
    fx.set("team.json", "/handoff", json!({ "weekday": "sunday", "time": "02:30" }));
    fx.set("team.json", "/epoch", json!("2025-12-28"));
    fx.expect_one(
        "team.json",
        "/handoff/time",
        "02:30 on Sunday does not exist in America/New_York on 2026-03-08 (clocks skip it); \
         choose a time outside the daylight-saving change",
    );
}

#[test]
fn handoff_time_just_outside_the_daylight_saving_gap_is_fine() {
    for time in ["01:59", "03:00"] {
        let fx = Fixture::new();
        fx.set("team.json", "/handoff", json!({ "weekday": "sunday", "time": time }));
        fx.set("team.json", "/epoch", json!("2025-12-28"));
        fx.expect(&[]);
    }
}

#[test]
fn epoch_on_another_weekday_than_the_handoff() {
    let fx = Fixture::new();
    fx.set("team.json", "/epoch", json!("2025-12-30"));
    fx.expect_one("team.json", "/epoch", "2025-12-30 is a Tuesday, but the handoff is on Monday");
}

#[test]
fn epoch_that_is_not_a_date() {
    for bad in [
        "2025-12-32",
        "2025-02-29",
        "29/12/2025",
        "2025-12-1",
        "2025- 12-1",
        "2025-12- 1",
        " 2025-12-1",
        "+2025-12-1",
        "2025-12-29T09:00",
        "２０２５-12-29",
    ] {
        let fx = Fixture::new();
        fx.set("team.json", "/epoch", json!(bad));
        fx.expect_one("team.json", "/epoch", &format!("\"{bad}\" is not a date as YYYY-MM-DD"));
    }
}

// ---- leave ------------------------------------------------------------------------------------

#[test]
fn leave_dates_that_are_not_dates() {
    let fx = Fixture::new();
    fx.push("leave.json", "", json!({ "engineer": "bob", "from": "2026-02-30", "to": "next week" }));
    fx.expect(&[
        ("leave.json", "/0/from", "\"2026-02-30\" is not a date as YYYY-MM-DD"),
        ("leave.json", "/0/to", "\"next week\" is not a date as YYYY-MM-DD"),
    ]);
}

#[test]
fn leave_that_ends_before_it_starts() {
    let fx = Fixture::new();
    fx.push("leave.json", "", json!({ "engineer": "bob", "from": "2026-03-06", "to": "2026-03-02" }));
    fx.expect_one("leave.json", "/0/to", "leave ends (2026-03-02) before it starts (2026-03-06)");
}

#[test]
fn one_day_leave_is_fine() {
    let fx = Fixture::new();
    fx.push(
        "leave.json",
        "",
        json!({ "engineer": "bob", "from": "2026-03-06", "to": "2026-03-06", "note": "Dentist" }),
    );
    fx.expect(&[]);
}

// ---- decisions --------------------------------------------------------------------------------

#[test]
fn decision_week_that_is_not_an_iso_week() {
    let fx = Fixture::new();
    fx.push("decisions.json", "", json!({ "week": "2026-48", "decision": "keep" }));
    fx.push("decisions.json", "", json!({ "week": "2027-W53", "decision": "keep" }));
    fx.expect(&[
        ("decisions.json", "/0/week", "\"2026-48\" is not an ISO week like 2026-W48: missing \"W\""),
        ("decisions.json", "/1/week", "\"2027-W53\" is not an ISO week like 2026-W48: that year has no such week"),
    ]);
}

#[test]
fn decision_before_the_epoch() {
    let fx = Fixture::new();
    fx.push("decisions.json", "", json!({ "week": "2025-W52", "decision": "keep" }));
    fx.expect_one("decisions.json", "/0/week", "2025-W52 is before the rotation starts");
}

#[test]
fn decision_for_the_epoch_week_is_fine() {
    let fx = Fixture::new();
    fx.push("decisions.json", "", json!({ "week": "2026-W01", "decision": "keep", "note": "Alice stays" }));
    fx.expect(&[]);
}

#[test]
fn duplicate_decision() {
    let fx = Fixture::new();
    fx.push("decisions.json", "", json!({ "week": "2026-W48", "decision": "keep" }));
    fx.push("decisions.json", "", json!({ "week": "2026-W48", "decision": "keep", "note": "again" }));
    fx.expect_one("decisions.json", "/1/week", "2026-W48 is listed twice");
}

#[test]
fn unknown_decision_word() {
    let fx = Fixture::new();
    fx.push("decisions.json", "", json!({ "week": "2026-W48", "decision": "swap" }));
    fx.expect_one("decisions.json", "/0/decision", "unknown decision \"swap\" (known: keep)");
}

// ---- warnings: valid, but probably not meant --------------------------------------------------

/// The default data has no contacts: a warning for each engineer, in team order.
fn no_contacts() -> Vec<(String, String)> {
    ["alice", "bob", "charlie", "diana"]
        .iter()
        .enumerate()
        .map(|(i, slug)| {
            (
                format!("/engineers/{i}"),
                format!("{slug} has no contacts: pages say \"No contact on file\"; add them under /engineers/{i}/contacts (or give the team /fallback_contacts)"),
            )
        })
        .collect()
}

/// The warnings expected of the default data changed by a test: `before` (rotation), the
/// contacts warnings, then `after` (decisions), in the order the check gives them.
fn with_no_contacts<'a>(
    no_contacts: &'a [(String, String)],
    before: &[(&'a str, &'a str, &'a str)],
    after: &[(&'a str, &'a str, &'a str)],
) -> Vec<(&'a str, &'a str, &'a str)> {
    let contacts = no_contacts.iter().map(|(pointer, message)| ("team.json", pointer.as_str(), message.as_str()));
    before.iter().copied().chain(contacts).chain(after.iter().copied()).collect()
}

#[test]
fn an_engineer_left_out_of_the_rotation_is_a_warning() {
    let fx = Fixture::new();
    // Could be a manager, or someone who moved on: the data stays valid.
    fx.set("team.json", "/rotation", json!(["alice", "bob", "diana"]));
    fx.expect(&[]);
    let no_contacts = no_contacts();
    fx.expect_warnings(&with_no_contacts(
        &no_contacts,
        &[(
            "team.json",
            "/engineers/2",
            "charlie is not in the rotation, so never on call; add them to /rotation if they should be",
        )],
        &[],
    ));
}

#[test]
fn a_keep_for_a_week_without_a_swap_is_a_warning() {
    let fx = Fixture::new();
    // 2026-W14 is Bob's, with no holiday near it.
    fx.push("decisions.json", "", json!({ "week": "2026-W14", "decision": "keep" }));
    fx.expect(&[]);
    let no_contacts = no_contacts();
    fx.expect_warnings(&with_no_contacts(
        &no_contacts,
        &[],
        &[(
            "decisions.json",
            "/0/week",
            "2026-W14 has no holiday swap to decline (Bob is on call as scheduled), so this keep changes nothing",
        )],
    ));
}

#[test]
fn a_keep_for_the_return_week_of_a_swap_is_a_warning() {
    let fx = Fixture::new();
    // Diana's Thanksgiving week 2026-W48 is swapped with Alice's 2026-W49; only W48 can be kept.
    fx.push("decisions.json", "", json!({ "week": "2026-W49", "decision": "keep" }));
    let no_contacts = no_contacts();
    fx.expect_warnings(&with_no_contacts(
        &no_contacts,
        &[],
        &[(
            "decisions.json",
            "/0/week",
            "2026-W49 is the return week of the swap for 2026-W48, which a keep cannot decline; to decline that swap, keep 2026-W48",
        )],
    ));
}

#[test]
fn a_keep_that_declines_a_swap_or_a_conflict_is_fine() {
    let fx = Fixture::new();
    // 2026-W48 has a swap (Thanksgiving); 2026-W52 a conflict (Christmas, and New Year in W53).
    fx.push("decisions.json", "", json!({ "week": "2026-W48", "decision": "keep" }));
    fx.push("decisions.json", "", json!({ "week": "2026-W52", "decision": "keep" }));
    let no_contacts = no_contacts();
    fx.expect_warnings(&with_no_contacts(&no_contacts, &[], &[]));
}

#[test]
fn warnings_of_several_files_come_in_file_order() {
    let fx = Fixture::new();
    fx.set("team.json", "/rotation", json!(["bob", "charlie", "diana"]));
    // Week k is now [bob, charlie, diana][k mod 3]: 2026-W15 (k = 14) is Diana's.
    fx.push("decisions.json", "", json!({ "week": "2026-W48", "decision": "keep" }));
    fx.push("decisions.json", "", json!({ "week": "2026-W15", "decision": "keep" }));
    let w15 = "2026-W15 has no holiday swap to decline (Diana is on call as scheduled), so this keep changes nothing";
    let no_contacts = no_contacts();
    fx.expect_warnings(&with_no_contacts(
        &no_contacts,
        &[(
            "team.json",
            "/engineers/0",
            "alice is not in the rotation, so never on call; add them to /rotation if they should be",
        )],
        &[("decisions.json", "/1/week", w15)],
    ));
}

// ---- backups ----------------------------------------------------------------------------------

#[test]
fn ambiguous_backup_when_an_engineer_leads_pipelines_with_different_secondaries() {
    let fx = Fixture::new();
    // Alice leads profit and aggregate-engagement; give them different secondary owners.
    fx.set("pipelines.json", "/0/secondary", json!("charlie"));
    fx.expect_one(
        "team.json",
        "/engineers/0/backup",
        "alice's backup is ambiguous: the secondary owners of their pipelines are bob (aggregate-engagement) \
         and charlie (profit); set \"backup\" explicitly",
    );
    // Naming the backup resolves it.
    fx.set("team.json", "/engineers/0/backup", json!("charlie"));
    fx.expect(&[]);
}

#[test]
fn missing_backup_for_an_engineer_who_leads_no_pipeline() {
    let fx = Fixture::new();
    fx.push("team.json", "/engineers", json!({ "slug": "erin", "name": "Erin" }));
    fx.expect_one(
        "team.json",
        "/engineers/4/backup",
        "erin has no backup: they are primary owner of no pipeline, so set \"backup\" to an engineer's slug",
    );
}

#[test]
fn unknown_backup() {
    let fx = Fixture::new();
    fx.set("team.json", "/engineers/2/backup", json!("zoe"));
    fx.expect_one("team.json", "/engineers/2/backup", &unknown_engineer("zoe"));
}

#[test]
fn self_backup() {
    let fx = Fixture::new();
    fx.set("team.json", "/engineers/1/backup", json!("bob"));
    fx.expect_one("team.json", "/engineers/1/backup", "bob cannot be their own backup");
}

// ---- holiday rules ----------------------------------------------------------------------------

/// Replaces rule 0 of the us-federal calendar and expects one problem, at its member `field`
/// (`""`: the rule as a whole).
fn expect_rule_problem(rule: Value, field: &str, reason: &str) {
    let fx = Fixture::new();
    fx.set("holidays.json", "/0/rules/0", rule);
    fx.expect_one("holidays.json", &format!("/0/rules/0{field}"), reason);
}

#[test]
fn holiday_rule_month_13() {
    expect_rule_problem(
        json!({ "name": "Smarch", "month": 13, "day": 1 }),
        "/month",
        "month 13 is not between 1 and 12",
    );
    expect_rule_problem(json!({ "name": "Zero", "month": 0, "day": 1 }), "/month", "month 0 is not between 1 and 12");
}

#[test]
fn holiday_rule_day_31_in_april() {
    expect_rule_problem(
        json!({ "name": "Late April", "month": 4, "day": 31 }),
        "/day",
        "day 31 does not exist in month 4",
    );
    expect_rule_problem(json!({ "name": "Day zero", "month": 4, "day": 0 }), "/day", "day 0 does not exist in month 4");
}

#[test]
fn holiday_rule_29_february() {
    expect_rule_problem(
        json!({ "name": "Leap Day", "month": 2, "day": 29 }),
        "/day",
        "29 February does not exist every year; use one_off dates",
    );
}

#[test]
fn holiday_rule_nth_6() {
    expect_rule_problem(
        json!({ "name": "Sixth Monday", "month": 1, "weekday": "monday", "nth": 6 }),
        "/nth",
        "nth 6 is not between 1 and 5 (or \"last\")",
    );
    expect_rule_problem(
        json!({ "name": "Zeroth Monday", "month": 1, "weekday": "monday", "nth": 0 }),
        "/nth",
        "nth 0 is not between 1 and 5 (or \"last\")",
    );
}

#[test]
fn holiday_rule_nth_out_of_any_small_range() {
    expect_rule_problem(
        json!({ "name": "Far Monday", "month": 1, "weekday": "monday", "nth": 300 }),
        "/nth",
        "nth 300 is not between 1 and 5 (or \"last\")",
    );
    expect_rule_problem(
        json!({ "name": "Negative Monday", "month": 1, "weekday": "monday", "nth": -1 }),
        "/nth",
        "nth -1 is not between 1 and 5 (or \"last\")",
    );
    expect_rule_problem(
        json!({ "name": "Fractional Monday", "month": 1, "weekday": "monday", "nth": 2.5 }),
        "/nth",
        "nth 2.5 is not a number from 1 to 5 or \"last\"",
    );
    expect_rule_problem(
        json!({ "name": "True Monday", "month": 1, "weekday": "monday", "nth": true }),
        "/nth",
        "nth true is not a number from 1 to 5 or \"last\"",
    );
}

#[test]
fn holiday_rule_nth_as_a_word_other_than_last() {
    expect_rule_problem(
        json!({ "name": "First Monday", "month": 1, "weekday": "monday", "nth": "first" }),
        "/nth",
        "nth \"first\" is not a number from 1 to 5 or \"last\"",
    );
}

#[test]
fn holiday_rule_unknown_weekday() {
    expect_rule_problem(
        json!({ "name": "Moonday", "month": 1, "weekday": "moonday", "nth": 1 }),
        "/weekday",
        "unknown weekday \"moonday\" (use lowercase English: monday … sunday)",
    );
}

#[test]
fn holiday_rule_observed_on_a_weekday_rule() {
    expect_rule_problem(
        json!({ "name": "MLK", "month": 1, "weekday": "monday", "nth": 3, "observed": true }),
        "/observed",
        "\"observed\" applies only to fixed dates (a weekday rule never falls on a weekend)",
    );
}

#[test]
fn holiday_rule_with_neither_day_nor_weekday() {
    let reason = "a rule needs either \"day\", or \"weekday\" with \"nth\" (a number 1-5 or \"last\")";
    expect_rule_problem(json!({ "name": "Someday", "month": 1 }), "", reason);
    // Half of a weekday rule, or both kinds at once, is just as unclear.
    expect_rule_problem(json!({ "name": "Some Monday", "month": 1, "weekday": "monday" }), "", reason);
    expect_rule_problem(json!({ "name": "Third", "month": 1, "nth": 3 }), "", reason);
    expect_rule_problem(json!({ "name": "Both", "month": 1, "day": 1, "weekday": "monday", "nth": 1 }), "", reason);
}

#[test]
fn one_off_holiday_date_that_is_not_a_date() {
    let fx = Fixture::new();
    fx.set("holidays.json", "/0/one_off", json!([{ "date": "2026-13-01", "name": "Company day" }]));
    fx.expect_one("holidays.json", "/0/one_off/0/date", "\"2026-13-01\" is not a date as YYYY-MM-DD");
}

// ---- everything at once -----------------------------------------------------------------------

#[test]
fn problems_in_several_files_are_all_reported_together() {
    let fx = Fixture::new();
    fx.set("team.json", "/time_zone", json!("Mars/Olympus_Mons"));
    fx.set("team.json", "/engineers/2/backup", json!("charlie"));
    fx.set("pipelines.json", "/3/secondary", json!("dianna"));
    fx.set("pipelines.json", "/4/audience", json!("board"));
    fx.set("runbooks.json", "/0/pipeline", json!("aggregate-loss"));
    fx.set("holidays.json", "/0/rules/5/month", json!(13));
    fx.push("leave.json", "", json!({ "engineer": "alice", "from": "2026-07-10", "to": "2026-07-01" }));
    fx.push("decisions.json", "", json!({ "week": "2026-W52", "decision": "skip" }));
    fx.expect(&[
        ("holidays.json", "/0/rules/5/month", "month 13 is not between 1 and 12"),
        ("pipelines.json", "/3/secondary", &unknown_engineer("dianna")),
        ("pipelines.json", "/4/audience", "unknown audience \"board\" (known: investor, experiments)"),
        ("team.json", "/time_zone", "unknown IANA time zone \"Mars/Olympus_Mons\" (e.g. \"America/New_York\")"),
        ("team.json", "/engineers/2/backup", "charlie cannot be their own backup"),
        (
            "runbooks.json",
            "/0/pipeline",
            "unknown pipeline \"aggregate-loss\" (known: profit, aggregate-profit, aggregate-growth, daily-growth, aggregate-engagement)",
        ),
        ("leave.json", "/0/to", "leave ends (2026-07-01) before it starts (2026-07-10)"),
        ("decisions.json", "/0/decision", "unknown decision \"skip\" (known: keep)"),
    ]);
}

#[test]
fn unreadable_files_are_reported_together_with_shape_problems_of_the_others() {
    let fx = Fixture::new();
    std::fs::remove_file(fx.dir.join("runbooks.json")).unwrap();
    fx.set("team.json", "/epoch", json!(20251229));
    fx.set("leave.json", "", json!({}));
    fx.expect(&[
        ("team.json", "/epoch", "invalid type: integer `20251229`, expected a string"),
        ("runbooks.json", "/", "cannot read the file: No such file or directory (os error 2)"),
        ("leave.json", "/", "invalid type: map, expected a sequence"),
    ]);
}
