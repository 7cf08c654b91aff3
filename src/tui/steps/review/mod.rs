//! The Review step: the gate, the review's status, the parking lot and wording kept on
//! purpose.

pub mod forms;
pub mod state;
pub mod update;
pub mod view;
