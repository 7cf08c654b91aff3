//! The Behaviours step: the list of acts, the Just Culture classifier one question at a
//! time, drafts turned into action items, and the summary. Every change goes through
//! `Doc::edit`, so each is one undo step.

use std::cell::Cell;

use super::action::{Action, Step};
use super::app::{Doc, Model, Notice, Overlay, Screen};
use super::behaviour_form;
use super::effects::Effect;
use super::messages;
use crate::model::behaviour::{Classifier, Draft};
use crate::model::just_culture::{Family, builtin};
use crate::model::{ActionItem, ActionStatus, Answer, Behaviour};

/// What the step shows, and where the person is in it.
#[derive(Debug, Default)]
pub struct BehavioursView {
    /// Index into the behaviours, in file order.
    pub selected: usize,
    /// First visible row; the renderer keeps the selection in view.
    pub offset: Cell<usize>,
    pub mode: Mode,
}

#[derive(Debug, Clone, Default)]
pub enum Mode {
    #[default]
    List,
    Summary,
    Wizard(Wizard),
}

/// The classifier open on one act. Answers are kept here until they reach an outcome.
#[derive(Debug, Clone)]
pub struct Wizard {
    pub behaviour: String,
    pub classifier: Classifier<'static>,
    /// The selected draft action, once an outcome is reached.
    pub draft: usize,
}

impl Wizard {
    /// The draft system actions for the finished classification.
    pub fn drafts(&self, doc: &Doc) -> Vec<Draft> {
        let act = doc.session.behaviour(&self.behaviour).map_or("", |b| b.act.as_str());
        self.classifier.drafts(act)
    }

    /// The answers and outcome shown here are the ones stored in the file.
    /// Answers compare as a set (a hand-edited file may order them otherwise), and an
    /// outcome recorded by its family agrees, as in `outcome_disagrees`.
    pub fn is_saved(&self, doc: &Doc) -> bool {
        let stored = doc.session.behaviour(&self.behaviour);
        let (Some(outcome), Some(b)) = (self.classifier.outcome(), stored) else { return false };
        let sorted = |answers: &[(String, Answer)]| {
            let mut list = answers.to_vec();
            list.sort_by(|x, y| x.0.cmp(&y.0));
            list
        };
        let agrees = b.outcome == outcome.id || b.outcome == outcome.family.as_str();
        agrees && sorted(&b.answers) == sorted(self.classifier.answers())
    }
}

pub fn action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    match doc.behaviours.mode {
        Mode::List => list_action(model, action),
        Mode::Summary => {
            if matches!(action, Action::BehaviourSummary | Action::Cancel) {
                doc.behaviours.mode = Mode::List;
            }
        }
        Mode::Wizard(_) => wizard_action(model, action),
    }
    Vec::new()
}

/// Whether `action` does something in the step's current mode; the footer shows only those.
pub fn offers(model: &Model, action: &Action) -> bool {
    use Action as A;
    let Some(doc) = model.doc.as_ref() else { return true };
    let here = model.screen == Screen::Console && model.overlay.is_none();
    if !here || doc.step != Step::Behaviours {
        return true;
    }
    let list_only = [A::AddBehaviour, A::EditBehaviour, A::DeleteBehaviour, A::Classify];
    let wizard_only = [A::AnswerYes, A::AnswerNo, A::AnswerDontKnow, A::AnswerBack];
    let classifier = matches!(action, A::DraftToAction | A::RecordEvidence | A::Cancel)
        || wizard_only.contains(action);
    match &doc.behaviours.mode {
        _ if !list_only.contains(action) && !classifier && *action != A::BehaviourSummary => true,
        // Editing, deleting and classifying need an act to work on.
        Mode::List if *action == A::AddBehaviour => true,
        Mode::List => !classifier && !doc.session.behaviours.is_empty(),
        Mode::Summary => matches!(action, A::BehaviourSummary | A::Cancel),
        Mode::Wizard(w) => match w.classifier.outcome() {
            // Back needs an answer to take back.
            None if *action == A::AnswerBack => !w.classifier.answers().is_empty(),
            None => wizard_only.contains(action) || *action == A::Cancel,
            Some(outcome) => match action {
                A::AnswerBack | A::DraftToAction | A::Cancel => true,
                A::RecordEvidence => outcome.family == Family::Reckless,
                _ => false,
            },
        },
    }
}

fn list_action(model: &mut Model, action: Action) {
    let Some(doc) = model.doc.as_mut() else { return };
    let n = doc.session.behaviours.len();
    let sel = &mut doc.behaviours.selected;
    match action {
        a if a.is_movement() => super::selection::move_in_list(sel, n, &a),
        Action::AddBehaviour | Action::EditBehaviour | Action::DeleteBehaviour if doc.read_only => {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Action::AddBehaviour => {
            model.overlay = Some(Overlay::Form(behaviour_form::form(&doc.session, None)));
        }
        Action::EditBehaviour => match doc.selected_behaviour() {
            Some(b) => {
                let form = behaviour_form::form(&doc.session, Some(b));
                model.overlay = Some(Overlay::Form(form));
            }
            None => model.notice = Some(Notice::info(messages::NO_BEHAVIOUR)),
        },
        Action::DeleteBehaviour => {
            let Some(id) = doc.selected_behaviour().map(|b| b.id.clone()) else {
                model.notice = Some(Notice::info(messages::NO_BEHAVIOUR));
                return;
            };
            doc.edit(|s, _| {
                s.remove_behaviour(&id);
            });
            doc.clamp_selection();
            model.notice = Some(Notice::info(messages::BEHAVIOUR_DELETED));
        }
        Action::Classify => open_wizard(model),
        Action::BehaviourSummary => doc.behaviours.mode = Mode::Summary,
        _ => {}
    }
}

/// Opens the classifier on the selected act, where its saved answers left off.
fn open_wizard(model: &mut Model) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(b) = doc.selected_behaviour() else {
        model.notice = Some(Notice::info(messages::NO_BEHAVIOUR));
        return;
    };
    let table = match builtin() {
        Ok(table) => table,
        Err(errors) => {
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            model.notice = Some(Notice::problem(messages::table_unavailable(&first)));
            return;
        }
    };
    let classifier = Classifier::resume(table, &b.answers);
    let id = b.id.clone();
    if classifier.outcome().is_some() {
        model.notice = Some(Notice::info(messages::resumed(&id)));
    }
    doc.behaviours.mode = Mode::Wizard(Wizard { behaviour: id, classifier, draft: 0 });
}

fn wizard_action(model: &mut Model, action: Action) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Mode::Wizard(w) = &doc.behaviours.mode else { return };
    let drafts = w.drafts(doc).len();
    let saved = w.is_saved(doc) || w.classifier.answers().is_empty();
    let Mode::Wizard(w) = &mut doc.behaviours.mode else { return };
    let answer = match action {
        Action::AnswerYes => Some(Answer::Yes),
        Action::AnswerNo => Some(Answer::No),
        Action::AnswerDontKnow => Some(Answer::DontKnow),
        _ => None,
    };
    match action {
        _ if answer.is_some() => {
            let finished =
                answer.is_some_and(|a| w.classifier.answer(a)) && w.classifier.outcome().is_some();
            if finished {
                w.draft = 0;
                save(model);
            }
        }
        Action::AnswerBack => {
            w.classifier.back();
        }
        Action::Up => w.draft = w.draft.saturating_sub(1),
        Action::Down => w.draft = (w.draft + 1).min(drafts.saturating_sub(1)),
        Action::Top => w.draft = 0,
        Action::Bottom => w.draft = drafts.saturating_sub(1),
        Action::DraftToAction => draft_to_action(model),
        Action::RecordEvidence => record_evidence(model),
        Action::Cancel => {
            doc.behaviours.mode = Mode::List;
            if !saved {
                model.notice = Some(Notice::info(messages::WIZARD_CLOSED));
            }
        }
        _ => {}
    }
}

/// Keeps a finished classification: answers and outcome as one undoable edit. A reckless
/// outcome waits until the evidence and a second reviewer are recorded.
fn save(model: &mut Model) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Mode::Wizard(w) = &doc.behaviours.mode else { return };
    let Some(outcome) = w.classifier.outcome() else { return };
    let answers = w.classifier.answers().to_vec();
    let id = w.behaviour.clone();
    let Some(b) = doc.session.behaviour(&id) else { return };
    if !b.reckless_gaps(outcome).is_empty() {
        model.notice = Some(Notice::problem(messages::RECKLESS_NOT_SAVED));
        return;
    }
    if w.is_saved(doc) {
        return;
    }
    let changed = doc.edit(|s, _| {
        if let Some(b) = s.behaviour_mut(&id) {
            b.answers = answers;
            b.outcome = outcome.id.clone();
        }
    });
    model.notice = Some(if changed {
        Notice::info(messages::classified(&id, &outcome.short))
    } else {
        Notice::problem(messages::READ_ONLY)
    });
}

fn draft_to_action(model: &mut Model) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Mode::Wizard(w) = &doc.behaviours.mode else { return };
    let Some(draft) = w.drafts(doc).into_iter().nth(w.draft) else {
        model.notice = Some(Notice::info(messages::NO_DRAFT));
        return;
    };
    let behaviour = w.behaviour.clone();
    if let Some(a) = doc.session.actions_for(&behaviour).find(|a| a.text == draft.text) {
        model.notice = Some(Notice::info(messages::action_exists(&a.id)));
        return;
    }
    if doc.read_only {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return;
    }
    let id = doc.action_ids.next_id();
    let link = behaviour.clone();
    doc.edit(|s, _| {
        s.actions.push(ActionItem {
            id: id.clone(),
            text: draft.text,
            // An idea until the room gives it an owner and a due date.
            status: ActionStatus::Idea,
            behaviours: vec![link],
            ..ActionItem::default()
        });
    });
    model.notice = Some(Notice::info(messages::action_created(&id, &behaviour)));
}

fn record_evidence(model: &mut Model) {
    let Some(doc) = model.doc.as_ref() else { return };
    let Mode::Wizard(w) = &doc.behaviours.mode else { return };
    let reckless = w.classifier.outcome().is_some_and(|o| o.family == Family::Reckless);
    match doc.session.behaviour(&w.behaviour) {
        _ if doc.read_only => model.notice = Some(Notice::problem(messages::READ_ONLY)),
        Some(b) if reckless => model.overlay = Some(Overlay::Form(behaviour_form::evidence(b))),
        _ => model.notice = Some(Notice::info(messages::RECKLESS_ONLY)),
    }
}

/// The classification the wizard holds for `behaviour`, if it is open on it and finished.
pub fn finished_answers(doc: &Doc, behaviour: &str) -> Option<(Vec<(String, Answer)>, String)> {
    let Mode::Wizard(w) = &doc.behaviours.mode else { return None };
    let outcome = w.classifier.outcome().filter(|_| w.behaviour == behaviour)?;
    Some((w.classifier.answers().to_vec(), outcome.id.clone()))
}

impl Doc {
    pub fn selected_behaviour(&self) -> Option<&Behaviour> {
        self.session.behaviours.get(self.behaviours.selected)
    }

    pub fn select_behaviour(&mut self, id: &str) {
        if let Some(i) = self.session.behaviours.iter().position(|b| b.id == id) {
            self.behaviours.selected = i;
        }
    }
}
