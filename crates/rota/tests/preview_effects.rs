//! What a preview's banner says it changes, on the default team: Bob's leave over the new
//! year moves weeks across the year boundary and opens a conflict.

mod common;

use std::sync::Arc;

use common::default_inputs;
use rota::what_if::doc_horizon;
use rota::{Schedule, WhatIf};

fn effects(leave: &str) -> Vec<String> {
    let inputs = Arc::new(default_inputs());
    let real = Schedule::new(inputs.clone());
    let what_if = WhatIf::parse(&[leave.into()], &[], &[], &inputs, doc_horizon()).unwrap();
    what_if.effects(&real, &Schedule::new(Arc::new(what_if.apply(&inputs))), doc_horizon())
}

#[test]
fn bobs_new_year_leave_names_the_conflicts_and_the_net_change_across_the_years() {
    // Bob, Alice's backup, is away in his week 2026-W53 (New Year's Day): Alice covers it and
    // Bob takes her 2027-W01 in return; the fairness page, a year at a time, shows Bob a week
    // short in 2026 and a week over in 2027.
    assert_eq!(
        effects("bob:2026-12-21..2027-01-03"),
        [
            "2026-W53: Alice instead of Bob",
            "2027-W01: Bob instead of Alice",
            "New conflict: 2026-W53: Alice keeps 2026-W53: Bob (backup) is on leave (what-if preview) from Mon 28 Dec 2026",
            "Across 2026 and 2027 (2026-W53 to 2027-W01): no one gains or loses a week on call",
        ]
    );
    // A swap within one year: no line across years, and none about conflicts.
    assert_eq!(
        effects("alice:2027-03-22..2027-03-26"),
        ["2027-W12: Bob instead of Alice", "2027-W13: Alice instead of Bob"]
    );
}
