//! The footer: the keys that work right now, read from the keymap for the contexts the
//! console is in (a step's mode is a context), so it cannot offer a key that does nothing.

use ratatui::text::{Line, Span};

use crate::tui::app::Model;
use crate::tui::intent::Intent;
use crate::tui::keymap::KeyInput;

/// Actions not worth footer space (they are in help).
fn hidden(action: &Intent) -> bool {
    matches!(
        action,
        Intent::Up
            | Intent::Down
            | Intent::PageUp
            | Intent::PageDown
            | Intent::Top
            | Intent::Bottom
            | Intent::Redo
            | Intent::PrevStep
            | Intent::PrevCard
            | Intent::GoToStep(_)
            | Intent::PrevField
            | Intent::Collapse
            | Intent::Expand
            | Intent::MoveWhyUp
            | Intent::MoveWhyDown
    )
}

/// What just happened, for the row above the footer: its glyph, then its words, in the
/// problem style when it is one. Every screen shows a notice the same way.
pub fn notice(model: &Model) -> Option<Line<'static>> {
    let notice = model.notice.as_ref()?;
    let style = if notice.problem { model.theme.problem } else { model.theme.dim };
    Some(Line::styled(format!("{} {}", notice.glyph, notice.text), style))
}

pub fn line(model: &Model, width: u16) -> Line<'static> {
    let theme = &model.theme;
    let selected = model.overlay.is_some() || model.has_selection();
    let all = model.keymap.reachable(&model.contexts());
    // In a mode, Esc closes the mode: "close" for the review beside it would read as the
    // same thing, so closing the review waits one Esc (it stays in help).
    let in_mode = all.iter().any(|(_, a)| *a == Intent::Cancel);
    let reachable: Vec<_> = (all.into_iter())
        .filter(|(_, a)| !hidden(a) && (selected || !a.needs_selection()))
        .filter(|(_, a)| !(in_mode && *a == Intent::Close))
        // Merge conflicts are offered only when the review has some.
        .filter(|(_, a)| {
            *a != Intent::ShowConflicts || crate::tui::screens::conflicts::left(model) > 0
        })
        .collect();
    // Aliases ("x/Del") only when everything fits with them.
    let label = |keys: &[KeyInput], aliases: bool| {
        let n = if aliases { 2 } else { 1 };
        keys.iter().take(n).map(|k| k.to_string()).collect::<Vec<_>>().join("/")
    };
    let build = |aliases: bool| -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        let mut marks = Vec::new();
        for (keys, action) in &reachable {
            if is_milestone(action) {
                marks.push(label(keys, false));
            } else if let Some(short) = action.short() {
                out.push((label(keys, aliases), short));
            }
        }
        if !marks.is_empty() {
            // The four milestone keys read as one entry.
            let at = out.len().min(3);
            out.insert(at, (marks.join(" "), "milestones"));
        }
        out
    };
    let width_of = |e: &[(String, &str)]| {
        e.iter().map(|(k, s)| k.chars().count() + s.chars().count() + 3).sum::<usize>()
    };
    let mut entries = build(true);
    if width_of(&entries) > usize::from(width) {
        entries = build(false);
    }
    // Help goes last, so it survives when the line is short.
    if let Some(i) = entries.iter().position(|(_, short)| *short == "help") {
        let help = entries.remove(i);
        entries.push(help);
    }
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

fn is_milestone(action: &Intent) -> bool {
    matches!(
        action,
        Intent::MarkStart | Intent::MarkDetected | Intent::MarkMitigated | Intent::MarkResolved
    )
}
