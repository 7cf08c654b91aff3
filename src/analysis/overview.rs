//! Every check over one review, worked out once: the wording, the Five Whys, coverage and
//! the review gate built from them. `check` and the console read this instead of running
//! each check (and the linter) again for each part.

use std::collections::HashMap;

use super::cache::LintCache;
use super::check::Check;
use super::coverage;
use super::policy::DuePolicy;
use super::readiness::{Gate, gate_from};
use super::review_language::FieldFinding;
use super::whys::{NodeState, checks_with, states_with};
use crate::model::{Session, WhyIndex};

/// The results of every check on one review.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// Wording findings, without dismissed ones; a reframed wrong turn's at info.
    pub language: Vec<FieldFinding>,
    /// Each answer's state, by id.
    pub states: HashMap<String, NodeState>,
    /// The Five Whys checks, in tree order.
    pub whys: Vec<Check>,
    /// Coverage: factors first, then whys in tree order.
    pub coverage: Vec<Check>,
    pub gate: Gate,
}

/// Every check on `session`, from scratch.
pub fn overview(session: &Session, policy: &DuePolicy) -> Overview {
    overview_with(session, policy, &mut LintCache::new())
}

/// Every check on `session`, linting only the fields that changed since `cache` last saw
/// the review. Gives exactly what [`overview`] gives.
pub fn overview_with(session: &Session, policy: &DuePolicy, cache: &mut LintCache) -> Overview {
    cache.refresh(session);
    let index = WhyIndex::new(&session.whys);
    let states = states_with(&index, &cache.wrong_turns(session));
    let whys = checks_with(&index, &states);
    let coverage = coverage::check_with(session, &index, &states);
    let language = cache.language(session, &states);
    let gate = gate_from(session, policy, &whys, &language);
    Overview { language, states, whys, coverage, gate }
}
