//! The facilitation settings of config.toml: `[agenda]` timeboxes per step, in minutes, and
//! `mouse`. Read with their positions, so a bad value is reported with its line.

use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use super::line_column;
use crate::tui::facilitation::agenda::{MAX_MINUTES, Timeboxes};
use crate::tui::steps::Step;

#[derive(Debug, Default, Deserialize)]
struct Positions {
    agenda: Option<Spanned<toml::Value>>,
    mouse: Option<Spanned<toml::Value>>,
}

/// Reads `[agenda]` and `mouse` from `text`, adding a message for each value it cannot use.
pub fn read(text: &str, path: &Path, messages: &mut Vec<String>) -> (Timeboxes, bool) {
    let mut timeboxes = Timeboxes::default();
    let Ok(found) = toml::from_str::<Positions>(text) else { return (timeboxes, false) };
    let at = |span: std::ops::Range<usize>| {
        let (line, _) = line_column(text, span.start);
        format!("{}:{line}", path.display())
    };
    let mouse = match found.mouse {
        None => false,
        Some(v) => match v.get_ref().as_bool() {
            Some(on) => on,
            None => {
                messages.push(format!(
                    "{}: mouse should be true or false; mouse support stays off",
                    at(v.span())
                ));
                false
            }
        },
    };
    let Some(agenda) = found.agenda else { return (timeboxes, mouse) };
    if !agenda.get_ref().is_table() {
        messages.push(format!(
            "{}: [agenda] should be a table of minutes per step, e.g. timeline = 15",
            at(agenda.span())
        ));
        return (timeboxes, mouse);
    }
    // Read again, with each entry's position.
    let entries = spanned_entries(text).unwrap_or_default();
    for (key, value) in entries {
        let Some(step) = Step::ALL.into_iter().find(|s| s.key() == key) else {
            let steps: Vec<&str> = Step::ALL.iter().map(|s| s.key()).collect();
            messages.push(format!(
                "{}: [agenda] `{key}` is not a step ({}); ignored",
                at(value.span()),
                steps.join(", ")
            ));
            continue;
        };
        match value.get_ref().as_integer() {
            Some(m) if (0..=i64::from(MAX_MINUTES)).contains(&m) => {
                timeboxes.set(step, u32::try_from(m).unwrap_or(0));
            }
            _ => messages.push(format!(
                "{}: [agenda] {key} = {}: a timebox is whole minutes from 0 (none) to {MAX_MINUTES}; using {}",
                at(value.span()),
                value.get_ref(),
                Timeboxes::default().get(step).unwrap_or(0)
            )),
        }
    }
    (timeboxes, mouse)
}

fn spanned_entries(text: &str) -> Option<IndexMap<String, Spanned<toml::Value>>> {
    #[derive(Deserialize)]
    struct Agenda {
        agenda: IndexMap<String, Spanned<toml::Value>>,
    }
    toml::from_str::<Agenda>(text).ok().map(|a| a.agenda)
}
