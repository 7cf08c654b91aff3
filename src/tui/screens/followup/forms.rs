//! The note a status needs, for an action of another review (the form is the Actions
//! step's; what submitting does differs: it saves that review's file).

use crate::tui::app::Model;
use crate::tui::effects::Effect;
use crate::tui::screens::followup::update::apply;
use crate::tui::screens::form::{Form, Purpose};
use crate::tui::steps::actions::forms::read_note;

pub fn submit_note(model: &mut Model, form: Form) -> Vec<Effect> {
    let Purpose::FollowUpNote { path, action, status } = form.purpose.clone() else {
        return Vec::new();
    };
    match read_note(model, form, status) {
        Some(note) => apply(model, &path, &action, status, &note),
        None => Vec::new(),
    }
}
