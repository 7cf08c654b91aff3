//! The session file: format 1 on disk (DESIGN §3), atomic saves, where reviews live.
//!
//! Reading goes text → version check → typed format-1 structs (serde, with spans) → checks
//! across items → model, with every unknown field kept. Writing goes model → text by hand,
//! in the design's key order, then an atomic replace. Older formats, when a format 2
//! exists, will be migrated in memory by the version `match` in `read.rs`, with the
//! original kept as `*.bak` before the first save.

mod atomic;
mod datetime;
mod diagnostics;
mod format;
mod library;
mod paths;
mod read;
mod sections;
mod unknown;
mod validate;
mod write;

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

#[derive(Debug, thiserror::Error)]
#[error("could not save {path}: {source}")]
pub struct SaveError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Reads a session file. Never writes to it, never panics on what it contains.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes =
        std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    match std::str::from_utf8(&bytes) {
        Ok(text) => parse(path, text),
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
    // A checkout with Windows line endings must not put `\r` into multi-line text. Lines
    // and columns stay the same, since only line ends change.
    let text = if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    read::read(&text).map_err(|problem| problem.into_error(path, &text))
}

/// The session as format-1 TOML: the design's shape and key order, the same bytes for the
/// same session, unknown fields written back after the known ones.
pub fn to_toml(session: &Session) -> String {
    write::to_toml(session)
}

/// Writes the session atomically: the old file stays whole until the new one is complete.
/// Refuses to replace a file written by a newer waterline, which would lose what it added,
/// and to write a file that would not open again (an empty title, an id used twice).
pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    let fail = |source| SaveError { path: path.to_path_buf(), source };
    if let Ok(existing) = std::fs::read_to_string(path)
        && let Some(version) = read::declared_version(&existing)
        && version > read::CURRENT_VERSION
    {
        return Err(fail(std::io::Error::other(format!(
            "it was written by a newer waterline (format {version}); save under another name"
        ))));
    }
    let text = to_toml(session);
    if let Err(problem) = read::read(&text) {
        return Err(fail(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("the review would not open again: {}", problem.message),
        )));
    }
    atomic::write(path, text.as_bytes()).map_err(fail)
}

/// Writes bytes atomically (temp file in the same folder, fsync, rename, fsync the folder),
/// mode 0600, creating the folder with mode 0700.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    atomic::write(path, bytes)
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
}

/// The reviews in `dir`, newest change first. A missing folder is an empty list.
pub fn list(dir: &Path) -> Vec<Listing> {
    library::list(dir)
}

/// Every review file in `dir`, read, in file-name order: each path with its review or why
/// it could not be read. A missing folder is an empty list.
pub fn load_all(dir: &Path) -> Vec<(PathBuf, Result<Loaded, LoadError>)> {
    library::load_all(dir)
}

/// A file name for a new review: `2026-03-02-payment-service-down.toml`, not yet taken in `dir`.
pub fn new_session_path(dir: &Path, title: &str, date: chrono::NaiveDate) -> PathBuf {
    library::new_session_path(dir, title, date)
}
