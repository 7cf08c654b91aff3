//! Presentation mode: a flag on the model, not a screen — the console for a room reading a
//! shared screen, with names shown as roles.

pub mod state;
pub mod update;
pub mod view;
