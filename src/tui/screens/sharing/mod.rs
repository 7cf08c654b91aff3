//! One writer per review, seen from the console: who holds the open review (the banner),
//! following the writer's saves, taking over a stale lock after a question, and the choice
//! offered when the file changed on disk (or was deleted) before a save.

pub mod state;
pub mod update;
pub mod view;
pub mod words;
