//! The six steps of a review, one folder each and every folder the same shape:
//! `state.rs` (selection and modes), `update.rs` (what an intent does there), `forms.rs`
//! (its forms and what submitting them does) and `view.rs` (drawing and the side pane,
//! which only read).

pub mod actions;
pub mod behaviours;
pub mod factors;
pub mod review;
pub mod timeline;
pub mod whys;

use crate::tui::app::Model;
use crate::tui::intent::Intent;
use crate::tui::update::Handled;

/// Hands an intent to the step shown; what it does not take falls through to the console.
pub fn handle(model: &mut Model, intent: Intent) -> Handled {
    match model.doc.as_ref().map(|d| d.step) {
        Some(Step::Timeline) => timeline::update::handle(model, intent),
        Some(Step::Whys) => whys::update::handle(model, intent),
        Some(Step::Factors) => factors::update::handle(model, intent),
        Some(Step::Behaviours) => behaviours::update::handle(model, intent),
        Some(Step::Actions) => actions::update::handle(model, intent),
        Some(Step::Review) => review::update::handle(model, intent),
        None => Handled::No,
    }
}

/// The six steps of a review, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Timeline,
    Whys,
    Factors,
    Behaviours,
    Actions,
    Review,
}

impl Step {
    pub const ALL: [Step; 6] =
        [Self::Timeline, Self::Whys, Self::Factors, Self::Behaviours, Self::Actions, Self::Review];

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Timeline => "Timeline",
            Self::Whys => "Whys",
            Self::Factors => "Factors",
            Self::Behaviours => "Behaviours",
            Self::Actions => "Actions",
            Self::Review => "Review",
        }
    }

    /// The key used for this step in prompts.toml.
    pub fn key(self) -> &'static str {
        match self {
            Self::Timeline => "timeline",
            Self::Whys => "whys",
            Self::Factors => "factors",
            Self::Behaviours => "behaviours",
            Self::Actions => "actions",
            Self::Review => "review",
        }
    }

    pub fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    pub fn prev(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}
