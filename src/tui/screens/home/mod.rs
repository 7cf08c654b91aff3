//! The home screen: the reviews in the data folder, and the new-review form.

pub mod forms;
pub mod state;
pub mod update;
pub mod view;
