//! The question before a report replaces a file that is not an earlier report of this
//! review.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::model::text::sanitize_line;
use crate::tui::app::Model;
use crate::tui::messages;
use crate::tui::screens::export::state::ReplaceQuestion;
use crate::tui::screens::help::view::centered;

pub fn render(model: &Model, question: &ReplaceQuestion, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let popup = centered(area, 72, 8);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(" Replace a file? ").border_style(theme.border_focus);
    let path = sanitize_line(&question.path.display().to_string());
    let text = vec![
        Line::styled(messages::replace_question(&path), theme.title),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" y ", theme.key),
            Span::raw("replace it   "),
            Span::styled(" n ", theme.key),
            Span::raw("leave it as it is"),
        ]),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), popup);
}
