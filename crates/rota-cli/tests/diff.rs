//! `rota diff OLD_DATA_DIR NEW_DATA_DIR` on real edits of a copy of `data/`.
//!
//! The expected lines were worked out by hand from the rules in the README: the rotation is
//! alice, bob, charlie, diana weekly from Mon 29 Dec 2025 09:00 New York time (2026-W01 is
//! Alice's, and week 2026-Wn is rotation[(n - 1) mod 4]; 2026 has 53 ISO weeks, so 2027-Wn is
//! rotation[(n + 52) mod 4]); the backups are alice → bob → charlie → diana → alice; and the
//! swaps and conflicts of the default data are those of
//! `crates/rota/tests/golden/default-schedule.txt`.

use serde_json::json;

mod common;
use common::{rota, stderr, stdout, TempDir};

/// `rota diff OLD NEW options…`: exit code, standard output, standard error.
fn diff(old: &TempDir, new: &TempDir, options: &[&str]) -> (Option<i32>, String, String) {
    let args: Vec<&str> = ["diff", old.path(), new.path()].into_iter().chain(options.iter().copied()).collect();
    let output = rota(&args);
    (output.status.code(), stdout(&output), stderr(&output))
}

/// 1 April 2026, in 2026-W14: the default range is then 2026-W01 to 2027-W13 (52 weeks on).
const APRIL_2026: &str = "2026-04-01T12:00:00-04:00";

#[test]
fn identical_copies_exit_0_and_say_so() {
    let (old, new) = (TempDir::with_default_data(), TempDir::with_default_data());
    let (code, out, err) = diff(&old, &new, &["--now", APRIL_2026]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "No change to the schedule from 2026-W01 to 2027-W13.\n", "")
    );
}

/// Bob away Wed 29 and Thu 30 April 2026, in his week 2026-W18 (18 - 1 = 17, 17 mod 4 = 1).
fn bob_at_a_conference() -> TempDir {
    let new = TempDir::with_default_data();
    new.set(
        "leave.json",
        "",
        json!([{ "engineer": "bob", "from": "2026-04-29", "to": "2026-04-30", "note": "Conference" }]),
    );
    new
}

#[test]
fn leave_that_makes_a_holiday_swap_shows_both_weeks_and_the_swap_counts() {
    let (old, new) = (TempDir::with_default_data(), bob_at_a_conference());
    let (code, out, err) = diff(&old, &new, &["--now", APRIL_2026]);
    assert_eq!(code, Some(1), "{err}");
    // Charlie, Bob's backup, covers 2026-W18; Bob takes Charlie's next week, 2026-W19, in return.
    // Nobody holds more or fewer weeks or hours. The swaps of 2026 before this one (golden
    // file) are Bob → Charlie in 2026-W22, W42 and W46; 2026-W01 starts in 2025.
    let why = "Bob is on leave (Conference) from Wed 29 Apr 2026 in 2026-W18: Charlie (backup) covers 2026-W18 \
               and Bob takes 2026-W19 in return";
    let expected = format!(
        "Changes to the schedule from 2026-W01 to 2027-W13:

2026-W18  Mon 27 Apr 2026 09:00 EDT – Mon 4 May 2026 09:00 EDT
  before: Bob
  after:  Charlie (swap with 2026-W19)
  why:    {why}

2026-W19  Mon 4 May 2026 09:00 EDT – Mon 11 May 2026 09:00 EDT
  before: Charlie
  after:  Bob (swap with 2026-W18)
  why:    {why}

Fairness per engineer and year (of the weeks' start dates), 2026-W01 to 2027-W13:
  Bob 2026: swaps given 3 → 4
  Charlie 2026: swaps taken 3 → 4
"
    );
    assert_eq!(out, expected);
    assert_eq!(err, "", "2026-W18 starts after 1 April: nothing has started yet");

    // Taking the leave out again undoes the swap, and says what no longer applies.
    let (code, out, _) = diff(&new, &old, &["--now", APRIL_2026, "--from", "2026-W18", "--weeks", "1"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("\n  before: Charlie (swap with 2026-W19)\n  after:  Bob\n"), "{out}");
    assert!(out.contains(&format!("\n  why:    no longer: {why}\n")), "{out}");
}

#[test]
fn a_cover_splits_its_week_and_moves_its_39_hours() {
    let (old, new) = (TempDir::with_default_data(), TempDir::with_default_data());
    new.write("covers.json", json!([{ "engineer": "bob", "from": "2027-03-10T18:00", "to": "2027-03-12T09:00" }]));

    // 2027-W09 is Bob's (61 mod 4 = 1), 2027-W10 Charlie's, 2027-W11 Diana's; no swaps near.
    // 2027-W10 is 167 hours (clocks go forward on Sun 14 Mar 2027); the cover, Wed 18:00 to
    // Fri 09:00 EST, is 24 + 15 = 39 of them.
    let (code, out, err) = diff(&old, &new, &["--from", "2027-W09", "--weeks", "3", "--now", APRIL_2026]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        out,
        "Changes to the schedule from 2027-W09 to 2027-W11:

2027-W10  Mon 8 Mar 2027 09:00 EST – Mon 15 Mar 2027 09:00 EDT
  before: Charlie
  after:  Charlie; Bob Wed 10 Mar 18:00 – Fri 12 Mar 09:00 (cover)
  why:    Bob covers Wed 10 Mar 18:00 – Fri 12 Mar 09:00 for Charlie

Fairness per engineer and year (of the weeks' start dates), 2027-W09 to 2027-W11:
  Bob 2027: hours on call 168 → 207
  Charlie 2027: hours on call 167 → 128
"
    );

    // Over the default range too, only that week changes and exactly 39 hours move.
    let (code, out, _) = diff(&old, &new, &["--now", "2027-01-01T00:00:00Z"]);
    assert_eq!(code, Some(1));
    let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("20")).collect();
    assert_eq!(headers, ["2027-W10  Mon 8 Mar 2027 09:00 EST – Mon 15 Mar 2027 09:00 EDT"], "{out}");
    assert_eq!(hours_moved(&out, "Bob 2027"), 39, "{out}");
    assert_eq!(hours_moved(&out, "Charlie 2027"), -39, "{out}");
    assert_eq!(out.lines().filter(|l| l.contains(" → ")).count(), 2, "only those two counts change: {out}");
}

/// `after - before` of the `hours on call B → A` on the fairness line starting with `who`.
fn hours_moved(out: &str, who: &str) -> i64 {
    let line = out.lines().find(|l| l.trim_start().starts_with(who)).unwrap_or_else(|| panic!("no {who} line"));
    let (_, hours) = line.split_once("hours on call ").unwrap_or_else(|| panic!("no hours: {line}"));
    let (before, after) = hours.split_once(" → ").unwrap();
    let after = after.split(',').next().unwrap();
    after.parse::<i64>().unwrap() - before.parse::<i64>().unwrap()
}

/// Eve joins from 2027-W10, between Bob and Charlie.
fn eve_joins() -> TempDir {
    let new = TempDir::with_default_data();
    new.set(
        "team.json",
        "/engineers",
        json!([
            { "slug": "alice", "name": "Alice" },
            { "slug": "bob", "name": "Bob" },
            { "slug": "charlie", "name": "Charlie" },
            { "slug": "diana", "name": "Diana" },
            { "slug": "eve", "name": "Eve", "backup": "alice" }
        ]),
    );
    new.write(
        "roster-changes.json",
        json!([{ "from": "2027-W10", "rotation": ["alice", "bob", "eve", "charlie", "diana"], "note": "Eve joins" }]),
    );
    new
}

#[test]
fn a_roster_change_leaves_the_weeks_before_it_alone() {
    let (old, new) = (TempDir::with_default_data(), eve_joins());
    let (code, out, err) = diff(&old, &new, &["--from", "2026-W01", "--weeks", "62", "--now", APRIL_2026]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "No change to the schedule from 2026-W01 to 2027-W09.\n", "")
    );

    let (code, out, err) = diff(&old, &new, &["--now", "2027-01-01T00:00:00Z"]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(err, "", "2027-W10 is after the first of January");
    let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("20")).map(|l| &l[..8]).collect();
    assert_eq!(headers.first(), Some(&"2027-W10"), "{out}");
    assert!(headers.iter().all(|id| *id >= "2027-W10" && *id <= "2027-W52"), "{out}");
    // Before: Charlie, Diana, Alice, Bob, … from 2027-W10 (62 mod 4 = 2). After: the new order
    // from its first engineer. No holiday falls in 2027-W10 to W17 (golden file).
    let weeks = [
        ("2027-W10", "Mon 8 Mar 2027 09:00 EST – Mon 15 Mar 2027 09:00 EDT", "Charlie", "Alice"),
        ("2027-W11", "Mon 15 Mar 2027 09:00 EDT – Mon 22 Mar 2027 09:00 EDT", "Diana", "Bob"),
        ("2027-W12", "Mon 22 Mar 2027 09:00 EDT – Mon 29 Mar 2027 09:00 EDT", "Alice", "Eve"),
        ("2027-W13", "Mon 29 Mar 2027 09:00 EDT – Mon 5 Apr 2027 09:00 EDT", "Bob", "Charlie"),
        ("2027-W14", "Mon 5 Apr 2027 09:00 EDT – Mon 12 Apr 2027 09:00 EDT", "Charlie", "Diana"),
        ("2027-W15", "Mon 12 Apr 2027 09:00 EDT – Mon 19 Apr 2027 09:00 EDT", "Diana", "Alice"),
        ("2027-W16", "Mon 19 Apr 2027 09:00 EDT – Mon 26 Apr 2027 09:00 EDT", "Alice", "Bob"),
        ("2027-W17", "Mon 26 Apr 2027 09:00 EDT – Mon 3 May 2027 09:00 EDT", "Bob", "Eve"),
    ];
    let mut expected = String::from("Changes to the schedule from 2026-W01 to 2027-W52:\n");
    for (id, span, before, after) in weeks {
        expected.push_str(&format!("\n{id}  {span}\n  before: {before}\n  after:  {after}\n"));
        if id == "2027-W10" {
            expected.push_str(
                "  why:    Eve joins the rotation from 2027-W10; \
                 From 2027-W10 the rotation is Alice, Bob, Eve, Charlie, Diana; Roster change: Eve joins\n",
            );
        }
    }
    assert!(out.starts_with(&expected), "expected to start with:\n{expected}\ngot:\n{out}");
    assert!(out.contains("\n  Eve 2027: weeks on call 0 → "), "{out}");
}

#[test]
fn changing_a_week_that_has_started_warns_loudly() {
    let (old, new) = (TempDir::with_default_data(), bob_at_a_conference());
    let warning = "\
WARNING: this change rewrites 1 week that has already started (it is now Wed 29 Apr 2026 12:00 EDT):
WARNING:   2026-W18  Mon 27 Apr 2026 09:00 EDT – Mon 4 May 2026 09:00 EDT  before: Bob  after: Charlie (swap with 2026-W19)
WARNING: whoever is on call then works from the old schedule: tell them before this is merged.
";
    let (code, out, err) = diff(&old, &new, &["--now", "2026-04-29T12:00:00-04:00"]);
    assert_eq!((code, err.as_str()), (Some(1), warning));
    assert!(out.contains("\n2026-W18  "), "the report itself is unchanged: {out}");

    // From the handoff that starts 2026-W18 on, not a minute before.
    let (_, _, err) = diff(&old, &new, &["--now", "2026-04-27T09:00:00-04:00"]);
    assert!(err.starts_with("WARNING: this change rewrites 1 week that has already started"), "{err}");
    let (code, _, err) = diff(&old, &new, &["--now", "2026-04-27T08:59:00-04:00"]);
    assert_eq!((code, err.as_str()), (Some(1), ""));

    // Both weeks once 2026-W19 has begun too.
    let (_, _, err) = diff(&old, &new, &["--now", "2026-05-04T09:00:00-04:00"]);
    assert!(err.starts_with("WARNING: this change rewrites 2 weeks that have already started"), "{err}");
    assert!(err.contains("WARNING:   2026-W19  "), "{err}");
}

#[test]
fn another_handoff_time_is_noted_and_every_week_shows_its_old_span() {
    let (old, new) = (TempDir::with_default_data(), TempDir::with_default_data());
    new.set("team.json", "/handoff/time", json!("10:00"));
    let (code, out, _) = diff(&old, &new, &["--from", "2026-W03", "--weeks", "1", "--now", APRIL_2026]);
    assert_eq!(code, Some(1));
    assert_eq!(
        out,
        "note: the two data sets start or hand over weeks differently \
         (before: weekly from Mon 29 Dec 2025 09:00 EST (America/New_York); \
         after: weekly from Mon 29 Dec 2025 10:00 EST (America/New_York)), so weeks are paired by name \
         (the ISO week they start in), and only those both rotations have are compared.
Changes to the schedule from 2026-W03 to 2026-W03:

2026-W03  Mon 12 Jan 2026 10:00 EST – Mon 19 Jan 2026 10:00 EST  (before: Mon 12 Jan 2026 09:00 EST – Mon 19 Jan 2026 09:00 EST)
  before: Charlie
  after:  Charlie
"
    );
}

#[test]
fn a_later_epoch_is_compared_from_the_first_week_both_rotations_have() {
    let (old, new) = (TempDir::with_default_data(), TempDir::with_default_data());
    // The rotation restarts a week later, on Mon 5 Jan 2026, with Alice: 2026-W02 is Alice's,
    // 2026-W03 Bob's (no holiday in either; the old 2026-W02 was Alice's as the return week
    // for New Year's Day).
    new.set("team.json", "/epoch", json!("2026-01-05"));
    let note = "note: the two data sets start or hand over weeks differently \
                (before: weekly from Mon 29 Dec 2025 09:00 EST (America/New_York); \
                after: weekly from Mon 5 Jan 2026 09:00 EST (America/New_York)), so weeks are paired by name \
                (the ISO week they start in), and only those both rotations have are compared.";
    let (code, out, _) = diff(&old, &new, &["--weeks", "2", "--now", APRIL_2026]);
    assert_eq!(code, Some(1));
    assert_eq!(
        out,
        format!(
            "{note}
Changes to the schedule from 2026-W02 to 2026-W03:

2026-W02  Mon 5 Jan 2026 09:00 EST – Mon 12 Jan 2026 09:00 EST
  before: Alice (swap with 2026-W01)
  after:  Alice
  why:    no longer: Alice's week 2026-W01 holds New Year's Day (Thu 1 Jan 2026): Bob (backup) covers 2026-W01 \
and Alice takes 2026-W02 in return

2026-W03  Mon 12 Jan 2026 09:00 EST – Mon 19 Jan 2026 09:00 EST
  before: Charlie
  after:  Bob

Fairness per engineer and year (of the weeks' start dates), 2026-W02 to 2026-W03:
  Bob 2026: weeks on call 0 → 1, hours on call 0 → 168
  Charlie 2026: weeks on call 1 → 0, hours on call 168 → 0
"
        )
    );

    // The other way round, the range starts at the new rotation's 2026-W01, which the old one
    // does not have.
    let (code, out, _) = diff(&new, &old, &["--weeks", "2", "--now", APRIL_2026]);
    assert_eq!(code, Some(1));
    assert!(out.contains("\nChanges to the schedule from 2026-W02 to 2026-W02:\n"), "{out}");
    // With nothing both have, nothing is claimed to be unchanged.
    let (code, out, _) = diff(&new, &old, &["--weeks", "1", "--now", APRIL_2026]);
    assert_eq!(code, Some(1));
    assert!(
        out.ends_with(
            "\nNo week from 2026-W01 to 2026-W01 exists in both data sets: the old rotation starts 2026-W02.\n"
        ),
        "{out}"
    );
}

#[test]
fn invalid_data_exits_2_naming_the_folder() {
    let (good, bad) = (TempDir::with_default_data(), TempDir::with_default_data());
    bad.set("pipelines.json", "/0/primary", json!("alicia"));
    let problem = format!(
        "{}: /0/primary: unknown engineer \"alicia\" (known: alice, bob, charlie, diana)",
        bad.0.join("pipelines.json").display()
    );

    let (code, out, err) = diff(&good, &bad, &[]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_eq!(err, format!("rota: the new data folder {} is not valid:\n{problem}\n", bad.path()));

    let (code, _, err) = diff(&bad, &good, &[]);
    assert_eq!(code, Some(2));
    assert_eq!(err, format!("rota: the old data folder {} is not valid:\n{problem}\n", bad.path()));

    let (code, _, err) = diff(&bad, &bad, &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("the old data folder") && err.contains("\nrota: the new data folder"), "{err}");

    let output = rota(&["diff", good.path(), "/nonexistent/rota-data"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("rota: the new data folder /nonexistent/rota-data is not valid:\n"));
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let data = TempDir::with_default_data();
    let d = data.path();
    let cases: [(&[&str], &str); 9] = [
        (&["diff"], "error: the following required arguments were not provided:\n  <OLD_DIR>\n  <NEW_DIR>"),
        (&["diff", d], "error: the following required arguments were not provided:\n  <NEW_DIR>"),
        (&["diff", d, d, d], &format!("error: unexpected argument '{d}' found")),
        (&["diff", d, d, "--weeks", "0"], "error: invalid value '0' for '--weeks <N>': must be a whole number from 1 to 1044"),
        (
            &["diff", d, d, "--weeks", "1045"],
            "error: invalid value '1045' for '--weeks <N>': must be a whole number from 1 to 1044",
        ),
        (
            &["diff", d, d, "--from", "2027-10"],
            "error: invalid value '2027-10' for '--from <WEEK>': \"2027-10\" is not an ISO week like 2026-W48: missing \"W\"",
        ),
        (
            &["diff", d, d, "--now", "yesterday"],
            "error: invalid value 'yesterday' for '--now <INSTANT>': not an RFC 3339 instant such as 2026-11-26T12:00:00-05:00",
        ),
        (&["--data", d, "diff", d, d], "error: diff reads no --data: it compares OLD_DIR with NEW_DIR"),
        (&["diff", d, d, "--at", "2026-11-26T12:00:00Z"], "error: unexpected argument '--at' found"),
    ];
    for (args, message) in cases {
        let output = rota(args);
        assert_eq!(output.status.code(), Some(2), "rota {args:?}");
        assert_eq!(stdout(&output), "", "rota {args:?}");
        let err = stderr(&output);
        assert!(err.starts_with(&format!("{message}\n")), "rota {args:?}: {err}");
        assert!(err.ends_with("For more information, try '--help'.\n"), "{err}");
    }

    // Only known once the new data is read.
    let output = rota(&["diff", d, d, "--from", "2025-W50"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "rota: --from 2025-W50 is before the new data's rotation starts (2026-W01)\n");
}

#[test]
fn json_has_the_changed_weeks_and_counts_and_the_same_exit_code() {
    let (old, new) = (TempDir::with_default_data(), TempDir::with_default_data());
    new.write("covers.json", json!([{ "engineer": "bob", "from": "2027-03-10T18:00", "to": "2027-03-12T09:00" }]));
    // The cover of a_cover_splits_its_week_and_moves_its_39_hours: 39 hours of 2027-W10 move
    // from Charlie to Bob.
    let (code, out, err) =
        diff(&old, &new, &["--from", "2027-W09", "--weeks", "3", "--now", APRIL_2026, "--format", "json"]);
    assert_eq!((code, err.as_str()), (Some(1), ""));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"));
    assert_eq!(
        value,
        json!({
            "frames_differ": false,
            "compared": ["2027-W09", "2027-W11"],
            "weeks": [{
                "week": "2027-W10",
                "start": "2027-03-08T09:00:00-05:00",
                "end": "2027-03-15T09:00:00-04:00",
                "started": false,
                "before": { "on_call": "charlie", "summary": "Charlie" },
                "after": { "on_call": "charlie", "summary": "Charlie; Bob Wed 10 Mar 18:00 – Fri 12 Mar 09:00 (cover)" },
                "added_notes": ["Bob covers Wed 10 Mar 18:00 – Fri 12 Mar 09:00 for Charlie"],
                "dropped_notes": []
            }],
            "fairness": [
                { "engineer": "bob", "year": 2027, "counts": { "minutes_on_call": [168 * 60, 207 * 60] } },
                { "engineer": "charlie", "year": 2027, "counts": { "minutes_on_call": [167 * 60, 128 * 60] } }
            ]
        })
    );
    let (code, out, _) = diff(&old, &old, &["--now", APRIL_2026, "--format", "json"]);
    assert_eq!(code, Some(0));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((&value["weeks"], &value["compared"]), (&json!([]), &json!(["2026-W01", "2027-W13"])));
}
