//! Drawing the conflict view: a banner, the conflicted items, and the selected one's two
//! versions side by side, a field that differs marked with ≠ (not by colour alone).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use toml::Value;

use crate::model::Conflict;
use crate::model::text::sanitize_line;
use crate::tui::app::{Doc, Model};
use crate::tui::screens::conflicts::words;
use crate::tui::theme::Theme;
use crate::tui::widgets::{footer, truncate};

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let Some(doc) = model.doc.as_ref() else { return };
    let theme = &model.theme;
    frame.render_widget(Clear, area);
    frame.render_widget(Block::new().style(theme.base), area);
    let conflicts = &doc.session.conflicts;
    let list_height = (conflicts.len() as u16 + 2).clamp(3, 8);
    let [header, banner, list, sides, notice_row, footer_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(list_height),
        Constraint::Min(4),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(format!(" waterline — {}", words::TITLE)).style(theme.header),
        header,
    );
    frame.render_widget(
        Paragraph::new(words::banner(conflicts.len()))
            .style(theme.problem)
            .wrap(Wrap { trim: true }),
        banner,
    );
    items(theme, doc, frame, list);
    if let Some(conflict) = conflicts.get(doc.conflicts.selected) {
        versions(theme, conflict, frame, sides);
    }
    if let Some(notice) = footer::notice(model) {
        frame.render_widget(Paragraph::new(notice), notice_row);
    }
    frame.render_widget(Paragraph::new(footer::line(model, area.width)), footer_row);
}

/// One line per conflict: the item (and the incident's field) and what happened to it.
fn items(theme: &Theme, doc: &Doc, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height).max(1);
    let selected = doc.conflicts.selected;
    let first = selected.saturating_sub(height - 1);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = (doc.session.conflicts.iter().enumerate().skip(first).take(height))
        .map(|(i, c)| {
            let here = i == selected;
            let what =
                if c.field.is_empty() { c.item.clone() } else { format!("{} {}", c.item, c.field) };
            let reason =
                if c.reason.is_empty() { "changed on both sides" } else { c.reason.as_str() };
            let cursor = if here { "▶" } else { " " };
            let text = format!("{cursor} {} — {}", sanitize_line(&what), sanitize_line(reason));
            let style = if here { theme.selected } else { theme.base };
            Line::styled(truncate(&text, width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn versions(theme: &Theme, conflict: &Conflict, frame: &mut Frame, area: Rect) {
    let [ours, theirs] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let ours_fields = fields(conflict.ours.as_ref(), &conflict.field);
    let theirs_fields = fields(conflict.theirs.as_ref(), &conflict.field);
    side(theme, words::OURS, &ours_fields, &theirs_fields, frame, ours);
    side(theme, words::THEIRS, &theirs_fields, &ours_fields, frame, theirs);
}

/// One version, field by field; a field the other version holds differently is marked.
fn side(
    theme: &Theme,
    title: &str,
    own: &Option<Vec<(String, String)>>,
    other: &Option<Vec<(String, String)>>,
    frame: &mut Frame,
    area: Rect,
) {
    let block = Block::bordered().title(title.to_string()).border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(own) = own else {
        frame.render_widget(Paragraph::new(words::DELETED).style(theme.dim), inner);
        return;
    };
    let same = |key: &str, value: &str| {
        other.as_ref().is_some_and(|o| o.iter().any(|(k, v)| k == key && v == value))
    };
    // What differs first, so it is in sight however long the item.
    let mut own: Vec<&(String, String)> = own.iter().collect();
    own.sort_by_key(|(k, v)| same(k, v));
    let lines: Vec<Line> = own
        .into_iter()
        .map(|(key, value)| {
            let same = same(key, value);
            let (mark, style) = if same { (" ", theme.dim) } else { (words::DIFFERS, theme.base) };
            Line::from(vec![
                Span::styled(format!("{mark} {key}: "), theme.title),
                Span::styled(value.clone(), style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// A version as `key: value` pairs in key order, cleaned for the terminal; `None` when that
/// side deleted the item.
fn fields(value: Option<&Value>, field: &str) -> Option<Vec<(String, String)>> {
    let value = value?;
    Some(match value {
        Value::Table(table) => {
            let mut pairs: Vec<(String, String)> =
                table.iter().map(|(k, v)| (sanitize_line(k), shown(v))).collect();
            pairs.sort();
            pairs
        }
        other => {
            vec![(sanitize_line(if field.is_empty() { "value" } else { field }), shown(other))]
        }
    })
}

fn shown(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        Value::Table(table) => {
            table.iter().map(|(k, v)| format!("{k} = {}", shown(v))).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    };
    sanitize_line(&text)
}
