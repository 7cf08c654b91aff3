//! The Timeline step: events in time order, milestones, and pasted lines.

pub mod forms;
pub mod state;
pub mod update;
pub mod view;
