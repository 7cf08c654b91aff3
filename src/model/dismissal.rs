//! A language finding the room looked at and decided to keep, with the reason. Stored so
//! the same finding does not ask again, and listed when the review is read.

use super::{Extra, ItemRef};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dismissal {
    /// The item the text belongs to, as the file writes it: `event:e3`, `why:w2`,
    /// `incident`.
    pub item: String,
    /// The field of that item: `text`, `known_then`, `summary`.
    pub field: String,
    /// The rule that fired.
    pub rule: String,
    /// The exact text it matched; a different wording asks again.
    pub matched: String,
    /// Why it stays, in a line.
    pub reason: String,
    pub extra: Extra,
}

impl Dismissal {
    pub fn covers(&self, item: &ItemRef, field: &str, rule: &str, matched: &str) -> bool {
        ItemRef::parse(&self.item).as_ref() == Some(item)
            && self.field == field
            && self.rule == rule
            && self.matched.eq_ignore_ascii_case(matched)
    }
}
