//! Publishing from the console: choosing the report's format and redaction, writing it
//! beside the review, and asking before replacing a file that is not an earlier report.

pub mod forms;
pub mod state;
pub mod update;
pub mod view;
