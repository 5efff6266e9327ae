//! A what-if link cannot carry more values than `MAX_WHAT_IF_VALUES`, and says so.

use rota::what_if::{doc_horizon, doc_team, WhatIf, MAX_WHAT_IF_VALUES};

#[test]
fn a_link_with_too_many_what_if_values_is_refused_with_the_cap() {
    let leave: Vec<String> = (1..=10).map(|day| format!("alice:2026-01-{day:02}..2026-01-{day:02}")).collect();
    let keep = |n: usize| (1..=n).map(|week| format!("2026-W{week:02}")).collect::<Vec<_>>();
    let at_cap = keep(MAX_WHAT_IF_VALUES - leave.len());
    assert!(WhatIf::parse(&leave, &at_cap, &[], &doc_team().inputs, doc_horizon()).is_ok());
    let over = keep(MAX_WHAT_IF_VALUES - leave.len() + 3);
    let error = WhatIf::parse(&leave, &over, &[], &doc_team().inputs, doc_horizon()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "keep=2026-W11: a link can carry at most 20 what-if values in all, and this one has 23"
    );
    // Covers count too.
    let covers = vec!["bob:2026-03-10T18:00..2026-03-11T09:00".to_string(); 11];
    let error = WhatIf::parse(&leave, &[], &covers, &doc_team().inputs, doc_horizon()).unwrap_err();
    assert_eq!(error.param, "cover");
}
