//! The Behaviours step: acts, the Just Culture classifier one question at a time, drafts
//! turned into action items, and the summary.

pub mod classifier;
pub mod forms;
pub mod state;
pub mod update;
pub mod view;
