//! Traceability from evidence to fix: every factor has evidence and a committed action (or
//! a reasoned decision to accept the risk), and every system condition the whys reached is
//! named by a factor.

use super::check::{Check, Severity};
use super::messages;
use super::whys::states;
use crate::model::{ActionStatus, Factor, ItemRef, Session, WhyTree};

/// Actions that count: committed, including finished ones; ideas and decided-against
/// actions do not.
pub fn counts(status: ActionStatus) -> bool {
    !matches!(status, ActionStatus::Idea | ActionStatus::WontDo)
}

/// Committed actions that address this factor.
pub fn action_count(session: &Session, factor_id: &str) -> usize {
    session
        .actions
        .iter()
        .filter(|a| counts(a.status) && a.factors.iter().any(|f| f == factor_id))
        .count()
}

/// Every coverage finding: factors first, in list order, then whys in tree order.
pub fn check(session: &Session) -> Vec<Check> {
    let mut out = Vec::new();
    for f in &session.factors {
        out.extend(factor_checks(session, f));
    }
    let states = states(session);
    for (w, _) in session.whys.walk() {
        let is_turn = states.get(&w.id).is_some_and(|s| s.wrong_turn.is_some());
        let named = session.factors.iter().any(|f| f.whys.contains(&w.id));
        if w.system_condition && session.whys.is_leaf(&w.id) && !is_turn && !named {
            let message = messages::CONDITION_WITHOUT_FACTOR.into();
            out.push(Check::new(ItemRef::why(&w.id), "factor", Severity::Warning, message));
        }
    }
    out
}

/// The findings about one factor.
pub fn factor_checks(session: &Session, f: &Factor) -> Vec<Check> {
    let mut out = Vec::new();
    if action_count(session, &f.id) == 0 && f.accepted_risk.trim().is_empty() {
        let ideas: Vec<String> = (session.actions.iter())
            .filter(|a| a.status == ActionStatus::Idea && a.factors.contains(&f.id))
            .map(|a| a.id.clone())
            .collect();
        let message = messages::no_action(&ideas);
        out.push(Check::new(ItemRef::factor(&f.id), "actions", Severity::Warning, message));
    }
    if f.whys.is_empty() && f.events.is_empty() {
        let message = messages::NO_EVIDENCE.into();
        out.push(Check::new(ItemRef::factor(&f.id), "evidence", Severity::Warning, message));
    }
    out
}
