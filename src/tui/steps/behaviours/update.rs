//! What an intent does on the Behaviours step: the list of acts, the Just Culture
//! classifier one question at a time, drafts turned into action items, and the summary.
//! Every change goes through `Doc::edit`, so each is one undo step.

use crate::model::behaviour::Classifier;
use crate::model::just_culture::{Family, builtin};
use crate::model::{ActionItem, ActionStatus, Answer};
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::selection::move_in_list;
use crate::tui::steps::behaviours::forms;
use crate::tui::steps::behaviours::state::{BehavioursMode, Wizard};
use crate::tui::update::Handled;

pub fn handle(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    match doc.behaviours.mode {
        BehavioursMode::List => list(model, intent),
        BehavioursMode::Summary => match intent {
            Intent::BehaviourSummary | Intent::Cancel => {
                doc.behaviours.mode = BehavioursMode::List;
                Handled::done()
            }
            _ => Handled::No,
        },
        BehavioursMode::Wizard(_) => classifier(model, intent),
    }
}

fn list(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let n = doc.session.behaviours.len();
    match intent {
        i if i.is_movement() => move_in_list(&mut doc.behaviours.selected, n, &i),
        Intent::AddBehaviour | Intent::EditBehaviour | Intent::DeleteBehaviour if doc.read_only => {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Intent::AddBehaviour => {
            model.overlay = Some(Overlay::Form(forms::form(&doc.session, None)));
        }
        Intent::EditBehaviour => match doc.selected_behaviour() {
            Some(b) => {
                let form = forms::form(&doc.session, Some(b));
                model.overlay = Some(Overlay::Form(form));
            }
            None => model.notice = Some(Notice::info(messages::NO_BEHAVIOUR)),
        },
        Intent::DeleteBehaviour => {
            let Some(id) = doc.selected_behaviour().map(|b| b.id.clone()) else {
                model.notice = Some(Notice::info(messages::NO_BEHAVIOUR));
                return Handled::done();
            };
            doc.edit(|s| {
                s.remove_behaviour(&id);
            });
            doc.clamp_selection();
            model.notice = Some(Notice::info(messages::BEHAVIOUR_DELETED));
        }
        Intent::Classify => open_wizard(model),
        Intent::BehaviourSummary => doc.behaviours.mode = BehavioursMode::Summary,
        _ => return Handled::No,
    }
    Handled::done()
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
    doc.behaviours.mode = BehavioursMode::Wizard(Wizard { behaviour: id, classifier, draft: 0 });
}

fn classifier(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let BehavioursMode::Wizard(w) = &doc.behaviours.mode else { return Handled::No };
    let drafts = w.drafts(doc).len();
    let saved = w.is_saved(doc) || w.classifier.answers().is_empty();
    let BehavioursMode::Wizard(w) = &mut doc.behaviours.mode else { return Handled::No };
    let answer = match intent {
        Intent::AnswerYes => Some(Answer::Yes),
        Intent::AnswerNo => Some(Answer::No),
        Intent::AnswerDontKnow => Some(Answer::DontKnow),
        _ => None,
    };
    match intent {
        _ if answer.is_some() => {
            let finished =
                answer.is_some_and(|a| w.classifier.answer(a)) && w.classifier.outcome().is_some();
            if finished {
                w.draft = 0;
                save(model);
            }
        }
        Intent::AnswerBack if w.classifier.answers().is_empty() => {
            model.notice = Some(Notice::info(messages::FIRST_QUESTION));
        }
        Intent::AnswerBack => {
            w.classifier.back();
        }
        i if i.is_movement() => move_in_list(&mut w.draft, drafts, &i),
        Intent::DraftToAction => draft_to_action(model),
        Intent::RecordEvidence => record_evidence(model),
        Intent::Cancel => {
            doc.behaviours.mode = BehavioursMode::List;
            if !saved {
                model.notice = Some(Notice::info(messages::WIZARD_CLOSED));
            }
        }
        _ => return Handled::No,
    }
    Handled::done()
}

/// Keeps a finished classification: answers and outcome as one undoable edit. A reckless
/// outcome waits until the evidence and a second reviewer are recorded.
fn save(model: &mut Model) {
    let Some(doc) = model.doc.as_mut() else { return };
    let BehavioursMode::Wizard(w) = &doc.behaviours.mode else { return };
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
    let changed = doc.edit(|s| {
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
    let BehavioursMode::Wizard(w) = &doc.behaviours.mode else { return };
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
    let id = match doc.ids.actions.next_id() {
        Ok(id) => id,
        Err(e) => {
            model.notice = Some(Notice::exhausted(&e));
            return;
        }
    };
    let link = behaviour.clone();
    doc.edit(|s| {
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
    let BehavioursMode::Wizard(w) = &doc.behaviours.mode else { return };
    let reckless = w.classifier.outcome().is_some_and(|o| o.family == Family::Reckless);
    match doc.session.behaviour(&w.behaviour) {
        _ if doc.read_only => model.notice = Some(Notice::problem(messages::READ_ONLY)),
        Some(b) if reckless => model.overlay = Some(Overlay::Form(forms::evidence(b))),
        _ => model.notice = Some(Notice::info(messages::RECKLESS_ONLY)),
    }
}
