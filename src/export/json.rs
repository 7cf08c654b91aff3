//! The report as JSON: the review as published (the same parts the Markdown and HTML
//! show) and every analysis result, under a version number. A stable interface: keys are
//! only ever added (docs/CLI.md).

use serde::Serialize;

use super::content::*;
use super::{GENERATOR, JSON_VERSION, Options};
use crate::analysis::actions::{Checks, Strength};
use crate::model::Timestamp;

#[derive(Serialize)]
struct Export<'a> {
    export: Header<'a>,
    review: Review<'a>,
    analysis: Analysis<'a>,
}

#[derive(Serialize)]
struct Header<'a> {
    version: u32,
    generator: String,
    marker: &'a str,
    redacted: bool,
    behaviours_included: bool,
    dismissed_included: bool,
}

#[derive(Serialize)]
struct Review<'a> {
    incident: Incident<'a>,
    events: Vec<Event<'a>>,
    whys: &'a [WhyRow],
    factors: Vec<Factor<'a>>,
    /// Only with `--include-behaviours`; `null` otherwise.
    behaviours: Option<&'a [ActRow]>,
    actions: &'a [ActionRow],
    lessons: &'a LessonLists,
    parked: &'a [ParkedRow],
    /// Only with `--include-dismissed`; `null` otherwise.
    dismissed: Option<&'a [DismissedRow]>,
}

#[derive(Serialize)]
struct Incident<'a> {
    title: &'a str,
    severity: &'a str,
    status: &'static str,
    mode: &'static str,
    summary: &'a str,
    impact: &'a str,
    started_at: Option<String>,
    detected_at: Option<String>,
    mitigated_at: Option<String>,
    resolved_at: Option<String>,
    /// The offset the report shows times in: the incident's own.
    offset: String,
    facilitator: &'a str,
    participants: &'a [PersonRow],
    tags: &'a [String],
    gate_override: &'a str,
}

#[derive(Serialize)]
struct Event<'a> {
    id: &'a str,
    at: String,
    kind: &'static str,
    text: &'a str,
    source: &'a str,
    known_then: &'a str,
    milestones: Vec<String>,
}

#[derive(Serialize)]
struct Factor<'a> {
    id: &'a str,
    text: &'a str,
    category: &'static str,
    whys: &'a [String],
    events: &'a [String],
    accepted_risk: &'a str,
}

#[derive(Serialize)]
struct Analysis<'a> {
    durations: Durations,
    whys: WhyAnalysis,
    findings: &'a [FindingRow],
    gate: &'a GateView,
    actions: Vec<ActionAnalysis<'a>>,
    coverage: Coverage<'a>,
    behaviours: Behaviours<'a>,
}

#[derive(Serialize)]
struct Durations {
    time_to_detect: Option<Span>,
    time_to_mitigate: Option<Span>,
    time_to_resolve: Option<Span>,
}

#[derive(Serialize)]
struct Span {
    seconds: i64,
    text: String,
}

#[derive(Serialize)]
struct WhyAnalysis {
    /// Answers that stopped at a person and were asked again in system terms.
    wrong_turns_reframed: usize,
    /// Answers that stopped at a person and were not asked again yet.
    wrong_turns_open: usize,
}

#[derive(Serialize)]
struct ActionAnalysis<'a> {
    id: &'a str,
    strength: Strength,
    criteria: &'a Checks,
}

#[derive(Serialize)]
struct Coverage<'a> {
    factors: Vec<FactorCoverage<'a>>,
    conditions_without_factor: &'a [String],
}

#[derive(Serialize)]
struct FactorCoverage<'a> {
    id: &'a str,
    covered: bool,
    committed_actions: &'a [String],
    ideas: &'a [String],
    accepted_risk: bool,
    evidence: usize,
}

#[derive(Serialize)]
struct Behaviours<'a> {
    outcomes: &'a [OutcomeCount],
    unclassified: usize,
}

pub(super) fn render(c: &Content, options: &Options) -> String {
    let time = |t: Option<Timestamp>| t.map(|t| t.to_rfc3339());
    let span = |m: crate::model::Milestone| {
        let d = c.milestones.iter().find(|r| r.milestone == m).and_then(|r| r.since_start)?;
        Some(Span { seconds: d.num_seconds(), text: crate::model::timeline::format_duration(d) })
    };
    use crate::model::Milestone::*;
    let export = Export {
        export: Header {
            version: JSON_VERSION,
            generator: format!("waterline {GENERATOR}"),
            marker: &c.marker,
            redacted: c.redacted,
            behaviours_included: options.include_behaviours,
            dismissed_included: options.include_dismissed,
        },
        review: Review {
            incident: Incident {
                title: &c.title,
                severity: &c.severity,
                status: c.status.as_str(),
                mode: c.mode.as_str(),
                summary: &c.summary,
                impact: &c.impact,
                started_at: time(c.milestone(Start)),
                detected_at: time(c.milestone(Detected)),
                mitigated_at: time(c.milestone(Mitigated)),
                resolved_at: time(c.milestone(Resolved)),
                offset: c.offset.to_string(),
                facilitator: &c.facilitator,
                participants: &c.participants,
                tags: &c.tags,
                gate_override: &c.gate_override,
            },
            events: (c.events.iter())
                .map(|e| Event {
                    id: &e.id,
                    at: e.at.to_rfc3339(),
                    kind: e.kind.as_str(),
                    text: &e.text,
                    source: &e.source,
                    known_then: &e.known_then,
                    milestones: e.milestones.iter().map(|m| m.label().to_string()).collect(),
                })
                .collect(),
            whys: &c.whys,
            factors: (c.factors.iter())
                .map(|f| Factor {
                    id: &f.id,
                    text: &f.text,
                    category: f.category.as_str(),
                    whys: &f.whys,
                    events: &f.events,
                    accepted_risk: &f.accepted_risk,
                })
                .collect(),
            behaviours: c.behaviours.acts.as_deref(),
            actions: &c.actions,
            lessons: &c.lessons,
            parked: &c.parked,
            dismissed: c.dismissed.as_deref(),
        },
        analysis: Analysis {
            durations: Durations {
                time_to_detect: span(Detected),
                time_to_mitigate: span(Mitigated),
                time_to_resolve: span(Resolved),
            },
            whys: WhyAnalysis {
                wrong_turns_reframed: c.turns_reframed,
                wrong_turns_open: c.turns_open,
            },
            findings: &c.findings,
            gate: &c.gate,
            actions: (c.actions.iter())
                .map(|a| ActionAnalysis { id: &a.id, strength: a.strength, criteria: &a.checks })
                .collect(),
            coverage: Coverage {
                factors: (c.factors.iter())
                    .map(|f| FactorCoverage {
                        id: &f.id,
                        covered: f.covered,
                        committed_actions: &f.actions,
                        ideas: &f.ideas,
                        accepted_risk: !f.accepted_risk.is_empty(),
                        evidence: f.whys.len() + f.events.len(),
                    })
                    .collect(),
                conditions_without_factor: &c.conditions_without_factor,
            },
            behaviours: Behaviours {
                outcomes: &c.behaviours.outcomes,
                unclassified: c.behaviours.unclassified,
            },
        },
    };
    // Plain data with string keys: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(&export).unwrap_or_default();
    text.push('\n');
    text
}
