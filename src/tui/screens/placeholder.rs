//! Steps that are still being built: what they will hold, and how to get back to work.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::tui::action::{Action, Step};
use crate::tui::app::Model;
use crate::tui::keymap::Context;
use crate::tui::prompts;

pub fn render(model: &Model, step: Step, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let prompt = prompts::for_step(step);
    let ctx = [Context::Step(step), Context::Console, Context::Global];
    let key = |a: Action| model.keymap.key_for(&ctx, &a).map(|k| k.to_string()).unwrap_or_default();
    let count = match step {
        Step::Whys => Some(("why answers", model.doc.as_ref().map_or(0, |d| d.session.whys.len()))),
        Step::Factors => Some((
            "contributing factors",
            model.doc.as_ref().map_or(0, |d| d.session.factors.len()),
        )),
        _ => None,
    };
    let mut lines = vec![Line::styled(prompt.title.clone(), theme.title), Line::raw("")];
    if let Some(coming) = &prompt.coming {
        lines.push(Line::raw(coming.clone()));
        lines.push(Line::raw(""));
    }
    if let Some((noun, n)) = count {
        lines.push(Line::raw(format!(
            "This review's file holds {n} {noun}; they are kept as they are."
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "{} Timeline · {} next step · {} incident details",
            key(Action::GoToStep(Step::Timeline)),
            key(Action::NextStep),
            key(Action::IncidentDetails)
        ),
        theme.key,
    ));
    let block = Block::bordered().title(format!(" {} ", step.title())).border_style(theme.border);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}
