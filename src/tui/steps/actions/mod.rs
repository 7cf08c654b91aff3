//! The Actions step: action items with their five checks, status changes, the follow-up
//! meeting and conditions seen in earlier reviews.

pub mod forms;
pub mod state;
pub mod update;
pub mod view;
pub mod walkthrough;
