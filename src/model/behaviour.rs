//! Just Culture: one observable act, the answers given about it, and the outcome they lead
//! to. The classifier is a pure state machine over the decision table: its state is the
//! answers so far, and everything else (question, progress, outcome) is derived from them.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Extra;
use super::just_culture::{DecisionTable, Family, Node, Outcome, Target, builtin};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Behaviour {
    pub id: String,
    /// One observable act or omission, written as what was done.
    pub act: String,
    /// What the person knew and saw at the time.
    pub context: String,
    /// The timeline event where it happened.
    pub event: Option<String>,
    /// Question id and answer, in the order they were asked: the audit trail.
    pub answers: Vec<(String, Answer)>,
    /// Derived from the answers; stored so a reader of the file sees it.
    pub outcome: String,
    pub note: String,
    /// Written evidence for a reckless outcome; required before one is saved.
    pub evidence: String,
    /// Who reviewed a reckless outcome as well as the facilitator; required with it.
    pub second_reviewer: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    No,
    DontKnow,
}

impl Answer {
    pub fn label(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::DontKnow => "don't know",
        }
    }
}

/// Where the classifier stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Position<'t> {
    Asking(&'t Node),
    Finished(&'t Outcome),
}

/// "Question `number` of at most `at_most`".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub number: usize,
    pub at_most: usize,
}

/// One question already answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathStep<'t> {
    pub node: &'t Node,
    pub answer: Answer,
    /// The branch taken: "don't know" is taken as the less culpable yes or no.
    pub taken: Answer,
}

/// A system action the outcome proposes, and the answer (or outcome) that drove it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    pub because: String,
    /// Drafted because the room did not know an answer.
    pub investigation: bool,
}

/// The classifier for one act: a table and the answers given so far.
#[derive(Debug, Clone)]
pub struct Classifier<'t> {
    table: &'t DecisionTable,
    answers: Vec<(String, Answer)>,
}

impl<'t> Classifier<'t> {
    pub fn start(table: &'t DecisionTable) -> Self {
        Classifier { table, answers: Vec::new() }
    }

    /// Picks up stored answers: follows the table from the first question for as long as
    /// there is an answer to the question it reaches. Answers off that path are dropped.
    pub fn resume(table: &'t DecisionTable, stored: &[(String, Answer)]) -> Self {
        let given: HashMap<&str, Answer> = stored.iter().map(|(q, a)| (q.as_str(), *a)).collect();
        let mut c = Classifier::start(table);
        while let Position::Asking(node) = c.position() {
            match given.get(node.id.as_str()) {
                Some(a) => c.answer(*a),
                None => break,
            };
        }
        c
    }

    /// Answers the current question. Returns false when there is none (already finished).
    pub fn answer(&mut self, answer: Answer) -> bool {
        match self.position() {
            Position::Asking(node) => {
                self.answers.push((node.id.clone(), answer));
                true
            }
            Position::Finished(_) => false,
        }
    }

    /// Takes back the last answer. Everything after it is derived again from what is left.
    pub fn back(&mut self) -> bool {
        self.answers.pop().is_some()
    }

    pub fn answers(&self) -> &[(String, Answer)] {
        &self.answers
    }

    pub fn table(&self) -> &'t DecisionTable {
        self.table
    }

    pub fn position(&self) -> Position<'t> {
        let mut node = self.table.start();
        for (_, answer) in &self.answers {
            match self.table.next(node, *answer) {
                Some(Target::Node(next)) => node = next,
                Some(Target::Outcome(outcome)) => return Position::Finished(outcome),
                None => break,
            }
        }
        Position::Asking(node)
    }

    pub fn question(&self) -> Option<&'t Node> {
        match self.position() {
            Position::Asking(node) => Some(node),
            Position::Finished(_) => None,
        }
    }

    pub fn outcome(&self) -> Option<&'t Outcome> {
        match self.position() {
            Position::Finished(outcome) => Some(outcome),
            Position::Asking(_) => None,
        }
    }

    /// "Question 3 of at most 8": the longest path still possible from here.
    pub fn progress(&self) -> Option<Progress> {
        let node = self.question()?;
        let asked = self.answers.len();
        Some(Progress { number: asked + 1, at_most: asked + self.table.longest_from(node) })
    }

    /// The questions answered so far, in order.
    pub fn path(&self) -> Vec<PathStep<'t>> {
        let mut steps = Vec::with_capacity(self.answers.len());
        let mut node = self.table.start();
        for (_, answer) in &self.answers {
            let taken = match answer {
                Answer::DontKnow => DecisionTable::dont_know_means(node),
                other => *other,
            };
            steps.push(PathStep { node, answer: *answer, taken });
            match self.table.next(node, *answer) {
                Some(Target::Node(next)) => node = next,
                _ => break,
            }
        }
        steps
    }

    /// The contributing factors the answers point to ("no procedure").
    pub fn factors(&self) -> Vec<&'t str> {
        let leads = self.path().into_iter().filter_map(|s| lead(s.node, s.taken));
        leads.map(|l| l.factor.as_str()).collect()
    }

    /// Once finished: the draft system actions, those led by an answer first, then the
    /// investigations for "don't know", then the outcome's own. No text twice.
    pub fn drafts(&self, act: &str) -> Vec<Draft> {
        let Some(outcome) = self.outcome() else { return Vec::new() };
        let act = act.trim().replace('\n', " ");
        let fill = |template: &str| template.replace("{act}", &act);
        let path = self.path();
        let mut out: Vec<Draft> = Vec::new();
        let mut push = |text: String, because: String, investigation: bool| {
            if !out.iter().any(|d| d.text == text) {
                out.push(Draft { text, because, investigation });
            }
        };
        for step in &path {
            if let Some(draft) = lead(step.node, step.taken).and_then(|l| l.draft.as_ref()) {
                push(fill(draft), because(step), false);
            }
        }
        for step in path.iter().filter(|s| s.answer == Answer::DontKnow) {
            push(fill(&step.node.investigate), because(step), true);
        }
        for draft in &outcome.drafts {
            push(fill(draft), outcome.label.clone(), false);
        }
        out
    }
}

fn lead(node: &Node, taken: Answer) -> Option<&super::just_culture::Lead> {
    match taken {
        Answer::Yes => node.if_yes.as_ref(),
        _ => node.if_no.as_ref(),
    }
}

fn because(step: &PathStep) -> String {
    format!("{}: {}", step.node.short, step.answer.label())
}

/// Why a set of stored answers does not lead to an outcome.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeriveError {
    #[error("no questions have been answered")]
    NoAnswers,
    #[error("`{0}` is not a question of the Just Culture table")]
    UnknownQuestion(String),
    #[error("the answers stop before an outcome: `{0}` has no answer")]
    Unanswered(String),
    #[error("answers to questions the path never reaches: {}", .0.join(", "))]
    OffPath(Vec<String>),
    #[error("the Just Culture table could not be loaded")]
    NoTable,
}

/// The outcome the stored answers lead to, by the built-in table.
pub fn derive_outcome(answers: &[(String, Answer)]) -> Result<&'static Outcome, DeriveError> {
    derive_outcome_in(builtin().map_err(|_| DeriveError::NoTable)?, answers)
}

/// Replays `answers` on `table`. Every answer must be used, and the path must end.
pub fn derive_outcome_in<'t>(
    table: &'t DecisionTable,
    answers: &[(String, Answer)],
) -> Result<&'t Outcome, DeriveError> {
    if answers.is_empty() {
        return Err(DeriveError::NoAnswers);
    }
    if let Some((q, _)) = answers.iter().find(|(q, _)| table.node(q).is_none()) {
        return Err(DeriveError::UnknownQuestion(q.clone()));
    }
    let c = Classifier::resume(table, answers);
    let used: Vec<&str> = c.answers().iter().map(|(q, _)| q.as_str()).collect();
    let off: Vec<String> = answers
        .iter()
        .filter(|(q, _)| !used.contains(&q.as_str()))
        .map(|(q, _)| q.clone())
        .collect();
    if !off.is_empty() {
        return Err(DeriveError::OffPath(off));
    }
    match c.position() {
        Position::Finished(outcome) => Ok(outcome),
        Position::Asking(node) => Err(DeriveError::Unanswered(node.id.clone())),
    }
}

/// A stored outcome that the answers do not bear out: what `check` reports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Disagreement {
    #[error("the outcome is `{stored}`, but {problem}")]
    Unsupported { stored: String, problem: DeriveError },
    #[error("the answers lead to `{derived}`, but no outcome is stored")]
    Missing { derived: String },
    #[error("the outcome is `{stored}`, but the answers lead to `{derived}`")]
    Differs { stored: String, derived: String },
}

/// Whether the stored `outcome` disagrees with the stored answers (by the built-in table).
/// A behaviour not classified yet (no answers, no outcome), or half-classified (answers on
/// the path that stop before an outcome, and no outcome), has nothing to disagree with.
pub fn outcome_disagrees(behaviour: &Behaviour) -> Option<Disagreement> {
    let table = builtin().ok()?;
    outcome_disagrees_in(table, behaviour)
}

pub fn outcome_disagrees_in(table: &DecisionTable, b: &Behaviour) -> Option<Disagreement> {
    let stored = b.outcome.trim();
    if b.answers.is_empty() && stored.is_empty() {
        return None;
    }
    match derive_outcome_in(table, &b.answers) {
        // Half-classified: answers along the path that stop before an outcome, with none
        // stored. The act is picked up where it stopped; nothing disagrees.
        Err(DeriveError::Unanswered(_)) if stored.is_empty() => None,
        Err(problem) => Some(Disagreement::Unsupported { stored: stored.to_string(), problem }),
        Ok(derived) if stored.is_empty() => {
            Some(Disagreement::Missing { derived: derived.id.clone() })
        }
        // A file may record only the family (`at-risk` for `at-risk-drift`), as DESIGN §3 does.
        Ok(derived) if stored == derived.id || stored == derived.family.as_str() => None,
        Ok(derived) => {
            Some(Disagreement::Differs { stored: stored.to_string(), derived: derived.id.clone() })
        }
    }
}

impl Behaviour {
    /// The outcome its answers lead to, if they lead to one.
    pub fn derived_outcome<'t>(&self, table: &'t DecisionTable) -> Option<&'t Outcome> {
        derive_outcome_in(table, &self.answers).ok()
    }

    /// For a reckless outcome: the fields that must be filled before it is kept.
    pub fn reckless_gaps(&self, outcome: &Outcome) -> Vec<&'static str> {
        if outcome.family != Family::Reckless {
            return Vec::new();
        }
        let mut gaps = Vec::new();
        if self.evidence.trim().is_empty() {
            gaps.push("evidence");
        }
        if self.second_reviewer.trim().is_empty() {
            gaps.push("second_reviewer");
        }
        gaps
    }
}

#[cfg(test)]
#[path = "behaviour_tests.rs"]
mod tests;
