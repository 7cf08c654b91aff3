//! What the conflict view says.

use crate::tui::messages::count;

pub const TITLE: &str = "Merge conflicts";
pub const OURS: &str = " Ours (in the review now) ";
pub const THEIRS: &str = " Theirs ";
pub const DELETED: &str = "(deleted on this side)";
pub const NONE_LEFT: &str = "No merge conflicts in this review.";
pub const ALL_RESOLVED: &str = "Every merge conflict is resolved. Undo brings the last one back.";
pub const NO_FORM: &str =
    "This entry has no form of its own: keep ours or theirs, or edit the file by hand.";
pub const DIFFERS: &str = "≠";

pub fn banner(n: usize) -> String {
    format!(
        "⚠ A git merge left {} changed on both sides. Choose a version for each; until then `check` reports {}.",
        count(n, "item", "items"),
        if n == 1 { "it" } else { "them" }
    )
}

/// The console's persistent line while a git merge's conflicts are left in the review.
pub fn header_banner(n: usize, key: &str) -> String {
    format!("⚠ {}", remaining(n, key))
}

/// The conflicts left, as a notice after leaving the conflict view (its glyph is its own).
pub fn remaining(n: usize, key: &str) -> String {
    let left = count(n, "merge conflict", "merge conflicts");
    if key.is_empty() {
        format!("{left} left from a git merge: choose a version for each before publishing.")
    } else {
        let them = if n == 1 { "it" } else { "them, item by item" };
        format!("{left} left from a git merge: {key} resolves {them}.")
    }
}

pub fn kept(side: &str, item: &str) -> String {
    format!("Kept {side} version of {item}. Undo brings the choice back.")
}

pub fn edited(item: &str) -> String {
    format!("{item} edited; its conflict is resolved. Undo brings it back.")
}

pub fn refused(problem: &str) -> String {
    format!("That version could not be kept: {problem}")
}
