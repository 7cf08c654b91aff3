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
    } else if let Some(p) = classifier.progress().filter(|_| !classifier.answers().is_empty()) {
        model.notice = Some(Notice::info(messages::resumed_at(&id, p.number)));
    }
    doc.behaviours.mode =
        BehavioursMode::Wizard(Wizard { behaviour: id, classifier, draft: 0, recorded: false });
}

fn classifier(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let BehavioursMode::Wizard(w) = &doc.behaviours.mode else { return Handled::No };
    let drafts = w.drafts(doc).len();
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
            } else {
                keep_so_far(model);
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
            let id = w.behaviour.clone();
            keep_so_far(model);
            close_wizard(model, &id);
        }
        _ => return Handled::No,
    }
    Handled::done()
}

/// Keeps the answers given so far, before any outcome, so an act can be half-classified
/// and picked up where the room stopped. Answers the file already holds (going back only
/// looks at earlier questions) change nothing.
fn keep_so_far(model: &mut Model) {
    let Some(doc) = model.doc.as_mut() else { return };
    let BehavioursMode::Wizard(w) = &doc.behaviours.mode else { return };
    if w.classifier.outcome().is_some() || doc.read_only {
        return;
    }
    let answers = w.classifier.answers().to_vec();
    let id = w.behaviour.clone();
    let Some(b) = doc.session.behaviour(&id) else { return };
    if b.answers.starts_with(&answers) {
        return;
    }
    let keep = |s: &mut crate::model::Session| {
        if let Some(b) = s.behaviour_mut(&id) {
            b.answers = answers;
            b.outcome.clear();
        }
    };
    record_once(doc, keep);
}

/// The first change of a run of answers is an undo step; the rest of the run joins it.
fn record_once(doc: &mut crate::tui::app::Doc, change: impl FnOnce(&mut crate::model::Session)) {
    let recorded = matches!(&doc.behaviours.mode, BehavioursMode::Wizard(w) if w.recorded);
    let changed = if recorded { doc.amend(change) } else { doc.edit(change) };
    if let BehavioursMode::Wizard(w) = &mut doc.behaviours.mode {
        w.recorded = changed;
    }
}

/// Back to the list, saying plainly what the act keeps.
fn close_wizard(model: &mut Model, id: &str) {
    let Some(doc) = model.doc.as_mut() else { return };
    doc.behaviours.mode = BehavioursMode::List;
    // The key named as the list offers it, now that the classifier is closed.
    let classify = model.key_hint(&Intent::Classify);
    let Some(doc) = model.doc.as_ref() else { return };
    let Some(b) = doc.session.behaviour(id) else { return };
    let Ok(table) = builtin() else { return };
    let kept = Classifier::resume(table, &b.answers);
    let text = match (kept.outcome(), kept.progress()) {
        (Some(outcome), _) => messages::wizard_closed_classified(id, &outcome.short),
        (None, Some(p)) if !kept.answers().is_empty() => {
            messages::wizard_closed_partway(id, kept.answers().len(), p.number, &classify)
        }
        _ => messages::wizard_closed_unanswered(id),
    };
    model.notice = Some(Notice::info(text));
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
    let recorded = matches!(&doc.behaviours.mode, BehavioursMode::Wizard(w) if w.recorded);
    let change = |s: &mut crate::model::Session| {
        if let Some(b) = s.behaviour_mut(&id) {
            b.answers = answers;
            b.outcome = outcome.id.clone();
        }
    };
    let changed = if recorded { doc.amend(change) } else { doc.edit(change) };
    // The next run of answers (after going back) is an undo step of its own.
    if let BehavioursMode::Wizard(w) = &mut doc.behaviours.mode {
        w.recorded = false;
    }
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
