//! The screen shown when a review could not be opened.

pub mod update;
pub mod view;
