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
    let keep = model.insights.take().unwrap_or_default();
    model.insights = Some(InsightsView { loading: false, found: Some(found), unreadable, ..keep });
}

pub fn action(model: &mut Model, intent: Intent) -> Vec<Effect> {
    match intent {
        Intent::Refresh => show(model),
        Intent::Cancel | Intent::Close => {
            model.screen = Screen::Home;
            vec![Effect::ListReviews]
        }
        Intent::EarlierQuarters | Intent::LaterQuarters => {
            if let Some(view) = model.insights.as_mut() {
                view.back = match intent {
                    Intent::EarlierQuarters => (view.back + 1).min(view.most_back),
                    _ => view.back.saturating_sub(1),
                };
            }
            Vec::new()
        }
        i if i.is_movement() => {
            if let Some(view) = model.insights.as_mut() {
                scroll(view, &i);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Lines at a time, or a page; never past the last line the last frame could show.
fn scroll(view: &mut InsightsView, intent: &Intent) {
    const PAGE: u16 = 10;
    view.scroll = match intent {
        Intent::Up => view.scroll.saturating_sub(1),
        Intent::Down => view.scroll.saturating_add(1),
        Intent::PageUp => view.scroll.saturating_sub(PAGE),
        Intent::PageDown => view.scroll.saturating_add(PAGE),
        Intent::Top => 0,
        Intent::Bottom => view.most,
        _ => view.scroll,
    }
    .min(view.most);
}
