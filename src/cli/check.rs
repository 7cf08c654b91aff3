//! `waterline check`: every check over review files — wording, the Five Whys, coverage,
//! behaviours and the review gate — for a person or for CI.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::{Format, report};
use crate::analysis::check::{Check, Severity as CheckSeverity};
use crate::analysis::language::{Finding, Severity};
use crate::analysis::overview::{Overview, overview};
use crate::analysis::readiness::Gate;
use crate::analysis::review_language;
use crate::model::behaviour::outcome_disagrees;
use crate::model::{ReviewStatus, Session};
use crate::store;

/// One finding in one review, in the shape of a lint finding plus `item` and `field`.
/// Findings about structure rather than words have no line or column. (The keys of every
/// JSON object here are declared in alphabetical order: the order `check` prints them in.)
#[derive(Debug, Serialize)]
pub struct ItemFinding {
    pub category: String,
    pub column: Option<usize>,
    pub end_column: Option<usize>,
    pub end_line: Option<usize>,
    pub field: String,
    pub item: String,
    pub line: Option<usize>,
    pub matched: String,
    pub message: String,
    pub quoted: bool,
    pub rule: String,
    pub severity: &'static str,
    pub suggestion: String,
    #[serde(skip)]
    rank: u8,
}

#[derive(Serialize)]
struct GateReport {
    criteria: Vec<CriterionReport>,
    passed: bool,
    score: [usize; 2],
}

#[derive(Serialize)]
struct CriterionReport {
    id: &'static str,
    label: &'static str,
    missing: Vec<MissingReport>,
    passed: bool,
}

#[derive(Serialize)]
struct MissingReport {
    item: String,
    message: String,
}

#[derive(Serialize)]
struct Output<'a> {
    files: &'a [FileReport],
}

#[derive(Serialize)]
struct FileReport {
    findings: Vec<ItemFinding>,
    gate: GateReport,
    path: String,
    status: &'static str,
}

fn rank(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

fn from_language(item: String, field: &str, f: Finding) -> ItemFinding {
    ItemFinding {
        item,
        field: field.to_string(),
        rule: f.rule,
        category: f.category.as_str().to_string(),
        severity: f.severity.as_str(),
        line: Some(f.line),
        column: Some(f.column),
        end_line: Some(f.end_line),
        end_column: Some(f.end_column),
        matched: f.matched,
        message: f.message,
        suggestion: f.suggestion,
        quoted: f.quoted,
        rank: rank(f.severity),
    }
}

fn from_check(category: &str, c: Check) -> ItemFinding {
    let rule = format!("{category}-{}", c.field.replace('_', "-"));
    let r = match c.severity {
        CheckSeverity::Info => 0,
        CheckSeverity::Warning => 1,
        CheckSeverity::Error => 2,
    };
    ItemFinding {
        item: c.item,
        field: c.field.to_string(),
        rule,
        category: category.to_string(),
        severity: c.severity.as_str(),
        line: None,
        column: None,
        end_line: None,
        end_column: None,
        matched: String::new(),
        message: c.message,
        suggestion: String::new(),
        quoted: false,
        rank: r,
    }
}

/// Every finding about a review, wording first, then structure, then the gate's verdict.
pub fn findings(session: &Session, overview: Overview) -> (Vec<ItemFinding>, Gate) {
    let Overview { language, whys, coverage, gate, .. } = overview;
    let mut out: Vec<ItemFinding> =
        language.into_iter().map(|f| from_language(f.item, f.field, f.finding)).collect();
    out.extend(whys.into_iter().map(|c| from_check("whys", c)));
    out.extend(coverage.into_iter().map(|c| from_check("coverage", c)));
    for b in &session.behaviours {
        if let Some(d) = outcome_disagrees(b) {
            out.push(from_check(
                "behaviour",
                Check::new("behaviour", &b.id, "outcome", CheckSeverity::Error, d.to_string()),
            ));
        }
    }
    let published =
        matches!(session.incident.status, ReviewStatus::Reviewed | ReviewStatus::Closed);
    if !gate.passed() && published && session.incident.gate_override.trim().is_empty() {
        let (done, all) = gate.score();
        out.push(from_check(
            "gate",
            Check::new(
                "incident",
                "",
                "status",
                CheckSeverity::Error,
                format!("marked {} but the gate has {done} of {all}, and no reason to publish anyway is recorded", session.incident.status.as_str()),
            ),
        ));
    }
    (out, gate)
}

fn gate_report(gate: &Gate) -> GateReport {
    let (done, all) = gate.score();
    GateReport {
        passed: gate.passed(),
        score: [done, all],
        criteria: gate
            .entries
            .iter()
            .map(|e| CriterionReport {
                id: e.criterion.id(),
                label: e.criterion.label(),
                passed: e.passed(),
                missing: e
                    .missing
                    .iter()
                    .map(|m| MissingReport { item: m.item.clone(), message: m.message.clone() })
                    .collect(),
            })
            .collect(),
    }
}

pub fn run(
    paths: &[PathBuf],
    format: Format,
    strict: bool,
    policy: &crate::analysis::policy::DuePolicy,
) -> anyhow::Result<ExitCode> {
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
        let (found, gate) = findings(session, overview(session, policy));
        let name = path.display().to_string();
        if format == Format::Text {
            text(&mut text_out, &name, session, &found, &gate);
        }
        reports.push(FileReport {
            path: name,
            status: session.incident.status.as_str(),
            findings: found,
            gate: gate_report(&gate),
        });
    }
    match format {
        Format::Json => super::print_json(&Output { files: &reports })?,
        Format::Text => super::print(&text_out)?,
    }
    if unreadable {
        return Ok(ExitCode::from(2));
    }
    let threshold = if strict { 1 } else { 2 };
    let failed = reports.iter().flat_map(|r| &r.findings).any(|f| f.rank >= threshold);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn text(out: &mut String, name: &str, session: &Session, found: &[ItemFinding], gate: &Gate) {
    let fields: HashMap<(String, &str), &str> = (review_language::fields(session).into_iter())
        .map(|(item, field, text)| ((item, field), text))
        .collect();
    for f in found {
        match (f.line, f.column) {
            (Some(line), Some(column)) => {
                let text = fields.get(&(f.item.clone(), f.field.as_str())).copied().unwrap_or("");
                let location = format!("{name}: {} {}:{line}:{column}", f.item, f.field);
                let r = report::Report {
                    location: &location,
                    severity: f.severity,
                    rule: &f.rule,
                    message: &f.message,
                    quoted: f.quoted,
                    suggestion: &f.suggestion,
                    text,
                    text_line: 1,
                    line,
                    column,
                    end_line: f.end_line.unwrap_or(line),
                    end_column: f.end_column.unwrap_or(column + 1),
                };
                report::write(out, &r);
            }
            _ => out.push_str(&format!(
                "{name}: {}: {}[{}]: {}\n\n",
                f.item, f.severity, f.rule, f.message
            )),
        }
    }
    let (done, all) = gate.score();
    let verdict = if gate.passed() { "ready to publish" } else { "not ready yet" };
    out.push_str(&format!("{name}: review gate {done} of {all} — {verdict}\n"));
    for e in gate.entries.iter().filter(|e| !e.passed()) {
        out.push_str(&format!("  ✗ {}\n", e.criterion.label()));
        for m in &e.missing {
            out.push_str(&format!("      {}: {}\n", m.item, m.message));
        }
    }
    out.push('\n');
}
