//! Any key on the error screen goes back home, or ends the run when there is no home.

use crate::tui::app::{Model, Screen};
use crate::tui::effects::Effect;

pub fn leave(model: &mut Model) -> Vec<Effect> {
    model.home.failure = None;
    if model.has_home {
        model.screen = Screen::Home;
        vec![Effect::ListReviews]
    } else {
        vec![Effect::Quit]
    }
}
