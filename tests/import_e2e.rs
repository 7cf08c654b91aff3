//! The import screen in the real binary, in a pseudo-terminal: open a log from the
//! Timeline, filter, tick, import, see the events in the timeline, undo.

mod e2e_support;

use e2e_support::*;

#[test]
fn a_log_is_filtered_ticked_imported_and_undone_in_the_console() {
    let home = tempfile::Builder::new().prefix("waterline-e2e-").tempdir().expect("a folder");
    let review = home.path().join("checkout.toml");
    std::fs::write(&review, waterline::assets::DEMO).expect("the review is written");
    let log = home.path().join("cache.log");
    std::fs::write(
        &log,
        "2026-03-06 09:40:00 cache warmed on pay-3\n\
         2026-03-06 09:41:00 queue depth back to normal\n\
         2026-03-06 09:42:30 cache warmed on pay-4\n",
    )
    .expect("the log is written");

    let mut tui = spawn(home.path(), &["open", review.to_str().expect("UTF-8 path")], 120, 40);
    tui.wait_for(&["Timeline", "18 events"]);
    tui.send("I");
    tui.wait_for(&["Import events into the timeline", "Read as: auto"]);
    tui.send(log.to_str().expect("UTF-8 path"));
    tui.send(ENTER);
    tui.wait_for(&["plain log (detected)", "3 lines", "queue depth back to normal"]);
    tui.send("/cache");
    tui.wait_for(&["2 shown by “cache”"]);
    tui.send(ENTER);
    tui.send("a");
    tui.wait_for(&["2 ticked", "+ 09:40 cache warmed on pay-3"]);
    tui.send(ENTER);
    tui.wait_for(&["Imported 2 events", "20 events", "cache warmed on pay-4"]);
    let screen = tui.screen();
    assert!(!screen.contains("queue depth"), "only the ticked lines are added:\n{screen}");
    tui.send("u");
    tui.wait_for(&["18 events"]);
    tui.wait_gone("cache warmed on pay-4");
    tui.send("q");
    let exited = tui.wait_exit();
    assert!(exited.status.success(), "{}", exited.screen);
    let saved = waterline::store::load(&review).expect("the review still loads");
    assert_eq!(saved.session.events.len(), 18, "the undone import is not in the file");
}
