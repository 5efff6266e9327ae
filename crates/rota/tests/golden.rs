//! Golden schedule of the default data, 2026-W01 .. 2028-W52, plus the worked examples of
//! the plan checked by hand.
//!
//! The expected schedule lives in `tests/golden/default-schedule.txt`. After an intended
//! change to the rules, regenerate it with `UPDATE_GOLDEN=1 cargo test -p rota --test golden`
//! and review the diff.

mod common;

use common::{d, default_inputs};
use rota::{Schedule, WeekAssignment, WeekId};

const GOLDEN: &str = "tests/golden/default-schedule.txt";

fn line(w: &WeekAssignment) -> String {
    format!(
        "{} scheduled={} on_call={} swap={} conflict={} hours={}",
        w.week.id,
        w.scheduled,
        w.on_call,
        w.swap.as_ref().map_or("-".to_string(), |s| s.with_week.to_string()),
        if w.conflict.is_some() { "yes" } else { "-" },
        w.week.hours(),
    )
}

fn render() -> String {
    let data = default_inputs();
    let schedule = common::schedule(&data);
    let r = schedule.rotation();
    let from = r.index_of_week("2026-W01".parse().unwrap()).unwrap();
    let to = r.index_of_week("2028-W52".parse().unwrap()).unwrap();
    let mut out =
        String::from("# Default schedule (data/), regenerate with UPDATE_GOLDEN=1 cargo test -p rota --test golden\n");
    for w in schedule.weeks(from, to - from + 1) {
        out.push_str(&line(&w));
        out.push('\n');
        if let Some(c) = &w.conflict {
            out.push_str(&format!("#   {}\n", c.reason));
        }
    }
    out
}

#[test]
fn default_schedule_matches_golden_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    let actual = render();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}; run with UPDATE_GOLDEN=1 to create it", path.display()));
    if expected != actual {
        let mut diff = String::new();
        let (e, a): (Vec<_>, Vec<_>) = (expected.lines().collect(), actual.lines().collect());
        for i in 0..e.len().max(a.len()) {
            let (el, al) = (e.get(i).copied().unwrap_or("<none>"), a.get(i).copied().unwrap_or("<none>"));
            if el != al {
                diff.push_str(&format!("line {}:\n  - {el}\n  + {al}\n", i + 1));
            }
        }
        panic!("the schedule drifted from {GOLDEN} (set UPDATE_GOLDEN=1 to accept):\n{diff}");
    }
}

fn week(schedule: &Schedule, id: &str) -> WeekAssignment {
    schedule.by_id(id.parse::<WeekId>().unwrap()).unwrap()
}

#[test]
fn new_year_2026_alice_swaps_with_bob() {
    let data = default_inputs();
    let s = common::schedule(&data);
    let w1 = week(&s, "2026-W01");
    assert_eq!((w1.scheduled.as_str(), w1.on_call.as_str()), ("alice", "bob"));
    let swap = w1.swap.as_ref().unwrap();
    assert_eq!(swap.with_week.to_string(), "2026-W02");
    assert_eq!((swap.gave.as_str(), swap.took.as_str()), ("alice", "bob"));
    assert!(swap.reason.contains("New Year's Day (Thu 1 Jan 2026)"), "{}", swap.reason);
    assert!(w1.conflict.is_none());
    let w2 = week(&s, "2026-W02");
    assert_eq!((w2.scheduled.as_str(), w2.on_call.as_str()), ("bob", "alice"));
    let back = w2.swap.as_ref().unwrap();
    assert_eq!(back.with_week.to_string(), "2026-W01");
    assert_eq!((back.gave.as_str(), back.took.as_str()), ("bob", "alice"));
    assert_eq!(back.reason, swap.reason);
}

#[test]
fn thanksgiving_2026_diana_swaps_with_alice() {
    let data = default_inputs();
    let s = common::schedule(&data);
    let w48 = week(&s, "2026-W48");
    assert_eq!((w48.scheduled.as_str(), w48.on_call.as_str()), ("diana", "alice"));
    assert_eq!(w48.swap.as_ref().unwrap().with_week.to_string(), "2026-W49");
    assert_eq!(
        w48.swap.as_ref().unwrap().reason,
        "Diana's week 2026-W48 holds Thanksgiving Day (Thu 26 Nov 2026): \
         Alice (backup) covers 2026-W48 and Diana takes 2026-W49 in return"
    );
    // Thanksgiving is on Alice's calendar too: she works a holiday week as the backup.
    assert!(w48.on_call_has_holiday());
    let w49 = week(&s, "2026-W49");
    assert_eq!((w49.scheduled.as_str(), w49.on_call.as_str()), ("alice", "diana"));
    assert_eq!(w49.swap.as_ref().unwrap().with_week.to_string(), "2026-W48");
}

#[test]
fn christmas_2026_stays_with_diana_because_of_new_year_2027() {
    let data = default_inputs();
    let s = common::schedule(&data);
    let w52 = week(&s, "2026-W52");
    assert_eq!((w52.scheduled.as_str(), w52.on_call.as_str()), ("diana", "diana"));
    assert!(w52.swap.is_none());
    assert_eq!(
        w52.conflict.as_ref().unwrap().reason,
        "Diana keeps 2026-W52: the return week 2026-W53 holds New Year's Day (Fri 1 Jan 2027) for Diana"
    );
    assert!(w52.holidays.iter().any(|h| h.name == "Christmas Day" && h.date == d(2026, 12, 25)));
    let w53 = week(&s, "2026-W53");
    assert_eq!((w53.scheduled.as_str(), w53.on_call.as_str()), ("alice", "bob"));
}

#[test]
fn dst_week_lengths_in_2026() {
    let data = default_inputs();
    let s = common::schedule(&data);
    assert_eq!(week(&s, "2026-W10").week.hours(), 167);
    assert_eq!(week(&s, "2026-W44").week.hours(), 169);
    assert_eq!(week(&s, "2026-W48").week.hours(), 168);
}
