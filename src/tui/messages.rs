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

// Five Whys.
pub const NO_ANSWER_SELECTED: &str = "No answer selected. Press a to ask why of the incident.";
pub const ANSWER_REQUIRED: &str = "Write the answer, in a few words.";
pub const ALREADY_FIRST: &str = "Already the first answer here.";
pub const ALREADY_LAST: &str = "Already the last answer here.";
pub const NOTHING_TO_FOLD: &str = "No answers under this one to fold.";
pub const WRONG_TURN_NOT_PROMOTED: &str = "This answer lands on a person, so it is not a factor: reframe it (r) and promote the system condition.";
pub const ANSWER_PLACEHOLDER: &str = "because… (or how, or what made it possible)";
pub const NOTE_PLACEHOLDER: &str = "optional: the exact question asked, or a note";

pub fn why_deleted(id: &str, under: usize) -> String {
    match under {
        0 => format!("{id} deleted. Undo (u or Ctrl-Z) brings it back."),
        1 => format!("{id} and the answer under it deleted. Undo brings them back."),
        n => format!("{id} and the {n} answers under it deleted. Undo brings them back."),
    }
}

pub fn not_a_wrong_turn(id: &str) -> String {
    format!("{id} already speaks of the system. s adds another answer beside it.")
}

pub fn mark_condition_first(id: &str) -> String {
    format!("Is {id} a condition someone can change? Mark it (c) first — or ask why again (a).")
}

pub fn condition_marked(id: &str, on: bool) -> String {
    if on {
        format!("{id} reached a system condition. p makes it a contributing factor.")
    } else {
        format!("{id} is no longer marked as a system condition.")
    }
}

pub fn already_a_factor(why: &str, factor: &str) -> String {
    format!("{why} is already evidence for {factor}.")
}

pub fn factor_from_why(factor: &str, why: &str) -> String {
    format!("{factor} created from {why}: choose its category and words; Esc keeps it as it is.")
}

pub fn moved_under(id: &str, parent: Option<&str>) -> String {
    match parent {
        Some(p) => format!("{id} now answers {p}."),
        None => format!("{id} is now asked of the incident itself."),
    }
}

pub fn reframed_note(id: &str, text: &str) -> String {
    format!("Reframed from {id}: “{}”", text.trim())
}

pub fn why_form_title(place: &str) -> String {
    format!("Why? — {place}")
}

// Contributing factors.
pub const NO_FACTOR_SELECTED: &str =
    "No factor selected. Press a to add one, or promote a system condition from the Whys.";
pub const FACTOR_REQUIRED: &str = "Say which condition of the system contributed, in a few words.";
pub const FACTOR_DELETED: &str = "Factor deleted, and its links from actions. Undo brings it back.";
pub const RISK_PLACEHOLDER: &str = "optional: why this risk is accepted instead of acted on";
pub const FACTOR_PLACEHOLDER: &str = "a condition of the system, e.g. no canary stage for config";

pub fn linked(id: &str, n: usize, what: &str) -> String {
    format!("{id} is evidenced by {n} {what}.")
}
