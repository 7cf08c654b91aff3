//! What an intent does on the Actions step: adding, editing and deleting actions, status
//! changes with the notes they need, the follow-up meeting one action at a time, and
//! conditions seen in earlier reviews. Every change goes through `Doc::edit`.

use crate::model::ActionStatus;
use crate::tui::app::{Model, Notice, Overlay, Screen};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::screens::form::Purpose;
use crate::tui::steps::Step;
use crate::tui::steps::actions::forms::{self, note_form};
use crate::tui::steps::actions::state::{ActionsMode, committed};

/// The step was shown: the earlier reviews are read once, for recurrence.
pub fn entered(model: &mut Model) -> Vec<Effect> {
    match model.doc.as_mut() {
        Some(doc) if doc.step == Step::Actions && !doc.library_requested => {
            doc.library_requested = true;
            vec![Effect::LoadLibrary]
        }
        _ => Vec::new(),
    }
}

/// Opens the step with the follow-up meeting on action `id` (from the follow-up view).
pub fn start_meeting_at(model: &mut Model, id: &str) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    doc.step = Step::Actions;
    let list = committed(&doc.session.actions);
    let index = list.iter().position(|i| doc.session.actions[*i].id == id).unwrap_or(0);
    doc.actions.mode = ActionsMode::Walk { index, finished: false };
    entered(model)
}

pub fn action(model: &mut Model, action: Intent) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    match doc.actions.mode.clone() {
        ActionsMode::List => list_action(model, action),
        ActionsMode::Recurrence { scroll } => {
            doc.actions.mode = match action {
                Intent::ShowRecurrence | Intent::Cancel => ActionsMode::List,
                Intent::Up => ActionsMode::Recurrence { scroll: scroll.saturating_sub(1) },
                Intent::Down => {
                    ActionsMode::Recurrence { scroll: scroll.saturating_add(1).min(500) }
                }
                Intent::PageUp => ActionsMode::Recurrence { scroll: scroll.saturating_sub(10) },
                Intent::PageDown => {
                    ActionsMode::Recurrence { scroll: scroll.saturating_add(10).min(500) }
                }
                Intent::Top => ActionsMode::Recurrence { scroll: 0 },
                _ => ActionsMode::Recurrence { scroll },
            };
        }
        ActionsMode::Walk { index, finished } => walk_action(model, action, index, finished),
    }
    Vec::new()
}

/// Whether `action` does something here now; the footer shows only those.
pub fn offers(model: &Model, action: &Intent) -> bool {
    use Intent as A;
    let Some(doc) = model.doc.as_ref() else { return true };
    if model.screen != Screen::Console || model.overlay.is_some() || doc.step != Step::Actions {
        return true;
    }
    let selected = match doc.actions.mode {
        ActionsMode::Walk { .. } => doc.walked_action(),
        _ => doc.selected_action(),
    };
    let walking = matches!(doc.actions.mode, ActionsMode::Walk { .. });
    // The meeting's summary shows every action: nothing in it is "the" one to change.
    let summary = matches!(doc.actions.mode, ActionsMode::Walk { finished: true, .. });
    let recurrence = matches!(doc.actions.mode, ActionsMode::Recurrence { .. });
    let on_one = !recurrence && !summary;
    match action {
        A::SetStatus(to) => on_one && selected.is_some_and(|a| a.status.can_take(*to)),
        A::WalkNext => walking && !summary,
        A::WalkBack => walking,
        A::Cancel => doc.actions.mode != ActionsMode::List,
        A::EditAction => selected.is_some() && on_one,
        A::DeleteAction => selected.is_some() && doc.actions.mode == ActionsMode::List,
        A::FollowUpMeeting => {
            doc.actions.mode == ActionsMode::List && !committed(&doc.session.actions).is_empty()
        }
        A::AddAction | A::ShowRecurrence => doc.actions.mode == ActionsMode::List,
        _ => true,
    }
}

fn list_action(model: &mut Model, action: Intent) {
    let Some(doc) = model.doc.as_mut() else { return };
    let n = doc.session.actions.len();
    let sel = &mut doc.actions.selected;
    match action {
        a if a.is_movement() => crate::tui::selection::move_in_list(sel, n, &a),
        Intent::AddAction | Intent::EditAction | Intent::DeleteAction | Intent::SetStatus(_)
            if doc.read_only =>
        {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Intent::AddAction => {
            model.overlay = Some(Overlay::Form(forms::form(model, None)));
        }
        Intent::EditAction => edit_selected(model, None),
        Intent::DeleteAction => {
            let Some(id) = doc.selected_action().map(|a| a.id.clone()) else {
                model.notice = Some(Notice::info(messages::NO_ACTION));
                return;
            };
            doc.edit(|s, _| s.actions.retain(|a| a.id != id));
            doc.clamp_selection();
            model.notice = Some(Notice::info(messages::ACTION_DELETED));
        }
        Intent::SetStatus(to) => {
            match doc.selected_action().map(|a| a.id.clone()) {
                Some(id) => set_status(model, &id, to),
                None => model.notice = Some(Notice::info(messages::NO_ACTION)),
            };
        }
        Intent::FollowUpMeeting if committed(&doc.session.actions).is_empty() => {
            model.notice = Some(Notice::info(messages::NO_COMMITTED));
        }
        Intent::FollowUpMeeting => {
            let list = committed(&doc.session.actions);
            let current = doc.selected_action().map(|a| a.id.clone()).unwrap_or_default();
            let index =
                list.iter().position(|i| doc.session.actions[*i].id == current).unwrap_or(0);
            doc.actions.mode = ActionsMode::Walk { index, finished: false };
        }
        Intent::ShowRecurrence => doc.actions.mode = ActionsMode::Recurrence { scroll: 0 },
        _ => {}
    }
}

fn walk_action(model: &mut Model, action: Intent, index: usize, finished: bool) {
    let Some(doc) = model.doc.as_mut() else { return };
    let n = committed(&doc.session.actions).len();
    let current = doc.walked_action().map(|a| a.id.clone());
    match action {
        Intent::WalkNext | Intent::Down if finished => {}
        Intent::WalkNext | Intent::Down if index + 1 >= n => {
            doc.actions.mode = ActionsMode::Walk { index, finished: true };
        }
        Intent::WalkNext | Intent::Down => {
            doc.actions.mode = ActionsMode::Walk { index: index + 1, finished: false };
        }
        Intent::WalkBack | Intent::Up if finished => {
            doc.actions.mode = ActionsMode::Walk { index, finished: false };
        }
        Intent::WalkBack | Intent::Up => {
            doc.actions.mode =
                ActionsMode::Walk { index: index.saturating_sub(1), finished: false };
        }
        Intent::SetStatus(_) | Intent::EditAction if finished => {}
        Intent::SetStatus(_) | Intent::EditAction if doc.read_only => {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Intent::SetStatus(to) => {
            if let Some(id) = current {
                set_status(model, &id, to);
            }
        }
        Intent::EditAction => edit_selected(model, current),
        Intent::Cancel | Intent::FollowUpMeeting => {
            if let Some(id) = current {
                doc.select_action(&id);
            }
            doc.actions.mode = ActionsMode::List;
            model.notice = Some(Notice::info(messages::MEETING_ENDED));
        }
        _ => {}
    }
}

fn edit_selected(model: &mut Model, id: Option<String>) {
    let Some(doc) = model.doc.as_ref() else { return };
    let id = id.or_else(|| doc.selected_action().map(|a| a.id.clone()));
    match id.and_then(|id| doc.session.actions.iter().find(|a| a.id == id)) {
        Some(a) => {
            let form = forms::form(model, Some(a));
            model.overlay = Some(Overlay::Form(form));
        }
        None => model.notice = Some(Notice::info(messages::NO_ACTION)),
    }
}

/// Moves action `id` to `to`. Verified and won't do ask for their note first; a step the
/// lifecycle does not allow is refused with the reason.
fn set_status(model: &mut Model, id: &str, to: ActionStatus) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(action) = doc.session.actions.iter().find(|a| a.id == id) else { return };
    let mut trial = action.clone();
    if let Err(refusal) = trial.move_or_note(to, "-") {
        model.notice = Some(Notice::problem(messages::status_refused(id, &refusal.to_string())));
        return;
    }
    if to.needs_note() {
        let purpose = Purpose::StatusNote { action: id.to_string(), status: to };
        model.overlay = Some(Overlay::Form(note_form(purpose, action, to)));
        return;
    }
    apply_status(model, id, to, "");
}

pub fn apply_status(model: &mut Model, id: &str, to: ActionStatus, note: &str) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(mut moved) = doc.session.actions.iter().find(|a| a.id == id).cloned() else {
        return;
    };
    let rewritten = moved.status == to;
    if let Err(refusal) = moved.move_or_note(to, note) {
        model.notice = Some(Notice::problem(messages::status_refused(id, &refusal.to_string())));
        return;
    }
    let changed = doc.edit(|s, _| {
        if let Some(a) = s.actions.iter_mut().find(|a| a.id == id) {
            *a = moved;
        }
    });
    model.notice = Some(if changed && rewritten {
        Notice::info(messages::note_updated(id))
    } else if changed {
        Notice::info(messages::status_set(id, to.label()))
    } else {
        Notice::problem(messages::READ_ONLY)
    });
    if matches!(doc.actions.mode, ActionsMode::List) {
        doc.select_action(id);
    }
}
