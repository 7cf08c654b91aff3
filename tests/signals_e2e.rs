//! Ending on a signal: the real binary in a pseudo-terminal gets SIGHUP (a closed SSH
//! session) or SIGTERM with an edit not yet saved; the file holds it afterwards, the
//! terminal is given back, and no temporary file is left in the review's folder.

mod e2e_support;

use e2e_support::*;

fn add_event_and_end_with(signal: &str) {
    let home = tempfile::Builder::new().prefix("waterline-signal-").tempdir().expect("a folder");
    let mut tui = spawn(home.path(), &["new", "Checkout errors"], 100, 30);
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
    tui.signal(signal);
    let exited = tui.wait_exit();
    assert!(exited.status.success(), "a clean exit after {signal}: {:?}", exited.status);
    assert!(!exited.alternate_screen, "the terminal left the alternate screen");
    assert!(!exited.cursor_hidden, "the cursor is shown again");

    let path = only_review(home.path());
    let loaded = waterline::store::load(&path).expect("the review loads after the signal");
    let texts: Vec<&str> = loaded.session.events.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["Alert fired on checkout latency"], "the edit was written");
    let leftovers: Vec<String> = std::fs::read_dir(home.path())
        .expect("the folder lists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".saving"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left: {leftovers:?}");
}

#[test]
fn sighup_with_an_unsaved_edit_saves_it_restores_the_terminal_and_exits() {
    add_event_and_end_with("HUP");
}

#[test]
fn sigterm_with_an_unsaved_edit_saves_it_and_exits() {
    add_event_and_end_with("TERM");
}
