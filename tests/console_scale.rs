//! The console with big reviews: what it keeps between keys gives exactly what working
//! everything out afresh gives, a why chain thousands deep stays readable on a small
//! screen, and an idle tick draws nothing.

mod common;

use std::rc::Rc;

use common::*;
use proptest::prelude::*;
use waterline::analysis::overview::overview;
use waterline::model::{Session, Why};
use waterline::tui::app::{Model, update};
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput};
use waterline::tui::redraw::{Glance, after_tick};
use waterline::tui::steps::timeline::state::TimelineRows;
use waterline::tui::steps::whys::state::selected_id;

/// The overview the console holds is the one worked out for the review as it is now.
fn assert_overview_is_fresh(m: &Model, after: &str) {
    let doc = m.doc.as_ref().expect("a review is open");
    let kept = doc.derived.overview.as_ref().expect("the console keeps the overview");
    assert_eq!(kept.0, doc.generation, "after {after}: kept for the current review");
    let fresh = overview(&doc.session, &m.policy);
    assert!(*kept.1 == fresh, "after {after}: the kept overview differs from a fresh one");
    assert_eq!(*doc.gate(&m.policy), fresh.gate, "after {after}: the gate");
    let counts = waterline::tui::steps::wording_counts(&fresh.language);
    assert_eq!(doc.wording_counts(), counts, "after {after}: flagged wording per step");
    // Rows kept for an older review are never read (see `Doc::timeline_rows`).
    if let Some((generation, kept)) = &doc.derived.timeline
        && *generation == doc.generation
    {
        // Rows, each event's row, milestone marks and flags, as laid out afresh.
        let fresh = TimelineRows::of(&doc.session, Some(&fresh));
        assert_eq!(**kept, fresh, "after {after}: the timeline as laid out");
    }
}

#[test]
fn the_overview_kept_between_keys_matches_a_fresh_one_after_edits() {
    let mut m = open(demo_session());
    assert_overview_is_fresh(&m, "opening");
    add_event(&mut m, "14:40", "Maria should have checked the deploy before pushing it");
    assert_overview_is_fresh(&m, "adding an event that blames a person");
    keys(&mut m, "2a");
    keys(&mut m, "Because the operator was careless");
    enter(&mut m);
    assert_overview_is_fresh(&m, "adding a wrong turn");
    key(&mut m, KeyInput::ctrl('z'));
    assert_overview_is_fresh(&m, "undo");
    // Moving around changes nothing: the same overview is reused, not worked out again.
    let before =
        Rc::clone(&m.doc.as_ref().expect("open").derived.overview.as_ref().expect("kept").1);
    keys(&mut m, "jjk");
    let after = &m.doc.as_ref().expect("open").derived.overview.as_ref().expect("kept").1;
    assert!(Rc::ptr_eq(&before, after), "moving the selection does not analyse again");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Any sequence of adds, edits, deletes and undos on the timeline and the whys.
    #[test]
    fn any_edits_keep_the_overview_fresh(ops in proptest::collection::vec(0u8..6, 1..8)) {
        let mut m = open(demo_session());
        for (n, op) in ops.iter().enumerate() {
            match op {
                0 => add_event(&mut m, "14:4{n}", "The on-call engineer forgot the runbook"),
                1 => add_event(&mut m, "14:5{n}", "Alert fired on the payment hosts"),
                2 => {
                    keys(&mut m, "2a");
                    keys(&mut m, "Because Tom skipped the check");
                    enter(&mut m);
                }
                3 => { key(&mut m, KeyInput::ctrl('z')); }
                4 => { keys(&mut m, "1"); key(&mut m, KeyInput::plain(KeyCode::Delete)); enter(&mut m); }
                _ => { key(&mut m, KeyInput::ctrl('y')); }
            }
            esc(&mut m);
            assert_overview_is_fresh(&m, &format!("operation {n} ({op})"));
        }
    }
}

/// One chain of `depth` answers, each under the one before.
fn chain(depth: usize) -> Session {
    let mut s = Session::new("Checkout errors after the tax engine rollout");
    for k in 0..depth {
        let parent = (k > 0).then(|| format!("w{k}"));
        let text = format!("The step before left condition {} in place", k + 1);
        s.whys.push(Why::new(format!("w{}", k + 1), parent.as_deref(), text));
    }
    s
}

#[test]
fn a_chain_ten_thousand_deep_shows_its_depth_and_keeps_its_guides_short() {
    let mut m = open(chain(10_000));
    keys(&mut m, "2G");
    let screen = show(&mut m, 80, 24);
    assert_eq!(selected_id(m.doc.as_ref().expect("open")).as_deref(), Some("w10000"));
    assert_shows(
        &screen,
        &["▶", "w10000", "why 10,000 of this branch", "⋯"],
        "the bottom of a deep chain",
    );
    // Guides are capped: every answer's line still has room for its words.
    for line in screen.lines().filter(|l| l.contains("└─ ")) {
        let guide = line.split("└─ ").next().unwrap_or_default().chars().count();
        assert!(guide <= 42, "the guides take at most about half the width: {line:?}");
        assert!(line.contains("The step"), "the answer's words are on its line: {line:?}");
    }
    insta::assert_snapshot!("whys__chain_10000_bottom__80x24", screen);
    // One up: the window moves by as little as it can, and the selection stays on screen.
    keys(&mut m, "k");
    let up = show(&mut m, 80, 24);
    assert_shows(&up, &["▶", "w9999"], "one answer up");
}

#[test]
fn an_idle_tick_draws_nothing_and_a_tick_that_saves_draws() {
    let mut m = open(demo_session());
    let before = Glance::of(&m);
    let effects = update(&mut m, Intent::Tick);
    assert!(
        effects.is_empty() && !after_tick(&before, &Glance::of(&m)),
        "nothing changed: no frame"
    );
    add_event(&mut m, "14:40", "Alert fired on the payment hosts");
    let before = Glance::of(&m);
    let effects = update(&mut m, Intent::Tick);
    assert_eq!(effects.len(), 1, "the tick saves the change");
    assert!(after_tick(&before, &Glance::of(&m)), "the header says saving…");
}

/// A save refused by a change on disk while a form was open asks its question on the next
/// tick, once the form is closed: that tick must draw it, or a key meant for the review
/// would answer a question nobody saw.
#[test]
fn a_question_a_tick_opens_is_drawn() {
    use waterline::tui::screens::sharing::state::DiskConflict;
    let mut m = open(demo_session());
    m.doc.as_mut().expect("open").conflict = Some(DiskConflict::Changed);
    assert!(m.overlay.is_none(), "nothing in front yet");
    let before = Glance::of(&m);
    update(&mut m, Intent::Tick);
    assert!(m.overlay.is_some(), "the tick opens the question");
    assert!(after_tick(&before, &Glance::of(&m)), "and the frame after it shows the question");
}

/// The Review step finds its selected row without listing every row: each row made alone
/// is the row the whole list has at that place, across missing items, lessons and parked
/// points, and moving to the end lands on the last one.
#[test]
fn each_review_row_made_alone_is_the_row_the_list_has_there() {
    use waterline::tui::steps::review::state::{row_at, row_count, rows};
    let mut s = demo_session();
    s.events.push(event(
        "e99",
        "2026-03-06T11:00:00Z",
        "The operator was careless with the rollback",
    ));
    s.lessons.went_well = vec!["Paging worked".into()];
    s.lessons.lucky = vec!["Low traffic".into(), "A spare host".into()];
    s.parked = vec![waterline::model::Parked {
        id: "p1".into(),
        text: "Budget for a second on-call".into(),
        step: "review".into(),
        extra: Default::default(),
    }];
    let mut m = open(s);
    let doc = m.doc.as_ref().expect("open");
    let gate = doc.gate(&m.policy);
    let all = rows(doc, &gate);
    assert!(all.len() > 4, "missing items, lessons and a parked point: {all:?}");
    assert_eq!(row_count(doc, &gate), all.len());
    for (i, row) in all.iter().enumerate() {
        assert_eq!(row_at(doc, &gate, i).as_ref(), Some(row), "row {i}");
    }
    assert_eq!(row_at(doc, &gate, all.len()), None, "nothing past the end");
    keys(&mut m, "6G");
    let doc = m.doc.as_ref().expect("open");
    assert_eq!(doc.review.selected, all.len() - 1, "End lands on the last row");
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &["▶ p1"], "the parked point selected");
    // Back to the first row: a missing item, written only once the window is known.
    let Some(waterline::tui::steps::review::state::Row::Missing { item, .. }) = all.first() else {
        panic!("the gate lists a missing item first: {all:?}")
    };
    keys(&mut m, "g");
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &[&format!("▶ {item} — ")], "the missing item selected");
}
