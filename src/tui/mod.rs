//! The console: the only part of waterline that knows about the terminal.

pub mod action;
pub mod app;
pub mod effects;
pub mod factors_step;
pub mod form;
pub mod incident_form;
pub mod keymap;
pub mod messages;
pub mod picker;
pub mod prompts;
pub mod render;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod timeline_edit;
pub mod whys_step;
pub mod widgets;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind, KeyModifiers};

use action::Action;
use app::{Model, update};
use effects::{Effect, Runner};
use keymap::{KeyCode, KeyInput, Keymap};

/// How the console starts.
pub enum Start {
    Home,
    Open(PathBuf),
    Demo,
    /// The home screen with the new-review form already open.
    NewReview {
        template: String,
    },
}

/// How often the loop wakes when nothing happens: the autosave interval.
const TICK: Duration = Duration::from_millis(400);

/// Runs the console until the person quits. Returns a line to print afterwards, if any.
pub fn run(
    start: Start,
    data_dir: Option<PathBuf>,
    key_overrides: Option<toml::Table>,
) -> anyhow::Result<Option<String>> {
    let (keymap, messages) = Keymap::load(key_overrides.as_ref());
    let mut model = Model::new(keymap, app::local_now);
    if let Some(first) = messages.first() {
        model.notice =
            Some(app::Notice::problem(format!("{first} (keys: using the defaults there)")));
    }
    let mut runner = Runner::new(data_dir);
    let first = match start {
        Start::Home => Effect::ListReviews,
        Start::Open(path) => {
            model.has_home = false;
            Effect::Open { path }
        }
        Start::Demo => {
            model.has_home = false;
            Effect::OpenDemo
        }
        Start::NewReview { template } => {
            model.overlay = Some(app::Overlay::Form(incident_form::new_review_with(&template)));
            Effect::ListReviews
        }
    };
    // Effects run in the order update returned them: a save before a quit.
    let mut pending = VecDeque::from([first]);
    let mut guard = terminal::TerminalGuard::enter()?;
    let mut last_tick = Instant::now();
    loop {
        while let Some(effect) = pending.pop_front() {
            if effect == Effect::Quit {
                // Effects queued before the quit (the last save) have already run.
                model.quitting = true;
                break;
            }
            for action in runner.run(effect) {
                pending.extend(update(&mut model, action));
            }
        }
        if model.quitting
            && pending.is_empty()
            && model.doc.as_ref().is_none_or(|d| d.save_error.is_none() || runner.rescued.is_some())
        {
            break;
        }
        if model.quitting
            && model.doc.as_ref().is_some_and(|d| d.save_error.is_some())
            && runner.rescued.is_none()
        {
            // A failed final save keeps the console open; the notice says why.
            model.quitting = false;
        }
        guard.terminal.draw(|frame| render::render(&model, frame))?;
        let timeout = TICK.saturating_sub(last_tick.elapsed());
        if event::poll(timeout)? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    if let Some(input) = convert(key) {
                        pending.extend(model.press(input));
                    }
                }
                Event::Paste(text) => pending.extend(update(&mut model, Action::Paste(text))),
                Event::Resize(w, h) => pending.extend(update(&mut model, Action::Resize(w, h))),
                _ => {}
            }
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            pending.extend(update(&mut model, Action::Tick));
        }
    }
    drop(guard);
    Ok(runner.rescued.map(|p| format!("Unsaved changes were written to {}", p.display())))
}

fn convert(key: event::KeyEvent) -> Option<KeyInput> {
    use event::KeyCode as K;
    let code = match key.code {
        K::Char(c) => KeyCode::Char(c),
        K::Enter => KeyCode::Enter,
        K::Esc => KeyCode::Esc,
        K::Tab => KeyCode::Tab,
        K::BackTab => KeyCode::BackTab,
        K::Backspace => KeyCode::Backspace,
        K::Delete => KeyCode::Delete,
        K::Up => KeyCode::Up,
        K::Down => KeyCode::Down,
        K::Left => KeyCode::Left,
        K::Right => KeyCode::Right,
        K::Home => KeyCode::Home,
        K::End => KeyCode::End,
        K::PageUp => KeyCode::PageUp,
        K::PageDown => KeyCode::PageDown,
        K::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let code = match code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(KeyInput { code, ctrl, alt })
}
