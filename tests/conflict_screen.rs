//! The console's merge-conflict view, driven through `update`: a review with conflicts
//! opens on them; each is resolved by keeping ours, theirs, or an edit in the item's own
//! form, each one undoable edit that removes the conflict entry.

mod common;

use common::*;
use waterline::model::Session;
use waterline::tui::app::{Model, Overlay};
use waterline::tui::keymap::{KeyContext, KeyInput};

const OURS_ACTION: &str = "Validate every payment config file in the deploy pipeline";
const THEIRS_ACTION: &str = "Reject unknown auth values in payment config before deploy";
const OURS_EVENT: &str = "Error-rate alert fired on the payments dashboard";
const THEIRS_EVENT: &str = "Error-rate alert paged the on-call engineer";

/// The example review after two people changed action a1 and event e2 in different
/// clones, merged as the git driver merges them.
fn merged() -> Session {
    let base = demo_session();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.actions[0].text = OURS_ACTION.into();
    theirs.actions[0].text = THEIRS_ACTION.into();
    ours.events[1].text = OURS_EVENT.into();
    theirs.events[1].text = THEIRS_EVENT.into();
    let merge = waterline::merge::merge(&base, &ours, &theirs).expect("merges");
    assert_eq!(merge.session.conflicts.len(), 2);
    merge.session
}

fn action_text(m: &Model) -> &str {
    &session(m).actions.iter().find(|a| a.id == "a1").expect("a1").text
}

fn conflict_items(m: &Model) -> Vec<String> {
    session(m).conflicts.iter().map(|c| c.item.clone()).collect()
}

/// The view, on the action's conflict.
fn on_action() -> Model {
    let mut m = open(merged());
    let at = conflict_items(&m).iter().position(|i| i == "action:a1").expect("a1 conflicts");
    for _ in 0..at {
        keys(&mut m, "j");
    }
    m
}

#[test]
fn a_review_with_conflicts_opens_on_them() {
    let m = open(merged());
    assert!(matches!(m.overlay, Some(Overlay::Conflicts)));
    assert_eq!(m.contexts().first(), Some(&KeyContext::Conflicts));
    let plain = open(demo_session());
    assert!(plain.overlay.is_none(), "a review without conflicts opens as usual");
}

#[test]
fn theirs_replaces_the_item_and_one_undo_brings_the_choice_back() {
    let mut m = on_action();
    let before = session(&m).clone();
    keys(&mut m, "t");
    assert_eq!(action_text(&m), THEIRS_ACTION);
    assert_eq!(conflict_items(&m).len(), 1, "the entry is gone");
    assert!(!conflict_items(&m).contains(&"action:a1".to_string()));
    assert!(matches!(m.overlay, Some(Overlay::Conflicts)), "the view stays while one is left");
    esc(&mut m);
    // The way back is named by the key that reaches it, as the header's banner names it.
    let key = m.key_hint(&waterline::tui::intent::Intent::ShowConflicts);
    let left = format!("1 merge conflict left from a git merge: {key} resolves it.");
    assert!(
        m.notice.as_ref().is_some_and(|n| n.text == left),
        "{:?}",
        m.notice.as_ref().map(|n| &n.text)
    );
    keys(&mut m, "u");
    assert_eq!(session(&m), &before);
}

#[test]
fn ours_keeps_the_review_as_it_is_and_removes_the_entry() {
    let mut m = on_action();
    keys(&mut m, "o");
    assert_eq!(action_text(&m), OURS_ACTION);
    assert_eq!(conflict_items(&m), ["event:e2"]);
}

#[test]
fn edit_opens_the_items_own_form_with_ours_and_saving_resolves_it_in_one_undo() {
    let mut m = on_action();
    let before = session(&m).clone();
    keys(&mut m, "e");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("the action's form opens") };
    assert!(format!("{form:?}").contains(OURS_ACTION), "prefilled with ours");
    keys(&mut m, " and fail");
    enter(&mut m);
    assert_eq!(action_text(&m), format!("{OURS_ACTION} and fail"));
    assert_eq!(conflict_items(&m), ["event:e2"], "saving the form resolved the conflict");
    assert!(matches!(m.overlay, Some(Overlay::Conflicts)), "back to the one left");
    esc(&mut m);
    keys(&mut m, "u");
    assert_eq!(session(&m), &before, "one undo takes back the edit and the resolution");
}

#[test]
fn a_cancelled_edit_leaves_the_conflict_open() {
    let mut m = on_action();
    keys(&mut m, "e");
    esc(&mut m);
    assert_eq!(conflict_items(&m).len(), 2);
    assert!(matches!(m.overlay, Some(Overlay::Conflicts)));
}

#[test]
fn resolving_the_last_conflict_closes_the_view_and_says_so() {
    let mut m = open(merged());
    keys(&mut m, "tt");
    assert!(session(&m).conflicts.is_empty());
    assert!(m.overlay.is_none());
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("Every merge conflict is resolved")));
    assert_eq!(session(&m).events[1].text, THEIRS_EVENT);
    assert_eq!(action_text(&m), THEIRS_ACTION);
    keys(&mut m, "C");
    assert!(m.overlay.is_none());
    assert!(m.notice.as_ref().is_some_and(|n| n.text == "No merge conflicts in this review."));
}

#[test]
fn the_footer_offers_the_conflicts_only_while_some_are_left() {
    // Wide enough for every key the console offers.
    let footer = |m: &Model| {
        let line = waterline::tui::widgets::footer::line(m, 1000);
        line.spans.iter().map(|s| s.content.as_ref()).collect::<String>()
    };
    let mut m = open(merged());
    esc(&mut m);
    assert!(footer(&m).contains("C conflicts"), "{}", footer(&m));
    keys(&mut m, "C");
    keys(&mut m, "tt");
    assert!(!footer(&m).contains("C conflicts"), "{}", footer(&m));
    assert!(footer(&m).contains("i incident"), "the rest of the footer is there");
}

#[test]
fn conflict_view_snapshots_show_both_versions_side_by_side() {
    let m = on_action();
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(&m, w, h);
        assert_shows(
            &screen,
            &[
                "Merge conflicts",
                "A git merge left 2 items changed on both sides",
                "▶ action:a1 — changed on both sides",
                "│  event:e2 — changed on both sides",
                "Ours (in the review now)",
                "Theirs",
                "≠ text: Validate every payment config",
                "≠ text: Reject unknown auth values",
                "  owner: Sarah",
                " o ours ",
                " t theirs ",
                "edit ",
            ],
            &format!("{w}x{h}"),
        );
        insta::assert_snapshot!(format!("conflicts__action__{w}x{h}"), screen);
    }
}

#[test]
fn keys_typed_in_the_view_are_not_text() {
    let mut m = on_action();
    let before = session(&m).clone();
    m.press(KeyInput::char('x'));
    assert_eq!(session(&m), &before);
}

#[test]
fn the_header_keeps_a_banner_while_conflicts_are_left() {
    let banner = |n: &str| {
        format!(
            "⚠ {n} left from a git merge: C resolves {}.",
            match n {
                "1 merge conflict" => "it",
                _ => "them, item by item",
            }
        )
    };
    let mut m = open(merged());
    esc(&mut m);
    keys(&mut m, "j");
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(&m, w, h);
        assert_shows(&screen, &[&banner("2 merge conflicts")], &format!("{w}x{h}"));
    }
    keys(&mut m, "Ct");
    esc(&mut m);
    keys(&mut m, "2");
    assert_shows(&draw(&m, 120, 40), &[&banner("1 merge conflict")], "one left");
    keys(&mut m, "Ct");
    assert!(session(&m).conflicts.is_empty());
    let screen = draw(&m, 120, 40);
    assert!(!screen.contains("left from a git merge"), "the banner goes:\n{screen}");
    assert!(screen.contains("Every merge conflict is resolved"), "and the console says why");
}

#[test]
fn help_lists_the_conflict_key_only_while_some_are_left() {
    let help = |m: &mut Model| {
        keys(m, "?");
        let screen = draw(m, 120, 200);
        keys(m, "?");
        screen
    };
    let mut m = open(merged());
    esc(&mut m);
    let with = help(&mut m);
    assert!(with.contains("merge conflicts left in this review"), "{with}");
    keys(&mut m, "Ctt");
    let without = help(&mut m);
    assert!(!without.contains("merge conflicts left in this review"), "{without}");
    assert!(without.contains("incident"), "the rest of help is there:\n{without}");
}
