//! Forms drawn over the current screen: labels, fields, and a line of feedback under each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::model::Timestamp;
use crate::tui::app::Model;
use crate::tui::messages;
use crate::tui::screens::form::choice;
use crate::tui::screens::form::{Feedback, Field, Form, Input};
use crate::tui::screens::help::view::centered;
use crate::tui::widgets::{footer, truncate, wrap};
use unicode_width::UnicodeWidthStr;

pub fn render(model: &Model, form: &Form, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let label_width = form.fields.iter().map(|f| f.label.width()).max().unwrap_or(0) as u16 + 3;
    let popup_width = 80.min(area.width);
    let value_width = usize::from(popup_width.saturating_sub(label_width + 2)).max(1);
    // Advice is wrapped in full, never cut: it is read while the field is typed.
    let feedback: Vec<Vec<Line>> =
        form.fields.iter().map(|f| feedback_lines(model, f, value_width)).collect();
    let rows = |long: u16| -> Vec<u16> {
        (form.fields.iter().enumerate())
            .map(|(i, f)| {
                let value = value_rows(f, i == form.focus, long, value_width);
                value + feedback.get(i).map_or(0, |l| l.len() as u16)
            })
            .collect()
    };
    // Long fields get three rows when the screen has room, one when it does not.
    let room = area.height.saturating_sub(3);
    let long_rows = if rows(3).iter().sum::<u16>() <= room { 3 } else { 1 };
    let heights = rows(long_rows);
    let needed = heights.iter().sum::<u16>() + 3;
    let popup = centered(area, popup_width, needed.min(area.height));
    frame.render_widget(Clear, popup);
    let block =
        Block::bordered().title(format!(" {} ", form.title)).border_style(theme.border_focus);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let bottom = inner.y + inner.height.saturating_sub(1);
    // When everything does not fit, the form scrolls so the focused field and its advice show.
    let first = first_shown(&heights, form.focus, bottom.saturating_sub(inner.y));
    let mut y = inner.y;
    for (i, field) in form.fields.iter().enumerate().skip(first) {
        let focused = i == form.focus;
        let rows = value_rows(field, focused, long_rows, value_width);
        if y >= bottom || (y + rows > bottom && !focused) {
            break;
        }
        let rows = rows.min(bottom - y);
        let marker = if focused { "▶ " } else { "  " };
        let label_style = if focused { theme.title } else { theme.dim };
        frame.render_widget(
            Paragraph::new(format!("{marker}{}", field.label)).style(label_style),
            Rect { x: inner.x, y, width: label_width.min(inner.width), height: 1 },
        );
        let value_area = Rect {
            x: inner.x + label_width,
            y,
            width: inner.width.saturating_sub(label_width),
            height: rows,
        };
        if let Some(shown) = crate::tui::screens::present::state::masked(model, form, field) {
            let style = if focused { theme.title } else { theme.base };
            let text = Paragraph::new(shown).style(style).wrap(Wrap { trim: true });
            frame.render_widget(text, value_area);
        } else {
            render_value(model, field, focused, frame, value_area);
        }
        y += rows;
        let lines = feedback.get(i).cloned().unwrap_or_default();
        let height = (lines.len() as u16).min(bottom.saturating_sub(y));
        if height > 0 {
            frame.render_widget(Paragraph::new(lines), Rect { y, height, ..value_area });
            y += height;
        }
    }
    frame.render_widget(Paragraph::new(footer::line(model, inner.width)), row(inner, bottom, 1));
}

/// The first field drawn: the top, unless the focused field would then fall below `room`
/// rows; then as few fields above it as needed are left out.
fn first_shown(heights: &[u16], focus: usize, room: u16) -> usize {
    let mut first = 0;
    let rows_from = |first: usize| heights.get(first..=focus).map_or(0, |h| h.iter().sum::<u16>());
    while first < focus && rows_from(first) > room {
        first += 1;
    }
    first
}

/// Rows the field's value takes: a long field's rows, the whole list of a focused choice.
fn value_rows(field: &Field, focused: bool, long: u16, width: usize) -> u16 {
    match &field.input {
        Input::Text(_) if field.multiline => long,
        Input::Choice { options, index, inline: true } if focused => {
            choice::layout(options, width).len() as u16
        }
        _ => 1,
    }
}

/// The feedback under a field, wrapped to `width`: a line that fits is kept as written
/// (its spacing is part of its layout); a longer one wraps, every row keeping the line's
/// indent and its continuation rows two more, so the whole advice reads while typing.
fn feedback_lines(model: &Model, field: &Field, width: usize) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let wrapped = |text: &str, style: Style| -> Vec<Line<'static>> {
        if text.width() <= width {
            return vec![Line::styled(text.to_string(), style)];
        }
        let indent = text.chars().take_while(|c| *c == ' ').count();
        let room = width.saturating_sub(indent + 2).max(1);
        let mut rows = wrap(text.trim_start(), width.saturating_sub(indent).max(1));
        // Rows after the first have two columns less: wrap what follows the first again.
        let rest = rows.split_off(1.min(rows.len())).join(" ");
        let mut out: Vec<Line<'static>> = rows
            .into_iter()
            .map(|r| Line::styled(format!("{}{r}", " ".repeat(indent)), style))
            .collect();
        if !rest.is_empty() {
            let pad = " ".repeat(indent + 2);
            out.extend(
                wrap(&rest, room).into_iter().map(|r| Line::styled(format!("{pad}{r}"), style)),
            );
        }
        out
    };
    match &field.feedback {
        None => Vec::new(),
        Some(Feedback::Preview(t)) => wrapped(t, theme.good),
        Some(Feedback::Problem(t)) => wrapped(&format!("✗ {t}"), theme.problem),
        Some(Feedback::Lines(lines)) => lines
            .iter()
            .flat_map(|l| wrapped(&l.text, if l.problem { theme.problem } else { theme.dim }))
            .collect(),
    }
}

fn render_value(model: &Model, field: &Field, focused: bool, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    match &field.input {
        // The editor only for the focused field; the others read as plain wrapped text.
        Input::Text(text) if focused => {
            let widget = text.widget(true, theme.base, theme.cursor);
            frame.render_widget(&widget, area);
        }
        Input::Text(text) if text.is_empty() => {
            frame.render_widget(
                Paragraph::new(text.placeholder().to_string()).style(theme.dim),
                area,
            );
        }
        Input::Text(text) => {
            frame.render_widget(Paragraph::new(text.text()).wrap(Wrap { trim: false }), area);
        }
        Input::Choice { options, index, inline: true } if focused => {
            let lines = choice::lines(options, *index, usize::from(area.width), theme);
            frame.render_widget(Paragraph::new(lines), area);
        }
        Input::Choice { options, index, .. } => {
            let value = options.get(*index).map_or("", |o| o.label.as_str());
            let line = if focused {
                Line::from(vec![
                    Span::styled("◀ ", theme.key),
                    Span::styled(value, theme.selected),
                    Span::styled(format!(" ▶  {}", messages::LIST_CHOICE_HINT), theme.key),
                ])
            } else {
                Line::raw(value)
            };
            frame.render_widget(Paragraph::new(line), area);
        }
        Input::Multi { options, chosen, cursor } => {
            let picked: Vec<&str> = (options.iter().zip(chosen))
                .filter(|(_, c)| **c)
                .map(|(o, _)| o.id.as_str())
                .collect();
            let picked =
                if picked.is_empty() { "none chosen".to_string() } else { picked.join(", ") };
            let line = match options.get(*cursor) {
                None => Line::styled("(nothing to choose from yet)", theme.dim),
                Some(option) if focused => {
                    let mark = if chosen.get(*cursor) == Some(&true) { "[x]" } else { "[ ]" };
                    let tail = format!(" ▶ {picked} · Space picks");
                    let room = usize::from(area.width).saturating_sub(tail.width() + 6);
                    Line::from(vec![
                        Span::styled("◀ ", theme.key),
                        Span::styled(
                            format!("{mark} {}", truncate(&option.label, room)),
                            theme.selected,
                        ),
                        Span::styled(tail, theme.key),
                    ])
                }
                Some(_) => Line::raw(picked),
            };
            frame.render_widget(Paragraph::new(line), area);
        }
    }
}

pub fn render_paste_offer(
    model: &Model,
    events: &[(Timestamp, String)],
    frame: &mut Frame,
    area: Rect,
) {
    let theme = &model.theme;
    let n = events.len();
    let shown = n.min(usize::from(area.height.saturating_sub(10)));
    let popup = centered(area, 80, u16::try_from(shown).unwrap_or(0) + 8);
    frame.render_widget(Clear, popup);
    let mut text = vec![
        Line::styled(format!("{n} lines pasted. Add one event per line?"), theme.title),
        Line::styled("A time at the start of a line is used; a line without one", theme.dim),
        Line::styled("follows the line before.", theme.dim),
    ];
    let mut day = None;
    for (at, line) in events.iter().take(shown) {
        // The date only when it changes, so a midnight rollover is visible.
        let date = at.date_naive();
        let stamp = if day == Some(date) {
            at.format("       %H:%M:%S").to_string()
        } else {
            at.format("%d %b %H:%M:%S").to_string()
        };
        day = Some(date);
        text.push(Line::from(vec![
            Span::styled(format!("  {stamp}  "), theme.key),
            Span::raw(line.clone()),
        ]));
    }
    if shown < n {
        text.push(Line::styled(format!("  … and {} more", n - shown), theme.dim));
    }
    text.push(Line::raw(""));
    text.push(Line::from(vec![
        Span::styled(" Enter ", theme.key),
        Span::raw(format!("add {n} events   ")),
        Span::styled(" Esc ", theme.key),
        Span::raw("paste as one line instead"),
    ]));
    let block = Block::bordered().title(" Paste ").border_style(theme.border_focus);
    frame.render_widget(Paragraph::new(text).block(block), popup);
}

fn row(inner: Rect, y: u16, height: u16) -> Rect {
    Rect { x: inner.x, y, width: inner.width, height }
}
