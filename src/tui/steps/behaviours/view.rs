//! The Behaviours step: the acts with their outcomes, the summary, and the side pane's
//! details. The classifier itself is drawn by `classifier.rs`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::model::behaviour::{Classifier, outcome_disagrees_in};
use crate::model::behaviour_summary::{Warning, summarise};
use crate::model::just_culture::{DecisionTable, Family, builtin};
use crate::model::zone;
use crate::model::{Behaviour, Session};
use crate::tui::app::{Doc, Model};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::render::Drawn;
use crate::tui::steps::behaviours::state::BehavioursMode;
use crate::tui::widgets::truncate;

/// The glyph that says an outcome's family without colour.
pub fn glyph(family: Option<Family>) -> &'static str {
    match family {
        Some(Family::HumanError) => "●",
        Some(Family::AtRisk) => "▲",
        Some(Family::Reckless) => "■",
        Some(Family::OutOfScope) => "○",
        None => "·",
    }
}

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let table = match builtin() {
        Ok(table) => table,
        Err(errors) => {
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            let text = Paragraph::new(messages::table_unavailable(&first))
                .style(model.theme.problem)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(" Behaviours "));
            frame.render_widget(text, area);
            return;
        }
    };
    match &doc.behaviours.mode {
        BehavioursMode::List => list(model, doc, table, frame, area, drawn),
        BehavioursMode::Summary => summary(model, doc, table, frame, area),
        BehavioursMode::Wizard(w) => super::classifier::render(model, doc, w, frame, area),
    }
}

/// The outcome shown for an act: glyph and short label, or why there is none.
fn outcome_text(table: &DecisionTable, b: &Behaviour) -> (&'static str, String) {
    if outcome_disagrees_in(table, b).is_some() && !b.outcome.is_empty() {
        return ("⚠", "check answers".into());
    }
    match b.derived_outcome(table) {
        Some(o) => (glyph(Some(o.family)), o.short.clone()),
        None if b.answers.is_empty() => (glyph(None), "not classified".into()),
        None => ("◐", messages::half_classified(b.answers.len())),
    }
}

fn list(
    model: &Model,
    doc: &Doc,
    table: &DecisionTable,
    frame: &mut Frame,
    area: Rect,
    drawn: &mut Drawn,
) {
    let theme = &model.theme;
    let behaviours = &doc.session.behaviours;
    let block = Block::bordered()
        .title(format!(
            " Behaviours · {} · {} ",
            messages::count(behaviours.len(), "act", "acts"),
            messages::ACT_NOT_PERSON
        ))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if behaviours.is_empty() {
        let add = Some(model.key_hint(&Intent::AddBehaviour)).filter(|k| !k.is_empty());
        let add = format!("press {}", add.unwrap_or_default());
        let mut lines = vec![Line::raw("")];
        for text in messages::EMPTY_BEHAVIOURS {
            lines.push(Line::raw(text.replace("press a", &add)));
        }
        let text = Paragraph::new(lines).style(theme.dim).wrap(Wrap { trim: false });
        frame.render_widget(text, inner);
        return;
    }
    let height = usize::from(inner.height).max(1);
    let selected = doc.behaviours.selected.min(behaviours.len() - 1);
    let mut offset = doc.behaviours.offset.min(selected);
    if selected >= offset + height {
        offset = selected + 1 - height;
    }
    drawn.behaviours = Some(offset);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = (behaviours.iter().enumerate().skip(offset).take(height))
        .map(|(i, b)| {
            let (mark, label) = outcome_text(table, b);
            let cursor = if i == selected { "▶" } else { " " };
            let prefix = format!("{cursor}{:<4} {mark} {label:<22} ", b.id);
            let act = truncate(&b.act.replace('\n', " "), width.saturating_sub(prefix.width()));
            if i == selected {
                let pad = width.saturating_sub(prefix.width() + act.width());
                Line::styled(format!("{prefix}{act}{}", " ".repeat(pad)), theme.selected)
            } else {
                Line::from(vec![
                    Span::raw(format!("{cursor}{:<4} ", b.id)),
                    Span::styled(format!("{mark} {label:<22} "), theme.title),
                    Span::raw(act),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn summary(model: &Model, doc: &Doc, table: &DecisionTable, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let s = summarise(table, &doc.session);
    let mut lines =
        vec![Line::styled("Outcomes across this review: acts, not people", theme.title)];
    // Every outcome when the pane has room for it; else the families, with the outcomes
    // that add something to them.
    let needed = s.counts.len() + s.families.len() + 5 + s.warnings.len();
    let full = usize::from(area.height) >= needed;
    for (family, n) in &s.families {
        let style = if *n == 0 { theme.dim } else { theme.base };
        lines.push(Line::styled(
            format!("  {} {:<24} {n:>3}", glyph(Some(*family)), family.label()),
            style,
        ));
        let parts: Vec<_> =
            s.counts.iter().filter(|(o, k)| o.family == *family && (full || *k > 0)).collect();
        let plain = matches!(parts.as_slice(), [(o, _)] if o.id == family.as_str());
        for (o, k) in parts.iter().filter(|_| full || !plain) {
            lines.push(Line::styled(format!("      {:<22} {k:>3}", o.short), theme.dim));
        }
    }
    let unclassified =
        format!("  {} {:<24} {:>3}", glyph(None), "not classified yet", s.unclassified);
    lines
        .push(Line::styled(unclassified, if s.unclassified == 0 { theme.dim } else { theme.base }));
    lines.push(Line::raw(""));
    if s.warnings.is_empty() {
        lines.push(Line::styled(format!("✓ {}", messages::NO_SUMMARY_WARNINGS), theme.good));
    }
    for w in &s.warnings {
        let text = match w {
            Warning::PersonOnly { behaviour, outcome } => messages::person_only(behaviour, outcome),
            Warning::Disagrees { behaviour, disagreement } => {
                format!("{behaviour}: {disagreement}")
            }
            Warning::RecklessUnsupported { behaviour, missing } => {
                messages::reckless_unsupported(behaviour, missing)
            }
        };
        lines.push(Line::styled(format!("⚠ {text}"), theme.problem));
    }
    let block = Block::bordered().title(" Behaviours · summary ").border_style(theme.border_focus);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}

/// The side pane: the selected act in full, or the classifier's path so far. `height` is
/// the room there is, so a long path keeps its latest answers in view.
pub fn side(model: &Model, doc: &Doc, height: u16) -> Vec<Line<'static>> {
    let Ok(table) = builtin() else { return Vec::new() };
    match &doc.behaviours.mode {
        BehavioursMode::List => doc
            .selected_behaviour()
            .map_or_else(Vec::new, |b| act_details(model, &doc.session, table, b)),
        BehavioursMode::Summary => Vec::new(),
        BehavioursMode::Wizard(w) => {
            let mut lines = Vec::new();
            if w.classifier.outcome().is_some()
                && let Some(d) = w.drafts(doc).get(w.draft)
            {
                lines.push(Line::styled("Selected draft", model.theme.title));
                lines.push(Line::raw(d.text.clone()));
                lines.push(Line::styled(format!("from: {}", d.because), model.theme.dim));
            }
            lines.extend(path_lines(
                model,
                &w.classifier,
                usize::from(height).saturating_sub(lines.len()),
            ));
            lines
        }
    }
}

fn path_lines(model: &Model, c: &Classifier, room: usize) -> Vec<Line<'static>> {
    let path = c.path();
    let mut lines = vec![Line::styled("Path so far", model.theme.title)];
    if path.is_empty() {
        lines.push(Line::styled("(no answers yet)", model.theme.dim));
        return lines;
    }
    let shown = room.saturating_sub(2).max(1).min(path.len());
    if shown < path.len() {
        lines.push(Line::styled(format!("… {} earlier", path.len() - shown), model.theme.dim));
    }
    for (i, step) in path.iter().enumerate().skip(path.len() - shown) {
        let taken = if step.answer != step.taken {
            format!(" (as {})", step.taken.label())
        } else {
            String::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", i + 1), model.theme.key),
            Span::raw(format!("{}: {}{taken}", step.node.short, step.answer.label())),
        ]));
    }
    lines
}

fn act_details(
    model: &Model,
    session: &Session,
    table: &DecisionTable,
    b: &Behaviour,
) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let at = b.event.as_deref().and_then(|id| session.event(id));
    let offset = zone::review_offset(session);
    let at = at.map(|e| format!(" · at {} {}", e.id, zone::clock(&e.at, offset)));
    let at = at.unwrap_or_default();
    let mut lines = vec![Line::styled(format!("{}{at}", b.id), theme.key)];
    let (mark, label) = match b.derived_outcome(table) {
        Some(o) => (glyph(Some(o.family)), o.label.clone()),
        None => outcome_text(table, b),
    };
    lines.push(Line::styled(format!("{mark} {label}"), theme.title));
    if let Some(d) = outcome_disagrees_in(table, b).filter(|_| !b.outcome.is_empty()) {
        lines.push(Line::styled(format!("⚠ {d}"), theme.problem));
    }
    lines.extend(b.act.lines().map(|l| Line::raw(l.to_string())));
    let mut field = |name: &str, value: &str| {
        if !value.trim().is_empty() {
            lines.push(Line::styled(format!("{name}:"), theme.dim));
            lines.extend(value.lines().map(|l| Line::raw(l.to_string())));
        }
    };
    field("context", &b.context);
    let path = Classifier::resume(table, &b.answers).path();
    let answers: Vec<String> =
        path.iter().map(|s| format!("{} {}", s.node.short, s.answer.label())).collect();
    field("answers", &answers.join(" · "));
    let actions: Vec<String> =
        session.actions_for(&b.id).map(|a| format!("{} ({})", a.id, a.status.as_str())).collect();
    field("actions", &actions.join(", "));
    field("evidence", &b.evidence);
    field("second reviewer", &b.second_reviewer);
    field("note", &b.note);
    lines
}
