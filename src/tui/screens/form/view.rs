//! Forms drawn over the current screen: labels, fields, and a line of feedback under each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::model::Timestamp;
use crate::tui::app::Model;
use crate::tui::screens::form::{Feedback, Field, Form, Input};
use crate::tui::screens::help::view::centered;
use crate::tui::widgets::{footer, truncate};
use unicode_width::UnicodeWidthStr;

pub fn render(model: &Model, form: &Form, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let label_width = form.fields.iter().map(|f| f.label.width()).max().unwrap_or(0) as u16 + 3;
    let popup_width = 80.min(area.width);
    let value_width = usize::from(popup_width.saturating_sub(label_width + 2)).max(1);
    let feedback_rows = |f: &Field| match &f.feedback {
        Some(Feedback::Preview(t)) => t.width().div_ceil(value_width).clamp(1, 2) as u16,
        Some(Feedback::Problem(t)) => (t.width() + 2).div_ceil(value_width).clamp(1, 3) as u16,
        Some(Feedback::Lines(lines)) => lines.len() as u16,
        None => 0,
    };
    // Long fields get three rows when the screen has room, one when it does not.
    let needed = |long: u16| -> u16 {
        form.fields
            .iter()
            .map(|f| if f.multiline { long } else { 1 } + feedback_rows(f))
            .sum::<u16>()
            + 3
    };
    let long_rows = if needed(3) <= area.height { 3 } else { 1 };
    let popup = centered(area, popup_width, needed(long_rows).min(area.height));
    frame.render_widget(Clear, popup);
    let block =
        Block::bordered().title(format!(" {} ", form.title)).border_style(theme.border_focus);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let bottom = inner.y + inner.height.saturating_sub(1);
    let mut y = inner.y;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let rows = if field.multiline { long_rows } else { 1 };
        if y + rows > bottom {
            break;
        }
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
        let fb_rows = feedback_rows(field);
        if let Some(feedback) = &field.feedback {
            let height = fb_rows.min(bottom.saturating_sub(y));
            let area = Rect { y, height, ..value_area };
            let (text, style) = match feedback {
                Feedback::Preview(t) => (t.clone(), theme.good),
                Feedback::Problem(t) => (format!("✗ {t}"), theme.problem),
                Feedback::Lines(lines) => {
                    // One row each, cut at the edge: the side pane has them in full.
                    let rows: Vec<Line> = lines
                        .iter()
                        .map(|l| {
                            let style = if l.problem { theme.problem } else { theme.dim };
                            Line::styled(truncate(&l.text, usize::from(area.width)), style)
                        })
                        .collect();
                    frame.render_widget(Paragraph::new(rows), area);
                    y += height;
                    continue;
                }
            };
            frame.render_widget(Paragraph::new(text).style(style).wrap(Wrap { trim: true }), area);
            y += height;
        }
    }
    frame.render_widget(Paragraph::new(footer::line(model, inner.width)), row(inner, bottom, 1));
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
        Input::Choice { options, index } => {
            let value = options.get(*index).map_or("", String::as_str);
            let line = if focused {
                Line::from(vec![
                    Span::styled("◀ ", theme.key),
                    Span::styled(value, theme.selected),
                    Span::styled(" ▶  ←/→ or a letter", theme.key),
                ])
            } else {
                Line::raw(value)
            };
            frame.render_widget(Paragraph::new(line), area);
        }
        Input::Multi { options, chosen, cursor } => {
            let picked: Vec<&str> = (options.iter().zip(chosen))
                .filter(|(_, c)| **c)
                .filter_map(|(o, _)| o.split_whitespace().next())
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
                        Span::styled(format!("{mark} {}", truncate(option, room)), theme.selected),
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
