//! What an intent does while help is open: ↑ and ↓ scroll it.

use crate::tui::app::{Model, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;

pub fn action(model: &mut Model, action: Intent, scroll: u16) -> Vec<Effect> {
    let scroll = match action {
        Intent::Up => scroll.saturating_sub(1),
        Intent::Down => scroll.saturating_add(1).min(200),
        _ => scroll,
    };
    model.overlay = Some(Overlay::Help { scroll });
    Vec::new()
}
