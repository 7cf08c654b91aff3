//! What an intent does on the Actions step: adding, editing and deleting actions, status
//! changes with the notes they need, the follow-up meeting one action at a time, and
//! conditions seen in earlier reviews. Every change goes through `Doc::edit`.

use crate::model::ActionStatus;
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::screens::form::Purpose;
use crate::tui::selection::move_in_list;
use crate::tui::steps::Step;
use crate::tui::steps::actions::forms::{self, note_form};
use crate::tui::steps::actions::state::{ActionsMode, committed};
use crate::tui::update::Handled;

/// The step was shown: the earlier reviews are read once, for recurrence.
pub fn entered(model: &mut Model) -> Vec<Effect> {
    match model.doc.as_mut() {
        Some(doc) if doc.step == Step::Actions && !doc.library_requested => {
            doc.library_requested = true;
            vec![Effect::LoadActions]
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

pub fn handle(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    match doc.actions.mode.clone() {
        ActionsMode::List => list(model, intent),
        ActionsMode::Recurrence { scroll } => {
            let scroll = match intent {
                Intent::ShowRecurrence | Intent::Cancel => {
                    doc.actions.mode = ActionsMode::List;
                    return Handled::done();
                }
                Intent::Up => scroll.saturating_sub(1),
                Intent::Down => scroll.saturating_add(1).min(500),
                Intent::PageUp => scroll.saturating_sub(10),
                Intent::PageDown => scroll.saturating_add(10).min(500),
                Intent::Top => 0,
                _ => return Handled::No,
            };
            doc.actions.mode = ActionsMode::Recurrence { scroll };
            Handled::done()
        }
        ActionsMode::Walk { index, finished } => meeting(model, intent, index, finished),
    }
}

fn list(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let n = doc.session.actions.len();
    match intent {
        i if i.is_movement() => move_in_list(&mut doc.actions.selected, n, &i),
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
                return Handled::done();
            };
            doc.edit(|s| s.actions.retain(|a| a.id != id));
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
        _ => return Handled::No,
    }
    Handled::done()
}

/// The follow-up meeting: one committed action at a time, then a summary of them all
/// (where nothing is "the" action to change).
fn meeting(model: &mut Model, intent: Intent, index: usize, finished: bool) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let n = committed(&doc.session.actions).len();
    let current = doc.walked_action().map(|a| a.id.clone());
    let walk = |index, finished| ActionsMode::Walk { index, finished };
    match intent {
        Intent::WalkNext | Intent::Down if finished => return Handled::No,
        Intent::WalkNext | Intent::Down if index + 1 >= n => doc.actions.mode = walk(index, true),
        Intent::WalkNext | Intent::Down => doc.actions.mode = walk(index + 1, false),
        Intent::WalkBack | Intent::Up if finished => doc.actions.mode = walk(index, false),
        Intent::WalkBack | Intent::Up if index == 0 => {
            model.notice = Some(Notice::info(messages::FIRST_IN_MEETING));
        }
        Intent::WalkBack | Intent::Up => doc.actions.mode = walk(index - 1, false),
        Intent::SetStatus(_) | Intent::EditAction if finished => return Handled::No,
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
        _ => return Handled::No,
    }
    Handled::done()
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
        let mut form = note_form(purpose, action, to);
        if to == ActionStatus::Verified {
            forms::show_what_to_verify(&mut form, action, &doc.session, &model.policy);
        }
        model.overlay = Some(Overlay::Form(form));
        return;
    }
    apply_status(model, id, to, "");
}

pub fn apply_status(model: &mut Model, id: &str, to: ActionStatus, note: &str) {
    let today = model.today();
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(mut moved) = doc.session.actions.iter().find(|a| a.id == id).cloned() else {
        return;
    };
    let rewritten = moved.status == to;
    if let Err(refusal) = moved.move_or_note(to, note) {
        model.notice = Some(Notice::problem(messages::status_refused(id, &refusal.to_string())));
        return;
    }
    // The day it was shown to work; a rewritten note keeps the first day, and an action
    // taken back from verified is no longer verified on any day.
    moved.verified_on = match to {
        ActionStatus::Verified if rewritten => moved.verified_on.or(Some(today)),
        ActionStatus::Verified => Some(today),
        _ => None,
    };
    let changed = doc.edit(|s| {
        if let Some(a) = s.actions.iter_mut().find(|a| a.id == id) {
            *a = moved;
        }
    });
    model.notice = Some(if changed && rewritten {
        Notice::info(messages::note_updated(id))
    } else if changed && to == ActionStatus::Verified {
        Notice::info(messages::verified_on(id, &today.format("%a %-d %b %Y").to_string()))
    } else if changed {
        Notice::info(messages::status_set(id, to.label()))
    } else {
        Notice::problem(messages::READ_ONLY)
    });
    if matches!(doc.actions.mode, ActionsMode::List) {
        doc.select_action(id);
    }
}
