//! One file per screen or overlay.

pub mod console;
pub mod failed;
pub mod form;
pub mod help;
pub mod home;
pub mod placeholder;
pub mod timeline;
