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

use crate::analysis;
use crate::model::{ItemKind, Session};
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

/// Wording at warning or above, not kept on purpose, counted on the step its item is on
/// (the incident's own fields count on Review): what the stepper shows.
pub fn flagged_wording(session: &Session) -> [usize; 6] {
    wording_counts(&analysis::review_language::review(session))
}

/// [`flagged_wording`] from findings already worked out (the review's overview).
pub fn wording_counts(found: &[analysis::review_language::FieldFinding]) -> [usize; 6] {
    let mut counts = [0; 6];
    for f in found {
        if f.finding.severity < analysis::language::Severity::Warning {
            continue;
        }
        let step = match f.item.kind {
            ItemKind::Event => Step::Timeline,
            // Wrong turns already count among the Whys step's open checks.
            ItemKind::Why => continue,
            ItemKind::Factor => Step::Factors,
            ItemKind::Behaviour => Step::Behaviours,
            ItemKind::Action => Step::Actions,
            ItemKind::Incident => Step::Review,
        };
        counts[step.index()] += 1;
    }
    counts
}
