//! The checks as the console shows them, driven through `update` with no terminal: the
//! action form and the list agree on Realistic, the review day is edited in the incident
//! form, reframing links are named both ways, and verifying an action records its day.

mod common;

use chrono::NaiveDate;
use common::*;
use waterline::analysis::actions::{Context, Verdict, check, known_names};
use waterline::model::{ActionStatus, Session};
use waterline::tui::app::{Model, Overlay};
use waterline::tui::keymap::{KeyCode, KeyInput};
use waterline::tui::screens::form::{Feedback, FieldKey};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a day")
}

fn feedback(m: &Model, key: FieldKey) -> Option<Feedback> {
    match &m.overlay {
        Some(Overlay::Form(f)) => f.field(key).and_then(|f| f.feedback.clone()),
        _ => None,
    }
}

fn focus(m: &mut Model, key: FieldKey) {
    if let Some(Overlay::Form(f)) = m.overlay.as_mut() {
        f.focus_on_field(key);
    }
}

/// A review of an old incident, held weeks later: a1 is due ten days after the review.
fn review_of_an_old_incident() -> Session {
    let mut s = demo_session();
    s.incident.review_date = Some(day("2026-02-10"));
    s.actions[0].due = Some(day("2026-02-20"));
    s
}

#[test]
fn the_action_form_and_the_list_agree_on_realistic_counting_from_the_review_day() {
    let s = review_of_an_old_incident();
    let names = known_names(&s);
    let policy = Default::default();
    let listed = check(&s.actions[0], &Context::stored(&s, &policy, &names));
    assert_eq!(listed.realistic.result, Verdict::Pass, "{}", listed.realistic.reason);
    // The clock says 6 March, after the due day: the form still judges from the review day.
    let mut m = open(s);
    keys(&mut m, "5e");
    let Some(Feedback::Lines(lines)) = feedback(&m, FieldKey::ActionText) else {
        panic!("the checks show under the text");
    };
    let summary = &lines[0].text;
    assert!(summary.contains("✓ realistic"), "the form agrees with the list: {summary}");
    let Some(Feedback::Preview(due)) = feedback(&m, FieldKey::Due) else { panic!("due read back") };
    assert!(due.contains("10 days after the review"), "{due}");
}

#[test]
fn the_review_day_is_edited_in_the_incident_form_and_a_bad_one_is_refused() {
    let mut m = open(demo_session());
    keys(&mut m, "i");
    focus(&mut m, FieldKey::ReviewDate);
    keys(&mut m, "9 March");
    assert!(matches!(feedback(&m, FieldKey::ReviewDate), Some(Feedback::Problem(_))));
    enter(&mut m);
    assert!(matches!(m.overlay, Some(Overlay::Form(_))), "the form stays open");
    assert_eq!(session(&m).incident.review_date, demo_session().incident.review_date);
    for _ in 0.."9 March".len() {
        key(&mut m, KeyInput::plain(KeyCode::Backspace));
    }
    keys(&mut m, "2026-03-09");
    let shown = feedback(&m, FieldKey::ReviewDate);
    assert!(
        matches!(&shown, Some(Feedback::Preview(p)) if p.contains("Mon 9 Mar 2026")),
        "{shown:?}"
    );
    enter(&mut m);
    assert!(m.overlay.is_none());
    assert_eq!(session(&m).incident.review_date, Some(day("2026-03-09")));
    keys(&mut m, "u");
    assert_eq!(session(&m).incident.review_date, demo_session().incident.review_date);
}

#[test]
fn the_side_pane_names_the_answer_that_reframes_a_wrong_turn_and_the_one_it_reframes() {
    let mut m = open(demo_session());
    keys(&mut m, "2");
    m.doc.as_mut().expect("open").reveal_why("w17");
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &["reframed by w15"], "the wrong turn's side pane");
    m.doc.as_mut().expect("open").reveal_why("w15");
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &["↻ reframes w17"], "the reframing answer's side pane");
}

#[test]
fn r_on_a_wrong_turn_records_the_reframing_link_and_the_side_pane_shows_it() {
    let mut s = Session::new("Checkout errors");
    s.whys.push(waterline::model::Why::new("w1", None, "The engineer forgot to run the check"));
    let mut m = open(s);
    keys(&mut m, "2");
    m.doc.as_mut().expect("open").reveal_why("w1");
    keys(&mut m, "r");
    if let Some(Overlay::Form(f)) = m.overlay.as_mut() {
        f.focus_on_field(FieldKey::Answer);
    }
    keys(&mut m, "The check was a manual step with no reminder in the deploy tool");
    enter(&mut m);
    let added = session(&m).whys.iter().find(|w| w.id != "w1").expect("an answer added").clone();
    assert_eq!(added.reframes.as_deref(), Some("w1"));
    m.doc.as_mut().expect("open").reveal_why("w1");
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &[&format!("reframed by {}", added.id)], "the wrong turn");
}

#[test]
fn v_records_the_day_an_action_was_verified_and_undo_takes_it_back() {
    let mut m = open(demo_session());
    // a1 is in progress: done first, then verified with its evidence.
    keys(&mut m, "5dv");
    let Some(Feedback::Preview(hint)) = feedback(&m, FieldKey::Verification) else {
        panic!("the evidence field says what to show");
    };
    assert!(hint.contains("what to show") || hint.contains("its check says"), "{hint}");
    keys(&mut m, "Drill on 5 March: the hook rejected a bad auth block");
    enter(&mut m);
    let a1 = &session(&m).actions[0];
    assert_eq!(a1.status, ActionStatus::Verified);
    assert_eq!(a1.verified_on, Some(day("2026-03-06")), "today, by the model's clock");
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &["verified on Fri 6 Mar 2026"], "the side pane");
    keys(&mut m, "u");
    assert_eq!(session(&m).actions[0].verified_on, None);
    assert_eq!(session(&m).actions[0].status, ActionStatus::Done);
}

#[test]
fn reopening_a_verified_action_clears_its_verified_day() {
    let mut s = demo_session();
    s.actions[0].status = ActionStatus::Verified;
    s.actions[0].verification = "Drill passed".into();
    s.actions[0].verified_on = Some(day("2026-03-05"));
    let mut m = open(s);
    // Reopened when the fix turns out not to hold.
    keys(&mut m, "5p");
    assert_eq!(session(&m).actions[0].status, ActionStatus::InProgress);
    assert_eq!(session(&m).actions[0].verified_on, None);
}
