//! The Actions step: committed actions with a glyph per check (✓ ! ✗, readable without
//! colour), strength, status and due date; ideas apart; factor warnings and conditions seen
//! before; and the side pane's details. The meeting is drawn by `walkthrough.rs`.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::analysis::actions::{Context, Verdict, check, known_names};
use crate::analysis::strength::{Strength, strength};
use crate::model::ActionItem;
use crate::tui::app::{Doc, Model};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::render::Drawn;
use crate::tui::steps::actions::state::{ActionsMode, order};
use crate::tui::theme::Theme;
use crate::tui::widgets::truncate;

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    match doc.actions.mode {
        ActionsMode::List => list(model, doc, frame, area, drawn),
        ActionsMode::Recurrence { scroll } => seen_before(model, doc, scroll, frame, area),
        ActionsMode::Walk { index, finished } => {
            super::walkthrough::render(model, doc, index, finished, frame, area)
        }
    }
}

/// "2026-03-21", "2026-03-21 late" for an unfinished action past its date, or "no date".
pub fn due_label(action: &ActionItem, today: NaiveDate) -> String {
    match action.due {
        None => "no date".into(),
        Some(due) if action.status.is_open() && due < today => format!("{due} late"),
        Some(due) => due.to_string(),
    }
}

/// A check's glyph, styled; the shape alone carries the meaning.
pub fn glyph_span(theme: &Theme, result: Verdict) -> Span<'static> {
    let style = match result {
        Verdict::Pass => theme.good,
        Verdict::Warn => theme.key,
        Verdict::Fail => theme.problem,
    };
    Span::styled(result.glyph(), style)
}

fn strength_short(s: Strength) -> &'static str {
    if s == Strength::Unclear { "—" } else { s.as_str() }
}

fn list(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let theme = &model.theme;
    let actions = &doc.session.actions;
    let ideas = actions.iter().filter(|a| !a.status.is_committed()).count();
    let block = Block::bordered()
        .title(format!(
            " Actions · {} committed · {ideas} {} ",
            actions.len() - ideas,
            if ideas == 1 { "idea" } else { "ideas" }
        ))
        .title_bottom(format!(" {} ", legend(area.width)))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if actions.is_empty() {
        let add = Some(model.key_hint(&Intent::AddAction)).filter(|k| !k.is_empty());
        let add = format!("press {}", add.unwrap_or_default());
        let mut lines = vec![Line::raw("")];
        lines.extend(messages::EMPTY_ACTIONS.iter().map(|t| Line::raw(t.replace("press a", &add))));
        let text = Paragraph::new(lines).style(theme.dim).wrap(Wrap { trim: false });
        frame.render_widget(text, inner);
        return;
    }
    let width = usize::from(inner.width);
    let warnings = warning_lines(doc, theme, width);
    let shown_warnings = warnings.len().min(usize::from(inner.height) / 3);
    let height = usize::from(inner.height).saturating_sub(shown_warnings + 1).max(2);

    let columns = Column::fitting(width);
    let owner_room =
        width.saturating_sub(ID_WIDTH + columns.iter().map(|c| c.width()).sum::<usize>());
    let names = known_names(&doc.session);
    let ctx = Context::stored(&doc.session, &model.policy, &names);
    let today = model.today();
    let order = order(actions);
    let selected = doc.actions.selected.min(order.len() - 1);
    // The rows' shape first, cheaply: a heading, or one of an action's two lines (by its
    // position in `order`). Only the rows in the window are drawn, and only their actions
    // checked, so a list of a thousand actions costs what a screenful does.
    let mut shape: Vec<Option<(usize, bool)>> = Vec::with_capacity(order.len() * 2 + 1);
    for (pos, &i) in order.iter().enumerate() {
        if !actions[i].status.is_committed()
            && (pos == 0 || actions[order[pos - 1]].status.is_committed())
        {
            shape.push(None);
        }
        shape.push(Some((pos, true)));
        shape.push(Some((pos, false)));
    }
    let first_row = shape.iter().position(|r| *r == Some((selected, true))).unwrap_or(0);
    let mut offset = doc.actions.offset.min(first_row);
    if first_row + 2 > offset + height {
        offset = first_row + 2 - height;
    }
    let pad = |s: String| {
        let n = width.saturating_sub(s.width());
        format!("{s}{}", " ".repeat(n))
    };
    let mut rows: Vec<Line> = Vec::with_capacity(height);
    for row in shape.iter().skip(offset).take(height) {
        let Some((pos, first)) = *row else {
            rows.push(Line::styled(messages::IDEAS_HEADING, theme.title));
            continue;
        };
        let a = &actions[order[pos]];
        let chosen = pos == selected;
        if !first {
            let text = truncate(&a.text.replace('\n', " "), width.saturating_sub(6));
            let second = format!("      {text}");
            rows.push(if chosen {
                Line::styled(pad(second), theme.selected)
            } else {
                Line::raw(second)
            });
            continue;
        }
        let cursor = if chosen { "▶" } else { " " };
        let mut spans = vec![Span::raw(format!("{cursor}{:<4} ", a.id))];
        for column in &columns {
            match column {
                Column::Checks => {
                    for (_, c) in check(a, &ctx).all() {
                        spans.push(glyph_span(theme, c.result));
                        spans.push(Span::raw(" "));
                    }
                    spans.push(Span::raw(" "));
                }
                Column::Strength => {
                    spans.push(Span::raw(format!("{:<10}", strength_short(strength(&a.text)))))
                }
                Column::Status => {
                    spans.push(Span::raw(format!("{} {:<13}", a.status.glyph(), a.status.label())))
                }
                Column::Due => spans.push(Span::raw(format!("{:<16}", due_label(a, today)))),
                Column::Owner => {
                    let owner = [a.team.trim(), a.owner.trim()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" · ");
                    spans.push(Span::raw(truncate(&owner, owner_room)));
                }
            }
        }
        rows.push(if chosen {
            let first: String = spans.iter().map(|s| s.content.as_ref()).collect();
            Line::styled(pad(first), theme.selected)
        } else {
            Line::from(spans)
        });
    }
    drawn.actions = Some(offset);
    let header: String = columns.iter().map(|c| c.header()).collect();
    let header = Line::styled(format!("{:ID_WIDTH$}{header}", ""), theme.dim);
    let mut lines = vec![header];
    lines.extend(rows);
    while lines.len() < height + 1 {
        lines.push(Line::raw(""));
    }
    lines.extend(warnings.into_iter().take(shown_warnings));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The cursor and the id, before the columns.
const ID_WIDTH: usize = 6;

/// The list's columns. A narrow pane (presentation mode at 80×24) drops whole columns, least
/// important first, rather than cutting words: the checks and the status stay longest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Checks,
    Strength,
    Status,
    Due,
    Owner,
}

impl Column {
    /// Most important first.
    const BY_IMPORTANCE: [Column; 5] =
        [Column::Checks, Column::Status, Column::Due, Column::Strength, Column::Owner];
    /// The least room the owner column is worth showing in.
    const OWNER_MIN: usize = 10;

    /// The columns that fit in `width`, in the order they are drawn.
    fn fitting(width: usize) -> Vec<Column> {
        let mut room = width.saturating_sub(ID_WIDTH);
        let mut shown = Vec::new();
        for column in Self::BY_IMPORTANCE {
            let need = if column == Column::Owner { Self::OWNER_MIN } else { column.width() };
            if need > room {
                break;
            }
            room -= column.width();
            shown.push(column);
        }
        let drawn = [Column::Checks, Column::Strength, Column::Status, Column::Due, Column::Owner];
        drawn.into_iter().filter(|c| shown.contains(c)).collect()
    }

    /// Fixed width, spacing included; the owner takes what is left.
    fn width(self) -> usize {
        match self {
            Column::Checks => 11,
            Column::Strength => 10,
            Column::Status => 15,
            Column::Due => 16,
            Column::Owner => 0,
        }
    }

    fn header(self) -> String {
        let name = match self {
            Column::Checks => "S M A R S",
            Column::Strength => "strength",
            Column::Status => "status",
            Column::Due => "due",
            Column::Owner => "team · owner",
        };
        format!("{name:<w$}", w = self.width())
    }
}

/// The checks' legend under the list: with the five names when they fit.
fn legend(width: u16) -> &'static str {
    let full = messages::CHECKS_LEGEND;
    if full.width() + 4 <= usize::from(width) { full } else { messages::CHECKS_LEGEND_SHORT }
}

/// Factors only the bottom rungs address, factors nothing committed addresses, and
/// conditions seen in earlier reviews: one line each.
fn warning_lines(doc: &Doc, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (_, text) in doc.factor_warnings().iter() {
        lines.push(Line::styled(truncate(&format!("⚠ {text}"), width), theme.problem));
    }
    let seen = doc.recurrences();
    if let Some(first) = seen.first() {
        let more =
            if seen.len() > 1 { format!(" (+{} more)", seen.len() - 1) } else { String::new() };
        let text = format!("⟲ {}: {}{more} — r", first.factor, first.message());
        lines.push(Line::styled(truncate(&text, width), theme.title));
    }
    lines
}

fn seen_before(model: &Model, doc: &Doc, scroll: u16, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let seen = doc.recurrences();
    let mut lines = Vec::new();
    if doc.library.is_none() {
        lines.push(Line::styled(messages::LIBRARY_LOADING, theme.dim));
    } else if seen.is_empty() {
        lines.push(Line::styled(messages::NO_RECURRENCE, theme.dim));
    }
    for r in seen.iter() {
        let now = doc.session.factors.iter().find(|f| f.id == r.factor);
        let factor = format!("⟲ {} {}", r.factor, now.map_or("", |f| f.text.as_str()));
        lines.push(Line::styled(factor, theme.title));
        lines.push(Line::raw(format!("  {}", r.message())));
        let then = format!("  then: {} {}", r.earlier_factor, r.earlier_text);
        lines.push(Line::styled(then, theme.dim));
        lines.push(Line::styled(format!("  shared words: {}", r.shared.join(", ")), theme.dim));
        lines.push(Line::raw(""));
    }
    let block = Block::bordered()
        .title(format!(" Seen before · {} · ↑↓ scroll ", seen.len()))
        .border_style(theme.border_focus);
    let text = Paragraph::new(lines).wrap(Wrap { trim: false }).block(block).scroll((scroll, 0));
    frame.render_widget(text, area);
}

/// The side pane: the selected action's checks with their reasons and suggestions, its
/// strength, fields, notes, and the conditions its factors share with earlier reviews.
pub fn side(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    if let ActionsMode::Walk { .. } = doc.actions.mode {
        return super::walkthrough::progress(model, doc);
    }
    let Some(a) = doc.selected_action() else { return Vec::new() };
    let names = known_names(&doc.session);
    let checks = check(a, &Context::stored(&doc.session, &model.policy, &names));
    let mut lines = vec![Line::styled(
        format!(
            "{}  {} {}{}",
            a.id,
            a.status.glyph(),
            a.status.label(),
            a.kind.map(|k| format!(" · {}", k.as_str())).unwrap_or_default()
        ),
        theme.key,
    )];
    // A decision or evidence says most about a closed action: it comes first.
    if !a.decision.trim().is_empty() {
        let text = format!("decision: {} (a risk accepted on purpose)", a.decision.trim());
        lines.push(Line::styled(text, theme.title));
    }
    if !a.verification.trim().is_empty() {
        lines.push(Line::styled(format!("evidence: {}", a.verification.trim()), theme.title));
    }
    if let Some(day) = a.verified_on {
        lines
            .push(Line::styled(format!("verified on {}", day.format("%a %-d %b %Y")), theme.title));
    }
    // What needs work first, so a short pane still shows it.
    let mut all = checks.all().to_vec();
    all.sort_by_key(|(_, c)| std::cmp::Reverse(c.result));
    for (criterion, c) in all {
        lines.push(Line::from(vec![
            glyph_span(theme, c.result),
            Span::raw(format!(" {}: {}", criterion.label(), c.reason)),
        ]));
        if !c.suggestion.is_empty() {
            lines.push(Line::styled(format!("  → {}", c.suggestion), theme.dim));
        }
    }
    let s = strength(&a.text);
    let style = if s.is_weak() { theme.problem } else { theme.base };
    lines.push(Line::styled(format!("strength: {} ({}/6)", s.label(), s.rung()), style));
    let mut field = |name: &str, value: &str, style: Style| {
        if !value.trim().is_empty() {
            lines.push(Line::styled(format!("{name}: {}", value.trim()), style));
        }
    };
    field("team", &a.team, theme.base);
    field("owner", &a.owner, theme.base);
    field("due", &due_label(a, model.today()), theme.base);
    field("ticket", &a.ticket, theme.base);
    for id in &a.factors {
        let text = doc.session.factors.iter().find(|f| f.id == *id).map_or("", |f| f.text.as_str());
        field("factor", &format!("{id} {text}"), theme.dim);
    }
    for r in doc.recurrences().iter().filter(|r| a.factors.contains(&r.factor)) {
        lines.push(Line::styled(format!("⟲ {}", r.message()), theme.title));
    }
    lines.push(Line::raw(""));
    lines
}
