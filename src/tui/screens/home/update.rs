//! What an intent does on the home screen: moving in the list, filtering it by typing,
//! opening a review, the demo, a new review, the follow-up view.

use crate::tui::app::{Model, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::keymap::KeyCode;
use crate::tui::screens::home::forms;

pub fn action(model: &mut Model, action: Intent) -> Vec<Effect> {
    let home = &mut model.home;
    let n = home.visible().len();
    let sel = &mut home.selected;
    match action {
        Intent::Up => *sel = sel.saturating_sub(1),
        Intent::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Intent::Top => *sel = 0,
        Intent::Bottom => *sel = n.saturating_sub(1),
        Intent::Refresh => return vec![Effect::ListReviews],
        Intent::OpenDemo => return vec![Effect::OpenDemo],
        Intent::OpenSelected => {
            if let Some(listing) = home.selected_listing() {
                let path = listing.path.clone();
                home.filter = None;
                return vec![Effect::Open { path }];
            }
        }
        Intent::FilterReviews => {
            home.filter = Some(String::new());
            home.selected = 0;
        }
        // Esc clears the filter and shows every review again.
        Intent::Cancel => {
            home.filter = None;
            home.selected = 0;
        }
        Intent::Type(key) if !key.ctrl && !key.alt => {
            let Some(filter) = home.filter.as_mut() else { return Vec::new() };
            match key.code {
                KeyCode::Char(c) if !c.is_control() => filter.push(c),
                KeyCode::Backspace => {
                    filter.pop();
                }
                _ => return Vec::new(),
            }
            home.selected = 0;
        }
        Intent::NewReview => model.overlay = Some(Overlay::Form(forms::new_review())),
        Intent::FollowUp => return crate::tui::screens::followup::update::show(model),
        Intent::ShowInsights => return crate::tui::screens::insights::update::show(model),
        _ => {}
    }
    Vec::new()
}
