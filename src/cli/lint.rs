//! `waterline lint`: the language checks over plain text or Markdown, for a document
//! that lives outside waterline (a wiki page, a pull request description). Given a review's
//! own `.toml` file, it lints the review's text fields as text, each where it belongs.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::visible::{self, visible};
use super::{Format, report};
use crate::analysis::language::{Finding, LintContext, Severity, lint};
use crate::analysis::review_language::{self, FieldFinding};
use crate::model::Session;
use crate::store;

#[derive(Serialize)]
struct Output<'a> {
    path: &'a str,
    findings: &'a [Finding],
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
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if is_review(&text) {
                return review(p, &text, format);
            }
            (p.display().to_string(), text, markdown)
        }
    };
    let ctx = LintContext { markdown, ..LintContext::default() };
    let findings = lint(&text, &ctx);
    match format {
        Format::Json => {
            let json = visible::json(&Output { path: &name, findings: &findings })?;
            super::print(&format!("{json}\n"))?;
        }
        Format::Text | Format::Sarif | Format::Github => {
            let mut out = String::new();
            for f in &findings {
                let location = format!("{name}:{}:{}", f.line, f.column);
                report::write(&mut out, &report::Report::of(&location, &text, f));
            }
            out.push_str(&summary(&findings));
            super::print(&out)?;
        }
    }
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A waterline review file: TOML with the `waterline` format key at the top. Linted as a
/// review, not as one block of TOML text (where every sentence is "quoted").
fn is_review(text: &str) -> bool {
    text.parse::<toml::Table>().is_ok_and(|t| t.contains_key("waterline"))
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
    let fields = review_language::fields(session);
    let mut out = String::new();
    for f in found {
        let text = (fields.iter())
            .find(|(i, field, _)| *i == f.item && *field == f.field)
            .map_or("", |(_, _, t)| *t);
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
    let plain: Vec<Finding> = found.iter().map(|f| f.finding.clone()).collect();
    out.push_str(&summary(&plain));
    out.push_str("(The review's other checks and its gate: waterline check.)\n");
    out
}

fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// One closing line: counts by severity, or that nothing was found.
pub fn summary(findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    if findings.is_empty() {
        "No blame, hindsight or counterfactual wording found.\n".to_string()
    } else {
        format!("{e} error(s), {w} warning(s), {i} note(s)\n")
    }
}
