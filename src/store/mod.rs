//! The session file: format 1 on disk, atomic saves, where reviews live.
// PLACEHOLDER: being written.

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

pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let _ = path;
    todo!()
}

pub fn parse(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    let _ = (path, text);
    todo!()
}

pub fn to_toml(session: &Session) -> String {
    let _ = session;
    todo!()
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let _ = (path, bytes);
    todo!()
}

pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    let _ = (path, session);
    todo!()
}

/// Where reviews live: `WATERLINE_HOME`, else the platform data directory.
pub fn data_dir() -> Option<PathBuf> {
    todo!()
}

/// Where `config.toml` lives: `WATERLINE_HOME`, else the platform config directory.
pub fn config_dir() -> Option<PathBuf> {
    todo!()
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
    let _ = dir;
    todo!()
}

/// A file name for a new review: `2026-03-02-payment-service-down.toml`, not yet taken in `dir`.
pub fn new_session_path(dir: &Path, title: &str, date: chrono::NaiveDate) -> PathBuf {
    let _ = (dir, title, date);
    todo!()
}
