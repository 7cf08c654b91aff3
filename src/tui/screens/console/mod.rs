//! The console around an open review: the frame (header, stepper, body, side pane,
//! footer), what every step shares (switching steps, undo, cards), and the incident form.

pub mod forms;
pub mod update;
pub mod view;
