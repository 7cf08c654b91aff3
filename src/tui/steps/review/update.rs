//! What an intent does on the Review step: Enter on a missing item goes to it; parked
//! points and lessons are removed; lessons are added and edited; wording is kept on
//! purpose; the status changes, and goes back to in-review when the gate broke.

use crate::analysis::readiness::published_but_broken;
use crate::model::{ItemKind, ItemRef, LessonKind, ReviewStatus};
use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::selection::move_in_list;
use crate::tui::steps::Step;
use crate::tui::steps::actions::state::ActionsMode;
use crate::tui::steps::behaviours::state::BehavioursMode;
use crate::tui::steps::review::forms::{keep_form, status_form};
use crate::tui::steps::review::lessons;
use crate::tui::steps::review::state::{Row, row_at, row_count};
use crate::tui::update::Handled;

pub fn handle(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let gate = doc.gate(&model.policy);
    let count = row_count(doc, &gate);
    let row = row_at(doc, &gate, doc.review.selected);
    match intent {
        i if i.is_movement() => move_in_list(&mut doc.review.selected, count, &i),
        Intent::GoToItem => match row.as_ref() {
            Some(Row::Missing { item, .. }) => jump(doc, item),
            Some(Row::Parked { .. }) => model.notice = Some(Notice::info(messages::PARKED_STAYS)),
            Some(Row::Lesson { kind, index }) => edit_lesson(model, *kind, *index),
            None => model.notice = Some(Notice::info(messages::NOTHING_MISSING)),
        },
        Intent::DeleteParked => match row.as_ref() {
            Some(Row::Parked { id }) => {
                let id = id.clone();
                model.notice = Some(if doc.edit(|s| s.parked.retain(|p| p.id != id)) {
                    Notice::info(messages::PARKED_REMOVED)
                } else {
                    Notice::problem(messages::READ_ONLY)
                });
            }
            _ => model.notice = Some(Notice::info(messages::NOT_PARKED)),
        },
        Intent::KeepWording => {
            let chosen = match row.as_ref() {
                Some(Row::Missing { index, .. }) => {
                    gate.entries.iter().flat_map(|e| e.missing.iter()).nth(*index).cloned()
                }
                _ => None,
            };
            match chosen.and_then(|m| m.wording.map(|w| (m.item, w))) {
                Some(_) if doc.read_only => {
                    model.notice = Some(Notice::problem(messages::READ_ONLY))
                }
                Some((item, w)) => model.overlay = Some(Overlay::Form(keep_form(item, w))),
                None => model.notice = Some(Notice::info(messages::NOT_WORDING)),
            }
        }
        Intent::AddLesson
        | Intent::EditLesson
        | Intent::RemoveSelected
        | Intent::BackToInReview
            if doc.read_only =>
        {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Intent::AddLesson => {
            // The list of the selected lesson, so adding beside one stays in its list.
            let kind = match row.as_ref() {
                Some(Row::Lesson { kind, .. }) => *kind,
                _ => LessonKind::WentWell,
            };
            model.overlay = Some(Overlay::Form(lessons::form(&doc.session, kind, None)));
        }
        Intent::EditLesson => match row.as_ref() {
            Some(Row::Lesson { kind, index }) => edit_lesson(model, *kind, *index),
            _ => model.notice = Some(Notice::info(messages::NOT_LESSON)),
        },
        Intent::RemoveSelected => match row.clone() {
            Some(Row::Parked { .. }) => return handle(model, Intent::DeleteParked),
            Some(Row::Lesson { kind, index }) => {
                let changed = doc.edit(|s| {
                    let list = s.lessons.list_mut(kind);
                    if index < list.len() {
                        list.remove(index);
                    }
                });
                let n = count.saturating_sub(1);
                doc.review.selected = doc.review.selected.min(n.saturating_sub(1));
                model.notice = Some(if changed {
                    Notice::info(messages::LESSON_DELETED)
                } else {
                    Notice::problem(messages::READ_ONLY)
                });
            }
            _ => model.notice = Some(Notice::info(messages::NOTHING_TO_REMOVE)),
        },
        Intent::BackToInReview => {
            if published_but_broken(&doc.session, &gate).is_none() {
                model.notice = Some(Notice::info(messages::GATE_HOLDS));
            } else if doc.edit(|s| s.incident.status = ReviewStatus::InReview) {
                model.notice = Some(Notice::info(messages::BACK_IN_REVIEW));
            } else {
                model.notice = Some(Notice::problem(messages::READ_ONLY));
            }
        }
        Intent::SetReviewStatus if doc.read_only => {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Intent::SetReviewStatus => model.overlay = Some(Overlay::Form(status_form(doc, &gate))),
        _ => return Handled::No,
    }
    Handled::done()
}

fn edit_lesson(model: &mut Model, kind: LessonKind, index: usize) {
    let Some(doc) = model.doc.as_ref() else { return };
    if doc.read_only {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return;
    }
    model.overlay = Some(Overlay::Form(lessons::form(&doc.session, kind, Some(index))));
}

/// Shows an item on its own step, selected — or the step, for a kind as a whole.
pub fn jump(doc: &mut Doc, item: &ItemRef) {
    let id = item.id.as_deref();
    match item.kind {
        ItemKind::Incident => doc.step = Step::Timeline,
        ItemKind::Event => {
            doc.step = Step::Timeline;
            if let Some(id) = id {
                doc.select_event(id);
            }
        }
        ItemKind::Why => {
            doc.step = Step::Whys;
            if let Some(id) = id {
                doc.reveal_why(id);
            }
        }
        ItemKind::Factor => {
            doc.step = Step::Factors;
            doc.factors.picture = false;
            if let Some(i) = doc.session.factors.iter().position(|f| Some(f.id.as_str()) == id) {
                doc.factors.selected = i;
            }
        }
        ItemKind::Behaviour => {
            doc.step = Step::Behaviours;
            doc.behaviours.mode = BehavioursMode::List;
            if let Some(id) = id {
                doc.select_behaviour(id);
            }
        }
        ItemKind::Action => {
            doc.step = Step::Actions;
            doc.actions.mode = ActionsMode::List;
            if let Some(id) = id {
                doc.select_action(id);
            }
        }
    }
}
