//! What a person types as a time: `14:32`, `+5m`, `2026-03-02 14:32`, RFC 3339.
// PLACEHOLDER: being written.

use super::Timestamp;

/// What a typed time is read against.
#[derive(Debug, Clone, Copy)]
pub struct TimeContext {
    /// The current time in the local zone.
    pub now: Timestamp,
    /// The selected event's time: the anchor for `+5m` / `-2m`.
    pub selected: Option<Timestamp>,
    /// Where a time-only entry takes its date and offset from: the previous event, else the
    /// incident's start.
    pub reference: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("“{0}” is not a time I can read. Try {forms}", forms = ACCEPTED_FORMS)]
    Unrecognised(String),
}

pub const ACCEPTED_FORMS: &str =
    "14:32 · 14:32:05 · 09:12 UTC · +5m / -2m / +1h · 2026-03-02 14:32 · 2026-03-02T14:32:00Z";

pub fn parse_time(input: &str, ctx: &TimeContext) -> Result<Timestamp, TimeError> {
    let _ = (input, ctx);
    todo!()
}

pub fn split_leading_time<'a>(line: &'a str, ctx: &TimeContext) -> (Option<Timestamp>, &'a str) {
    let _ = ctx;
    (None, line)
}
