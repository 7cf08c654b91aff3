//! `update(model, action)`: the one place the console's state changes. Each action is
//! applied here or handed to the step, form or overlay it belongs to; the I/O it needs
//! comes back as effects.

use std::path::PathBuf;

use super::action::{Action, Step};
use super::action_form;
use super::actions_step::{self};
use super::app::*;
use super::behaviours_step::{self};
use super::effects::Effect;
use super::followup::{self};
use super::form::{Form, Purpose};
use super::{
    behaviour_form, factors_step, incident_form, messages, picker, review_step, timeline_edit,
    whys_step,
};
use crate::model::Session;
use crate::store::Loaded;

/// The one place the model changes. Returns the I/O to perform; results come back as actions.
pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    let effects = apply(model, action);
    // The clock is read after every action, so a change of step is timed when it happens.
    super::agenda::observe(model);
    effects
}

fn apply(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Tick => return autosave(model),
        Action::Resize(..) => return Vec::new(),
        Action::Saved(at) => {
            if let Some(doc) = model.doc.as_mut() {
                doc.last_saved = Some(at);
                doc.save_error = None;
            }
            model.leave_warned = false;
            return match model.leaving.take() {
                Some(Leaving::Quit) => vec![Effect::Quit],
                Some(Leaving::Close) => go_home(model),
                None => Vec::new(),
            };
        }
        Action::SaveFailed(message) if model.doc.is_none() => {
            // A change made in the follow-up view, to a review that is not open.
            model.notice = Some(Notice::problem(message));
            return Vec::new();
        }
        Action::SaveFailed(message) => {
            if let Some(doc) = model.doc.as_mut() {
                doc.dirty = true;
                doc.save_error = Some(message);
            }
            if model.leaving.take().is_some() {
                // Leaving waits: the edits exist only here until a save works.
                model.leave_warned = true;
                model.notice = Some(Notice::problem(messages::LEAVE_WITH_UNSAVED));
            }
            return Vec::new();
        }
        Action::Rescued { result: Ok(path), then } => {
            let effects = match then {
                Leaving::Quit => vec![Effect::Quit],
                Leaving::Close => go_home(model),
            };
            model.notice = Some(Notice::problem(messages::rescued(&path.display().to_string())));
            return effects;
        }
        Action::Rescued { result: Err(problem), .. } => {
            if let Some(doc) = model.doc.as_mut() {
                doc.dirty = true;
                doc.save_error = Some(problem.clone());
            }
            model.notice = Some(Notice::problem(messages::rescue_failed(&problem)));
            return Vec::new();
        }
        Action::Loaded { path, result, demo } => return opened(model, path, result, demo),
        Action::Listed(listings) => {
            model.home.listings = listings;
            model.home.selected =
                model.home.selected.min(model.home.listings.len().saturating_sub(1));
            return Vec::new();
        }
        Action::Library { reviews, unreadable } => {
            return library_loaded(model, reviews, unreadable);
        }
        Action::Quit => return leave(model, true),
        Action::Close if model.overlay.is_none() && model.screen == Screen::Console => {
            return leave(model, !model.has_home);
        }
        Action::TogglePresent => return super::present::toggle(model),
        Action::Mouse(pointer) => return super::mouse::action(model, pointer),
        Action::ToggleHelp => {
            model.overlay = match model.overlay.take() {
                Some(Overlay::Help { .. }) => None,
                Some(other) => Some(other),
                None => Some(Overlay::Help { scroll: 0 }),
            };
            return Vec::new();
        }
        _ => {}
    }
    model.notice = None;
    if model.overlay.is_some() {
        return overlay_action(model, action);
    }
    match model.screen {
        Screen::Home => home_action(model, action),
        Screen::Console => console_action(model, action),
        Screen::Failed => model.leave_failure(),
        Screen::FollowUp => followup::action(model, action),
    }
}

/// The reviews in the data folder arrived: for the follow-up view, or for recurrence in
/// the open review.
fn library_loaded(
    model: &mut Model,
    reviews: Vec<(PathBuf, Session)>,
    unreadable: usize,
) -> Vec<Effect> {
    match model.screen {
        Screen::FollowUp => followup::loaded(model, reviews, unreadable),
        _ => {
            if let Some(doc) = model.doc.as_mut() {
                doc.library = Some(reviews);
                doc.actions.seen.take();
            }
        }
    }
    Vec::new()
}

fn autosave(model: &mut Model) -> Vec<Effect> {
    match model.doc.as_mut() {
        Some(doc) if doc.dirty && !doc.read_only => {
            doc.dirty = false;
            vec![Effect::Save { path: doc.path.clone(), session: Box::new(doc.session.clone()) }]
        }
        _ => Vec::new(),
    }
}

/// Quitting, or closing the review to go back home. Everything is saved first; if saving
/// keeps failing, the person is told once, and the next attempt keeps a rescue copy.
fn leave(model: &mut Model, quit: bool) -> Vec<Effect> {
    let unsaved = model.doc.as_ref().is_some_and(|d| d.save_error.is_some());
    if unsaved && !model.leave_warned {
        model.leave_warned = true;
        model.notice = Some(Notice::problem(messages::LEAVE_WITH_UNSAVED));
        return autosave(model);
    }
    if unsaved && let Some(doc) = model.doc.as_mut() {
        // The rescue copy holds the edits now; the failing file is left as it was.
        let text = crate::store::to_toml(&doc.session);
        doc.save_error = None;
        doc.dirty = false;
        let then = if quit { Leaving::Quit } else { Leaving::Close };
        return vec![Effect::Rescue { text, then }];
    }
    let effects = autosave(model);
    if !effects.is_empty() {
        // Leave once the save has landed; a failure keeps the review open.
        model.leaving = Some(if quit { Leaving::Quit } else { Leaving::Close });
        return effects;
    }
    if quit { vec![Effect::Quit] } else { go_home(model) }
}

fn go_home(model: &mut Model) -> Vec<Effect> {
    model.leaving = None;
    model.doc = None;
    model.overlay = None;
    if std::mem::take(&mut model.back_to_follow_up) {
        return followup::show(model);
    }
    model.screen = Screen::Home;
    vec![Effect::ListReviews]
}

fn opened(
    model: &mut Model,
    path: PathBuf,
    result: Result<Box<Loaded>, String>,
    demo: bool,
) -> Vec<Effect> {
    match result {
        Ok(loaded) => {
            let notices = loaded.notices.clone();
            let doc = Doc::new(*loaded, path, demo);
            model.notice = if doc.read_only {
                Some(Notice::problem(notices.join(" · ")))
            } else if demo {
                Some(Notice::info(messages::DEMO_OPENED))
            } else {
                notices.first().map(|n| Notice::info(n.clone()))
            };
            model.doc = Some(doc);
            model.screen = Screen::Console;
            model.overlay = None;
            if let Some(action) = model.walk_on_open.take() {
                return actions_step::start_meeting_at(model, &action);
            }
        }
        Err(message) => {
            model.home.failure = Some(message);
            model.screen = Screen::Failed;
        }
    }
    Vec::new()
}

fn home_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let n = model.home.listings.len();
    let sel = &mut model.home.selected;
    match action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Action::Top => *sel = 0,
        Action::Bottom => *sel = n.saturating_sub(1),
        Action::Refresh => return vec![Effect::ListReviews],
        Action::OpenDemo => return vec![Effect::OpenDemo],
        Action::OpenSelected => {
            if let Some(listing) = model.home.listings.get(*sel) {
                return vec![Effect::Open { path: listing.path.clone() }];
            }
        }
        Action::NewReview => model.overlay = Some(Overlay::Form(incident_form::new_review())),
        Action::FollowUp => return followup::show(model),
        _ => {}
    }
    Vec::new()
}

fn console_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    match action {
        Action::NextCard | Action::PrevCard => {
            let mode = doc.session.incident.mode;
            doc.cards.cycle(doc.step, mode, action == Action::NextCard);
        }
        Action::NextStep | Action::PrevStep | Action::GoToStep(_) => {
            doc.step = match action {
                Action::NextStep => doc.step.next(),
                Action::PrevStep => doc.step.prev(),
                Action::GoToStep(step) => step,
                _ => doc.step,
            };
            return actions_step::entered(model);
        }
        Action::IncidentDetails => {
            model.overlay = Some(Overlay::Form(incident_form::edit(&doc.session.incident)));
        }
        Action::Undo | Action::Redo => {
            let current = doc.session.clone();
            let restored = if action == Action::Undo {
                doc.history.undo(current)
            } else {
                doc.history.redo(current)
            };
            match restored {
                Some(session) if !doc.read_only => {
                    doc.session = session;
                    doc.generation += 1;
                    doc.dirty = true;
                    doc.clamp_selection();
                    let word = if action == Action::Undo { "Undone" } else { "Redone" };
                    model.notice = Some(Notice::info(word));
                }
                _ => {
                    let text =
                        if action == Action::Undo { "Nothing to undo" } else { "Nothing to redo" };
                    model.notice = Some(Notice::info(text));
                }
            }
        }
        other if doc.step == Step::Timeline => return timeline_edit::action(model, other),
        Action::Park => model.overlay = Some(Overlay::Form(review_step::park_form())),
        other if doc.step == Step::Review => return review_step::action(model, other),
        other if doc.step == Step::Behaviours => return behaviours_step::action(model, other),
        other if doc.step == Step::Whys => return whys_step::action(model, other),
        other if doc.step == Step::Factors => return factors_step::action(model, other),
        other if doc.step == Step::Actions => return actions_step::action(model, other),
        _ => {}
    }
    Vec::new()
}

fn overlay_action(model: &mut Model, action: Action) -> Vec<Effect> {
    match model.overlay.take() {
        Some(Overlay::Help { scroll }) => {
            let scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1).min(200),
                _ => scroll,
            };
            model.overlay = Some(Overlay::Help { scroll });
            Vec::new()
        }
        Some(Overlay::PasteOffer { lines, events, form }) => {
            timeline_edit::paste_offer(model, action, lines, events, form)
        }
        Some(Overlay::Form(form)) => form_action(model, action, form),
        Some(Overlay::Pick(list)) => picker::action(model, action, list),
        None => Vec::new(),
    }
}

fn form_action(model: &mut Model, action: Action, mut form: Form) -> Vec<Effect> {
    match action {
        Action::Cancel => return Vec::new(),
        // Names stay off a shared screen: the masked field takes no typing or editor.
        Action::Type(_) | Action::Paste(_) | Action::OpenEditor
            if super::present::masks(model, &form) => {}
        Action::NextField => form.next_field(),
        Action::PrevField => form.prev_field(),
        Action::NewLine => form.new_line(),
        Action::OpenEditor => {
            if let Some(text) = form.focused_text() {
                model.overlay = Some(Overlay::Form(form));
                return vec![Effect::Editor { text }];
            }
        }
        Action::Edited(Ok(text)) => {
            // A single-line field keeps one line; the editor may have added a final newline.
            let multiline = form.focused().is_some_and(|f| f.multiline);
            let text = if multiline {
                crate::model::text::sanitize(text.trim_end())
            } else {
                crate::model::text::sanitize_line(&text)
            };
            form.replace_focused(&text);
        }
        Action::Edited(Err(problem)) => model.notice = Some(Notice::problem(problem)),
        Action::Undo => form.undo(),
        Action::Redo => form.redo(),
        Action::Type(key) => {
            form.type_key(key);
        }
        Action::Paste(text) if matches!(form.purpose, Purpose::AddEvent) => {
            return timeline_edit::paste_into_form(model, text, form);
        }
        Action::Paste(text) => form.insert(&crate::model::text::sanitize_line(&text)),
        Action::Submit => {
            return match form.purpose.clone() {
                Purpose::AddEvent | Purpose::EditEvent(_) => timeline_edit::submit(model, form),
                Purpose::Incident => incident_form::submit(model, form),
                Purpose::NewReview => incident_form::submit_new(model, form),
                Purpose::AddBehaviour | Purpose::EditBehaviour(_) => {
                    behaviour_form::submit(model, form)
                }
                Purpose::RecklessEvidence(_) => behaviour_form::submit_evidence(model, form),
                Purpose::AddWhy(_) | Purpose::EditWhy(_) => whys_step::submit(model, form),
                Purpose::AddFactor | Purpose::EditFactor(_) => factors_step::submit(model, form),
                Purpose::ReviewStatus => review_step::submit_status(model, form),
                Purpose::Park => review_step::submit_park(model, form),
                Purpose::KeepWording { .. } => review_step::submit_keep(model, form),
                Purpose::AddAction | Purpose::EditAction(_) => action_form::submit(model, form),
                Purpose::StatusNote { .. } => actions_step::submit_note(model, form),
                Purpose::FollowUpNote { .. } => followup::submit_note(model, form),
            };
        }
        _ => {}
    }
    refresh_feedback(model, &mut form);
    model.overlay = Some(Overlay::Form(form));
    Vec::new()
}

/// Live feedback under fields (the time preview) after every keystroke.
pub fn refresh_feedback(model: &Model, form: &mut Form) {
    match form.purpose {
        Purpose::AddEvent | Purpose::EditEvent(_) => timeline_edit::preview_time(model, form),
        Purpose::Incident => incident_form::preview_time(model, form),
        Purpose::AddAction | Purpose::EditAction(_) => action_form::refresh(model, form),
        Purpose::NewReview
        | Purpose::AddBehaviour
        | Purpose::EditBehaviour(_)
        | Purpose::RecklessEvidence(_)
        | Purpose::ReviewStatus
        | Purpose::KeepWording { .. }
        | Purpose::Park => {}
        Purpose::AddWhy(_) | Purpose::EditWhy(_) => whys_step::feedback(model, form),
        Purpose::AddFactor | Purpose::EditFactor(_) => factors_step::feedback(model, form),
        Purpose::StatusNote { .. } | Purpose::FollowUpNote { .. } => {}
    }
    super::wording::refresh(model, form);
}
