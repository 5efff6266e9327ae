//! Validation of the team's calendar reminders in `team.json` (see [`crate::reminder`]).

use super::Validator;
use crate::Reminder;

impl Validator {
    /// The reminders at `at` in `file`; invalid ones are reported and left out.
    pub(super) fn reminders(&mut self, file: &str, at: &str, raw: &[String]) -> Vec<Reminder> {
        let mut out: Vec<(usize, Reminder)> = Vec::new();
        for (i, text) in raw.iter().enumerate() {
            let Some(reminder) = self.check(file, &format!("{at}/{i}"), text.parse::<Reminder>()) else { continue };
            // "P1D" next to "PT24H" would alert twice at the same moment: a typo, not a wish.
            if let Some((first, _)) = out.iter().find(|(_, r)| *r == reminder) {
                self.error(
                    file,
                    format!("{at}/{i}"),
                    format!(
                        "\"{text}\" is the same time before as {at}/{first} ({}): list each reminder once",
                        reminder.in_words()
                    ),
                );
                continue;
            }
            out.push((i, reminder));
        }
        out.into_iter().map(|(_, r)| r).collect()
    }
}
