//! A week's holidays, swap and conflict in sentences, shared by the site, the CLI and feeds.

use crate::{TeamData, WeekAssignment};

impl WeekAssignment {
    /// What changed this week and why, one sentence each; empty for an ordinary week.
    ///
    /// A swap already names the holiday behind it, so then the holidays are not repeated; a
    /// conflict names only what blocked the swap, so the holidays come first.
    pub fn explain(&self, data: &TeamData) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(swap) = &self.swap {
            notes.push(swap.reason.clone());
        } else {
            for holiday in &self.holidays {
                notes.push(format!("{}: {}", data.name_of(&holiday.engineer), holiday.describe()));
            }
        }
        if let Some(conflict) = &self.conflict {
            notes.push(conflict.reason.clone());
        }
        notes
    }
}
