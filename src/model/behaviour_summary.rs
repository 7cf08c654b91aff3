//! The behaviours across a review: how many acts reached each outcome, and what needs a
//! second look before the review is published.

use super::behaviour::{Disagreement, outcome_disagrees_in};
use super::just_culture::{DecisionTable, Family, Outcome};
use super::{ActionStatus, Session};

#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'t> {
    /// Every outcome of the table, in table order, with how many acts reached it.
    pub counts: Vec<(&'t Outcome, usize)>,
    pub families: Vec<(Family, usize)>,
    /// Acts whose answers do not lead to an outcome yet.
    pub unclassified: usize,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The outcome's response is about the person and no system action is linked to it.
    PersonOnly { behaviour: String, outcome: String },
    /// The stored outcome is not what the answers lead to.
    Disagrees { behaviour: String, disagreement: Disagreement },
    /// A reckless outcome without written evidence or a second reviewer.
    RecklessUnsupported { behaviour: String, missing: Vec<&'static str> },
}

impl Warning {
    pub fn behaviour(&self) -> &str {
        match self {
            Self::PersonOnly { behaviour, .. }
            | Self::Disagrees { behaviour, .. }
            | Self::RecklessUnsupported { behaviour, .. } => behaviour,
        }
    }
}

/// Counts and warnings for every behaviour in `session`. Outcomes are always derived from
/// the answers, never read from the stored `outcome`.
pub fn summarise<'t>(table: &'t DecisionTable, session: &Session) -> Summary<'t> {
    let mut counts: Vec<(&Outcome, usize)> = table.outcomes().iter().map(|o| (o, 0)).collect();
    let mut unclassified = 0;
    let mut warnings = Vec::new();
    for b in &session.behaviours {
        if let Some(disagreement) = outcome_disagrees_in(table, b) {
            warnings.push(Warning::Disagrees { behaviour: b.id.clone(), disagreement });
        }
        let Some(outcome) = b.derived_outcome(table) else {
            unclassified += 1;
            continue;
        };
        if let Some((_, n)) = counts.iter_mut().find(|(o, _)| o.id == outcome.id) {
            *n += 1;
        }
        let missing = b.reckless_gaps(outcome);
        if !missing.is_empty() {
            warnings.push(Warning::RecklessUnsupported { behaviour: b.id.clone(), missing });
        }
        let system_action = session
            .actions
            .iter()
            .any(|a| a.status != ActionStatus::WontDo && a.behaviours.contains(&b.id));
        if outcome.about_person && !system_action {
            warnings.push(Warning::PersonOnly {
                behaviour: b.id.clone(),
                outcome: outcome.label.clone(),
            });
        }
    }
    let families = Family::ALL
        .into_iter()
        .map(|f| (f, counts.iter().filter(|(o, _)| o.family == f).map(|(_, n)| n).sum()))
        .collect();
    Summary { counts, families, unclassified, warnings }
}
