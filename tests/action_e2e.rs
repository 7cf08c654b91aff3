//! End to end: the follow-up view in a real pseudo-terminal — a status changed there is in
//! the review's file afterwards — and the Actions step's checks in the example review.

mod e2e_support;

use e2e_support::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/followup");

#[test]
fn a_status_changed_in_the_follow_up_view_reaches_the_file() {
    let home = tempfile::Builder::new().prefix("waterline-e2e-").tempdir().expect("temp dir");
    for entry in std::fs::read_dir(FIXTURES).expect("fixtures") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, home.path().join(path.file_name().unwrap())).expect("copy");
    }
    let mut tui = spawn(home.path(), &[], 100, 30);
    tui.wait_for(&["Reviews · 3"]);
    tui.send("f");
    tui.wait_for(&["Follow-up · 9 actions", "Payments", "Priya"]);
    tui.send("d");
    tui.wait_for(&["a3 is now done; saved to 2025-11-04-checkout-config-rollout.toml"]);
    tui.send("q");
    tui.wait_for(&["Reviews · 3"]);
    tui.send("q");
    let exited = tui.wait_exit();
    assert!(exited.status.success(), "{}", exited.screen);
    let path = home.path().join("2025-11-04-checkout-config-rollout.toml");
    let session = waterline::store::load(&path).expect("the file loads").session;
    let a3 = session.actions.iter().find(|a| a.id == "a3").expect("a3");
    assert_eq!(a3.status, waterline::model::ActionStatus::Done);
}

#[test]
fn the_demo_shows_each_action_with_its_five_check_glyphs() {
    let home = tempfile::Builder::new().prefix("waterline-e2e-").tempdir().expect("temp dir");
    let mut tui = spawn(home.path(), &["demo"], 80, 24);
    tui.wait_for(&["Timeline"]);
    tui.send("5");
    // Waiting for all three: a frame can be read while it is still being drawn.
    tui.wait_for(&["S M A R S", "✓ ✓ ✓ ✓ ✓  guard", "✓ pass  ! warn  ✗ fail"]);
    tui.send("q");
    assert!(tui.wait_exit().status.success());
}
