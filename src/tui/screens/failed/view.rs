//! A review that could not be opened: what is wrong, where, and that the file is untouched.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::tui::app::Model;

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let message = model.home.failure.clone().unwrap_or_default();
    let lines = vec![
        Line::styled("⚠ This review could not be opened", theme.problem),
        Line::raw(""),
        Line::raw(message),
        Line::raw(""),
        Line::raw("The file has not been changed. Fix the line named above in a text editor"),
        Line::raw("(or restore it from git), then open it again."),
        Line::raw(""),
        Line::styled("Press any key to go back.", theme.key),
    ];
    let block = Block::bordered().title(" waterline ").border_style(theme.border);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}
