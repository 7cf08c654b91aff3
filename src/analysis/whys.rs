//! Five Whys checks: answers that land on a person (wrong turns), branches that stop before
//! a system condition, a tree with a single branch, a branch of a single answer.
//!
//! A wrong turn counts as **reframed** when an answer beside it (a sibling) or under it (a
//! child) is not itself a wrong turn: the room has asked again in system terms. A reframed
//! wrong turn that ends its branch is not an open branch; the reframed answer carries on.

use std::collections::HashMap;

use super::actions::known_names;
use super::check::{Check, Severity};
use super::messages;
use crate::model::{Session, Why, WhyIndex};

mod interim;

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

/// Whether `text` lands on a human attribute. `known_names` are the people in the review.
pub fn wrong_turn(text: &str, known_names: &[String]) -> Option<WrongTurn> {
    use super::language::{LintContext, lint};
    let ctx = LintContext { known_names, ..LintContext::default() };
    wrong_turn_in(text, &lint(text, &ctx), known_names)
}

/// [`wrong_turn`], given the linter's findings in `text` for a facilitated review (the
/// context `wrong_turn` lints with), so a text linted already is not linted again.
pub fn wrong_turn_in(
    text: &str,
    findings: &[super::language::Finding],
    known_names: &[String],
) -> Option<WrongTurn> {
    use super::language::{Category, Severity as Level};
    let found = findings.iter().find_map(|f| {
        // "The root cause was…" is a claim about causes, not an answer about a person; the
        // Whys step's own checks ask for more branches instead.
        if f.rule == "human-error-root-cause" {
            return None;
        }
        let focus = match f.category {
            Category::CharacterAttribution => Focus::CharacterAttribution,
            Category::KnowledgeDeficit => Focus::KnowledgeDeficit,
            Category::Counterfactual => Focus::Counterfactual,
            Category::HumanErrorCause | Category::PersonAsSubject => Focus::HumanErrorCause,
            Category::Condescension | Category::OutcomeJudgement => return None,
        };
        (f.severity >= Level::Warning && !f.quoted).then(|| WrongTurn {
            focus,
            matched: f.matched.clone(),
            start: f.start,
            end: f.end,
        })
    });
    // Short answers ("Because they were tired") carry no sentence for the linter's subject
    // check; the Five Whys phrase list catches those.
    found.or_else(|| interim::find(text, known_names))
}

/// What the checks say about one answer, for drawing the tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodeState {
    pub wrong_turn: Option<WrongTurn>,
    /// A wrong turn with a sibling or child that is not one.
    pub reframed: bool,
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
    index
        .list()
        .iter()
        .map(|w| {
            let turn = turns.get(w.id.as_str()).cloned().flatten();
            let reframed = turn.is_some() && {
                let mut siblings = index.children_of(w.parent.as_deref()).filter(|s| s.id != w.id);
                let mut children = index.children_of(Some(&w.id));
                siblings.any(|o| !is_turn(o)) || children.any(|o| !is_turn(o))
            };
            let open = index.is_leaf(&w.id) && !w.system_condition && turn.is_none();
            (w.id.clone(), NodeState { wrong_turn: turn, reframed, open })
        })
        .collect()
}

/// Every Five Whys check, in tree order.
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
                "why",
                &w.id,
                "text",
                Severity::Warning,
                messages::wrong_turn(&turn.matched),
            ));
        }
        let lone = depth == 0 && index.is_leaf(&w.id) && state.wrong_turn.is_none();
        if lone {
            let message = messages::SINGLE_ANSWER.into();
            out.push(Check::new("why", &w.id, "children", Severity::Info, message));
        } else if state.open {
            let message = messages::OPEN_BRANCH.into();
            out.push(Check::new("why", &w.id, "system_condition", Severity::Warning, message));
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
        out.push(Check::new("why", &root.id, "children", Severity::Info, message));
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
