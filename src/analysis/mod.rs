//! Pure checks over the review and its text. Nothing here mutates a session, does I/O or
//! knows about the terminal.

pub mod language;
