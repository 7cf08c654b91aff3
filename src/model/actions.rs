//! Action items and the statuses they move through until the fix is verified.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Extra;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionItem {
    pub id: String,
    pub text: String,
    pub team: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub kind: Option<ActionKind>,
    pub factors: Vec<String>,
    /// The behaviours this action responds to (a draft turned into an action).
    pub behaviours: Vec<String>,
    pub ticket: String,
    /// Evidence that the fix works; required before `verified`.
    pub verification: String,
    /// The recorded decision and reason; required before `wont-do`.
    pub decision: String,
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    Idea,
    #[default]
    Open,
    InProgress,
    Done,
    Verified,
    WontDo,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Open => "open",
            Self::InProgress => "in-progress",
            Self::Done => "done",
            Self::Verified => "verified",
            Self::WontDo => "wont-do",
        }
    }

    /// Committed and not yet finished.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    Detect,
    Mitigate,
    Prevent,
    Repair,
    Process,
}
