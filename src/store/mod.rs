//! The session file: format 1 on disk (DESIGN §3), atomic saves, where reviews live.
//!
//! Reading goes text → version check → typed format-1 structs (serde, with spans) → checks
//! across items → model, with every unknown field kept. Writing goes model → text by hand,
//! in the design's key order, then an atomic replace. Older formats, when a format 2
//! exists, will be migrated in memory by the version `match` in `read.rs`, with the
//! original kept as `*.bak` before the first save.

mod access;
mod atomic;
mod datetime;
mod demo;
mod diagnostics;
mod directive;
mod fingerprint;
mod format;
pub mod git;
mod host;
mod library;
pub mod locate;
pub mod lock;
mod paths;
mod read;
mod rename;
mod review_file;
mod save_error;
pub mod schema;
mod sections;
mod unknown;
mod validate;
mod write;

pub use access::ReadOnly;
pub use demo::{demo_copy, demo_copy_in, remove_abandoned_demos};
pub use fingerprint::Fingerprint;
pub use lock::{Claim, Holder, LockError, LockPolicy, LockRecord, Stale, WriterLock};
pub use rename::{dated_name, rename_review};
pub use review_file::{Access, DiskState, ReviewFile};
pub use save_error::{SaveError, SaveProblem};

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::model::Session;

/// A session read from disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub session: Session,
    /// The file was written by a newer waterline: show it, never overwrite it.
    pub read_only: bool,
    /// Notes about the file worth showing (unknown fields kept, etc.).
    pub notices: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Format { path: PathBuf, line: usize, column: usize, message: String },
}

/// Reads a session file. Never writes to it, never panics on what it contains.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes =
        std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return from_bytes_with(path, e.as_bytes(), read::read),
    };
    let text = unix_newlines(Cow::Owned(text)).into_owned();
    read::read_owned(text).map_err(|(problem, text)| problem.into_error(path, &text))
}

/// [`load`] with another reader of the text (see [`load_all_for_actions`]).
fn load_with(
    path: &Path,
    reader: fn(&str) -> Result<Loaded, diagnostics::Problem>,
) -> Result<Loaded, LoadError> {
    let bytes =
        std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    from_bytes_with(path, &bytes, reader)
}

/// Reads a session from the bytes of a file; `path` is only used in messages.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    from_bytes_with(path, bytes, read::read)
}

fn from_bytes_with(
    path: &Path,
    bytes: &[u8],
    reader: fn(&str) -> Result<Loaded, diagnostics::Problem>,
) -> Result<Loaded, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_with(path, text, reader),
        Err(e) => {
            // Point at the first byte that is not UTF-8, counted in the text before it.
            let text = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let problem = diagnostics::Problem::new(
                text.len(),
                "this file is not UTF-8 text from here on; save it as UTF-8 and open it again",
            );
            Err(problem.into_error(path, &text))
        }
    }
}

/// Reads a session from `text`; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    parse_with(path, text, read::read)
}

fn parse_with(
    path: &Path,
    text: &str,
    reader: fn(&str) -> Result<Loaded, diagnostics::Problem>,
) -> Result<Loaded, LoadError> {
    let text = unix_newlines(Cow::Borrowed(text));
    reader(&text).map_err(|problem| problem.into_error(path, &text))
}

/// A checkout with Windows line endings must not put `\r` into multi-line text. Lines and
/// columns stay the same, since only line ends change.
fn unix_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.contains("\r\n") { Cow::Owned(text.replace("\r\n", "\n")) } else { text }
}

/// The session as format-1 TOML: the design's shape and key order, the same bytes for the
/// same session, unknown fields written back after the known ones.
pub fn to_toml(session: &Session) -> String {
    write::to_toml(session)
}

/// Writes the session atomically: the old file stays whole until the new one is complete.
/// A symlinked review is written through its link (the file it points at is replaced in its
/// own folder). Refuses to replace a file its owner made read-only, a file written by a
/// newer waterline, which would lose what it added, and to write a file that would not open
/// again (an empty title, an id used twice).
///
/// This does not check for changes made since the review was loaded: an open review is
/// saved through [`ReviewFile::save`], which does.
pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    let fail = |problem| SaveError { path: path.to_path_buf(), problem };
    let target = atomic::resolve(path).map_err(|e| fail(SaveProblem::from_io(e)))?;
    let existing = match std::fs::read(&target) {
        Ok(bytes) => {
            access::check(&target).map_err(|reason| fail(SaveProblem::ReadOnly(reason)))?;
            Some(bytes)
        }
        Err(_) => None,
    };
    let text = prepare(session, existing.as_deref()).map_err(fail)?;
    atomic::write(&target, text.as_bytes()).map_err(|e| fail(SaveProblem::from_io(e)))
}

/// The text to save, unless saving must not happen: the file there now (`existing`) is from
/// a newer waterline, or the text would not load again.
fn prepare(session: &Session, existing: Option<&[u8]>) -> Result<String, SaveProblem> {
    if let Some(version) =
        existing.and_then(|bytes| std::str::from_utf8(bytes).ok()).and_then(read::declared_version)
        && version > read::CURRENT_VERSION
    {
        return Err(SaveProblem::ReadOnly(ReadOnly::NewerFormat(version)));
    }
    let mut text = to_toml(session);
    if let Some(directive) = existing
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .and_then(directive::schema_directive)
    {
        text = format!("{directive}\n{text}");
    }
    if let Err(problem) = read::read(&text) {
        return Err(SaveProblem::WouldNotOpen(problem.message));
    }
    Ok(text)
}

/// Writes bytes atomically (temp file in the same folder, fsync, rename, fsync the folder),
/// mode 0600, creating the folder with mode 0700.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    atomic::write(path, bytes)
}

/// The leading `#:schema …` line of a review's text, which editors read and saves keep.
pub fn schema_directive(text: &str) -> Option<&str> {
    directive::schema_directive(text)
}

/// Where reviews live: `WATERLINE_HOME`, else the platform data directory.
pub fn data_dir() -> Option<PathBuf> {
    paths::data_dir()
}

/// Where `config.toml` lives: `WATERLINE_HOME`, else the platform config directory.
pub fn config_dir() -> Option<PathBuf> {
    paths::config_dir()
}

/// One line of the home screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub path: PathBuf,
    pub modified: Option<std::time::SystemTime>,
    /// The review's summary, or why it could not be read.
    pub summary: Result<ListingSummary, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListingSummary {
    pub title: String,
    pub severity: String,
    pub status: crate::model::ReviewStatus,
    pub open_actions: usize,
    /// The day the incident started, on its own clock; `None` until the start is known.
    pub started: Option<chrono::NaiveDate>,
}

/// The reviews in `dir`, newest change first. A missing folder is an empty list.
pub fn list(dir: &Path) -> Vec<Listing> {
    library::list(dir)
}

/// A review file found in the data folder, before it is read.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewFileEntry {
    pub path: PathBuf,
    pub modified: Option<std::time::SystemTime>,
}

/// The review files in `dir`, in the home list's order (newest change first), unread: a
/// big folder's list can then be read a part at a time, newest first.
pub fn review_files_newest_first(dir: &Path) -> Vec<ReviewFileEntry> {
    library::newest_first(dir)
}

/// What the home list shows of each of `files`, in the order given: `list` is
/// `listings_of(&review_files_newest_first(dir))`.
pub fn listings_of(files: &[ReviewFileEntry]) -> Vec<Listing> {
    library::listings_of(files)
}

/// Every review file in `dir`, read, in file-name order: each path with its review or why
/// it could not be read. A missing folder is an empty list.
pub fn load_all(dir: &Path) -> Vec<(PathBuf, Result<Loaded, LoadError>)> {
    library::load_all(dir)
}

/// As [`load_all`], reading of each review only what `waterline actions` shows and judges:
/// the incident, the factors, the behaviours and the actions. The timeline, the whys and
/// the rest are left unread, so each session has none of them: for listing actions only,
/// never for saving. A file whose read parts have any problem, or that is not of the usual
/// shape, is read whole, so its problem is worded as opening it would word it.
pub fn load_all_for_actions(dir: &Path) -> Vec<(PathBuf, Result<Loaded, LoadError>)> {
    library::load_all_with(dir, read::read_for_actions)
}

/// A file name for a new review: `2026-03-02-payment-service-down.toml`, not yet taken in `dir`.
pub fn new_session_path(dir: &Path, title: &str, date: chrono::NaiveDate) -> PathBuf {
    library::new_session_path(dir, title, date)
}
