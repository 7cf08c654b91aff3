//! The import screen, over the Timeline step: choose a file, see its lines read as events,
//! filter and tick the ones that belong, and add them as one undoable edit.

pub mod state;
pub mod update;
pub mod view;
pub mod words;
