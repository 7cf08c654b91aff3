//! Shared set-up for console tests: a model on a fixed clock, keys typed one by one.
#![allow(dead_code)]

use std::path::PathBuf;

use waterline::model::{Session, Timestamp};
use waterline::store::Loaded;
use waterline::tui::app::{Model, update};
use waterline::tui::effects::Effect;
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput, Keymap};

pub fn fixed_now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-03-06T12:00:00+00:00").expect("valid time")
}

pub fn model() -> Model {
    let (keymap, messages) = Keymap::load(None);
    assert!(messages.is_empty());
    let mut model = Model::new(keymap, fixed_now);
    model.theme = waterline::tui::theme::Theme::mono();
    model
}

/// A model with `session` open in the console, as if read from `path`.
pub fn open(session: Session) -> Model {
    let mut m = model();
    let loaded = Loaded { session, read_only: false, notices: Vec::new() };
    update(
        &mut m,
        Intent::Loaded {
            path: PathBuf::from("review.toml"),
            result: Ok(Box::new(loaded)),
            demo: false,
        },
    );
    m
}

pub fn demo_session() -> Session {
    waterline::store::parse(std::path::Path::new("demo.toml"), waterline::assets::DEMO)
        .expect("the example review loads")
        .session
}

/// An observation at `at` (RFC 3339), with nothing but its words.
pub fn event(id: &str, at: &str, text: &str) -> waterline::model::Event {
    waterline::model::Event {
        id: id.into(),
        at: chrono::DateTime::parse_from_rfc3339(at).expect("valid time"),
        kind: Default::default(),
        text: text.into(),
        source: String::new(),
        known_then: String::new(),
        extra: Default::default(),
    }
}

pub fn key(m: &mut Model, k: KeyInput) -> Vec<Effect> {
    m.press(k)
}

pub fn keys(m: &mut Model, text: &str) {
    for c in text.chars() {
        m.press(KeyInput::char(c));
    }
}

pub fn enter(m: &mut Model) -> Vec<Effect> {
    m.press(KeyInput::plain(KeyCode::Enter))
}

pub fn tab(m: &mut Model) {
    m.press(KeyInput::plain(KeyCode::Tab));
}

pub fn esc(m: &mut Model) {
    m.press(KeyInput::plain(KeyCode::Esc));
}

/// Adds an event the way a facilitator would: a, time, Tab Tab, text, Enter.
pub fn add_event(m: &mut Model, time: &str, text: &str) {
    keys(m, "a");
    keys(m, time);
    tab(m);
    tab(m);
    keys(m, text);
    enter(m);
}

pub fn session(m: &Model) -> &Session {
    &m.doc.as_ref().expect("a review is open").session
}

/// The screen as text, one line per row, trailing spaces trimmed: what snapshots compare.
pub fn draw(m: &Model, width: u16, height: u16) -> String {
    drawn(m, width, height).0
}

/// Draws as the console loop does, and keeps what the frame reported (list windows, where
/// a click lands), as the loop does after each frame.
pub fn show(m: &mut Model, width: u16, height: u16) -> String {
    let (screen, report) = drawn(m, width, height);
    m.remember(report);
    screen
}

fn drawn(m: &Model, width: u16, height: u16) -> (String, waterline::tui::render::Drawn) {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut report = Default::default();
    terminal.draw(|frame| report = waterline::tui::render::render(m, frame)).expect("draws");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let line: String =
            (0..width).map(|x| buffer[(x, y)].symbol().to_string()).collect::<String>();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    (out, report)
}

pub fn texts(m: &Model) -> Vec<String> {
    session(m).events.iter().map(|e| e.text.clone()).collect()
}

/// Fails unless `screen` shows each of `shows` — what a snapshot test checks before it
/// compares the whole screen: the selection, the glyphs, the keys on offer.
pub fn assert_shows(screen: &str, shows: &[&str], what: &str) {
    for part in shows {
        assert!(screen.contains(part), "{what} should show {part:?}:\n{screen}");
    }
}
