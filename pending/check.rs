//! `waterline check`: every check over review files, for a person or for CI.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::{Format, report};
use crate::analysis::language::{Finding, Severity};
use crate::analysis::review_language::{self, FieldFinding};
use crate::store;

#[derive(Serialize)]
struct FileReport {
    path: String,
    findings: Vec<ItemFinding>,
}

#[derive(Serialize)]
struct ItemFinding {
    item: String,
    field: &'static str,
    #[serde(flatten)]
    finding: Finding,
}

pub fn run(paths: &[PathBuf], format: Format, strict: bool) -> anyhow::Result<ExitCode> {
    let mut reports = Vec::new();
    let mut unreadable = false;
    let mut text_out = String::new();
    for path in paths {
        let loaded = match store::load(path) {
            Ok(loaded) => loaded,
            Err(e) => {
                eprintln!("{e}");
                unreadable = true;
                continue;
            }
        };
        let session = &loaded.session;
        let findings = review_language::review(session);
        let name = path.display().to_string();
        if format == Format::Text {
            let fields = review_language::fields(session);
            for FieldFinding { item, field, finding } in &findings {
                let text = fields
                    .iter()
                    .find(|(i, f, _)| i == item && f == field)
                    .map_or("", |(_, _, t)| *t);
                let location = format!("{name}: {item} {field}:{}:{}", finding.line, finding.column);
                report::finding(&mut text_out, &location, text, finding);
            }
        }
        reports.push(FileReport {
            path: name,
            findings: findings
                .into_iter()
                .map(|f| ItemFinding { item: f.item, field: f.field, finding: f.finding })
                .collect(),
        });
    }
    let all: Vec<&Finding> = reports.iter().flat_map(|r| r.findings.iter().map(|f| &f.finding)).collect();
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&serde_json::json!({ "files": reports }))?),
        Format::Text => {
            let owned: Vec<Finding> = all.iter().map(|f| (*f).clone()).collect();
            text_out.push_str(&super::lint::summary(&owned));
            print!("{text_out}");
        }
    }
    if unreadable {
        return Ok(ExitCode::from(2));
    }
    let threshold = if strict { Severity::Warning } else { Severity::Error };
    let failed = all.iter().any(|f| f.severity >= threshold);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
