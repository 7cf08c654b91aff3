//! A list to choose from, drawn over the step: a new parent, or the evidence of a factor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::Model;
use crate::tui::screens::help::view::centered;
use crate::tui::screens::picker::Picker;
use crate::tui::widgets::truncate;

pub fn render(model: &Model, list: &Picker, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let popup = centered(area, 90, area.height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    let hint = if list.multi {
        " Space tick · Enter save · Esc cancel "
    } else {
        " Enter choose · Esc cancel "
    };
    let block = Block::bordered()
        .title(format!(" {} ", list.title))
        .title_bottom(Line::styled(hint, theme.key))
        .border_style(theme.border_focus);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let height = usize::from(inner.height).max(1);
    let mut offset = list.offset.get();
    if list.cursor < offset {
        offset = list.cursor;
    } else if list.cursor >= offset + height {
        offset = list.cursor + 1 - height;
    }
    list.offset.set(offset);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = (list.items.iter().enumerate().skip(offset).take(height))
        .map(|(i, item)| {
            let here = i == list.cursor;
            let cursor = if here { "▶" } else { " " };
            let tick = match (list.multi, item.checked) {
                (false, _) => "",
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
            };
            let indent = "  ".repeat(item.depth.min(12));
            let head = format!("{cursor}{tick}{indent}");
            let label = truncate(&item.label, width.saturating_sub(head.width()));
            if here {
                let pad = width.saturating_sub(head.width() + label.width());
                Line::styled(format!("{head}{label}{}", " ".repeat(pad)), theme.selected)
            } else {
                Line::from(vec![Span::styled(head, theme.key), Span::raw(label)])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
