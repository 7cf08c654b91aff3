//! The follow-up view: open actions across every review in the data folder.

pub mod forms;
pub mod state;
pub mod update;
pub mod view;
