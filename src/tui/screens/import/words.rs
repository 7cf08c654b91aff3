//! What the import screen says.

use crate::tui::messages::count;

pub const TITLE: &str = "Import events into the timeline";
pub const NO_PATH: &str = "Type the path of a file (or a Slack export folder) first.";
pub const NOTHING_IMPORTED: &str = "Nothing was imported.";
pub const NOTHING_TICKED: &str =
    "No line is ticked yet: Space ticks the line under the cursor, a ticks every event shown.";
pub const NOT_AN_EVENT: &str = "This line has no time that could be read, so it cannot be ticked.";
pub const NO_MATCH: &str = "No line matches the filter.";
pub const NO_COMPLETION: &str = "Nothing there starts with that.";
pub const READING: &str = "reading…";
pub const PATH_LABEL: &str = "File";
pub const AS_LABEL: &str = "Read as";
pub const DETECTED: &str = "detected";
pub const WHERE_THEY_FALL: &str = " Where they fall ";
pub const NOTHING_TICKED_SHORT: &str = "Tick lines to see where they fall among the events.";
pub const CONTINUES: &str = "(part of the message above)";

pub fn choice(name: &str) -> String {
    format!("{AS_LABEL}: {name}")
}

pub fn zone(zone: &str, kind: &str) -> String {
    format!("times without a zone: {zone} · added as {kind}")
}

pub fn lines_read(rows: u64, done: bool) -> String {
    let lines = count(usize::try_from(rows).unwrap_or(usize::MAX), "line", "lines");
    if done { lines } else { format!("{lines} so far, {READING}") }
}

pub fn shown(visible: u64, filter: &str) -> String {
    format!("{visible} shown by “{filter}”")
}

pub fn ticked(ticked: usize, duplicates: usize) -> String {
    let mut text = format!("{ticked} ticked");
    if duplicates > 0 {
        text.push_str(&format!(", {}", count(duplicates, "duplicate", "duplicates")));
    }
    text
}

pub fn added(added: usize, duplicates: usize) -> String {
    let mut text = format!("Imported {}", count(added, "event", "events"));
    if duplicates > 0 {
        text.push_str(&format!(
            "; {} already in the timeline left out",
            count(duplicates, "duplicate", "duplicates")
        ));
    }
    text.push_str(". Undo takes them all back.");
    text
}

pub fn all_duplicates(n: usize) -> String {
    format!("All {n} ticked events are already in the timeline; nothing was added.")
}

pub fn too_many(n: usize, max: usize) -> String {
    format!(
        "{n} events ticked; one import adds at most {max}. Narrow it with the filter, or use `waterline import` with --since / --until."
    )
}

pub fn unreadable(problem: &str) -> String {
    format!("The file could not be read further: {problem}")
}

/// The placement in a few words, for narrow screens: how many are new, and when.
pub fn falls(new: usize, first: Option<&str>, last: Option<&str>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => format!("{new} new at {a}"),
        (Some(a), Some(b)) => format!("{new} new {a}–{b}"),
        _ => format!("{new} new"),
    }
}
