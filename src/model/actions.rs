//! Action items and the statuses they move through until the fix is verified:
//! idea → open → in-progress → done → verified, and wont-do, with the steps allowed
//! between them and the notes two of them need.

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
    /// The day the fix was verified, when it is known (follow-through across reviews).
    pub verified_on: Option<NaiveDate>,
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
    pub const ALL: [ActionStatus; 6] =
        [Self::Idea, Self::Open, Self::InProgress, Self::Done, Self::Verified, Self::WontDo];

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

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Open => "open",
            Self::InProgress => "in progress",
            Self::Done => "done",
            Self::Verified => "verified",
            Self::WontDo => "won't do",
        }
    }

    /// A shape per status, so it reads without colour.
    pub fn glyph(self) -> &'static str {
        match self {
            Self::Idea => "·",
            Self::Open => "○",
            Self::InProgress => "◐",
            Self::Done => "●",
            Self::Verified => "✔",
            Self::WontDo => "⊘",
        }
    }

    pub fn parse(s: &str) -> Option<ActionStatus> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Committed and not yet finished.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }

    /// The room committed to it: anything but an idea.
    pub fn is_committed(self) -> bool {
        self != Self::Idea
    }

    /// Where an action in this status may go next.
    pub fn next(self) -> &'static [ActionStatus] {
        use ActionStatus::*;
        match self {
            Idea => &[Open, WontDo],
            Open => &[InProgress, Done, WontDo, Idea],
            InProgress => &[Open, Done, WontDo],
            // Reopened when the fix turns out not to hold.
            Done => &[Verified, InProgress],
            Verified => &[InProgress],
            WontDo => &[Open, Idea],
        }
    }

    pub fn can_move_to(self, to: ActionStatus) -> bool {
        self.next().contains(&to)
    }

    /// Verified needs its evidence, won't do its decision.
    pub fn needs_note(self) -> bool {
        matches!(self, Self::Verified | Self::WontDo)
    }

    /// A step to `to`, or — already there — a new note for it.
    pub fn can_take(self, to: ActionStatus) -> bool {
        self.can_move_to(to) || self == to && to.needs_note()
    }
}

/// Why a status change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("it is already {}", .0.label())]
    Already(ActionStatus),
    #[error("{} cannot go straight to {}; it can go to {allowed}", .from.label(), .to.label())]
    NotAllowed { from: ActionStatus, to: ActionStatus, allowed: String },
    #[error(
        "verified needs evidence that the fix works: the test that passes, the drill, the alert that fired"
    )]
    NeedsVerification,
    #[error(
        "won't do needs the decision and its reason; accepting a risk is a legitimate outcome when it is written down"
    )]
    NeedsDecision,
}

impl ActionItem {
    /// Moves to `to`. `note` is the evidence for `verified` or the decision for `wont-do`;
    /// one already recorded is kept when `note` is empty.
    pub fn move_to(&mut self, to: ActionStatus, note: &str) -> Result<(), Refusal> {
        let from = self.status;
        if from == to {
            return Err(Refusal::Already(to));
        }
        if !from.can_move_to(to) {
            let allowed: Vec<&str> = from.next().iter().map(|s| s.label()).collect();
            return Err(Refusal::NotAllowed { from, to, allowed: allowed.join(", ") });
        }
        let note = note.trim();
        match to {
            ActionStatus::Verified if note.is_empty() && self.verification.trim().is_empty() => {
                return Err(Refusal::NeedsVerification);
            }
            ActionStatus::WontDo if note.is_empty() && self.decision.trim().is_empty() => {
                return Err(Refusal::NeedsDecision);
            }
            ActionStatus::Verified if !note.is_empty() => self.verification = note.to_string(),
            ActionStatus::WontDo if !note.is_empty() => self.decision = note.to_string(),
            _ => {}
        }
        self.status = to;
        Ok(())
    }
}

impl ActionItem {
    /// Moves to `to`, or, when already there, rewrites its note: the evidence of a verified
    /// action, the decision of a won't-do.
    pub fn move_or_note(&mut self, to: ActionStatus, note: &str) -> Result<(), Refusal> {
        let note = note.trim();
        match to {
            _ if self.status != to || !to.needs_note() => self.move_to(to, note),
            ActionStatus::Verified if note.is_empty() => Err(Refusal::NeedsVerification),
            ActionStatus::Verified => {
                self.verification = note.to_string();
                Ok(())
            }
            _ if note.is_empty() => Err(Refusal::NeedsDecision),
            _ => {
                self.decision = note.to_string();
                Ok(())
            }
        }
    }
}

/// A due date as typed: `2026-03-20`, `+14d` / `14d` (days from today), `+2w` (weeks), or
/// empty for none.
pub fn parse_due(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, DueError> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(date) = NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
        return Ok(Some(date));
    }
    let bad = || DueError(text.trim().to_string());
    let rest = t.strip_prefix('+').unwrap_or(&t);
    let (number, unit) =
        rest.split_at(rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len()));
    let n: u64 = number.parse().map_err(|_| bad())?;
    let days = match unit.trim() {
        "" | "d" | "day" | "days" => n,
        "w" | "week" | "weeks" => n.checked_mul(7).ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    today.checked_add_days(chrono::Days::new(days)).map(Some).ok_or_else(bad)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a date: type 2026-03-20, or +14d for two weeks from today")]
pub struct DueError(pub String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    Detect,
    Mitigate,
    Prevent,
    Repair,
    Process,
}

impl ActionKind {
    pub const ALL: [ActionKind; 5] =
        [Self::Detect, Self::Mitigate, Self::Prevent, Self::Repair, Self::Process];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Detect => "detect",
            Self::Mitigate => "mitigate",
            Self::Prevent => "prevent",
            Self::Repair => "repair",
            Self::Process => "process",
        }
    }

    pub fn parse(s: &str) -> Option<ActionKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}
