//! One file per screen or overlay.

pub mod behaviours;
pub mod console;
pub mod failed;
pub mod form;
pub mod help;
pub mod home;
pub mod placeholder;
pub mod timeline;
pub mod wizard;
