//! What a what-if preview changes, in words, so the page gives the answer instead of "changed
//! weeks are marked": "2027-W12: Bob instead of Alice", or "No change: Charlie is on call in
//! 2027-W10" when the leave falls in someone else's week. Conflicts the preview opens or
//! resolves are said too, and when the weeks it moves lie in more than one year, the net
//! change per engineer over all of them, which the fairness page (a year at a time) splits.

use crate::schedule_diff::ScheduleDiff;
use crate::{Horizon, Schedule, WhatIf};

impl WhatIf {
    /// The weeks this preview changes in `preview` compared with `real` (the return weeks of
    /// swaps it moves included), one sentence each; or, when it changes nothing, who is on
    /// call in each week it touches. Weeks past `horizon` are neither compared nor named.
    ///
    /// ```
    /// use std::sync::Arc;
    /// let inputs = rota::what_if::doc_team().inputs; // alice, bob alternating from 2026-W01
    /// let real = rota::Schedule::new(inputs.clone());
    /// let effects = |leave: &str| {
    ///     let what_if = rota::WhatIf::parse(&[leave.into()], &[], &[], &inputs, rota::what_if::doc_horizon()).unwrap();
    ///     what_if.effects(&real, &rota::Schedule::new(Arc::new(what_if.apply(&inputs))), rota::what_if::doc_horizon())
    /// };
    /// // Alice away in her own week 2026-W03: Bob covers it and she takes his next one.
    /// assert_eq!(effects("alice:2026-01-14..2026-01-14"), ["2026-W03: bob instead of alice", "2026-W04: alice instead of bob"]);
    /// // Alice away in Bob's week: nothing moves, and the answer says so.
    /// assert_eq!(effects("alice:2026-01-07..2026-01-07"), ["No change: bob is on call in 2026-W02"]);
    /// ```
    pub fn effects(&self, real: &Schedule, preview: &Schedule, horizon: Horizon) -> Vec<String> {
        let rotation = preview.rotation();
        let mut touched: Vec<u32> = Vec::new();
        for l in &self.leave {
            let (Some(from), Some(to)) = (rotation.index_of_date(l.from), rotation.index_of_date(l.to)) else {
                continue;
            };
            touched.extend(from..=to);
        }
        touched.extend(self.keep.iter().filter_map(|w| rotation.index_of_week(*w)));
        let zone = preview.inputs().team.time_zone;
        for c in &self.covers {
            let (start, end) = c.instants(zone);
            if let (Some(from), Some(to)) = (rotation.index_at(start.to_utc()), rotation.index_at(end.to_utc())) {
                touched.extend(from..=to);
            }
        }
        touched.sort_unstable();
        touched.dedup();
        let (Some(&first), Some(&last)) = (touched.first(), touched.last()) else {
            return Vec::new();
        };
        // A swap's return week is at most one round of the rotation after its holiday week.
        let round = rotation.order_at(last).0.len() as u32;
        let end = rotation.index_of_week(horizon.last()).unwrap_or(last).max(last);
        let diff = ScheduleDiff::compare(real, preview, first, (last + round).min(end) - first + 1);
        let name = |slug: &str| preview.name_of(slug).to_string();
        if diff.weeks.is_empty() {
            return touched
                .iter()
                .map(|&i| {
                    let w = preview.week(i);
                    format!("No change: {} is on call in {}", name(&w.on_call), w.week.id)
                })
                .collect();
        }
        let mut out: Vec<String> = diff
            .weeks
            .iter()
            .map(|change| {
                let (before, after) = (&change.before, &change.after);
                let id = after.week.id;
                if before.on_call != after.on_call {
                    format!("{id}: {} instead of {}", name(&after.on_call), name(&before.on_call))
                } else {
                    let what = if change.added_notes.is_empty() { &change.dropped_notes } else { &change.added_notes };
                    format!("{id}: {}", what.join("; "))
                }
            })
            .collect();
        out.extend(diff.weeks.iter().filter_map(|change| {
            let id = change.after.week.id;
            match (&change.before.conflict, &change.after.conflict) {
                (None, Some(new)) => Some(format!("New conflict: {id}: {}", new.reason)),
                (Some(old), None) => Some(format!("Conflict resolved: {id} ({})", old.reason)),
                _ => None,
            }
        }));
        out.extend(net_change(&diff, preview));
        out
    }
}

/// "Across 2026 and 2027 (2026-W52 to 2027-W01): weeks on call Alice +1, Bob −1", when the
/// weeks that change hands lie in more than one year (the fairness page shows one year at a time, so
/// a return week in the next year looks like a loss in this one); `None` otherwise.
fn net_change(diff: &ScheduleDiff, preview: &Schedule) -> Option<String> {
    let moved: Vec<_> = diff.weeks.iter().filter(|c| c.before.on_call != c.after.on_call).collect();
    let (first, last) = (moved.first()?.after.week.id, moved.last()?.after.week.id);
    if first.year() == last.year() {
        return None;
    }
    let net = |slug: &str| {
        moved.iter().map(|c| i32::from(c.after.on_call == slug) - i32::from(c.before.on_call == slug)).sum::<i32>()
    };
    let changes: Vec<String> = preview
        .inputs()
        .engineers
        .iter()
        .map(|e| (e, net(&e.slug)))
        .filter(|(_, n)| *n != 0)
        .map(|(e, n)| format!("{} {}{}", e.name, if n > 0 { "+" } else { "−" }, n.abs()))
        .collect();
    let years = if last.year() == first.year() + 1 {
        format!("{} and {}", first.year(), last.year())
    } else {
        format!("{} to {}", first.year(), last.year())
    };
    let total = if changes.is_empty() {
        "no one gains or loses a week on call".to_string()
    } else {
        format!("weeks on call {}", changes.join(", "))
    };
    Some(format!("Across {years} ({first} to {last}): {total}"))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::what_if::{doc_horizon, doc_team};
    use crate::{Schedule, WhatIf};

    /// Issue 16: a preview's answer named weeks past the horizon (up to the year 10000 for a
    /// link's leave in 9999), as it compared one round of the rotation past its last week.
    #[test]
    fn names_no_week_past_the_horizon() {
        let inputs = doc_team().inputs; // alice, bob alternating from 2026-W01 (2025-12-29)
        let real = Schedule::new(inputs.clone());
        // 2036-W52, the horizon's last week, is the rotation's week 573: Bob's. His leave hands it
        // to Alice, and he would take her next week, 2037-W01, past the horizon.
        let leave = "bob:2036-12-22..2036-12-28".to_string();
        let what_if = WhatIf::parse(&[leave], &[], &[], &inputs, doc_horizon()).unwrap();
        let preview = Schedule::new(Arc::new(what_if.apply(&inputs)));
        assert_eq!(preview.week(574).on_call, "bob", "the swap's return week, resolved for the swap itself");
        assert_eq!(what_if.effects(&real, &preview, doc_horizon()), ["2036-W52: alice instead of bob"]);
    }
}
