//! The review gate and the parking lot, driven through the console with no terminal.

mod common;

use common::*;
use waterline::analysis::readiness::{Criterion, gate};
use waterline::model::{ReviewStatus, Session};
use waterline::tui::app::Overlay;
use waterline::tui::steps::Step;

fn step(m: &waterline::tui::app::Model) -> Step {
    m.doc.as_ref().expect("open").step
}

#[test]
fn an_empty_review_lists_exactly_what_is_missing() {
    let g = gate(&Session::new("Checkout errors"), &Default::default());
    let failed: Vec<Criterion> =
        g.entries.iter().filter(|e| !e.passed()).map(|e| e.criterion).collect();
    assert_eq!(
        failed,
        [Criterion::Milestones, Criterion::TwoFactors, Criterion::BranchesReachCondition]
    );
    assert_eq!(g.score(), (5, 8));
}

#[test]
fn the_demo_misses_only_its_idea_only_factor_and_passes_once_it_is_committed() {
    let mut s = demo_session();
    let g = gate(&s, &Default::default());
    let failed: Vec<String> = g
        .entries
        .iter()
        .filter(|e| !e.passed())
        .flat_map(|e| e.missing.iter().map(|m| m.item.to_string()))
        .collect();
    assert_eq!(failed, ["factor:f5"]);
    for a in s.actions.iter_mut().filter(|a| a.factors.contains(&"f5".to_string())) {
        a.status = waterline::model::ActionStatus::Open;
    }
    assert!(gate(&s, &Default::default()).passed());
}

#[test]
fn enter_on_a_missing_item_goes_to_it() {
    let mut m = open(demo_session());
    keys(&mut m, "6");
    enter(&mut m);
    assert_eq!(step(&m), Step::Factors);
    let doc = m.doc.as_ref().expect("open");
    assert_eq!(doc.session.factors[doc.factors.selected].id, "f5");
}

#[test]
fn enter_on_a_missing_action_selects_that_action_on_its_step() {
    let mut s = demo_session();
    // The last committed action loses its owner and date, so its checks fail.
    let last = s.actions.iter().rposition(|a| a.status.is_committed()).expect("committed");
    s.actions[last].owner.clear();
    s.actions[last].due = None;
    let id = s.actions[last].id.clone();
    let mut m = open(s);
    keys(&mut m, "6");
    let g = gate(session(&m), &Default::default());
    let items: Vec<String> =
        g.entries.iter().flat_map(|e| e.missing.iter().map(|m| m.item.to_string())).collect();
    let row = items.iter().position(|i| *i == format!("action:{id}")).expect("listed");
    for _ in 0..row {
        keys(&mut m, "j");
    }
    enter(&mut m);
    assert_eq!(step(&m), Step::Actions);
    let doc = m.doc.as_ref().expect("open");
    assert_eq!(doc.selected_action().map(|a| a.id.as_str()), Some(id.as_str()));
}

#[test]
fn reviewed_needs_the_gate_or_a_written_reason() {
    let mut m = open(demo_session());
    keys(&mut m, "6s");
    // Status: draft → in-review → reviewed with the arrow keys of a choice.
    keys(&mut m, "r");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("status form") };
    assert_eq!(form.value("Status"), "reviewed");
    enter(&mut m);
    assert!(m.overlay.is_some(), "refused without a reason");
    assert_eq!(session(&m).incident.status, ReviewStatus::Draft);
    keys(&mut m, "Rota change needs budget; tracked in PLAT-9");
    enter(&mut m);
    assert!(m.overlay.is_none());
    assert_eq!(session(&m).incident.status, ReviewStatus::Reviewed);
    assert_eq!(session(&m).incident.gate_override, "Rota change needs budget; tracked in PLAT-9");
}

#[test]
fn in_review_needs_no_reason() {
    let mut m = open(demo_session());
    keys(&mut m, "6si");
    enter(&mut m);
    assert_eq!(session(&m).incident.status, ReviewStatus::InReview);
}

#[test]
fn a_parked_point_is_kept_with_its_step_and_can_be_removed_and_restored() {
    let mut m = open(demo_session());
    keys(&mut m, "2o");
    keys(&mut m, "Pager budget for the secondary rota");
    enter(&mut m);
    let parked = &session(&m).parked;
    assert_eq!(parked.len(), 1);
    assert_eq!((parked[0].id.as_str(), parked[0].step.as_str()), ("p1", "whys"));
    keys(&mut m, "6G");
    keys(&mut m, "x");
    assert!(session(&m).parked.is_empty());
    keys(&mut m, "u");
    assert_eq!(session(&m).parked.len(), 1);
}

#[test]
fn a_removed_parked_points_id_is_never_given_to_a_new_one() {
    let mut m = open(demo_session());
    keys(&mut m, "o");
    keys(&mut m, "Pager budget");
    enter(&mut m);
    keys(&mut m, "6Gx");
    assert!(session(&m).parked.is_empty());
    keys(&mut m, "o");
    keys(&mut m, "Rota review");
    enter(&mut m);
    let ids: Vec<&str> = session(&m).parked.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p2"], "p1 may still come back with undo");
}

#[test]
fn blame_wording_is_flagged_as_it_is_typed() {
    let mut m = open(Session::new("Checkout errors"));
    keys(&mut m, "a");
    tab(&mut m);
    tab(&mut m);
    keys(&mut m, "The engineer should have checked the flag");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the add form") };
    let feedback = form.field("What happened").and_then(|f| f.feedback.clone());
    let Some(waterline::tui::screens::form::Feedback::Lines(lines)) = feedback else {
        panic!("wording feedback: {feedback:?}")
    };
    assert!(lines[0].text.contains("should have"), "{lines:?}");
    assert!(lines[1].text.contains('?'), "a question to ask instead: {lines:?}");
}

#[test]
fn wording_kept_with_a_reason_leaves_the_gate_and_is_stored() {
    let mut m = open(Session::new("Checkout errors"));
    add_event(&mut m, "", "The engineer should have checked the flag");
    let language = |m: &waterline::tui::app::Model| {
        gate(session(m), &Default::default())
            .entries
            .into_iter()
            .find(|e| e.criterion == Criterion::LanguageClean)
            .map(|e| e.missing.len())
    };
    assert_eq!(language(&m), Some(1));
    keys(&mut m, "6");
    // The wording finding comes after the other missing items.
    keys(&mut m, "G");
    for _ in 0..10 {
        keys(&mut m, "z");
        if m.overlay.is_some() {
            break;
        }
        keys(&mut m, "k");
    }
    assert!(m.overlay.is_some(), "z opened the keep form");
    enter(&mut m);
    assert!(m.overlay.is_some(), "a reason is required");
    keys(&mut m, "Quoting the runbook's own wording");
    enter(&mut m);
    let kept = &session(&m).dismissed;
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].item.as_str(), kept[0].field.as_str()), ("event:e1", "text"));
    assert_eq!(kept[0].matched, "should have");
    assert_eq!(language(&m), Some(0));
}

#[test]
fn the_timeline_side_pane_shows_the_selected_events_wording_and_the_stepper_counts_it() {
    let mut m = open(Session::new("Checkout errors"));
    add_event(&mut m, "", "The engineer should have checked the flag");
    let screen = draw(&m, 120, 40);
    assert!(screen.contains("⚑ “should have” in text"), "{screen}");
    assert!(screen.contains("Timeline 1 ⚑1"), "{screen}");
    assert!(screen.contains("⚑ The engineer should have"), "the row carries the glyph: {screen}");
}

#[test]
fn a_self_reviews_private_notes_are_kept_but_never_reported() {
    let mut s = Session::new("My deploy went wrong");
    s.incident.mode = waterline::model::Mode::SelfReview;
    let mut m = open(s);
    keys(&mut m, "i");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("incident form") };
    let n = form.fields.len();
    assert_eq!(form.fields[n - 1].label, "Private notes");
    for _ in 0..n - 1 {
        tab(&mut m);
    }
    keys(&mut m, "I was exhausted and careless that night");
    enter(&mut m);
    let session = session(&m).clone();
    assert_eq!(session.incident.private_notes, "I was exhausted and careless that night");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("self.toml");
    waterline::store::save(&path, &session).expect("saved");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(["check", "--format", "json", path.to_str().expect("utf-8")])
        .env("WATERLINE_HOME", dir.path())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("exhausted"), "private notes never reach a report: {text}");
}
