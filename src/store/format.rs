//! Format 1 as serde types: what a `waterline = 1` file holds, the keys it knows, and the
//! step from a checked file to the model.

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use super::datetime::{FileDate, FileTime};
use super::unknown::Unknown;
use crate::model::{
    ActionItem, ActionKind, ActionStatus, Answer, Behaviour, Category, Conflict, Dismissal, Event,
    EventKind, Factor, Incident, Lessons, Mode, Parked, Participant, ReviewStatus, Session, Why,
};

/// Keys format 1 knows, per table, in the order they are written (tested against the writer).
pub(super) const TOP_KEYS: &[&str] = &[
    "waterline",
    "incident",
    "event",
    "why",
    "factor",
    "behaviour",
    "action",
    "dismissed",
    "parked",
    "conflict",
    "lessons",
];
pub(super) const INCIDENT_KEYS: &[&str] = &[
    "title",
    "severity",
    "status",
    "mode",
    "summary",
    "impact",
    "started_at",
    "detected_at",
    "mitigated_at",
    "resolved_at",
    "review_date",
    "facilitator",
    "participants",
    "tags",
    "gate_override",
    "private_notes",
];
pub(super) const PARTICIPANT_KEYS: &[&str] = &["name", "role"];
pub(super) const EVENT_KEYS: &[&str] = &["id", "at", "kind", "text", "source", "known_then"];
pub(super) const WHY_KEYS: &[&str] =
    &["id", "parent", "text", "system_condition", "note", "reframes"];
pub(super) const FACTOR_KEYS: &[&str] =
    &["id", "text", "category", "whys", "events", "accepted_risk"];
pub(super) const BEHAVIOUR_KEYS: &[&str] =
    &["id", "act", "context", "answers", "outcome", "note", "event", "evidence", "second_reviewer"];
pub(super) const ACTION_KEYS: &[&str] = &[
    "id",
    "text",
    "team",
    "owner",
    "due",
    "status",
    "kind",
    "factors",
    "behaviours",
    "ticket",
    "verification",
    "verified_on",
    "decision",
];

pub(super) const PARKED_KEYS: &[&str] = &["id", "text", "step"];
pub(super) const DISMISSED_KEYS: &[&str] = &["item", "field", "rule", "matched", "reason"];
pub(super) const CONFLICT_KEYS: &[&str] = &["item", "field", "reason", "base", "ours", "theirs"];
pub(super) const LESSONS_KEYS: &[&str] = &["went_well", "went_wrong", "lucky"];

/// A whole format-1 file. `waterline` itself is read before this, by the version check.
/// Fields whose presence is checked by hand are `Option` so the message can say what to do.
#[derive(Debug, Deserialize)]
pub(super) struct FileV1 {
    pub incident: Option<Spanned<IncidentV1>>,
    #[serde(default)]
    pub event: Vec<Spanned<EventV1>>,
    #[serde(default)]
    pub why: Vec<Spanned<WhyV1>>,
    #[serde(default)]
    pub factor: Vec<Spanned<FactorV1>>,
    #[serde(default)]
    pub behaviour: Vec<Spanned<BehaviourV1>>,
    #[serde(default)]
    pub action: Vec<Spanned<ActionV1>>,
    #[serde(default)]
    pub dismissed: Vec<DismissedV1>,
    #[serde(default)]
    pub parked: Vec<ParkedV1>,
    #[serde(default)]
    pub conflict: Vec<ConflictV1>,
    #[serde(default)]
    pub lessons: LessonsV1,
}

/// A merge conflict (`model::Conflict`): each version is any TOML value, usually a table.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ConflictV1 {
    pub item: String,
    pub field: String,
    pub reason: String,
    pub base: Option<toml::Value>,
    pub ours: Option<toml::Value>,
    pub theirs: Option<toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct LessonsV1 {
    pub went_well: Vec<String>,
    pub went_wrong: Vec<String>,
    pub lucky: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ParkedV1 {
    pub id: Option<Spanned<String>>,
    pub text: String,
    pub step: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct DismissedV1 {
    pub item: String,
    pub field: String,
    pub rule: String,
    pub matched: String,
    pub reason: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct IncidentV1 {
    pub title: Option<Spanned<String>>,
    pub severity: String,
    pub status: ReviewStatus,
    pub mode: Mode,
    pub summary: String,
    pub impact: String,
    pub started_at: Option<FileTime>,
    pub detected_at: Option<FileTime>,
    pub mitigated_at: Option<FileTime>,
    pub resolved_at: Option<FileTime>,
    pub review_date: Option<FileDate>,
    pub facilitator: String,
    pub participants: Vec<Participant>,
    pub tags: Vec<String>,
    pub gate_override: String,
    pub private_notes: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct EventV1 {
    pub id: Option<Spanned<String>>,
    pub at: Option<FileTime>,
    pub kind: EventKind,
    pub text: String,
    pub source: String,
    pub known_then: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct WhyV1 {
    pub id: Option<Spanned<String>>,
    pub parent: Option<Spanned<String>>,
    pub text: String,
    pub system_condition: bool,
    pub note: String,
    pub reframes: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct FactorV1 {
    pub id: Option<Spanned<String>>,
    pub text: String,
    pub category: Category,
    pub whys: Vec<Spanned<String>>,
    pub events: Vec<Spanned<String>>,
    pub accepted_risk: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct BehaviourV1 {
    pub id: Option<Spanned<String>>,
    pub act: String,
    pub context: String,
    pub answers: IndexMap<String, Answer>,
    pub outcome: String,
    pub note: String,
    pub event: Option<Spanned<String>>,
    pub evidence: String,
    pub second_reviewer: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ActionV1 {
    pub id: Option<Spanned<String>>,
    pub text: String,
    pub team: String,
    pub owner: String,
    pub due: Option<FileDate>,
    pub status: ActionStatus,
    pub kind: Option<ActionKind>,
    pub factors: Vec<Spanned<String>>,
    pub behaviours: Vec<Spanned<String>>,
    pub ticket: String,
    pub verification: String,
    pub verified_on: Option<FileDate>,
    pub decision: String,
}

fn text(s: Option<Spanned<String>>) -> String {
    s.map(Spanned::into_inner).unwrap_or_default()
}

fn texts(list: Vec<Spanned<String>>) -> Vec<String> {
    list.into_iter().map(Spanned::into_inner).collect()
}

impl FileV1 {
    /// The model for a file that passed `validate::check`; `unknown` supplies the fields
    /// this version does not know, item by item.
    pub(super) fn into_session(self, unknown: &mut Unknown) -> Session {
        // Required values were checked already; the defaults below are never reached.
        let top_extra = unknown.top();
        let incident = self.incident.map(Spanned::into_inner).unwrap_or_default();
        let incident = Incident {
            title: text(incident.title),
            severity: incident.severity,
            status: incident.status,
            mode: incident.mode,
            summary: incident.summary,
            impact: incident.impact,
            started_at: incident.started_at.map(|t| t.0),
            detected_at: incident.detected_at.map(|t| t.0),
            mitigated_at: incident.mitigated_at.map(|t| t.0),
            resolved_at: incident.resolved_at.map(|t| t.0),
            review_date: incident.review_date.map(|d| d.0),
            facilitator: incident.facilitator,
            participants: incident.participants,
            tags: incident.tags,
            gate_override: incident.gate_override,
            private_notes: incident.private_notes,
            extra: unknown.incident(),
        };
        let events = (self.event.into_iter().enumerate())
            .map(|(i, e)| {
                let e = e.into_inner();
                let id = text(e.id);
                Event {
                    extra: unknown.item("event", i, &id),
                    id,
                    at: e.at.map(|t| t.0).unwrap_or_default(),
                    kind: e.kind,
                    text: e.text,
                    source: e.source,
                    known_then: e.known_then,
                }
            })
            .collect();
        let whys = (self.why.into_iter().enumerate())
            .map(|(i, w)| {
                let w = w.into_inner();
                let id = text(w.id);
                Why {
                    extra: unknown.item("why", i, &id),
                    id,
                    parent: w.parent.map(Spanned::into_inner),
                    text: w.text,
                    system_condition: w.system_condition,
                    note: w.note,
                    reframes: w.reframes,
                }
            })
            .collect();
        let factors = (self.factor.into_iter().enumerate())
            .map(|(i, f)| {
                let f = f.into_inner();
                let id = text(f.id);
                Factor {
                    extra: unknown.item("factor", i, &id),
                    id,
                    text: f.text,
                    category: f.category,
                    whys: texts(f.whys),
                    events: texts(f.events),
                    accepted_risk: f.accepted_risk,
                }
            })
            .collect();
        let behaviours = (self.behaviour.into_iter().enumerate())
            .map(|(i, b)| {
                let b = b.into_inner();
                let id = text(b.id);
                Behaviour {
                    extra: unknown.item("behaviour", i, &id),
                    id,
                    act: b.act,
                    context: b.context,
                    event: b.event.map(Spanned::into_inner),
                    answers: b.answers.into_iter().collect(),
                    outcome: b.outcome,
                    note: b.note,
                    evidence: b.evidence,
                    second_reviewer: b.second_reviewer,
                }
            })
            .collect();
        let actions = (self.action.into_iter().enumerate())
            .map(|(i, a)| {
                let a = a.into_inner();
                let id = text(a.id);
                ActionItem {
                    extra: unknown.item("action", i, &id),
                    id,
                    text: a.text,
                    team: a.team,
                    owner: a.owner,
                    due: a.due.map(|d| d.0),
                    status: a.status,
                    kind: a.kind,
                    factors: texts(a.factors),
                    behaviours: texts(a.behaviours),
                    ticket: a.ticket,
                    verification: a.verification,
                    verified_on: a.verified_on.map(|d| d.0),
                    decision: a.decision,
                }
            })
            .collect();
        let dismissed = (self.dismissed.into_iter().enumerate())
            .map(|(i, d)| Dismissal {
                extra: unknown.item("dismissed", i, &d.item),
                item: d.item,
                field: d.field,
                rule: d.rule,
                matched: d.matched,
                reason: d.reason,
            })
            .collect();
        let parked = (self.parked.into_iter().enumerate())
            .map(|(i, p)| {
                let id = p.id.map(Spanned::into_inner).unwrap_or_default();
                Parked { extra: unknown.item("parked", i, &id), id, text: p.text, step: p.step }
            })
            .collect();
        let conflicts = (self.conflict.into_iter().enumerate())
            .map(|(i, c)| Conflict {
                extra: unknown.item("conflict", i, &c.item),
                item: c.item,
                field: c.field,
                reason: c.reason,
                base: c.base,
                ours: c.ours,
                theirs: c.theirs,
            })
            .collect();
        let lessons = Lessons {
            went_well: self.lessons.went_well,
            went_wrong: self.lessons.went_wrong,
            lucky: self.lessons.lucky,
            extra: unknown.table("lessons"),
        };
        Session {
            extra: top_extra,
            lessons,
            incident,
            events,
            whys,
            factors,
            behaviours,
            actions,
            dismissed,
            parked,
            conflicts,
        }
    }
}
