//! The Behaviours step driven through `Model::press`, as a facilitator would: describing an
//! act, the classifier one question at a time, drafts turned into actions, and undo.

mod common;

use common::*;
use waterline::model::behaviour_summary::{Warning, summarise};
use waterline::model::just_culture::builtin;
use waterline::model::{ActionStatus, Answer, Behaviour, Event, EventKind, Participant, Session};
use waterline::tui::app::{Model, Overlay, update};
use waterline::tui::intent::Intent;
use waterline::tui::screens::form::Feedback;
use waterline::tui::screens::form::FieldKey;
use waterline::tui::steps::behaviours::state::BehavioursMode as Mode;

fn review() -> Session {
    let mut s = Session::new("Checkout errors");
    s.incident.participants = vec![Participant { name: "Priya".into(), role: "on-call".into() }];
    s.events.push(Event {
        id: "e1".into(),
        at: fixed_now(),
        kind: EventKind::Change,
        text: "Config pushed to every host".into(),
        source: String::new(),
        known_then: String::new(),
        extra: Default::default(),
    });
    s
}

/// The review open on the Behaviours step with one act, b1, not classified yet.
fn with_act(act: &str) -> Model {
    let mut s = review();
    s.behaviours.push(Behaviour { id: "b1".into(), act: act.into(), ..Behaviour::default() });
    let mut m = open(s);
    keys(&mut m, "4");
    m
}

fn b1(m: &Model) -> &Behaviour {
    &session(m).behaviours[0]
}

fn mode(m: &Model) -> &Mode {
    &m.doc.as_ref().expect("open").behaviours.mode
}

fn question(m: &Model) -> Option<String> {
    match mode(m) {
        Mode::Wizard(w) => w.classifier.question().map(|n| n.id.clone()),
        _ => None,
    }
}

fn notice(m: &Model) -> String {
    m.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default()
}

fn asked(b: &Behaviour) -> Vec<&str> {
    b.answers.iter().map(|(q, _)| q.as_str()).collect()
}

#[test]
fn an_act_is_described_with_its_context_and_timeline_event() {
    let mut m = open(review());
    keys(&mut m, "4a");
    keys(&mut m, "Pushed the config to every host at once");
    tab(&mut m);
    keys(&mut m, "The pipeline has one stage for config");
    tab(&mut m);
    key(&mut m, waterline::tui::keymap::KeyInput::plain(waterline::tui::keymap::KeyCode::Right));
    enter(&mut m);
    let b = b1(&m);
    assert_eq!((b.id.as_str(), b.event.as_deref()), ("b1", Some("e1")));
    assert_eq!(b.context, "The pipeline has one stage for config");
    assert!(b.answers.is_empty() && b.outcome.is_empty(), "described, not classified yet");
}

#[test]
fn an_act_that_names_a_participant_is_refused_with_a_reason() {
    let mut m = open(review());
    keys(&mut m, "4a");
    keys(&mut m, "Priya's typo in the hostname");
    enter(&mut m);
    assert!(session(&m).behaviours.is_empty());
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the form stays open") };
    let feedback = form.field(FieldKey::Act).and_then(|f| f.feedback.clone());
    assert!(matches!(feedback, Some(Feedback::Problem(t)) if t.contains("not the person")));
}

#[test]
fn answering_reaches_an_outcome_and_saves_answers_in_asking_order() {
    let mut m = with_act("Typed the wrong host name");
    keys(&mut m, "c");
    assert_eq!(question(&m).as_deref(), Some("deliberate_harm"));
    keys(&mut m, "nnn");
    assert_eq!(question(&m).as_deref(), Some("substitution"));
    // Kept as they are given, so a half-classified act can be picked up later.
    assert_eq!(asked(b1(&m)), ["deliberate_harm", "impairment", "intended_act"]);
    assert!(b1(&m).outcome.is_empty(), "no outcome before the last question");
    keys(&mut m, "yn");
    let b = b1(&m);
    assert_eq!(b.outcome, "human-error");
    assert_eq!(
        asked(b),
        ["deliberate_harm", "impairment", "intended_act", "substitution", "repetition"]
    );
    assert!(notice(&m).contains("saved"), "{}", notice(&m));
}

#[test]
fn back_changes_an_earlier_answer_and_everything_after_it_is_derived_again() {
    let mut m = with_act("Skipped the pre-deploy checklist");
    keys(&mut m, "c");
    keys(&mut m, "nnyyn");
    assert_eq!(b1(&m).outcome, "at-risk-drift");
    keys(&mut m, "bbb");
    assert_eq!(question(&m).as_deref(), Some("intended_act"));
    keys(&mut m, "n"); // a slip after all
    assert_eq!(question(&m).as_deref(), Some("substitution"));
    keys(&mut m, "yn");
    assert_eq!(b1(&m).outcome, "human-error");
    assert!(!asked(b1(&m)).contains(&"rule_workable"), "answers off the new path are gone");
    keys(&mut m, "u");
    assert_eq!(b1(&m).outcome, "at-risk-drift", "one undo brings back the earlier result");
    assert!(matches!(mode(&m), Mode::List), "undo returns to the list");
}

#[test]
fn dont_know_takes_the_less_culpable_branch_and_drafts_an_investigation() {
    let mut m = with_act("Overwrote the load balancer config");
    keys(&mut m, "c");
    keys(&mut m, "nn");
    keys(&mut m, "d");
    assert_eq!(question(&m).as_deref(), Some("substitution"), "don't know is taken as a slip");
    keys(&mut m, "dd");
    let b = b1(&m);
    assert_eq!(b.outcome, "human-error");
    assert_eq!(b.answers[2], ("intended_act".to_string(), Answer::DontKnow));
    let Mode::Wizard(w) = mode(&m) else { panic!("the outcome is shown") };
    let drafts = w.drafts(m.doc.as_ref().expect("open"));
    assert!(drafts.iter().any(|d| d.investigation && d.because.ends_with("don't know")));
}

#[test]
fn reckless_is_not_saved_without_written_evidence_and_a_second_reviewer() {
    let mut m = with_act("Disabled the freeze check to ship during the freeze");
    keys(&mut m, "c");
    keys(&mut m, "nnyyyyy");
    assert!(b1(&m).outcome.is_empty(), "reckless waits for evidence");
    assert!(m.notice.as_ref().is_some_and(|n| n.problem));
    keys(&mut m, "r");
    enter(&mut m);
    assert!(b1(&m).outcome.is_empty(), "empty evidence is refused");
    keys(&mut m, "Warned in writing at 14:02; chat log attached");
    enter(&mut m);
    assert!(b1(&m).outcome.is_empty(), "no second reviewer is refused");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the form stays open") };
    assert_eq!(form.focused().map(|f| f.label), Some("Second reviewer"));
    keys(&mut m, "Noor");
    enter(&mut m);
    let b = b1(&m);
    assert_eq!(b.outcome, "reckless");
    assert_eq!((b.second_reviewer.as_str(), b.answers.len()), ("Noor", 7));
    assert!(b.evidence.starts_with("Warned in writing"));
}

#[test]
fn leaving_reckless_without_evidence_keeps_the_earlier_classification() {
    let mut m = with_act("Disabled the freeze check");
    keys(&mut m, "c");
    keys(&mut m, "nnyyyyn");
    assert_eq!(b1(&m).outcome, "at-risk");
    keys(&mut m, "by");
    esc(&mut m);
    assert_eq!(b1(&m).outcome, "at-risk", "the unsupported reckless result was never kept");
    assert!(notice(&m).contains("stays classified as at-risk"), "{}", notice(&m));
}

#[test]
fn a_draft_becomes_an_idea_action_linked_to_the_act_once() {
    let mut m = with_act("Wrote the migration for the configs in the repo");
    keys(&mut m, "c");
    keys(&mut m, "nnyny"); // no procedure, peers would too
    keys(&mut m, "n");
    keys(&mut m, "t");
    let actions = &session(&m).actions;
    assert_eq!(actions.len(), 1);
    let a = &actions[0];
    assert_eq!((a.id.as_str(), a.status), ("a1", ActionStatus::Idea));
    assert_eq!(a.behaviours, ["b1"]);
    assert!(a.factors.is_empty());
    assert!(a.text.starts_with("Write and test a procedure for “Wrote the migration"));
    keys(&mut m, "t");
    assert_eq!(session(&m).actions.len(), 1, "the same draft is not added twice");
    keys(&mut m, "jt");
    assert_eq!(session(&m).actions.len(), 2);
    keys(&mut m, "u");
    assert_eq!(session(&m).actions.len(), 1, "undo removes the last action");
}

#[test]
fn deleting_an_act_removes_its_links_and_undo_restores_both() {
    let mut m = with_act("Typed the wrong host name");
    keys(&mut m, "c");
    keys(&mut m, "nnnynt");
    esc(&mut m);
    keys(&mut m, "x");
    assert!(session(&m).behaviours.is_empty());
    assert!(session(&m).actions[0].behaviours.is_empty(), "the action stays, unlinked");
    keys(&mut m, "u");
    assert_eq!(b1(&m).outcome, "human-error");
    assert_eq!(session(&m).actions[0].behaviours, ["b1"]);
}

#[test]
fn the_summary_warns_when_the_only_response_is_about_the_person() {
    let mut m = with_act("Ran the data fix from a personal script");
    keys(&mut m, "c");
    keys(&mut m, "nnyyyyn"); // at-risk: coaching
    let table = builtin().expect("valid");
    let warnings = summarise(table, session(&m)).warnings;
    assert!(
        matches!(warnings.as_slice(), [Warning::PersonOnly { behaviour, .. }] if behaviour == "b1")
    );
    keys(&mut m, "t");
    assert!(summarise(table, session(&m)).warnings.is_empty(), "a system action answers it");
    esc(&mut m);
    keys(&mut m, "s");
    assert!(matches!(mode(&m), Mode::Summary));
    esc(&mut m);
    assert!(matches!(mode(&m), Mode::List));
}

#[test]
fn the_footer_offers_only_what_works_in_the_current_mode() {
    let offers = |m: &Model, intent: &Intent| m.offers(intent);
    let mut m = with_act("Typed the wrong host name");
    assert!(offers(&m, &Intent::AddBehaviour) && !offers(&m, &Intent::AnswerYes));
    keys(&mut m, "c");
    assert!(offers(&m, &Intent::AnswerYes) && !offers(&m, &Intent::AddBehaviour));
    assert!(!offers(&m, &Intent::DraftToAction), "no drafts before an outcome");
    keys(&mut m, "nnnyn");
    assert!(offers(&m, &Intent::DraftToAction) && !offers(&m, &Intent::AnswerYes));
    assert!(!offers(&m, &Intent::RecordEvidence), "evidence is only for reckless");
}

#[test]
fn a_read_only_review_can_be_read_but_not_classified_or_changed() {
    let mut m = model();
    let mut s = review();
    s.behaviours.push(Behaviour { id: "b1".into(), act: "Typed".into(), ..Behaviour::default() });
    let loaded = waterline::store::Loaded { session: s, read_only: true, notices: Vec::new() };
    update(
        &mut m,
        Intent::Loaded { path: "r.toml".into(), result: Ok(Box::new(loaded)), demo: false },
    );
    keys(&mut m, "4a");
    assert!(m.overlay.is_none());
    keys(&mut m, "c");
    keys(&mut m, "nnnyn");
    assert!(b1(&m).outcome.is_empty(), "nothing is written to a read-only review");
    assert!(m.notice.as_ref().is_some_and(|n| n.problem));
}

#[test]
fn a_family_only_outcome_reads_as_saved_and_a_wrong_one_is_replaced_by_answering_again() {
    let slip = [
        ("deliberate_harm", Answer::No),
        ("impairment", Answer::No),
        ("intended_act", Answer::No),
        ("substitution", Answer::Yes),
        ("repetition", Answer::No),
    ];
    let mut s = review();
    s.behaviours.push(Behaviour {
        id: "b1".into(),
        act: "Typed the wrong host name".into(),
        answers: slip.iter().map(|(q, a)| (q.to_string(), *a)).collect(),
        outcome: "reckless".into(),
        ..Behaviour::default()
    });
    let mut m = open(s);
    keys(&mut m, "4");
    keys(&mut m, "c");
    let Mode::Wizard(w) = mode(&m) else { panic!("the classifier opens") };
    assert!(!w.is_saved(m.doc.as_ref().expect("open")), "the stored outcome disagrees");
    keys(&mut m, "bn");
    assert_eq!(b1(&m).outcome, "human-error", "answering again stores the derived outcome");
    esc(&mut m);
    let doc = m.doc.as_mut().expect("open");
    let drift = [
        ("deliberate_harm", Answer::No),
        ("impairment", Answer::No),
        ("intended_act", Answer::Yes),
        ("rule_exists", Answer::Yes),
        ("rule_workable", Answer::No),
    ];
    doc.edit(|s| {
        s.behaviours[0].answers = drift.iter().map(|(q, a)| (q.to_string(), *a)).collect();
        s.behaviours[0].outcome = "at-risk".into(); // the family of at-risk-drift
    });
    keys(&mut m, "c");
    let Mode::Wizard(w) = mode(&m) else { panic!("the classifier opens") };
    assert!(w.is_saved(m.doc.as_ref().expect("open")), "the family agrees with its outcomes");
}
