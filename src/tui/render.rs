//! Drawing: reads the model, never changes it. What the next key or click needs from the
//! frame — where each list's window starts, where the stepper and the list are — comes
//! back as a `Drawn` report, which the loop hands to `Model::remember`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::{Model, Overlay, Screen};
use crate::tui::mouse::Zones;
use crate::tui::screens;

/// Smaller than this, the console shows a notice instead of a cramped, misleading screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// What one frame drew that the model keeps: each list's first visible row (the window
/// moves as little as it can to keep the selection in view), and where a click can land.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drawn {
    pub zones: Zones,
    pub timeline: Option<usize>,
    pub whys: Option<usize>,
    pub factors: Option<usize>,
    pub behaviours: Option<usize>,
    pub actions: Option<usize>,
    pub review: Option<usize>,
    pub follow_up: Option<usize>,
    pub picker: Option<usize>,
    /// How many lines the import screen's list had room for.
    pub import_rows: Option<usize>,
    /// How far the Insights view can scroll, and its chart move back.
    pub insights_scroll: Option<(u16, usize)>,
}

pub fn render(model: &Model, frame: &mut Frame) -> Drawn {
    let mut drawn = Drawn::default();
    let area = frame.area();
    // The theme's ground under everything, so high contrast has no gaps of terminal colour.
    frame.render_widget(ratatui::widgets::Block::new().style(model.theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(model, frame, area);
        return drawn;
    }
    match model.screen {
        Screen::Home => screens::home::view::render(model, frame, area),
        Screen::Console => screens::console::view::render(model, frame, area, &mut drawn),
        Screen::Failed => screens::failed::view::render(model, frame, area),
        Screen::FollowUp => screens::followup::view::render(model, frame, area, &mut drawn),
        Screen::Insights => screens::insights::view::render(model, frame, area, &mut drawn),
    }
    match &model.overlay {
        Some(Overlay::Help { scroll }) => screens::help::view::render(model, frame, area, *scroll),
        Some(Overlay::Form(form)) => screens::form::view::render(model, form, frame, area),
        Some(Overlay::Pick(list)) => {
            screens::picker::view::render(model, list, frame, area, &mut drawn)
        }
        Some(Overlay::PasteOffer { events, .. }) => {
            screens::form::view::render_paste_offer(model, events, frame, area)
        }
        Some(Overlay::ReplaceReport(question)) => {
            screens::export::view::render(model, question, frame, area)
        }
        Some(Overlay::Question(question)) => {
            screens::sharing::view::render(model, question, frame, area)
        }
        Some(Overlay::Conflicts) => screens::conflicts::view::render(model, frame, area),
        Some(Overlay::Import(screen)) => {
            screens::import::view::render(model, screen, frame, area, &mut drawn)
        }
        None => {}
    }
    drawn
}

fn too_small(model: &Model, frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::styled("Terminal too small", model.theme.title),
        Line::from(format!("need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}", area.width, area.height)),
        Line::from("Enlarge the window or reduce the font size."),
    ];
    frame.render_widget(Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }), area);
}
