//! Contributing factors as a list: each with its category, its evidence and the actions that
//! address it; a factor with something missing carries a glyph.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::analysis::coverage::{self, action_count};
use crate::model::zone;
use crate::model::{ActionStatus, Factor, Session};
use crate::tui::app::{Doc, Model};
use crate::tui::facilitation::prompts;
use crate::tui::intent::Intent;
use crate::tui::render::Drawn;
use crate::tui::steps::factors::state::selected;
use crate::tui::steps::whys::view::check_lines;
use crate::tui::widgets::{truncate, wrap};

/// Two lines per factor: what it is, then its evidence and what is done about it.
pub const ROWS_PER_FACTOR: usize = 2;

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let theme = &model.theme;
    let factors = &doc.session.factors;
    let open = doc.overview(&model.policy).coverage.len();
    let title = match open {
        0 => format!(" Contributing factors · {} ", factors.len()),
        n => format!(" Contributing factors · {} · ⚠ {n} to look at ", factors.len()),
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::styled(" ✓ covered  ⚠ something missing ", theme.dim))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if factors.is_empty() {
        let add = Some(model.key_hint(&Intent::AddFactor)).filter(|k| !k.is_empty());
        let lines = vec![
            Line::raw(""),
            Line::raw(format!("  No factors yet. Press {} to add one,", add.unwrap_or_default())),
            Line::raw("  or promote a system condition from the Whys step."),
            Line::raw("  Expect several: incidents have contributing factors, not one root cause."),
        ];
        frame.render_widget(Paragraph::new(lines).style(theme.dim), inner);
        return;
    }
    let visible = (usize::from(inner.height) / ROWS_PER_FACTOR).max(1);
    let sel = doc.factors.selected;
    let mut offset = doc.factors.offset.min(factors.len().saturating_sub(1));
    if sel < offset {
        offset = sel;
    } else if sel >= offset + visible {
        offset = sel + 1 - visible;
    }
    drawn.factors = Some(offset);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = (factors.iter().enumerate().skip(offset).take(visible))
        .flat_map(|(i, f)| factor_lines(model, &doc.session, f, i == sel, width))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn factor_lines(
    model: &Model,
    session: &Session,
    f: &Factor,
    selected: bool,
    width: usize,
) -> [Line<'static>; 2] {
    let theme = &model.theme;
    let covered = coverage::factor_checks(session, f).is_empty();
    let cursor = if selected { "▶" } else { " " };
    let mark = if covered { "✓" } else { "⚠" };
    let head = format!("{cursor}{mark} {:<4}{:<14}", f.id, f.category.as_str());
    let text = truncate(&f.text.replace('\n', " "), width.saturating_sub(head.width()));
    let pad = width.saturating_sub(head.width() + text.width());
    let first = if selected {
        Line::styled(format!("{head}{text}{}", " ".repeat(pad)), theme.selected)
    } else {
        Line::from(vec![
            Span::raw(cursor.to_string()),
            Span::styled(mark.to_string(), if covered { theme.good } else { theme.problem }),
            Span::styled(format!(" {:<4}", f.id), theme.key),
            Span::styled(format!("{:<14}", f.category.as_str()), theme.dim),
            Span::raw(text),
        ])
    };
    let evidence: Vec<&str> = f.whys.iter().chain(f.events.iter()).map(String::as_str).collect();
    let evidence =
        if evidence.is_empty() { "no evidence yet".to_string() } else { evidence.join(" ") };
    let n = action_count(session, &f.id);
    let acted = match (n, f.accepted_risk.is_empty()) {
        (0, false) => "risk accepted".to_string(),
        (0, true) => "no action yet".to_string(),
        (1, _) => "1 action".to_string(),
        (n, _) => format!("{n} actions"),
    };
    let detail = truncate(&format!("evidence {evidence} · {acted}"), width.saturating_sub(7));
    [first, Line::styled(format!("       {detail}"), theme.dim)]
}

/// The side pane: the selected factor in full, its category's question, its coverage.
pub fn side(model: &Model, doc: &Doc, width: usize) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let s = &doc.session;
    let offset = zone::review_offset(s);
    let mut lines = Vec::new();
    if let Some(f) = selected(doc) {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", f.id), theme.key),
            Span::styled(f.category.as_str().to_string(), theme.title),
        ]));
        lines.extend(wrap(&f.text, width).into_iter().map(Line::raw));
        for w in f.whys.iter().filter_map(|id| s.whys.iter().find(|w| &w.id == id)) {
            let text = truncate(&w.text.replace('\n', " "), width.saturating_sub(w.id.len() + 3));
            lines.push(Line::styled(format!("← {} {text}", w.id), theme.dim));
        }
        for e in f.events.iter().filter_map(|id| s.event(id)) {
            let at = zone::clock(&e.at, offset);
            let text = truncate(&e.text, width.saturating_sub(at.width() + e.id.len() + 4));
            lines.push(Line::styled(format!("← {at} {} {text}", e.id), theme.dim));
        }
        for a in s.actions.iter().filter(|a| a.factors.contains(&f.id)) {
            let status = status_word(a.status);
            let text = truncate(&a.text, width.saturating_sub(a.id.len() + status.len() + 5));
            lines.push(Line::raw(format!("⚑ {} {status} {text}", a.id)));
        }
        if !f.accepted_risk.is_empty() {
            lines.push(Line::styled(format!("risk accepted: {}", f.accepted_risk), theme.dim));
        }
        lines.push(Line::styled(prompts::for_category(f.category).to_string(), theme.dim));
        lines.push(Line::raw(""));
    }
    lines.extend(check_lines(model, &doc.overview(&model.policy).coverage, "Coverage"));
    lines
}

fn status_word(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Idea => "idea",
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in-progress",
        ActionStatus::Done => "done",
        ActionStatus::Verified => "verified",
        ActionStatus::WontDo => "wont-do",
    }
}
