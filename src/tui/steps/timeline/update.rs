//! What an intent does on the Timeline step: adding, editing and deleting events,
//! milestones, and a paste into the list.

use crate::model::timeline::milestone_event;
use crate::model::{Milestone, zone};
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::selection::move_in_list;
use crate::tui::steps::timeline::forms::{event_form, paste_into_form};
use crate::tui::update::Handled;

pub fn handle(model: &mut Model, intent: Intent) -> Handled {
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let n = doc.session.events.len();
    match intent {
        i if i.is_movement() => move_in_list(&mut doc.timeline.selected, n, &i),
        Intent::AddEvent | Intent::OpenImport | Intent::Type(_) | Intent::Paste(_)
            if doc.read_only =>
        {
            model.notice = Some(Notice::problem(messages::READ_ONLY));
        }
        Intent::AddEvent => model.overlay = Some(Overlay::Form(event_form(None))),
        Intent::OpenImport => crate::tui::screens::import::update::open(model),
        Intent::Paste(text) => {
            let form = event_form(None);
            return Handled::Yes(paste_into_form(model, text, form));
        }
        Intent::EditEvent => match doc.selected_event() {
            Some(event) => model.overlay = Some(Overlay::Form(event_form(Some(event)))),
            None => model.notice = Some(Notice::info(messages::NOTHING_SELECTED)),
        },
        Intent::DeleteEvent => delete(model),
        Intent::MarkStart => mark(model, Milestone::Start),
        Intent::MarkDetected => mark(model, Milestone::Detected),
        Intent::MarkMitigated => mark(model, Milestone::Mitigated),
        Intent::MarkResolved => mark(model, Milestone::Resolved),
        _ => return Handled::No,
    }
    Handled::done()
}

fn delete(model: &mut Model) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(id) = doc.selected_event().map(|e| e.id.clone()) else {
        model.notice = Some(Notice::info(messages::NOTHING_SELECTED));
        return;
    };
    if doc.edit(|s| {
        s.remove_event(&id);
    }) {
        doc.clamp_selection();
        model.notice = Some(Notice::info(messages::EVENT_DELETED));
    } else {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
    }
}

/// Sets a milestone to the selected event's time, moving it off whichever event carried it;
/// pressing it again on the event that carries it clears it. The time is kept in the
/// review's offset, so marking an event recorded in another offset does not change it.
fn mark(model: &mut Model, milestone: Milestone) {
    let Some(doc) = model.doc.as_mut() else { return };
    let Some(at) = doc.selected_event().map(|e| e.at) else {
        model.notice = Some(Notice::info(messages::NOTHING_SELECTED));
        return;
    };
    let selected = doc.timeline.selected;
    let holder = milestone_event(&doc.session, milestone);
    if milestone.get(&doc.session.incident) == Some(at) && holder != Some(selected) {
        // Same instant, another event shows the mark: the time cannot tell them apart.
        let id = holder.and_then(|i| doc.session.events.get(i)).map(|e| e.id.clone());
        model.notice = Some(Notice::info(messages::milestone_held_by(
            milestone.label(),
            &id.unwrap_or_default(),
        )));
        return;
    }
    let clear = holder == Some(selected);
    let offset = zone::review_offset(&doc.session);
    let at = zone::shown_in(&at, offset);
    let changed = doc.edit(|s| *milestone.slot(&mut s.incident) = (!clear).then_some(at));
    model.notice = Some(if !changed {
        Notice::problem(messages::READ_ONLY)
    } else if clear {
        Notice::info(messages::milestone_cleared(milestone.label()))
    } else {
        Notice::info(messages::milestone_set(milestone.label(), &at.format("%H:%M:%S").to_string()))
    });
}
