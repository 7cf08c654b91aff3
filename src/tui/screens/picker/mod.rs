//! The picker overlay: choosing from a list (a new parent, a factor's evidence).

pub mod state;
pub mod update;
pub mod view;

pub use state::{PickFor, PickItem, Picker};
