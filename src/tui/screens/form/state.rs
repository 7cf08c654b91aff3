//! Forms: a few labelled fields, one focused, and what submitting is for. Every form of
//! every step is one of these.

use std::path::PathBuf;

use crate::model::{ActionStatus, ItemRef, LessonKind};
use crate::tui::keymap::{KeyCode, KeyInput};
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: Purpose,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
}

/// What submitting the form does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    AddEvent,
    EditEvent(String),
    Incident,
    NewReview,
    AddBehaviour,
    EditBehaviour(String),
    /// The written evidence and second reviewer a reckless outcome needs.
    RecklessEvidence(String),
    AddWhy(WhyPlace),
    EditWhy(String),
    AddFactor,
    EditFactor(String),
    ReviewStatus,
    Park,
    /// Keep a wording finding on purpose, with a reason.
    KeepWording {
        item: ItemRef,
        field: String,
        rule: String,
        matched: String,
    },
    AddAction,
    EditAction(String),
    /// The note a status needs (evidence for verified, the decision for won't do), for an
    /// action of the open review.
    StatusNote {
        action: String,
        status: ActionStatus,
    },
    /// The same, for an action of another review, from the follow-up view.
    FollowUpNote {
        path: PathBuf,
        action: String,
        status: ActionStatus,
    },
    /// A lesson added to the list its form chooses.
    AddLesson,
    /// The lesson at `index` of the `kind` list.
    EditLesson {
        kind: LessonKind,
        index: usize,
    },
    /// Writing the report beside the review: its format and redaction.
    Export,
}

/// Where a new answer goes in the Five Whys tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyPlace {
    /// Under an answer (`None`: asked of the incident itself).
    Child(Option<String>),
    /// Beside an answer, under the same parent.
    Sibling(String),
    /// Beside a wrong turn, asked again in system terms.
    Reframe(String),
}

/// Which field of which form: what the code asks a form for. The label is only what the
/// form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKey {
    EventTime,
    EventKind,
    EventText,
    EventSource,
    KnownThen,
    Answer,
    WhyNote,
    FactorText,
    Category,
    AcceptedRisk,
    Act,
    ActContext,
    ActEvent,
    RecklessEvidence,
    SecondReviewer,
    ActionText,
    Team,
    Owner,
    Due,
    ActionKind,
    ActionFactors,
    Ticket,
    Commitment,
    Verification,
    Decision,
    ReviewStatus,
    GateOverride,
    KeepReason,
    NewTitle,
    Template,
    Title,
    Severity,
    Status,
    Summary,
    Impact,
    StartedAt,
    Facilitator,
    Participants,
    Tags,
    PrivateNotes,
    ParkedPoint,
    LessonKind,
    Lesson,
    ReviewDate,
    ExportFormat,
    Redact,
}

impl FieldKey {
    /// The field's label on screen.
    pub fn label(self) -> &'static str {
        match self {
            Self::EventTime => "Time",
            Self::EventKind => "Kind",
            Self::EventText => "What happened",
            Self::EventSource => "Source / evidence",
            Self::KnownThen => "Known at the time",
            Self::Answer => "Answer",
            Self::WhyNote => "Question / note",
            Self::FactorText => "Contributing factor",
            Self::Category => "Category",
            Self::AcceptedRisk => "Accepted risk",
            Self::Act => "Act",
            Self::ActContext => "Context",
            Self::ActEvent => "Timeline event",
            Self::RecklessEvidence => "Evidence",
            Self::SecondReviewer => "Second reviewer",
            Self::ActionText => "Action",
            Self::Team => "Team",
            Self::Owner => "Owner",
            Self::Due => "Due",
            Self::ActionKind => "Kind",
            Self::ActionFactors => "Factors",
            Self::Ticket => "Ticket",
            Self::Commitment => "Status",
            Self::Verification => "Evidence",
            Self::Decision => "Decision",
            Self::ReviewStatus => "Status",
            Self::GateOverride => "Reason to publish anyway",
            Self::KeepReason => "Reason",
            Self::NewTitle => "Title",
            Self::Template => "Template",
            Self::Title => "Title",
            Self::Severity => "Severity",
            Self::Status => "Status",
            Self::Summary => "Summary",
            Self::Impact => "Impact",
            Self::StartedAt => "Started at",
            Self::Facilitator => "Facilitator",
            Self::Participants => "Participants",
            Self::Tags => "Tags",
            Self::PrivateNotes => "Private notes",
            Self::ParkedPoint => "Point",
            Self::LessonKind => "List",
            Self::Lesson => "Lesson",
            Self::ReviewDate => "Review day",
            Self::ExportFormat => "Format",
            Self::Redact => "Names",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: FieldKey,
    pub label: &'static str,
    pub input: Input,
    /// A line under the field: a live preview, or why the value cannot be used.
    pub feedback: Option<Feedback>,
    /// Takes several lines (Alt-Enter for a new line).
    pub multiline: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    Preview(String),
    Problem(String),
    /// Several lines, each one row: the action checks under the text as it is typed.
    Lines(Vec<FeedbackLine>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackLine {
    pub text: String,
    pub problem: bool,
}

/// One option of a choice: what the code reads (`id`), what the form shows (`label`), and
/// the letter that picks it, unique within its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub letter: Option<char>,
}

impl Choice {
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Self {
        Choice { id: id.into(), label: label.into(), letter: None }
    }

    /// An option whose id is also what is shown (`observation`, `SEV1`).
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        Choice { id: text.clone(), label: text, letter: None }
    }

    /// Where the letter is in the label (the first occurrence, either case), in chars.
    pub fn letter_at(&self) -> Option<usize> {
        let letter = self.letter?;
        self.label.chars().position(|c| c.to_ascii_lowercase() == letter)
    }
}

/// Gives each option a letter of its own label, unique in the list: its first letter when
/// no option before has taken it, else the first free letter further in. Options whose
/// letters are all taken have none (they are still reached with ←/→).
pub fn assign_letters(options: &mut [Choice]) {
    let mut taken: Vec<char> = Vec::new();
    let letters = |label: &str| -> Vec<char> {
        label.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect()
    };
    // First letters first, so `change` keeps `c` even when an earlier option could take it.
    for option in options.iter_mut() {
        option.letter = letters(&option.label).first().copied().filter(|c| !taken.contains(c));
        taken.extend(option.letter);
    }
    for option in options.iter_mut().filter(|o| o.letter.is_none()) {
        option.letter = letters(&option.label).into_iter().find(|c| !taken.contains(c));
        taken.extend(option.letter);
    }
}

#[derive(Debug, Clone)]
pub enum Input {
    Text(Box<TextField>),
    /// One of a few options, all shown in the field with the letter that picks each
    /// (`inline`), or one of a long list shown one at a time with ◀ ▶.
    Choice {
        options: Vec<Choice>,
        index: usize,
        inline: bool,
    },
    /// Several options may be chosen: ←/→ moves, Space picks or drops.
    Multi {
        options: Vec<Choice>,
        chosen: Vec<bool>,
        cursor: usize,
    },
}

impl Field {
    pub fn text(key: FieldKey, initial: &str, placeholder: &str) -> Self {
        Field {
            key,
            label: key.label(),
            input: Input::Text(Box::new(TextField::new(initial, placeholder))),
            feedback: None,
            multiline: false,
        }
    }

    pub fn multiline(mut self) -> Self {
        self.multiline = true;
        self
    }

    /// One of a few `options`, listed in the field, each with its own letter; starting on
    /// the one whose id is `selected`.
    pub fn choice(key: FieldKey, mut options: Vec<Choice>, selected: &str) -> Self {
        assign_letters(&mut options);
        let index = options.iter().position(|o| o.id == selected).unwrap_or(0);
        let input = Input::Choice { options, index, inline: true };
        Field { key, label: key.label(), input, feedback: None, multiline: false }
    }

    /// One of a long list (timeline events): one shown at a time, ←/→ to move, and a letter
    /// jumps to the next option starting with it.
    pub fn choice_in_list(key: FieldKey, options: Vec<Choice>, selected: &str) -> Self {
        let index = options.iter().position(|o| o.id == selected).unwrap_or(0);
        let input = Input::Choice { options, index, inline: false };
        Field { key, label: key.label(), input, feedback: None, multiline: false }
    }

    /// A choice whose options are their own ids.
    pub fn choice_of(key: FieldKey, options: &[&str], selected: &str) -> Self {
        Self::choice(key, options.iter().map(|o| Choice::plain(*o)).collect(), selected)
    }

    /// `chosen` are the ids of the options picked to begin with.
    pub fn multi(key: FieldKey, options: Vec<Choice>, chosen: &[String]) -> Self {
        let picked = options.iter().map(|o| chosen.contains(&o.id)).collect();
        let input = Input::Multi { options, chosen: picked, cursor: 0 };
        Field { key, label: key.label(), input, feedback: None, multiline: false }
    }

    /// The text typed, or the id of the option chosen; several ids joined for a multiple
    /// choice.
    pub fn value(&self) -> String {
        match &self.input {
            Input::Text(field) => field.text(),
            Input::Choice { options, index, .. } => {
                options.get(*index).map(|o| o.id.clone()).unwrap_or_default()
            }
            Input::Multi { .. } => self.values().join(", "),
        }
    }

    /// The ids of the options picked in a multiple choice; the value itself for the others.
    pub fn values(&self) -> Vec<String> {
        match &self.input {
            Input::Multi { options, chosen, .. } => (options.iter().zip(chosen))
                .filter(|(_, c)| **c)
                .map(|(o, _)| o.id.clone())
                .collect(),
            _ => vec![self.value()],
        }
    }
}

impl Form {
    pub fn new(purpose: Purpose, title: impl Into<String>, fields: Vec<Field>) -> Self {
        Form { purpose, title: title.into(), fields, focus: 0 }
    }

    pub fn focus_on(mut self, key: FieldKey) -> Self {
        self.focus_on_field(key);
        self
    }

    pub fn focus_on_field(&mut self, key: FieldKey) {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.focus = i;
        }
    }

    pub fn value(&self, key: FieldKey) -> String {
        self.field(key).map(Field::value).unwrap_or_default()
    }

    pub fn field(&self, key: FieldKey) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_mut(&mut self, key: FieldKey) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev_field(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Sends a key to the focused field. Returns whether its value changed.
    pub fn type_key(&mut self, key: KeyInput) -> bool {
        let Some(field) = self.focused_mut() else { return false };
        match &mut field.input {
            Input::Text(text) => text.input(key),
            Input::Choice { options, index, inline } => {
                let n = options.len().max(1);
                let before = *index;
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % n,
                    KeyCode::Left => *index = (*index + n - 1) % n,
                    // The letter shown under an option picks that option, and only it.
                    KeyCode::Char(c) if *inline => {
                        let c = c.to_ascii_lowercase();
                        if let Some(found) = options.iter().position(|o| o.letter == Some(c)) {
                            *index = found;
                        }
                    }
                    KeyCode::Char(c) => {
                        // Typing a letter jumps to the next option starting with it.
                        let c = c.to_ascii_lowercase();
                        if let Some(found) = (1..=n)
                            .map(|step| (*index + step) % n)
                            .find(|i| options[*i].label.starts_with(c))
                        {
                            *index = found;
                        }
                    }
                    _ => {}
                }
                *index != before
            }
            Input::Multi { options, chosen, cursor } => {
                let n = options.len();
                match key.code {
                    _ if n == 0 => return false,
                    KeyCode::Right => *cursor = (*cursor + 1) % n,
                    KeyCode::Left => *cursor = (*cursor + n - 1) % n,
                    KeyCode::Char(' ') => {
                        if let Some(c) = chosen.get_mut(*cursor) {
                            *c = !*c;
                            return true;
                        }
                    }
                    _ => {}
                }
                false
            }
        }
    }

    /// Inserts text into the focused text field; a choice ignores it.
    pub fn insert(&mut self, text: &str) {
        if let Some(Field { input: Input::Text(field), .. }) = self.focused_mut() {
            field.insert(text);
        }
    }

    /// The focused field's text, when it is a text field.
    pub fn focused_text(&self) -> Option<String> {
        match self.focused()?.input {
            Input::Text(ref field) => Some(field.text()),
            Input::Choice { .. } | Input::Multi { .. } => None,
        }
    }

    pub fn replace_focused(&mut self, text: &str) {
        if let Some(Field { input: Input::Text(field), .. }) = self.focused_mut() {
            field.replace(text);
        }
    }

    pub fn new_line(&mut self) {
        if let Some(Field { input: Input::Text(field), multiline: true, .. }) = self.focused_mut() {
            field.new_line();
        }
    }

    pub fn undo(&mut self) {
        if let Some(Field { input: Input::Text(field), .. }) = self.focused_mut() {
            field.undo();
        }
    }

    pub fn redo(&mut self) {
        if let Some(Field { input: Input::Text(field), .. }) = self.focused_mut() {
            field.redo();
        }
    }

    pub fn set_feedback(&mut self, key: FieldKey, feedback: Option<Feedback>) {
        if let Some(field) = self.field_mut(key) {
            field.feedback = feedback;
        }
    }

    pub fn has_problem(&self) -> bool {
        self.fields.iter().any(|f| matches!(f.feedback, Some(Feedback::Problem(_))))
    }
}
