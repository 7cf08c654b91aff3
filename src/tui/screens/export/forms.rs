//! The small form before a report is written: which format, and whether names become roles.

use crate::export::Format;
use crate::tui::app::Model;
use crate::tui::effects::Effect;
use crate::tui::screens::export::state::{Chosen, label};
use crate::tui::screens::export::update::write;
use crate::tui::screens::form::{Choice, Feedback, Field, FieldKey, Form, Purpose};

const FORMAT: FieldKey = FieldKey::ExportFormat;
const REDACT: FieldKey = FieldKey::Redact;
const KEEP: &str = "keep";
const ROLES: &str = "roles";

pub fn form() -> Form {
    let formats =
        Format::ALL.iter().map(|f| Choice::new(f.extension(), label(*f))).collect::<Vec<_>>();
    let names = vec![
        Choice::new(KEEP, "as written"),
        Choice::new(ROLES, "replaced by roles (redacted, for sharing widely)"),
    ];
    let mut form = Form::new(
        Purpose::Export,
        "Write the report beside the review",
        vec![Field::choice(FORMAT, formats, "md"), Field::choice(REDACT, names, KEEP)],
    );
    form.set_feedback(
        REDACT,
        Some(Feedback::Preview("private notes are never in a report".to_string())),
    );
    form
}

/// What the form chose.
pub fn chosen(form: &Form) -> Chosen {
    let id = form.value(FORMAT);
    let format = Format::ALL.into_iter().find(|f| f.extension() == id).unwrap_or(Format::Markdown);
    Chosen { format, redact: form.value(REDACT) == ROLES }
}

pub fn submit(model: &mut Model, form: Form) -> Vec<Effect> {
    write(model, chosen(&form), crate::export::Replace::OwnExportOnly)
}
