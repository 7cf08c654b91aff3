//! One file per screen or overlay.

pub mod actions;
pub mod behaviours;
pub mod console;
pub mod factors;
pub mod factors_picture;
pub mod failed;
pub mod followup;
pub mod form;
pub mod help;
pub mod home;
pub mod picker;
pub mod present;
pub mod review;
pub mod timeline;
pub mod walkthrough;
pub mod whys;
pub mod whys_big;
pub mod wizard;
