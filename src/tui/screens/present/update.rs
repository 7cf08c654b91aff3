//! In and out of presentation mode: the high-contrast theme (a mono console stays mono)
//! and back to the theme before.

use crate::tui::app::{Model, Notice};
use crate::tui::effects::Effect;
use crate::tui::facilitation::cards;
use crate::tui::screens::present::state::Presentation;
use crate::tui::theme::{Theme, ThemeName};

/// The key: in or out of presentation mode, saying which.
pub fn toggle(model: &mut Model) -> Vec<Effect> {
    let words = &cards::words().present;
    let text = if model.present.on {
        stop(model);
        &words.off
    } else {
        start(model);
        &words.on
    };
    model.notice = Some(Notice::info(text.clone()));
    Vec::new()
}

/// `--present`, or the key.
pub fn start(model: &mut Model) {
    if model.present.on {
        return;
    }
    model.present = Presentation { on: true, before: Some(model.theme) };
    // Mono stays mono: NO_COLOR asks for no colour, and mono already reads from afar.
    if model.theme.name != ThemeName::Mono {
        model.theme = Theme::high_contrast();
    }
}

fn stop(model: &mut Model) {
    if let Some(theme) = model.present.before.take() {
        model.theme = theme;
    }
    model.present.on = false;
}
