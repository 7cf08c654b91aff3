//! The Review step: the gate (what is still missing before publishing), the review's
//! status, and the parking lot. Enter on a missing item goes to it.

use std::cell::Cell;

use super::action::{Action, Step};
use super::app::{Doc, Model, Notice, Overlay};
use super::effects::Effect;
use super::form::{Feedback, Field, Form, Purpose};
use super::messages;
use crate::analysis::readiness::{self, Gate};
use crate::model::text::sanitize_line;
use crate::model::{Parked, ReviewStatus};

#[derive(Debug, Default)]
pub struct ReviewView {
    /// Index into the selectable rows: missing items, then parked points.
    pub selected: usize,
    pub offset: Cell<usize>,
}

/// A row the person can select on the Review step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// `index` counts missing items across the gate, so two with the same item differ.
    Missing {
        index: usize,
        item: String,
    },
    Parked {
        id: String,
    },
}

pub fn rows(doc: &Doc, gate: &Gate) -> Vec<Row> {
    let missing = (gate.entries.iter())
        .flat_map(|e| e.missing.iter())
        .enumerate()
        .map(|(index, m)| Row::Missing { index, item: m.item.clone() });
    let parked = (doc.session.parked.iter()).map(|p| Row::Parked { id: p.id.clone() });
    missing.chain(parked).collect()
}

pub fn action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let gate = doc.gate(&model.policy);
    let rows = rows(doc, &gate);
    let n = rows.len();
    let sel = &mut doc.review.selected;
    match action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Action::Top => *sel = 0,
        Action::Bottom => *sel = n.saturating_sub(1),
        Action::GoToItem => match rows.get(*sel) {
            Some(Row::Missing { item, .. }) => jump(doc, item),
            Some(Row::Parked { .. }) | None => {}
        },
        Action::DeleteParked => {
            if let Some(Row::Parked { id }) = rows.get(*sel) {
                let id = id.clone();
                if doc.edit(|s, _| s.parked.retain(|p| p.id != id)) {
                    model.notice = Some(Notice::info(messages::PARKED_REMOVED));
                }
            }
        }
        Action::KeepWording => {
            let chosen = match rows.get(*sel) {
                Some(Row::Missing { index, .. }) => {
                    gate.entries.iter().flat_map(|e| e.missing.iter()).nth(*index).cloned()
                }
                _ => None,
            };
            match chosen.and_then(|m| m.wording.map(|w| (m.item, w))) {
                Some((item, w)) => model.overlay = Some(Overlay::Form(keep_form(item, w))),
                None => model.notice = Some(Notice::info(messages::NOT_WORDING)),
            }
        }
        Action::SetReviewStatus => model.overlay = Some(Overlay::Form(status_form(doc, &gate))),
        _ => {}
    }
    Vec::new()
}

/// Shows an item on its own step, selected.
pub fn jump(doc: &mut Doc, item: &str) {
    let (kind, id) = item.split_once(':').unwrap_or((item, ""));
    match kind {
        "event" => {
            doc.step = Step::Timeline;
            doc.select_event(id);
        }
        "incident" => doc.step = Step::Timeline,
        "why" | "whys" => {
            doc.step = Step::Whys;
            if !id.is_empty() {
                // Unfold the way down to it, so the selection is visible.
                let mut at = Some(id.to_string());
                while let Some(current) = at {
                    at = doc
                        .session
                        .whys
                        .iter()
                        .find(|w| w.id == current)
                        .and_then(|w| w.parent.clone());
                    if let Some(parent) = &at {
                        doc.whys.collapsed.remove(parent);
                    }
                }
                doc.whys.selected = Some(id.to_string());
            }
        }
        "factor" | "factors" => {
            doc.step = Step::Factors;
            if let Some(i) = doc.session.factors.iter().position(|f| f.id == id) {
                doc.factors.selected = i;
            }
        }
        "behaviour" => {
            doc.step = Step::Behaviours;
            doc.select_behaviour(id);
        }
        "action" => doc.step = Step::Actions,
        _ => {}
    }
}

const STATUS: &str = "Status";
const OVERRIDE: &str = "Reason to publish anyway";

fn status_form(doc: &Doc, gate: &Gate) -> Form {
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
    if !doc.edit(|s, _| {
        s.incident.status = status;
        s.incident.gate_override = reason;
    }) {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
    Vec::new()
}

const REASON: &str = "Reason";

fn keep_form(item: String, w: readiness::Wording) -> Form {
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
    let kept =
        crate::model::Dismissal { item, field, rule, matched, reason, extra: Default::default() };
    if doc.edit(|s, _| s.dismissed.push(kept)) {
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
    let next = next_parked_id(&doc.session.parked);
    if doc.edit(|s, _| s.parked.push(Parked { id: next, text, step, extra: Default::default() })) {
        model.notice = Some(Notice::info(messages::PARKED));
    } else {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
    Vec::new()
}

/// Parked points are never referenced, so the next number past the highest is enough.
fn next_parked_id(parked: &[Parked]) -> String {
    let mut ids = crate::model::ids::IdAllocator::new("p");
    ids.observe(parked.iter().map(|p| p.id.as_str()));
    ids.next_id()
}
