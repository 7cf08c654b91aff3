//! `waterline check`: every check over review files — wording, the Five Whys, coverage,
//! behaviours and the review gate — for a person or for CI.

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::visible::visible;
use super::{Format, report};
use crate::analysis::actions::{Checks, Context, check, known_names};
use crate::analysis::check::{Check, Severity as CheckSeverity};
use crate::analysis::language::{Finding, Severity};
use crate::analysis::overview::{Overview, overview_once};
use crate::analysis::policy::DuePolicy;
use crate::analysis::readiness::{self, Gate};
use crate::analysis::review_language;
use crate::analysis::strength::{Strength, strength};
use crate::analysis::{consistency, whys};
use crate::model::{ActionStatus, ItemRef, Session, WhyIndex};
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
    /// A wrong turn, or its wording, that an answer has reframed: kept at info.
    pub reframed: bool,
    pub rule: String,
    pub severity: &'static str,
    pub suggestion: String,
    #[serde(skip)]
    rank: u8,
}

/// One action and its five checks, in the shape `waterline actions` uses.
#[derive(Debug, Serialize)]
pub struct ActionReport {
    pub criteria: Checks,
    pub id: String,
    pub item: String,
    pub status: ActionStatus,
    pub strength: Strength,
    pub text: String,
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

/// One entry of `files`: a file checked, or one that could not be read and why.
#[derive(Serialize)]
#[serde(untagged)]
enum FileEntry {
    Checked(FileReport),
    Unreadable { error: String, findings: [(); 0], path: String, status: &'static str },
}

/// The whole JSON output: `files`, one entry per file asked for.
#[derive(Serialize)]
struct Output<T> {
    files: T,
}

#[derive(Serialize)]
struct FileReport {
    actions: Vec<ActionReport>,
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
pub fn findings(session: &Session, overview: Overview) -> (Vec<ItemFinding>, Gate) {
    let Overview { language, states, whys, coverage, gate } = overview;
    let mut out: Vec<ItemFinding> = (language.into_iter())
        .map(|f| from_language(f.item.to_string(), f.field, f.finding, f.reframed_by.is_some()))
        .collect();
    out.extend(whys.into_iter().map(|c| from_check("whys", c)));
    let reframed = whys::reframed_with(&WhyIndex::new(&session.whys), &states);
    out.extend(reframed.into_iter().map(|c| from_check("whys", c)));
    out.extend(coverage.into_iter().map(|c| from_check("coverage", c)));
    out.extend(
        crate::analysis::conflicts::checks(session).into_iter().map(|c| from_check("merge", c)),
    );
    for c in consistency::check(session) {
        let category = c.item.kind.as_str();
        out.push(from_check(category, c));
    }
    if let Some(message) = readiness::published_but_broken(session, &gate) {
        let check = Check::new(ItemRef::incident(), "status", CheckSeverity::Error, message);
        let mut finding = from_check("gate", check);
        // Written `incident:` since the first release: the JSON output is a public interface.
        finding.item = "incident:".into();
        out.push(finding);
    }
    (out, gate)
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
    let threshold = if strict { 1 } else { 2 };
    let outcome = Cell::new(Outcome::default());
    // Each file is read, checked and let go before the next: only one review is held.
    let each = |path: &PathBuf, text_out: Option<&mut String>| {
        let entry = file_entry(path, policy, text_out);
        let mut seen = outcome.get();
        match &entry {
            FileEntry::Checked(report) => {
                seen.failed |= report.findings.iter().any(|f| f.rank >= threshold);
            }
            FileEntry::Unreadable { .. } => seen.unreadable = true,
        }
        outcome.set(seen);
        entry
    };
    match format {
        Format::Json => {
            // Written as it is serialised: a file's report is made when its turn comes.
            let files = Files { paths, each: &each };
            write_json(&Output { files })?;
        }
        Format::Text | Format::Sarif | Format::Github => {
            let mut text_out = String::new();
            for path in paths {
                each(path, Some(&mut text_out));
            }
            super::print(&text_out)?;
        }
    }
    let outcome = outcome.get();
    Ok(if outcome.unreadable {
        ExitCode::from(2)
    } else if outcome.failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// As [`super::print_json`], with the serialiser's small writes gathered before the escaping
/// writer looks at them (it then checks 64 KB at a time, not each token): the same bytes.
fn write_json(value: &impl Serialize) -> std::io::Result<()> {
    use std::io::Write;
    let escaped = super::visible::JsonWriter::new(std::io::stdout().lock());
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, escaped);
    serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// What the files checked so far add up to, for the exit code.
#[derive(Debug, Default, Clone, Copy)]
struct Outcome {
    unreadable: bool,
    failed: bool,
}

/// The `files` of the JSON output, each made only when the serialiser reaches it.
struct Files<'a, F> {
    paths: &'a [PathBuf],
    each: &'a F,
}

impl<F: Fn(&PathBuf, Option<&mut String>) -> FileEntry> Serialize for Files<'_, F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.paths.len()))?;
        for path in self.paths {
            seq.serialize_element(&(self.each)(path, None))?;
        }
        seq.end()
    }
}

/// One file read and checked (its text report added to `text_out` when asked), or why it
/// could not be read, said on standard error. The review is let go before this returns.
fn file_entry(path: &Path, policy: &DuePolicy, text_out: Option<&mut String>) -> FileEntry {
    let loaded = match store::load(path) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{}", visible(&e.to_string()));
            let (path, error) = (path.display().to_string(), e.to_string());
            return FileEntry::Unreadable { error, findings: [], path, status: "unreadable" };
        }
    };
    let session = &loaded.session;
    let (found, gate) = findings(session, overview_once(session, policy));
    let name = path.display().to_string();
    if let Some(out) = text_out {
        text(out, &name, session, &found, &gate);
    }
    FileEntry::Checked(FileReport {
        path: name,
        status: session.incident.status.as_str(),
        findings: found,
        actions: actions(session, policy),
        gate: gate_report(&gate),
    })
}

fn text(out: &mut String, name: &str, session: &Session, found: &[ItemFinding], gate: &Gate) {
    let fields: HashMap<(String, &str), &str> = (review_language::fields(session).into_iter())
        .map(|(item, field, text)| ((item.to_string(), field), text))
        .collect();
    for f in found {
        match (f.line, f.column) {
            (Some(line), Some(column)) => {
                let text = fields.get(&(f.item.clone(), f.field.as_str())).copied().unwrap_or("");
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
                    text_line: 1,
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
