//! What an intent does on the Whys step: asking why of an answer, branching, folding,
//! moving answers about, marking system conditions, reframing wrong turns and promoting
//! conditions to factors.

use crate::analysis::actions::known_names;
use crate::analysis::whys::wrong_turn;
use crate::model::{Factor, WhyTree, WhyTreeEdit};
use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::screens::form::WhyPlace;
use crate::tui::selection::move_in_list;
use crate::tui::steps::Step;
use crate::tui::steps::whys::forms::{edit_form, open_form, parent_picker};
use crate::tui::steps::whys::state::{selected_id, visible};
use crate::tui::update::Handled;

pub fn handle(model: &mut Model, intent: Intent) -> Handled {
    use Intent as I;
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let current = selected_id(doc);
    let changes = matches!(
        intent,
        I::AddChildWhy
            | I::AddSiblingWhy
            | I::ReframeWhy
            | I::EditWhy
            | I::DeleteWhy
            | I::MoveWhyUp
            | I::MoveWhyDown
            | I::MoveWhy
            | I::MarkSystemCondition
            | I::PromoteToFactor
    );
    let needs_answer = changes && !matches!(intent, I::AddChildWhy | I::AddSiblingWhy);
    match intent {
        i if i.is_movement() => step_selection(doc, &i),
        I::BigView => doc.whys.big = !doc.whys.big,
        I::ToggleFold | I::Collapse | I::Expand => fold(model, &intent),
        _ if !changes => return Handled::No,
        _ if doc.read_only => model.notice = Some(Notice::problem(messages::READ_ONLY)),
        _ if needs_answer && current.is_none() => {
            model.notice = Some(Notice::info(messages::NO_ANSWER_SELECTED));
        }
        I::AddChildWhy => open_form(model, WhyPlace::Child(current)),
        I::AddSiblingWhy => match current {
            Some(id) => open_form(model, WhyPlace::Sibling(id)),
            // Nothing stands beside the incident: say where a new branch comes from.
            None if doc.whys.incident => {
                let hint = messages::nothing_beside_incident(&model.key_hint(&I::AddChildWhy));
                model.notice = Some(Notice::info(hint));
            }
            None => open_form(model, WhyPlace::Child(None)),
        },
        I::ReframeWhy => reframe(model, current),
        I::EditWhy => {
            if let Some(w) = doc.session.whys.why(current.as_deref().unwrap_or("")) {
                model.overlay = Some(Overlay::Form(edit_form(w)));
            }
        }
        I::DeleteWhy => delete(model, current.unwrap_or_default()),
        I::MoveWhyUp | I::MoveWhyDown => {
            move_among_siblings(model, &current.unwrap_or_default(), intent == I::MoveWhyUp)
        }
        I::MoveWhy => model.overlay = Some(Overlay::Pick(parent_picker(doc, current))),
        I::MarkSystemCondition => {
            let id = current.unwrap_or_default();
            let mut on = false;
            doc.edit(|s| {
                if let Some(w) = s.why_mut(&id) {
                    w.system_condition = !w.system_condition;
                    on = w.system_condition;
                }
            });
            model.notice = Some(Notice::info(messages::condition_marked(&id, on)));
        }
        I::PromoteToFactor => promote(model, current.unwrap_or_default()),
        _ => return Handled::No,
    }
    Handled::done()
}

/// Tried on a copy, so a move that cannot happen leaves no undo step.
fn move_among_siblings(model: &mut Model, id: &str, up: bool) {
    let Some(doc) = model.doc.as_mut() else { return };
    let mut whys = doc.session.whys.clone();
    if if up { whys.move_up(id) } else { whys.move_down(id) } {
        doc.edit(|s| s.whys = whys);
    } else {
        let text = if up { messages::ALREADY_FIRST } else { messages::ALREADY_LAST };
        model.notice = Some(Notice::info(text));
    }
}

/// Moves through the rows as drawn: the incident first, then each visible answer.
fn step_selection(doc: &mut Doc, intent: &Intent) {
    let rows: Vec<String> = visible(doc).iter().map(|(w, _)| w.id.clone()).collect();
    if rows.is_empty() {
        return;
    }
    let mut at = match selected_id(doc) {
        None => 0,
        Some(id) => rows.iter().position(|r| *r == id).map_or(1, |i| i + 1),
    };
    move_in_list(&mut at, rows.len() + 1, intent);
    match at.checked_sub(1).and_then(|i| rows.get(i)) {
        Some(id) => doc.whys.select(Some(id.clone())),
        None => doc.whys.incident = true,
    }
}

/// Space folds or unfolds; ← folds (or goes to the parent), → unfolds (or goes down).
fn fold(model: &mut Model, action: &Intent) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(id) = selected_id(doc) else { return };
    let whys = &doc.session.whys;
    let first_child = whys.children_of(Some(&id)).first().map(|w| w.id.clone());
    let parent = whys.why(&id).and_then(|w| w.parent.clone());
    let folded = doc.whys.collapsed.contains(&id);
    match (action, first_child) {
        (Intent::ToggleFold, Some(_)) if folded => _ = doc.whys.collapsed.remove(&id),
        (Intent::ToggleFold | Intent::Collapse, Some(_)) if !folded => {
            doc.whys.collapsed.insert(id);
        }
        (Intent::ToggleFold, None) => model.notice = Some(Notice::info(messages::NOTHING_TO_FOLD)),
        (Intent::Collapse, _) => doc.whys.select(parent.or(Some(id))),
        (Intent::Expand, Some(_)) if folded => _ = doc.whys.collapsed.remove(&id),
        (Intent::Expand, Some(child)) => doc.whys.select(Some(child)),
        _ => {}
    }
}

fn delete(model: &mut Model, id: String) {
    let Some(doc) = model.doc.as_mut() else { return };
    // Select what stays in view: the answer above, or the one below.
    let rows: Vec<String> = visible(doc).iter().map(|(w, _)| w.id.clone()).collect();
    let at = rows.iter().position(|r| *r == id).unwrap_or(0);
    let mut removed = 0;
    doc.edit(|s| removed = s.remove_why_subtree(&id).len());
    let stays = |r: &String| doc.session.whys.why(r).is_some();
    let stay =
        rows[..at].iter().rev().find(|r| stays(r)).or(rows.iter().find(|r| stays(r))).cloned();
    doc.whys.select(stay);
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
    let factor_id = match doc.ids.factors.next_id() {
        Ok(id) => id,
        Err(e) => {
            model.notice = Some(Notice::exhausted(&e));
            return;
        }
    };
    let factor = Factor {
        id: factor_id.clone(),
        text: w.text.clone(),
        whys: vec![id.clone()],
        ..Factor::default()
    };
    doc.edit(|s| s.factors.push(factor));
    doc.step = Step::Factors;
    doc.factors.selected = doc.session.factors.len().saturating_sub(1);
    doc.factors.picture = false;
    if let Some(f) = doc.session.factor(&factor_id) {
        let form = crate::tui::steps::factors::forms::factor_form(Some(f))
            .focus_on(crate::tui::steps::factors::forms::CATEGORY);
        model.overlay = Some(Overlay::Form(form));
    }
    model.notice = Some(Notice::info(messages::factor_from_why(&factor_id, &id)));
}

/// Moves `id` under the chosen parent (`None` when nothing was chosen).
pub fn reparent(model: &mut Model, id: &str, chosen: Option<Option<String>>) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(parent) = chosen else { return };
    let mut whys = doc.session.whys.clone();
    match whys.reparent(id, parent.as_deref()) {
        Ok(()) => {
            doc.edit(|s| s.whys = whys);
            if let Some(p) = &parent {
                doc.whys.collapsed.remove(p);
            }
            doc.whys.select(Some(id.to_string()));
            model.notice = Some(Notice::info(messages::moved_under(id, parent.as_deref())));
        }
        Err(problem) => model.notice = Some(Notice::problem(problem.to_string())),
    }
}
