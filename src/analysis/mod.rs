//! Pure checks over a review or a piece of text. They never change what they look at, do
//! no I/O, never read the clock (the day is an argument) and know nothing of the terminal.

pub mod action_messages;
mod action_shape;
pub mod actions;
pub mod cache;
pub mod check;
pub mod conflicts;
pub mod consistency;
pub mod coverage;
pub mod followup;
pub mod insights;
pub mod language;
pub mod messages;
pub mod overview;
pub mod phrases;
pub mod policy;
pub mod readiness;
pub mod recurrence;
pub mod review_language;
pub mod strength;
pub mod whys;
