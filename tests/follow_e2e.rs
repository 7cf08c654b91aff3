//! Two real consoles on one review, in pseudo-terminals: the first writes, the second
//! follows — it says who writes and shows each of the writer's edits as it is saved — and
//! can write once the writer has closed. `open --follow` watches without claiming.

mod e2e_support;

use std::path::Path;

use e2e_support::*;

fn header(screen: &str) -> &str {
    screen.lines().next().unwrap_or_default()
}

fn review_in(home: &Path) -> String {
    let path = home.join("shared.toml");
    waterline::store::save(&path, &waterline::model::Session::new("Shared review")).unwrap();
    path.to_string_lossy().into_owned()
}

fn add_event(tui: &mut Tui, text: &str) {
    tui.send("a");
    tui.wait_for(&["Add event"]);
    tui.send(&format!("14:32{TAB}{TAB}{text}{ENTER}"));
    tui.wait_until("the event to show", |s| !s.contains("Add event") && s.contains(text));
}

#[test]
fn a_second_console_follows_the_first_and_sees_its_edits_appear() {
    let home = tempfile::Builder::new().prefix("waterline-follow-").tempdir().expect("a folder");
    let path = review_in(home.path());
    let mut writer = spawn(home.path(), &["open", &path], 100, 30);
    writer.wait_until("the writer's console", |s| {
        s.contains("Shared review") && !header(s).contains("FOLLOWING")
    });
    let mut follower = spawn(home.path(), &["open", &path], 100, 30);
    let screen = follower.wait_for(&["Read-only, following", "since"]);
    assert!(header(&screen).contains("FOLLOWING"), "{screen}");
    assert!(screen.contains(&format!("(process {})", writer.pid())), "{screen}");

    add_event(&mut writer, "Alert fired on checkout latency");
    follower.wait_for(&["Alert fired on checkout latency"]);
    add_event(&mut writer, "Rollback started");
    follower.wait_for(&["Rollback started", "Alert fired on checkout latency"]);

    // A follower's keys change nothing.
    follower.send("a");
    follower.wait_for(&["read-only here"]);
    assert!(!follower.screen().contains("Add event"));

    // The writer closes; the follower asks to write, and does.
    writer.send("q");
    let _ = writer.wait_exit();
    follower.send("T");
    follower.wait_until("the follower to write", |s| !header(s).contains("FOLLOWING"));
    add_event(&mut follower, "Written by the second console");
    follower.wait_until("the header to say saved", |s| header(s).contains("saved "));
    let loaded = waterline::store::load(Path::new(&path)).expect("the review loads");
    let texts: Vec<&str> = loaded.session.events.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Alert fired on checkout latency", "Rollback started", "Written by the second console"]
    );
}

#[test]
fn open_follow_watches_without_claiming_the_review() {
    let home = tempfile::Builder::new().prefix("waterline-follow-").tempdir().expect("a folder");
    let path = review_in(home.path());
    let watcher = spawn(home.path(), &["open", "--follow", &path], 100, 30);
    watcher.wait_for(&["Following (read-only)", "Shared review"]);
    // Started after the watcher, the facilitator's console still writes.
    let mut writer = spawn(home.path(), &["open", &path], 100, 30);
    writer.wait_until("the writer's console", |s| {
        s.contains("Shared review") && !header(s).contains("FOLLOWING")
    });
    add_event(&mut writer, "Status page updated");
    watcher.wait_for(&["Status page updated"]);
}
