//! `waterline check`: every check over review files — wording, the Five Whys, coverage,
//! behaviours and the review gate — for a person or for CI.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::visible::visible;
use super::{Format, report, visible};
use crate::analysis::actions::{Checks, Context, check, known_names};
use crate::analysis::check::{Check, Severity as CheckSeverity};
use crate::analysis::language::{Finding, Severity};
use crate::analysis::policy::DuePolicy;
use crate::analysis::readiness::{self, Gate};
use crate::analysis::review_language;
use crate::analysis::strength::{Strength, strength};
use crate::analysis::{consistency, coverage, whys};
use crate::model::{ActionStatus, ItemRef, Session};
use crate::store;

/// One finding in one review, in the shape of a lint finding plus `item` and `field`.
/// Findings about structure rather than words have no line or column.
#[derive(Debug, Serialize)]
pub struct ItemFinding {
    pub item: String,
    pub field: String,
    pub rule: String,
    pub category: String,
    pub severity: &'static str,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub matched: String,
    pub message: String,
    pub suggestion: String,
    pub quoted: bool,
    /// A wrong turn, or its wording, that an answer has reframed: kept at info.
    pub reframed: bool,
    #[serde(skip)]
    rank: u8,
}

/// One action and its five checks, in the shape `waterline actions` uses.
#[derive(Debug, Serialize)]
pub struct ActionReport {
    pub item: String,
    pub id: String,
    pub text: String,
    pub status: ActionStatus,
    pub strength: Strength,
    pub criteria: Checks,
}

#[derive(Serialize)]
struct GateReport {
    passed: bool,
    score: [usize; 2],
    criteria: Vec<CriterionReport>,
}

#[derive(Serialize)]
struct CriterionReport {
    id: &'static str,
    label: &'static str,
    passed: bool,
    missing: Vec<MissingReport>,
}

#[derive(Serialize)]
struct MissingReport {
    item: String,
    message: String,
}

/// One entry of `files`: a file checked, or one that could not be read and why.
#[derive(Serialize)]
#[serde(untagged)]
enum FileEntry {
    Checked(FileReport),
    Unreadable { path: String, status: &'static str, error: String, findings: [(); 0] },
}

#[derive(Serialize)]
struct FileReport {
    path: String,
    status: &'static str,
    findings: Vec<ItemFinding>,
    actions: Vec<ActionReport>,
    gate: GateReport,
}

fn rank(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

fn from_language(item: String, field: &str, f: Finding, reframed: bool) -> ItemFinding {
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
        reframed,
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
        item: c.item.to_string(),
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
        reframed: c.reframed,
        rank: r,
    }
}

/// Every finding about a review, wording first, then structure, then what a hand-edited
/// file can hold that the console refuses, then the gate's verdict.
pub fn findings(session: &Session, gate: &Gate) -> Vec<ItemFinding> {
    let mut out: Vec<ItemFinding> = review_language::review(session)
        .into_iter()
        .map(|f| from_language(f.item.to_string(), f.field, f.finding, f.reframed_by.is_some()))
        .collect();
    out.extend(whys::checks(session).into_iter().map(|c| from_check("whys", c)));
    out.extend(whys::reframed(session).into_iter().map(|c| from_check("whys", c)));
    out.extend(coverage::check(session).into_iter().map(|c| from_check("coverage", c)));
    out.extend(
        crate::analysis::conflicts::checks(session).into_iter().map(|c| from_check("merge", c)),
    );
    for c in consistency::check(session) {
        let category = c.item.kind.as_str();
        out.push(from_check(category, c));
    }
    if let Some(message) = readiness::published_but_broken(session, gate) {
        let check = Check::new(ItemRef::incident(), "status", CheckSeverity::Error, message);
        let mut finding = from_check("gate", check);
        // Written `incident:` since the first release: the JSON output is a public interface.
        finding.item = "incident:".into();
        out.push(finding);
    }
    out
}

/// Each action with its five checks and its strength, judged from the day of the review.
pub fn actions(session: &Session, policy: &DuePolicy) -> Vec<ActionReport> {
    let names = known_names(session);
    let ctx = Context::stored(session, policy, &names);
    session
        .actions
        .iter()
        .map(|a| ActionReport {
            item: ItemRef::action(&a.id).to_string(),
            id: a.id.clone(),
            text: a.text.clone(),
            status: a.status,
            strength: strength(&a.text),
            criteria: check(a, &ctx),
        })
        .collect()
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
                    .map(|m| MissingReport { item: m.item.to_string(), message: m.message.clone() })
                    .collect(),
            })
            .collect(),
    }
}

pub fn run(
    paths: &[PathBuf],
    format: Format,
    strict: bool,
    policy: &DuePolicy,
) -> anyhow::Result<ExitCode> {
    if matches!(format, Format::Sarif | Format::Github) {
        return super::annotation::check_files(paths, format, strict, policy);
    }
    let mut reports = Vec::new();
    let mut unreadable = false;
    let mut text_out = String::new();
    for path in paths {
        let loaded = match store::load(path) {
            Ok(loaded) => loaded,
            Err(e) => {
                eprintln!("{}", visible(&e.to_string()));
                unreadable = true;
                let (path, error) = (path.display().to_string(), e.to_string());
                reports.push(FileEntry::Unreadable {
                    path,
                    status: "unreadable",
                    error,
                    findings: [],
                });
                continue;
            }
        };
        let session = &loaded.session;
        let gate = readiness::gate(session, policy);
        let found = findings(session, &gate);
        let name = path.display().to_string();
        if format == Format::Text {
            text(&mut text_out, &name, session, &found, &gate);
        }
        reports.push(FileEntry::Checked(FileReport {
            path: name,
            status: session.incident.status.as_str(),
            findings: found,
            actions: actions(session, policy),
            gate: gate_report(&gate),
        }));
    }
    match format {
        Format::Json => {
            let json = visible::json(&serde_json::json!({ "files": reports }))?;
            super::print(&format!("{json}\n"))?;
        }
        Format::Text | Format::Sarif | Format::Github => super::print(&text_out)?,
    }
    if unreadable {
        return Ok(ExitCode::from(2));
    }
    let threshold = if strict { 1 } else { 2 };
    let failed = (reports.iter())
        .filter_map(|entry| match entry {
            FileEntry::Checked(report) => Some(report),
            FileEntry::Unreadable { .. } => None,
        })
        .flat_map(|r| &r.findings)
        .any(|f| f.rank >= threshold);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn text(out: &mut String, name: &str, session: &Session, found: &[ItemFinding], gate: &Gate) {
    let fields = review_language::fields(session);
    for f in found {
        match (f.line, f.column) {
            (Some(line), Some(column)) => {
                let text = (fields.iter())
                    .find(|(i, fl, _)| i.to_string() == f.item && *fl == f.field)
                    .map_or("", |(_, _, t)| *t);
                let reframed = if f.reframed { " (reframed)" } else { "" };
                let location = format!("{name}: {} {}:{line}:{column}{reframed}", f.item, f.field);
                let r = report::Report {
                    location: &location,
                    severity: f.severity,
                    rule: &f.rule,
                    message: &f.message,
                    quoted: f.quoted,
                    suggestion: &f.suggestion,
                    text,
                    line,
                    column,
                    end_line: f.end_line.unwrap_or(line),
                    end_column: f.end_column.unwrap_or(column + 1),
                };
                report::write(out, &r);
            }
            _ => out.push_str(&format!(
                "{}: {}: {}[{}]: {}\n\n",
                visible(name),
                visible(&f.item),
                f.severity,
                visible(&f.rule),
                visible(&f.message)
            )),
        }
    }
    let (done, all) = gate.score();
    let verdict = if gate.passed() { "ready to publish" } else { "not ready yet" };
    out.push_str(&format!("{}: review gate {done} of {all} — {verdict}\n", visible(name)));
    for e in gate.entries.iter().filter(|e| !e.passed()) {
        out.push_str(&format!("  ✗ {}\n", e.criterion.label()));
        for m in &e.missing {
            out.push_str(&format!("      {}: {}\n", m.item, visible(&m.message)));
        }
    }
    out.push('\n');
}
