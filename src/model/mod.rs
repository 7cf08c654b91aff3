//! The postmortem document: plain data and its invariants. No I/O, no UI.

pub mod actions;
pub mod behaviour;
pub mod behaviour_summary;
pub mod conflict;
pub mod dismissal;
mod extra;
pub mod factors;
pub mod history;
pub mod ids;
pub mod item;
pub mod just_culture;
pub mod lessons;
pub mod parked;
pub mod session;
pub mod text;
pub mod time_entry;
pub mod timeline;
pub mod why_index;
pub mod whys;
pub mod zone;

pub use actions::{ActionItem, ActionKind, ActionStatus};
pub use behaviour::{Answer, Behaviour};
pub use conflict::Conflict;
pub use dismissal::Dismissal;
pub use extra::Extra;
pub use factors::{Category, Factor};
pub use item::{ItemKind, ItemRef};
pub use lessons::{LessonKind, Lessons};
pub use parked::Parked;
pub use session::{Incident, Mode, Participant, ReviewStatus, Session};
pub use timeline::{Event, EventKind, Milestone};
pub use why_index::WhyIndex;
pub use whys::{Why, WhyTree, WhyTreeEdit};

/// A point in time with the offset it was recorded in.
pub type Timestamp = chrono::DateTime<chrono::FixedOffset>;
