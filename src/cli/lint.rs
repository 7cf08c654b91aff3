//! `waterline lint`: the language checks over plain text or Markdown, for a document
//! that lives outside waterline (a wiki page, a pull request description).

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::visible::{self, visible};
use super::{Format, report};
use crate::analysis::language::{Finding, LintContext, Severity, lint};

#[derive(Serialize)]
struct Output<'a> {
    path: &'a str,
    findings: &'a [Finding],
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
            (p.display().to_string(), String::from_utf8_lossy(&bytes).into_owned(), markdown)
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
