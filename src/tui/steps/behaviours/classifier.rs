//! The Just Culture classifier on screen: one question at a time with its explanation and
//! the answers; then the outcome, its response and the draft system actions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::view::glyph;
use crate::model::Mode;
use crate::model::just_culture::{Family, Node, Outcome};
use crate::tui::app::{Doc, Model};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::steps::behaviours::state::Wizard;
use crate::tui::widgets::{truncate, wrap};

pub fn render(model: &Model, doc: &Doc, w: &Wizard, frame: &mut Frame, area: Rect) {
    let title = match w.classifier.progress() {
        Some(p) => {
            format!(" Classify {} · question {} of at most {} ", w.behaviour, p.number, p.at_most)
        }
        None => format!(" Classify {} · outcome ", w.behaviour),
    };
    let block = Block::bordered().title(title).border_style(model.theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match (w.classifier.question(), w.classifier.outcome()) {
        (Some(node), _) => question(model, doc, w, node, frame, inner),
        (None, Some(outcome)) => finished(model, doc, w, outcome, frame, inner),
        (None, None) => {}
    }
}

/// The body for `rows` rows of content and the line of keys: right under the content when
/// there is room (keys near the question), else on the last row.
fn place(inner: Rect, rows: usize) -> (Rect, Rect) {
    let rows = u16::try_from(rows).unwrap_or(u16::MAX);
    if rows.saturating_add(2) <= inner.height {
        let body = Rect { height: rows, ..inner };
        (body, Rect { y: inner.y + rows + 1, height: 1, ..inner })
    } else {
        let [body, bottom] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        (body, bottom)
    }
}

/// A key hint from the keymap: the first key bound to `intent` in the classifier's mode.
fn key(model: &Model, intent: &Intent) -> String {
    model.key_hint(intent)
}

fn lines_of(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width).into_iter().map(|l| Line::styled(l, style)).collect()
}

fn act_line(model: &Model, doc: &Doc, w: &Wizard, width: usize) -> Line<'static> {
    let act = doc.session.behaviour(&w.behaviour).map_or("", |b| b.act.as_str());
    let act = truncate(&act.replace('\n', " "), width.saturating_sub(5));
    Line::from(vec![Span::styled("Act: ", model.theme.dim), Span::raw(act)])
}

fn question(model: &Model, doc: &Doc, w: &Wizard, node: &Node, frame: &mut Frame, inner: Rect) {
    let theme = &model.theme;
    let width = usize::from(inner.width);
    let mut lines = vec![act_line(model, doc, w, width)];
    let guard = format!("{} {}", messages::ACT_NOT_PERSON, messages::SEVERITY_NEVER_ASKED);
    lines.extend(lines_of(&guard, width, theme.dim));
    lines.push(Line::raw(""));
    // A self-review asks about "I" and explains to "you"; the wording lives in the table.
    let own = doc.session.incident.mode == Mode::SelfReview;
    lines.extend(lines_of(node.asks(own), width, theme.title));
    lines.extend(lines_of(node.explains(own), width, theme.base));
    let (body, bottom) = place(inner, lines.len());
    frame.render_widget(Paragraph::new(lines), body);
    let mut spans = Vec::new();
    // The same words as the footer: each intent's label from the key table.
    for action in [
        Intent::AnswerYes,
        Intent::AnswerNo,
        Intent::AnswerDontKnow,
        Intent::AnswerBack,
        Intent::Cancel,
    ] {
        if action == Intent::AnswerBack && w.classifier.answers().is_empty() {
            continue;
        }
        spans.push(Span::styled(format!(" {} ", key(model, &action)), theme.key));
        spans.push(Span::raw(format!("{}  ", action.short().unwrap_or_default())));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), bottom);
}

fn finished(
    model: &Model,
    doc: &Doc,
    w: &Wizard,
    outcome: &Outcome,
    frame: &mut Frame,
    inner: Rect,
) {
    let theme = &model.theme;
    let width = usize::from(inner.width);
    let mut head = vec![Line::styled(
        format!("{} {}", glyph(Some(outcome.family)), outcome.label),
        theme.title,
    )];
    head.push(act_line(model, doc, w, width));
    let factors = w.classifier.factors();
    if !factors.is_empty() {
        head.extend(lines_of(&format!("Factors: {}", factors.join(", ")), width, theme.dim));
    }
    let own = doc.session.incident.mode == Mode::SelfReview;
    head.extend(lines_of(outcome.responds(own), width, theme.base));
    if let Some(notice) = &outcome.notice {
        head.extend(lines_of(notice, width, theme.problem));
    }
    // A blank line before the drafts, the first line to go when rows are short.
    head.push(Line::raw(""));
    let drafts = w.drafts(doc);
    let to_action = key(model, &Intent::DraftToAction);
    let plural = if drafts.len() == 1 { "" } else { "s" };
    let heading = format!(
        "{} draft system action{plural} ({to_action} turns the selected one into an action item):",
        drafts.len()
    );
    let (body, bottom) = place(inner, head.len() + drafts.len() + 1);
    // The drafts keep at least three rows (scrolled to the selected one); the head keeps the
    // rest, so the response and any guard rail stay whole where they can.
    let rows = usize::from(body.height);
    let draft_rows = (drafts.len() + 1).min(rows.saturating_sub(head.len()).max(3)).min(rows);
    let head_rows = rows.saturating_sub(draft_rows);
    let [top, list] =
        Layout::vertical([Constraint::Length(head_rows as u16), Constraint::Min(0)]).areas(body);
    frame.render_widget(Paragraph::new(head), top);
    let mut lines = vec![Line::styled(truncate(&heading, width), theme.dim)];
    let room = usize::from(list.height).saturating_sub(1).max(1);
    let skip = (w.draft + 1).saturating_sub(room);
    let linked: Vec<_> = doc.session.actions_for(&w.behaviour).collect();
    for (i, d) in drafts.iter().enumerate().skip(skip).take(room) {
        let done = linked.iter().find(|a| a.text == d.text).map(|a| format!(" ✓ {}", a.id));
        let done = done.unwrap_or_default();
        let marker = if i == w.draft { "▶ " } else { "  " };
        let room = width.saturating_sub(marker.width() + done.width());
        let text = format!("{marker}{}{done}", truncate(&d.text, room));
        let style = if i == w.draft { theme.selected } else { theme.base };
        let pad = width.saturating_sub(text.width());
        lines.push(Line::styled(format!("{text}{}", " ".repeat(pad)), style));
    }
    frame.render_widget(Paragraph::new(lines), list);
    let back = key(model, &Intent::AnswerBack);
    let close = key(model, &Intent::Cancel);
    let close_label = Intent::Cancel.short().unwrap_or_default();
    let status = if w.is_saved(doc) {
        Line::styled(
            truncate(&messages::classifier_saved(&w.behaviour, &back, &close, close_label), width),
            theme.good,
        )
    } else if outcome.family == Family::Reckless {
        Line::styled(truncate(&format!("⚠ {}", messages::RECKLESS_NOT_SAVED), width), theme.problem)
    } else {
        Line::styled(truncate(&format!("⚠ {}", messages::NOT_SAVED), width), theme.problem)
    };
    frame.render_widget(Paragraph::new(status), bottom);
}
