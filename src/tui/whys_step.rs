//! The Five Whys step: asking why of an answer, branching, folding, moving answers about,
//! marking system conditions, reframing wrong turns and promoting conditions to factors.

use std::cell::Cell;
use std::collections::HashSet;

use super::action::{Action, Step};
use super::app::{Doc, Model, Notice, Overlay};
use super::effects::Effect;
use super::form::{Feedback, Field, Form, Purpose, WhyPlace};
use super::messages;
use super::picker::{PickFor, PickItem, Picker};
use crate::analysis::actions::known_names;
use crate::analysis::whys::wrong_turn;
use crate::model::text::sanitize;
use crate::model::{Factor, Why, WhyTree, WhyTreeEdit};
use crate::tui::widgets::truncate;

pub const ANSWER: &str = "Answer";
pub const NOTE: &str = "Question / note";
const PAGE: usize = 10;

/// What the Whys step shows: which answer is selected, which are folded, large or not.
#[derive(Debug, Default)]
pub struct WhysView {
    /// The selected answer's id; the first visible one when unset or gone.
    pub selected: Option<String>,
    pub collapsed: HashSet<String>,
    /// The selected answer large, for the room.
    pub big: bool,
    pub offset: Cell<usize>,
}

/// The answers on screen, depth first, skipping those under a folded answer.
pub fn visible(doc: &Doc) -> Vec<(&Why, usize)> {
    let mut out = Vec::new();
    let mut hidden_below: Option<usize> = None;
    for (w, depth) in doc.session.whys.walk() {
        match hidden_below {
            Some(d) if depth > d => continue,
            _ => hidden_below = None,
        }
        if doc.whys.collapsed.contains(&w.id) {
            hidden_below = Some(depth);
        }
        out.push((w, depth));
    }
    out
}

/// The selected answer: the one chosen if it is on screen, else its nearest visible
/// ancestor, else the first answer.
pub fn selected_id(doc: &Doc) -> Option<String> {
    let rows = visible(doc);
    let on_screen = |id: &str| rows.iter().any(|(w, _)| w.id == id);
    if let Some(chosen) = &doc.whys.selected {
        let path = doc.session.whys.path_to_root(chosen);
        if let Some(w) = path.iter().rev().find(|w| on_screen(&w.id)) {
            return Some(w.id.clone());
        }
    }
    rows.first().map(|(w, _)| w.id.clone())
}

pub fn selected(doc: &Doc) -> Option<&Why> {
    selected_id(doc).and_then(|id| doc.session.whys.why(&id))
}

pub fn action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let current = selected_id(doc);
    let read_only = doc.read_only;
    match action {
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => step_selection(doc, &action),
        Action::BigView => doc.whys.big = !doc.whys.big,
        // Keys with no meaning here do nothing, rather than explain a missing selection.
        Action::Type(_) | Action::Paste(_) => {}
        Action::ToggleFold | Action::Collapse | Action::Expand => fold(model, &action),
        _ if read_only => model.notice = Some(Notice::problem(messages::READ_ONLY)),
        Action::AddChildWhy => open_form(model, WhyPlace::Child(current)),
        Action::AddSiblingWhy => match current {
            Some(id) => open_form(model, WhyPlace::Sibling(id)),
            None => open_form(model, WhyPlace::Child(None)),
        },
        Action::ReframeWhy => reframe(model, current),
        Action::EditWhy => match doc.session.whys.why(current.as_deref().unwrap_or("")) {
            Some(w) => model.overlay = Some(Overlay::Form(edit_form(w))),
            None => model.notice = Some(Notice::info(messages::NO_ANSWER_SELECTED)),
        },
        _ if current.is_none() => model.notice = Some(Notice::info(messages::NO_ANSWER_SELECTED)),
        Action::DeleteWhy => delete(model, current.unwrap_or_default()),
        Action::MoveWhyUp | Action::MoveWhyDown => {
            let id = current.unwrap_or_default();
            let up = action == Action::MoveWhyUp;
            // Tried on a copy, so a move that cannot happen leaves no undo step.
            let mut whys = doc.session.whys.clone();
            if if up { whys.move_up(&id) } else { whys.move_down(&id) } {
                doc.edit(|s, _| s.whys = whys);
            } else {
                let text = if up { messages::ALREADY_FIRST } else { messages::ALREADY_LAST };
                model.notice = Some(Notice::info(text));
            }
        }
        Action::MoveWhy => model.overlay = Some(Overlay::Pick(parent_picker(doc, current))),
        Action::MarkSystemCondition => {
            let id = current.unwrap_or_default();
            let mut on = false;
            doc.edit(|s, _| {
                if let Some(w) = s.why_mut(&id) {
                    w.system_condition = !w.system_condition;
                    on = w.system_condition;
                }
            });
            model.notice = Some(Notice::info(messages::condition_marked(&id, on)));
        }
        Action::PromoteToFactor => promote(model, current.unwrap_or_default()),
        _ => {}
    }
    Vec::new()
}

fn step_selection(doc: &mut Doc, action: &Action) {
    let rows: Vec<String> = visible(doc).iter().map(|(w, _)| w.id.clone()).collect();
    let Some(last) = rows.len().checked_sub(1) else { return };
    let at = selected_id(doc).and_then(|id| rows.iter().position(|r| *r == id)).unwrap_or(0);
    let next = match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => (at + 1).min(last),
        Action::PageUp => at.saturating_sub(PAGE),
        Action::PageDown => (at + PAGE).min(last),
        Action::Top => 0,
        _ => last,
    };
    doc.whys.selected = Some(rows[next].clone());
}

/// Space folds or unfolds; ← folds (or goes to the parent), → unfolds (or goes down).
fn fold(model: &mut Model, action: &Action) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(id) = selected_id(doc) else { return };
    let whys = &doc.session.whys;
    let first_child = whys.children_of(Some(&id)).first().map(|w| w.id.clone());
    let parent = whys.why(&id).and_then(|w| w.parent.clone());
    let folded = doc.whys.collapsed.contains(&id);
    match (action, first_child) {
        (Action::ToggleFold, Some(_)) if folded => _ = doc.whys.collapsed.remove(&id),
        (Action::ToggleFold | Action::Collapse, Some(_)) if !folded => {
            doc.whys.collapsed.insert(id);
        }
        (Action::ToggleFold, None) => model.notice = Some(Notice::info(messages::NOTHING_TO_FOLD)),
        (Action::Collapse, _) => doc.whys.selected = parent.or(Some(id)),
        (Action::Expand, Some(_)) if folded => _ = doc.whys.collapsed.remove(&id),
        (Action::Expand, Some(child)) => doc.whys.selected = Some(child),
        _ => {}
    }
}

fn delete(model: &mut Model, id: String) {
    let Some(doc) = model.doc.as_mut() else { return };
    // Select what stays in view: the answer above, or the one below.
    let rows: Vec<String> = visible(doc).iter().map(|(w, _)| w.id.clone()).collect();
    let at = rows.iter().position(|r| *r == id).unwrap_or(0);
    let mut removed = 0;
    doc.edit(|s, _| removed = s.remove_why_subtree(&id).len());
    let stays = |r: &String| doc.session.whys.why(r).is_some();
    doc.whys.selected =
        rows[..at].iter().rev().find(|r| stays(r)).or(rows.iter().find(|r| stays(r))).cloned();
    model.notice = Some(Notice::info(messages::why_deleted(&id, removed.saturating_sub(1))));
}

fn reframe(model: &mut Model, current: Option<String>) {
    let Some(doc) = model.doc.as_ref() else { return };
    let Some(w) = current.as_deref().and_then(|id| doc.session.whys.why(id)) else {
        model.notice = Some(Notice::info(messages::NO_ANSWER_SELECTED));
        return;
    };
    if wrong_turn(&w.text, &known_names(&doc.session)).is_none() {
        model.notice = Some(Notice::info(messages::not_a_wrong_turn(&w.id)));
        return;
    }
    open_form(model, WhyPlace::Reframe(w.id.clone()));
}

/// A factor from a system condition; one that already has a factor points at it instead.
fn promote(model: &mut Model, id: String) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(w) = doc.session.whys.why(&id).cloned() else { return };
    if let Some(i) = doc.session.factors.iter().position(|f| f.whys.contains(&id)) {
        let factor = doc.session.factors[i].id.clone();
        doc.step = Step::Factors;
        doc.factors.selected = i;
        model.notice = Some(Notice::info(messages::already_a_factor(&id, &factor)));
        return;
    }
    if wrong_turn(&w.text, &known_names(&doc.session)).is_some() {
        model.notice = Some(Notice::info(messages::WRONG_TURN_NOT_PROMOTED));
        return;
    }
    if !w.system_condition {
        model.notice = Some(Notice::info(messages::mark_condition_first(&id)));
        return;
    }
    let factor_id = doc.factor_ids.next_id();
    let factor = Factor {
        id: factor_id.clone(),
        text: w.text.clone(),
        whys: vec![id.clone()],
        ..Factor::default()
    };
    doc.edit(|s, _| s.factors.push(factor));
    doc.step = Step::Factors;
    doc.factors.selected = doc.session.factors.len().saturating_sub(1);
    doc.factors.picture = false;
    if let Some(f) = doc.session.factor(&factor_id) {
        let form =
            super::factors_step::factor_form(Some(f)).focus_on(super::factors_step::CATEGORY);
        model.overlay = Some(Overlay::Form(form));
    }
    model.notice = Some(Notice::info(messages::factor_from_why(&factor_id, &id)));
}

fn open_form(model: &mut Model, place: WhyPlace) {
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

fn edit_form(w: &Why) -> Form {
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
        form.focus_on_label(ANSWER);
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
            doc.edit(|s, _| {
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
    let id = doc.why_ids.next_id();
    let why = Why { id: id.clone(), text, note, ..Why::default() };
    doc.edit(|s, _| {
        let _ = match &place {
            WhyPlace::Child(parent) => s.whys.add_child(parent.as_deref(), why),
            WhyPlace::Sibling(of) => s.whys.add_sibling(of, why),
            WhyPlace::Reframe(of) => s.whys.add_reframing(of, why),
        };
    });
    if let WhyPlace::Child(Some(parent)) = &place {
        doc.whys.collapsed.remove(parent);
    }
    doc.whys.selected = Some(id);
    Vec::new()
}

/// The answers an answer can move under: the incident itself, and every answer that is
/// not the answer or below it.
fn parent_picker(doc: &Doc, current: Option<String>) -> Picker {
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

/// Moves `id` under the chosen parent (`None` when nothing was chosen).
pub fn reparent(model: &mut Model, id: &str, chosen: Option<Option<String>>) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(parent) = chosen else { return };
    let mut whys = doc.session.whys.clone();
    match whys.reparent(id, parent.as_deref()) {
        Ok(()) => {
            doc.edit(|s, _| s.whys = whys);
            if let Some(p) = &parent {
                doc.whys.collapsed.remove(p);
            }
            doc.whys.selected = Some(id.to_string());
            model.notice = Some(Notice::info(messages::moved_under(id, parent.as_deref())));
        }
        Err(problem) => model.notice = Some(Notice::problem(problem.to_string())),
    }
}
