//! What an intent does on the Review step: Enter on a missing item goes to it; parked
//! points are removed; wording is kept on purpose; the status changes.

use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::selection::move_in_list;
use crate::tui::steps::Step;
use crate::tui::steps::review::forms::{keep_form, status_form};
use crate::tui::steps::review::state::{Row, rows};
use crate::tui::update::Handled;

pub fn handle(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let gate = doc.gate(&model.policy);
    let rows = rows(doc, &gate);
    let selected = doc.review.selected;
    match intent {
        i if i.is_movement() => move_in_list(&mut doc.review.selected, rows.len(), &i),
        Intent::GoToItem => match rows.get(selected) {
            Some(Row::Missing { item, .. }) => jump(doc, item),
            Some(Row::Parked { .. }) => model.notice = Some(Notice::info(messages::PARKED_STAYS)),
            None => model.notice = Some(Notice::info(messages::NOTHING_MISSING)),
        },
        Intent::DeleteParked => match rows.get(selected) {
            Some(Row::Parked { id }) => {
                let id = id.clone();
                model.notice = Some(if doc.edit(|s, _| s.parked.retain(|p| p.id != id)) {
                    Notice::info(messages::PARKED_REMOVED)
                } else {
                    Notice::problem(messages::READ_ONLY)
                });
            }
            _ => model.notice = Some(Notice::info(messages::NOT_PARKED)),
        },
        Intent::KeepWording => {
            let chosen = match rows.get(selected) {
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
        Intent::SetReviewStatus if doc.read_only => {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Intent::SetReviewStatus => model.overlay = Some(Overlay::Form(status_form(doc, &gate))),
        _ => return Handled::No,
    }
    Handled::done()
}

/// Shows an item on its own step, selected.
pub fn jump(doc: &mut Doc, item: &str) {
    let (kind, id) = item.split_once(':').unwrap_or((item, ""));
    match kind {
        "event" => {
            doc.step = Step::Timeline;
            doc.select_event(id);
        }
        "incident" => doc.step = Step::Timeline,
        "why" | "whys" => {
            doc.step = Step::Whys;
            if !id.is_empty() {
                // Unfold the way down to it, so the selection is visible.
                let mut at = Some(id.to_string());
                while let Some(current) = at {
                    at = doc
                        .session
                        .whys
                        .iter()
                        .find(|w| w.id == current)
                        .and_then(|w| w.parent.clone());
                    if let Some(parent) = &at {
                        doc.whys.collapsed.remove(parent);
                    }
                }
                doc.whys.selected = Some(id.to_string());
            }
        }
        "factor" | "factors" => {
            doc.step = Step::Factors;
            if let Some(i) = doc.session.factors.iter().position(|f| f.id == id) {
                doc.factors.selected = i;
            }
        }
        "behaviour" => {
            doc.step = Step::Behaviours;
            doc.select_behaviour(id);
        }
        "action" => doc.step = Step::Actions,
        _ => {}
    }
}
