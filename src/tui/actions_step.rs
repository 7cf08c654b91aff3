//! The Actions step: committed actions with their five checks, ideas kept apart, status
//! changes with the notes they need, the follow-up meeting walk-through, and conditions
//! seen in earlier reviews. Every change goes through `Doc::edit`, so each is one undo step.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::action::{Action, Step};
use super::action_form;
use super::app::{Doc, Model, Notice, Overlay, Screen};
use super::effects::Effect;
use super::form::{Feedback, Field, Form, Purpose};
use super::messages;
use crate::analysis::recurrence::{self, Recurrence};
use crate::model::text::sanitize;
use crate::model::{ActionItem, ActionStatus, Category};

/// What the step shows, and where the person is in it.
#[derive(Debug, Default)]
pub struct ActionsView {
    /// Index into `order`: committed actions first, then ideas.
    pub selected: usize,
    /// First visible row; the renderer keeps the selection in view.
    pub offset: Cell<usize>,
    pub mode: Mode,
    /// Conditions seen before, for the factors they were worked out for: reading every
    /// earlier review's factors again on each frame would be slow with many reviews.
    pub seen: RefCell<Option<(FactorKey, Rc<Vec<Recurrence>>)>>,
}

/// The factors as recurrence reads them: id, category, text.
pub type FactorKey = Vec<(String, Category, String)>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    List,
    /// Conditions of this review seen in earlier ones, scrolled by `scroll` rows.
    Recurrence { scroll: u16 },
    /// The follow-up meeting, one committed action at a time.
    Walk { index: usize, finished: bool },
}

/// Indices of the actions as listed: committed in file order, then the ideas.
pub fn order(actions: &[ActionItem]) -> Vec<usize> {
    let committed = (0..actions.len()).filter(|i| actions[*i].status.is_committed());
    let ideas = (0..actions.len()).filter(|i| !actions[*i].status.is_committed());
    committed.chain(ideas).collect()
}

/// Indices of the committed actions: what the follow-up meeting steps through.
pub fn committed(actions: &[ActionItem]) -> Vec<usize> {
    (0..actions.len()).filter(|i| actions[*i].status.is_committed()).collect()
}

impl Doc {
    pub fn selected_action(&self) -> Option<&ActionItem> {
        let order = order(&self.session.actions);
        order.get(self.actions.selected).map(|i| &self.session.actions[*i])
    }

    /// The action the meeting is on, if it is open.
    pub fn walked_action(&self) -> Option<&ActionItem> {
        let Mode::Walk { index, .. } = self.actions.mode else { return None };
        committed(&self.session.actions).get(index).map(|i| &self.session.actions[*i])
    }

    pub fn select_action(&mut self, id: &str) {
        let order = order(&self.session.actions);
        if let Some(i) = order.iter().position(|i| self.session.actions[*i].id == id) {
            self.actions.selected = i;
        }
    }

    /// Conditions of this review seen in earlier ones, once the data folder has been read.
    pub fn recurrences(&self) -> Rc<Vec<Recurrence>> {
        let Some(others) = self.library.as_deref() else { return Rc::default() };
        let key: FactorKey = (self.session.factors.iter())
            .map(|f| (f.id.clone(), f.category, f.text.clone()))
            .collect();
        let mut cache = self.actions.seen.borrow_mut();
        match cache.as_ref() {
            Some((k, found)) if *k == key => Rc::clone(found),
            _ => {
                let found = Rc::new(recurrence::find(&self.session, Some(&self.path), others));
                *cache = Some((key, Rc::clone(&found)));
                found
            }
        }
    }

    pub(super) fn clamp_actions(&mut self) {
        let n = self.session.actions.len();
        self.actions.selected = self.actions.selected.min(n.saturating_sub(1));
        let walked = committed(&self.session.actions).len();
        if let Mode::Walk { index, .. } = &mut self.actions.mode {
            *index = (*index).min(walked.saturating_sub(1));
        }
    }
}

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
    doc.actions.mode = Mode::Walk { index, finished: false };
    entered(model)
}

pub fn action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    match doc.actions.mode.clone() {
        Mode::List => list_action(model, action),
        Mode::Recurrence { scroll } => {
            doc.actions.mode = match action {
                Action::ShowRecurrence | Action::Cancel => Mode::List,
                Action::Up => Mode::Recurrence { scroll: scroll.saturating_sub(1) },
                Action::Down => Mode::Recurrence { scroll: scroll.saturating_add(1).min(500) },
                Action::PageUp => Mode::Recurrence { scroll: scroll.saturating_sub(10) },
                Action::PageDown => Mode::Recurrence { scroll: scroll.saturating_add(10).min(500) },
                Action::Top => Mode::Recurrence { scroll: 0 },
                _ => Mode::Recurrence { scroll },
            };
        }
        Mode::Walk { index, finished } => walk_action(model, action, index, finished),
    }
    Vec::new()
}

/// Whether `action` does something here now; the footer shows only those.
pub fn offers(model: &Model, action: &Action) -> bool {
    use Action as A;
    let Some(doc) = model.doc.as_ref() else { return true };
    if model.screen != Screen::Console || model.overlay.is_some() || doc.step != Step::Actions {
        return true;
    }
    let selected = match doc.actions.mode {
        Mode::Walk { .. } => doc.walked_action(),
        _ => doc.selected_action(),
    };
    let walking = matches!(doc.actions.mode, Mode::Walk { .. });
    // The meeting's summary shows every action: nothing in it is "the" one to change.
    let summary = matches!(doc.actions.mode, Mode::Walk { finished: true, .. });
    let recurrence = matches!(doc.actions.mode, Mode::Recurrence { .. });
    let on_one = !recurrence && !summary;
    match action {
        A::SetStatus(to) => on_one && selected.is_some_and(|a| a.status.can_take(*to)),
        A::WalkNext => walking && !summary,
        A::WalkBack => walking,
        A::Cancel => doc.actions.mode != Mode::List,
        A::EditAction => selected.is_some() && on_one,
        A::DeleteAction => selected.is_some() && doc.actions.mode == Mode::List,
        A::FollowUpMeeting => {
            doc.actions.mode == Mode::List && !committed(&doc.session.actions).is_empty()
        }
        A::AddAction | A::ShowRecurrence => doc.actions.mode == Mode::List,
        _ => true,
    }
}

fn list_action(model: &mut Model, action: Action) {
    let Some(doc) = model.doc.as_mut() else { return };
    let n = doc.session.actions.len();
    let sel = &mut doc.actions.selected;
    match action {
        a if a.is_movement() => super::selection::move_in_list(sel, n, &a),
        Action::AddAction | Action::EditAction | Action::DeleteAction | Action::SetStatus(_)
            if doc.read_only =>
        {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Action::AddAction => {
            model.overlay = Some(Overlay::Form(action_form::form(model, None)));
        }
        Action::EditAction => edit_selected(model, None),
        Action::DeleteAction => {
            let Some(id) = doc.selected_action().map(|a| a.id.clone()) else {
                model.notice = Some(Notice::info(messages::NO_ACTION));
                return;
            };
            doc.edit(|s, _| s.actions.retain(|a| a.id != id));
            doc.clamp_selection();
            model.notice = Some(Notice::info(messages::ACTION_DELETED));
        }
        Action::SetStatus(to) => {
            match doc.selected_action().map(|a| a.id.clone()) {
                Some(id) => set_status(model, &id, to),
                None => model.notice = Some(Notice::info(messages::NO_ACTION)),
            };
        }
        Action::FollowUpMeeting if committed(&doc.session.actions).is_empty() => {
            model.notice = Some(Notice::info(messages::NO_COMMITTED));
        }
        Action::FollowUpMeeting => {
            let list = committed(&doc.session.actions);
            let current = doc.selected_action().map(|a| a.id.clone()).unwrap_or_default();
            let index =
                list.iter().position(|i| doc.session.actions[*i].id == current).unwrap_or(0);
            doc.actions.mode = Mode::Walk { index, finished: false };
        }
        Action::ShowRecurrence => doc.actions.mode = Mode::Recurrence { scroll: 0 },
        _ => {}
    }
}

fn walk_action(model: &mut Model, action: Action, index: usize, finished: bool) {
    let Some(doc) = model.doc.as_mut() else { return };
    let n = committed(&doc.session.actions).len();
    let current = doc.walked_action().map(|a| a.id.clone());
    match action {
        Action::WalkNext | Action::Down if finished => {}
        Action::WalkNext | Action::Down if index + 1 >= n => {
            doc.actions.mode = Mode::Walk { index, finished: true };
        }
        Action::WalkNext | Action::Down => {
            doc.actions.mode = Mode::Walk { index: index + 1, finished: false };
        }
        Action::WalkBack | Action::Up if finished => {
            doc.actions.mode = Mode::Walk { index, finished: false };
        }
        Action::WalkBack | Action::Up => {
            doc.actions.mode = Mode::Walk { index: index.saturating_sub(1), finished: false };
        }
        Action::SetStatus(_) | Action::EditAction if finished => {}
        Action::SetStatus(_) | Action::EditAction if doc.read_only => {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Action::SetStatus(to) => {
            if let Some(id) = current {
                set_status(model, &id, to);
            }
        }
        Action::EditAction => edit_selected(model, current),
        Action::Cancel | Action::FollowUpMeeting => {
            if let Some(id) = current {
                doc.select_action(&id);
            }
            doc.actions.mode = Mode::List;
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
            let form = action_form::form(model, Some(a));
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
    apply(model, id, to, "");
}

/// The form for the note a status needs, holding any note already recorded.
pub fn note_form(purpose: Purpose, action: &ActionItem, to: ActionStatus) -> Form {
    let (label, value, hint) = if to == ActionStatus::Verified {
        (
            action_form::EVIDENCE,
            &action.verification,
            "what shows it works: the test, the drill, the alert that fired",
        )
    } else {
        (
            action_form::DECISION,
            &action.decision,
            "the decision and its reason, e.g. the risk accepted and why",
        )
    };
    Form::new(
        purpose,
        messages::note_title(to.label(), &action.id),
        vec![Field::text(label, value, hint).multiline()],
    )
}

/// The note's text, or the form back with the reason it is needed.
pub fn read_note(model: &mut Model, mut form: Form, to: ActionStatus) -> Option<String> {
    let label = form.fields.first().map(|f| f.label).unwrap_or(action_form::EVIDENCE);
    let note = sanitize(form.value(label).trim());
    if note.is_empty() {
        let text = if to == ActionStatus::Verified {
            messages::NOTE_REQUIRED_VERIFIED
        } else {
            messages::NOTE_REQUIRED_WONT_DO
        };
        form.set_feedback(label, Some(Feedback::Problem(text.to_string())));
        model.overlay = Some(Overlay::Form(form));
        return None;
    }
    Some(note)
}

pub fn submit_note(model: &mut Model, form: Form) -> Vec<Effect> {
    let Purpose::StatusNote { action, status } = form.purpose.clone() else { return Vec::new() };
    if let Some(note) = read_note(model, form, status) {
        apply(model, &action, status, &note);
    }
    Vec::new()
}

fn apply(model: &mut Model, id: &str, to: ActionStatus, note: &str) {
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
    if matches!(doc.actions.mode, Mode::List) {
        doc.select_action(id);
    }
}
