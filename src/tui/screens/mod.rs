//! Everything that is not a step, one folder each in the steps' shape (`state.rs`,
//! `update.rs`, `forms.rs`, `view.rs`, as far as each needs them): the home list, the
//! follow-up view, the Insights view, the console frame around the steps, the error
//! screen, presentation mode, who writes the open review (sharing), and the overlays drawn
//! over them (help, forms, the picker, publishing, the import screen, merge conflicts).

pub mod conflicts;
pub mod console;
pub mod export;
pub mod failed;
pub mod followup;
pub mod form;
pub mod help;
pub mod home;
pub mod import;
pub mod insights;
pub mod picker;
pub mod present;
pub mod sharing;
