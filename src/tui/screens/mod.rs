//! One file per screen or overlay.

pub mod actions;
pub mod behaviours;
pub mod console;
pub mod failed;
pub mod followup;
pub mod form;
pub mod help;
pub mod home;
pub mod placeholder;
pub mod timeline;
pub mod walkthrough;
pub mod wizard;
