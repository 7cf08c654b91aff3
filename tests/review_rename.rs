//! A new review's file takes the incident's day once its start is set in the incident form:
//! renamed safely (never over another file, the lock moving with it), the open review
//! following, and only while the file has the name waterline gave it.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use waterline::store::lock::lock_path as lock_path_of;
use waterline::store::{Claim, LockPolicy, ReviewFile, dated_name};
use waterline::tui::app::Overlay;
use waterline::tui::app::{Model, update};
use waterline::tui::effects::{Effect, Runner, create_review};
use waterline::tui::screens::form::FieldKey;

/// Opens `path` in a fresh console through the runner, as the home list would.
fn opened(runner: &mut Runner, path: &Path) -> Model {
    let mut m = model();
    for intent in runner.run(Effect::Open { path: path.to_path_buf() }) {
        update(&mut m, intent);
    }
    m
}

/// Sets the incident's start in the incident form; returns what submitting asked for.
fn set_start(m: &mut Model, start: &str) -> Vec<Effect> {
    keys(m, "i");
    for _ in 0..20 {
        let Some(Overlay::Form(form)) = &m.overlay else { panic!("the incident form is open") };
        if form.focused().map(|f| f.key) == Some(FieldKey::StartedAt) {
            break;
        }
        tab(m);
    }
    keys(m, start);
    enter(m)
}

/// Runs effects and every result that comes back, until nothing is in flight.
fn settle(m: &mut Model, runner: &mut Runner, effects: Vec<Effect>) {
    for effect in effects {
        for intent in runner.run(effect) {
            update(m, intent);
        }
    }
    while runner.saving() {
        match runner.wait_for_save() {
            Some(intent) => _ = update(m, intent),
            None => break,
        }
    }
}

fn path_of(m: &Model) -> PathBuf {
    m.doc.as_ref().expect("open").path.clone()
}

fn name(path: &Path) -> String {
    path.file_name().expect("a name").to_string_lossy().into_owned()
}

#[test]
fn setting_the_start_names_the_file_after_the_incidents_day() {
    let dir = tempfile::tempdir().expect("folder");
    let made = create_review(dir.path(), "S3 outage", "standard").expect("created");
    let today = chrono::Local::now().date_naive();
    assert_eq!(name(&made), format!("{today}-s3-outage.toml"));
    let mut runner = Runner::new(Some(dir.path().to_path_buf()));
    let mut m = opened(&mut runner, &made);
    let effects = set_start(&mut m, "2017-02-28 09:37 -08:00");
    assert!(effects.iter().any(|e| matches!(e, Effect::Rename { .. })), "{effects:?}");
    // A save asked for under the old name after the rename still lands in the renamed file.
    let mut effects = effects;
    let session = Box::new(session(&m).clone());
    effects.push(Effect::Save { path: made.clone(), session });
    settle(&mut m, &mut runner, effects);
    let now = path_of(&m);
    assert_eq!(name(&now), "2017-02-28-s3-outage.toml", "the open review follows");
    assert!(!made.exists(), "the old name is gone");
    let text = std::fs::read_to_string(&now).expect("the renamed file");
    assert!(text.contains("2017-02-28T09:37:00-08:00"), "the edit is in it:\n{text}");
    let notice = m.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("2017-02-28-s3-outage.toml"), "says the new name: {notice}");
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .expect("listed")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // The open review's lock moved with it: none is left under the old name.
    assert_eq!(
        files,
        [".2017-02-28-s3-outage.toml.lock", "2017-02-28-s3-outage.toml"],
        "one file and its lock, no copy left behind"
    );
}

#[test]
fn a_name_someone_chose_is_kept() {
    let dir = tempfile::tempdir().expect("folder");
    let made = create_review(dir.path(), "S3 outage", "standard").expect("created");
    let chosen = dir.path().join("s3-notes.toml");
    std::fs::rename(&made, &chosen).expect("renamed by hand");
    let mut runner = Runner::new(Some(dir.path().to_path_buf()));
    let mut m = opened(&mut runner, &chosen);
    let effects = set_start(&mut m, "2017-02-28 09:37 -08:00");
    assert!(!effects.iter().any(|e| matches!(e, Effect::Rename { .. })), "{effects:?}");
}

#[test]
fn a_file_already_under_the_new_name_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("folder");
    let made = create_review(dir.path(), "S3 outage", "standard").expect("created");
    let taken = dir.path().join("2017-02-28-s3-outage.toml");
    std::fs::write(&taken, "someone else's review\n").expect("written");
    let mut runner = Runner::new(Some(dir.path().to_path_buf()));
    let mut m = opened(&mut runner, &made);
    let effects = set_start(&mut m, "2017-02-28 09:37 -08:00");
    settle(&mut m, &mut runner, effects);
    assert_eq!(std::fs::read_to_string(&taken).expect("kept"), "someone else's review\n");
    assert_eq!(path_of(&m), made, "the review keeps its name");
    assert!(made.exists());
    let notice = m.notice.clone().expect("a notice");
    assert!(notice.problem && notice.text.contains("keeps its name"), "{}", notice.text);
}

#[test]
fn only_a_name_made_on_the_reviews_day_is_changed() {
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let made = Path::new("/reviews/2026-11-29-s3-outage.toml");
    let renamed = dated_name(made, day("2026-11-29"), day("2017-02-28"));
    assert_eq!(renamed.as_deref(), Some(Path::new("/reviews/2017-02-28-s3-outage.toml")));
    assert_eq!(dated_name(made, day("2026-11-29"), day("2026-11-29")), None, "same day");
    assert_eq!(dated_name(made, day("2026-11-30"), day("2017-02-28")), None, "another day's name");
    let chosen = Path::new("/reviews/2026-11-29-S3 Notes.toml");
    assert_eq!(dated_name(chosen, day("2026-11-29"), day("2017-02-28")), None, "typed by a person");
}

#[test]
fn the_writers_lock_moves_with_the_review() {
    let dir = tempfile::tempdir().expect("folder");
    let made = create_review(dir.path(), "S3 outage", "standard").expect("created");
    let (mut review, _) = ReviewFile::open(&made, LockPolicy::default()).expect("opened");
    assert!(review.is_writer());
    assert!(lock_path_of(&made).exists(), "held under the old name");
    let to = dir.path().join("2017-02-28-s3-outage.toml");
    review.rename_to(&to).expect("renamed");
    assert_eq!(review.path(), to.as_path());
    assert!(!made.exists() && to.exists());
    assert!(!lock_path_of(&made).exists(), "the old lock is let go");
    assert!(lock_path_of(&to).exists(), "the lock is held under the new name");
    // Another waterline now finds the review held.
    let other = waterline::store::lock::claim(&to, &LockPolicy::default()).expect("claim");
    assert!(matches!(other, Claim::Follower(_)), "held by the writer that renamed it");
    let session = waterline::store::load(&to).expect("loads").session;
    review.save(&session).expect("the writer saves under the new name");
}
