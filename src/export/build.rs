//! From a review to [`Content`]: the analysis run once on the review as written, then every
//! piece of text — the review's and the analysis's — cleaned and, when asked, redacted.

use std::collections::HashMap;

use chrono::Offset;

use super::Options;
use super::content::*;
use super::escape::clean;
use super::redact::{Counts, Redactor};
use crate::analysis::actions::{Context, check, known_names, strength};
use crate::analysis::check::Check;
use crate::analysis::language::Finding;
use crate::analysis::readiness::{self, Gate};
use crate::analysis::{coverage, review_language, whys};
use crate::model::behaviour_summary::summarise;
use crate::model::just_culture::builtin;
use crate::model::timeline::time_to;
use crate::model::{ItemKind, ItemRef, Milestone, ReviewStatus, Session, WhyTree};

/// Cleans and redacts every string that goes into the report, counting replacements.
struct Texts<'r> {
    redactor: Option<&'r Redactor>,
    counts: Counts,
}

impl Texts<'_> {
    fn t(&mut self, text: &str) -> String {
        let clean = clean(text);
        match self.redactor {
            Some(r) => r.apply(&clean, &mut self.counts).into_owned(),
            None => clean.into_owned(),
        }
    }

    fn all(&mut self, list: &[String]) -> Vec<String> {
        list.iter().filter(|s| !s.trim().is_empty()).map(|s| self.t(s)).collect()
    }
}

/// The report's content, and how many mentions of each person were replaced. Only the
/// JSON lists every finding; working them out for the other formats would lint every text
/// field a second time.
pub(super) fn build(
    session: &Session,
    marker: String,
    options: &Options,
    redactor: Option<&Redactor>,
    with_findings: bool,
) -> (Content, Counts) {
    let counts = redactor.map(Redactor::counts).unwrap_or_default();
    let mut tx = Texts { redactor, counts };
    let i = &session.incident;
    let gate = readiness::gate(session, &options.policy);
    let participants = (i.participants.iter())
        .filter(|p| !p.name.trim().is_empty() || !p.role.trim().is_empty())
        .map(|p| PersonRow {
            name: match redactor {
                Some(r) => r.label_of(&p.name).unwrap_or_default().to_string(),
                None => clean(&p.name).into_owned(),
            },
            role: tx.t(&p.role),
        })
        .collect();
    let (whys, turns_reframed, turns_open) = whys_published(session, &mut tx);
    let content = Content {
        marker,
        redacted: redactor.is_some(),
        title: tx.t(&i.title),
        severity: tx.t(&i.severity),
        status: i.status,
        mode: i.mode,
        summary: tx.t(&i.summary),
        impact: tx.t(&i.impact),
        tags: tx.all(&i.tags),
        offset: offset(session),
        milestones: (Milestone::ALL.iter())
            .map(|&m| MilestoneRow {
                milestone: m,
                at: m.get(i),
                since_start: (m != Milestone::Start).then(|| time_to(i, m)).flatten(),
            })
            .collect(),
        facilitator: tx.t(&i.facilitator),
        participants,
        gate_override: tx.t(&i.gate_override),
        events: events(session, &mut tx),
        whys,
        turns_reframed,
        turns_open,
        factors: factors(session, &mut tx),
        conditions_without_factor: (coverage::check(session).into_iter())
            .filter(|c| c.item.kind == ItemKind::Why && c.field == "factor")
            .map(|c| c.id().to_string())
            .collect(),
        actions: actions(session, options, &mut tx),
        behaviours: behaviours(session, options.include_behaviours, &mut tx),
        lessons: LessonLists {
            went_well: tx.all(&session.lessons.went_well),
            went_wrong: tx.all(&session.lessons.went_wrong),
            lucky: tx.all(&session.lessons.lucky),
        },
        parked: (session.parked.iter())
            .filter(|p| !p.text.trim().is_empty())
            .map(|p| ParkedRow { id: tx.t(&p.id), text: tx.t(&p.text), step: tx.t(&p.step) })
            .collect(),
        dismissed: options.include_dismissed.then(|| {
            (session.dismissed.iter())
                .map(|d| DismissedRow {
                    item: tx.t(&d.item),
                    field: tx.t(&d.field),
                    rule: tx.t(&d.rule),
                    matched: tx.t(&d.matched),
                    reason: tx.t(&d.reason),
                })
                .collect()
        }),
        gate: gate_view(&gate, &mut tx),
        findings: if with_findings { findings(session, &gate, &mut tx) } else { Vec::new() },
    };
    (content, tx.counts)
}

/// The incident's own offset: the start's, else the first known time's, else UTC.
fn offset(session: &Session) -> chrono::FixedOffset {
    let i = &session.incident;
    [i.started_at, i.detected_at, i.mitigated_at, i.resolved_at]
        .into_iter()
        .flatten()
        .chain(session.events.iter().map(|e| e.at))
        .map(|t| *t.offset())
        .next()
        .unwrap_or_else(|| chrono::Utc.fix())
}

fn events(session: &Session, tx: &mut Texts) -> Vec<EventRow> {
    let mut sorted: Vec<&crate::model::Event> = session.events.iter().collect();
    sorted.sort_by_key(|e| e.at);
    let mut rows: Vec<EventRow> = sorted
        .iter()
        .map(|e| EventRow {
            id: tx.t(&e.id),
            at: e.at,
            kind: e.kind,
            text: tx.t(&e.text),
            source: tx.t(&e.source),
            known_then: tx.t(&e.known_then),
            milestones: Vec::new(),
        })
        .collect();
    for m in Milestone::ALL {
        if let Some(at) = m.get(&session.incident)
            && let Some(row) = rows.iter_mut().find(|r| r.at == at)
        {
            row.milestones.push(m);
        }
    }
    rows
}

/// The tree without wrong turns: an answer under a wrong turn hangs from the nearest
/// published answer above it. Also counts the wrong turns reframed and not yet.
fn whys_published(session: &Session, tx: &mut Texts) -> (Vec<WhyRow>, usize, usize) {
    let states = whys::states(session);
    let names = known_names(session);
    let is_turn = |id: &str| states.get(id).is_some_and(|s| s.wrong_turn.is_some());
    let (mut reframed, mut open) = (0, 0);
    // Published parent and depth of each answer, filled in walk order (parents first).
    let mut placed: HashMap<&str, (Option<String>, usize)> = HashMap::new();
    let mut rows = Vec::new();
    for (w, _) in session.whys.walk() {
        let parent = w.parent.as_deref().and_then(|p| {
            if is_turn(p) {
                placed.get(p).and_then(|(pp, _)| pp.clone())
            } else {
                Some(p.to_string())
            }
        });
        let depth = parent.as_deref().and_then(|p| placed.get(p)).map_or(0, |(_, d)| d + 1);
        placed.insert(w.id.as_str(), (parent.clone(), depth));
        if let Some(state) = states.get(&w.id).filter(|s| s.wrong_turn.is_some()) {
            // Left out; its answers hang from its published parent (already placed above).
            if state.reframed {
                reframed += 1
            } else {
                open += 1
            }
            continue;
        }
        // A note that quotes the wrong turn it replaces would publish it after all.
        let quotes_turn = w.note.trim_start().starts_with("Reframed from")
            || whys::wrong_turn(&w.note, &names).is_some();
        rows.push(WhyRow {
            id: tx.t(&w.id),
            parent: parent.as_deref().map(|p| tx.t(p)),
            depth,
            text: tx.t(&w.text),
            note: if quotes_turn { String::new() } else { tx.t(&w.note) },
            system_condition: w.system_condition,
        });
    }
    (rows, reframed, open)
}

fn factors(session: &Session, tx: &mut Texts) -> Vec<FactorRow> {
    (session.factors.iter())
        .map(|f| {
            let linked = session.actions.iter().filter(|a| a.factors.contains(&f.id));
            let (committed, ideas): (Vec<_>, Vec<_>) = linked
                .filter(|a| a.status != crate::model::ActionStatus::WontDo)
                .partition(|a| coverage::counts(a.status));
            FactorRow {
                id: tx.t(&f.id),
                text: tx.t(&f.text),
                category: f.category,
                whys: f.whys.iter().map(|w| tx.t(w)).collect(),
                events: f.events.iter().map(|e| tx.t(e)).collect(),
                accepted_risk: tx.t(&f.accepted_risk),
                actions: committed.iter().map(|a| tx.t(&a.id)).collect(),
                ideas: ideas.iter().map(|a| tx.t(&a.id)).collect(),
                covered: coverage::factor_checks(session, f).iter().all(|c| c.field != "actions"),
            }
        })
        .collect()
}

fn actions(session: &Session, options: &Options, tx: &mut Texts) -> Vec<ActionRow> {
    let names = known_names(session);
    let ctx = Context::stored(session, &options.policy, &names);
    (session.actions.iter())
        .map(|a| {
            let mut checks = check(a, &ctx);
            for c in [
                &mut checks.specific,
                &mut checks.measurable,
                &mut checks.assignable,
                &mut checks.realistic,
                &mut checks.systemic,
            ] {
                c.reason = tx.t(&c.reason);
                c.suggestion = tx.t(&c.suggestion);
            }
            ActionRow {
                id: tx.t(&a.id),
                text: tx.t(&a.text),
                team: tx.t(&a.team),
                owner: tx.t(&a.owner),
                due: a.due,
                status: a.status,
                kind: a.kind,
                factors: a.factors.iter().map(|f| tx.t(f)).collect(),
                behaviours: a.behaviours.iter().map(|b| tx.t(b)).collect(),
                ticket: tx.t(&a.ticket),
                verification: tx.t(&a.verification),
                decision: tx.t(&a.decision),
                strength: strength(&a.text),
                checks,
            }
        })
        .collect()
}

fn behaviours(session: &Session, include: bool, tx: &mut Texts) -> BehaviourPart {
    let Ok(table) = builtin() else { return BehaviourPart::default() };
    let summary = summarise(table, session);
    let outcomes = (summary.counts.iter())
        .map(|(o, n)| OutcomeCount {
            id: o.id.clone(),
            family: o.family.as_str(),
            label: o.short.clone(),
            count: *n,
        })
        .collect();
    let acts = include.then(|| {
        (session.behaviours.iter())
            .map(|b| {
                let outcome = b.derived_outcome(table);
                ActRow {
                    id: tx.t(&b.id),
                    act: tx.t(&b.act),
                    context: tx.t(&b.context),
                    event: b.event.as_deref().map(|e| tx.t(e)),
                    outcome: outcome.map(|o| o.id.clone()),
                    outcome_label: outcome.map(|o| o.short.clone()).unwrap_or_default(),
                    note: tx.t(&b.note),
                    actions: session.actions_for(&b.id).map(|a| tx.t(&a.id)).collect(),
                }
            })
            .collect()
    });
    BehaviourPart { outcomes, unclassified: summary.unclassified, acts }
}

fn gate_view(gate: &Gate, tx: &mut Texts) -> GateView {
    let (met, all) = gate.score();
    GateView {
        passed: gate.passed(),
        score: [met, all],
        criteria: (gate.entries.iter())
            .map(|e| CriterionView {
                id: e.criterion.id(),
                label: e.criterion.label(),
                passed: e.passed(),
                missing: (e.missing.iter())
                    .map(|m| MissingView {
                        item: tx.t(&m.item.to_string()),
                        message: tx.t(&m.message),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Every finding `waterline check` reports, in the same order and shape. In a redacted
/// copy, positions are left out: they point into text that has changed.
fn findings(session: &Session, gate: &Gate, tx: &mut Texts) -> Vec<FindingRow> {
    let positions = tx.redactor.is_none();
    let mut out: Vec<FindingRow> = Vec::new();
    for f in review_language::review(session) {
        let reframed = f.reframed_by.is_some();
        out.push(language(f.item, f.field, f.finding, reframed, positions, tx));
    }
    let structural = (whys::checks(session).into_iter().map(|c| ("whys", c)))
        .chain(whys::reframed(session).into_iter().map(|c| ("whys", c)))
        .chain(coverage::check(session).into_iter().map(|c| ("coverage", c)));
    for (category, c) in structural {
        out.push(structure(category, c, tx));
    }
    for c in crate::analysis::consistency::check(session) {
        let category = c.item.kind.as_str();
        out.push(structure(category, c, tx));
    }
    let i = &session.incident;
    let published = matches!(i.status, ReviewStatus::Reviewed | ReviewStatus::Closed);
    if !gate.passed() && published && i.gate_override.trim().is_empty() {
        let (done, all) = gate.score();
        let message = format!(
            "marked {} but the gate has {done} of {all}, and no reason to publish anyway is recorded",
            i.status.as_str()
        );
        let c = Check::new(
            ItemRef::incident(),
            "status",
            crate::analysis::check::Severity::Error,
            message,
        );
        out.push(structure("gate", c, tx));
    }
    out
}

fn language(
    item: ItemRef,
    field: &str,
    f: Finding,
    reframed: bool,
    positions: bool,
    tx: &mut Texts,
) -> FindingRow {
    let at = |n: usize| positions.then_some(n);
    FindingRow {
        item: tx.t(&item.to_string()),
        field: field.to_string(),
        rule: f.rule,
        category: f.category.as_str().to_string(),
        severity: f.severity.as_str(),
        line: at(f.line),
        column: at(f.column),
        end_line: at(f.end_line),
        end_column: at(f.end_column),
        matched: tx.t(&f.matched),
        message: tx.t(&f.message),
        suggestion: tx.t(&f.suggestion),
        quoted: f.quoted,
        reframed,
    }
}

fn structure(category: &str, c: Check, tx: &mut Texts) -> FindingRow {
    FindingRow {
        item: tx.t(&c.item.to_string()),
        field: c.field.to_string(),
        rule: format!("{category}-{}", c.field.replace('_', "-")),
        category: category.to_string(),
        severity: c.severity.as_str(),
        line: None,
        column: None,
        end_line: None,
        end_column: None,
        matched: String::new(),
        message: tx.t(&c.message),
        suggestion: String::new(),
        quoted: false,
        reframed: c.reframed,
    }
}
