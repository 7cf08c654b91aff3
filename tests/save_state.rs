//! The header is honest about saving: "saving…" while an edit exists only in memory, and
//! "saved HH:MM:SS" only once every write asked for has returned.

mod common;
use chrono::TimeZone;
use common::*;
use waterline::model::Session;
use waterline::tui::app::{Model, update};
use waterline::tui::effects::Effect;
use waterline::tui::intent::Intent;

fn started_session() -> Session {
    demo_session()
}

fn header(m: &Model) -> String {
    draw(m, 160, 30).lines().next().unwrap_or_default().to_string()
}

fn at(h: u32, min: u32, s: u32) -> chrono::DateTime<chrono::Local> {
    chrono::Local
        .with_ymd_and_hms(2026, 3, 4, h, min, s)
        .single()
        .unwrap_or_else(chrono::Local::now)
}

#[test]
fn an_edit_shows_saving_until_its_write_returns_then_saved_with_the_time() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "First");
    assert!(header(&m).contains("saving…"), "edit only in memory: {}", header(&m));
    let effects = update(&mut m, Intent::Tick);
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]), "{effects:?}");
    assert!(header(&m).contains("saving…"), "write asked, not returned: {}", header(&m));
    update(&mut m, Intent::Saved(at(10, 1, 2)));
    assert!(header(&m).contains("saved 10:01:02"), "{}", header(&m));
    assert!(!header(&m).contains("saving…"));
}

#[test]
fn a_new_edit_after_a_save_never_shows_the_older_saved_time() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "First");
    let _ = update(&mut m, Intent::Tick);
    update(&mut m, Intent::Saved(at(10, 1, 2)));
    add_event(&mut m, "10:05", "Second");
    let h = header(&m);
    assert!(h.contains("saving…") && !h.contains("saved 10:01:02"), "{h}");
    let _ = update(&mut m, Intent::Tick);
    assert!(header(&m).contains("saving…"), "{}", header(&m));
    update(&mut m, Intent::Saved(at(10, 6, 0)));
    assert!(header(&m).contains("saved 10:06:00"), "{}", header(&m));
}

#[test]
fn with_two_writes_on_their_way_the_first_return_still_shows_saving() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "First");
    let _ = update(&mut m, Intent::Tick);
    add_event(&mut m, "10:05", "Second");
    let _ = update(&mut m, Intent::Tick);
    update(&mut m, Intent::Saved(at(10, 1, 0)));
    let h = header(&m);
    assert!(h.contains("saving…") && !h.contains("saved"), "second write pending: {h}");
    update(&mut m, Intent::Saved(at(10, 1, 1)));
    assert!(header(&m).contains("saved 10:01:01"), "{}", header(&m));
}

#[test]
fn a_failed_write_shows_not_saved_rather_than_an_older_time() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "First");
    let _ = update(&mut m, Intent::Tick);
    update(&mut m, Intent::Saved(at(10, 1, 2)));
    add_event(&mut m, "10:05", "Second");
    let _ = update(&mut m, Intent::Tick);
    update(
        &mut m,
        Intent::SaveFailed("could not save review.toml: No space left on device".into()),
    );
    let h = header(&m);
    assert!(h.contains("NOT SAVED") && !h.contains("saved 10:01:02"), "{h}");
}

#[test]
fn quitting_waits_for_the_last_of_several_writes() {
    let mut m = open(started_session());
    add_event(&mut m, "10:00", "First");
    let _ = update(&mut m, Intent::Tick);
    add_event(&mut m, "10:05", "Second");
    let effects = m.press(waterline::tui::keymap::KeyInput::ctrl('c'));
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]), "{effects:?}");
    assert!(update(&mut m, Intent::Saved(at(10, 1, 0))).is_empty(), "one write still out");
    assert_eq!(update(&mut m, Intent::Saved(at(10, 1, 1))), [Effect::Quit]);
}
