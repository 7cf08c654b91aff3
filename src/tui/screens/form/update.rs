//! What an intent does in a form: typing, moving between fields, the editor, paste, and
//! submitting to the step the form belongs to; live feedback after every key.

use crate::model::text::{sanitize, sanitize_line};
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::screens::form::{Form, Purpose};
use crate::tui::{screens, steps};

pub fn action(model: &mut Model, action: Intent, mut form: Form) -> Vec<Effect> {
    match action {
        Intent::Cancel => return Vec::new(),
        // Names stay off a shared screen: the masked field takes no typing or editor.
        Intent::Type(_) | Intent::Paste(_) | Intent::OpenEditor
            if crate::tui::screens::present::state::masks(model, &form) => {}
        Intent::NextField => form.next_field(),
        Intent::PrevField => form.prev_field(),
        Intent::NewLine => form.new_line(),
        Intent::OpenEditor => {
            if let Some(text) = form.focused_text() {
                model.overlay = Some(Overlay::Form(form));
                return vec![Effect::Editor { text }];
            }
        }
        Intent::Edited(Ok(text)) => {
            // A single-line field keeps one line; the editor may have added a final newline.
            let multiline = form.focused().is_some_and(|f| f.multiline);
            let text = if multiline { sanitize(text.trim_end()) } else { sanitize_line(&text) };
            form.replace_focused(&text);
        }
        Intent::Edited(Err(problem)) => model.notice = Some(Notice::problem(problem)),
        Intent::Undo => form.undo(),
        Intent::Redo => form.redo(),
        Intent::Type(key) => {
            form.type_key(key);
        }
        Intent::Paste(text) if matches!(form.purpose, Purpose::AddEvent) => {
            return steps::timeline::forms::paste_into_form(model, text, form);
        }
        Intent::Paste(text) => form.insert(&sanitize_line(&text)),
        Intent::Submit => {
            return match form.purpose.clone() {
                Purpose::AddEvent | Purpose::EditEvent(_) => {
                    steps::timeline::forms::submit(model, form)
                }
                Purpose::Incident => screens::console::forms::submit(model, form),
                Purpose::NewReview => screens::home::forms::submit_new(model, form),
                Purpose::AddBehaviour | Purpose::EditBehaviour(_) => {
                    steps::behaviours::forms::submit(model, form)
                }
                Purpose::RecklessEvidence(_) => {
                    steps::behaviours::forms::submit_evidence(model, form)
                }
                Purpose::AddWhy(_) | Purpose::EditWhy(_) => steps::whys::forms::submit(model, form),
                Purpose::AddFactor | Purpose::EditFactor(_) => {
                    steps::factors::forms::submit(model, form)
                }
                Purpose::ReviewStatus => steps::review::forms::submit_status(model, form),
                Purpose::Park => steps::review::forms::submit_park(model, form),
                Purpose::KeepWording { .. } => steps::review::forms::submit_keep(model, form),
                Purpose::AddAction | Purpose::EditAction(_) => {
                    steps::actions::forms::submit(model, form)
                }
                Purpose::StatusNote { .. } => steps::actions::forms::submit_note(model, form),
                Purpose::FollowUpNote { .. } => screens::followup::forms::submit_note(model, form),
                Purpose::AddLesson | Purpose::EditLesson { .. } => {
                    steps::review::lessons::submit(model, form)
                }
                Purpose::Export => screens::export::forms::submit(model, form),
            };
        }
        _ => {}
    }
    refresh_feedback(model, &mut form);
    model.overlay = Some(Overlay::Form(form));
    Vec::new()
}

/// Live feedback under fields (the time preview) after every keystroke.
pub fn refresh_feedback(model: &Model, form: &mut Form) {
    match form.purpose {
        Purpose::AddEvent | Purpose::EditEvent(_) => {
            steps::timeline::forms::preview_time(model, form)
        }
        Purpose::Incident => screens::console::forms::preview_time(model, form),
        Purpose::AddAction | Purpose::EditAction(_) => steps::actions::forms::refresh(model, form),
        Purpose::NewReview
        | Purpose::AddBehaviour
        | Purpose::EditBehaviour(_)
        | Purpose::RecklessEvidence(_)
        | Purpose::ReviewStatus
        | Purpose::KeepWording { .. }
        | Purpose::Park => {}
        Purpose::AddWhy(_) | Purpose::EditWhy(_) => steps::whys::forms::feedback(model, form),
        Purpose::AddFactor | Purpose::EditFactor(_) => steps::factors::forms::feedback(model, form),
        Purpose::StatusNote { .. } | Purpose::FollowUpNote { .. } | Purpose::Export => {}
        Purpose::AddLesson | Purpose::EditLesson { .. } => {
            steps::review::lessons::feedback(model, form)
        }
    }
    crate::tui::screens::form::wording::refresh(model, form);
}
