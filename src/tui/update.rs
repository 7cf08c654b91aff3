//! `update(model, intent)`: the one place the console's state changes. Each intent is
//! applied here or handed to the screen, step, form or overlay it belongs to; the I/O it
//! needs comes back as effects.

use std::path::PathBuf;

use crate::model::Session;
use crate::store::Loaded;
use crate::tui::app::{Doc, Leaving, Model, Notice, Overlay, Screen};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::{screens, steps};

/// Whether a handler took an intent. One it did not take falls through to the next handler
/// (a step's to the console's), so no handler can swallow a key it does not know.
#[must_use]
#[derive(Debug)]
pub enum Handled {
    Yes(Vec<Effect>),
    No,
}

impl Handled {
    /// Taken, with nothing for the runner to do.
    pub fn done() -> Self {
        Handled::Yes(Vec::new())
    }
}

/// The one place the model changes. Returns the I/O to perform; results come back as actions.
pub fn update(model: &mut Model, action: Intent) -> Vec<Effect> {
    if let Some(doc) = model.doc.as_mut() {
        // What a person does acts on a checked review: their input waits for the checks.
        doc.take_checks(action.is_input());
    }
    let effects = apply(model, action);
    screens::import::update::refresh(model);
    screens::conflicts::update::after(model);
    // The clock is read after every action, so a change of step is timed when it happens.
    crate::tui::facilitation::agenda::observe(model);
    if let Some(doc) = model.doc.as_mut() {
        doc.refresh(&model.policy);
    }
    effects
}

fn apply(model: &mut Model, action: Intent) -> Vec<Effect> {
    match action {
        Intent::Tick => return autosave(model),
        Intent::Checked => return Vec::new(),
        Intent::ImportWork => {
            screens::import::update::work(model);
            return Vec::new();
        }
        Intent::Resize(..) => return Vec::new(),
        Intent::Saved(at) => return saved(model, at),
        Intent::File(news) => return screens::sharing::update::news(model, news),
        Intent::TakeOver if model.overlay.is_none() && model.screen == Screen::Console => {
            return screens::sharing::update::ask_to_write(model);
        }
        Intent::SaveFailed(message) if model.doc.is_none() => {
            // A change made in the follow-up view, to a review that is not open.
            model.notice = Some(Notice::problem(message));
            return Vec::new();
        }
        Intent::SaveFailed(message) => {
            if let Some(doc) = model.doc.as_mut() {
                doc.saves_in_flight = doc.saves_in_flight.saturating_sub(1);
                doc.sent.pop_front();
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
        Intent::Rescued { result: Ok(path), then } => {
            let effects = match then {
                Leaving::Quit => vec![Effect::Quit],
                Leaving::Close => go_home(model),
            };
            model.notice = Some(Notice::problem(messages::rescued(&path.display().to_string())));
            return effects;
        }
        Intent::Rescued { result: Err(problem), .. } => {
            if let Some(doc) = model.doc.as_mut() {
                doc.dirty = true;
                doc.save_error = Some(problem.clone());
            }
            model.notice = Some(Notice::problem(messages::rescue_failed(&problem)));
            return Vec::new();
        }
        Intent::Loaded { path, result, demo } => return opened(model, path, result, demo),
        Intent::Exported { chosen, result } => {
            return screens::export::update::written(model, chosen, result);
        }
        Intent::Listed { listings, left } => {
            model.home.listings = listings;
            model.home.left = left;
            model.home.selected =
                model.home.selected.min(model.home.visible().len().saturating_sub(1));
            return Vec::new();
        }
        Intent::ListedMore { listings, left, .. } => {
            // Older reviews go after those listed: nothing shown moves.
            model.home.listings.extend(listings);
            model.home.left = left;
            return Vec::new();
        }
        Intent::Renamed { from, to, result } => {
            if let Some(doc) = model.doc.as_mut().filter(|d| d.path == from) {
                doc.renaming = false;
                model.notice = Some(match result {
                    Ok(()) => {
                        doc.path = to;
                        Notice::info(messages::renamed(&file_name_of(&doc.path)))
                    }
                    Err(problem) => Notice::problem(messages::rename_failed(&problem)),
                });
            }
            return Vec::new();
        }
        Intent::GitStates(states) => {
            model.home.git = states;
            return Vec::new();
        }
        Intent::Library { reviews, unreadable } => {
            return library_loaded(model, reviews, unreadable, true);
        }
        Intent::LibraryActions { reviews, unreadable } => {
            return library_loaded(model, reviews, unreadable, false);
        }
        Intent::Quit => return leave(model, true),
        Intent::Close if model.overlay.is_none() && model.screen == Screen::Console => {
            return leave(model, !model.has_home);
        }
        Intent::TogglePresent => return screens::present::update::toggle(model),
        Intent::ShowConflicts if model.overlay.is_none() && model.screen == Screen::Console => {
            model.notice = None;
            screens::conflicts::update::show(model);
            return Vec::new();
        }
        Intent::Mouse(pointer) => return crate::tui::mouse::action(model, pointer),
        Intent::ToggleHelp => {
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
        Screen::Home => screens::home::update::action(model, action),
        Screen::Console => screens::console::update::handle(model, action),
        Screen::Failed => screens::failed::update::leave(model),
        Screen::FollowUp => screens::followup::update::action(model, action),
        Screen::Insights => screens::insights::update::action(model, action),
    }
}

/// A save landed: the header may say "saved" once every save on its way has returned, and
/// leaving, if asked for, goes ahead.
pub fn saved(model: &mut Model, at: chrono::DateTime<chrono::Local>) -> Vec<Effect> {
    let mut still_saving = false;
    if let Some(doc) = model.doc.as_mut() {
        doc.saves_in_flight = doc.saves_in_flight.saturating_sub(1);
        if let Some(session) = doc.sent.pop_front() {
            doc.base = session;
        }
        doc.last_saved = Some(at);
        doc.save_error = None;
        still_saving = doc.saves_in_flight > 0;
    }
    model.leave_warned = false;
    if still_saving {
        // A later save is on its way; leaving waits for the last one.
        return Vec::new();
    }
    match model.leaving.take() {
        Some(Leaving::Quit) => vec![Effect::Quit],
        Some(Leaving::Close) => go_home(model),
        None => Vec::new(),
    }
}

/// The reviews in the data folder arrived: for the follow-up view, insights (which needs
/// them `whole`), or recurrence in the open review.
fn library_loaded(
    model: &mut Model,
    reviews: Vec<(PathBuf, Session)>,
    unreadable: usize,
    whole: bool,
) -> Vec<Effect> {
    match model.screen {
        Screen::FollowUp => screens::followup::update::loaded(model, reviews, unreadable),
        Screen::Insights if whole => screens::insights::update::loaded(model, reviews, unreadable),
        // Read for recurrence or the follow-up view: insights waits for its own, whole
        // reading; an open review still takes them.
        _ => {
            if let Some(doc) = model.doc.as_mut() {
                doc.library = Some(reviews);
                doc.actions.seen = None;
            }
        }
    }
    Vec::new()
}

fn autosave(model: &mut Model) -> Vec<Effect> {
    if let Some(effects) = screens::sharing::update::tick(model) {
        return effects;
    }
    save_now(model)
}

/// Hands what is only in memory to the saver, unless the review is read-only here.
fn save_now(model: &mut Model) -> Vec<Effect> {
    match model.doc.as_mut() {
        Some(doc) if doc.dirty && !doc.read_only && doc.conflict.is_none() => {
            doc.dirty = false;
            doc.saves_in_flight += 1;
            doc.sent.push_back(doc.session.clone());
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
        return save_now(model);
    }
    if unsaved && let Some(doc) = model.doc.as_mut() {
        // The rescue copy holds the edits now; the failing file is left as it was.
        let text = crate::store::to_toml(&doc.session);
        doc.save_error = None;
        doc.dirty = false;
        let then = if quit { Leaving::Quit } else { Leaving::Close };
        return vec![Effect::Rescue { text, then }];
    }
    let effects = save_now(model);
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
        return screens::followup::update::show(model);
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
            // A git merge left choices open: they come first.
            if model.doc.as_ref().is_some_and(|d| !d.session.conflicts.is_empty()) {
                screens::conflicts::update::show(model);
            }
            if let Some(action) = model.walk_on_open.take() {
                return steps::actions::update::start_meeting_at(model, &action);
            }
            // A big review shows at once on its timeline; its checks follow.
            if model.checks_in_background
                && model.overlay.is_none()
                && let Some(doc) = model.doc.as_mut()
            {
                doc.start_checking(&model.policy);
            }
        }
        Err(message) => {
            model.home.failure = Some(message);
            model.screen = Screen::Failed;
        }
    }
    Vec::new()
}

fn overlay_action(model: &mut Model, action: Intent) -> Vec<Effect> {
    match model.overlay.take() {
        Some(Overlay::Help { scroll }) => screens::help::update::action(model, action, scroll),
        Some(Overlay::PasteOffer { lines, events, form }) => {
            steps::timeline::forms::paste_offer(model, action, lines, events, form)
        }
        Some(Overlay::Form(form)) => screens::form::update::action(model, action, form),
        Some(Overlay::Pick(list)) => screens::picker::update::action(model, action, list),
        Some(Overlay::ReplaceReport(q)) => screens::export::update::answer(model, action, q),
        Some(Overlay::Question(question)) => {
            screens::sharing::update::answer(model, action, question)
        }
        Some(Overlay::Import(screen)) => screens::import::update::action(model, action, screen),
        Some(Overlay::Conflicts) => screens::conflicts::update::action(model, action),
        None => Vec::new(),
    }
}

fn file_name_of(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
