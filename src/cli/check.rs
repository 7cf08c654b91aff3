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

/// A file that could not be read, in the JSON output, beside the files checked.
#[derive(Serialize)]
struct Unreadable {
    error: String,
    findings: [(); 0],
    path: String,
    status: &'static str,
}

/// The whole JSON output: `files`, one entry per file asked for.
#[derive(Serialize)]
struct Output<T> {
    files: T,
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
    let mut out = Vec::new();
    let gate = each_finding(session, overview, &mut |f| out.push(f));
    (out, gate)
}

/// As [`findings`], each handed to `found` as it is made, so none need be held.
fn each_finding(session: &Session, overview: Overview, found: &mut dyn FnMut(ItemFinding)) -> Gate {
    let Overview { language, states, whys, coverage, gate } = overview;
    for f in language {
        found(from_language(f.item.to_string(), f.field, f.finding, f.reframed_by.is_some()));
    }
    whys.into_iter().for_each(|c| found(from_check("whys", c)));
    let reframed = whys::reframed_with(&WhyIndex::new(&session.whys), &states);
    reframed.into_iter().for_each(|c| found(from_check("whys", c)));
    coverage.into_iter().for_each(|c| found(from_check("coverage", c)));
    for c in crate::analysis::conflicts::checks(session) {
        found(from_check("merge", c));
    }
    for c in consistency::check(session) {
        let category = c.item.kind.as_str();
        found(from_check(category, c));
    }
    if let Some(message) = readiness::published_but_broken(session, &gate) {
        let check = Check::new(ItemRef::incident(), "status", CheckSeverity::Error, message);
        let mut finding = from_check("gate", check);
        // Written `incident:` since the first release: the JSON output is a public interface.
        finding.item = "incident:".into();
        found(finding);
    }
    gate
}

/// Each action with its five checks and its strength, judged from the day of the review,
/// handed to `found` as it is made.
fn each_action(session: &Session, policy: &DuePolicy, found: &mut dyn FnMut(ActionReport)) {
    let names = known_names(session);
    let ctx = Context::stored(session, policy, &names);
    for a in &session.actions {
        found(ActionReport {
            item: ItemRef::action(&a.id).to_string(),
            id: a.id.clone(),
            text: a.text.clone(),
            status: a.status,
            strength: strength(&a.text),
            criteria: check(a, &ctx),
        });
    }
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
    match format {
        Format::Json => {
            // Written as it is serialised: a file's report is made when its turn comes.
            let files = Files { paths, policy, threshold, outcome: &outcome };
            super::print_json(&Output { files })?;
        }
        Format::Text | Format::Sarif | Format::Github => {
            let mut out = String::new();
            for path in paths {
                let seen = match store::load(path) {
                    Ok(loaded) => text_report(&mut out, path, &loaded.session, policy, threshold),
                    Err(e) => {
                        eprintln!("{}", visible(&e.to_string()));
                        Outcome { unreadable: true, failed: false }
                    }
                };
                outcome.set(outcome.get().and(seen));
            }
            super::print(&out)?;
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

/// What the files checked so far add up to, for the exit code.
#[derive(Debug, Default, Clone, Copy)]
struct Outcome {
    unreadable: bool,
    failed: bool,
}

impl Outcome {
    fn and(self, other: Outcome) -> Outcome {
        Outcome {
            unreadable: self.unreadable || other.unreadable,
            failed: self.failed || other.failed,
        }
    }
}

/// The `files` of the JSON output. Each review is read, checked, written and let go before
/// the next, and its actions and findings are written as they are made: a review's report
/// is never held whole beside the review.
struct Files<'a> {
    paths: &'a [PathBuf],
    policy: &'a DuePolicy,
    threshold: u8,
    outcome: &'a Cell<Outcome>,
}

impl Serialize for Files<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.paths.len()))?;
        for path in self.paths {
            match store::load(path) {
                Ok(loaded) => {
                    let session = &loaded.session;
                    let overview = overview_once(session, self.policy);
                    let gate = gate_report(&overview.gate);
                    let report = Report {
                        session,
                        policy: self.policy,
                        path: path.display().to_string(),
                        overview: Cell::new(Some(overview)),
                        gate,
                        threshold: self.threshold,
                        outcome: self.outcome,
                    };
                    seq.serialize_element(&report)?;
                }
                Err(e) => {
                    eprintln!("{}", visible(&e.to_string()));
                    let seen = Outcome { unreadable: true, failed: false };
                    self.outcome.set(self.outcome.get().and(seen));
                    let (path, error) = (path.display().to_string(), e.to_string());
                    let entry = Unreadable { error, findings: [], path, status: "unreadable" };
                    seq.serialize_element(&entry)?;
                }
            }
        }
        seq.end()
    }
}

/// One review's entry: `actions`, `findings`, `gate`, `path` and `status`, in that order.
/// The findings are made from the overview as they are written; the gate's report is made
/// before, so it does not depend on the order the fields are written in.
struct Report<'a> {
    session: &'a Session,
    policy: &'a DuePolicy,
    path: String,
    overview: Cell<Option<Overview>>,
    gate: GateReport,
    threshold: u8,
    outcome: &'a Cell<Outcome>,
}

impl Serialize for Report<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut entry = serializer.serialize_struct("FileReport", 5)?;
        entry.serialize_field(
            "actions",
            &Each(&|found| each_action(self.session, self.policy, found)),
        )?;
        entry.serialize_field("findings", &Each(&|found| self.each_finding(found)))?;
        entry.serialize_field("gate", &self.gate)?;
        entry.serialize_field("path", &self.path)?;
        entry.serialize_field("status", self.session.incident.status.as_str())?;
        entry.end()
    }
}

impl Report<'_> {
    fn each_finding(&self, found: &mut dyn FnMut(ItemFinding)) {
        let Some(overview) = self.overview.take() else { return };
        let mut failed = false;
        each_finding(self.session, overview, &mut |f| {
            failed |= f.rank >= self.threshold;
            found(f);
        });
        let seen = Outcome { unreadable: false, failed };
        self.outcome.set(self.outcome.get().and(seen));
    }
}

/// Something that hands over items one at a time to the function it is given.
type Source<'f, T> = &'f dyn Fn(&mut dyn FnMut(T));

/// A JSON array of what a source hands over, each written as it comes.
struct Each<'f, T>(Source<'f, T>);

impl<T: Serialize> Serialize for Each<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(None)?;
        let mut failure = None;
        (self.0)(&mut |item| {
            if failure.is_none()
                && let Err(e) = seq.serialize_element(&item)
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

/// One review's text report, added to `out`; what it adds to the exit code.
fn text_report(
    out: &mut String,
    path: &Path,
    session: &Session,
    policy: &DuePolicy,
    threshold: u8,
) -> Outcome {
    let (found, gate) = findings(session, overview_once(session, policy));
    text(out, &path.display().to_string(), session, &found, &gate);
    Outcome { unreadable: false, failed: found.iter().any(|f| f.rank >= threshold) }
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
