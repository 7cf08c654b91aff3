//! How strong an action is on the hierarchy of controls: removing the hazard beats an
//! automated guard or safe default, which beats tooling, a checklist, training, and —
//! weakest — asking people to be careful. And the factors that only have weak actions.

use serde::Serialize;

use super::action_messages as say;
use super::action_shape::{Shape, read};
use super::phrases::{LISTS, contains, find, skip_filler, words};
use crate::model::{ActionStatus, Session};

/// Strongest first. `Unclear` when the wording gives no cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    Eliminate,
    Guard,
    Tooling,
    Procedure,
    Training,
    Vigilance,
    Unclear,
}

impl Strength {
    /// The ladder, strongest first.
    pub const LADDER: [Strength; 6] = [
        Self::Eliminate,
        Self::Guard,
        Self::Tooling,
        Self::Procedure,
        Self::Training,
        Self::Vigilance,
    ];

    /// 6 for removing the hazard down to 1 for "be careful"; 0 when unclear.
    pub fn rung(self) -> u8 {
        match self {
            Self::Eliminate => 6,
            Self::Guard => 5,
            Self::Tooling => 4,
            Self::Procedure => 3,
            Self::Training => 2,
            Self::Vigilance => 1,
            Self::Unclear => 0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eliminate => "eliminate",
            Self::Guard => "guard",
            Self::Tooling => "tooling",
            Self::Procedure => "procedure",
            Self::Training => "training",
            Self::Vigilance => "vigilance",
            Self::Unclear => "unclear",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Eliminate => "removes the hazard",
            Self::Guard => "automated guard / safe default",
            Self::Tooling => "tooling that makes it easy",
            Self::Procedure => "checklist / procedure",
            Self::Training => "training",
            Self::Vigilance => "relies on care",
            Self::Unclear => "not clear from the wording",
        }
    }

    /// The bottom two rungs: they depend on people doing better.
    pub fn is_weak(self) -> bool {
        matches!(self, Self::Training | Self::Vigilance)
    }
}

/// The strongest rung the wording reaches. Reminders and training with no mechanism
/// beside them stay on their rung, whatever else the sentence mentions.
pub fn strength(text: &str) -> Strength {
    let w = words(text);
    let s = &LISTS.strength;
    let mechanism = super::actions::has_mechanism(&w);
    if !mechanism && contains(&s.vigilance, &w) {
        return Strength::Vigilance;
    }
    if !mechanism && contains(&LISTS.systemic.person_fix, &w) {
        return Strength::Training;
    }
    let rungs = [&s.eliminate, &s.guard, &s.tooling, &s.procedure, &s.training, &s.vigilance];
    // Where each rung is first cued.
    let found: Vec<(Strength, usize)> = Strength::LADDER
        .into_iter()
        .zip(rungs)
        .filter_map(|(rung, list)| find(list, &w).map(|(at, _, _)| (rung, at)))
        .collect();
    // An action that names no change has no rung of its own; asking people to learn or to
    // be careful still sits on those rungs.
    let names_a_change = match read(&w) {
        // Led by the vague words; one further on may be a noun ("capacity review notes").
        Shape::Vague { rescued: false, at, .. } => at != skip_filler(&w),
        Shape::Ongoing { .. } | Shape::Done { .. } | Shape::Aspiration { .. } => false,
        _ => true,
    };
    let found: Vec<(Strength, usize)> =
        found.into_iter().filter(|(rung, _)| names_a_change || rung.is_weak()).collect();
    if found.is_empty() && names_a_change && contains(&s.confirmation, &w) {
        return Strength::Guard;
    }
    let Some(&(mut highest, _)) = found.first() else { return Strength::Unclear };
    // A confirmation or a preview asks before it acts: a guard, and no more, whatever it is
    // about to delete.
    if contains(&s.confirmation, &w) && highest.rung() <= Strength::Eliminate.rung() {
        highest = Strength::Guard;
    }
    // "Run a workshop on the rota": what the action leads with is teaching people, and a
    // checklist or a tool it mentions on the way does not lift it — a guard would.
    let leading = found.iter().min_by_key(|(_, at)| *at).map(|(rung, _)| *rung);
    match leading {
        Some(rung) if rung.is_weak() && highest.rung() < Strength::Guard.rung() => rung,
        _ => highest,
    }
}

/// Factors whose committed actions all sit on the bottom two rungs, with a message each.
pub fn weak_factors(session: &Session) -> Vec<(String, String)> {
    session
        .factors
        .iter()
        .filter(|f| {
            let mut committed = session
                .actions
                .iter()
                .filter(|a| counts(a.status) && a.factors.contains(&f.id))
                .peekable();
            committed.peek().is_some() && committed.all(|a| strength(&a.text).is_weak())
        })
        .map(|f| (f.id.clone(), say::weak_factor(&f.id)))
        .collect()
}

/// Factors with no committed action and no accepted risk (ideas do not count).
pub fn uncovered_factors(session: &Session) -> Vec<(String, String)> {
    session
        .factors
        .iter()
        .filter(|f| f.accepted_risk.trim().is_empty())
        .filter(|f| {
            !session.actions.iter().any(|a| {
                a.factors.contains(&f.id) && (counts(a.status) || a.status == ActionStatus::WontDo)
            })
        })
        .map(|f| (f.id.clone(), say::uncovered_factor(&f.id)))
        .collect()
}

/// Committed work: ideas are not coverage, and a decided-against action is a decision.
fn counts(status: ActionStatus) -> bool {
    !matches!(status, ActionStatus::Idea | ActionStatus::WontDo)
}
