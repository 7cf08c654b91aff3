//! The new-review form: a title and a template.

use crate::model::text::sanitize_line;
use crate::tui::app::{Model, Overlay};
use crate::tui::effects::Effect;
use crate::tui::messages;
use crate::tui::screens::form::{Feedback, Field, Form, Purpose};

const TITLE: &str = "Title";
const TEMPLATE: &str = "Template";

/// The templates a new review can start from, as named on the command line.
pub const TEMPLATES: [&str; 3] = ["standard", "near-miss", "self-review"];

pub fn new_review() -> Form {
    new_review_with("standard")
}

pub fn new_review_with(template: &str) -> Form {
    Form::new(
        Purpose::NewReview,
        "New review",
        vec![
            Field::text(TITLE, "", "what happened, in a few words"),
            Field::choice(TEMPLATE, TEMPLATES.to_vec(), template),
        ],
    )
}

pub fn submit_new(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let title = sanitize_line(&form.value(TITLE));
    if title.is_empty() {
        form.set_feedback(TITLE, Some(Feedback::Problem(messages::TITLE_REQUIRED.into())));
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    vec![Effect::CreateReview { title, template: form.value(TEMPLATE) }]
}
