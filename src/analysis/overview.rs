//! Every check over one review, worked out once: the wording, the Five Whys, coverage and
//! the review gate built from them. `check` and the console read this instead of running
//! each check (and the linter) again for each part.

use std::collections::HashMap;

use super::actions::known_names;
use super::cache::LintCache;
use super::check::Check;
use super::coverage;
use super::language::{LintContext, lint};
use super::policy::DuePolicy;
use super::readiness::{Gate, gate_from};
use super::review_language::{FieldFinding, each_field, item_ref, keep};
use super::whys::{NodeState, WrongTurn, checks_with, states_with, wrong_turn, wrong_turn_in};
use crate::model::{ItemKind, Mode, Session, WhyIndex};

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

/// Every check on `session`, for a command that reads the review once and leaves: each
/// field is linted once and only its findings are kept — no copy of any text, nothing
/// for a later edit. Gives exactly what [`overview`] gives.
pub fn overview_once(session: &Session, policy: &DuePolicy) -> Overview {
    let names = known_names(session);
    let self_review = session.incident.mode == Mode::SelfReview;
    let ctx = LintContext { known_names: &names, self_review, ..LintContext::default() };
    // Why answers are read as answers to "why?".
    let answer = LintContext { answer: true, ..ctx };
    let mut turns: HashMap<&str, Option<WrongTurn>> =
        session.whys.iter().map(|w| (w.id.as_str(), None)).collect();
    let mut linted = Vec::new();
    // Walked without a list of every field: a big review has tens of thousands.
    each_field(session, |kind, id, field, text| {
        let why = kind == ItemKind::Why;
        let findings = lint(text, if why { &answer } else { &ctx });
        if why && field == "text" {
            // A self-review lints "I" as the rule says; a wrong turn is judged as in a
            // facilitated review, so that one lints again (as the cache does).
            let turn =
                if self_review { wrong_turn(text, &names) } else { wrong_turn_in(&findings) };
            if let Some(slot) = turns.get_mut(id) {
                *slot = turn;
            }
        }
        if !findings.is_empty() {
            linted.push((item_ref(kind, id), field, findings));
        }
    });
    let index = WhyIndex::new(&session.whys);
    let states = states_with(&index, &turns);
    drop(turns);
    let whys = checks_with(&index, &states);
    let coverage = coverage::check_with(session, &index, &states);
    let mut language = Vec::new();
    for (item, field, findings) in linted {
        let reframed_by = (item.kind == ItemKind::Why)
            .then(|| states.get(item.id()))
            .flatten()
            .and_then(|s| s.reframed_by.clone());
        keep(session, &item, field, findings, reframed_by, &mut language);
    }
    let gate = gate_from(session, policy, &whys, &language);
    Overview { language, states, whys, coverage, gate }
}
