//! Everything that is not a step, one folder each in the steps' shape (`state.rs`,
//! `update.rs`, `forms.rs`, `view.rs`, as far as each needs them): the home list, the
//! follow-up view, the console frame around the steps, the error screen, presentation
//! mode, who writes the open review (sharing), and the overlays drawn over them (help,
//! forms, the picker, publishing).

pub mod console;
pub mod export;
pub mod failed;
pub mod followup;
pub mod form;
pub mod help;
pub mod home;
pub mod picker;
pub mod present;
pub mod sharing;
