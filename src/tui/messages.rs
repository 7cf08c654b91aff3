//! Words the console shows about what just happened. One place, so they stay consistent
//! and blameless.

pub const DEMO_OPENED: &str =
    "Example review opened on a copy: try anything, the built-in example stays as it was.";
pub const READ_ONLY: &str =
    "This review is open read-only (written by a newer waterline); changes are not possible here.";
pub const LEAVE_WITH_UNSAVED: &str = "The last save did not work, so recent changes are only in memory. \
Press again to leave anyway: a copy will be written to a temporary file and its path shown.";
pub const NOTHING_SELECTED: &str = "No event selected. Press a to add the first one.";
pub const EVENT_DELETED: &str = "Event deleted. Undo (u or Ctrl-Z) brings it back.";
pub const TITLE_REQUIRED: &str = "A review needs a title — a few words about what happened.";
pub const TEXT_REQUIRED: &str = "Say what happened, in a few words.";

pub fn events_created(n: usize) -> String {
    format!("{n} events added from the pasted lines. Undo removes them all.")
}

pub fn milestone_set(label: &str, time: &str) -> String {
    format!("Incident {label} at {time}.")
}

pub fn milestone_cleared(label: &str) -> String {
    format!("Incident {label} time cleared.")
}

pub fn rescued(path: &str) -> String {
    format!("The review could not be saved in its own file; your changes were written to {path}")
}

pub fn rescue_failed(problem: &str) -> String {
    format!(
        "No copy could be written either ({problem}). Your changes are still here: free some space or fix permissions; saving is retried."
    )
}
