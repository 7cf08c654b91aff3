//! Small pieces shared by screens.

pub mod footer;
pub mod stepper;
pub mod text_field;
