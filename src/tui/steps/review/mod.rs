//! The Review step: the gate, the review's status, the parking lot, the lessons and wording
//! kept on purpose.

pub mod forms;
pub mod lessons;
pub mod state;
pub mod update;
pub mod view;
