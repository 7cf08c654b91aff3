//! The Whys and Factors steps as a facilitator uses them, driven through `Model::press`
//! and `update`, with no terminal.

mod common;

use common::*;
use waterline::analysis::{coverage, whys as checks};
use waterline::model::{Category, Session, WhyTree};
use waterline::tui::app::{Model, Overlay, update};
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput};
use waterline::tui::screens::form::FieldKey;
use waterline::tui::steps::Step;
use waterline::tui::steps::whys::state::{selected_id, visible};

fn whys_open(title: &str) -> Model {
    let mut m = open(Session::new(title));
    keys(&mut m, "2");
    m
}

/// Types an answer into the open why form and saves it.
fn answer(m: &mut Model, text: &str) {
    keys(m, text);
    enter(m);
}

fn selected(m: &Model) -> String {
    selected_id(m.doc.as_ref().expect("open")).unwrap_or_default()
}

fn parent_of(m: &Model, id: &str) -> Option<String> {
    session(m).whys.why(id).and_then(|w| w.parent.clone())
}

/// w1 (incident) → w2, w3 (two branches).
fn two_branches() -> Model {
    let mut m = whys_open("Checkout errors");
    keys(&mut m, "a");
    answer(&mut m, "A flag change enabled an unfinished tax engine for every user");
    keys(&mut m, "a");
    answer(&mut m, "The flag tool defaults new rollouts to everyone");
    keys(&mut m, "s");
    answer(&mut m, "The error alert took four minutes to fire");
    m
}

#[test]
fn asking_why_adds_an_answer_under_the_selected_one_and_selects_it() {
    let m = two_branches();
    let s = session(&m);
    assert_eq!(s.whys.len(), 3);
    assert_eq!(parent_of(&m, "w1"), None, "the first answer is asked of the incident");
    assert_eq!(parent_of(&m, "w2").as_deref(), Some("w1"));
    assert_eq!(parent_of(&m, "w3").as_deref(), Some("w1"), "a sibling shares the parent");
    assert_eq!(selected(&m), "w3");
    assert!(m.overlay.is_none());
}

#[test]
fn an_empty_answer_keeps_the_form_open() {
    let mut m = whys_open("t");
    keys(&mut m, "a");
    enter(&mut m);
    assert!(matches!(m.overlay, Some(Overlay::Form(_))));
    assert!(session(&m).whys.is_empty());
}

#[test]
fn open_branches_are_checks_until_marked_as_system_conditions() {
    let mut m = two_branches();
    let open: Vec<String> =
        checks::checks(session(&m)).into_iter().map(|c| c.item.to_string()).collect();
    assert_eq!(open, ["why:w2", "why:w3"]);
    keys(&mut m, "c");
    keys(&mut m, "k");
    keys(&mut m, "c");
    assert!(checks::checks(session(&m)).is_empty(), "{:?}", checks::checks(session(&m)));
    keys(&mut m, "c");
    assert!(!session(&m).whys.why("w2").expect("w2").system_condition, "c again unmarks");
}

#[test]
fn a_wrong_turn_is_flagged_and_reframing_adds_a_sibling_that_keeps_the_words() {
    let mut m = two_branches();
    keys(&mut m, "k");
    keys(&mut m, "a");
    answer(&mut m, "The engineer was careless with the cohort picker");
    assert_eq!(selected(&m), "w4");
    let states = checks::states(session(&m));
    assert!(states["w4"].wrong_turn.is_some());
    assert!(!states["w4"].reframed);
    let found = checks::checks(session(&m));
    assert!(found.iter().any(|c| c.item.to_string() == "why:w4" && c.field == "text"), "{found:?}");

    keys(&mut m, "r");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the reframe form opens") };
    assert!(form.value(FieldKey::WhyNote).contains("careless"), "the flagged words are kept");
    answer(&mut m, "The picker shows the everyone cohort preselected");
    let s = session(&m);
    let reframed = s.whys.why("w5").expect("w5 added");
    assert_eq!(reframed.parent.as_deref(), Some("w2"), "beside the wrong turn");
    assert_eq!(
        reframed.note,
        "Reframed from w4: “The engineer was careless with the cohort picker”"
    );
    assert_eq!(reframed.reframes.as_deref(), Some("w4"), "the link is recorded");
    assert!(checks::states(s)["w4"].reframed);
    assert!(
        !checks::checks(s).iter().any(|c| c.item.to_string() == "why:w4"),
        "reframed: nothing open"
    );
    let record = checks::reframed(s);
    assert!(
        record.iter().any(|c| c.item.to_string() == "why:w4" && c.reframed),
        "kept on record: {record:?}"
    );
}

#[test]
fn reframing_an_answer_about_the_system_only_says_so() {
    let mut m = two_branches();
    keys(&mut m, "r");
    assert!(m.overlay.is_none());
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("w3")));
}

#[test]
fn promoting_needs_a_system_condition_then_creates_a_linked_factor_and_goes_there() {
    let mut m = two_branches();
    keys(&mut m, "k");
    keys(&mut m, "p");
    assert!(session(&m).factors.is_empty(), "not yet marked as a system condition");
    keys(&mut m, "c");
    keys(&mut m, "p");
    let s = session(&m);
    assert_eq!(s.factors.len(), 1);
    let f = &s.factors[0];
    assert_eq!((f.id.as_str(), f.whys.clone()), ("f1", vec!["w2".to_string()]));
    assert_eq!(f.text, "The flag tool defaults new rollouts to everyone");
    let doc = m.doc.as_ref().expect("open");
    assert_eq!(doc.step, Step::Factors);
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the factor form opens") };
    assert_eq!(form.focused().map(|f| f.label), Some("Category"));
    // Choose tooling by its letter, then save.
    keys(&mut m, "t");
    enter(&mut m);
    assert_eq!(session(&m).factors[0].category, Category::Tooling);

    keys(&mut m, "2");
    keys(&mut m, "p");
    assert_eq!(session(&m).factors.len(), 1, "promoting again points at the factor");
    assert_eq!(m.doc.as_ref().map(|d| d.step), Some(Step::Factors));
}

#[test]
fn a_promoted_factor_survives_esc_and_one_undo_removes_it() {
    let mut m = two_branches();
    keys(&mut m, "c");
    keys(&mut m, "p");
    esc(&mut m);
    assert_eq!(session(&m).factors.len(), 1);
    keys(&mut m, "u");
    assert!(session(&m).factors.is_empty());
}

#[test]
fn linking_evidence_chooses_events_and_whys_from_lists() {
    let mut m = open(demo_session());
    keys(&mut m, "3");
    keys(&mut m, "j");
    assert_eq!(session(&m).factors[1].events, ["e2"]);
    keys(&mut m, "t");
    let Some(Overlay::Pick(list)) = &m.overlay else { panic!("the event list opens") };
    assert_eq!(list.checked(), ["e2"], "current links start ticked");
    // Untick e2 (second in time order), tick e3.
    keys(&mut m, "j ");
    keys(&mut m, "j ");
    enter(&mut m);
    assert_eq!(session(&m).factors[1].events, ["e3"]);

    keys(&mut m, "w");
    keys(&mut m, "G ");
    enter(&mut m);
    let whys = &session(&m).factors[1].whys;
    assert_eq!(whys.len(), 3, "{whys:?}");
    keys(&mut m, "u");
    assert_eq!(session(&m).factors[1].whys.len(), 2, "undo takes back the last linking");
}

#[test]
fn a_factor_without_action_is_covered_by_a_reasoned_accepted_risk() {
    let mut m = open(demo_session());
    keys(&mut m, "3");
    let before: Vec<String> =
        coverage::check(session(&m)).into_iter().map(|c| c.item.to_string()).collect();
    assert_eq!(before, ["factor:f5"], "only ideas address the rota factor");
    keys(&mut m, "jjjj");
    keys(&mut m, "r");
    answer(&mut m, "Rota change agreed for next quarter's hiring plan");
    assert_eq!(
        session(&m).factors[4].accepted_risk,
        "Rota change agreed for next quarter's hiring plan"
    );
    assert!(coverage::check(session(&m)).is_empty());
}

#[test]
fn deleting_a_branch_removes_its_answers_and_factor_links_and_undo_restores_both() {
    let mut m = open(demo_session());
    keys(&mut m, "2");
    keys(&mut m, "j");
    assert_eq!(selected(&m), "w2");
    keys(&mut m, "x");
    let s = session(&m);
    assert!(s.whys.why("w2").is_none() && s.whys.why("w5").is_none(), "w2 and its chain");
    assert_eq!(s.factors[0].whys, Vec::<String>::new(), "f1 no longer names w2 or w3");
    assert_eq!(selected(&m), "w1", "the answer above is selected");
    keys(&mut m, "u");
    assert_eq!(session(&m).whys.len(), demo_session().whys.len());
    assert_eq!(session(&m).factors[0].whys, ["w2", "w3"]);
}

#[test]
fn moving_reorders_siblings_and_reparenting_refuses_nothing_it_offers() {
    let mut m = two_branches();
    keys(&mut m, "K");
    let order: Vec<String> =
        session(&m).whys.children_of(Some("w1")).iter().map(|w| w.id.clone()).collect();
    assert_eq!(order, ["w3", "w2"]);
    keys(&mut m, "K");
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("first")));
    // Move w3 under w2: the list offers the incident, w1 and w2 (not w3 itself).
    keys(&mut m, "m");
    let Some(Overlay::Pick(list)) = &m.overlay else { panic!("the parent list opens") };
    let offered: Vec<Option<String>> = list.items.iter().map(|i| i.id.clone()).collect();
    assert_eq!(offered, [None, Some("w1".into()), Some("w2".into())]);
    keys(&mut m, "j");
    enter(&mut m);
    assert_eq!(parent_of(&m, "w3").as_deref(), Some("w2"));
    assert_eq!(session(&m).whys.depth("w3"), 2);
}

#[test]
fn folding_hides_the_answers_under_one_and_keeps_the_selection_visible() {
    let mut m = two_branches();
    keys(&mut m, "gj"); // the incident, then its first answer
    key(&mut m, KeyInput::char(' '));
    assert_eq!(visible(m.doc.as_ref().expect("open")).len(), 1);
    keys(&mut m, "j");
    assert_eq!(selected(&m), "w1", "nothing below to move to");
    key(&mut m, KeyInput::plain(KeyCode::Right));
    assert_eq!(visible(m.doc.as_ref().expect("open")).len(), 3);
    key(&mut m, KeyInput::plain(KeyCode::Right));
    assert_eq!(selected(&m), "w2", "→ on an open answer goes to its first answer");
    key(&mut m, KeyInput::plain(KeyCode::Left));
    assert_eq!(selected(&m), "w1", "← on a leaf goes to the parent");
}

#[test]
fn big_view_toggles_and_keeps_navigation() {
    let mut m = two_branches();
    keys(&mut m, "b");
    assert!(m.doc.as_ref().is_some_and(|d| d.whys.big));
    keys(&mut m, "k");
    assert_eq!(selected(&m), "w2");
    keys(&mut m, "b");
    assert!(m.doc.as_ref().is_some_and(|d| !d.whys.big));
}

#[test]
fn a_single_chain_is_asked_for_another_branch() {
    let mut m = whys_open("t");
    keys(&mut m, "a");
    answer(&mut m, "A config change disabled auth");
    let found = checks::checks(session(&m));
    assert!(found.iter().any(|c| c.message.contains("one why")), "{found:?}");
    keys(&mut m, "a");
    answer(&mut m, "The schema changed");
    keys(&mut m, "c");
    let found = checks::checks(session(&m));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("not root causes"));
}

#[test]
fn new_answer_ids_continue_past_the_loaded_ones() {
    let mut m = open(demo_session());
    keys(&mut m, "2");
    keys(&mut m, "a");
    answer(&mut m, "Another answer");
    assert_eq!(selected(&m), "w18");
    keys(&mut m, "3a");
    answer(&mut m, "A factor");
    assert_eq!(session(&m).factors.last().map(|f| f.id.as_str()), Some("f7"));
}

#[test]
fn the_factors_picture_toggles() {
    let mut m = open(demo_session());
    keys(&mut m, "3p");
    assert!(m.doc.as_ref().is_some_and(|d| d.factors.picture));
    update(&mut m, Intent::TogglePicture);
    assert!(m.doc.as_ref().is_some_and(|d| !d.factors.picture));
}
