//! A team that changes, checked by hand: roster changes (a join, a leave, a reorder) with
//! holidays around them, a partial-day cover across a daylight-saving change, and a trade of
//! a holiday-swapped week. Every expected value below was worked out from the rules in
//! `schedule.rs` and the US federal calendar, not produced by the code under test.
//!
//! The default team: alice, bob, charlie, diana weekly from Mon 2025-12-29 09:00 New York
//! (week index k is 2026-W(k+1); 2027-Wn is index 52 + n), backups alice→bob, bob→charlie,
//! charlie→diana, diana→alice.

mod common;

use chrono::{DateTime, Utc};
use common::default_inputs;
use rota::{Cover, Engineer, FairnessLedger, Period, RosterChange, ScheduleInputs, StretchKind, Trade, WeekAssignment};

fn week_id(id: &str) -> rota::WeekId {
    id.parse().unwrap()
}

fn v(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Eve joins after Bob from 2027-W10, Bob leaves from 2027-W20, the order changes from
/// 2027-W30.
fn changing_team() -> ScheduleInputs {
    let mut data = default_inputs();
    data.engineers.push(Engineer {
        slug: "eve".into(),
        name: "Eve".into(),
        contacts: Vec::new(),
        contact: None,
        calendar: None,
        backup: "alice".into(),
    });
    data.roster_changes = vec![
        RosterChange {
            from: week_id("2027-W10"),
            rotation: v(&["charlie", "diana", "alice", "bob", "eve"]),
            note: Some("Eve joins after Bob".into()),
        },
        RosterChange { from: week_id("2027-W20"), rotation: v(&["charlie", "diana", "alice", "eve"]), note: None },
        RosterChange { from: week_id("2027-W30"), rotation: v(&["alice", "charlie", "eve", "diana"]), note: None },
    ];
    data
}

fn week(data: &ScheduleInputs, id: &str) -> WeekAssignment {
    common::schedule(data).by_id(week_id(id)).unwrap()
}

/// (week, scheduled, on call) for a run of weeks.
fn table(data: &ScheduleInputs, from: &str, count: u32) -> Vec<(String, String, String)> {
    let schedule = common::schedule(data);
    let first = schedule.rotation().index_of_week(week_id(from)).unwrap();
    schedule.weeks(first, count).into_iter().map(|w| (w.week.id.to_string(), w.scheduled, w.on_call)).collect()
}

fn row(week: &str, scheduled: &str, on_call: &str) -> (String, String, String) {
    (week.into(), scheduled.into(), on_call.into())
}

#[test]
fn join_leave_and_reorder_with_holidays_around_them() {
    let data = changing_team();
    let expected = vec![
        // Washington's Birthday (Mon 15 Feb) in Diana's 2027-W07: Alice covers, Diana takes W08.
        row("2027-W06", "charlie", "charlie"),
        row("2027-W07", "diana", "alice"),
        row("2027-W08", "alice", "diana"),
        row("2027-W09", "bob", "bob"),
        // Eve joins after Bob: the order from W10 is charlie, diana, alice, bob, eve.
        row("2027-W10", "charlie", "charlie"),
        row("2027-W11", "diana", "diana"),
        row("2027-W12", "alice", "alice"),
        row("2027-W13", "bob", "bob"),
        row("2027-W14", "eve", "eve"),
        row("2027-W15", "charlie", "charlie"),
        row("2027-W16", "diana", "diana"),
        row("2027-W17", "alice", "alice"),
        row("2027-W18", "bob", "bob"),
        row("2027-W19", "eve", "eve"),
        // Bob leaves: charlie, diana, alice, eve from W20.
        row("2027-W20", "charlie", "charlie"),
        row("2027-W21", "diana", "diana"),
        // Memorial Day (Mon 31 May) in Alice's week; her backup Bob has left the rotation, so
        // he has no week to give in return: Alice keeps it (a conflict).
        row("2027-W22", "alice", "alice"),
        row("2027-W23", "eve", "eve"),
        // Juneteenth, observed Fri 18 Jun, in Charlie's week: Diana covers, Charlie takes W25.
        row("2027-W24", "charlie", "diana"),
        row("2027-W25", "diana", "charlie"),
        row("2027-W26", "alice", "alice"),
        // Independence Day, observed Mon 5 Jul, in Eve's week: Alice covers; Alice's next week
        // in the order of W27 is W30, after the reorder, and Eve takes it as agreed.
        row("2027-W27", "eve", "alice"),
        row("2027-W28", "charlie", "charlie"),
        row("2027-W29", "diana", "diana"),
        // The new order from W30: alice, charlie, eve, diana.
        row("2027-W30", "alice", "eve"),
        row("2027-W31", "charlie", "charlie"),
        row("2027-W32", "eve", "eve"),
        row("2027-W33", "diana", "diana"),
        row("2027-W34", "alice", "alice"),
        row("2027-W35", "charlie", "charlie"),
        // Labor Day (Mon 6 Sep) in Eve's week: Alice covers, Eve takes Alice's W38.
        row("2027-W36", "eve", "alice"),
        row("2027-W37", "diana", "diana"),
        row("2027-W38", "alice", "eve"),
    ];
    assert_eq!(table(&data, "2027-W06", 33), expected);

    let w22 = week(&data, "2027-W22");
    assert_eq!(
        w22.conflict.unwrap().reason,
        "Alice keeps 2027-W22: Bob (backup) has no week in the rotation to give in return"
    );
    let w30 = week(&data, "2027-W30");
    assert!(w30.swap.as_ref().unwrap().reason.ends_with(
        "Eve takes 2027-W30 in return (agreed before the roster change in 2027-W30, so it stands whoever the new order gives 2027-W30)"
    ));
    // The holiday side reads as it would without the change.
    assert!(week(&data, "2027-W27").swap.unwrap().reason.ends_with("Eve takes 2027-W30 in return"));
}

#[test]
fn roster_changes_say_who_joins_and_leaves() {
    let data = changing_team();
    let sentences = |id: &str| week(&data, id).roster_change.unwrap().sentences(&data);
    assert_eq!(
        sentences("2027-W10"),
        vec![
            "Eve joins the rotation from 2027-W10",
            "From 2027-W10 the rotation is Charlie, Diana, Alice, Bob, Eve",
            "Roster change: Eve joins after Bob",
        ]
    );
    assert_eq!(
        sentences("2027-W20"),
        vec!["Bob leaves the rotation from 2027-W20", "From 2027-W20 the rotation is Charlie, Diana, Alice, Eve"]
    );
    assert_eq!(sentences("2027-W30"), vec!["The rotation order changes from 2027-W30: Alice, Charlie, Eve, Diana"]);
    assert!(week(&data, "2027-W11").roster_change.is_none());
    // The explanation of the week leads with it.
    assert_eq!(week(&data, "2027-W10").explain(&data)[0], "Eve joins the rotation from 2027-W10");
}

#[test]
fn a_return_week_after_a_reorder_stays_with_whoever_owes_it() {
    // Diana's Washington's Birthday week 2027-W07: Alice covers and Diana owes Alice's next
    // week in the order of W07, which is W08. From W08 the order becomes bob, charlie, diana,
    // alice, which gives W08 to Bob; the swap stands as agreed: Diana is on call in W08.
    let mut data = default_inputs();
    data.roster_changes = vec![RosterChange {
        from: week_id("2027-W08"),
        rotation: v(&["bob", "charlie", "diana", "alice"]),
        note: None,
    }];
    assert_eq!(
        table(&data, "2027-W07", 4),
        vec![
            row("2027-W07", "diana", "alice"),
            row("2027-W08", "bob", "diana"),
            row("2027-W09", "charlie", "charlie"),
            row("2027-W10", "diana", "diana"),
        ]
    );
}

#[test]
fn partial_day_cover_across_the_spring_forward_change() {
    // Charlie holds 2027-W10 (Mon 8 Mar 09:00 EST = 14:00Z to Mon 15 Mar 09:00 EDT = 13:00Z,
    // 167 hours). Bob covers Sat 13 Mar 18:00 EST (23:00Z) to Sun 14 Mar 18:00 EDT (22:00Z):
    // 23 hours, because the clocks go forward at 02:00 on Sunday.
    let mut data = default_inputs();
    data.covers.push(Cover {
        engineer: "bob".into(),
        from: rota::embedded::minute(2027, 3, 13, 18, 0),
        to: rota::embedded::minute(2027, 3, 14, 18, 0),
        note: Some("Charlie's family visit".into()),
    });
    let w = week(&data, "2027-W10");
    assert_eq!(w.on_call, "charlie");
    let parts: Vec<(String, String, String, i64)> = w
        .stretches
        .iter()
        .map(|s| {
            (s.start.to_utc().to_rfc3339(), s.end.to_utc().to_rfc3339(), s.engineer.clone(), s.duration().num_hours())
        })
        .collect();
    assert_eq!(
        parts,
        vec![
            ("2027-03-08T14:00:00+00:00".into(), "2027-03-13T23:00:00+00:00".into(), "charlie".into(), 129),
            ("2027-03-13T23:00:00+00:00".into(), "2027-03-14T22:00:00+00:00".into(), "bob".into(), 23),
            ("2027-03-14T22:00:00+00:00".into(), "2027-03-15T13:00:00+00:00".into(), "charlie".into(), 15),
        ]
    );
    assert_eq!(
        w.stretches[1].kind,
        StretchKind::Cover { instead_of: "charlie".into(), note: Some("Charlie's family visit".into()) }
    );
    assert!(w
        .explain(&data)
        .contains(&"Bob covers Sat 13 Mar 18:00 – Sun 14 Mar 18:00 for Charlie (Charlie's family visit)".to_string()));

    // Who is on call, to the second around both ends of the cover.
    let schedule = common::schedule(&data);
    let who = |t: &str| schedule.stretch_at(at(t)).map(|(now, next)| (now.engineer, next.engineer));
    assert_eq!(who("2027-03-13T22:59:59Z"), Some(("charlie".into(), "bob".into())));
    assert_eq!(who("2027-03-13T23:00:00Z"), Some(("bob".into(), "charlie".into())));
    assert_eq!(who("2027-03-14T21:59:59Z"), Some(("bob".into(), "charlie".into())));
    // After the cover, Charlie until the handoff, then Diana (2027-W11).
    assert_eq!(who("2027-03-14T22:00:00Z"), Some(("charlie".into(), "diana".into())));

    // Hours: Charlie 144 of the week's 167, Bob 23, both in 2027-Q1.
    let ledger = FairnessLedger::for_range(&schedule, 62, 1);
    let hours = |who: &str| ledger.row(who, Period::Quarter { year: 2027, q: 1 }).unwrap().hours_on_call();
    assert_eq!((hours("charlie"), hours("bob")), (144.0, 23.0));
    assert_eq!(ledger.row("bob", Period::Year(2027)).unwrap().weeks_on_call, 0);
}

#[test]
fn trade_of_a_holiday_swapped_week() {
    // Alice covers Diana's 2027-W07 (Washington's Birthday) and trades it with Bob's W09.
    let mut data = default_inputs();
    data.trades.push(Trade {
        weeks: [week_id("2027-W07"), week_id("2027-W09")],
        engineers: ["alice".into(), "bob".into()],
        note: Some("Alice is at a conference".into()),
    });
    assert_eq!(
        table(&data, "2027-W07", 3),
        vec![row("2027-W07", "diana", "bob"), row("2027-W08", "alice", "diana"), row("2027-W09", "bob", "alice")]
    );
    let w07 = week(&data, "2027-W07");
    let trade = w07.trade.clone().unwrap();
    assert!(trade.applied);
    assert_eq!((trade.gave.as_str(), trade.took.as_str()), ("alice", "bob"));
    assert_eq!(
        trade.reason,
        "Alice and Bob trade weeks: Alice takes 2027-W09 and Bob takes 2027-W07 (Alice is at a conference)"
    );
    // The swap still says whose holiday it was.
    assert_eq!(w07.swap.unwrap().gave, "diana");
    // A whole week each: the hours follow the trade.
    let schedule = common::schedule(&data);
    let ledger = FairnessLedger::for_range(&schedule, 59, 3);
    let q1 = |who: &str| ledger.row(who, Period::Quarter { year: 2027, q: 1 }).unwrap().clone();
    assert_eq!((q1("bob").weeks_on_call, q1("bob").hours_on_call()), (1, 168.0));
    assert_eq!((q1("alice").weeks_on_call, q1("alice").hours_on_call()), (1, 168.0));
    assert_eq!(q1("alice").swaps_taken, 1);
}

#[test]
fn a_trade_that_no_longer_matches_is_not_applied_and_says_why() {
    // A decision taken after the trade was agreed keeps the swap from happening: Alice is no
    // longer on call in W07.
    let mut data = default_inputs();
    data.trades.push(Trade {
        weeks: [week_id("2027-W07"), week_id("2027-W09")],
        engineers: ["alice".into(), "bob".into()],
        note: None,
    });
    data.decisions.push(rota::Decision { week: week_id("2027-W07"), note: None });
    let w07 = week(&data, "2027-W07");
    assert_eq!(w07.on_call, "diana");
    let trade = w07.trade.unwrap();
    assert!(!trade.applied);
    assert_eq!(
        trade.reason,
        "The trade of 2027-W07 and 2027-W09 between Alice and Bob does not apply: Diana is on call in 2027-W07, not Alice"
    );
    assert_eq!(week(&data, "2027-W09").on_call, "bob");
}

#[test]
fn a_later_cover_wins_where_covers_overlap() {
    // Only previews can overlap covers (the data folder rejects it): the one applied later
    // wins, and it is on call instead of the earlier cover's engineer.
    let mut data = default_inputs();
    let minute = rota::embedded::minute;
    data.covers.push(Cover {
        engineer: "bob".into(),
        from: minute(2027, 3, 9, 9, 0),
        to: minute(2027, 3, 9, 17, 0),
        note: None,
    });
    data.covers.push(Cover {
        engineer: "diana".into(),
        from: minute(2027, 3, 9, 12, 0),
        to: minute(2027, 3, 9, 13, 0),
        note: None,
    });
    let w = week(&data, "2027-W10");
    let who: Vec<(String, String)> =
        w.stretches.iter().map(|s| (s.start.format("%d %H:%M").to_string(), s.engineer.clone())).collect();
    assert_eq!(
        who,
        vec![
            ("08 09:00".into(), "charlie".into()),
            ("09 09:00".into(), "bob".into()),
            ("09 12:00".into(), "diana".into()),
            ("09 13:00".into(), "bob".into()),
            ("09 17:00".into(), "charlie".into()),
        ]
    );
    assert_eq!(w.stretches[2].kind, StretchKind::Cover { instead_of: "bob".into(), note: None });
}
