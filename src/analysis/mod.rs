//! Pure checks over a review or a piece of text. They read; they never change anything.

pub mod check;
pub mod coverage;
pub mod messages;
pub mod readiness;
pub mod whys;
