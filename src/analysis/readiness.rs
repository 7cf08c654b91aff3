//! The review gate: what is still missing before a review can be published. Each entry
//! names the items to go back to, so the room can fix them one by one.

use super::actions::{Context, Criterion as ActionCriterion, Verdict, check, known_names};
use super::check::{Check, Severity};
use super::coverage;
use super::language::Severity as Level;
use super::policy::DuePolicy;
use super::review_language::FieldFinding;
use crate::model::behaviour::derive_outcome;
use crate::model::{ItemKind, ItemRef, ReviewStatus, Session};

/// One condition of the gate, in the order the Review step lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    Milestones,
    TwoFactors,
    BranchesReachCondition,
    WrongTurnsReframed,
    FactorsCovered,
    ActionsPass,
    LanguageClean,
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
            Self::ActionsPass => "Every committed action passes the five action checks",
            Self::LanguageClean => "No blame or hindsight wording left without a reason",
            Self::BehavioursClassified => "Every behaviour is classified",
        }
    }

    /// The criterion in a few words, for a pane too narrow for [`Criterion::label`].
    pub fn short(self) -> &'static str {
        match self {
            Self::Milestones => "Detection and resolution times",
            Self::TwoFactors => "Two contributing factors",
            Self::BranchesReachCondition => "Every why reaches a condition",
            Self::WrongTurnsReframed => "Wrong turns reframed",
            Self::FactorsCovered => "Every factor has an action",
            Self::ActionsPass => "Actions pass their checks",
            Self::LanguageClean => "Wording kept only with a reason",
            Self::BehavioursClassified => "Every behaviour classified",
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
            Self::ActionsPass => "actions-pass",
            Self::LanguageClean => "language-clean",
            Self::BehavioursClassified => "behaviours-classified",
        }
    }
}

/// Something to go back to: the item (a why, the incident, the factors) and what it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub item: ItemRef,
    pub message: String,
    /// For a wording finding: what a dismissal needs to name it.
    pub wording: Option<Wording>,
}

/// Which words in which field, by which rule: enough to keep them on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub field: String,
    pub rule: String,
    pub matched: String,
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

fn missing(item: ItemRef, message: impl Into<String>) -> Missing {
    Missing { item, message: message.into(), wording: None }
}

/// A review marked `reviewed` or `closed` whose gate no longer passes, with no reason to
/// publish anyway recorded: what to say about it, or `None`. Edits after the review can
/// break the gate; `check` reports this as an error, and the console can offer to go back
/// to `in-review`.
pub fn published_but_broken(session: &Session, gate: &Gate) -> Option<String> {
    let status = session.incident.status;
    let published = matches!(status, ReviewStatus::Reviewed | ReviewStatus::Closed);
    if gate.passed() || !published || !session.incident.gate_override.trim().is_empty() {
        return None;
    }
    let (done, all) = gate.score();
    Some(format!(
        "marked {} but the gate has {done} of {all}, and no reason to publish anyway is recorded",
        status.as_str()
    ))
}

/// The gate for a review.
pub fn gate(session: &Session, policy: &DuePolicy) -> Gate {
    super::overview::overview(session, policy).gate
}

/// The gate, from the Five Whys checks and the wording findings worked out already (see
/// [`super::overview`]).
pub fn gate_from(
    session: &Session,
    policy: &DuePolicy,
    why_checks: &[Check],
    language: &[FieldFinding],
) -> Gate {
    let i = &session.incident;
    let mut milestones = Vec::new();
    if i.detected_at.is_none() {
        milestones.push(missing(
            ItemRef::incident(),
            "No detection milestone: mark the event (D on the timeline) when it was first noticed.",
        ));
    }
    if i.resolved_at.is_none() {
        milestones.push(missing(
            ItemRef::incident(),
            "No resolution milestone: mark the event (R on the timeline) when it was resolved.",
        ));
    }
    let mut two_factors = Vec::new();
    if session.factors.len() < 2 {
        let n = session.factors.len();
        two_factors.push(missing(
            ItemRef::all(ItemKind::Factor),
            format!("{n} factor(s) so far. Incidents have contributing factors, not one root cause: which other conditions made this possible?"),
        ));
    }
    let pick = |field: &str| -> Vec<Missing> {
        (why_checks.iter())
            .filter(|c| c.field == field && c.severity >= Severity::Warning)
            .map(|c| missing(c.item.clone(), c.message.clone()))
            .collect()
    };
    let mut branches = pick("system_condition");
    if session.whys.is_empty() {
        branches.push(missing(ItemRef::all(ItemKind::Why), "No why answers yet: ask why of the incident until each branch reaches a system condition."));
    }
    let covered: Vec<Missing> = (session.factors.iter())
        .flat_map(|f| coverage::factor_checks(session, f))
        .filter(|c| c.field == "actions")
        .map(|c| missing(c.item, c.message))
        .collect();
    let unclassified: Vec<Missing> = (session.behaviours.iter())
        .filter(|b| derive_outcome(&b.answers).is_err())
        .map(|b| {
            missing(
                ItemRef::behaviour(&b.id),
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
            Entry { criterion: Criterion::ActionsPass, missing: failing_actions(session, policy) },
            Entry { criterion: Criterion::LanguageClean, missing: wording(language) },
            Entry { criterion: Criterion::BehavioursClassified, missing: unclassified },
        ],
    }
}

/// Committed actions (ideas and decided-against ones aside) with a check that fails.
fn failing_actions(session: &Session, policy: &DuePolicy) -> Vec<Missing> {
    let names = known_names(session);
    let ctx = Context::stored(session, policy, &names);
    (session.actions.iter())
        .filter(|a| coverage::counts(a.status))
        .filter_map(|a| {
            let checks = check(a, &ctx);
            let failed: Vec<String> = (ActionCriterion::ALL.into_iter())
                .filter(|c| checks.get(*c).result == Verdict::Fail)
                .map(|c| format!("{}: {}", c.label(), checks.get(c).reason))
                .collect();
            (!failed.is_empty()).then(|| missing(ItemRef::action(&a.id), failed.join("; ")))
        })
        .collect()
}

/// Wording findings at warning or above that nobody has dismissed with a reason.
fn wording(language: &[FieldFinding]) -> Vec<Missing> {
    (language.iter())
        .filter(|f| f.finding.severity >= Level::Warning)
        .map(|f| {
            let message = format!(
                "{} “{}”: {} Reword it, or keep it with a reason (z).",
                f.field, f.finding.matched, f.finding.message
            );
            let wording = Wording {
                field: f.field.to_string(),
                rule: f.finding.rule.clone(),
                matched: f.finding.matched.clone(),
            };
            Missing { wording: Some(wording), ..missing(f.item.clone(), message) }
        })
        .collect()
}
