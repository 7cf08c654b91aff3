//! What the console says about who writes a review, following, taking over and changes
//! made on disk. One place, so it stays consistent and blameless.

use super::state::{DiskConflict, Holding};

/// The persistent line under the stepper while this console does not write the review.
pub fn banner(holding: &Holding, take_over_key: &str) -> Option<String> {
    let key = if take_over_key.is_empty() {
        "the take-over key".into()
    } else {
        take_over_key.to_string()
    };
    match holding {
        Holding::Writer => None,
        Holding::Follower { holder, stale: false } => Some(format!(
            "⚠ Read-only, following: {holder}. Its saves appear here; once it has closed, \
             press {key} to write."
        )),
        Holding::Follower { holder, stale: true } => {
            Some(format!("⚠ Read-only: {holder}. Press {key} to take it over."))
        }
        Holding::Watching => Some(format!(
            "Following (read-only): the writer's saves appear here as they land. Press {key} \
             to write here instead."
        )),
        Holding::ReadOnly { reason } => {
            Some(format!("⚠ Read-only: {reason}. Nothing will be saved from here."))
        }
    }
}

/// The banner while a save waits on the person's choice.
pub fn conflict_banner(conflict: DiskConflict) -> &'static str {
    match conflict {
        DiskConflict::Changed => {
            "⚠ The file changed on disk since it was opened; nothing was overwritten. Your \
             edits are kept here until you choose."
        }
        DiskConflict::Deleted => {
            "⚠ The file was deleted or moved while open; it was not recreated. Your edits are \
             kept here until you choose."
        }
    }
}

pub fn take_over_title(holder: &str) -> String {
    format!("This review is {holder}.")
}

pub const TAKE_OVER_ASK: &str =
    "Take it over and write here? The other waterline, if it wakes, stops saving.";
pub const TAKE_OVER_DECLINED: &str = "Still following, read-only. The banner says how to write.";
pub const TOOK_OVER: &str = "You now write this review; it was read again from disk first.";

pub fn took_over_failed(why: &str) -> String {
    format!("Could not take the review over: {why}. Still following, read-only.")
}

pub fn still_held(holder: &str) -> String {
    format!("Still {holder}; following, read-only.")
}

pub fn cannot_write(reason: &str) -> String {
    format!("This review cannot be written here: {reason}.")
}

pub fn conflict_title(conflict: DiskConflict) -> &'static str {
    match conflict {
        DiskConflict::Changed => "The file changed on disk since this console read it.",
        DiskConflict::Deleted => "The file was deleted or moved while it was open.",
    }
}

/// The choices, each with what it does; `None` for a choice that does not apply.
pub fn conflict_choices(conflict: DiskConflict) -> [(&'static str, Option<&'static str>); 3] {
    let reload = match conflict {
        DiskConflict::Changed => Some("read the disk's version and apply your edits on top"),
        DiskConflict::Deleted => None,
    };
    let overwrite = match conflict {
        DiskConflict::Changed => "replace the disk's version with yours",
        DiskConflict::Deleted => "save it again where it was",
    };
    [
        ("reload_reapply", reload),
        ("save_as", Some("save yours as a new file next to it")),
        ("overwrite", Some(overwrite)),
    ]
}

pub const NOTHING_TO_RELOAD: &str =
    "The file is gone, so there is nothing to reload: save it again, or save it as a new file.";

pub fn reapplied(file: &str, both_sides: usize) -> String {
    if both_sides == 0 {
        format!("Read {file} again and applied your edits on top; saving. Undo starts afresh here.")
    } else {
        format!(
            "Read {file} again and applied your edits on top; {both_sides} changed on both sides \
             keep both versions as conflicts to choose from. Undo starts afresh here."
        )
    }
}

pub fn reload_failed(why: &str) -> String {
    format!("Could not read the file again: {why}. Your edits are still here.")
}

pub fn saved_as(new: &str, old: &str) -> String {
    format!("Saved as {new}; {old} was left as it is on disk. This console now writes {new}.")
}

pub fn follow_failed(why: &str) -> String {
    format!("The writer's latest save could not be read: {why}. Showing the last version read.")
}

pub const FOLLOWED_GONE: &str = "The file is no longer on disk; showing the last version read.";
