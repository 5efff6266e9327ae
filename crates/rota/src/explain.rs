//! A week's roster change, holidays, swap, conflict, trade and covers in sentences, shared by
//! the site, the CLI and feeds.

use crate::{ScheduleInputs, Stretch, StretchKind, WeekAssignment};

impl WeekAssignment {
    /// What changed this week and why, one sentence each; empty for an ordinary week.
    ///
    /// A swap already names the holiday behind it, so then the holidays are not repeated; a
    /// conflict names only what blocked the swap, so the holidays come first.
    pub fn explain(&self, inputs: &ScheduleInputs) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(change) = &self.roster_change {
            notes.extend(change.sentences(inputs));
        }
        if let Some(swap) = &self.swap {
            notes.push(swap.reason.clone());
        } else {
            for holiday in &self.holidays {
                notes.push(format!("{}: {}", inputs.name_of(&holiday.engineer), holiday.describe()));
            }
        }
        if let Some(conflict) = &self.conflict {
            notes.push(conflict.reason.clone());
        }
        if let Some(trade) = &self.trade {
            notes.push(trade.reason.clone());
        }
        notes.extend(self.stretches.iter().filter_map(|s| s.describe_cover(inputs)));
        notes
    }
}

impl Stretch {
    /// E.g. "Bob covers Wed 10 Mar 18:00 – Fri 12 Mar 09:00 for Alice (dentist)"; `None` for a
    /// stretch of the week's own engineer.
    pub fn describe_cover(&self, inputs: &ScheduleInputs) -> Option<String> {
        let StretchKind::Cover { instead_of, note } = &self.kind else {
            return None;
        };
        let note = note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
        Some(format!(
            "{} covers {} – {} for {}{note}",
            inputs.name_of(&self.engineer),
            self.start.format("%a %-d %b %H:%M"),
            self.end.format("%a %-d %b %H:%M"),
            inputs.name_of(instead_of),
        ))
    }
}
