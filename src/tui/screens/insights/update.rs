//! What an intent does in the Insights view: reading the data folder, reloading, leaving.

use std::path::PathBuf;

use crate::analysis::insights::insights;
use crate::model::Session;
use crate::tui::app::{Model, Screen};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::screens::insights::state::InsightsView;

/// Opens the view; the reviews are read by the runner and arrive as `Intent::Library`.
pub fn show(model: &mut Model) -> Vec<Effect> {
    model.screen = Screen::Insights;
    model.overlay = None;
    let keep = model.insights.take().unwrap_or_default();
    model.insights = Some(InsightsView { loading: true, ..keep });
    vec![Effect::LoadLibrary]
}

pub fn loaded(model: &mut Model, reviews: Vec<(PathBuf, Session)>, unreadable: usize) {
    let found = insights(&reviews, model.today(), None, &model.policy);
    model.insights = Some(InsightsView { loading: false, found: Some(found), unreadable });
}

pub fn action(model: &mut Model, intent: Intent) -> Vec<Effect> {
    match intent {
        Intent::Refresh => show(model),
        Intent::Cancel | Intent::Close => {
            model.screen = Screen::Home;
            vec![Effect::ListReviews]
        }
        _ => Vec::new(),
    }
}
