//! Findings as annotations on a file's lines, the shape code-scanning (SARIF) and CI
//! annotations (GitHub workflow commands) both need: `lint` and `check` findings located
//! in the file, review findings through their item and field.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Format;
use super::check::{ItemFinding, findings};
use crate::analysis::language::{Finding, LintContext, lint};
use crate::analysis::overview::overview;
use crate::analysis::policy::DuePolicy;
use crate::store::{self, LoadError, locate};

/// One finding at one place of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// The file as named on the command line; `None` for standard input.
    pub path: Option<String>,
    pub region: Option<locate::Region>,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    pub rule: String,
    pub category: String,
    pub message: String,
    /// The reframing question, when there is one.
    pub suggestion: String,
    /// `event:e3` and `text`, for a finding in a review.
    pub item: Option<(String, String)>,
}

/// Lint findings of one document as annotations.
pub fn from_lint(path: Option<&str>, found: &[Finding]) -> Vec<Annotation> {
    (found.iter())
        .map(|f| Annotation {
            path: path.map(str::to_string),
            region: Some(locate::Region {
                line: f.line,
                column: f.column,
                end_line: f.end_line,
                end_column: f.end_column,
            }),
            severity: f.severity.as_str(),
            rule: f.rule.clone(),
            category: f.category.as_str().to_string(),
            message: f.message.clone(),
            suggestion: f.suggestion.clone(),
            item: None,
        })
        .collect()
}

/// Where a check finding sits in its review's text: its words inside the field when it has
/// a position, else the field's line. Shared by the CI formats and the language server.
pub fn region_of(locator: &locate::Locator, f: &ItemFinding) -> Option<locate::Region> {
    match (f.line, f.column) {
        (Some(line), Some(column)) => {
            let inner = locate::Region {
                line,
                column,
                end_line: f.end_line.unwrap_or(line),
                end_column: f.end_column.unwrap_or(column + 1),
            };
            locator.in_field(&f.item, &f.field, inner)
        }
        _ => locator.field(&f.item, &f.field),
    }
}

/// Check findings of one review as annotations, each on the line of its field.
pub fn from_check(path: &str, text: &str, found: &[ItemFinding]) -> Vec<Annotation> {
    let locator = locate::Locator::new(text);
    (found.iter())
        .map(|f| {
            let region = region_of(&locator, f);
            Annotation {
                path: Some(path.to_string()),
                region,
                severity: f.severity,
                rule: f.rule.clone(),
                category: f.category.clone(),
                message: f.message.clone(),
                suggestion: f.suggestion.clone(),
                item: Some((f.item.clone(), f.field.clone())),
            }
        })
        .collect()
}

/// A review that could not be read, as an annotation where the problem is.
pub fn from_load_error(path: &str, e: &LoadError) -> Annotation {
    let region = match e {
        LoadError::Format { line, column, .. } => Some(locate::Region {
            line: *line,
            column: *column,
            end_line: *line,
            end_column: column + 1,
        }),
        LoadError::Io { .. } => None,
    };
    let message = match e {
        LoadError::Format { message, .. } => message.clone(),
        LoadError::Io { source, .. } => source.to_string(),
    };
    Annotation {
        path: Some(path.to_string()),
        region,
        severity: "error",
        rule: "unreadable".into(),
        category: "format".into(),
        message,
        suggestion: String::new(),
        item: None,
    }
}

/// `waterline lint --format sarif|github` over one or more documents (none: standard input).
pub fn lint_files(paths: &[PathBuf], format: Format) -> anyhow::Result<ExitCode> {
    let mut all = Vec::new();
    let mut unreadable = false;
    let stdin = [PathBuf::from("-")];
    for path in if paths.is_empty() { &stdin[..] } else { paths } {
        let (name, text, markdown) = if path == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)?;
            (None, String::from_utf8_lossy(&bytes).into_owned(), false)
        } else {
            match std::fs::read(path) {
                Ok(bytes) => {
                    let markdown = path.extension().is_some_and(|e| e == "md" || e == "markdown");
                    (
                        Some(path.display().to_string()),
                        String::from_utf8_lossy(&bytes).into_owned(),
                        markdown,
                    )
                }
                Err(e) => {
                    eprintln!("waterline: {}: {e}", path.display());
                    unreadable = true;
                    continue;
                }
            }
        };
        let ctx = LintContext { markdown, ..LintContext::default() };
        all.extend(from_lint(name.as_deref(), &lint(&text, &ctx)));
    }
    finish(&all, format, false, unreadable)
}

/// `waterline check --format sarif|github`: every check, each finding on its field's line.
pub fn check_files(
    paths: &[PathBuf],
    format: Format,
    strict: bool,
    policy: &DuePolicy,
) -> anyhow::Result<ExitCode> {
    let mut all = Vec::new();
    let mut unreadable = false;
    for path in paths {
        let name = path.display().to_string();
        let loaded = std::fs::read_to_string(path)
            .map_err(|source| LoadError::Io { path: path.clone(), source })
            .and_then(|text| store::parse(path, &text).map(|l| (text, l)));
        match loaded {
            Ok((text, loaded)) => {
                let (found, _) = findings(&loaded.session, overview(&loaded.session, policy));
                all.extend(from_check(&name, &text, &found));
            }
            Err(e) => {
                eprintln!("{e}");
                unreadable = true;
                all.push(from_load_error(&name, &e));
            }
        }
    }
    finish(&all, format, strict, unreadable)
}

fn finish(
    all: &[Annotation],
    format: Format,
    strict: bool,
    unreadable: bool,
) -> anyhow::Result<ExitCode> {
    let out = match format {
        Format::Sarif => format!("{}\n", super::visible::json(&super::sarif::log(all))?),
        _ => super::github::commands(all),
    };
    super::print(&out)?;
    if unreadable {
        return Ok(ExitCode::from(2));
    }
    let failing = |a: &&Annotation| a.severity == "error" || strict && a.severity == "warning";
    Ok(if all.iter().any(|a| failing(&a)) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
