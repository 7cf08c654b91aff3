//! The Review step: the gate with a score, each missing item under its criterion, the
//! review's status, a banner when a published review's gate broke, the parking lot and
//! the lessons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::analysis::readiness;
use crate::tui::app::{Doc, Model};
use crate::tui::messages;
use crate::tui::render::Drawn;
use crate::tui::steps::review::lessons;
use crate::tui::steps::review::state::{Row, row_at};
use unicode_width::UnicodeWidthStr;

use crate::tui::widgets::{truncate, wrap};

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let theme = &model.theme;
    let gate = doc.gate(&model.policy);
    let (done, all) = gate.score();
    let verdict = if gate.passed() { "ready to publish" } else { "not ready yet" };
    let block = Block::bordered()
        .title(format!(" Review · gate {done} of {all} · {verdict} "))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let selectable = row_at(doc, &gate, doc.review.selected);
    let selected = selectable.as_ref();
    let i = &doc.session.incident;
    let status = format!("Status {}", i.status.as_str());
    // A narrow pane (presentation mode at 80×24) drops the hint, or part of it, never a word.
    let hint = [messages::STATUS_HINT, messages::STATUS_HINT_SHORT]
        .into_iter()
        .find(|h| status.width() + h.width() <= width)
        .unwrap_or("");
    let mut lines = vec![Line::from(vec![
        Span::styled("Status ", theme.dim),
        Span::styled(i.status.as_str().to_string(), theme.title),
        Span::styled(hint, theme.dim),
    ])];
    if let Some(problem) = readiness::published_but_broken(&doc.session, &gate) {
        let text = format!("⚠ {}", messages::published_but_broken(&problem));
        for line in crate::tui::widgets::wrap(&text, width) {
            lines.push(Line::styled(line, theme.problem));
        }
        for line in
            crate::tui::widgets::wrap(messages::BACK_TO_REVIEW_HINT, width.saturating_sub(2))
        {
            lines.push(Line::styled(format!("  {line}"), theme.dim));
        }
    }
    if !i.gate_override.is_empty() {
        lines.push(Line::styled(
            truncate(&format!("Published before the gate passed: {}", i.gate_override), width),
            theme.dim,
        ));
    }
    // Which line holds the selection, to keep it in view.
    let mut selected_line = 0;
    let mut missing = Vec::new();
    let mut index = 0;
    for entry in &gate.entries {
        let (glyph, style) =
            if entry.passed() { ("✓", theme.good) } else { ("✗", theme.problem) };
        let label_style = if entry.passed() { theme.base } else { theme.title };
        // The full sentence when it fits, else its few words, wrapped if even they do not.
        let label = Some(entry.criterion.label())
            .filter(|l| l.width() + 2 <= width)
            .unwrap_or(entry.criterion.short());
        for (n, part) in wrap(label, width.saturating_sub(2)).into_iter().enumerate() {
            let lead = if n == 0 { format!("{glyph} ") } else { "  ".to_string() };
            lines
                .push(Line::from(vec![Span::styled(lead, style), Span::styled(part, label_style)]));
        }
        for m in &entry.missing {
            if matches!(selected, Some(Row::Missing { index: i, .. }) if *i == index) {
                selected_line = lines.len();
            }
            index += 1;
            // Written once the window is known: a gate can list thousands of these.
            missing.push((lines.len(), m));
            lines.push(Line::default());
        }
    }
    if let Some(at) = lessons::lines(doc, selected, theme, width, &mut lines) {
        selected_line = at;
    }
    lines.push(Line::raw(""));
    let parked = &doc.session.parked;
    lines.push(Line::styled(format!("Parking lot · {}", parked.len()), theme.title));
    if parked.is_empty() {
        lines.push(Line::styled(
            "    o parks a point that is off-topic now; it waits here.",
            theme.dim,
        ));
    }
    for p in parked {
        let text =
            truncate(&format!("{} · {} · {}", p.id, p.step, p.text), width.saturating_sub(4));
        if selected == Some(&Row::Parked { id: p.id.clone() }) {
            selected_line = lines.len();
            lines.push(Line::styled(format!("  ▶ {text}"), theme.selected));
        } else {
            lines.push(Line::raw(format!("    {text}")));
        }
    }
    let kept = &doc.session.dismissed;
    if !kept.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("Wording kept on purpose · {}", kept.len()), theme.title));
        for d in kept {
            let text = format!("{} {} “{}” — {}", d.item, d.field, d.matched, d.reason);
            lines.push(Line::raw(format!("    {}", truncate(&text, width.saturating_sub(4)))));
        }
    }
    let height = usize::from(inner.height).max(1);
    let mut offset = doc.review.offset;
    if selected_line < offset {
        offset = selected_line;
    } else if selected_line >= offset + height {
        offset = selected_line + 1 - height;
    }
    drawn.review = Some(offset);
    for (at, m) in missing.into_iter().filter(|(at, _)| (offset..offset + height).contains(at)) {
        let text = truncate(&format!("{} — {}", m.item, m.message), width.saturating_sub(4));
        lines[at] = if at == selected_line && matches!(selected, Some(Row::Missing { .. })) {
            Line::styled(format!("  ▶ {text}"), theme.selected)
        } else {
            Line::raw(format!("    {text}"))
        };
    }
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// The selected missing item in full, for the side pane.
pub fn side(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let gate = doc.gate(&model.policy);
    match row_at(doc, &gate, doc.review.selected).as_ref() {
        Some(Row::Missing { index, item }) => {
            let message = (gate.entries.iter())
                .flat_map(|e| e.missing.iter())
                .nth(*index)
                .map(|m| m.message.clone())
                .unwrap_or_default();
            vec![
                Line::styled(item.to_string(), theme.key),
                Line::raw(message),
                Line::styled("Enter goes there.", theme.dim),
            ]
        }
        Some(Row::Parked { id }) => {
            let Some(p) = doc.session.parked.iter().find(|p| &p.id == id) else {
                return Vec::new();
            };
            vec![
                Line::styled(format!("{} · parked during {}", p.id, p.step), theme.key),
                Line::raw(p.text.clone()),
                Line::styled("x removes it once it has been dealt with.", theme.dim),
            ]
        }
        Some(Row::Lesson { kind, index }) => lessons::side(model, doc, *kind, *index),
        None => Vec::new(),
    }
}
