//! Every user intent is one `Action`. The bindable ones have a name, which is what people
//! write in their key config, and a description, which is what the help screen shows.

use std::path::PathBuf;
use std::sync::LazyLock;

use super::keymap::KeyInput;
use crate::model::ActionStatus;
use crate::store::Loaded;

/// The six steps of a review, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Timeline,
    Whys,
    Factors,
    Behaviours,
    Actions,
    Review,
}

impl Step {
    pub const ALL: [Step; 6] =
        [Self::Timeline, Self::Whys, Self::Factors, Self::Behaviours, Self::Actions, Self::Review];

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Timeline => "Timeline",
            Self::Whys => "Whys",
            Self::Factors => "Factors",
            Self::Behaviours => "Behaviours",
            Self::Actions => "Actions",
            Self::Review => "Review",
        }
    }

    /// The key used for this step in prompts.toml.
    pub fn key(self) -> &'static str {
        match self {
            Self::Timeline => "timeline",
            Self::Whys => "whys",
            Self::Factors => "factors",
            Self::Behaviours => "behaviours",
            Self::Actions => "actions",
            Self::Review => "review",
        }
    }

    pub fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    pub fn prev(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Anywhere.
    Quit,
    Close,
    ToggleHelp,
    Undo,
    Redo,
    IncidentDetails,
    // Moving around.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextStep,
    PrevStep,
    GoToStep(Step),
    // Home screen.
    OpenSelected,
    NewReview,
    OpenDemo,
    Refresh,
    // Timeline.
    AddEvent,
    EditEvent,
    DeleteEvent,
    MarkStart,
    MarkDetected,
    MarkMitigated,
    MarkResolved,
    // Behaviours and the Just Culture classifier.
    AddBehaviour,
    EditBehaviour,
    DeleteBehaviour,
    Classify,
    AnswerYes,
    AnswerNo,
    AnswerDontKnow,
    AnswerBack,
    DraftToAction,
    RecordEvidence,
    BehaviourSummary,
    // Review.
    GoToItem,
    SetReviewStatus,
    Park,
    DeleteParked,
    KeepWording,
    // Five Whys.
    AddChildWhy,
    AddSiblingWhy,
    EditWhy,
    DeleteWhy,
    MoveWhyUp,
    MoveWhyDown,
    MoveWhy,
    ToggleFold,
    Collapse,
    Expand,
    MarkSystemCondition,
    PromoteToFactor,
    ReframeWhy,
    BigView,
    // Contributing factors.
    AddFactor,
    EditFactor,
    DeleteFactor,
    LinkWhys,
    LinkEvents,
    AcceptRisk,
    TogglePicture,
    // Facilitating: presentation mode and the prompt cards.
    TogglePresent,
    NextCard,
    PrevCard,
    // Action items, their lifecycle and the follow-up across reviews.
    AddAction,
    EditAction,
    DeleteAction,
    SetStatus(ActionStatus),
    FollowUpMeeting,
    WalkNext,
    WalkBack,
    ShowRecurrence,
    FollowUp,
    // Forms and dialogs.
    Submit,
    Cancel,
    NextField,
    PrevField,
    NewLine,
    OpenEditor,
    /// The text back from $VISUAL / $EDITOR, or why it could not be used.
    Edited(Result<String, String>),
    /// Ticks or unticks the item under the cursor in a list of choices.
    Toggle,
    // Input that is not a command: typed into the focused field, or pasted.
    Type(KeyInput),
    Paste(String),
    /// A click or the wheel, when mouse support is on.
    Mouse(super::mouse::Pointer),
    // From the loop and from effects.
    Tick,
    Resize(u16, u16),
    Saved(chrono::DateTime<chrono::Local>),
    SaveFailed(String),
    /// Where the rescue copy went (or why it could not be written), and what was under way.
    Rescued {
        result: Result<PathBuf, String>,
        then: super::app::Leaving,
    },
    Loaded {
        path: PathBuf,
        result: Result<Box<Loaded>, String>,
        demo: bool,
    },
    Listed(Vec<crate::store::Listing>),
    /// The readable reviews in the data folder, and how many could not be read.
    Library {
        reviews: Vec<(PathBuf, crate::model::Session)>,
        unreadable: usize,
    },
}

/// One bindable action: its config name, the action, and what help says about it.
pub struct Bindable {
    pub name: &'static str,
    pub action: Action,
    /// One or two words for the footer.
    pub short: &'static str,
    pub help: &'static str,
}

macro_rules! bindables {
    ($($name:literal => $action:expr, $short:literal, $help:literal;)*) => {
        /// Every action a key can be bound to.
        pub static BINDABLES: LazyLock<Vec<Bindable>> = LazyLock::new(|| {
            vec![$(Bindable { name: $name, action: $action, short: $short, help: $help }),*]
        });
    };
}

bindables! {
    "quit" => Action::Quit, "quit", "quit (everything is already saved)";
    "close" => Action::Close, "close", "close this review (everything is already saved)";
    "toggle_help" => Action::ToggleHelp, "help", "show or hide all keys";
    "undo" => Action::Undo, "undo", "undo the last change";
    "redo" => Action::Redo, "redo", "redo";
    "incident_details" => Action::IncidentDetails, "incident", "incident details";
    "up" => Action::Up, "up", "previous item";
    "down" => Action::Down, "down", "next item";
    "page_up" => Action::PageUp, "page up", "page up";
    "page_down" => Action::PageDown, "page down", "page down";
    "top" => Action::Top, "first", "first item";
    "bottom" => Action::Bottom, "last", "last item";
    "next_step" => Action::NextStep, "next step", "next step";
    "prev_step" => Action::PrevStep, "prev step", "previous step";
    "step_timeline" => Action::GoToStep(Step::Timeline), "timeline", "Timeline step";
    "step_whys" => Action::GoToStep(Step::Whys), "whys", "Whys step";
    "step_factors" => Action::GoToStep(Step::Factors), "factors", "Factors step";
    "step_behaviours" => Action::GoToStep(Step::Behaviours), "behaviours", "Behaviours step";
    "step_actions" => Action::GoToStep(Step::Actions), "actions", "Actions step";
    "step_review" => Action::GoToStep(Step::Review), "review", "Review step";
    "open_selected" => Action::OpenSelected, "open", "open the selected review";
    "new_review" => Action::NewReview, "new", "start a new review";
    "open_demo" => Action::OpenDemo, "demo", "open the example review";
    "refresh" => Action::Refresh, "reload", "reload the list";
    "add_event" => Action::AddEvent, "add", "add an event";
    "edit_event" => Action::EditEvent, "edit", "edit the selected event";
    "delete_event" => Action::DeleteEvent, "delete", "delete the selected event (undo brings it back)";
    "mark_start" => Action::MarkStart, "start", "mark as the incident's start";
    "mark_detected" => Action::MarkDetected, "detected", "mark as detection";
    "mark_mitigated" => Action::MarkMitigated, "mitigated", "mark as mitigation";
    "mark_resolved" => Action::MarkResolved, "resolved", "mark as resolution";
    "add_behaviour" => Action::AddBehaviour, "add", "describe an act (what was done, not who did it)";
    "edit_behaviour" => Action::EditBehaviour, "edit", "edit the selected act, its context and event";
    "delete_behaviour" => Action::DeleteBehaviour, "delete", "delete the selected act (undo brings it back)";
    "classify" => Action::Classify, "classify", "classify the selected act, one question at a time";
    "answer_yes" => Action::AnswerYes, "yes", "answer yes";
    "answer_no" => Action::AnswerNo, "no", "answer no";
    "answer_dont_know" => Action::AnswerDontKnow, "don't know", "answer don't know (takes the less culpable branch)";
    "answer_back" => Action::AnswerBack, "back", "back to the previous question";
    "draft_to_action" => Action::DraftToAction, "to action", "turn the selected draft into an action item";
    "record_evidence" => Action::RecordEvidence, "evidence", "record the evidence and second reviewer (reckless)";
    "behaviour_summary" => Action::BehaviourSummary, "summary", "outcome counts and warnings";
    "go_to_item" => Action::GoToItem, "go to", "go to the selected item on its step";
    "set_review_status" => Action::SetReviewStatus, "status", "change the review's status (reviewed needs the gate)";
    "park" => Action::Park, "park", "park a point that is off-topic now (listed on the Review step)";
    "keep_wording" => Action::KeepWording, "keep", "keep the selected wording on purpose, with a reason";
    "delete_parked" => Action::DeleteParked, "remove", "remove the selected parked point";
    "add_child_why" => Action::AddChildWhy, "why?", "ask why of this answer: add one under it";
    "add_sibling_why" => Action::AddSiblingWhy, "another", "another answer beside this one (a new branch)";
    "edit_why" => Action::EditWhy, "edit", "edit the answer and its question or note";
    "delete_why" => Action::DeleteWhy, "delete", "delete the answer and all under it (undo restores)";
    "move_why_up" => Action::MoveWhyUp, "move up", "move up among its siblings";
    "move_why_down" => Action::MoveWhyDown, "move down", "move down among its siblings";
    "move_why" => Action::MoveWhy, "move", "move under another answer (from a list)";
    "toggle_fold" => Action::ToggleFold, "fold", "fold or unfold the answers under this one";
    "collapse" => Action::Collapse, "fold", "fold, or go to the parent";
    "expand" => Action::Expand, "unfold", "unfold, or go to the first answer under it";
    "mark_system_condition" => Action::MarkSystemCondition, "condition", "mark: reached a system condition (again: unmark)";
    "promote_to_factor" => Action::PromoteToFactor, "promote", "make a contributing factor from this condition";
    "reframe_why" => Action::ReframeWhy, "reframe", "ask a wrong turn again in system terms, beside it";
    "big_view" => Action::BigView, "big", "this answer in big letters, for the room";
    "add_factor" => Action::AddFactor, "add", "add a contributing factor";
    "edit_factor" => Action::EditFactor, "edit", "edit the selected factor";
    "delete_factor" => Action::DeleteFactor, "delete", "delete the selected factor (undo restores it)";
    "link_whys" => Action::LinkWhys, "whys", "choose the whys that evidence this factor";
    "link_events" => Action::LinkEvents, "events", "choose the events that evidence this factor";
    "accept_risk" => Action::AcceptRisk, "accept risk", "record a reasoned decision to accept the risk";
    "toggle_picture" => Action::TogglePicture, "picture", "switch between the list and the picture";
    "toggle_present" => Action::TogglePresent, "present", "presentation mode, for a shared screen";
    "next_card" => Action::NextCard, "card", "the next prompt card in the side pane";
    "prev_card" => Action::PrevCard, "prev card", "the previous prompt card";
    "toggle" => Action::Toggle, "tick", "tick or untick the item";
    "add_action" => Action::AddAction, "add", "add an action; its checks update as you type";
    "edit_action" => Action::EditAction, "edit", "edit the selected action";
    "delete_action" => Action::DeleteAction, "delete", "delete the selected action (undo brings it back)";
    "status_idea" => Action::SetStatus(ActionStatus::Idea), "idea", "move back to ideas (not committed)";
    "status_open" => Action::SetStatus(ActionStatus::Open), "open", "commit to it, or reopen it";
    "status_in_progress" => Action::SetStatus(ActionStatus::InProgress), "in progress", "mark in progress";
    "status_done" => Action::SetStatus(ActionStatus::Done), "done", "mark done (built, not yet shown to work)";
    "status_verified" => Action::SetStatus(ActionStatus::Verified), "verified", "mark verified, with the evidence it works";
    "status_wont_do" => Action::SetStatus(ActionStatus::WontDo), "won't do", "decide against it, with the reason";
    "follow_up_meeting" => Action::FollowUpMeeting, "meeting", "follow-up meeting: one action at a time";
    "walk_next" => Action::WalkNext, "next", "next action in the meeting";
    "walk_back" => Action::WalkBack, "back", "previous action in the meeting";
    "recurrence" => Action::ShowRecurrence, "seen before", "conditions seen in earlier reviews";
    "follow_up" => Action::FollowUp, "follow-up", "open actions across reviews, by team and owner";
    "submit" => Action::Submit, "save", "save the form";
    "cancel" => Action::Cancel, "cancel", "close without changes";
    "next_field" => Action::NextField, "next field", "next field";
    "prev_field" => Action::PrevField, "prev field", "previous field";
    "open_editor" => Action::OpenEditor, "editor", "edit this field in $VISUAL / $EDITOR";
    "new_line" => Action::NewLine, "new line", "new line in a long field";
}

impl Action {
    /// Moves a list's selection: up, down, a page, first, last.
    pub fn is_movement(&self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
        )
    }

    /// The config name of a bindable action.
    pub fn name(&self) -> Option<&'static str> {
        BINDABLES.iter().find(|b| &b.action == self).map(|b| b.name)
    }

    pub fn from_name(name: &str) -> Option<Action> {
        BINDABLES.iter().find(|b| b.name == name).map(|b| b.action.clone())
    }

    pub fn short(&self) -> Option<&'static str> {
        BINDABLES.iter().find(|b| &b.action == self).map(|b| b.short)
    }

    pub fn help(&self) -> Option<&'static str> {
        BINDABLES.iter().find(|b| &b.action == self).map(|b| b.help)
    }
}
