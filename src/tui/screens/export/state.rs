//! What publishing keeps between asking and writing: the report chosen, and how a write
//! ended.

use std::path::PathBuf;

use crate::export::Format;

/// A report asked for: its format and whether names become roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chosen {
    pub format: Format,
    pub redact: bool,
}

/// The question shown when the report's file is there and is not an earlier report of this
/// review: writing waits for yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceQuestion {
    pub path: PathBuf,
    pub chosen: Chosen,
}

/// How writing a report ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Written at `path`; with redaction, how many mentions of names were replaced.
    Done { path: PathBuf, replaced: Option<usize> },
    /// The file there is not an earlier report of this review: ask first.
    NotAnExport(PathBuf),
    /// Could not be written (a full disk, a read-only folder…), said in words.
    Failed(String),
}

/// A format as the console's choice shows it.
pub fn label(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown — for a wiki, GitHub or GitLab",
        Format::Html => "HTML — one page that opens offline, prints to PDF",
        Format::Json => "JSON — the review and every check, for other tools",
    }
}
