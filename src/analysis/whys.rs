//! Five Whys checks: answers that land on a person (wrong turns), branches that stop before
//! a system condition, a tree with a single branch, a branch of a single answer.
//!
//! A wrong turn counts as **reframed** only when an answer says so: its `reframes` names the
//! wrong turn, and it is not a wrong turn itself. A system condition that happens to sit
//! beside it is not a reframing. A reframed wrong turn is still reported, at info, marked
//! reframed; one that ends its branch is not an open branch — the reframing carries on.

use std::collections::HashMap;

use super::actions::known_names;
use super::check::{Check, Severity};
use super::messages;
use crate::model::{ItemRef, Session, Why, WhyIndex};

/// Which way an answer lands on a person. Named after the language linter's person-focused
/// categories, so moving to the linter maps one to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// careless, rushed, tired, sloppy…
    CharacterAttribution,
    /// didn't know, forgot, wasn't aware…
    KnowledgeDeficit,
    /// should have, if only…
    Counterfactual,
    /// human error, operator error, a mistake by…
    HumanErrorCause,
}

/// An answer that stops at a person instead of a system condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongTurn {
    pub focus: Focus,
    /// The words as written.
    pub matched: String,
    /// Byte range of `matched` in the answer.
    pub start: usize,
    pub end: usize,
}

/// Whether `text` lands on a person: the language linter's one person-focus question,
/// asked of an answer to "why?". `known_names` are the people in the review.
pub fn wrong_turn(text: &str, known_names: &[String]) -> Option<WrongTurn> {
    use super::language::{LintContext, lint};
    let ctx = LintContext { known_names, answer: true, ..LintContext::default() };
    wrong_turn_in(&lint(text, &ctx))
}

/// [`wrong_turn`], given the linter's findings in an answer read as an answer to "why?" in
/// a facilitated review, so a text linted already is not linted again.
pub fn wrong_turn_in(findings: &[super::language::Finding]) -> Option<WrongTurn> {
    use super::language::{Category, is_about_person};
    let f = findings.iter().find(|f| is_about_person(f))?;
    let focus = match f.category {
        Category::CharacterAttribution => Focus::CharacterAttribution,
        Category::KnowledgeDeficit => Focus::KnowledgeDeficit,
        Category::Counterfactual => Focus::Counterfactual,
        Category::HumanErrorCause
        | Category::PersonAsSubject
        | Category::Condescension
        | Category::OutcomeJudgement => Focus::HumanErrorCause,
    };
    Some(WrongTurn { focus, matched: f.matched.clone(), start: f.start, end: f.end })
}

/// What the checks say about one answer, for drawing the tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodeState {
    pub wrong_turn: Option<WrongTurn>,
    /// A wrong turn that an answer reframes (its `reframes` names this one, and it is not a
    /// wrong turn itself). A system condition beside it is not a reframing.
    pub reframed: bool,
    /// The answer that reframes it.
    pub reframed_by: Option<String>,
    /// A leaf that has not reached a system condition (and is not a wrong turn).
    pub open: bool,
}

/// The state of every answer, by id.
pub fn states(session: &Session) -> HashMap<String, NodeState> {
    let names = known_names(session);
    let turns: HashMap<&str, Option<WrongTurn>> =
        session.whys.iter().map(|w| (w.id.as_str(), wrong_turn(&w.text, &names))).collect();
    states_with(&WhyIndex::new(&session.whys), &turns)
}

/// The state of every answer, given each answer's wrong turn (by id) worked out already.
/// Costs time in proportion to the number of answers, whatever the tree's shape.
pub fn states_with(
    index: &WhyIndex,
    turns: &HashMap<&str, Option<WrongTurn>>,
) -> HashMap<String, NodeState> {
    let is_turn = |w: &Why| turns.get(w.id.as_str()).is_some_and(Option::is_some);
    // The first answer (in file order) that says it reframes a wrong turn, and is not one.
    let mut reframers: HashMap<&str, &str> = HashMap::new();
    for o in index.list().iter().filter(|o| !is_turn(o)) {
        if let Some(target) = o.reframes.as_deref() {
            reframers.entry(target).or_insert(o.id.as_str());
        }
    }
    index
        .list()
        .iter()
        .map(|w| {
            let turn = turns.get(w.id.as_str()).cloned().flatten();
            let leaf = index.is_leaf(&w.id);
            let reframed_by = turn.as_ref().and_then(|_| reframers.get(w.id.as_str()));
            let reframed_by = reframed_by.map(|id| (*id).to_string());
            let open = leaf && !w.system_condition && turn.is_none();
            let reframed = reframed_by.is_some();
            (w.id.clone(), NodeState { wrong_turn: turn, reframed, reframed_by, open })
        })
        .collect()
}

/// Every Five Whys check still open, in tree order (a reframed wrong turn is in
/// [`reframed`]).
pub fn checks(session: &Session) -> Vec<Check> {
    checks_with(&WhyIndex::new(&session.whys), &states(session))
}

/// [`checks`], from the tree's index and the states worked out already.
pub fn checks_with(index: &WhyIndex, states: &HashMap<String, NodeState>) -> Vec<Check> {
    let mut out = Vec::new();
    for (w, depth) in index.walk() {
        let Some(state) = states.get(&w.id) else { continue };
        if let Some(turn) = state.wrong_turn.as_ref().filter(|_| !state.reframed) {
            out.push(Check::new(
                ItemRef::why(&w.id),
                "text",
                Severity::Warning,
                messages::wrong_turn(&turn.matched),
            ));
        }
        let lone = depth == 0 && index.is_leaf(&w.id) && state.wrong_turn.is_none();
        if lone {
            let message = messages::SINGLE_ANSWER.into();
            out.push(Check::new(ItemRef::why(&w.id), "children", Severity::Info, message));
        } else if state.open {
            let message = messages::OPEN_BRANCH.into();
            out.push(Check::new(
                ItemRef::why(&w.id),
                "system_condition",
                Severity::Warning,
                message,
            ));
        }
    }
    let whys = index.list();
    let leaves = whys.iter().filter(|w| index.is_leaf(&w.id)).count();
    let roots: Vec<&Why> = index.roots().collect();
    // One chain of several answers; a lone answer is reported above.
    if let (1, [root]) = (leaves, roots.as_slice())
        && whys.len() > 1
    {
        let message = messages::SINGLE_BRANCH.into();
        out.push(Check::new(ItemRef::why(&root.id), "children", Severity::Info, message));
    }
    out
}

/// The wrong turns an answer has reframed, at info and marked reframed: not left to look
/// at, but never silent — the room's first answer stays part of the record.
pub fn reframed(session: &Session) -> Vec<Check> {
    reframed_with(&WhyIndex::new(&session.whys), &states(session))
}

/// [`reframed`], from the tree's index and the states worked out already.
pub fn reframed_with(index: &WhyIndex, states: &HashMap<String, NodeState>) -> Vec<Check> {
    let mut out = Vec::new();
    for (w, _) in index.walk() {
        let Some(state) = states.get(&w.id) else { continue };
        if let (Some(turn), Some(by)) = (&state.wrong_turn, &state.reframed_by) {
            let message = messages::reframed_turn(&turn.matched, by);
            out.push(Check::new(ItemRef::why(&w.id), "text", Severity::Info, message).reframed());
        }
    }
    out
}

/// The question to ask instead, for the kind of wrong turn.
pub fn reask(focus: Focus) -> &'static str {
    match focus {
        Focus::CharacterAttribution => messages::REASK_ATTRIBUTE,
        Focus::KnowledgeDeficit => messages::REASK_KNOWLEDGE,
        Focus::Counterfactual => messages::REASK_COUNTERFACTUAL,
        Focus::HumanErrorCause => messages::REASK_ERROR,
    }
}
