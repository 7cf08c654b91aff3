//! The console: the only part of waterline that knows about the terminal.

pub mod app;
pub mod checking;
pub mod editor;
pub mod effects;
pub mod ending;
pub mod facilitation;
pub mod intent;
pub mod keymap;
pub mod messages;
pub mod mouse;
pub mod reading;
pub mod redraw;
pub mod render;
pub mod saving;
pub mod screens;
pub mod selection;
pub mod steps;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod waiting;
pub mod widgets;

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind, KeyModifiers};

use app::{Model, update};
use effects::{Effect, Runner};
use intent::Intent;
use keymap::{KeyCode, KeyInput, Keymap};
use screens::sharing::state::FileNews;
use waiting::Wait;

/// How the console starts.
pub enum Start {
    Home,
    Open(PathBuf),
    /// A review already opened through its lock (by the command line, which reported any
    /// problem itself): the console writes it, or follows it.
    Held(Box<crate::store::ReviewFile>, Box<crate::store::Loaded>),
    Demo,
    /// The home screen with the new-review form already open.
    NewReview {
        template: String,
    },
}

/// How often the loop wakes when nothing happens: the autosave interval.
const TICK: Duration = Duration::from_millis(400);
const SAVE_POLL: Duration = Duration::from_millis(15);

/// Runs the console until the person quits. Returns a line to print afterwards, if any.
/// What the person's config.toml says, already read (problems become one notice).
#[derive(Debug, Default)]
pub struct Settings {
    pub keys: Option<toml::Table>,
    pub theme: Option<theme::ThemeName>,
    /// How long after the incident an action may fall due, by severity.
    pub policy: crate::analysis::policy::DuePolicy,
    pub messages: Vec<String>,
    /// Minutes per step (`[agenda]`).
    pub timeboxes: facilitation::agenda::Timeboxes,
    /// `mouse = true`: clicks and the wheel.
    pub mouse: bool,
    /// `--present`: start in presentation mode.
    pub present: bool,
    /// When another waterline's lock counts as abandoned (`[lock]`).
    pub lock: crate::store::LockPolicy,
    /// `open --follow`: open reviews to follow them, without claiming them.
    pub follow: bool,
}

/// Runs the console until the person quits. Returns a line to print afterwards, if any.
pub fn run(
    start: Start,
    data_dir: Option<PathBuf>,
    settings: Settings,
) -> anyhow::Result<Option<String>> {
    let mouse = settings.mouse;
    let mut runner = Runner::new(data_dir);
    runner.policy = settings.lock;
    runner.follow = settings.follow;
    let mut model = configured(settings);
    // Effects run in the order update returned them: a save before a quit.
    let mut pending = first_effects(&mut model, &mut runner, start);
    // Installed before the terminal changes, so a SIGHUP at any moment is handled here.
    let end_requests = crate::cli::signals::EndRequests::install()?;
    let mut guard = terminal::TerminalGuard::enter()?;
    waiting::watch();
    if mouse {
        guard.capture_mouse()?;
    }
    let mut last_tick = Instant::now();
    // Drawn only after something that can change the screen: idle costs nothing.
    let mut needs_draw = true;
    loop {
        while let Some(effect) = pending.pop_front() {
            if effect == Effect::Quit {
                // Everything queued before the quit has run, and update only asks to quit
                // once the last save has landed.
                model.quitting = true;
                break;
            }
            if let Effect::Editor { text } = &effect {
                let result = editor::edit(text, &mut guard);
                needs_draw = true;
                pending.extend(update(&mut model, Intent::Edited(result)));
                continue;
            }
            // An effect that brings no news (a follower's look at an unchanged file) leaves
            // the screen as it was.
            for action in runner.run(effect) {
                needs_draw = true;
                pending.extend(update(&mut model, action));
            }
        }
        if model.quitting {
            break;
        }
        if end_requests.take().is_some() {
            // SIGTERM or SIGHUP: every edit is written (or rescued) before leaving.
            ending::write_everything(&mut model, &mut runner);
            break;
        }
        if std::mem::take(&mut needs_draw) {
            let mut drawn = render::Drawn::default();
            if let Err(e) = guard.terminal.draw(|frame| drawn = render::render(&model, frame)) {
                terminal_failed(&mut model, &mut runner, e)?;
                break;
            }
            let import_rows = model.drawn.import_rows;
            model.remember(drawn);
            // The import list read its lines for the height of the frame before; a new size
            // (a resize) reads them again and draws once more.
            if model.drawn.import_rows != import_rows {
                screens::import::update::refresh(&mut model);
                needs_draw = true;
            }
        }
        // While a save is on its way, or a file is being read for the import screen, wake
        // often: the save's result shows at once, and the reading goes on between keys.
        let checking = model.doc.as_ref().is_some_and(app::Doc::checking);
        let busy = checking
            || runner.saving()
            || runner.reading()
            || screens::import::update::working(&model);
        let wait = if busy { SAVE_POLL } else { TICK };
        let timeout = wait.min(TICK.saturating_sub(last_tick.elapsed()));
        let waited = match waiting::wait(timeout) {
            Ok(waited) => waited,
            Err(e) => {
                terminal_failed(&mut model, &mut runner, e)?;
                break;
            }
        };
        if waited == Wait::Ready {
            needs_draw = true;
            let read = match event::read() {
                Ok(read) => read,
                Err(e) => {
                    terminal_failed(&mut model, &mut runner, e)?;
                    break;
                }
            };
            match read {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    if let Some(input) = convert(key) {
                        pending.extend(model.press(input));
                    }
                }
                Event::Paste(text) => pending.extend(update(&mut model, Intent::Paste(text))),
                Event::Resize(w, h) => pending.extend(update(&mut model, Intent::Resize(w, h))),
                Event::Mouse(m) => {
                    if let Some(pointer) = pointer(m) {
                        pending.extend(update(&mut model, Intent::Mouse(pointer)));
                    }
                }
                _ => {}
            }
        }
        // Reading goes on only when no key is waiting, so typing is never held up by it.
        if screens::import::update::working(&model)
            && matches!(waiting::wait(Duration::ZERO), Ok(Wait::Nothing))
        {
            needs_draw = true;
            pending.extend(update(&mut model, Intent::ImportWork));
        }
        if model.doc.as_ref().is_some_and(app::Doc::checking) {
            pending.extend(update(&mut model, Intent::Checked));
            needs_draw |= !model.doc.as_ref().is_some_and(app::Doc::checking);
        }
        for action in runner.finished_saves() {
            needs_draw = true;
            pending.extend(update(&mut model, action));
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            runner.refresh_lock();
            let before = redraw::Glance::of(&model);
            pending.extend(update(&mut model, Intent::Tick));
            needs_draw |= redraw::after_tick(&before, &redraw::Glance::of(&model));
        }
    }
    // However the loop ended (a SIGHUP comes with a closed terminal), nothing is written to
    // a terminal that has gone: a failed write there would abort before the lock is let go.
    if waiting::terminal_gone() {
        waiting::let_go_of_terminal();
    }
    drop(guard);
    Ok(runner.rescued.map(|p| format!("Unsaved changes were written to {}", p.display())))
}

/// The terminal could not be read or written. Every edit is written first. A terminal that
/// has gone is let go of quietly (`Ok`: the console ends); one still there gets its modes
/// back as usual and the error is reported.
fn terminal_failed(model: &mut Model, runner: &mut Runner, error: io::Error) -> io::Result<()> {
    let gone = waiting::terminal_gone();
    if gone {
        waiting::let_go_of_terminal();
    }
    ending::write_everything(model, runner);
    if gone { Ok(()) } else { Err(error) }
}

/// The model as config.toml and the command line set it up; problems become one notice.
fn configured(settings: Settings) -> Model {
    let (keymap, key_messages) = Keymap::load(settings.keys.as_ref());
    let mut model = Model::new(keymap, app::local_now);
    model.theme = theme::Theme::choose(settings.theme);
    model.timeboxes = settings.timeboxes;
    if settings.present {
        screens::present::update::start(&mut model);
    }
    model.policy = settings.policy;
    model.checks_in_background = true;
    let messages: Vec<String> = settings.messages.into_iter().chain(key_messages).collect();
    if let Some(first) = messages.first() {
        let more = if messages.len() > 1 {
            format!(" (and {} more)", messages.len() - 1)
        } else {
            String::new()
        };
        model.notice = Some(app::Notice::problem(format!("{first}{more}")));
    }
    // The Just Culture table is checked now, so a broken one is said at once, not mid-review.
    if let Err(errors) = crate::model::just_culture::builtin() {
        let first = errors.first().map(ToString::to_string).unwrap_or_default();
        model.notice = Some(app::Notice::problem(self::messages::table_unavailable(&first)));
    }
    model
}

/// What the run starts with: the home list, a review to open, or one already read.
fn first_effects(model: &mut Model, runner: &mut Runner, start: Start) -> VecDeque<Effect> {
    let first = match start {
        Start::Home => Effect::ListReviews,
        Start::Open(path) => {
            model.has_home = false;
            Effect::Open { path }
        }
        Start::Held(file, loaded) => {
            model.has_home = false;
            let path = file.path().to_path_buf();
            let holding = runner.hold(*file);
            let mut effects =
                update(model, Intent::Loaded { path, result: Ok(loaded), demo: false });
            effects.extend(update(model, Intent::File(FileNews::Holding(holding))));
            return effects.into();
        }
        Start::Demo => {
            model.has_home = false;
            Effect::OpenDemo
        }
        Start::NewReview { template } => {
            model.overlay =
                Some(app::Overlay::Form(screens::home::forms::new_review_with(&template)));
            Effect::ListReviews
        }
    };
    VecDeque::from([first])
}

fn pointer(m: event::MouseEvent) -> Option<mouse::Pointer> {
    use event::{MouseButton, MouseEventKind as K};
    match m.kind {
        K::Down(MouseButton::Left) => Some(mouse::Pointer::Click { column: m.column, row: m.row }),
        K::ScrollUp => Some(mouse::Pointer::ScrollUp),
        K::ScrollDown => Some(mouse::Pointer::ScrollDown),
        _ => None,
    }
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
