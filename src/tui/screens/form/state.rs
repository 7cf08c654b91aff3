//! Forms: a few labelled fields, one focused, and what submitting is for. Every form of
//! every step is one of these.

use std::path::PathBuf;

use crate::model::{ActionStatus, ItemRef};
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

#[derive(Debug, Clone)]
pub struct Field {
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

#[derive(Debug, Clone)]
pub enum Input {
    Text(Box<TextField>),
    Choice {
        options: Vec<String>,
        index: usize,
    },
    /// Several options may be chosen: ←/→ moves, Space picks or drops.
    Multi {
        options: Vec<String>,
        chosen: Vec<bool>,
        cursor: usize,
    },
}

impl Field {
    pub fn text(label: &'static str, initial: &str, placeholder: &str) -> Self {
        Field {
            label,
            input: Input::Text(Box::new(TextField::new(initial, placeholder))),
            feedback: None,
            multiline: false,
        }
    }

    pub fn multiline(mut self) -> Self {
        self.multiline = true;
        self
    }

    pub fn choice(label: &'static str, options: Vec<impl Into<String>>, selected: &str) -> Self {
        let options: Vec<String> = options.into_iter().map(Into::into).collect();
        let index = options.iter().position(|o| o == selected).unwrap_or(0);
        Field { label, input: Input::Choice { options, index }, feedback: None, multiline: false }
    }

    /// `chosen` are the options picked to begin with.
    pub fn multi(label: &'static str, options: Vec<String>, chosen: &[String]) -> Self {
        let picked = options.iter().map(|o| chosen.contains(o)).collect();
        let input = Input::Multi { options, chosen: picked, cursor: 0 };
        Field { label, input, feedback: None, multiline: false }
    }

    pub fn value(&self) -> String {
        match &self.input {
            Input::Text(field) => field.text(),
            Input::Choice { options, index } => options.get(*index).cloned().unwrap_or_default(),
            Input::Multi { .. } => self.values().join(", "),
        }
    }

    /// The options picked in a multiple choice; the value itself for the others.
    pub fn values(&self) -> Vec<String> {
        match &self.input {
            Input::Multi { options, chosen, .. } => {
                (options.iter().zip(chosen)).filter(|(_, c)| **c).map(|(o, _)| o.clone()).collect()
            }
            _ => vec![self.value()],
        }
    }
}

impl Form {
    pub fn new(purpose: Purpose, title: impl Into<String>, fields: Vec<Field>) -> Self {
        Form { purpose, title: title.into(), fields, focus: 0 }
    }

    pub fn focus_on(mut self, label: &str) -> Self {
        self.focus = self.fields.iter().position(|f| f.label == label).unwrap_or(0);
        self
    }

    pub fn focus_on_label(&mut self, label: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.label == label) {
            self.focus = i;
        }
    }

    pub fn value(&self, label: &str) -> String {
        self.field(label).map(Field::value).unwrap_or_default()
    }

    pub fn field(&self, label: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.label == label)
    }

    pub fn field_mut(&mut self, label: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.label == label)
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
            Input::Choice { options, index } => {
                let n = options.len().max(1);
                let before = *index;
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % n,
                    KeyCode::Left => *index = (*index + n - 1) % n,
                    KeyCode::Char(c) => {
                        // Typing a letter jumps to the next option starting with it.
                        let c = c.to_ascii_lowercase();
                        if let Some(found) = (1..=n)
                            .map(|step| (*index + step) % n)
                            .find(|i| options[*i].starts_with(c))
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

    pub fn set_feedback(&mut self, label: &str, feedback: Option<Feedback>) {
        if let Some(field) = self.field_mut(label) {
            field.feedback = feedback;
        }
    }

    pub fn has_problem(&self) -> bool {
        self.fields.iter().any(|f| matches!(f.feedback, Some(Feedback::Problem(_))))
    }
}
