//! Forms as a facilitator types in them with a room waiting: choices listed with their
//! letters, readline keys in text fields, and advice wrapped in full while typing.

mod common;

use common::*;
use ratatui::style::Modifier;
use waterline::model::{Category, EventKind, Session};
use waterline::tui::app::Overlay;
use waterline::tui::effects::Effect;
use waterline::tui::keymap::{KeyCode, KeyInput};
use waterline::tui::screens::form::FieldKey;

fn started() -> Session {
    let mut s = Session::new("Storage outage");
    s.incident.started_at =
        Some(chrono::DateTime::parse_from_rfc3339("2017-02-28T09:37:00-08:00").expect("time"));
    s
}

fn focused_text(m: &waterline::tui::app::Model) -> String {
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("a form is open") };
    form.focused_text().expect("a text field has focus")
}

fn alt(c: char) -> KeyInput {
    KeyInput { code: KeyCode::Char(c), ctrl: false, alt: true }
}

/// The kind an event gets when `letter` is typed on its Kind field.
fn kind_after(letter: char) -> EventKind {
    let mut m = open(started());
    keys(&mut m, "a10:00");
    tab(&mut m);
    keys(&mut m, &letter.to_string());
    tab(&mut m);
    keys(&mut m, "Something seen");
    enter(&mut m);
    session(&m).events[0].kind
}

#[test]
fn each_event_kind_has_its_own_letter() {
    assert_eq!(kind_after('d'), EventKind::Detection);
    assert_eq!(kind_after('e'), EventKind::Decision, "decision is not a second `d`");
    assert_eq!(kind_after('c'), EventKind::Change);
    assert_eq!(kind_after('u'), EventKind::Communication);
    assert_eq!(kind_after('i'), EventKind::Action);
    assert_eq!(kind_after('a'), EventKind::Alert);
}

#[test]
fn a_factor_category_letter_picks_that_category_only() {
    let mut m = open(started());
    keys(&mut m, "3a");
    keys(&mut m, "No canary stage for config");
    tab(&mut m);
    keys(&mut m, "e");
    enter(&mut m);
    assert_eq!(session(&m).factors[0].category, Category::Dependency);
}

#[test]
fn the_focused_kind_field_lists_every_option_with_its_letter_underlined() {
    let mut m = open(started());
    keys(&mut m, "a");
    tab(&mut m);
    let screen = draw(&m, 80, 24);
    assert_shows(
        &screen,
        &["[observation]", "trigger", "detection", "decision", "communication", "recovery"],
        "the kind field",
    );
    insta::assert_snapshot!("form__event_kind_choice__80x24", screen);
    // The `e` of decision is the one underlined: what typing `e` picks.
    let (width, height) = (80, 24);
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| {
            let _ = waterline::tui::render::render(&m, f);
        })
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let row = (0..height)
        .find(|y| {
            (0..width).map(|x| buffer[(x, *y)].symbol()).collect::<String>().contains("decision")
        })
        .expect("a row with decision");
    let line: String = (0..width).map(|x| buffer[(x, row)].symbol()).collect();
    let at = line.find("decision").expect("decision");
    let col = line[..at].chars().count() as u16;
    let underlined = |x: u16| buffer[(x, row)].modifier.contains(Modifier::UNDERLINED);
    assert!(!underlined(col), "the d of decision is not its letter");
    assert!(underlined(col + 1), "the e of decision is underlined");
}

#[test]
fn ctrl_u_clears_to_the_start_of_the_line_and_ctrl_k_to_its_end() {
    let mut m = open(started());
    keys(&mut m, "a");
    keys(&mut m, "10:00 and more");
    key(&mut m, KeyInput::ctrl('u'));
    assert_eq!(focused_text(&m), "", "Ctrl-U clears what is before the cursor");
    keys(&mut m, "09:45 typo");
    key(&mut m, KeyInput::ctrl('a'));
    key(&mut m, alt('f'));
    key(&mut m, KeyInput::ctrl('k'));
    assert_eq!(focused_text(&m), "09", "Alt-F moves a word; Ctrl-K deletes to the end");
}

#[test]
fn ctrl_e_goes_to_the_end_of_the_line_and_ctrl_w_deletes_a_word() {
    let mut m = open(started());
    keys(&mut m, "a");
    keys(&mut m, "10:00 one two");
    key(&mut m, KeyInput::ctrl('a'));
    let effects = key(&mut m, KeyInput::ctrl('e'));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Editor { .. })),
        "Ctrl-E is the end of the line, not the editor"
    );
    key(&mut m, KeyInput::ctrl('w'));
    assert_eq!(focused_text(&m), "10:00 one ");
    key(&mut m, alt('b'));
    keys(&mut m, "x");
    assert_eq!(focused_text(&m), "10:00 xone ");
    key(&mut m, KeyInput::plain(KeyCode::End));
    keys(&mut m, "z");
    assert_eq!(focused_text(&m), "10:00 xone z");
}

#[test]
fn the_external_editor_is_still_one_key_away() {
    let mut m = open(started());
    keys(&mut m, "a");
    let effects = key(&mut m, KeyInput::ctrl('g'));
    assert!(effects.iter().any(|e| matches!(e, Effect::Editor { .. })), "{effects:?}");
}

#[test]
fn help_lists_the_text_field_keys() {
    let mut m = open(started());
    keys(&mut m, "?");
    let screen = draw(&m, 120, 80);
    assert_shows(
        &screen,
        &[
            "In a text field",
            "Ctrl-U",
            "delete to the start of the line",
            "Ctrl-K",
            "Ctrl-W",
            "Alt-B",
        ],
        "help",
    );
}

#[test]
fn wording_advice_in_a_form_is_wrapped_whole_at_80_by_24() {
    let mut m = open(started());
    keys(&mut m, "a10:00");
    tab(&mut m);
    tab(&mut m);
    keys(&mut m, "The engineer was careless and should have checked the playbook first");
    let Some(Overlay::Form(form)) = &m.overlay else { panic!("a form is open") };
    let Some(waterline::tui::screens::form::Feedback::Lines(lines)) =
        form.field(FieldKey::EventText).and_then(|f| f.feedback.clone())
    else {
        panic!("the wording is flagged while typing")
    };
    let screen = draw(&m, 80, 24);
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in &lines {
        let words = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
        // Each row of advice reads in full, words in order, across wrapped rows.
        let last = words.split(' ').next_back().unwrap_or_default();
        assert!(flat.contains(last), "{last:?} of {words:?} shows:\n{screen}");
    }
    assert!(!screen.contains('…'), "nothing is cut:\n{screen}");
}
