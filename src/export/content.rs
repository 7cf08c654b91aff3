//! What a report holds, worked out once from a review and its analysis, with every piece of
//! text cleaned and (when asked) redacted. Markdown, HTML and JSON are drawn from this, so
//! the three say the same things and leave out the same things.

use chrono::{Duration, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::analysis::actions::{Checks, Strength};
use crate::model::{
    ActionKind, ActionStatus, Category, EventKind, Milestone, Mode, ReviewStatus, Timestamp,
};

/// A whole report.
#[derive(Debug, Clone)]
pub struct Content {
    /// The token that marks a file as an export of this review.
    pub marker: String,
    pub redacted: bool,
    pub title: String,
    pub severity: String,
    pub status: ReviewStatus,
    pub mode: Mode,
    pub summary: String,
    pub impact: String,
    pub tags: Vec<String>,
    /// The offset times are shown in: the incident's own.
    pub offset: FixedOffset,
    /// The four milestones in order, each with the time since the start.
    pub milestones: Vec<MilestoneRow>,
    pub facilitator: String,
    pub participants: Vec<PersonRow>,
    pub gate_override: String,
    pub events: Vec<EventRow>,
    /// The Five Whys without wrong turns, in tree order.
    pub whys: Vec<WhyRow>,
    /// Wrong turns asked again in system terms, and wrong turns not yet.
    pub turns_reframed: usize,
    pub turns_open: usize,
    pub factors: Vec<FactorRow>,
    /// System conditions no factor names yet.
    pub conditions_without_factor: Vec<String>,
    pub actions: Vec<ActionRow>,
    pub behaviours: BehaviourPart,
    pub lessons: LessonLists,
    pub parked: Vec<ParkedRow>,
    /// Only with `--include-dismissed`.
    pub dismissed: Option<Vec<DismissedRow>>,
    pub gate: GateView,
    /// Every finding `check` reports; worked out for the JSON only.
    pub findings: Vec<FindingRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MilestoneRow {
    pub milestone: Milestone,
    pub at: Option<Timestamp>,
    /// From the start to this milestone, when both are known and in order.
    pub since_start: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRow {
    /// The name, or in a redacted copy the label that replaces it.
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub id: String,
    pub at: Timestamp,
    pub kind: EventKind,
    pub text: String,
    pub source: String,
    pub known_then: String,
    /// Milestones set at this event's time (the first event at that time carries them).
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhyRow {
    pub id: String,
    /// The nearest published answer above this one; `None` under the incident.
    pub parent: Option<String>,
    pub depth: usize,
    pub text: String,
    pub note: String,
    pub system_condition: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactorRow {
    pub id: String,
    pub text: String,
    pub category: Category,
    pub whys: Vec<String>,
    pub events: Vec<String>,
    pub accepted_risk: String,
    /// Committed actions (not ideas, not decided against) linked to this factor.
    pub actions: Vec<String>,
    pub ideas: Vec<String>,
    /// Has a committed action or a reasoned accepted risk.
    pub covered: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRow {
    pub id: String,
    pub text: String,
    pub team: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub kind: Option<ActionKind>,
    pub factors: Vec<String>,
    pub behaviours: Vec<String>,
    pub ticket: String,
    pub verification: String,
    pub decision: String,
    #[serde(skip)]
    pub strength: Strength,
    #[serde(skip)]
    pub checks: Checks,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeCount {
    pub id: String,
    pub family: &'static str,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActRow {
    pub id: String,
    pub act: String,
    pub context: String,
    pub event: Option<String>,
    /// The outcome the answers lead to (id), when they lead to one.
    pub outcome: Option<String>,
    #[serde(skip)]
    pub outcome_label: String,
    pub note: String,
    /// Action items that respond to this act.
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BehaviourPart {
    /// Every outcome of the Just Culture table, in table order.
    pub outcomes: Vec<OutcomeCount>,
    pub unclassified: usize,
    /// The acts themselves: only with `--include-behaviours`.
    pub acts: Option<Vec<ActRow>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct LessonLists {
    pub went_well: Vec<String>,
    pub went_wrong: Vec<String>,
    pub lucky: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParkedRow {
    pub id: String,
    pub text: String,
    pub step: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DismissedRow {
    pub item: String,
    pub field: String,
    pub rule: String,
    pub matched: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GateView {
    pub passed: bool,
    /// Criteria met, and all criteria.
    pub score: [usize; 2],
    pub criteria: Vec<CriterionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionView {
    pub id: &'static str,
    pub label: &'static str,
    pub passed: bool,
    pub missing: Vec<MissingView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingView {
    pub item: String,
    pub message: String,
}

/// One finding, in the shape `waterline check --format json` gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingRow {
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
}

impl Content {
    /// A time in the incident's own offset.
    pub fn local(&self, at: Timestamp) -> Timestamp {
        at.with_timezone(&self.offset)
    }

    /// The offset as the report names it: `UTC`, `UTC+01:00`.
    pub fn zone(&self) -> String {
        zone_name(self.offset)
    }

    /// `2026-03-06 09:12` in the incident's offset (seconds only when there are some).
    pub fn when(&self, at: Timestamp) -> String {
        let local = self.local(at);
        format!("{} {}", local.date_naive(), clock(local))
    }

    /// Each event with its time of day, and the date when it starts a new day.
    pub fn timeline(&self) -> Vec<(Option<String>, String, &EventRow)> {
        let mut day = None;
        (self.events.iter())
            .map(|e| {
                let local = self.local(e.at);
                let date = local.date_naive();
                let new_day = (day != Some(date)).then(|| local.format("%a %Y-%m-%d").to_string());
                day = Some(date);
                (new_day, clock(local), e)
            })
            .collect()
    }

    pub fn milestone(&self, m: Milestone) -> Option<Timestamp> {
        self.milestones.iter().find(|r| r.milestone == m).and_then(|r| r.at)
    }

    /// Committed actions (the table), ideas, and those decided against, in file order.
    pub fn actions_by_commitment(&self) -> (Vec<&ActionRow>, Vec<&ActionRow>, Vec<&ActionRow>) {
        let committed = self
            .actions
            .iter()
            .filter(|a| !matches!(a.status, ActionStatus::Idea | ActionStatus::WontDo));
        let ideas = self.actions.iter().filter(|a| a.status == ActionStatus::Idea);
        let wont = self.actions.iter().filter(|a| a.status == ActionStatus::WontDo);
        (committed.collect(), ideas.collect(), wont.collect())
    }

    pub fn action(&self, id: &str) -> Option<&ActionRow> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn lessons_empty(&self) -> bool {
        let l = &self.lessons;
        l.went_well.is_empty() && l.went_wrong.is_empty() && l.lucky.is_empty()
    }
}

/// `09:12`, or `09:12:05` when the seconds are not zero.
pub fn clock(t: Timestamp) -> String {
    use chrono::Timelike;
    // Written out rather than through `format`, which parses its pattern every call.
    let (h, m, s) = (t.hour(), t.minute(), t.second());
    if s == 0 { format!("{h:02}:{m:02}") } else { format!("{h:02}:{m:02}:{s:02}") }
}

pub fn zone_name(offset: FixedOffset) -> String {
    if offset.local_minus_utc() == 0 { "UTC".into() } else { format!("UTC{offset}") }
}
