//! What an intent does in the follow-up view: open actions across every review in the data
//! folder, grouped by team and owner, with status and verification changed in place — each
//! change saved to its own review file at once — and the follow-up meeting one key away.

use std::path::PathBuf;

use crate::analysis::followup::{Filter, by_team_and_owner, committed};
use crate::model::{ActionStatus, Session};
use crate::tui::app::{Model, Notice, Overlay, Screen};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::screens::followup::state::{FollowUpView, Row};
use crate::tui::screens::form::Purpose;
use crate::tui::steps::actions::forms::note_form;

/// Opens the view; the reviews are read by the runner and arrive as `Intent::Library`.
pub fn show(model: &mut Model) -> Vec<Effect> {
    model.screen = Screen::FollowUp;
    model.overlay = None;
    let keep = model.follow_up.take().unwrap_or_default();
    model.follow_up = Some(FollowUpView { loading: true, ..keep });
    vec![Effect::LoadActions]
}

/// The reviews arrived: group what still needs following up.
pub fn loaded(model: &mut Model, reviews: Vec<(PathBuf, Session)>, unreadable: usize) {
    let today = model.today();
    let view = model.follow_up.get_or_insert_with(FollowUpView::default);
    let before = view.selected().map(|(r, a)| (view.reviews[r].0.clone(), a.id.clone()));
    let items = committed(&reviews, today, &Filter::default());
    let open: Vec<_> = items.into_iter().filter(|i| i.urgency.needs_follow_up()).collect();
    let mut rows = Vec::new();
    let mut last_team = None;
    for ((team, owner), items) in by_team_and_owner(&open) {
        if last_team.as_ref() != Some(&team) {
            last_team = Some(team.clone());
            rows.push(Row::Team(team));
        }
        rows.push(Row::Owner(owner));
        rows.extend(
            items.iter().map(|i| Row::Action { review: i.review, id: i.action.id.clone() }),
        );
    }
    *view = FollowUpView { reviews, rows, unreadable, ..FollowUpView::default() };
    if let Some((path, id)) = before {
        let rows = view.action_rows();
        let found = rows.iter().position(|row| {
            matches!(view.action_at(*row), Some((r, a)) if view.reviews[r].0 == path && a.id == id)
        });
        view.selected = found.unwrap_or(0);
    }
    if unreadable > 0 {
        model.notice = Some(Notice::problem(messages::library_unreadable(unreadable)));
    }
}

pub fn action(model: &mut Model, action: Intent) -> Vec<Effect> {
    let Some(view) = model.follow_up.as_mut() else { return Vec::new() };
    let n = view.action_rows().len();
    let sel = &mut view.selected;
    match action {
        a if a.is_movement() => crate::tui::selection::move_in_list(sel, n, &a),
        Intent::Refresh => return show(model),
        Intent::Close | Intent::Cancel => {
            model.screen = Screen::Home;
            model.follow_up = None;
            return vec![Effect::ListReviews];
        }
        Intent::OpenSelected | Intent::FollowUpMeeting => {
            let Some((review, a)) = view.selected() else {
                model.notice = Some(Notice::info(messages::NO_FOLLOW_UP));
                return Vec::new();
            };
            let (path, id) = (view.reviews[review].0.clone(), a.id.clone());
            model.back_to_follow_up = true;
            if action == Intent::FollowUpMeeting {
                model.walk_on_open = Some(id);
            }
            return vec![Effect::Open { path }];
        }
        Intent::SetStatus(to) => return set_status(model, to),
        _ => {}
    }
    Vec::new()
}

fn set_status(model: &mut Model, to: ActionStatus) -> Vec<Effect> {
    let Some(view) = model.follow_up.as_ref() else { return Vec::new() };
    let Some((review, a)) = view.selected() else {
        model.notice = Some(Notice::info(messages::NO_FOLLOW_UP));
        return Vec::new();
    };
    let mut trial = a.clone();
    if let Err(refusal) = trial.move_or_note(to, "-") {
        model.notice = Some(Notice::problem(messages::status_refused(&a.id, &refusal.to_string())));
        return Vec::new();
    }
    if to.needs_note() {
        let path = view.reviews[review].0.clone();
        let purpose = Purpose::FollowUpNote { path, action: a.id.clone(), status: to };
        model.overlay = Some(Overlay::Form(note_form(purpose, a, to)));
        return Vec::new();
    }
    let (path, id) = (view.reviews[review].0.clone(), a.id.clone());
    apply(model, &path, &id, to, "")
}

/// Changes the action in its review and saves that file through the usual atomic save.
pub fn apply(
    model: &mut Model,
    path: &PathBuf,
    id: &str,
    to: ActionStatus,
    note: &str,
) -> Vec<Effect> {
    let Some(view) = model.follow_up.as_mut() else { return Vec::new() };
    let Some((_, session)) = view.reviews.iter_mut().find(|(p, _)| p == path) else {
        return Vec::new();
    };
    let Some(action) = session.actions.iter_mut().find(|a| a.id == id) else { return Vec::new() };
    if let Err(refusal) = action.move_or_note(to, note) {
        model.notice = Some(Notice::problem(messages::status_refused(id, &refusal.to_string())));
        return Vec::new();
    }
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    model.notice = Some(Notice::info(messages::status_set_in(id, to.label(), &file)));
    // Read again and changed there: the view's copy of the review is only its actions.
    let (id, note) = (id.to_string(), note.to_string());
    vec![Effect::MoveAction { path: path.clone(), id, to, note }]
}
