//! Publishing a review: Markdown (with Mermaid diagrams), one self-contained HTML page (with
//! waterline's own SVG diagrams), or JSON with every analysis result — optionally with
//! names replaced by roles. Output is a pure function of the review and the options: the
//! same review gives the same bytes.
//!
//! What is never published, in any format: private notes, wrong turns of the Five Whys as
//! statements, fields this version does not know. Behaviours are counts unless asked for;
//! dismissed wording findings only when asked for.

mod build;
pub mod content;
pub mod escape;
mod html;
mod json;
mod markdown;
mod mermaid;
pub mod redact;
mod svg;
pub mod words;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use redact::{ExtraName, Redactor};

use crate::analysis::policy::DuePolicy;
use crate::model::Session;

/// The version of the JSON export's shape; raised only when something is taken away.
pub const JSON_VERSION: u32 = 1;

/// The program's version, as reports name it.
pub const GENERATOR: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Self::Markdown, Self::Html, Self::Json];

    /// The file extension of a report in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Json => "json",
        }
    }
}

/// What goes into a report beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Replace every person's name with their role.
    pub redact: bool,
    /// Names to hide that the review does not list (from `--redact-names` or config).
    pub extra_names: Vec<ExtraName>,
    /// The acts themselves, not only the counts by outcome.
    pub include_behaviours: bool,
    /// Wording findings kept on purpose, with their reasons.
    pub include_dismissed: bool,
    /// The severity policy the Realistic check uses.
    pub policy: DuePolicy,
}

/// A finished report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub text: String,
    /// With redaction: each person's label and how many mentions were replaced.
    pub redactions: Option<Vec<(String, usize)>>,
}

/// The report for `session`. `review_name` is the review's file name (`review.toml`): it
/// marks the report as an export of that review, so a later export may replace it.
pub fn render(session: &Session, review_name: &str, format: Format, options: &Options) -> Report {
    let redactor = options.redact.then(|| Redactor::new(session, &options.extra_names));
    let with_findings = format == Format::Json;
    let (content, counts) =
        build::build(session, marker(review_name), options, redactor.as_ref(), with_findings);
    let text = match format {
        Format::Markdown => markdown::render(&content),
        Format::Html => html::render(&content),
        Format::Json => json::render(&content, options),
    };
    let redactions = redactor
        .map(|r| r.people().iter().map(|p| p.label.clone()).zip(counts).collect::<Vec<_>>());
    Report { text, redactions }
}

/// The token every export of the review named `review_name` carries: `waterline-export:`
/// and a hash of the name, so the file name itself is not published.
pub fn marker(review_name: &str) -> String {
    // FNV-1a: small, stable across versions and platforms, no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in review_name.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("waterline-export:{hash:016x}")
}

/// Where the console writes a review's report: beside it, named after it.
pub fn path_beside(review: &Path, format: Format) -> PathBuf {
    review.with_extension(format.extension())
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "{0} is already there and is not an earlier export of this review; move it, or export under another name"
    )]
    NotAnExport(PathBuf),
    #[error("{0} is the review itself; a report needs a file of its own")]
    SameAsReview(PathBuf),
    #[error("could not write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// Whether a file may be replaced without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Only a missing file or an earlier export of the same review.
    OwnExportOnly,
    /// Anything: the person was asked and said yes.
    Confirmed,
}

/// Whether `file` is an export of the review named `review_name` (it carries its marker
/// near the top). A missing or unreadable file is not.
pub fn is_own_export(file: &Path, review_name: &str) -> bool {
    let Ok(f) = std::fs::File::open(file) else { return false };
    let mut head = Vec::new();
    // The marker is in the first lines of every format.
    if f.take(4096).read_to_end(&mut head).is_err() {
        return false;
    }
    String::from_utf8_lossy(&head).contains(&marker(review_name))
}

/// Writes the report of the review at `review` beside it (`review.md` for `review.toml`),
/// atomically, and returns where. Refuses to replace a file that is not an earlier export
/// of this review unless `replace` is [`Replace::Confirmed`].
pub fn write_beside(
    review: &Path,
    session: &Session,
    format: Format,
    options: &Options,
    replace: Replace,
) -> Result<(PathBuf, Report), ExportError> {
    let path = path_beside(review, format);
    if path == review {
        return Err(ExportError::SameAsReview(path));
    }
    let name = review_name(review);
    if replace == Replace::OwnExportOnly && path.exists() && !is_own_export(&path, &name) {
        return Err(ExportError::NotAnExport(path));
    }
    let report = render(session, &name, format, options);
    crate::store::write_atomic(&path, report.text.as_bytes())
        .map_err(|source| ExportError::Io { path: path.clone(), source })?;
    Ok((path, report))
}

/// The file name a report's marker is made from.
pub fn review_name(review: &Path) -> String {
    review.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
