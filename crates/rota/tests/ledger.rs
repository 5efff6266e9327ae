//! The fairness ledger over the default schedule.

mod common;

use common::default_inputs;
use rota::{FairnessLedger, Period};

#[test]
fn ledger_2026_counts_each_week_once() {
    let data = default_inputs();
    let s = common::schedule(&data);
    let ledger = FairnessLedger::for_year(&s, 2026);
    // Weeks starting in 2026: 5 Jan .. 28 Dec (2026-W01 started on 29 Dec 2025).
    let year_rows: Vec<_> = ledger.rows.iter().filter(|r| r.period == Period::Year(2026)).collect();
    assert_eq!(year_rows.len(), 4);
    assert_eq!(year_rows.iter().map(|r| r.weeks_on_call).sum::<u32>(), 52);
    let given: u32 = year_rows.iter().map(|r| r.swaps_given).sum();
    let taken: u32 = year_rows.iter().map(|r| r.swaps_taken).sum();
    assert_eq!(given, taken);

    // Quarters add up to the year for every engineer and column.
    for e in ["alice", "bob", "charlie", "diana"] {
        let y = ledger.row(e, Period::Year(2026)).unwrap();
        let qs: Vec<_> = (1..=4).map(|q| ledger.row(e, Period::Quarter { year: 2026, q }).unwrap()).collect();
        assert_eq!(qs.iter().map(|r| r.weeks_on_call).sum::<u32>(), y.weeks_on_call);
        assert_eq!(qs.iter().map(|r| r.holiday_weeks_worked).sum::<u32>(), y.holiday_weeks_worked);
        assert_eq!(qs.iter().map(|r| r.swaps_given).sum::<u32>(), y.swaps_given);
        assert_eq!(qs.iter().map(|r| r.swaps_taken).sum::<u32>(), y.swaps_taken);
        assert_eq!(qs.iter().map(|r| r.open_conflicts).sum::<u32>(), y.open_conflicts);
    }

    // Diana: Christmas kept (one open conflict), Thanksgiving given to Alice.
    let diana = ledger.row("diana", Period::Quarter { year: 2026, q: 4 }).unwrap();
    assert_eq!(diana.open_conflicts, 1);
    assert!(diana.swaps_given >= 1);
    assert!(diana.holiday_weeks_worked >= 1); // 2026-W52, Christmas
    let alice = ledger.row("alice", Period::Quarter { year: 2026, q: 4 }).unwrap();
    assert!(alice.swaps_taken >= 1); // Thanksgiving
    assert!(alice.holiday_weeks_worked >= 1);

    assert_eq!(
        ledger.periods(),
        vec![
            Period::Quarter { year: 2026, q: 1 },
            Period::Quarter { year: 2026, q: 2 },
            Period::Quarter { year: 2026, q: 3 },
            Period::Quarter { year: 2026, q: 4 },
            Period::Year(2026),
        ]
    );
    assert_eq!(Period::Quarter { year: 2026, q: 4 }.to_string(), "2026-Q4");
}

#[test]
fn ledger_for_a_range_and_before_the_epoch() {
    let data = default_inputs();
    let s = common::schedule(&data);
    let ledger = FairnessLedger::for_range(&s, 0, 2);
    // 2026-W01 starts in December 2025: Alice gave it, Bob took it.
    let bob25 = ledger.row("bob", Period::Year(2025)).unwrap();
    assert_eq!((bob25.weeks_on_call, bob25.swaps_taken, bob25.holiday_weeks_worked), (1, 1, 1));
    let alice25 = ledger.row("alice", Period::Year(2025)).unwrap();
    assert_eq!((alice25.weeks_on_call, alice25.swaps_given), (0, 1));
    let alice26 = ledger.row("alice", Period::Year(2026)).unwrap();
    assert_eq!((alice26.weeks_on_call, alice26.swaps_given, alice26.swaps_taken), (1, 0, 0));
    assert!(FairnessLedger::for_year(&s, 2024).rows.is_empty());
}
