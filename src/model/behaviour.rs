//! Just Culture: one observable act, the answers given about it, and the outcome.

use serde::{Deserialize, Serialize};

use super::Extra;

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
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    No,
    DontKnow,
}
