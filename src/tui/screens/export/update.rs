//! What an intent does while publishing: the form opens, the write is asked of the runner,
//! its result is said — or, when the file there is not an earlier report, asked about.

use crate::export::Replace;
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::screens::export::forms;
use crate::tui::screens::export::state::{Chosen, ReplaceQuestion, Written};

/// The export key: the form choosing format and redaction.
pub fn open(model: &mut Model) -> Vec<Effect> {
    if model.doc.is_some() {
        model.overlay = Some(Overlay::Form(forms::form()));
    }
    Vec::new()
}

/// Asks the runner to write the report of the review as it is now.
pub fn write(model: &mut Model, chosen: Chosen, replace: Replace) -> Vec<Effect> {
    let Some(doc) = model.doc.as_ref() else { return Vec::new() };
    vec![Effect::Export {
        review: doc.path.clone(),
        session: Box::new(doc.session.clone()),
        chosen,
        policy: model.policy.clone(),
        replace,
    }]
}

/// The runner's report: where the file went, a question, or why nothing was written.
pub fn written(model: &mut Model, chosen: Chosen, result: Written) -> Vec<Effect> {
    match result {
        Written::Done { path, replaced } => {
            let shown = crate::model::text::sanitize_line(&path.display().to_string());
            let mut text = match replaced {
                Some(n) => messages::exported_redacted(&shown, n),
                None => messages::exported(&shown),
            };
            if model.doc.as_ref().is_some_and(|d| d.demo) {
                text.push_str(messages::EXPORTED_FROM_DEMO);
            }
            model.notice = Some(Notice::info(text));
        }
        Written::NotAnExport(path) => {
            model.overlay = Some(Overlay::ReplaceReport(ReplaceQuestion { path, chosen }));
        }
        Written::Failed(problem) => {
            model.notice = Some(Notice::problem(messages::export_failed(&problem)));
        }
    }
    Vec::new()
}

/// y replaces the file; n or Esc leaves it as it was.
pub fn answer(model: &mut Model, intent: Intent, question: ReplaceQuestion) -> Vec<Effect> {
    match intent {
        Intent::AnswerYes => write(model, question.chosen, Replace::Confirmed),
        Intent::AnswerNo | Intent::Cancel => {
            model.notice = Some(Notice::info(messages::EXPORT_NOT_REPLACED));
            Vec::new()
        }
        _ => {
            model.overlay = Some(Overlay::ReplaceReport(question));
            Vec::new()
        }
    }
}
