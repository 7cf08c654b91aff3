//! In a real terminal: readline keys and choice letters reach the form as a shell user
//! types them, and a classification left part-way survives closing the review.

mod e2e_support;

use e2e_support::*;

const CTRL_U: &str = "\x15";
const CTRL_W: &str = "\x17";

#[test]
fn ctrl_u_a_choice_letter_and_a_half_classified_act_in_a_real_terminal() {
    let home = tempfile::Builder::new().prefix("waterline-room-").tempdir().expect("a folder");
    let mut tui = spawn(home.path(), &["new", "Storage outage"], 100, 30);
    tui.wait_for(&["Storage outage", "No events yet"]);

    tui.send("a");
    tui.wait_for(&["Add event"]);
    tui.send("14:32 typo");
    tui.wait_for(&["14:32 typo"]);
    tui.send(CTRL_U);
    tui.wait_gone("14:32 typo");
    tui.send("09:37");
    tui.wait_for(&["09:37", "→ "]);
    tui.send(TAB);
    tui.wait_for(&["[observation]", "decision"]);
    tui.send("e");
    tui.wait_for(&["[decision]"]);
    tui.send(TAB);
    tui.send("Remove a few servers from the billing fleet");
    tui.send(CTRL_W);
    tui.send("pool");
    tui.wait_for(&["billing pool"]);
    tui.send(ENTER);
    tui.wait_gone("Add event");

    tui.send("4a");
    tui.wait_for(&["Describe an act", "▶ Act"]);
    tui.send("Ran the removal command with a larger number than intended");
    tui.send(ENTER);
    tui.wait_gone("▶ Act");
    tui.send("c");
    tui.wait_for(&["question 1 of"]);
    tui.send("nn");
    tui.wait_for(&["question 3 of"]);
    tui.press_esc();
    tui.wait_for(&["2 answered, unfinished"]);
    tui.send("q");
    let exited = tui.wait_exit();
    assert!(exited.status.success(), "exits cleanly:\n{}", exited.screen);

    let loaded = waterline::store::load(&only_review(home.path())).expect("the file loads");
    let event = &loaded.session.events[0];
    assert_eq!(event.at.format("%H:%M").to_string(), "09:37", "Ctrl-U cleared the typo");
    assert_eq!(event.kind, waterline::model::EventKind::Decision, "e picked decision");
    assert_eq!(event.text, "Remove a few servers from the billing pool", "Ctrl-W took a word");
    let act = &loaded.session.behaviours[0];
    assert_eq!(act.answers.len(), 2, "the answers given before Esc are in the file");
    assert!(act.outcome.is_empty());
}
