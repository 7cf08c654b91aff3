//! The forms of the Whys step: an answer asked of another (or beside it, or reframed),
//! its edit, the wrong-turn check as it is typed, and the list of new parents.

use crate::analysis::actions::known_names;
use crate::analysis::whys::wrong_turn;
use crate::model::text::sanitize;
use crate::model::{Why, WhyTree, WhyTreeEdit};
use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::messages;
use crate::tui::screens::form::{Feedback, Field, FieldKey, Form, Purpose, WhyPlace};
use crate::tui::screens::picker::{PickFor, PickItem, Picker};
use crate::tui::widgets::truncate;

pub const ANSWER: FieldKey = FieldKey::Answer;
pub const NOTE: FieldKey = FieldKey::WhyNote;

pub fn open_form(model: &mut Model, place: WhyPlace) {
    let Some(doc) = model.doc.as_ref() else { return };
    let whys = &doc.session.whys;
    let short = |id: &str| {
        let text = whys.why(id).map_or("", |w| w.text.as_str());
        format!("{id}: {}", truncate(text, 40))
    };
    let (title, note) = match &place {
        WhyPlace::Child(None) => (messages::why_form_title("asked of the incident"), String::new()),
        WhyPlace::Child(Some(id)) => (messages::why_form_title(&short(id)), String::new()),
        WhyPlace::Sibling(id) => (format!("Another answer beside {}", short(id)), String::new()),
        WhyPlace::Reframe(id) => {
            let text = whys.why(id).map_or("", |w| w.text.as_str());
            (format!("Reframe {id} in system terms"), messages::reframed_note(id, text))
        }
    };
    let placeholder = match place {
        WhyPlace::Reframe(_) => crate::analysis::messages::REASK_SYSTEM,
        _ => messages::ANSWER_PLACEHOLDER,
    };
    let form = Form::new(
        Purpose::AddWhy(place),
        title,
        vec![
            Field::text(ANSWER, "", placeholder).multiline(),
            Field::text(NOTE, &note, messages::NOTE_PLACEHOLDER).multiline(),
        ],
    );
    model.overlay = Some(Overlay::Form(form));
}

pub fn edit_form(w: &Why) -> Form {
    Form::new(
        Purpose::EditWhy(w.id.clone()),
        format!("Edit {}", w.id),
        vec![
            Field::text(ANSWER, &w.text, messages::ANSWER_PLACEHOLDER).multiline(),
            Field::text(NOTE, &w.note, messages::NOTE_PLACEHOLDER).multiline(),
        ],
    )
}

/// A wrong turn is shown as it is typed; it can still be saved, and is flagged in the tree.
pub fn feedback(model: &Model, form: &mut Form) {
    let names = model.doc.as_ref().map(|d| known_names(&d.session)).unwrap_or_default();
    let fb = wrong_turn(&form.value(ANSWER), &names)
        .map(|t| Feedback::Problem(crate::analysis::messages::wrong_turn(&t.matched)));
    form.set_feedback(ANSWER, fb);
}

pub fn submit(model: &mut Model, mut form: Form) -> Vec<Effect> {
    let text = sanitize(form.value(ANSWER).trim());
    if text.is_empty() {
        form.set_feedback(ANSWER, Some(Feedback::Problem(messages::ANSWER_REQUIRED.into())));
        form.focus_on_field(ANSWER);
        model.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let note = sanitize(form.value(NOTE).trim());
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    if doc.read_only {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return Vec::new();
    }
    let place = match form.purpose {
        Purpose::EditWhy(id) => {
            doc.edit(|s| {
                if let Some(w) = s.why_mut(&id) {
                    w.text = text;
                    w.note = note;
                }
            });
            return Vec::new();
        }
        Purpose::AddWhy(place) => place,
        _ => return Vec::new(),
    };
    let id = match doc.ids.whys.next_id() {
        Ok(id) => id,
        Err(e) => {
            model.notice = Some(Notice::exhausted(&e));
            return Vec::new();
        }
    };
    let why = Why { id: id.clone(), text, note, ..Why::default() };
    doc.edit(|s| {
        let _ = match &place {
            WhyPlace::Child(parent) => s.whys.add_child(parent.as_deref(), why),
            WhyPlace::Sibling(of) => s.whys.add_sibling(of, why),
            WhyPlace::Reframe(of) => s.whys.add_reframing(of, why),
        };
    });
    if let WhyPlace::Child(Some(parent)) = &place {
        doc.whys.collapsed.remove(parent);
    }
    doc.whys.select(Some(id));
    Vec::new()
}

/// The answers an answer can move under: the incident itself, and every answer that is
/// not the answer or below it.
pub fn parent_picker(doc: &Doc, current: Option<String>) -> Picker {
    let id = current.unwrap_or_default();
    let whys = &doc.session.whys;
    let below: Vec<&str> = whys.subtree(&id).iter().map(|w| w.id.as_str()).collect();
    let mut items = vec![PickItem {
        id: None,
        label: "the incident itself (a top-level answer)".into(),
        depth: 0,
        checked: false,
    }];
    items.extend(whys.walk().into_iter().filter(|(w, _)| !below.contains(&w.id.as_str())).map(
        |(w, depth)| PickItem {
            id: Some(w.id.clone()),
            label: format!("{} {}", w.id, w.text.replace('\n', " ")),
            depth: depth + 1,
            checked: false,
        },
    ));
    let parent = whys.why(&id).and_then(|w| w.parent.clone());
    Picker::new(PickFor::Parent(id.clone()), format!("Move {id} under…"), items, false)
        .with_cursor_on(parent.as_deref())
}
