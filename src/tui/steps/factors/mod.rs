//! The Factors step: contributing factors, their evidence and accepted risks, as a list or
//! as a picture around the incident.

pub mod forms;
pub mod picture;
pub mod state;
pub mod update;
pub mod view;
