//! The questions about the review's file, drawn over the console; the keys shown are the
//! ones the keymap gives them here. Reads only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::app::Model;
use crate::tui::intent::Intent;
use crate::tui::screens::help::view::centered;

use super::state::Question;
use super::words;

pub fn render(model: &Model, question: &Question, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let key = |intent: &Intent| {
        model.keymap.key_for(&model.contexts(), intent).map(|k| k.to_string()).unwrap_or_default()
    };
    let choice = |intent: Intent, what: &str| {
        Line::from(vec![
            Span::styled(format!(" {} ", key(&intent)), theme.key),
            Span::raw(format!(" {what}")),
        ])
    };
    let mut lines = Vec::new();
    match question {
        Question::TakeOver { holder } => {
            lines.push(Line::styled(words::take_over_title(holder), theme.title));
            lines.push(Line::raw(""));
            lines.push(Line::raw(words::TAKE_OVER_ASK));
            lines.push(Line::raw(""));
            lines.push(choice(Intent::AnswerYes, "take it over"));
            lines.push(choice(Intent::AnswerNo, "keep following, read-only"));
        }
        Question::Conflict(conflict) => {
            lines.push(Line::styled(words::conflict_title(*conflict), theme.title));
            lines.push(Line::raw("Nothing was written; your edits are kept here."));
            lines.push(Line::raw(""));
            let intents = [Intent::ReloadAndReapply, Intent::SaveAs, Intent::Overwrite];
            for (intent, (_, what)) in intents.into_iter().zip(words::conflict_choices(*conflict)) {
                if let Some(what) = what {
                    lines.push(choice(intent, what));
                }
            }
        }
    }
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(4);
    let popup = centered(area, 72, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().border_style(theme.border);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), popup);
}
