//! Merge conflicts still in a review: each is an error for `check`, so a review with a
//! choice left open does not pass CI.

use super::check::{Check, Severity};
use crate::model::{ItemRef, Session};

/// One error per conflict, on the item it is about.
pub fn checks(session: &Session) -> Vec<Check> {
    (session.conflicts.iter())
        .map(|c| {
            let what = if c.field.is_empty() { c.item.clone() } else { format!("{} {}", c.item, c.field) };
            let message = format!(
                "{what} was {} in a git merge; choose ours, theirs or an edit in the console, or remove the [[conflict]] entry",
                if c.reason.is_empty() { "changed on both sides" } else { c.reason.as_str() }
            );
            // A conflict on something that is not an item (a hand-edited entry) is the review's.
            let item = ItemRef::parse(&c.item).unwrap_or_else(ItemRef::incident);
            Check::new(item, "conflict", Severity::Error, message)
        })
        .collect()
}
