//! Wording checked as it is typed: the language linter on the focused field of a form,
//! shown under the field with the question to ask instead.

use crate::analysis::actions::known_names;
use crate::analysis::language::{LintContext, Severity, lint};
use crate::model::Mode;
use crate::tui::app::Model;
use crate::tui::screens::form::{Feedback, FeedbackLine, FieldKey, Form, Purpose};

/// Fields that hold names, times or evidence rather than the story's wording.
const NOT_PROSE: [FieldKey; 9] = [
    FieldKey::EventTime,
    FieldKey::EventSource,
    FieldKey::Severity,
    FieldKey::StartedAt,
    FieldKey::ReviewDate,
    FieldKey::Facilitator,
    FieldKey::Participants,
    FieldKey::Tags,
    FieldKey::Ticket,
];

/// Lints the focused field, unless the form checks its own text (Whys, actions) or the
/// field already shows a problem that must be fixed first.
pub fn refresh(model: &Model, form: &mut Form) {
    let own_checks = matches!(
        form.purpose,
        Purpose::AddWhy(_)
            | Purpose::EditWhy(_)
            | Purpose::AddAction
            | Purpose::EditAction(_)
            | Purpose::NewReview
            | Purpose::ReviewStatus
    );
    let Some(field) = form.focused() else { return };
    if own_checks
        || NOT_PROSE.contains(&field.key)
        || matches!(field.feedback, Some(Feedback::Problem(_)))
    {
        return;
    }
    let key = field.key;
    let Some(text) = form.focused_text() else { return };
    let names = model.doc.as_ref().map(|d| known_names(&d.session)).unwrap_or_default();
    let self_review =
        model.doc.as_ref().is_some_and(|d| d.session.incident.mode == Mode::SelfReview);
    let ctx = LintContext { known_names: &names, self_review, markdown: false, answer: false };
    let lines: Vec<FeedbackLine> = lint(&text, &ctx)
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .take(2)
        .flat_map(|f| {
            [
                FeedbackLine {
                    text: format!("⚑ “{}” — {}", f.matched, f.message), problem: true
                },
                FeedbackLine { text: format!("  ? {}", f.suggestion), problem: false },
            ]
        })
        .collect();
    form.set_feedback(key, (!lines.is_empty()).then_some(Feedback::Lines(lines)));
}
