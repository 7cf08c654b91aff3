//! One writer per review, through `update` with no terminal: the banner of a follower and of
//! a read-only file, taking over a stale lock only on a yes, following the writer's saves
//! in place, and the explicit choice when a save finds the file changed or deleted.

mod common;
use common::*;
use waterline::model::Session;
use waterline::store::Loaded;
use waterline::tui::app::{Model, Overlay, update};
use waterline::tui::effects::Effect;
use waterline::tui::intent::Intent;
use waterline::tui::screens::sharing::state::{DiskConflict, FileNews, Holding, Question};

const HOLDER: &str = "held by sam@facilitator-laptop since 2026-03-06 09:12 (process 4242)";

fn told(m: &mut Model, news: FileNews) -> Vec<Effect> {
    update(m, Intent::File(news))
}

fn following(stale: bool) -> Model {
    let mut m = open(demo_session());
    told(&mut m, FileNews::Holding(Holding::Follower { holder: HOLDER.into(), stale }));
    m
}

fn loaded(session: Session) -> Box<Loaded> {
    Box::new(Loaded { session, read_only: false, notices: Vec::new() })
}

fn event_texts(m: &Model) -> Vec<String> {
    session(m).events.iter().map(|e| e.text.clone()).collect()
}

/// A writer whose save just found the file changed (or gone) on disk.
fn refused(conflict: DiskConflict) -> Model {
    let mut m = open(demo_session());
    add_event(&mut m, "10:00", "Mine, typed in the room");
    let effects = update(&mut m, Intent::Tick);
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]), "{effects:?}");
    told(&mut m, FileNews::Refused { conflict, message: "changed on disk".into() });
    m
}

#[test]
fn a_follower_says_who_writes_since_when_and_how_to_write_and_never_saves() {
    let mut m = following(false);
    let screen = draw(&m, 120, 40);
    assert_shows(
        &screen,
        &["sam@facilitator-laptop", "since 2026-03-06 09:12", "press T"],
        "banner",
    );
    assert!(screen.lines().next().is_some_and(|h| h.contains("FOLLOWING")), "{screen}");
    insta::assert_snapshot!("follower__120x40", screen);
    assert_shows(
        &draw(&m, 80, 24),
        &["sam@facilitator-laptop", "press T to write"],
        "banner at 80×24",
    );

    keys(&mut m, "a");
    assert!(m.overlay.is_none(), "no form opens on a review this console follows");
    assert!(m.notice.as_ref().is_some_and(|n| n.problem && n.text.contains("read-only")));
    let effects = update(&mut m, Intent::Tick);
    assert_eq!(effects, [Effect::Follow], "a follower looks at the disk and never saves");
}

#[test]
fn a_file_that_cannot_be_written_says_why_and_offers_no_take_over() {
    let mut m = open(demo_session());
    let reason = "the file is read-only (its permissions do not let you write it)".to_string();
    told(&mut m, FileNews::Holding(Holding::ReadOnly { reason }));
    let screen = draw(&m, 120, 40);
    assert_shows(&screen, &["Read-only: the file is read-only", "Nothing will be saved"], "banner");
    assert!(!screen.contains("write here"), "no take-over key for a file no one may write");
    keys(&mut m, "T");
    assert!(m.overlay.is_none());
    add_event(&mut m, "10:00", "Never kept");
    assert!(!event_texts(&m).contains(&"Never kept".to_string()));
    assert!(!update(&mut m, Intent::Tick).iter().any(|e| matches!(e, Effect::Save { .. })));
}

#[test]
fn a_stale_lock_asks_before_taking_over_and_yes_takes_it_over() {
    let mut m = following(true);
    assert!(matches!(m.overlay, Some(Overlay::Question(Question::TakeOver { .. }))));
    let screen = draw(&m, 100, 30);
    assert_shows(&screen, &["Take it over", HOLDER], "the question");
    insta::assert_snapshot!("take_over_question__100x30", screen);
    assert_eq!(
        key(&mut m, waterline::tui::keymap::KeyInput::char('y')),
        [Effect::TakeOver { confirmed: true }]
    );

    // The runner took it over and read the file again: this console writes now.
    let mut disk = demo_session();
    disk.incident.title = "Read again after the take-over".into();
    told(&mut m, FileNews::TookOver(Ok(loaded(disk))));
    assert_eq!(m.doc.as_ref().map(|d| d.holding.clone()), Some(Holding::Writer));
    assert_eq!(session(&m).incident.title, "Read again after the take-over");
    add_event(&mut m, "10:00", "Written after the take-over");
    assert!(matches!(update(&mut m, Intent::Tick).as_slice(), [Effect::Save { .. }]));
}

#[test]
fn no_to_the_take_over_question_keeps_following_read_only() {
    let mut m = following(true);
    let effects = key(&mut m, waterline::tui::keymap::KeyInput::char('n'));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(m.overlay.is_none());
    assert!(m.doc.as_ref().is_some_and(|d| d.read_only));
    assert_eq!(update(&mut m, Intent::Tick), [Effect::Follow]);
}

#[test]
fn asking_to_write_a_live_writers_review_is_told_who_still_holds_it() {
    let mut m = following(false);
    assert_eq!(
        key(&mut m, waterline::tui::keymap::KeyInput::char('T')),
        [Effect::TakeOver { confirmed: false }]
    );
    told(&mut m, FileNews::StillHeld { holder: HOLDER.into(), stale: false });
    assert!(m.overlay.is_none(), "a live writer is never displaced");
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("sam@facilitator-laptop")));
}

#[test]
fn a_follower_shows_the_writers_save_and_keeps_its_place() {
    let mut m = following(false);
    keys(&mut m, "jjj");
    let selected = session(&m).events[3].id.clone();
    // The writer added an event before the selected one and renamed the review.
    let mut disk = demo_session();
    let mut early = disk.events[0].clone();
    early.id = "e900".into();
    early.text = "Added by the writer".into();
    disk.events.insert(0, early);
    disk.incident.title = "Renamed by the writer".into();
    told(&mut m, FileNews::Followed(Ok(loaded(disk))));
    assert!(event_texts(&m).contains(&"Added by the writer".to_string()));
    let doc = m.doc.as_ref().expect("still open");
    assert_eq!(doc.session.events[doc.timeline.selected].id, selected, "same event selected");
    assert!(draw(&m, 120, 40).contains("Renamed by the writer"));
    assert!(doc.read_only, "still following");
}

#[test]
fn a_save_that_finds_the_file_changed_keeps_the_edits_and_asks() {
    let mut m = refused(DiskConflict::Changed);
    assert!(matches!(
        m.overlay,
        Some(Overlay::Question(Question::Conflict(DiskConflict::Changed)))
    ));
    assert!(event_texts(&m).contains(&"Mine, typed in the room".to_string()), "edits kept");
    let screen = draw(&m, 100, 30);
    assert_shows(
        &screen,
        &["changed on disk", "NOT SAVED", "apply your edits on top", "new file", "replace"],
        "question",
    );
    insta::assert_snapshot!("conflict_question__100x30", screen);
    // Nothing is saved while the choice waits, and other keys do not dismiss it.
    keys(&mut m, "q");
    assert!(update(&mut m, Intent::Tick).is_empty());
    assert!(matches!(m.overlay, Some(Overlay::Question(_))));
}

#[test]
fn reload_and_reapply_puts_this_consoles_edits_on_top_of_the_disks_version() {
    let mut m = refused(DiskConflict::Changed);
    assert_eq!(
        key(&mut m, waterline::tui::keymap::KeyInput::char('r')),
        [Effect::ReloadForReapply]
    );
    // Meanwhile, someone else added an event and changed the severity.
    let mut disk = demo_session();
    let mut theirs = disk.events[0].clone();
    theirs.id = "e900".into();
    theirs.text = "Theirs, from a pull".into();
    disk.events.push(theirs);
    disk.incident.severity = "SEV2".into();
    told(&mut m, FileNews::Reloaded(Ok(loaded(disk))));
    let texts = event_texts(&m);
    assert!(texts.contains(&"Theirs, from a pull".to_string()), "{texts:?}");
    assert!(texts.contains(&"Mine, typed in the room".to_string()), "{texts:?}");
    assert_eq!(session(&m).incident.severity, "SEV2");
    assert!(m.overlay.is_none());
    let effects = update(&mut m, Intent::Tick);
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]), "then saved: {effects:?}");
}

#[test]
fn save_as_and_overwrite_each_send_this_consoles_version() {
    let mut m = refused(DiskConflict::Changed);
    let effects = key(&mut m, waterline::tui::keymap::KeyInput::char('s'));
    assert!(
        matches!(&effects[..], [Effect::SaveAs { session }] if session.events.iter().any(|e| e.text == "Mine, typed in the room")),
        "{effects:?}"
    );
    told(&mut m, FileNews::SavedAs { path: "review-copy.toml".into(), at: chrono::Local::now() });
    assert_eq!(m.doc.as_ref().map(|d| d.path.clone()), Some("review-copy.toml".into()));
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("review-copy.toml")));
    assert!(draw(&m, 120, 40).lines().next().is_some_and(|h| h.contains("saved ")));

    let mut m = refused(DiskConflict::Changed);
    let effects = key(&mut m, waterline::tui::keymap::KeyInput::char('o'));
    assert!(matches!(&effects[..], [Effect::Overwrite { .. }]), "{effects:?}");
}

#[test]
fn a_review_deleted_while_open_is_not_recreated_without_an_answer() {
    let mut m = refused(DiskConflict::Deleted);
    let screen = draw(&m, 100, 30);
    assert_shows(
        &screen,
        &["deleted or moved", "save it again where it was", "new file"],
        "question",
    );
    assert!(!screen.contains("apply your edits on top"), "nothing to reload");
    assert!(key(&mut m, waterline::tui::keymap::KeyInput::char('r')).is_empty());
    assert!(m.notice.as_ref().is_some_and(|n| n.text.contains("gone")));
    assert!(update(&mut m, Intent::Tick).is_empty(), "not recreated by the next tick");
    let effects = key(&mut m, waterline::tui::keymap::KeyInput::char('o'));
    assert!(
        matches!(&effects[..], [Effect::Overwrite { .. }]),
        "recreated on the answer: {effects:?}"
    );
}
