//! The help overlay: every key, by where it works, generated from the keymap.

pub mod update;
pub mod view;
