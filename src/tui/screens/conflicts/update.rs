//! What an intent does in the conflict view: keep ours, keep theirs, or edit the item in
//! its own form; each is one undoable edit that removes the conflict entry.

use crate::merge::{Resolution, resolve};
use crate::model::ItemRef;
use crate::model::text::sanitize_line;
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::screens::conflicts::state::Editing;
use crate::tui::screens::conflicts::words;
use crate::tui::selection::move_in_list;

/// Shows the view, if the open review has conflicts; says so if not.
pub fn show(model: &mut Model) {
    let Some(doc) = model.doc.as_mut() else { return };
    if doc.session.conflicts.is_empty() {
        model.notice = Some(Notice::info(words::NONE_LEFT));
        return;
    }
    let n = doc.session.conflicts.len();
    doc.conflicts.selected = doc.conflicts.selected.min(n - 1);
    model.overlay = Some(Overlay::Conflicts);
}

pub fn action(model: &mut Model, intent: Intent) -> Vec<Effect> {
    model.overlay = Some(Overlay::Conflicts);
    let Some(doc) = model.doc.as_mut() else {
        model.overlay = None;
        return Vec::new();
    };
    let n = doc.session.conflicts.len();
    match intent {
        Intent::Cancel => {
            model.overlay = None;
            if n > 0 {
                let key = model.key_hint(&Intent::ShowConflicts);
                model.notice = Some(Notice::problem(words::remaining(n, &key)));
            }
        }
        i if i.is_movement() => move_in_list(&mut doc.conflicts.selected, n, &i),
        Intent::KeepOurs => keep(model, Resolution::Ours),
        Intent::KeepTheirs => keep(model, Resolution::Theirs),
        Intent::EditConflict => return edit(model),
        _ => {}
    }
    Vec::new()
}

fn keep(model: &mut Model, resolution: Resolution) {
    let Some(doc) = model.doc.as_mut() else { return };
    let index = doc.conflicts.selected;
    let Some(conflict) = doc.session.conflicts.get(index) else { return };
    let item = conflict.item.clone();
    if doc.read_only {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return;
    }
    match resolve(&doc.session, index, resolution) {
        Ok(resolved) => {
            doc.edit(|session| *session = resolved);
            doc.ids.observe(&doc.session);
            doc.clamp_selection();
            let side = if resolution == Resolution::Ours { "our" } else { "their" };
            model.notice = Some(Notice::info(words::kept(side, &sanitize_line(&item))));
            settled(model);
        }
        Err(e) => model.notice = Some(Notice::problem(words::refused(&e.to_string()))),
    }
}

/// Opens the item's own form, on its step, with the version the review holds (ours).
fn edit(model: &mut Model) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let Some(conflict) = doc.session.conflicts.get(doc.conflicts.selected) else {
        return Vec::new();
    };
    let (item, field) = (conflict.item.clone(), conflict.field.clone());
    let intent = match ItemRef::parse(&item) {
        _ if item == "incident" => Intent::IncidentDetails,
        Some(found) if found.id.is_some() => {
            crate::tui::steps::review::update::jump(doc, &found);
            match found.kind {
                crate::model::ItemKind::Event => Intent::EditEvent,
                crate::model::ItemKind::Why => Intent::EditWhy,
                crate::model::ItemKind::Factor => Intent::EditFactor,
                crate::model::ItemKind::Behaviour => Intent::EditBehaviour,
                crate::model::ItemKind::Action => Intent::EditAction,
                crate::model::ItemKind::Incident => Intent::IncidentDetails,
            }
        }
        _ => {
            model.notice = Some(Notice::info(words::NO_FORM));
            return Vec::new();
        }
    };
    let generation = doc.generation;
    model.overlay = None;
    let effects = crate::tui::screens::console::update::handle(model, intent);
    match (&model.overlay, model.doc.as_mut()) {
        (Some(Overlay::Form(_)), Some(doc)) => {
            doc.conflicts.editing = Some(Editing { item, field, generation });
        }
        _ => {
            // The item is not in the review (a side deleted it): choose a version instead.
            model.overlay = Some(Overlay::Conflicts);
            model.notice = Some(Notice::info(words::NO_FORM));
        }
    }
    effects
}

/// After every intent: once an item's form opened from here has closed, its conflict goes
/// if the form saved (in the same undo step as the edit), and the view comes back while
/// conflicts remain.
pub fn after(model: &mut Model) {
    if model.overlay.is_some() {
        return;
    }
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(editing) = doc.conflicts.editing.take() else { return };
    if doc.generation != editing.generation {
        let at = (doc.session.conflicts.iter())
            .position(|c| c.item == editing.item && c.field == editing.field);
        if let Some(at) = at {
            // No history record of its own: undoing the edit brings the conflict back too.
            doc.session.conflicts.remove(at);
            doc.generation += 1;
            doc.dirty = true;
            model.notice = Some(Notice::info(words::edited(&sanitize_line(&editing.item))));
        }
    }
    settled(model);
}

/// The view stays while conflicts remain, and says so when none do.
fn settled(model: &mut Model) {
    let Some(doc) = model.doc.as_mut() else { return };
    let n = doc.session.conflicts.len();
    if n == 0 {
        model.overlay = None;
        model.notice = Some(Notice::info(words::ALL_RESOLVED));
    } else {
        doc.conflicts.selected = doc.conflicts.selected.min(n - 1);
        model.overlay = Some(Overlay::Conflicts);
    }
}
