//! The console's runner on real files, with no terminal: two consoles on one review make one
//! writer and one follower that sees its saves; a change made on disk is never overwritten
//! and is resolved on an answer; a deleted review is not recreated; a stale lock is taken
//! over on a yes; a file no one may write stays as it is; `#:schema` lines are kept.

mod common;
use std::path::{Path, PathBuf};

use common::*;
use waterline::model::Session;
use waterline::store::LockRecord;
use waterline::store::lock::lock_path;
use waterline::tui::app::{Model, update};
use waterline::tui::effects::{Effect, Runner};
use waterline::tui::intent::Intent;
use waterline::tui::screens::sharing::state::Holding;

/// A console: its model and its runner.
struct Console {
    m: Model,
    r: Runner,
}

impl Console {
    fn open(path: &Path) -> Console {
        Console::open_with(path, false)
    }

    fn open_with(path: &Path, follow: bool) -> Console {
        let mut c = Console { m: model(), r: Runner::new(None) };
        c.r.follow = follow;
        c.run(vec![Effect::Open { path: path.to_path_buf() }]);
        assert!(c.m.doc.is_some(), "{path:?} opened: {:?}", c.m.home.failure);
        c
    }

    /// Runs effects as the loop does, feeding results back, until nothing is left and every
    /// save has returned.
    fn run(&mut self, effects: Vec<Effect>) {
        let mut pending: std::collections::VecDeque<Effect> = effects.into();
        loop {
            while let Some(effect) = pending.pop_front() {
                for intent in self.r.run(effect) {
                    pending.extend(update(&mut self.m, intent));
                }
            }
            if !self.r.saving() {
                break;
            }
            if let Some(intent) = self.r.wait_for_save() {
                pending.extend(update(&mut self.m, intent));
            }
        }
    }

    fn intent(&mut self, intent: Intent) {
        let effects = update(&mut self.m, intent);
        self.run(effects);
    }

    fn keys(&mut self, text: &str) {
        for c in text.chars() {
            let effects = self.m.press(waterline::tui::keymap::KeyInput::char(c));
            self.run(effects);
        }
    }

    fn add_event(&mut self, text: &str) {
        add_event(&mut self.m, "10:00", text);
    }

    fn tick(&mut self) {
        self.intent(Intent::Tick);
    }

    fn holding(&self) -> Holding {
        self.m.doc.as_ref().map(|d| d.holding.clone()).expect("a review is open")
    }

    fn texts(&self) -> Vec<String> {
        session(&self.m).events.iter().map(|e| e.text.clone()).collect()
    }
}

fn review_in(dir: &Path) -> PathBuf {
    let path = dir.join("review.toml");
    waterline::store::save(&path, &Session::new("Checkout errors")).unwrap();
    path
}

fn on_disk(path: &Path) -> Vec<String> {
    let loaded = waterline::store::load(path).unwrap();
    loaded.session.events.iter().map(|e| e.text.clone()).collect()
}

/// Someone else saves an event into the file (a pull, an editor, another machine).
fn changed_elsewhere(path: &Path, text: &str) {
    let mut session = waterline::store::load(path).unwrap().session;
    let mut event = demo_session().events[0].clone();
    event.id = "e900".into();
    event.text = text.into();
    session.events.push(event);
    waterline::store::save(path, &session).unwrap();
}

#[test]
fn two_consoles_on_one_review_make_one_writer_and_the_follower_sees_its_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    let mut writer = Console::open(&path);
    let mut follower = Console::open(&path);
    assert_eq!(writer.holding(), Holding::Writer);
    let Holding::Follower { holder, stale: false } = follower.holding() else {
        panic!("{:?}", follower.holding())
    };
    assert!(holder.contains(&format!("process {}", std::process::id())), "{holder}");

    writer.add_event("Written by the facilitator");
    writer.tick();
    assert_eq!(on_disk(&path), ["Written by the facilitator"]);
    follower.tick();
    assert_eq!(follower.texts(), ["Written by the facilitator"], "the follower follows");

    // The follower's edits are refused, and it never writes.
    follower.keys("a");
    assert!(follower.m.overlay.is_none(), "no form opens");
    follower.tick();
    assert_eq!(on_disk(&path), ["Written by the facilitator"]);
    assert!(follower.m.notice.as_ref().is_some_and(|n| n.problem));
}

#[test]
fn a_follower_can_write_once_the_writer_has_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    let writer = Console::open(&path);
    let mut follower = Console::open(&path);
    follower.keys("T");
    assert!(matches!(follower.holding(), Holding::Follower { .. }), "not while it writes");
    drop(writer);
    follower.keys("T");
    assert_eq!(follower.holding(), Holding::Writer);
    follower.add_event("Now written here");
    follower.tick();
    assert_eq!(on_disk(&path), ["Now written here"]);
}

#[test]
fn a_change_made_on_disk_is_kept_and_reload_reapply_saves_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    let mut c = Console::open(&path);
    c.add_event("Mine");
    changed_elsewhere(&path, "Theirs");
    c.tick();
    assert_eq!(on_disk(&path), ["Theirs"], "nothing overwritten");
    assert!(c.m.doc.as_ref().is_some_and(|d| d.conflict.is_some()));
    c.keys("r");
    c.tick();
    let mut saved = on_disk(&path);
    saved.sort();
    assert_eq!(saved, ["Mine", "Theirs"]);
}

#[test]
fn save_as_writes_a_new_file_beside_it_and_later_saves_go_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    let mut c = Console::open(&path);
    c.add_event("Mine");
    changed_elsewhere(&path, "Theirs");
    c.tick();
    c.keys("s");
    let copy = dir.path().join("review-copy.toml");
    assert_eq!(on_disk(&copy), ["Mine"]);
    assert_eq!(on_disk(&path), ["Theirs"], "the changed file is left as it is");
    c.add_event("Later");
    c.tick();
    assert_eq!(on_disk(&copy), ["Mine", "Later"]);
    assert_eq!(on_disk(&path), ["Theirs"]);
}

#[test]
fn overwrite_replaces_the_disks_version_on_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    let mut c = Console::open(&path);
    c.add_event("Mine");
    changed_elsewhere(&path, "Theirs");
    c.tick();
    c.keys("o");
    assert_eq!(on_disk(&path), ["Mine"]);
}

#[test]
fn a_review_deleted_while_open_is_recreated_only_on_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    let mut c = Console::open(&path);
    c.add_event("Mine");
    std::fs::remove_file(&path).unwrap();
    c.tick();
    c.tick();
    assert!(!path.exists(), "not recreated by a save");
    c.keys("r");
    assert!(!path.exists(), "nothing to reload");
    c.keys("o");
    assert_eq!(on_disk(&path), ["Mine"], "saved again where it was, on the answer");
}

#[test]
fn a_stale_lock_is_taken_over_only_after_yes() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    // A console killed mid-review left its lock.
    let ended = {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    };
    let now = chrono::Utc::now();
    let record = LockRecord {
        pid: ended,
        host: this_host(),
        user: "sam".into(),
        started: now,
        refreshed: now,
    };
    std::fs::write(lock_path(&path), toml::to_string(&record).unwrap()).unwrap();

    let mut c = Console::open(&path);
    assert!(matches!(c.holding(), Holding::Follower { stale: true, .. }), "{:?}", c.holding());
    c.keys("n");
    c.keys("a");
    assert!(c.m.overlay.is_none(), "no edit before the answer");
    c.tick();
    assert!(std::fs::read_to_string(lock_path(&path)).unwrap().contains(&format!("pid = {ended}")));
    c.keys("T");
    c.keys("y");
    assert_eq!(c.holding(), Holding::Writer);
    c.add_event("After the take-over");
    c.tick();
    assert_eq!(on_disk(&path), ["After the take-over"]);
}

/// This host's name as a lock record gives it.
fn this_host() -> String {
    let dir = tempfile::tempdir().unwrap();
    let policy = waterline::store::LockPolicy::default();
    match waterline::store::lock::claim(&dir.path().join("probe.toml"), &policy).unwrap() {
        waterline::store::Claim::Writer(lock) => lock.record().host.clone(),
        waterline::store::Claim::Follower(h) => panic!("a fresh folder is held: {h}"),
    }
}

#[cfg(unix)]
#[test]
fn a_file_no_one_may_write_opens_read_only_and_stays_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut c = Console::open(&path);
    let Holding::ReadOnly { reason } = c.holding() else { panic!("{:?}", c.holding()) };
    assert!(reason.contains("read-only"), "{reason}");
    c.add_event("Never written");
    c.tick();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o400, "never replaced by a new file");
}

#[test]
fn follow_opens_without_claiming_and_shows_each_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    let mut watcher = Console::open_with(&path, true);
    assert_eq!(watcher.holding(), Holding::Watching);
    let mut writer = Console::open(&path);
    assert_eq!(writer.holding(), Holding::Writer, "following leaves the review free");
    writer.add_event("First");
    writer.tick();
    watcher.tick();
    assert_eq!(watcher.texts(), ["First"]);
    writer.add_event("Second");
    writer.tick();
    watcher.tick();
    assert_eq!(watcher.texts(), ["First", "Second"]);
}

#[test]
fn a_save_from_the_console_keeps_the_schema_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = review_in(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("#:schema ./waterline.schema.json\n{text}")).unwrap();
    let mut c = Console::open(&path);
    c.add_event("Kept with its schema line");
    c.tick();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with("#:schema ./waterline.schema.json\n"), "{saved}");
    assert_eq!(on_disk(&path), ["Kept with its schema line"]);
}
