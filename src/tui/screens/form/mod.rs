//! The form overlay: fields, focus and feedback for every form of every step, the
//! linter on the focused field as it is typed, and the paste offer.

pub mod choice;
pub mod state;
pub mod update;
pub mod view;
pub mod wording;

pub use state::{
    Choice, Feedback, FeedbackLine, Field, FieldKey, Form, Input, Purpose, WhyPlace, assign_letters,
};
