//! The steps of the review across the top; the current one marked by a glyph and a style.

use ratatui::text::{Line, Span};

use crate::analysis;
use crate::tui::action::Step;
use crate::tui::app::Doc;
use crate::tui::theme::Theme;

pub fn line(doc: &Doc, theme: &Theme, width: u16) -> Line<'static> {
    let full: usize = Step::ALL.iter().map(|s| s.title().len() + 8).sum::<usize>() + 8;
    let compact = usize::from(width) < full;
    let mut spans = Vec::new();
    for (i, step) in Step::ALL.into_iter().enumerate() {
        let count = count(doc, step).map(|n| format!(" {n}")).unwrap_or_default();
        let open = match open_checks(doc, step) {
            0 => String::new(),
            n => format!(" ⚠{n}"),
        };
        let current = step == doc.step;
        let marker = if current { "▶" } else { " " };
        let name = if compact && !current { &step.title()[..3] } else { step.title() };
        let text = format!("{marker}{} {name}{count}{open} ", i + 1);
        spans.push(Span::styled(text, if current { theme.step_current } else { theme.step_other }));
        if i + 1 < Step::ALL.len() {
            spans.push(Span::styled("│", theme.border));
        }
    }
    Line::from(spans)
}

/// Checks still open on a step, so the room sees what is left without visiting it.
fn open_checks(doc: &Doc, step: Step) -> usize {
    match step {
        Step::Whys => analysis::whys::checks(&doc.session).len(),
        Step::Factors => analysis::coverage::check(&doc.session).len(),
        _ => 0,
    }
}

fn count(doc: &Doc, step: Step) -> Option<usize> {
    let s = &doc.session;
    let n = match step {
        Step::Timeline => s.events.len(),
        Step::Whys => s.whys.len(),
        Step::Factors => s.factors.len(),
        Step::Behaviours => s.behaviours.len(),
        Step::Actions => s.actions.len(),
        Step::Review => return None,
    };
    Some(n)
}
