//! News about the open review's file, the take-over question and the conflict choice.

use crate::model::ids::Ids;
use crate::store::Loaded;
use crate::tui::app::{Doc, Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;

use super::state::{DiskConflict, FileNews, Holding, Question};
use super::words;

/// What the runner learned about the file.
pub fn news(model: &mut Model, news: FileNews) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    match news {
        FileNews::Holding(holding) => {
            doc.read_only = doc.read_only || holding != Holding::Writer;
            if let Holding::Follower { holder, stale: true } = &holding {
                model.overlay =
                    Some(Overlay::Question(Question::TakeOver { holder: holder.clone() }));
            }
            doc.holding = holding;
        }
        FileNews::Refused { conflict, message } => {
            doc.saves_in_flight = doc.saves_in_flight.saturating_sub(1);
            doc.sent.pop_front();
            doc.dirty = true;
            doc.save_error = Some(message);
            doc.conflict = Some(conflict);
            if model.overlay.is_none() {
                model.overlay = Some(Overlay::Question(Question::Conflict(conflict)));
            }
            if model.leaving.take().is_some() {
                model.leave_warned = true;
                model.notice = Some(Notice::problem(crate::tui::messages::LEAVE_WITH_UNSAVED));
            }
        }
        FileNews::SavedAs { path, at } => {
            let name = |p: &std::path::Path| {
                p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
            };
            let notice = words::saved_as(&name(&path), &name(&doc.path));
            doc.path = path;
            doc.conflict = None;
            let effects = crate::tui::update::saved(model, at);
            model.notice = Some(Notice::info(notice));
            return effects;
        }
        FileNews::Followed(Ok(loaded)) => show_disk_version(doc, *loaded),
        FileNews::Followed(Err(why)) => {
            model.notice = Some(Notice::problem(words::follow_failed(&why)));
        }
        FileNews::Gone => model.notice = Some(Notice::problem(words::FOLLOWED_GONE)),
        FileNews::Reloaded(Ok(loaded)) => return reapply(model, *loaded),
        FileNews::Reloaded(Err(why)) => {
            model.notice = Some(Notice::problem(words::reload_failed(&why)));
        }
        FileNews::TookOver(Ok(loaded)) => {
            doc.holding = Holding::Writer;
            doc.read_only = loaded.read_only;
            show_disk_version(doc, *loaded);
            model.notice = Some(Notice::info(words::TOOK_OVER));
        }
        FileNews::TookOver(Err(why)) => {
            model.notice = Some(Notice::problem(words::took_over_failed(&why)));
        }
        FileNews::StillHeld { holder, stale } => {
            if stale {
                model.overlay =
                    Some(Overlay::Question(Question::TakeOver { holder: holder.clone() }));
            } else {
                model.notice = Some(Notice::problem(words::still_held(&holder)));
            }
            doc.holding = Holding::Follower { holder, stale };
        }
    }
    Vec::new()
}

/// The person asks to write a review this console follows.
pub fn ask_to_write(model: &mut Model) -> Vec<Effect> {
    let Some(doc) = model.doc.as_ref() else { return Vec::new() };
    match &doc.holding {
        Holding::Follower { holder, stale: true } => {
            model.overlay = Some(Overlay::Question(Question::TakeOver { holder: holder.clone() }));
            Vec::new()
        }
        Holding::Follower { .. } | Holding::Watching => {
            vec![Effect::TakeOver { confirmed: false }]
        }
        Holding::ReadOnly { reason } => {
            model.notice = Some(Notice::problem(words::cannot_write(reason)));
            Vec::new()
        }
        Holding::Writer => Vec::new(),
    }
}

/// A key while a question is shown: only its answers count; the question stays otherwise.
pub fn answer(model: &mut Model, intent: Intent, question: Question) -> Vec<Effect> {
    match (&question, intent) {
        (Question::TakeOver { .. }, Intent::AnswerYes) => {
            vec![Effect::TakeOver { confirmed: true }]
        }
        (Question::TakeOver { .. }, Intent::AnswerNo | Intent::Cancel) => {
            model.notice = Some(Notice::info(words::TAKE_OVER_DECLINED));
            Vec::new()
        }
        (Question::Conflict(DiskConflict::Deleted), Intent::ReloadAndReapply) => {
            model.notice = Some(Notice::problem(words::NOTHING_TO_RELOAD));
            model.overlay = Some(Overlay::Question(question));
            Vec::new()
        }
        (Question::Conflict(_), Intent::ReloadAndReapply) => vec![Effect::ReloadForReapply],
        (Question::Conflict(_), choice @ (Intent::SaveAs | Intent::Overwrite)) => {
            let Some(doc) = model.doc.as_mut() else { return Vec::new() };
            doc.conflict = None;
            doc.dirty = false;
            doc.saves_in_flight += 1;
            doc.sent.push_back(doc.session.clone());
            let session = Box::new(doc.session.clone());
            if choice == Intent::SaveAs {
                vec![Effect::SaveAs { session }]
            } else {
                vec![Effect::Overwrite { session }]
            }
        }
        _ => {
            model.overlay = Some(Overlay::Question(question));
            Vec::new()
        }
    }
}

/// On each tick, for an open review: a follower looks at the disk; a writer waiting on a
/// conflict asks again once nothing else is on screen. True when the tick is taken.
pub fn tick(model: &mut Model) -> Option<Vec<Effect>> {
    let doc = model.doc.as_ref()?;
    if let Some(conflict) = doc.conflict {
        if model.overlay.is_none() {
            model.overlay = Some(Overlay::Question(Question::Conflict(conflict)));
        }
        return Some(Vec::new());
    }
    doc.holding.follows().then(|| vec![Effect::Follow])
}

/// The disk's version replaces what is shown, keeping the place: the step, and the
/// selected event by its id where it still exists.
fn show_disk_version(doc: &mut Doc, loaded: Loaded) {
    let selected = doc.selected_event().map(|e| e.id.clone());
    let mut session = loaded.session;
    session.sort_events();
    doc.ids = Ids::of(&session);
    doc.base = session.clone();
    doc.session = session;
    doc.generation += 1;
    if let Some(i) = selected.and_then(|id| doc.session.events.iter().position(|e| e.id == id)) {
        doc.timeline.selected = i;
    }
    doc.clamp_selection();
}

/// This console's edits since the file was loaded or last written, applied on top of the
/// disk's version (an item-level three-way merge); what both changed keeps both versions.
fn reapply(model: &mut Model, loaded: Loaded) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let theirs = loaded.session;
    match crate::merge::merge(&doc.base, &doc.session, &theirs) {
        Ok(merged) => {
            let both_sides = merged.new_conflicts.len();
            let mut session = merged.session;
            session.sort_events();
            let file = doc.path.file_name().map(|n| n.to_string_lossy().into_owned());
            doc.ids = Ids::of(&session);
            doc.base = theirs;
            doc.session = session;
            doc.history = Default::default();
            doc.generation += 1;
            doc.dirty = true;
            doc.conflict = None;
            doc.save_error = None;
            doc.clamp_selection();
            model.overlay = None;
            model.notice =
                Some(Notice::info(words::reapplied(&file.unwrap_or_default(), both_sides)));
        }
        Err(e) => model.notice = Some(Notice::problem(words::reload_failed(&e.to_string()))),
    }
    Vec::new()
}
