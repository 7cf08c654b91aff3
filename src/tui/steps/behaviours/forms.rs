//! The forms of the Behaviours step: an act with its context and timeline event, and the
//! evidence and second reviewer a reckless outcome needs before it is kept.

use chrono::FixedOffset;

use crate::model::text::{sanitize, sanitize_line};
use crate::model::zone;
use crate::model::{Behaviour, Event, Session};
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::messages;
use crate::tui::screens::form::{Choice, Feedback, Field, FieldKey, Form, Purpose};
use crate::tui::steps::behaviours::state::finished_answers;
use crate::tui::widgets::truncate;

pub const ACT: FieldKey = FieldKey::Act;
pub const CONTEXT: FieldKey = FieldKey::ActContext;
pub const EVENT: FieldKey = FieldKey::ActEvent;
pub const EVIDENCE: FieldKey = FieldKey::RecklessEvidence;
pub const REVIEWER: FieldKey = FieldKey::SecondReviewer;
const NO_EVENT: &str = "(none)";

/// Adding when `behaviour` is `None`, else editing it.
pub fn form(session: &Session, behaviour: Option<&Behaviour>) -> Form {
    // No event is an option of its own, with no id.
    let mut events = vec![Choice::new("", NO_EVENT)];
    let offset = zone::review_offset(session);
    events.extend(session.events.iter().map(|e| event_option(e, offset)));
    let selected = behaviour.and_then(|b| b.event.as_deref()).unwrap_or("");
    let (purpose, title) = match behaviour {
        Some(b) => (Purpose::EditBehaviour(b.id.clone()), format!("Edit act {}", b.id)),
        None => (Purpose::AddBehaviour, "Describe an act".to_string()),
    };
    Form::new(
        purpose,
        title,
        vec![
            Field::text(
                ACT,
                behaviour.map_or("", |b| &b.act),
                "what was done — the act, never the person",
            )
            .multiline(),
            Field::text(
                CONTEXT,
                behaviour.map_or("", |b| &b.context),
                "what they knew and saw at the time, what made it make sense",
            )
            .multiline(),
            Field::choice_in_list(EVENT, events, selected),
        ],
    )
}

/// `e4 09:14 Card processor answers 401…`, for the event `e4`.
fn event_option(e: &Event, offset: Option<FixedOffset>) -> Choice {
    let text = truncate(&e.text.replace('\n', " "), 48);
    Choice::new(&e.id, format!("{} {} {text}", e.id, zone::clock(&e.at, offset)))
}

pub fn submit(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let act = sanitize(form.value(ACT).trim());
    let problem = if act.is_empty() {
        Some(messages::ACT_REQUIRED.to_string())
    } else {
        named_person(&doc.session, &act).map(|name| messages::act_names_person(&name))
    };
    if let Some(problem) = problem {
        form.set_feedback(ACT, Some(Feedback::Problem(problem)));
        form.focus_on_field(ACT);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let context = sanitize(form.value(CONTEXT).trim());
    let event = Some(form.value(EVENT)).filter(|id| doc.session.event(id).is_some());
    let editing = match &form.purpose {
        Purpose::EditBehaviour(id) => Some(id.clone()),
        _ => None,
    };
    let id = match editing.clone() {
        Some(id) => id,
        None => match doc.ids.behaviours.next_id() {
            Ok(id) => id,
            Err(e) => {
                model.notice = Some(Notice::exhausted(&e));
                return Vec::new();
            }
        },
    };
    let changed = doc.edit(|s| match s.behaviour_mut(&id) {
        Some(b) => {
            b.act = act;
            b.context = context;
            b.event = event;
        }
        None => s.behaviours.push(Behaviour {
            id: id.clone(),
            act,
            context,
            event,
            ..Behaviour::default()
        }),
    });
    if changed {
        doc.select_behaviour(&id);
    } else {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
    Vec::new()
}

/// A participant's name in the act: the act is described, the person is not. Names are
/// matched as whole words (a possessive too), case and all, so "dev" does not match a
/// participant "Dev".
fn named_person(session: &Session, act: &str) -> Option<String> {
    let words: Vec<&str> = act.split(|c: char| !c.is_alphanumeric() && c != '-').collect();
    let people = session.incident.participants.iter().map(|p| p.name.trim());
    people.filter(|name| !name.is_empty()).find_map(|name| {
        let named = name.split_whitespace().any(|part| words.contains(&part));
        named.then(|| name.to_string())
    })
}

pub fn evidence(behaviour: &Behaviour) -> Form {
    Form::new(
        Purpose::RecklessEvidence(behaviour.id.clone()),
        format!("Reckless is rare: evidence for {}", behaviour.id),
        vec![
            Field::text(
                EVIDENCE,
                &behaviour.evidence,
                "what shows the risk was seen and taken anyway",
            )
            .multiline(),
            Field::text(REVIEWER, &behaviour.second_reviewer, "who else has read the evidence"),
        ],
    )
}

/// Saves the evidence and, with it, the reckless classification the wizard was holding.
pub fn submit_evidence(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let Purpose::RecklessEvidence(id) = form.purpose.clone() else { return Vec::new() };
    let evidence = sanitize(form.value(EVIDENCE).trim());
    let reviewer = sanitize_line(&form.value(REVIEWER));
    let problem = if evidence.is_empty() {
        Some((EVIDENCE, messages::EVIDENCE_REQUIRED))
    } else if reviewer.is_empty() {
        Some((REVIEWER, messages::REVIEWER_REQUIRED))
    } else {
        None
    };
    if let Some((label, text)) = problem {
        form.set_feedback(label, Some(Feedback::Problem(text.to_string())));
        form.focus_on_field(label);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let classification = finished_answers(doc, &id);
    let changed = doc.edit(|s| {
        if let Some(b) = s.behaviour_mut(&id) {
            b.evidence = evidence;
            b.second_reviewer = reviewer;
            if let Some((answers, outcome)) = classification {
                b.answers = answers;
                b.outcome = outcome;
            }
        }
    });
    model.notice = Some(if changed {
        Notice::info(messages::classified(&id, "reckless"))
    } else {
        Notice::problem(messages::READ_ONLY)
    });
    Vec::new()
}
