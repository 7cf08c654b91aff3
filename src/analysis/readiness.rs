//! The review gate: what is still missing before a review can be published. Each entry
//! names the items to go back to, so the room can fix them one by one.

use super::check::Severity;
use super::{coverage, whys};
use crate::model::Session;
use crate::model::behaviour::derive_outcome;

/// One condition of the gate, in the order the Review step lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    Milestones,
    TwoFactors,
    BranchesReachCondition,
    WrongTurnsReframed,
    FactorsCovered,
    BehavioursClassified,
}

impl Criterion {
    /// What the criterion asks, as the Review step shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Milestones => "The timeline has a detection and a resolution milestone",
            Self::TwoFactors => "At least two contributing factors",
            Self::BranchesReachCondition => "Every why branch reaches a system condition",
            Self::WrongTurnsReframed => "No wrong turn left without a reframed answer",
            Self::FactorsCovered => "Every factor has an action or a recorded decision",
            Self::BehavioursClassified => "Every behaviour is classified",
        }
    }

    /// The name `check` prints.
    pub fn id(self) -> &'static str {
        match self {
            Self::Milestones => "milestones",
            Self::TwoFactors => "two-factors",
            Self::BranchesReachCondition => "branches-reach-condition",
            Self::WrongTurnsReframed => "wrong-turns-reframed",
            Self::FactorsCovered => "factors-covered",
            Self::BehavioursClassified => "behaviours-classified",
        }
    }
}

/// Something to go back to: the item (`why:w4`, `incident`) and what it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub item: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub criterion: Criterion,
    pub missing: Vec<Missing>,
}

impl Entry {
    pub fn passed(&self) -> bool {
        self.missing.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gate {
    pub entries: Vec<Entry>,
}

impl Gate {
    pub fn passed(&self) -> bool {
        self.entries.iter().all(Entry::passed)
    }

    /// Criteria met, out of all.
    pub fn score(&self) -> (usize, usize) {
        (self.entries.iter().filter(|e| e.passed()).count(), self.entries.len())
    }
}

fn missing(item: &str, message: impl Into<String>) -> Missing {
    Missing { item: item.to_string(), message: message.into() }
}

/// The gate for a review.
pub fn gate(session: &Session) -> Gate {
    let i = &session.incident;
    let mut milestones = Vec::new();
    if i.detected_at.is_none() {
        milestones.push(missing(
            "incident",
            "No detection milestone: mark the event (D on the timeline) when it was first noticed.",
        ));
    }
    if i.resolved_at.is_none() {
        milestones.push(missing(
            "incident",
            "No resolution milestone: mark the event (R on the timeline) when it was resolved.",
        ));
    }
    let mut two_factors = Vec::new();
    if session.factors.len() < 2 {
        let n = session.factors.len();
        two_factors.push(missing(
            "factors",
            format!("{n} factor(s) so far. Incidents have contributing factors, not one root cause: which other conditions made this possible?"),
        ));
    }
    let why_checks = whys::checks(session);
    let pick = |field: &str| -> Vec<Missing> {
        (why_checks.iter())
            .filter(|c| c.field == field && c.severity >= Severity::Warning)
            .map(|c| missing(&c.item, c.message.clone()))
            .collect()
    };
    let mut branches = pick("system_condition");
    if session.whys.is_empty() {
        branches.push(missing("whys", "No why answers yet: ask why of the incident until each branch reaches a system condition."));
    }
    let covered: Vec<Missing> = (session.factors.iter())
        .flat_map(|f| coverage::factor_checks(session, f))
        .filter(|c| c.field == "actions")
        .map(|c| missing(&c.item, c.message))
        .collect();
    let unclassified: Vec<Missing> = (session.behaviours.iter())
        .filter(|b| derive_outcome(&b.answers).is_err())
        .map(|b| {
            missing(
                &format!("behaviour:{}", b.id),
                "Not classified yet: answer the Just Culture questions about this act.",
            )
        })
        .collect();
    Gate {
        entries: vec![
            Entry { criterion: Criterion::Milestones, missing: milestones },
            Entry { criterion: Criterion::TwoFactors, missing: two_factors },
            Entry { criterion: Criterion::BranchesReachCondition, missing: branches },
            Entry { criterion: Criterion::WrongTurnsReframed, missing: pick("text") },
            Entry { criterion: Criterion::FactorsCovered, missing: covered },
            Entry { criterion: Criterion::BehavioursClassified, missing: unclassified },
        ],
    }
}
