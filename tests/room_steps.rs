//! Steps and modes with a room waiting: a half-classified act is kept and picked up where
//! it stopped, Enter / e / Esc mean the same on every step, and a self-review speaks to you.

mod common;

use common::*;
use waterline::model::{Behaviour, Mode as ReviewMode, Session};
use waterline::tui::app::{Model, Overlay};
use waterline::tui::intent::Intent;
use waterline::tui::steps::behaviours::state::BehavioursMode as Mode;

fn with_act(mode: ReviewMode) -> Model {
    let mut s = Session::new("Storage outage");
    s.incident.mode = mode;
    s.behaviours.push(Behaviour {
        id: "b1".into(),
        act: "Ran the removal command with a larger number than intended".into(),
        ..Behaviour::default()
    });
    let mut m = open(s);
    keys(&mut m, "4");
    m
}

fn question(m: &Model) -> Option<String> {
    match &m.doc.as_ref().expect("open").behaviours.mode {
        Mode::Wizard(w) => w.classifier.question().map(|n| n.id.clone()),
        _ => None,
    }
}

fn notice(m: &Model) -> String {
    m.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default()
}

#[test]
fn esc_halfway_keeps_the_answers_and_c_picks_up_at_the_next_question() {
    let mut m = with_act(ReviewMode::Facilitated);
    keys(&mut m, "c");
    keys(&mut m, "nn");
    let third = question(&m).expect("a third question");
    esc(&mut m);
    let b = &session(&m).behaviours[0];
    assert_eq!(b.answers.len(), 2, "the two answers given are kept: {:?}", b.answers);
    assert!(b.outcome.is_empty(), "no outcome yet");
    assert!(notice(&m).contains("2 answers"), "says what was kept: {}", notice(&m));
    assert!(notice(&m).contains("question 3"), "and where it picks up: {}", notice(&m));
    let list = draw(&m, 120, 40);
    assert_shows(&list, &["2 answered, unfinished"], "the list");
    keys(&mut m, "c");
    assert_eq!(question(&m), Some(third), "resumed where the room stopped");
    // Kept in the file too: it survives a save and a reload.
    let text = waterline::store::to_toml(session(&m));
    let back = waterline::store::parse(std::path::Path::new("r.toml"), &text).expect("parses");
    assert_eq!(back.session.behaviours[0].answers, session(&m).behaviours[0].answers);
    assert!(
        waterline::analysis::consistency::check(&back.session).is_empty(),
        "not a disagreement"
    );
}

#[test]
fn going_back_and_closing_leaves_a_finished_classification_as_it_was() {
    let mut m = with_act(ReviewMode::Facilitated);
    keys(&mut m, "c");
    keys(&mut m, "nnnyn");
    let finished = session(&m).behaviours[0].clone();
    assert!(!finished.outcome.is_empty());
    keys(&mut m, "bb");
    esc(&mut m);
    assert_eq!(session(&m).behaviours[0], finished, "looking back changes nothing");
    assert!(notice(&m).contains("stays classified"), "{}", notice(&m));
}

#[test]
fn enter_and_e_edit_the_act_and_c_classifies_as_on_every_step() {
    let mut m = with_act(ReviewMode::Facilitated);
    enter(&mut m);
    assert!(matches!(m.overlay, Some(Overlay::Form(_))), "Enter edits, as on every step");
    esc(&mut m);
    keys(&mut m, "e");
    assert!(matches!(m.overlay, Some(Overlay::Form(_))), "e edits");
    esc(&mut m);
    keys(&mut m, "c");
    assert!(question(&m).is_some(), "c classifies");
}

#[test]
fn the_classifier_and_the_footer_use_the_same_word_for_esc() {
    let mut m = with_act(ReviewMode::Facilitated);
    keys(&mut m, "c");
    let screen = draw(&m, 120, 40);
    let word = Intent::Cancel.short().expect("a label");
    let esc_says = format!("Esc {word}");
    let footer = screen.lines().last().unwrap_or_default();
    assert!(footer.contains(&esc_says), "footer: {footer}");
    let body: String = screen.lines().take(38).collect::<Vec<_>>().join("\n");
    assert!(body.contains(&esc_says), "the classifier says it the same way:\n{screen}");
    assert!(!screen.contains("to the list") && !screen.contains("Close"), "{screen}");
    keys(&mut m, "nnnyn");
    let done = draw(&m, 120, 40);
    assert!(done.contains(&esc_says) && !done.contains("to the list"), "{done}");
}

#[test]
fn in_a_self_review_the_just_culture_questions_speak_to_you() {
    let mut m = with_act(ReviewMode::SelfReview);
    keys(&mut m, "c");
    keys(&mut m, "n");
    let screen = draw(&m, 120, 40);
    assert_shows(&screen, &["Was my capacity impaired"], "the second question, first person");
    keys(&mut m, "n");
    let third = draw(&m, 120, 40);
    assert_shows(&third, &["Did I do what I meant to do"], "the intent question");
    for screen in [&screen, &third] {
        let lower = screen.to_lowercase();
        for third_person in ["the person", "this person", "did they", " they "] {
            assert!(!lower.contains(third_person), "{third_person:?} in a self-review:\n{screen}");
        }
    }
    // A facilitated review still asks about the act's author in the third person.
    let mut f = with_act(ReviewMode::Facilitated);
    keys(&mut f, "cn");
    assert_shows(&draw(&f, 120, 40), &["Was the person's capacity impaired"], "facilitated");
}

#[test]
fn every_question_of_the_table_has_a_first_person_wording() {
    let table = waterline::model::just_culture::builtin().expect("the table loads");
    for node in table.nodes() {
        let own = node.asks(true);
        assert_ne!(own, node.question, "{} has its own wording", node.id);
        let lower = format!(" {} {} ", own, node.explains(true)).to_lowercase();
        for third_person in [" they ", " them ", "the person", "this person"] {
            assert!(!lower.contains(third_person), "{}: {third_person:?} in {lower}", node.id);
        }
    }
}

#[test]
fn every_outcome_of_the_table_has_a_first_person_response() {
    let table = waterline::model::just_culture::builtin().expect("the table loads");
    for outcome in table.outcomes() {
        let own = outcome.responds(true);
        assert_ne!(own, outcome.response, "{} has its own wording", outcome.id);
        let lower = format!(" {own} ").to_lowercase();
        for third_person in [" they ", " them ", "the person", "this person", " their "] {
            assert!(!lower.contains(third_person), "{}: {third_person:?} in {lower}", outcome.id);
        }
    }
}

#[test]
fn in_a_self_review_the_outcome_speaks_to_you() {
    let mut m = with_act(ReviewMode::SelfReview);
    keys(&mut m, "cnnnyn");
    let done = draw(&m, 120, 40);
    let lower = done.to_lowercase();
    // Words only an outcome's first-person response has, all on screen: it is the one shown.
    let table = waterline::model::just_culture::builtin().expect("the table loads");
    let spoken_to_you = table.outcomes().iter().any(|o| {
        let third: Vec<&str> = o.response.split_whitespace().collect();
        let own: Vec<&str> = (o.responds(true).split_whitespace())
            .filter(|w| w.len() > 3 && !third.contains(w))
            .collect();
        !own.is_empty() && own.iter().all(|w| done.contains(w))
    });
    assert!(spoken_to_you, "an outcome's first-person response is shown:\n{done}");
    for third_person in ["the person", "this person", " they "] {
        assert!(!lower.contains(third_person), "{third_person:?} in a self-review:\n{done}");
    }
    let mut f = with_act(ReviewMode::Facilitated);
    keys(&mut f, "cnnnyn");
    assert_shows(
        &draw(&f, 120, 40),
        &["the person"],
        "a facilitated review keeps the third person",
    );
}

#[test]
fn a_self_review_incident_form_asks_only_what_a_person_alone_needs() {
    let mut s = Session::new("My deploy");
    s.incident.mode = ReviewMode::SelfReview;
    s.incident.facilitator = "Kept as it was".into();
    let mut m = open(s);
    keys(&mut m, "i");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the incident form opens") };
    use waterline::tui::screens::form::FieldKey;
    assert!(form.field(FieldKey::Facilitator).is_none(), "no facilitator in a self-review");
    assert!(form.field(FieldKey::Participants).is_none(), "no participants to name");
    assert!(form.field(FieldKey::PrivateNotes).is_some(), "a place only for the writer");
    enter(&mut m);
    assert_eq!(session(&m).incident.facilitator, "Kept as it was", "saving loses nothing");
    let mut f = open(Session::new("Team review"));
    keys(&mut f, "i");
    let Some(Overlay::Form(form)) = &f.overlay else { panic!("the incident form opens") };
    assert!(
        form.field(FieldKey::Facilitator).is_some() && form.field(FieldKey::Participants).is_some()
    );
}

#[test]
fn a_half_classified_act_in_a_file_is_no_finding_and_not_yet_classified_for_the_gate() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/half_classified.toml");
    let loaded = waterline::store::load(&path).expect("the fixture loads");
    assert!(waterline::analysis::consistency::check(&loaded.session).is_empty());
    let policy = waterline::analysis::policy::DuePolicy::default();
    let gate = waterline::analysis::readiness::gate(&loaded.session, &policy);
    let b1 = waterline::model::ItemRef::behaviour("b1");
    assert!(
        gate.entries.iter().flat_map(|e| &e.missing).any(|m| m.item == b1),
        "the gate still asks for the act to be classified"
    );
    let mut m = open(loaded.session);
    keys(&mut m, "4c");
    assert_eq!(question(&m).as_deref(), Some("intended_act"), "picked up at the third question");
}
