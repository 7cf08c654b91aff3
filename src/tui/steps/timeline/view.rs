//! The timeline: events in time order, each time in the review's offset (`±` marks one
//! recorded in another), the gap since the one before, a line where the day changes, and
//! milestone marks; the selected event in full in the side pane.

use chrono::{FixedOffset, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::model::timeline::format_duration;
use crate::model::zone::{clock, offset_label, recorded_elsewhere, shown_in};
use crate::model::{Event, Milestone};
use crate::tui::app::{Doc, Model};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::render::Drawn;
use crate::tui::steps::timeline::state::TimelineRows;
use crate::tui::widgets::truncate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Day(NaiveDate),
    Event(usize),
}

/// The list's rows; days change where they change in the review's offset.
pub fn rows(events: &[Event], offset: Option<FixedOffset>) -> Vec<Row> {
    let mut rows = Vec::with_capacity(events.len() + 4);
    let mut day = None;
    for (i, e) in events.iter().enumerate() {
        let d = shown_in(&e.at, offset).date_naive();
        if day != Some(d) {
            rows.push(Row::Day(d));
            day = Some(d);
        }
        rows.push(Row::Event(i));
    }
    rows
}

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let theme = &model.theme;
    let events = &doc.session.events;
    let laid_out = doc.timeline_rows();
    let review = laid_out.offset;
    let zone = review.map(|o| format!("· {} ", messages::times_in(&offset_label(o))));
    let block = Block::bordered()
        .title(format!(
            " Timeline · {} {}",
            messages::count(events.len(), "event", "events"),
            zone.unwrap_or_default()
        ))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if events.is_empty() {
        let add = model.key_hint(&Intent::AddEvent);
        let lines = vec![
            Line::raw(""),
            Line::raw(format!("  No events yet. Press {add} to add the first one —")),
            Line::raw("  the time defaults to now; type 14:32 or +5m for another."),
            Line::raw("  Pasting several lines adds one event per line."),
        ];
        frame.render_widget(Paragraph::new(lines).style(theme.dim), inner);
        return;
    }
    let rows = &laid_out.rows;
    let height = usize::from(inner.height).max(1);
    let selected_row = laid_out.row_of(doc.timeline.selected);
    // Keep the selection in view, moving the window as little as possible; show the
    // day line above the first event of a day when there is room.
    let mut offset = doc.timeline.offset.min(rows.len().saturating_sub(1));
    let want_top = if selected_row > 0 && matches!(rows[selected_row - 1], Row::Day(_)) {
        selected_row - 1
    } else {
        selected_row
    };
    if want_top < offset {
        offset = want_top;
    } else if selected_row >= offset + height {
        offset = selected_row + 1 - height;
    }
    drawn.timeline = Some(offset);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|row| match row {
            Row::Day(d) => {
                let label = format!("── {} ", d.format("%A %-d %B %Y"));
                let fill = width.saturating_sub(label.width());
                Line::styled(format!("{label}{}", "─".repeat(fill)), theme.day)
            }
            Row::Event(i) => event_line(model, doc, *i, width, &laid_out),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn event_line(
    model: &Model,
    doc: &Doc,
    i: usize,
    width: usize,
    laid_out: &TimelineRows,
) -> Line<'static> {
    let theme = &model.theme;
    let events = &doc.session.events;
    let e = &events[i];
    let selected = i == doc.timeline.selected;
    let gap = match i.checked_sub(1).map(|p| e.at.signed_duration_since(events[p].at)) {
        Some(d) => format!("+{}", format_duration(d)),
        None => String::new(),
    };
    let mark = milestone_tag(laid_out, i);
    let cursor = if selected { "▶" } else { " " };
    // The time as the review reads it; `±` says the event was recorded in another offset.
    let time = format!("{:<6}", clock(&e.at, laid_out.offset));
    let prefix = format!("{cursor}{time}{gap:>8} {mark:<4} {:<13} ", e.kind.as_str());
    // Flagged wording is marked by a glyph, not colour alone; the side pane says more.
    // Until a big review's checks are back, events show without their flags.
    let flag = if laid_out.flagged(i) { "⚑ " } else { "" };
    let room = width.saturating_sub(prefix.width() + flag.width());
    let text = truncate(&e.text.replace('\n', " "), room);
    if selected {
        let text = format!("{flag}{text}");
        let pad = width.saturating_sub(prefix.width() + text.width());
        return Line::styled(format!("{prefix}{text}{}", " ".repeat(pad)), theme.selected);
    }
    Line::from(vec![
        Span::raw(format!("{cursor}{time}")),
        Span::styled(format!("{gap:>8} "), theme.dim),
        Span::styled(format!("{mark:<4} "), theme.milestone),
        Span::styled(format!("{:<13} ", e.kind.as_str()), theme.dim),
        Span::styled(flag, theme.problem),
        Span::raw(text),
    ])
}

/// `◆DET` when this event carries a milestone; start wins when several coincide. Only one
/// event carries each, even when several share its time.
fn milestone_tag(laid_out: &TimelineRows, i: usize) -> &'static str {
    laid_out.milestones_of(i).next().map_or("", |m| match m {
        Milestone::Start => "◆ST",
        Milestone::Detected => "◆DET",
        Milestone::Mitigated => "◆MIT",
        Milestone::Resolved => "◆RES",
    })
}

/// The selected event in full, for the side pane.
pub fn side(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let Some(e) = doc.selected_event() else { return Vec::new() };
    // The timeline's layout knows the review's offset: no walk over every event per frame.
    let laid_out = doc.timeline_rows();
    let offset = laid_out.offset;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", e.id), theme.key),
        Span::raw(shown_in(&e.at, offset).format("%a %-d %b %H:%M:%S %:z").to_string()),
    ])];
    if recorded_elsewhere(&e.at, offset) {
        let stored = e.at.format("%-d %b %H:%M:%S %:z").to_string();
        lines.push(Line::styled(format!("± {}", messages::recorded_as(&stored)), theme.dim));
    }
    lines.push(Line::styled(e.kind.as_str().to_string(), theme.title));
    let marks: Vec<&str> =
        laid_out.milestones_of(doc.timeline.selected).map(|m| m.label()).collect();
    if !marks.is_empty() {
        lines.push(Line::styled(format!("◆ incident {}", marks.join(", ")), theme.milestone));
    }
    lines.extend(e.text.lines().map(|l| Line::raw(l.to_string())));
    if !e.source.is_empty() {
        lines.push(Line::styled(format!("source: {}", e.source), theme.dim));
    }
    if !e.known_then.is_empty() {
        lines.push(Line::styled("known at the time:", theme.dim));
        lines.extend(e.known_then.lines().map(|l| Line::raw(l.to_string())));
    }
    lines
}
