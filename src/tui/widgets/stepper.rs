//! The steps of the review across the top, as an agenda: the current one marked by a glyph
//! and a style, each with its count, what is still open, and the minutes spent on it.

use ratatui::text::{Line, Span};

use crate::tui::app::{Doc, Model};
use crate::tui::facilitation::agenda;
use crate::tui::messages;
use crate::tui::steps::Step;

/// How much of each step's label to keep; the first level that fits the width wins.
#[derive(Clone, Copy, PartialEq)]
enum Detail {
    Full,
    /// Other steps by three letters.
    Short,
    /// … and without their counts.
    Shorter,
    /// … and by number only.
    Number,
}

pub fn line(model: &Model, width: u16) -> Line<'static> {
    let Some(doc) = model.doc.as_ref() else { return Line::default() };
    let levels = [Detail::Full, Detail::Short, Detail::Shorter, Detail::Number];
    // Until a big review's checks are back, nothing is counted as flagged or open.
    let wording = if doc.checking() { [0; 6] } else { doc.wording_counts() };
    let mut line = Line::default();
    for detail in levels {
        line = build(model, doc, detail, &wording);
        if line.width() <= usize::from(width) {
            break;
        }
    }
    line
}

fn build(model: &Model, doc: &Doc, detail: Detail, wording: &[usize; 6]) -> Line<'static> {
    let theme = &model.theme;
    let mut spans = Vec::new();
    for (i, step) in Step::ALL.into_iter().enumerate() {
        let current = step == doc.step;
        let count = count(doc, step)
            .filter(|_| current || matches!(detail, Detail::Full | Detail::Short))
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        let open = match open_checks(model, doc, step) {
            0 => String::new(),
            n => format!(" ⚠{n}"),
        };
        let flagged = match wording[step.index()] {
            0 => String::new(),
            n => format!(" ⚑{n}"),
        };
        let spent = agenda::spent_label(model, step).map(|t| format!(" {t}")).unwrap_or_default();
        let marker = if current { "▶" } else { " " };
        let name = match detail {
            _ if current => step.title(),
            Detail::Full => step.title(),
            Detail::Short | Detail::Shorter => &step.title()[..3],
            Detail::Number => "",
        };
        let name = if name.is_empty() { String::new() } else { format!(" {name}") };
        let text = format!("{marker}{}{name}{count}{open}{flagged}{spent} ", i + 1);
        spans.push(Span::styled(text, if current { theme.step_current } else { theme.step_other }));
        if i + 1 < Step::ALL.len() {
            spans.push(Span::styled("│", theme.border));
        }
    }
    if doc.checking() {
        spans.push(Span::styled(format!(" {}", messages::CHECKING), theme.dim));
    }
    Line::from(spans)
}

/// Checks still open on a step, so the room sees what is left without visiting it.
fn open_checks(model: &Model, doc: &Doc, step: Step) -> usize {
    match step {
        _ if doc.checking() => 0,
        Step::Whys => doc.overview(&model.policy).whys.len(),
        Step::Factors => doc.overview(&model.policy).coverage.len(),
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
