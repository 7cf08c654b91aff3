//! What an intent does on the import screen: the path (with completion and `--as`), the
//! lines (moving, ticking, filtering), and adding the ticked events as one undoable edit.
//! Reading a big file is spread over many slices (`work`), so keys are answered between.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::cli::import::MAX_EVENTS;
use crate::import::preview::{Preview, Progress};
use crate::import::review::{self, Seen};
use crate::import::{Choice, Fields, Format, Settings};
use crate::model::text::sanitize_line;
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::keymap::KeyCode;
use crate::tui::messages;
use crate::tui::screens::import::state::{ImportScreen, Opened, Phase};
use crate::tui::screens::import::words;
use crate::tui::selection::PAGE;

/// Bytes of the file indexed in one slice: a few milliseconds of parsing.
const INDEX_SLICE: u64 = 512 << 10;
/// Rows the filter reads in one slice.
const FILTER_SLICE: u64 = 20_000;
/// Rows read for a frame when the last frame did not say how many fit.
const DEFAULT_ROWS: usize = 20;

/// Opens the import screen over the Timeline step.
pub fn open(model: &mut Model) {
    let Some(doc) = model.doc.as_ref() else { return };
    if doc.read_only {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return;
    }
    let session = &doc.session;
    let settings = Settings {
        zone: review::default_zone(session, None),
        reference: review::reference(session, (model.clock)()),
        fields: Fields::default(),
    };
    let existing: HashSet<(i64, String)> =
        session.events.iter().map(|e| (e.at.timestamp(), e.text.clone())).collect();
    model.overlay = Some(Overlay::Import(Box::new(ImportScreen::new(settings, existing))));
}

pub fn action(model: &mut Model, intent: Intent, mut screen: Box<ImportScreen>) -> Vec<Effect> {
    let keep = match screen.phase {
        Phase::Path => on_path(model, intent, &mut screen),
        Phase::Lines => on_lines(model, intent, &mut screen),
        Phase::Filter => on_filter(intent, &mut screen),
    };
    if keep {
        model.overlay = Some(Overlay::Import(screen));
    }
    Vec::new()
}

/// Whether the import screen has reading or filtering left to do.
pub fn working(model: &Model) -> bool {
    matches!(&model.overlay, Some(Overlay::Import(screen)) if screen.working())
}

/// One slice of reading: indexing first, then the filter.
pub fn work(model: &mut Model) {
    let Some(Overlay::Import(screen)) = model.overlay.as_mut() else { return };
    let Some(file) = screen.file.as_mut() else { return };
    // A filter being typed goes first while it is behind the index, so matches show at once.
    let filter_behind = file.filtered.is_some_and(|p| !p.done && p.rows < file.indexed.rows);
    let result = if !file.indexed.done && !filter_behind {
        file.preview.index_more(INDEX_SLICE).map(|p| file.indexed = p)
    } else if file.filtered.is_some_and(|p| !p.done) {
        file.preview.filter_more(FILTER_SLICE).map(|p| file.filtered = Some(p))
    } else {
        Ok(())
    };
    if let Err(e) = result {
        file.problem = Some(words::unreadable(&sanitize_line(&e.to_string())));
    }
}

/// Reads the rows the next frame shows, keeping the cursor in view; run after every
/// intent, since drawing does no I/O.
pub fn refresh(model: &mut Model) {
    let height = model.drawn.import_rows.unwrap_or(DEFAULT_ROWS).max(1) as u64;
    let Some(Overlay::Import(screen)) = model.overlay.as_mut() else { return };
    let Some(file) = screen.file.as_mut() else { return };
    let visible = file.visible();
    file.selected = file.selected.min(visible.saturating_sub(1));
    if file.selected < file.offset {
        file.offset = file.selected;
    } else if file.selected >= file.offset + height {
        file.offset = file.selected + 1 - height;
    }
    match file.preview.window(file.offset, height as usize) {
        Ok(rows) => file.rows = rows,
        Err(e) => file.problem = Some(words::unreadable(&sanitize_line(&e.to_string()))),
    }
}

fn on_path(model: &mut Model, intent: Intent, screen: &mut ImportScreen) -> bool {
    match intent {
        Intent::Cancel => return leave(model),
        Intent::ReadFile => open_file(screen),
        Intent::CompletePath => match complete(&screen.path.text()) {
            Some(text) => screen.path.replace(&text),
            None => screen.problem = Some(words::NO_COMPLETION.into()),
        },
        Intent::ImportAs => screen.choice = next_choice(screen.choice),
        Intent::Type(key) if screen.path.input(key) => screen.problem = None,
        Intent::Paste(text) => screen.path.insert(&sanitize_line(&text)),
        _ => {}
    }
    true
}

fn on_lines(model: &mut Model, intent: Intent, screen: &mut ImportScreen) -> bool {
    let Some(file) = screen.file.as_mut() else {
        screen.phase = Phase::Path;
        return true;
    };
    match intent {
        Intent::Cancel => return leave(model),
        Intent::ImportTicked => return import(model, screen),
        i if i.is_movement() => move_cursor(file, &i),
        Intent::Toggle => match file.selected_row().map(|r| file.preview.toggle(r)) {
            Some(Ok(Some(_))) => tick_changed(model, file),
            Some(Ok(None)) => model.notice = Some(Notice::info(words::NOT_AN_EVENT)),
            Some(Err(e)) => model.notice = Some(Notice::problem(e.to_string())),
            None => model.notice = Some(Notice::info(words::NO_MATCH)),
        },
        Intent::TickShown => match file.preview.tick_visible() {
            Ok(_) => tick_changed(model, file),
            Err(e) => model.notice = Some(Notice::problem(e.to_string())),
        },
        Intent::FilterList => screen.phase = Phase::Filter,
        Intent::ImportAs => {
            screen.choice = next_choice(screen.choice);
            open_file(screen);
        }
        _ => {}
    }
    true
}

fn on_filter(intent: Intent, screen: &mut ImportScreen) -> bool {
    let Some(file) = screen.file.as_mut() else {
        screen.phase = Phase::Path;
        return true;
    };
    match intent {
        Intent::Submit => screen.phase = Phase::Lines,
        Intent::Cancel => {
            set_filter(file, String::new());
            screen.phase = Phase::Lines;
        }
        i if i.is_movement() => move_cursor(file, &i),
        Intent::Type(key) => {
            let mut text = file.filter.clone();
            match key.code {
                KeyCode::Char(c) if !key.ctrl && !key.alt => text.push(c),
                KeyCode::Backspace => _ = text.pop(),
                _ => return true,
            }
            set_filter(file, text);
        }
        Intent::Paste(text) => {
            let text = format!("{}{}", file.filter, sanitize_line(&text));
            set_filter(file, text);
        }
        _ => {}
    }
    true
}

impl Opened {
    /// The file row under the cursor (rows are read from `offset`).
    fn selected_row(&self) -> Option<u64> {
        self.selected_in_window().map(|r| r.row)
    }
}

fn move_cursor(file: &mut Opened, intent: &Intent) {
    let last = file.visible().saturating_sub(1);
    let page = PAGE as u64;
    file.selected = match intent {
        Intent::Up => file.selected.saturating_sub(1),
        Intent::Down => (file.selected + 1).min(last),
        Intent::PageUp => file.selected.saturating_sub(page),
        Intent::PageDown => (file.selected + page).min(last),
        Intent::Top => 0,
        Intent::Bottom => last,
        _ => file.selected,
    };
}

fn set_filter(file: &mut Opened, text: String) {
    file.preview.set_filter(&text);
    file.filtered = (!text.trim().is_empty()).then_some(Progress { rows: 0, done: false });
    file.filter = text;
    file.selected = 0;
    file.offset = 0;
}

/// The ticked events changed: read them again (with their rows) for the placement pane.
fn tick_changed(model: &mut Model, file: &mut Opened) {
    let rows: Vec<u64> = file.preview.ticked().iter().copied().collect();
    match file.preview.ticked_events() {
        Ok(events) => file.ticked = rows.into_iter().zip(events).collect(),
        Err(e) => model.notice = Some(Notice::problem(e.to_string())),
    }
}

fn open_file(screen: &mut ImportScreen) {
    let text = screen.path.text();
    let text = text.trim();
    if text.is_empty() {
        screen.problem = Some(words::NO_PATH.into());
        return;
    }
    let path = expand_home(text);
    match Preview::open(&path, screen.choice, &screen.settings) {
        Ok(preview) => {
            let format = preview.format();
            screen.file = Some(Opened {
                path,
                format,
                detected: screen.choice == Choice::Auto,
                kind: format.default_kind(),
                preview,
                indexed: Progress { rows: 0, done: false },
                filtered: None,
                filter: String::new(),
                selected: 0,
                offset: 0,
                rows: Vec::new(),
                ticked: Vec::new(),
                problem: None,
            });
            screen.problem = None;
            screen.phase = Phase::Lines;
        }
        Err(e) => {
            screen.problem = Some(sanitize_line(&e.to_string()));
            screen.file = None;
            screen.phase = Phase::Path;
        }
    }
}

/// Adds the ticked events (duplicates left out) as one edit; the screen closes on success.
fn import(model: &mut Model, screen: &mut ImportScreen) -> bool {
    let Some(file) = screen.file.as_ref() else { return true };
    let Some(doc) = model.doc.as_mut() else { return false };
    if file.ticked.is_empty() {
        model.notice = Some(Notice::info(words::NOTHING_TICKED));
        return true;
    }
    if file.ticked.len() > MAX_EVENTS {
        model.notice = Some(Notice::problem(words::too_many(file.ticked.len(), MAX_EVENTS)));
        return true;
    }
    let mut seen = Seen::of(&doc.session);
    let fresh: Vec<_> = (file.ticked.iter())
        .map(|(_, c)| c.clone())
        .filter(|c| seen.first_time(&c.at, &c.text))
        .collect();
    let duplicates = file.ticked.len() - fresh.len();
    if fresh.is_empty() {
        model.notice = Some(Notice::info(words::all_duplicates(duplicates)));
        return true;
    }
    let mut next = doc.session.clone();
    let added = match review::add(&mut next, &mut doc.ids.events, fresh, file.kind) {
        Ok(added) => added,
        Err(e) => {
            model.notice = Some(Notice::exhausted(&e));
            return true;
        }
    };
    if !doc.edit(|session| *session = next) {
        model.notice = Some(Notice::problem(messages::READ_ONLY));
        return true;
    }
    if let Some(first) = added.ids.first() {
        doc.timeline.selected = doc.session.events.iter().position(|e| &e.id == first).unwrap_or(0);
    }
    model.notice = Some(Notice::info(words::added(added.ids.len(), duplicates)));
    false
}

fn leave(model: &mut Model) -> bool {
    model.notice = Some(Notice::info(words::NOTHING_IMPORTED));
    false
}

/// `--as`: detection, then each format in turn.
fn next_choice(choice: Choice) -> Choice {
    let formats = Format::ALL;
    match choice {
        Choice::Auto => Choice::Only(formats[0]),
        Choice::Only(f) => match formats.iter().position(|x| *x == f) {
            Some(i) if i + 1 < formats.len() => Choice::Only(formats[i + 1]),
            _ => Choice::Auto,
        },
    }
}

fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(text),
    }
}

/// Completes the last part of a path as far as the folder's entries agree; a single
/// folder gains its `/`. Hidden entries only when the part starts with a dot.
pub fn complete(text: &str) -> Option<String> {
    let (dir_text, part) = match text.rfind('/') {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => ("", text),
    };
    let dir = if dir_text.is_empty() { PathBuf::from(".") } else { expand_home(dir_text) };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let wanted =
                name.starts_with(part) && (part.starts_with('.') || !name.starts_with('.'));
            wanted.then(|| (name, e.path().is_dir()))
        })
        .collect();
    names.sort();
    let (first, is_dir) = names.first()?.clone();
    let common = names.iter().fold(first.clone(), |common, (name, _)| {
        let n = common.chars().zip(name.chars()).take_while(|(a, b)| a == b).count();
        common.chars().take(n).collect()
    });
    let slash = if names.len() == 1 && is_dir { "/" } else { "" };
    Some(format!("{dir_text}{common}{slash}"))
}
