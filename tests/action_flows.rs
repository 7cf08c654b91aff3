//! The Actions step and the follow-up driven through `Model::press`, as a facilitator
//! would: adding with the checks live, status changes and their notes, ideas, the
//! follow-up meeting, recurrence, and the follow-up view across reviews.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use waterline::model::{ActionItem, ActionStatus, Session};
use waterline::tui::app::{Model, Overlay, Screen, update};
use waterline::tui::effects::Effect;
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput};
use waterline::tui::screens::form::FieldKey;
use waterline::tui::screens::form::{Feedback, Purpose};
use waterline::tui::steps::actions::state::ActionsMode as Mode;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/followup");

fn notice(m: &Model) -> String {
    m.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default()
}

fn action<'m>(m: &'m Model, id: &str) -> &'m ActionItem {
    session(m).actions.iter().find(|a| a.id == id).unwrap_or_else(|| panic!("no {id}"))
}

fn mode(m: &Model) -> Mode {
    m.doc.as_ref().expect("open").actions.mode.clone()
}

/// The lines of live checks under the action text, when the action form is open.
fn checks_shown(m: &Model) -> String {
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("no form") };
    match &form.field(FieldKey::ActionText).and_then(|f| f.feedback.clone()) {
        Some(Feedback::Lines(lines)) => {
            lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>().join("\n")
        }
        other => panic!("no checks under the text: {other:?}"),
    }
}

fn backspaces(m: &mut Model, n: usize) {
    for _ in 0..n {
        key(m, KeyInput::plain(KeyCode::Backspace));
    }
}

/// The example review on the Actions step.
fn demo() -> Model {
    let mut m = open(demo_session());
    keys(&mut m, "5");
    m
}

#[test]
fn entering_the_step_reads_the_earlier_reviews_once() {
    let mut m = open(demo_session());
    assert_eq!(key(&mut m, KeyInput::char('5')), [Effect::LoadActions]);
    keys(&mut m, "1");
    assert!(key(&mut m, KeyInput::char('5')).is_empty(), "read once per open review");
}

#[test]
fn an_action_is_added_with_its_checks_updating_as_it_is_typed() {
    let mut m = demo();
    keys(&mut m, "a");
    keys(&mut m, "Improve monitoring");
    let shown = checks_shown(&m);
    assert!(
        shown.contains("✗ specific") && shown.contains("✗ Specific: “improve monitoring”"),
        "{shown}"
    );
    assert!(shown.contains("→ Name the alert"), "the first problem comes with its fix: {shown}");
    assert!(shown.contains("✗ Assignable: no team and no owner"), "{shown}");
    backspaces(&mut m, 18);
    keys(&mut m, "Page on card decline rate above 3% for five minutes");
    tab(&mut m);
    keys(&mut m, "SRE");
    tab(&mut m);
    keys(&mut m, "Dev");
    tab(&mut m);
    keys(&mut m, "+10d");
    tab(&mut m);
    keys(&mut m, "d");
    tab(&mut m);
    key(&mut m, KeyInput::plain(KeyCode::Right));
    key(&mut m, KeyInput::plain(KeyCode::Right));
    keys(&mut m, " ");
    let shown = checks_shown(&m);
    assert!(
        shown.starts_with("✓ specific  ✓ measurable  ✓ assignable  ✓ realistic  ✓ systemic"),
        "{shown}"
    );
    assert!(shown.contains("strength: tooling that makes it easy (rung 4 of 6)"), "{shown}");
    tab(&mut m);
    keys(&mut m, "SRE-300");
    enter(&mut m);
    assert!(m.overlay.is_none(), "saved");
    let a = action(&m, "a7");
    assert_eq!(a.text, "Page on card decline rate above 3% for five minutes");
    assert_eq!((a.team.as_str(), a.owner.as_str(), a.ticket.as_str()), ("SRE", "Dev", "SRE-300"));
    assert_eq!(a.due.map(|d| d.to_string()).as_deref(), Some("2026-03-16"));
    assert_eq!(a.kind.map(|k| k.as_str()), Some("detect"));
    assert_eq!(a.factors, ["f3"]);
    assert_eq!(a.status, ActionStatus::Open);
    assert_eq!(m.doc.as_ref().expect("open").selected_action().map(|a| a.id.as_str()), Some("a7"));
}

#[test]
fn a_due_date_already_past_when_set_fails_realistic_and_a_bad_one_is_refused() {
    let mut m = demo();
    keys(&mut m, "a");
    keys(&mut m, "Add a pre-deploy hook that validates the auth block");
    tab(&mut m);
    tab(&mut m);
    tab(&mut m);
    keys(&mut m, "2026-03-01");
    assert!(
        checks_shown(&m).contains("✗ Realistic: due 2026-03-01 is already past"),
        "{}",
        checks_shown(&m)
    );
    backspaces(&mut m, 10);
    keys(&mut m, "next week");
    enter(&mut m);
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the form stays open") };
    let due = form.field(FieldKey::Due).and_then(|f| f.feedback.clone());
    assert!(matches!(due, Some(Feedback::Problem(p)) if p.contains("+14d")));
    assert_eq!(session(&m).actions.len(), 6, "nothing added");
}

#[test]
fn an_unchanged_old_due_date_is_not_called_past_when_an_action_is_edited() {
    let mut m = demo();
    m.clock = || chrono::DateTime::parse_from_rfc3339("2026-05-01T09:00:00Z").expect("time");
    keys(&mut m, "e");
    assert!(!checks_shown(&m).contains("already past"), "{}", checks_shown(&m));
}

#[test]
fn an_action_can_wait_as_an_idea_and_ideas_are_listed_after_the_committed() {
    let mut m = demo();
    keys(&mut m, "a");
    keys(&mut m, "Move config validation into the deploy tool");
    for _ in 0..7 {
        tab(&mut m);
    }
    key(&mut m, KeyInput::plain(KeyCode::Right));
    enter(&mut m);
    assert_eq!(action(&m, "a7").status, ActionStatus::Idea);
    let order = waterline::tui::steps::actions::state::order(&session(&m).actions);
    let ids: Vec<&str> = order.iter().map(|i| session(&m).actions[*i].id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3", "a4", "a5", "a6", "a7"]);
    keys(&mut m, "GO");
    assert_eq!(action(&m, "a7").status, ActionStatus::Open, "O commits the selected idea");
}

#[test]
fn done_then_verified_needs_the_evidence_and_undo_takes_it_back() {
    let mut m = demo();
    keys(&mut m, "d");
    assert_eq!(action(&m, "a1").status, ActionStatus::Done);
    assert!(notice(&m).contains("a1 is now done"), "{}", notice(&m));
    keys(&mut m, "v");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("verified asks for evidence") };
    assert!(matches!(form.purpose, Purpose::StatusNote { status: ActionStatus::Verified, .. }));
    enter(&mut m);
    assert!(m.overlay.is_some(), "empty evidence is refused");
    assert_eq!(action(&m, "a1").status, ActionStatus::Done);
    keys(&mut m, "Deployed a config with an unknown key to staging; the hook stopped it");
    enter(&mut m);
    let a1 = action(&m, "a1");
    assert_eq!(a1.status, ActionStatus::Verified);
    assert!(a1.verification.starts_with("Deployed a config with an unknown key"));
    keys(&mut m, "v");
    assert!(m.overlay.is_some(), "v on a verified action edits its evidence in place");
    keys(&mut m, "; the alert fired in the 9 March drill");
    enter(&mut m);
    assert!(action(&m, "a1").verification.ends_with("the alert fired in the 9 March drill"));
    assert!(notice(&m).contains("note updated"), "{}", notice(&m));
    keys(&mut m, "uu");
    assert_eq!(action(&m, "a1").status, ActionStatus::Done);
    assert!(action(&m, "a1").verification.is_empty());
}

#[test]
fn an_illegal_step_is_refused_with_the_reason() {
    let mut m = demo();
    keys(&mut m, "j");
    assert_eq!(action(&m, "a2").status, ActionStatus::Open);
    keys(&mut m, "v");
    assert!(m.overlay.is_none(), "no evidence form for a step that is not allowed");
    assert_eq!(action(&m, "a2").status, ActionStatus::Open);
    assert!(notice(&m).contains("a2: open cannot go straight to verified"), "{}", notice(&m));
    assert!(notice(&m).contains("done"), "the refusal names where it can go: {}", notice(&m));
}

#[test]
fn wont_do_records_the_decision_as_an_accepted_risk() {
    let mut m = demo();
    keys(&mut m, "jw");
    enter(&mut m);
    assert!(m.overlay.is_some(), "a decision is required");
    keys(&mut m, "Accepted risk: the canary stage ships with the new deploy system in Q3");
    enter(&mut m);
    let a2 = action(&m, "a2");
    assert_eq!(a2.status, ActionStatus::WontDo);
    assert!(a2.decision.starts_with("Accepted risk"));
    let side = draw(&m, 120, 40);
    assert!(side.contains("decision: Accepted risk"), "{side}");
}

#[test]
fn the_follow_up_meeting_steps_through_committed_actions_only() {
    let mut m = demo();
    keys(&mut m, "m");
    assert_eq!(mode(&m), Mode::Walk { index: 0, finished: false });
    keys(&mut m, "d");
    assert_eq!(action(&m, "a1").status, ActionStatus::Done);
    keys(&mut m, "n");
    assert_eq!(m.doc.as_ref().unwrap().walked_action().map(|a| a.id.as_str()), Some("a2"));
    keys(&mut m, "pnnn");
    assert_eq!(action(&m, "a2").status, ActionStatus::InProgress);
    assert_eq!(mode(&m), Mode::Walk { index: 4, finished: false }, "a5 is the last committed");
    keys(&mut m, "n");
    assert_eq!(mode(&m), Mode::Walk { index: 4, finished: true }, "the idea a6 is not walked");
    let screen = draw(&m, 120, 40);
    assert!(screen.contains("Meeting summary: 1 done awaiting verification"), "{screen}");
    keys(&mut m, "b");
    assert_eq!(mode(&m), Mode::Walk { index: 4, finished: false });
    esc(&mut m);
    assert_eq!(mode(&m), Mode::List);
    assert_eq!(m.doc.as_ref().unwrap().selected_action().map(|a| a.id.as_str()), Some("a5"));
}

#[test]
fn delete_then_undo_brings_the_action_back() {
    let mut m = demo();
    keys(&mut m, "x");
    assert!(session(&m).actions.iter().all(|a| a.id != "a1"));
    keys(&mut m, "u");
    assert_eq!(session(&m).actions[0].id, "a1");
    keys(&mut m, "a");
    keys(&mut m, "Add a hook");
    enter(&mut m);
    assert!(session(&m).actions.iter().any(|a| a.id == "a7"), "ids are never reused");
}

#[test]
fn a_read_only_review_refuses_action_changes() {
    let mut m = model();
    let loaded =
        waterline::store::Loaded { session: demo_session(), read_only: true, notices: Vec::new() };
    update(
        &mut m,
        Intent::Loaded { path: "r.toml".into(), result: Ok(Box::new(loaded)), demo: false },
    );
    keys(&mut m, "5ad");
    assert!(m.overlay.is_none());
    assert_eq!(action(&m, "a1").status, ActionStatus::InProgress);
    assert!(m.notice.as_ref().is_some_and(|n| n.problem));
}

fn load(name: &str) -> (PathBuf, Session) {
    let path = Path::new(FIXTURES).join(name);
    (path.clone(), waterline::store::load(&path).expect("fixture").session)
}

fn library() -> Vec<(PathBuf, Session)> {
    let mut names: Vec<String> = std::fs::read_dir(FIXTURES)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.iter().map(|n| load(n)).collect()
}

#[test]
fn a_condition_seen_before_shows_the_earlier_review_and_its_actions() {
    let (path, later) = load("2026-03-06-card-payments-declined.toml");
    let mut m = model();
    let loaded = waterline::store::Loaded { session: later, read_only: false, notices: Vec::new() };
    update(&mut m, Intent::Loaded { path, result: Ok(Box::new(loaded)), demo: false });
    keys(&mut m, "5");
    update(&mut m, Intent::Library { reviews: library(), unreadable: 0 });
    let screen = draw(&m, 120, 40);
    assert!(
        screen.contains("⟲ f1: this condition appeared in “Checkout errors after a payment"),
        "{screen}"
    );
    keys(&mut m, "r");
    assert_eq!(mode(&m), Mode::Recurrence { scroll: 0 });
    keys(&mut m, "jj");
    assert_eq!(mode(&m), Mode::Recurrence { scroll: 2 });
    keys(&mut m, "g");
    let screen = draw(&m, 200, 40);
    assert!(screen.contains("a1 is done but was never verified"), "{screen}");
    esc(&mut m);
    assert_eq!(mode(&m), Mode::List);
}

/// The follow-up view over a copy of the fixtures, as of 1 April 2026.
fn follow_up() -> (Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, _) in library() {
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).expect("copy");
    }
    let mut m = model();
    m.clock = || chrono::DateTime::parse_from_rfc3339("2026-04-01T09:00:00Z").expect("time");
    assert_eq!(key(&mut m, KeyInput::char('f')), [Effect::LoadActions]);
    assert_eq!(m.screen, Screen::FollowUp);
    // Read as the console reads them for this view: as far as their actions.
    let reviews = waterline::store::load_all_for_actions(dir.path())
        .into_iter()
        .map(|(p, l)| (p, l.expect("loads").session))
        .collect();
    update(&mut m, Intent::LibraryActions { reviews, unreadable: 0 });
    (m, dir)
}

fn selected(m: &Model) -> (String, ActionItem) {
    let view = m.follow_up.as_ref().expect("follow-up view");
    let (review, a) = view.selected().expect("an action is selected");
    (view.reviews[review].1.incident.title.clone(), a.clone())
}

#[test]
fn the_follow_up_view_groups_open_actions_by_team_and_owner() {
    let (m, _dir) = follow_up();
    let view = m.follow_up.as_ref().unwrap();
    let heads: Vec<String> = view
        .rows
        .iter()
        .filter_map(|r| match r {
            waterline::tui::screens::followup::state::Row::Team(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(heads, ["Payments", "Platform", "Search", "SRE"]);
    assert_eq!(view.action_rows().len(), 9, "open, in progress and done; no ideas, nothing closed");
    let (title, a) = selected(&m);
    assert_eq!(
        (title.as_str(), a.id.as_str()),
        ("Checkout errors after a payment config rollout", "a3")
    );
}

/// Carries out a change the follow-up view asked for, as the console's saver does, and
/// reads the file back.
fn carried_out(dir: &Path, effects: Vec<Effect>) -> Session {
    let [Effect::MoveAction { path, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    let path = path.clone();
    let mut runner = waterline::tui::effects::Runner::new(Some(dir.to_path_buf()));
    assert!(runner.run(effects.into_iter().next().expect("one")).is_empty());
    let saved = runner.wait_for_save();
    assert!(matches!(saved, Some(Intent::Saved(_))), "{saved:?}");
    waterline::store::load(&path).expect("loads").session
}

#[test]
fn a_status_changed_in_the_follow_up_view_is_saved_to_its_own_file() {
    let (mut m, dir) = follow_up();
    let file = dir.path().join("2025-11-04-checkout-config-rollout.toml");
    let before = waterline::store::load(&file).expect("loads").session;
    // After the view read the file, a change lands in it from elsewhere (a git pull).
    let mut pulled = before.clone();
    pulled.incident.summary = "Written after the follow-up view read the file".into();
    pulled.events.push(event("e1", "2025-11-04T09:12:00Z", "Checkout error rate alert fires"));
    pulled.whys.push(waterline::model::Why::new("w1", None, "The rollout skipped the canary"));
    waterline::store::save(&file, &pulled).expect("saved");

    let effects = key(&mut m, KeyInput::char('d'));
    assert!(
        matches!(effects.as_slice(), [Effect::MoveAction { path, .. }] if *path == file),
        "{effects:?}"
    );
    let saved = carried_out(dir.path(), effects);
    assert_eq!(
        saved.actions.iter().find(|a| a.id == "a3").map(|a| a.status),
        Some(ActionStatus::Done)
    );
    assert_eq!(saved.incident.summary, pulled.incident.summary, "the change from elsewhere stays");
    assert_eq!(saved.events, pulled.events, "the timeline, never read by the view, is all there");
    assert_eq!(saved.whys, pulled.whys, "and the whys");
    assert!(
        notice(&m).contains("saved to 2025-11-04-checkout-config-rollout.toml"),
        "{}",
        notice(&m)
    );
    assert!(key(&mut m, KeyInput::char('v')).is_empty(), "the evidence comes first");
    keys(&mut m, "Schema page reviewed by the on-call rota in the April drill");
    let saved = carried_out(dir.path(), enter(&mut m));
    let a3 = saved.actions.iter().find(|a| a.id == "a3").unwrap();
    assert_eq!(a3.status, ActionStatus::Verified);
    assert!(a3.verification.contains("April drill"));
    let (_, still) = selected(&m);
    assert_eq!(still.status, ActionStatus::Verified, "the row stays in sight until a refresh");
}

#[test]
fn the_follow_up_meeting_opens_the_review_at_its_action_and_returns_to_the_view() {
    let (mut m, dir) = follow_up();
    keys(&mut m, "jj");
    let (_, a) = selected(&m);
    let effects = key(&mut m, KeyInput::char('m'));
    let [Effect::Open { path }] = effects.as_slice() else { panic!("{effects:?}") };
    let loaded = waterline::store::load(path).expect("loads");
    let effects = update(
        &mut m,
        Intent::Loaded { path: path.clone(), result: Ok(Box::new(loaded)), demo: false },
    );
    assert_eq!(effects, [Effect::LoadActions]);
    assert_eq!(m.screen, Screen::Console);
    assert_eq!(m.doc.as_ref().unwrap().walked_action().map(|w| w.id.clone()), Some(a.id));
    let effects = key(&mut m, KeyInput::char('q'));
    assert_eq!(effects, [Effect::LoadActions], "back to the follow-up view, read afresh");
    assert_eq!(m.screen, Screen::FollowUp);
    drop(dir);
}

#[test]
fn leaving_the_follow_up_view_returns_home() {
    let (mut m, _dir) = follow_up();
    assert_eq!(key(&mut m, KeyInput::char('q')), [Effect::ListReviews]);
    assert_eq!(m.screen, Screen::Home);
    assert!(m.follow_up.is_none());
}
