//! What helps a facilitator lead the room: the meeting clock and timeboxes, the prompt
//! cards in the side pane, and each step's prompt.

pub mod agenda;
pub mod cards;
pub mod prompts;
