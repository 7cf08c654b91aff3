//! The forms of the Review step: the review's status (the gate, or a reason to publish
//! anyway), keeping a wording finding with a reason, and parking a point.

use crate::analysis::readiness::{self, Gate};
use crate::model::text::sanitize_line;
use crate::model::{ItemRef, Parked, ReviewStatus};
use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::messages;
use crate::tui::screens::form::{Feedback, Field, Form, Purpose};

const STATUS: &str = "Status";
const OVERRIDE: &str = "Reason to publish anyway";

pub fn status_form(doc: &Doc, gate: &Gate) -> Form {
    let statuses = ReviewStatus::ALL.iter().map(|s| s.as_str().to_string()).collect();
    let (done, all) = gate.score();
    let title = format!("Review status · gate {done} of {all}");
    let i = &doc.session.incident;
    Form::new(
        Purpose::ReviewStatus,
        title,
        vec![
            Field::choice(STATUS, statuses, i.status.as_str()),
            Field::text(
                OVERRIDE,
                &i.gate_override,
                "only when the gate is not passed: why publish now",
            ),
        ],
    )
}

/// Moving to reviewed or closed needs the gate passed, or a written reason kept in the file.
pub fn submit_status(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let status = ReviewStatus::ALL
        .into_iter()
        .find(|s| s.as_str() == form.value(STATUS))
        .unwrap_or_default();
    let reason = sanitize_line(&form.value(OVERRIDE));
    let passed = doc.gate(&model.policy).passed();
    let needs_gate = matches!(status, ReviewStatus::Reviewed | ReviewStatus::Closed);
    if needs_gate && !passed && reason.is_empty() {
        form.set_feedback(OVERRIDE, Some(Feedback::Problem(messages::GATE_NOT_PASSED.into())));
        form.focus_on_label(OVERRIDE);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    if !doc.edit(|s| {
        s.incident.status = status;
        s.incident.gate_override = reason;
    }) {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
    Vec::new()
}

const REASON: &str = "Reason";

pub fn keep_form(item: ItemRef, w: readiness::Wording) -> Form {
    let title = format!("Keep “{}” in {item} {}", w.matched, w.field);
    let purpose = Purpose::KeepWording { item, field: w.field, rule: w.rule, matched: w.matched };
    let hint = "why this wording stays (a quote from the runbook, the person's own words…)";
    Form::new(purpose, title, vec![Field::text(REASON, "", hint)])
}

/// Keeps a wording finding on purpose: stored with its reason, so it does not ask again.
pub fn submit_keep(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let Purpose::KeepWording { item, field, rule, matched } = form.purpose.clone() else {
        return Vec::new();
    };
    let reason = sanitize_line(&form.value(REASON));
    if reason.is_empty() {
        form.set_feedback(REASON, Some(Feedback::Problem(messages::REASON_REQUIRED.into())));
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    // The file keeps the item as `kind:id` text.
    let item = item.to_string();
    let kept =
        crate::model::Dismissal { item, field, rule, matched, reason, extra: Default::default() };
    if doc.edit(|s| s.dismissed.push(kept)) {
        model.notice = Some(Notice::info(messages::WORDING_KEPT));
    } else {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
    Vec::new()
}

pub fn park_form() -> Form {
    Form::new(
        Purpose::Park,
        "Park a point for later",
        vec![Field::text("Point", "", "the point, in a few words; it waits on the Review step")],
    )
}

pub fn submit_park(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let text = sanitize_line(&form.value("Point"));
    if text.is_empty() {
        form.set_feedback("Point", Some(Feedback::Problem(messages::PARK_TEXT_REQUIRED.into())));
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let step = doc.step.key().to_string();
    let next = match doc.ids.parked.next_id() {
        Ok(id) => id,
        Err(e) => {
            model.notice = Some(Notice::exhausted(&e));
            return Vec::new();
        }
    };
    if doc.edit(|s| s.parked.push(Parked { id: next, text, step, extra: Default::default() })) {
        model.notice = Some(Notice::info(messages::PARKED));
    } else {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
    Vec::new()
}
