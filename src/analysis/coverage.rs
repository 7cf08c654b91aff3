//! Traceability from evidence to fix: every factor has evidence and a committed action (or
//! a reasoned decision to accept the risk), and every system condition the whys reached is
//! named by a factor.

use super::check::{Check, Severity};
use super::messages;
use std::collections::{HashMap, HashSet};

use super::whys::{NodeState, states};
use crate::model::{ActionStatus, Factor, ItemRef, Session, WhyIndex};

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
    check_with(session, &WhyIndex::new(&session.whys), &states(session))
}

/// [`check`], from the tree's index and the answers' states worked out already.
pub fn check_with(
    session: &Session,
    index: &WhyIndex,
    states: &HashMap<String, NodeState>,
) -> Vec<Check> {
    let mut out = Vec::new();
    for f in &session.factors {
        out.extend(factor_checks(session, f));
    }
    let named: HashSet<&str> =
        session.factors.iter().flat_map(|f| &f.whys).map(String::as_str).collect();
    for (w, _) in index.walk() {
        let is_turn = states.get(&w.id).is_some_and(|s| s.wrong_turn.is_some());
        let named = named.contains(w.id.as_str());
        if w.system_condition && index.is_leaf(&w.id) && !is_turn && !named {
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
