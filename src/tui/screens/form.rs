//! Forms drawn over the current screen: labels, fields, and a line of feedback under each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::help::centered;
use crate::tui::app::Model;
use crate::tui::form::{Feedback, Form, Input};
use crate::tui::widgets::footer;

pub fn render(model: &Model, form: &Form, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let field_rows = |multiline: bool| if multiline { 3 } else { 1 };
    let needed: u16 = form
        .fields
        .iter()
        .map(|f| 1 + field_rows(f.multiline) + u16::from(f.feedback.is_some()))
        .sum::<u16>()
        + 3;
    let popup = centered(area, 76, needed.min(area.height));
    frame.render_widget(Clear, popup);
    let block =
        Block::bordered().title(format!(" {} ", form.title)).border_style(theme.border_focus);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let mut y = inner.y;
    let bottom = inner.y + inner.height.saturating_sub(1);
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let rows = field_rows(field.multiline);
        if y + 1 + rows > bottom {
            break;
        }
        let marker = if focused { "▶ " } else { "  " };
        let label_style = if focused { theme.title } else { theme.dim };
        frame.render_widget(
            Paragraph::new(format!("{marker}{}", field.label)).style(label_style),
            row(inner, y, 1),
        );
        y += 1;
        let value_area =
            Rect { x: inner.x + 2, width: inner.width.saturating_sub(2), ..row(inner, y, rows) };
        match &field.input {
            Input::Text(text) => {
                let widget = text.widget(focused, theme.base, theme.cursor);
                frame.render_widget(&widget, value_area);
            }
            Input::Choice { options, index } => {
                let value = options.get(*index).copied().unwrap_or("");
                let line = if focused {
                    Line::from(vec![
                        Span::styled("◀ ", theme.key),
                        Span::styled(value, theme.selected),
                        Span::styled(" ▶  (←/→ or a letter)", theme.key),
                    ])
                } else {
                    Line::raw(value)
                };
                frame.render_widget(Paragraph::new(line), value_area);
            }
        }
        y += rows;
        if let Some(feedback) = &field.feedback {
            let (text, style) = match feedback {
                Feedback::Preview(t) => (t.clone(), theme.good),
                Feedback::Problem(t) => (format!("✗ {t}"), theme.problem),
            };
            frame.render_widget(
                Paragraph::new(text).style(style).wrap(Wrap { trim: true }),
                row(inner, y, 1),
            );
            y += 1;
        }
    }
    frame.render_widget(Paragraph::new(footer::line(model, inner.width)), row(inner, bottom, 1));
}

pub fn render_paste_offer(model: &Model, lines: &[String], frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let shown = lines.len().min(usize::from(area.height.saturating_sub(8)));
    let popup = centered(area, 76, u16::try_from(shown).unwrap_or(0) + 6);
    frame.render_widget(Clear, popup);
    let mut text = vec![Line::styled(
        format!("{} lines pasted. Add one event per line?", lines.len()),
        theme.title,
    )];
    text.push(Line::styled(
        "A time at the start of a line is used; lines without one follow the line before.",
        theme.dim,
    ));
    text.extend(lines.iter().take(shown).map(|l| Line::raw(format!("  • {l}"))));
    if shown < lines.len() {
        text.push(Line::styled(format!("  … and {} more", lines.len() - shown), theme.dim));
    }
    text.push(Line::from(vec![
        Span::styled(" Enter ", theme.key),
        Span::raw(format!("add {} events  ", lines.len())),
        Span::styled(" Esc ", theme.key),
        Span::raw("paste as one line instead"),
    ]));
    let block = Block::bordered().title(" Paste ").border_style(theme.border_focus);
    frame.render_widget(Paragraph::new(text).block(block), popup);
}

fn row(inner: Rect, y: u16, height: u16) -> Rect {
    Rect { x: inner.x, y, width: inner.width, height }
}
