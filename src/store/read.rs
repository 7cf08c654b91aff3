//! Reading a session file: the `waterline` version picks the reader. Format 1 is the first;
//! a file from a newer waterline is read as far as format 1 allows and opened read-only.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Loaded;
use super::diagnostics::{Problem, line_column};
use super::format::FileV1;
use super::unknown::Unknown;
use super::validate;
use crate::model::Session;

/// The format this version reads and writes.
pub(super) const CURRENT_VERSION: i64 = 1;

const VERSION_EXAMPLE: &str = "waterline = 1";

pub(super) fn read(text: &str) -> Result<Loaded, Problem> {
    // A file of the usual shape is read piece by piece, in parallel; anything else, and
    // any file with a problem, is read whole, which also words the problem.
    if let Some(loaded) = super::sections::read(text) {
        return Ok(loaded);
    }
    read_whole(text)
}

/// As [`read`], owning the text: a file of the usual shape lets go of it before its model
/// is built, so a big review does not hold its text and its model at once. A problem comes
/// back with the text, which words it.
pub(super) fn read_owned(text: String) -> Result<Loaded, (Problem, String)> {
    if let Some(typed) = super::sections::read_typed(&text, &[]) {
        drop(text);
        return Ok(typed.into_loaded());
    }
    read_whole(&text).map_err(|problem| (problem, text))
}

/// What `waterline actions` needs of a file (see [`super::load_all_for_actions`]); the
/// whole file when the parts cannot be trusted alone, which also words any problem.
pub(super) fn read_for_actions(text: &str) -> Result<Loaded, Problem> {
    if let Some(loaded) = super::sections::read_parts(text, super::sections::NOT_FOR_ACTIONS) {
        return Ok(loaded);
    }
    read_whole(text)
}

pub(super) fn read_whole(text: &str) -> Result<Loaded, Problem> {
    // The text is parsed once; the version, the typed format and the unknown fields are
    // all read from that one tree. A syntax error is reported as such, before any question
    // of versions or shapes.
    let root = DeTable::parse(text).map_err(|e| Problem::syntax(&e, text))?;
    let (version, version_span) = version(root.get_ref().get("waterline"))?;
    match version {
        CURRENT_VERSION => {
            let (session, notices) = read_v1(root, text)?;
            Ok(Loaded { session, read_only: false, notices })
        }
        // A later format gets its own arm here. Older formats, if there ever are any, are
        // read by their own reader and migrated in memory; the caller keeps the original
        // file as `*.bak` before the first save over it.
        newer => match read_v1(root, text) {
            Ok((session, mut notices)) => {
                notices.insert(
                    0,
                    format!("written by a newer waterline (format {newer}); opened read-only"),
                );
                Ok(Loaded { session, read_only: true, notices })
            }
            Err(problem) => {
                let (line, column) = line_column(text, problem.offset);
                Err(Problem::new(
                    version_span.start,
                    format!(
                        "this file was written by a newer waterline (format {newer}) and this \
                         version cannot read it; update waterline to open it (line {line}, \
                         column {column}: {})",
                        problem.message
                    ),
                ))
            }
        },
    }
}

/// The version a file declares, if it is readable at all: lets a save refuse to replace a
/// newer file. Reads the lines before the first table, where `waterline = N` lives, and
/// the whole text only when those do not parse on their own.
pub(super) fn declared_version(text: &str) -> Option<i64> {
    let head_end = text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| text[i..].trim_start_matches([' ', '\t']).starts_with('['))
        .unwrap_or(text.len());
    let declared = |root: &DeTable| {
        let value = root.get("waterline")?;
        integer(value.get_ref())
    };
    match DeTable::parse(&text[..head_end]) {
        Ok(head) => declared(head.get_ref()),
        Err(_) => declared(DeTable::parse(text).ok()?.get_ref()),
    }
}

fn integer(value: &DeValue) -> Option<i64> {
    let n = value.as_integer()?;
    i64::from_str_radix(n.as_str(), n.radix()).ok()
}

/// The declared version, known to be one this reader can try (1 or later).
fn version(declared: Option<&Spanned<DeValue>>) -> Result<(i64, std::ops::Range<usize>), Problem> {
    let Some(declared) = declared else {
        return Err(Problem::new(
            0,
            format!(
                "this file does not say which format it uses; add `{VERSION_EXAMPLE}` as its first line"
            ),
        ));
    };
    let span = declared.span();
    match integer(declared.get_ref()) {
        Some(n) if n >= CURRENT_VERSION => Ok((n, span)),
        Some(n) => Err(Problem::at(
            span,
            format!("there is no format {n}; the first format is 1, so write `{VERSION_EXAMPLE}`"),
        )),
        None => Err(Problem::at(
            span,
            format!("`waterline` is the format version, a whole number; write `{VERSION_EXAMPLE}`"),
        )),
    }
}

/// The format-1 reader: shapes (serde), then the checks across items, then the model with
/// every unknown field kept.
fn read_v1(root: Spanned<DeTable>, text: &str) -> Result<(Session, Vec<String>), Problem> {
    // Unknown fields are taken from the tree before serde consumes it.
    let mut unknown = Unknown::new(root.get_ref());
    let file = FileV1::deserialize(toml::de::Deserializer::from(root))
        .map_err(|e| Problem::shape(&e, text))?;
    validate::check(&file, text)?;
    let session = file.into_session(&mut unknown);
    Ok((session, unknown.notices()))
}
