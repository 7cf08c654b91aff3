//! Ending on a signal: the real binary in a pseudo-terminal gets SIGHUP (a closed SSH
//! session) or SIGTERM with an edit not yet saved; the file holds it afterwards, the
//! terminal is given back, and no temporary file is left in the review's folder. A closed
//! terminal ends the console the same way.

mod e2e_support;

use e2e_support::*;

/// A new review with one event added, not saved yet.
fn with_an_unsaved_event(home: &std::path::Path) -> Tui {
    let mut tui = spawn(home, &["new", "Checkout errors"], 100, 30);
    tui.wait_for(&["Checkout errors", "No events yet"]);
    tui.send("a");
    tui.wait_for(&["Add event"]);
    tui.send("14:32");
    tui.send(TAB);
    tui.send(TAB);
    tui.send("Alert fired on checkout latency");
    tui.send(ENTER);
    tui.wait_until("the event to show", |s| {
        !s.contains("Add event") && s.contains("Alert fired on checkout latency")
    });
    tui
}

/// The review in `home` holds the event, and nothing was left behind beside it.
fn edit_kept(home: &std::path::Path) {
    let path = only_review(home);
    let loaded = waterline::store::load(&path).expect("the review loads after the ending");
    let texts: Vec<&str> = loaded.session.events.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["Alert fired on checkout latency"], "the edit was written");
    let leftovers: Vec<String> = std::fs::read_dir(home)
        .expect("the folder lists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".saving") || name.ends_with(".lock"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file or lock is left: {leftovers:?}");
}

fn add_event_and_end_with(signal: &str) {
    let home = tempfile::Builder::new().prefix("waterline-signal-").tempdir().expect("a folder");
    let tui = with_an_unsaved_event(home.path());
    tui.signal(signal);
    let exited = tui.wait_exit();
    assert!(exited.status.success(), "a clean exit after {signal}: {:?}", exited.status);
    assert!(!exited.alternate_screen, "the terminal left the alternate screen");
    assert!(!exited.cursor_hidden, "the cursor is shown again");
    edit_kept(home.path());
}

#[test]
fn sighup_with_an_unsaved_edit_saves_it_restores_the_terminal_and_exits() {
    add_event_and_end_with("HUP");
}

#[test]
fn sigterm_with_an_unsaved_edit_saves_it_and_exits() {
    add_event_and_end_with("TERM");
}

/// The terminal itself goes away (a dropped SSH connection, a killed tmux pane): the
/// console must not keep reading a terminal that is gone; it writes the edit and ends.
#[test]
fn a_closed_terminal_ends_the_console_with_the_edit_saved() {
    let home = tempfile::Builder::new().prefix("waterline-hangup-").tempdir().expect("a folder");
    let tui = with_an_unsaved_event(home.path());
    let status = tui.hang_up();
    assert!(status.success(), "a clean exit once the terminal closed: {status:?}");
    edit_kept(home.path());
}
