//! What an intent does on the Review step: Enter on a missing item goes to it; parked
//! points are removed; wording is kept on purpose; the status changes.

use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::steps::Step;
use crate::tui::steps::review::forms::{keep_form, status_form};
use crate::tui::steps::review::state::{Row, rows};

pub fn action(model: &mut Model, action: Intent) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let gate = doc.gate(&model.policy);
    let rows = rows(doc, &gate);
    let n = rows.len();
    let sel = &mut doc.review.selected;
    match action {
        Intent::Up => *sel = sel.saturating_sub(1),
        Intent::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Intent::Top => *sel = 0,
        Intent::Bottom => *sel = n.saturating_sub(1),
        Intent::GoToItem => match rows.get(*sel) {
            Some(Row::Missing { item, .. }) => jump(doc, item),
            Some(Row::Parked { .. }) | None => {}
        },
        Intent::DeleteParked => {
            if let Some(Row::Parked { id }) = rows.get(*sel) {
                let id = id.clone();
                if doc.edit(|s, _| s.parked.retain(|p| p.id != id)) {
                    model.notice = Some(Notice::info(messages::PARKED_REMOVED));
                }
            }
        }
        Intent::KeepWording => {
            let chosen = match rows.get(*sel) {
                Some(Row::Missing { index, .. }) => {
                    gate.entries.iter().flat_map(|e| e.missing.iter()).nth(*index).cloned()
                }
                _ => None,
            };
            match chosen.and_then(|m| m.wording.map(|w| (m.item, w))) {
                Some((item, w)) => model.overlay = Some(Overlay::Form(keep_form(item, w))),
                None => model.notice = Some(Notice::info(messages::NOT_WORDING)),
            }
        }
        Intent::SetReviewStatus => model.overlay = Some(Overlay::Form(status_form(doc, &gate))),
        _ => {}
    }
    Vec::new()
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
