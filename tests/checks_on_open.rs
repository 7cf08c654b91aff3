//! A big review shows at once when it opens and its checks follow from a thread: the first
//! frame says the checks are under way (and shows no flag it cannot know yet), the first
//! key waits for them, and what the console then holds is exactly a fresh analysis. A
//! small review is checked before its first frame, as before.

mod common;

use std::path::PathBuf;

use common::*;
use waterline::analysis::overview::overview;
use waterline::model::Session;
use waterline::store::Loaded;
use waterline::tui::app::{Model, update};
use waterline::tui::checking::BIG_REVIEW;
use waterline::tui::intent::Intent;
use waterline::tui::messages::{CHECKING, CHECKING_WORDING};
use waterline::tui::screens::sharing::state::FileNews;

/// The example review with a first event that blames a person, and enough events after it
/// to be big.
fn big_review() -> Session {
    let mut s = demo_session();
    let at = |minute: usize| format!("2026-03-05T{:02}:{:02}:00Z", minute / 60 % 24, minute % 60);
    s.events.push(event("e9000", &at(0), "The operator was careless with the rollback"));
    for n in 1..=BIG_REVIEW {
        let id = format!("e{}", 9000 + n);
        s.events.push(event(&id, &at(n % 1400), "Alert fired on the payment hosts"));
    }
    s
}

/// Opened as the console's loop opens it: checks of a big review go to a thread.
fn open_in_console(session: Session) -> Model {
    let mut m = model();
    m.checks_in_background = true;
    let loaded = Loaded { session, read_only: false, notices: Vec::new() };
    let path = PathBuf::from("review.toml");
    update(&mut m, Intent::Loaded { path, result: Ok(Box::new(loaded)), demo: false });
    m
}

fn checking(m: &Model) -> bool {
    m.doc.as_ref().expect("a review is open").checking()
}

fn assert_fresh(m: &Model, after: &str) {
    let doc = m.doc.as_ref().expect("a review is open");
    assert!(!doc.checking(), "after {after}: the checks were taken in");
    let kept = doc.derived.overview.as_ref().expect("the console keeps the overview");
    assert_eq!(kept.0, doc.generation, "after {after}: kept for the review as it is");
    assert!(*kept.1 == overview(&doc.session, &m.policy), "after {after}: same as a fresh one");
}

#[test]
fn a_big_review_shows_before_its_checks_and_the_first_key_waits_for_them() {
    let mut m = open_in_console(big_review());
    assert!(checking(&m), "a review this big is checked on a thread");
    let first = show(&mut m, 120, 40);
    assert_shows(&first, &[CHECKING, CHECKING_WORDING, "e9000", "careless"], "the first frame");
    assert!(!first.contains('⚑'), "no flag is shown before the checks are back:\n{first}");

    // A key acts on a checked review: it waits for the checks, then moves.
    keys(&mut m, "j");
    assert_fresh(&m, "the first key");
    let after = show(&mut m, 120, 40);
    assert!(!after.contains(CHECKING), "the stepper no longer says it is checking:\n{after}");
    assert_shows(&after, &["⚑ The operator was careless"], "the flagged event, once checked");
}

#[test]
fn checks_taken_in_by_the_loop_show_without_a_key() {
    let mut m = open_in_console(big_review());
    // What the console's loop does while the checks are under way, between frames.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while checking(&m) {
        assert!(std::time::Instant::now() < deadline, "the checks never came back");
        update(&mut m, Intent::Checked);
        std::thread::yield_now();
    }
    assert_fresh(&m, "the loop took the checks in");
    let screen = show(&mut m, 120, 40);
    assert_shows(&screen, &["⚑ The operator was careless", "“careless”"], "the checked review");
}

/// A change read from disk (another console saved) is not a key: it arrives while the
/// checks may still be under way, and must not leave the review unchecked or half-checked.
#[test]
fn a_change_from_disk_while_checking_is_checked_with_it() {
    let mut m = open_in_console(big_review());
    assert!(checking(&m));
    let mut changed = big_review();
    let blame = "Tom was careless with the feature flag";
    changed.events.push(event("e99999", "2026-03-05T23:59:00Z", blame));
    let loaded = Loaded { session: changed, read_only: false, notices: Vec::new() };
    update(&mut m, Intent::File(FileNews::Followed(Ok(Box::new(loaded)))));
    assert_fresh(&m, "a change read from disk while the checks were under way");
    assert!(session(&m).events.iter().any(|e| e.text == blame), "the change was taken in");
}

#[test]
fn an_edit_while_checking_is_checked_with_it() {
    let mut m = open_in_console(big_review());
    assert!(checking(&m));
    add_event(&mut m, "14:41", "Tom forgot to drain the node before the upgrade");
    assert_fresh(&m, "an event added while the checks were under way");
    assert!(
        session(&m).events.iter().any(|e| e.text.starts_with("Tom forgot")),
        "the event was added"
    );
}

#[test]
fn a_small_review_is_checked_before_its_first_frame() {
    let mut m = open_in_console(demo_session());
    assert!(!checking(&m), "nothing to wait for on a small review");
    assert_fresh(&m, "opening");
    let screen = show(&mut m, 120, 40);
    assert!(!screen.contains(CHECKING), "never says it is checking:\n{screen}");
}

#[test]
fn the_first_frame_says_it_is_checking_at_80_columns() {
    let mut m = open_in_console(big_review());
    let screen = show(&mut m, 80, 24);
    let stepper = screen.lines().nth(1).unwrap_or_default();
    assert!(stepper.contains(CHECKING), "the stepper says so on a small screen:\n{screen}");
    insta::assert_snapshot!("checks_on_open__first_frame__80x24", screen);
    keys(&mut m, "j");
    let checked = show(&mut m, 80, 24);
    assert!(!checked.contains(CHECKING), "and stops saying so once checked:\n{checked}");
}
