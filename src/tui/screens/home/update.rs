//! What an intent does on the home screen: moving in the list, opening a review, the demo,
//! a new review, the follow-up view.

use crate::tui::app::{Model, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::screens::home::forms;

pub fn action(model: &mut Model, action: Intent) -> Vec<Effect> {
    let n = model.home.listings.len();
    let sel = &mut model.home.selected;
    match action {
        Intent::Up => *sel = sel.saturating_sub(1),
        Intent::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Intent::Top => *sel = 0,
        Intent::Bottom => *sel = n.saturating_sub(1),
        Intent::Refresh => return vec![Effect::ListReviews],
        Intent::OpenDemo => return vec![Effect::OpenDemo],
        Intent::OpenSelected => {
            if let Some(listing) = model.home.listings.get(*sel) {
                return vec![Effect::Open { path: listing.path.clone() }];
            }
        }
        Intent::NewReview => model.overlay = Some(Overlay::Form(forms::new_review())),
        Intent::FollowUp => return crate::tui::screens::followup::update::show(model),
        Intent::ShowInsights => return crate::tui::screens::insights::update::show(model),
        _ => {}
    }
    Vec::new()
}
