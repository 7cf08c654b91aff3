//! The form overlay: fields, focus and feedback for every form of every step, the
//! linter on the focused field as it is typed, and the paste offer.

pub mod state;
pub mod update;
pub mod view;
pub mod wording;

pub use state::{Feedback, FeedbackLine, Field, Form, Input, Purpose, WhyPlace};
