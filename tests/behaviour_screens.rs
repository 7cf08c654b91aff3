//! The Behaviours step on screen: every question and every outcome of the classifier, the
//! list, the forms and the summary, at 80×24 and 120×40. Names follow `screen__state__WxH`.

mod common;

use common::*;
use waterline::model::{ActionItem, Answer, Behaviour, Event, EventKind, Session};
use waterline::tui::app::Model;

/// Snapshots at both sizes, after checking that each shows what matters (`shows`): the
/// selection, the glyphs, the keys on offer.
fn both_sizes(name: &str, m: &Model, shows: &[&str]) {
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(m, w, h);
        assert_shows(&screen, shows, &format!("{name} at {w}x{h}"));
        insta::assert_snapshot!(format!("{name}__{w}x{h}"), screen);
    }
}

fn event() -> Event {
    Event {
        id: "e1".into(),
        at: fixed_now(),
        kind: EventKind::Action,
        text: "Cleanup script run; 40 tables emptied".into(),
        source: String::new(),
        known_then: String::new(),
        extra: Default::default(),
    }
}

fn act(id: &str, act: &str) -> Behaviour {
    Behaviour { id: id.into(), act: act.into(), ..Behaviour::default() }
}

/// One act, not classified yet, with the Behaviours step open.
fn one_act() -> Model {
    let mut s = Session::new("Production tables emptied by a cleanup script");
    s.events.push(event());
    s.behaviours.push(Behaviour {
        context: "Both terminals showed the same prompt; the staging and production hosts \
                  differ by one letter."
            .into(),
        event: Some("e1".into()),
        ..act("b1", "Ran the cleanup script against the production database instead of staging")
    });
    let mut m = open(s);
    keys(&mut m, "4");
    m
}

/// The classifier opened on the act, then `answers` typed (y, n, d; b for back).
fn classify(answers: &str) -> Model {
    let mut m = one_act();
    keys(&mut m, "c");
    keys(&mut m, answers);
    m
}

#[test]
fn every_question_of_the_classifier() {
    let questions = [
        ("deliberate_harm", ""),
        ("impairment", "n"),
        ("work_conditions", "ny"),
        ("intended_act", "nn"),
        ("rule_exists", "nny"),
        ("rule_workable", "nnyy"),
        ("knowing_departure", "nnyyy"),
        ("risk_recognised", "nnyyyy"),
        ("substitution", "nnn"),
        ("deficiency", "nnnn"),
        ("repetition", "nnny"),
    ];
    for (question, answers) in questions {
        both_sizes(
            &format!("behaviours__question_{question}"),
            &classify(answers),
            &[" y yes ", " n no ", "Esc"],
        );
    }
}

#[test]
fn every_outcome_of_the_classifier() {
    let outcomes = [
        ("out_of_scope_harm", "y"),
        ("human_error_system_induced", "nyy"),
        ("out_of_scope_support", "nyn"),
        ("at_risk_drift", "nnyyn"),
        ("at_risk", "nnyyyyn"),
        ("reckless_not_saved", "nnyyyyy"),
        ("human_error_coaching", "nnnnn"),
        ("human_error_targeted_support", "nnnyy"),
        ("human_error", "nnnyn"),
    ];
    for (outcome, answers) in outcomes {
        both_sizes(
            &format!("behaviours__outcome_{outcome}"),
            &classify(answers),
            &["▶", " b back ", "Esc"],
        );
    }
}

#[test]
fn dont_know_shows_the_branch_it_was_taken_as() {
    both_sizes(
        "behaviours__question_after_dont_know",
        &classify("nnd"),
        &[" y yes ", " d don't know "],
    );
    both_sizes("behaviours__outcome_after_dont_know", &classify("nnddd"), &["▶", " t to action "]);
}

#[test]
fn a_draft_turned_into_an_action_is_marked() {
    both_sizes(
        "behaviours__outcome_draft_taken",
        &classify("nnnynjt"),
        &["▶ Share how", " t to action "],
    );
}

#[test]
fn reckless_evidence_form_refuses_an_empty_evidence() {
    let mut m = classify("nnyyyyy");
    keys(&mut m, "r");
    enter(&mut m);
    both_sizes("behaviours__reckless_evidence_refused", &m, &["▶ Evidence", " Enter save "]);
}

#[test]
fn list_of_the_demo_acts() {
    let mut m = open(demo_session());
    keys(&mut m, "4");
    both_sizes(
        "behaviours__demo",
        &m,
        &["▶b1", "▲ at-risk (drift)", " c classify ", " Enter edit "],
    );
}

#[test]
fn list_when_there_are_no_acts() {
    let mut m = open(Session::new("Checkout errors"));
    keys(&mut m, "4");
    both_sizes("behaviours__empty", &m, &[" a add "]);
}

#[test]
fn describing_an_act() {
    let mut m = open(demo_session());
    keys(&mut m, "4a");
    keys(&mut m, "Restarted the primary instead of the replica");
    both_sizes("behaviours__add_form", &m, &["▶ Act", "Restarted the primary"]);
}

#[test]
fn summary_of_the_demo() {
    let mut m = open(demo_session());
    keys(&mut m, "4s");
    both_sizes("behaviours__summary_demo", &m, &["Outcomes across this review", " s summary "]);
}

#[test]
fn summary_with_every_kind_of_warning() {
    let answers = |list: &[(&str, Answer)]| -> Vec<(String, Answer)> {
        list.iter().map(|(q, a)| (q.to_string(), *a)).collect()
    };
    use Answer::{No, Yes};
    let at_risk = answers(&[
        ("deliberate_harm", No),
        ("impairment", No),
        ("intended_act", Yes),
        ("rule_exists", Yes),
        ("rule_workable", Yes),
        ("knowing_departure", Yes),
        ("risk_recognised", No),
    ]);
    let mut reckless = at_risk.clone();
    reckless[6].1 = Yes;
    let slip = answers(&[
        ("deliberate_harm", No),
        ("impairment", No),
        ("intended_act", No),
        ("substitution", Yes),
        ("repetition", No),
    ]);
    let mut s = Session::new("Production tables emptied by a cleanup script");
    s.behaviours = vec![
        Behaviour {
            answers: at_risk,
            outcome: "at-risk".into(),
            ..act("b1", "Ran the data fix from a personal script")
        },
        Behaviour {
            answers: reckless,
            outcome: "reckless".into(),
            ..act("b2", "Disabled the freeze check")
        },
        Behaviour {
            answers: slip.clone(),
            outcome: "reckless".into(),
            ..act("b3", "Typed the wrong host name")
        },
        Behaviour {
            answers: slip,
            outcome: "human-error".into(),
            ..act("b4", "Pasted a stale token")
        },
        act("b5", "Skipped the canary"),
    ];
    s.actions.push(ActionItem {
        id: "a1".into(),
        text: "Block the freeze check from being disabled without a second approval".into(),
        behaviours: vec!["b2".into()],
        ..ActionItem::default()
    });
    let mut m = open(s);
    keys(&mut m, "4s");
    both_sizes(
        "behaviours__summary_warnings",
        &m,
        &["■ reckless behaviour", "⚠ b2 is reckless without evidence", " s summary "],
    );
    // And the list, where the disagreement and the unclassified act show.
    esc(&mut m);
    both_sizes("behaviours__list_mixed", &m, &["▶b1", "▲ at-risk"]);
}
