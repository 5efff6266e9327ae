//! What a roster change means for people, in words: who joins, who leaves, whether the order
//! changes. The schedule, the Now view, person pages and `rota diff` all say it the same way.

use crate::{ScheduleInputs, WeekId};

/// A roster change as seen from the week it takes effect.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RosterChangeNote {
    pub from: WeekId,
    /// Slugs in the new order and not in the previous one, in the new order.
    pub joined: Vec<String>,
    /// Slugs in the previous order and not in the new one, in the previous order.
    pub left: Vec<String>,
    /// The new order, first engineer on call in `from`.
    pub rotation: Vec<String>,
    /// Whether the engineers in both orders follow each other differently.
    pub reordered: bool,
    pub note: Option<String>,
}

impl RosterChangeNote {
    pub fn new(from: WeekId, previous: &[String], rotation: &[String], note: Option<String>) -> RosterChangeNote {
        let joined: Vec<String> = rotation.iter().filter(|e| !previous.contains(e)).cloned().collect();
        let left: Vec<String> = previous.iter().filter(|e| !rotation.contains(e)).cloned().collect();
        let stayed = |order: &[String]| -> Vec<String> {
            order.iter().filter(|e| previous.contains(e) && rotation.contains(e)).cloned().collect()
        };
        let (before, after) = (stayed(previous), stayed(rotation));
        // A rotation is a cycle: starting it elsewhere is the same order.
        let reordered =
            !(before.is_empty() || (0..before.len()).any(|k| before[k..].iter().chain(&before[..k]).eq(after.iter())));
        RosterChangeNote { from, joined, left, rotation: rotation.to_vec(), reordered, note }
    }

    /// E.g. "Eve joins the rotation from 2027-W10", "Charlie leaves the rotation from
    /// 2027-W10", "The rotation order from 2027-W10: Alice, Eve, Bob".
    pub fn sentences(&self, inputs: &ScheduleInputs) -> Vec<String> {
        let names = |slugs: &[String]| -> Vec<String> { slugs.iter().map(|s| inputs.name_of(s).to_string()).collect() };
        let mut out = Vec::new();
        for who in names(&self.joined) {
            out.push(format!("{who} joins the rotation from {}", self.from));
        }
        for who in names(&self.left) {
            out.push(format!("{who} leaves the rotation from {}", self.from));
        }
        let order = names(&self.rotation).join(", ");
        if self.reordered {
            out.push(format!("The rotation order changes from {}: {order}", self.from));
        } else {
            out.push(format!("From {} the rotation is {order}", self.from));
        }
        if let Some(note) = &self.note {
            out.push(format!("Roster change: {note}"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn joins_leaves_and_reorders() {
        let w: WeekId = "2027-W10".parse().unwrap();
        let join = RosterChangeNote::new(w, &v(&["a", "b", "c"]), &v(&["b", "e", "c", "a"]), None);
        assert_eq!((join.joined, join.left, join.reordered), (v(&["e"]), v(&[]), false));
        let leave = RosterChangeNote::new(w, &v(&["a", "b", "c"]), &v(&["a", "c"]), None);
        assert_eq!((leave.left, leave.reordered), (v(&["b"]), false));
        let reorder = RosterChangeNote::new(w, &v(&["a", "b", "c"]), &v(&["a", "c", "b"]), None);
        assert!(reorder.reordered);
    }
}
