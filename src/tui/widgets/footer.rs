//! The footer: the keys that work right now, read from the keymap.

use ratatui::text::{Line, Span};

use crate::tui::action::Action;
use crate::tui::app::Model;
use crate::tui::keymap::KeyInput;

/// Actions not worth footer space (they are in help).
fn hidden(action: &Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::Redo
            | Action::PrevStep
            | Action::GoToStep(_)
            | Action::PrevField
    )
}

pub fn line(model: &Model, width: u16) -> Line<'static> {
    let theme = &model.theme;
    let mut entries: Vec<(String, &'static str)> = model
        .keymap
        .reachable(&model.contexts())
        .into_iter()
        .filter(|(_, a)| !hidden(a) && *a != Action::ToggleHelp)
        .filter_map(|(keys, action)| Some((keys_label(&keys), action.short()?)))
        .collect();
    entries.push(("?".into(), "help"));
    let mut spans = Vec::new();
    let mut used = 0usize;
    let budget = usize::from(width).saturating_sub(1);
    for (i, (keys, short)) in entries.iter().enumerate() {
        let len = keys.chars().count() + short.chars().count() + 4;
        let last = i + 1 == entries.len();
        // Always leave room for the help entry at the end.
        if !last && used + len + 8 > budget {
            continue;
        }
        spans.push(Span::styled(format!(" {keys}"), theme.key));
        spans.push(Span::styled(format!(" {short} "), theme.dim));
        used += len;
    }
    Line::from(spans)
}

fn keys_label(keys: &[KeyInput]) -> String {
    // Two keys at most: "x/Del", not every alias.
    keys.iter().take(2).map(|k| k.to_string()).collect::<Vec<_>>().join("/")
}
