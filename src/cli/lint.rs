//! `waterline lint`: the language checks over plain text or Markdown, for a document
//! that lives outside waterline (a wiki page, a pull request description). Given a review's
//! own `.toml` file, it lints the review's text fields as text, each where it belongs.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::json_elements::{self, Elements};
use super::lint_json;
use super::visible::{self, visible};
use super::{Format, report};
use crate::analysis::language::{Finding, LintContext, Severity, lint_in_pieces};
use crate::analysis::review_language::{self, FieldFinding};
use crate::model::{ItemRef, Session};
use crate::store;

/// One piece of the text's findings, made on a worker thread: as JSON array elements, or
/// as the text report, and how many of each severity.
#[derive(Default)]
struct Piece<W> {
    written: W,
    tally: Tally,
}

/// The text report of a piece, and the line of its last finding (findings share lines).
#[derive(Default)]
struct TextPiece {
    report: String,
    line: Line,
}

/// `findings` in the JSON output: an array inside the top-level object.
const FINDINGS_DEPTH: usize = 1;

/// A piece's findings as elements of the `findings` array.
#[derive(Default)]
struct JsonPiece(Elements);

/// How many findings of each severity were written.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Tally {
    fn sum(self, other: Tally) -> Tally {
        Tally {
            errors: self.errors + other.errors,
            warnings: self.warnings + other.warnings,
            notes: self.notes + other.notes,
        }
    }

    fn add(mut self, severity: Severity) -> Tally {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.notes += 1,
        }
        self
    }
}

/// A finding in a review file: where it is (item and field) and the finding.
#[derive(Serialize)]
struct InReview<'a> {
    item: String,
    field: &'a str,
    reframed: bool,
    #[serde(flatten)]
    finding: &'a Finding,
}

#[derive(Serialize)]
struct ReviewOutput<'a> {
    path: &'a str,
    findings: Vec<InReview<'a>>,
}

pub fn run(path: Option<&Path>, format: Format) -> anyhow::Result<ExitCode> {
    if matches!(format, Format::Sarif | Format::Github) {
        let paths: Vec<_> = path.map(Path::to_path_buf).into_iter().collect();
        return super::annotation::lint_files(&paths, format);
    }
    let (name, text, markdown) = match path {
        None => ("-".to_string(), read_stdin()?, false),
        Some(p) if p == Path::new("-") => ("-".to_string(), read_stdin()?, false),
        Some(p) => {
            let bytes = match std::fs::read(p) {
                Ok(bytes) => bytes,
                Err(e) => {
                    let shown = format!("{}: {e}", p.display());
                    eprintln!("waterline: {}", visible(&shown));
                    return Ok(ExitCode::from(2));
                }
            };
            let markdown = p.extension().is_some_and(|e| e == "md" || e == "markdown");
            let text = into_text(bytes);
            if is_review(&text) {
                return review(p, &text, format);
            }
            (p.display().to_string(), text, markdown)
        }
    };
    let ctx = LintContext { markdown, ..LintContext::default() };
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let mut tally = Tally::default();
    // A long text is linted on every core, a piece at a time; each piece is written out
    // in the text's order as soon as it and those before it are done.
    match format {
        Format::Json => {
            let mut head = Vec::new();
            let path = serde_json::to_string(&name)?;
            head.extend_from_slice(
                format!("{{\n  \"path\": {path},\n  \"findings\": [").as_bytes(),
            );
            visible::escape_json_from(&mut head, 0);
            out.write_all(&head)?;
            let mut any = false;
            let add = |piece: &mut Piece<JsonPiece>, f: Finding| {
                piece.tally = piece.tally.add(f.severity);
                piece.written.0.push_written(|out| lint_json::push(out, &f));
            };
            lint_in_pieces(&text, &ctx, &add, &mut |piece: Piece<JsonPiece>| {
                tally = tally.sum(piece.tally);
                let elements = &piece.written.0;
                if elements.is_empty() {
                    return Ok(());
                }
                out.write_all(elements.text(!any))?;
                any = true;
                Ok::<(), std::io::Error>(())
            })?;
            out.write_all(&json_elements::close(FINDINGS_DEPTH, any))?;
            out.write_all(b"\n}\n")?;
        }
        Format::Text | Format::Sarif | Format::Github => {
            let add = |piece: &mut Piece<TextPiece>, f: Finding| {
                piece.tally = piece.tally.add(f.severity);
                let location = format!("{name}:{}:{}", f.line, f.column);
                let source = piece.written.line.of(&text, f.start);
                let mut report = report::Report::of(&location, source, &f);
                report.text_line = f.line;
                report::write(&mut piece.written.report, &report);
            };
            lint_in_pieces(&text, &ctx, &add, &mut |piece: Piece<TextPiece>| {
                tally = tally.sum(piece.tally);
                out.write_all(piece.written.report.as_bytes())
            })?;
            out.write_all(tally.summary().as_bytes())?;
        }
    }
    out.flush()?;
    let failed = tally.errors > 0;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A waterline review file: TOML with the `waterline` format key at the top. Linted as a
/// review, not as one block of TOML text (where every sentence is "quoted").
fn is_review(text: &str) -> bool {
    // Parsing megabytes of prose as TOML (the parser reads it all before its first error)
    // cost more than linting it: only text with a line that starts with the key is parsed.
    names_the_format_key(text)
        && text.parse::<toml::Table>().is_ok_and(|t| t.contains_key("waterline"))
}

/// Whether a line starts (after blanks, maybe a quote) with `waterline`, as the top-level
/// key `waterline = 1` (or `"waterline"`, or a dotted `waterline.x`) must.
fn names_the_format_key(text: &str) -> bool {
    let b = text.strip_prefix('\u{FEFF}').unwrap_or(text).as_bytes();
    memchr::memmem::find_iter(b, b"waterline").any(|at| {
        let head = &b[..at];
        let head = head.strip_suffix(b"\"").or_else(|| head.strip_suffix(b"'")).unwrap_or(head);
        let key_at =
            head.len() - head.iter().rev().take_while(|&&c| matches!(c, b' ' | b'\t')).count();
        key_at == 0 || matches!(b[key_at - 1], b'\n' | b'\r')
    })
}

/// Lints each text field of the review at `path`, with the review's names and mode.
fn review(path: &Path, text: &str, format: Format) -> anyhow::Result<ExitCode> {
    let name = path.display().to_string();
    let session = match store::parse(path, text) {
        Ok(loaded) => loaded.session,
        Err(e) => {
            eprintln!("{}", visible(&e.to_string()));
            return Ok(ExitCode::from(2));
        }
    };
    let found = review_language::review(&session);
    match format {
        Format::Json => {
            let findings = found
                .iter()
                .map(|f| InReview {
                    item: f.item.to_string(),
                    field: f.field,
                    reframed: f.reframed_by.is_some(),
                    finding: &f.finding,
                })
                .collect();
            let json = visible::json(&ReviewOutput { path: &name, findings })?;
            super::print(&format!("{json}\n"))?;
        }
        Format::Text | Format::Sarif | Format::Github => {
            super::print(&review_text(&name, &session, &found))?;
        }
    }
    let failed = found.iter().any(|f| f.finding.severity == Severity::Error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn review_text(name: &str, session: &Session, found: &[FieldFinding]) -> String {
    let fields: HashMap<(ItemRef, &str), &str> = (review_language::fields(session).into_iter())
        .map(|(item, field, text)| ((item, field), text))
        .collect();
    let mut out = String::new();
    for f in found {
        let text = fields.get(&(f.item.clone(), f.field)).copied().unwrap_or("");
        let (line, column) = (f.finding.line, f.finding.column);
        let reframed = f.reframed_by.as_ref().map(|by| format!(" (reframed by {by})"));
        let location = format!(
            "{name}: {} {}:{line}:{column}{}",
            f.item,
            f.field,
            reframed.unwrap_or_default()
        );
        report::write(&mut out, &report::Report::of(&location, text, &f.finding));
    }
    let tally = found.iter().fold(Tally::default(), |t, f| t.add(f.finding.severity));
    out.push_str(&tally.summary());
    out.push_str("(The review's other checks and its gate: waterline check.)\n");
    out
}

/// The line around a byte offset, remembered, since findings come in order and many share
/// a line: the text is never scanned from its start again.
#[derive(Default)]
struct Line {
    start: usize,
    end: usize,
}

impl Line {
    fn of<'t>(&mut self, text: &'t str, at: usize) -> &'t str {
        let at = at.min(text.len());
        if !(self.start <= at && at <= self.end && self.end > 0) {
            let b = text.as_bytes();
            self.start = b[..at].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
            self.end = b[at..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| at + i);
        }
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The bytes as text, copied only when they are not UTF-8 already.
fn into_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    Ok(into_text(bytes))
}

impl Tally {
    /// One closing line: counts by severity, or that nothing was found.
    fn summary(self) -> String {
        let Tally { errors: e, warnings: w, notes: i } = self;
        if e + w + i == 0 {
            "No blame, hindsight or counterfactual wording found.\n".to_string()
        } else {
            format!("{e} error(s), {w} warning(s), {i} note(s)\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_is_told_from_prose_without_parsing_the_prose() {
        for review in [
            "waterline = 1\n[incident]\ntitle = \"x\"\n",
            "\u{FEFF}waterline = 1\n",
            "# a comment\r\n  \"waterline\" = 1\r\n",
            "title = 'x'\n'waterline' = 1\n",
            "\twaterline.version = 1\n",
        ] {
            assert!(names_the_format_key(review), "{review:?}");
        }
        for prose in [
            "",
            "The waterline rose.\n",
            "Notes on\nthe waterline = 1 setting",
            "x = \"waterline\"\n",
        ] {
            assert!(!names_the_format_key(prose), "{prose:?}");
            assert!(!is_review(prose), "{prose:?}");
        }
        assert!(is_review("# review\nwaterline = 1\n"));
        assert!(!is_review("waterline: 1\n"));
    }
}
