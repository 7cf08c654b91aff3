//! The Whys step with a room waiting: `g` reaches the incident itself, and every place that
//! says how deep an answer is counts the same way.

mod common;

use common::*;
use waterline::model::WhyTree;
use waterline::tui::app::Model;
use waterline::tui::steps::whys::state::selected_id;

fn demo_whys() -> Model {
    let mut m = open(demo_session());
    keys(&mut m, "2");
    m
}

fn new_whys(m: &Model) -> Vec<(String, Option<String>)> {
    let before = demo_session();
    session(m)
        .whys
        .walk()
        .into_iter()
        .filter(|(w, _)| before.whys.why(&w.id).is_none())
        .map(|(w, _)| (w.text.clone(), w.parent.clone()))
        .collect()
}

#[test]
fn g_selects_the_incident_and_a_there_starts_a_new_branch_beside_w1() {
    let mut m = demo_whys();
    keys(&mut m, "G");
    keys(&mut m, "g");
    assert_eq!(selected_id(m.doc.as_ref().expect("open")), None, "the incident is selected");
    let screen = draw(&m, 120, 40);
    assert_shows(&screen, &["▶◉"], "the incident row as selected");
    keys(&mut m, "a");
    keys(&mut m, "The load balancer kept sending traffic to hosts that had failed");
    enter(&mut m);
    assert_eq!(
        new_whys(&m),
        [("The load balancer kept sending traffic to hosts that had failed".to_string(), None)],
        "asked of the incident: beside w1, not under it"
    );
}

#[test]
fn on_the_incident_the_footer_does_not_offer_another_answer_beside_it() {
    let mut m = demo_whys();
    keys(&mut m, "g");
    let screen = draw(&m, 120, 40);
    let footer = screen.lines().last().unwrap_or_default().to_string();
    assert!(footer.contains("why?"), "a is offered: {footer}");
    assert!(!footer.contains("another"), "s is not offered on the incident: {footer}");
    keys(&mut m, "s");
    assert!(m.overlay.is_none(), "s opens no form on the incident");
    assert!(new_whys(&m).is_empty());
    let notice = m.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("new branch"), "says what to do instead: {notice}");
}

#[test]
fn down_from_the_incident_reaches_w1_and_s_there_adds_beside_it() {
    let mut m = demo_whys();
    keys(&mut m, "gj");
    assert_eq!(selected_id(m.doc.as_ref().expect("open")).as_deref(), Some("w1"));
    keys(&mut m, "s");
    keys(&mut m, "A second, separate cause");
    enter(&mut m);
    assert_eq!(new_whys(&m), [("A second, separate cause".to_string(), None)]);
}

#[test]
fn the_side_pane_and_the_big_view_count_whys_the_same_way() {
    let mut m = demo_whys();
    // w3 is two answers below w1: the third why of its branch.
    m.doc.as_mut().expect("open").reveal_why("w3");
    let side = draw(&m, 120, 40);
    assert_shows(&side, &["w3 why 3 of this branch"], "the side pane");
    keys(&mut m, "b");
    let big = draw(&m, 120, 40);
    assert_shows(&big, &["why 3 of this branch"], "the big view");
    assert!(!side.contains("below the incident"), "one way of counting:\n{side}");
}
