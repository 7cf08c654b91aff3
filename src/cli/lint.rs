//! `waterline lint`: the language checks over plain text or Markdown, for a document
//! that lives outside waterline (a wiki page, a pull request description).

use std::cell::Cell;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::{Format, report};
use crate::analysis::language::{Finding, LintContext, Severity, lint_each};

#[derive(Serialize)]
struct Output<'a, S: Serialize> {
    path: &'a str,
    findings: S,
}

/// Findings serialised as the linter makes them: a JSON array written without holding
/// every finding (and its copy of the wording) in memory.
struct Streamed<'a> {
    text: &'a str,
    ctx: LintContext<'a>,
    tally: &'a Cell<Tally>,
}

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        let mut failure = None;
        lint_each(self.text, &self.ctx, &mut |f| {
            self.tally.set(self.tally.get().add(f.severity));
            if failure.is_none()
                && let Err(e) = seq.serialize_element(&f)
            {
                failure = Some(e);
            }
        });
        match failure {
            Some(e) => Err(e),
            None => seq.end(),
        }
    }
}

/// How many findings of each severity were written.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Tally {
    fn add(mut self, severity: Severity) -> Tally {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.notes += 1,
        }
        self
    }
}

pub fn run(path: Option<&Path>, format: Format) -> anyhow::Result<ExitCode> {
    let (name, text, markdown) = match path {
        None => ("-".to_string(), read_stdin()?, false),
        Some(p) if p == Path::new("-") => ("-".to_string(), read_stdin()?, false),
        Some(p) => {
            let bytes = match std::fs::read(p) {
                Ok(bytes) => bytes,
                Err(e) => {
                    eprintln!("waterline: {}: {e}", p.display());
                    return Ok(ExitCode::from(2));
                }
            };
            let markdown = p.extension().is_some_and(|e| e == "md" || e == "markdown");
            (p.display().to_string(), into_text(bytes), markdown)
        }
    };
    let ctx = LintContext { markdown, ..LintContext::default() };
    let tally = Cell::new(Tally::default());
    match format {
        Format::Json => {
            let findings = Streamed { text: &text, ctx, tally: &tally };
            super::print_json(&Output { path: &name, findings })?;
        }
        Format::Text => {
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
            let mut line = Line::default();
            let mut block = String::new();
            let mut failure = None;
            lint_each(&text, &ctx, &mut |f| {
                tally.set(tally.get().add(f.severity));
                if failure.is_some() {
                    return;
                }
                let location = format!("{name}:{}:{}", f.line, f.column);
                let source = line.of(&text, f.start);
                let mut report = report::Report::of(&location, source, &f);
                report.text_line = f.line;
                block.clear();
                report::write(&mut block, &report);
                if let Err(e) = out.write_all(block.as_bytes()) {
                    failure = Some(e);
                }
            });
            if let Some(e) = failure {
                return Err(e.into());
            }
            out.write_all(tally.get().summary().as_bytes())?;
            out.flush()?;
        }
    }
    let failed = tally.get().errors > 0;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
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

/// One closing line: counts by severity, or that nothing was found.
pub fn summary(findings: &[Finding]) -> String {
    findings.iter().fold(Tally::default(), |t, f| t.add(f.severity)).summary()
}

impl Tally {
    fn summary(self) -> String {
        let Tally { errors: e, warnings: w, notes: i } = self;
        if e + w + i == 0 {
            "No blame, hindsight or counterfactual wording found.\n".to_string()
        } else {
            format!("{e} error(s), {w} warning(s), {i} note(s)\n")
        }
    }
}
