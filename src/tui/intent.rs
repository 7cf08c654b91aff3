//! Every user intent is one `Intent`. The bindable ones have a name, which is what people
//! write in their key config, and a description, which is what the help screen shows.

use std::path::PathBuf;
use std::sync::LazyLock;

use crate::model::ActionStatus;
use crate::store::Loaded;
use crate::tui::keymap::KeyInput;
use crate::tui::steps::Step;

#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
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
    FilterReviews,
    // Timeline.
    AddEvent,
    EditEvent,
    DeleteEvent,
    MarkStart,
    MarkDetected,
    MarkMitigated,
    MarkResolved,
    // Importing events from a file.
    OpenImport,
    CompletePath,
    ImportAs,
    TickShown,
    FilterList,
    ImportTicked,
    ReadFile,
    ShowInsights,
    /// The Insights chart's window of quarters, moved back or forward in time.
    EarlierQuarters,
    LaterQuarters,
    // Merge conflicts left in a review.
    ShowConflicts,
    KeepOurs,
    KeepTheirs,
    EditConflict,
    /// A slice of the import screen's reading, between keys (from the loop).
    ImportWork,
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
    AddLesson,
    EditLesson,
    /// Removes the selected parked point or lesson.
    RemoveSelected,
    /// A review marked reviewed whose gate broke goes back to in-review.
    BackToInReview,
    /// Writes the report beside the review, after choosing its format and redaction.
    Export,
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
    // Who writes the review, and changes made on disk.
    TakeOver,
    ReloadAndReapply,
    SaveAs,
    Overwrite,
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
    Mouse(crate::tui::mouse::Pointer),
    // From the loop and from effects.
    Tick,
    /// A big review's checks, worked out on a thread since it opened, may have come back.
    Checked,
    Resize(u16, u16),
    Saved(chrono::DateTime<chrono::Local>),
    SaveFailed(String),
    /// Where the rescue copy went (or why it could not be written), and what was under way.
    Rescued {
        result: Result<PathBuf, String>,
        then: crate::tui::app::Leaving,
    },
    Loaded {
        path: PathBuf,
        result: Result<Box<Loaded>, String>,
        demo: bool,
    },
    /// The home list's newest reviews, and how many are still being read.
    Listed {
        listings: Vec<crate::store::Listing>,
        left: usize,
    },
    /// The next part of the home list (older than what is listed), from the thread reading
    /// it; `serial` says which listing it belongs to.
    ListedMore {
        serial: u64,
        listings: Vec<crate::store::Listing>,
        left: usize,
    },
    /// How writing a report ended.
    Exported {
        chosen: crate::tui::screens::export::state::Chosen,
        result: crate::tui::screens::export::state::Written,
    },
    /// News about the open review's file: who writes it, a follower's reload, a conflict.
    File(crate::tui::screens::sharing::state::FileNews),
    /// The open review's file was renamed (or why not).
    Renamed {
        from: PathBuf,
        to: PathBuf,
        result: Result<(), String>,
    },
    /// Each review's state in git, read off the loop after a listing.
    GitStates(Vec<(PathBuf, crate::store::git::FileState)>),
    /// The readable reviews in the data folder, and how many could not be read.
    Library {
        reviews: Vec<(PathBuf, crate::model::Session)>,
        unreadable: usize,
    },
    /// As `Library`, each review read only as far as its actions (incident, factors,
    /// behaviours, actions): enough for the follow-up view and recurrence, not insights.
    LibraryActions {
        reviews: Vec<(PathBuf, crate::model::Session)>,
        unreadable: usize,
    },
}

impl Intent {
    /// Whether a person asked for it (a key, a paste, a click), not the loop or an effect.
    pub fn is_input(&self) -> bool {
        use Intent as I;
        !matches!(
            self,
            I::Tick
                | I::Checked
                | I::ImportWork
                | I::Resize(..)
                | I::Saved(_)
                | I::SaveFailed(_)
                | I::Rescued { .. }
                | I::Loaded { .. }
                | I::Listed { .. }
                | I::ListedMore { .. }
                | I::Exported { .. }
                | I::File(_)
                | I::Renamed { .. }
                | I::GitStates(_)
                | I::Library { .. }
                | I::LibraryActions { .. }
        )
    }
}

/// One bindable action: its config name, the action, and what help says about it.
pub struct Bindable {
    pub name: &'static str,
    pub intent: Intent,
    /// One or two words for the footer.
    pub short: &'static str,
    pub help: &'static str,
}

macro_rules! bindables {
    ($($name:literal => $action:expr, $short:literal, $help:literal;)*) => {
        /// Every action a key can be bound to.
        pub static BINDABLES: LazyLock<Vec<Bindable>> = LazyLock::new(|| {
            vec![$(Bindable { name: $name, intent: $action, short: $short, help: $help }),*]
        });
    };
}

bindables! {
    "quit" => Intent::Quit, "quit", "quit (everything is already saved)";
    "close" => Intent::Close, "close", "close this review (everything is already saved)";
    "toggle_help" => Intent::ToggleHelp, "help", "show or hide all keys";
    "undo" => Intent::Undo, "undo", "undo the last change";
    "redo" => Intent::Redo, "redo", "redo";
    "incident_details" => Intent::IncidentDetails, "incident", "incident details";
    "up" => Intent::Up, "up", "previous item";
    "down" => Intent::Down, "down", "next item";
    "page_up" => Intent::PageUp, "page up", "page up";
    "page_down" => Intent::PageDown, "page down", "page down";
    "top" => Intent::Top, "first", "first item";
    "bottom" => Intent::Bottom, "last", "last item";
    "next_step" => Intent::NextStep, "next step", "next step";
    "prev_step" => Intent::PrevStep, "prev step", "previous step";
    "step_timeline" => Intent::GoToStep(Step::Timeline), "timeline", "Timeline step";
    "step_whys" => Intent::GoToStep(Step::Whys), "whys", "Whys step";
    "step_factors" => Intent::GoToStep(Step::Factors), "factors", "Factors step";
    "step_behaviours" => Intent::GoToStep(Step::Behaviours), "behaviours", "Behaviours step";
    "step_actions" => Intent::GoToStep(Step::Actions), "actions", "Actions step";
    "step_review" => Intent::GoToStep(Step::Review), "review", "Review step";
    "open_selected" => Intent::OpenSelected, "open", "open the selected review";
    "new_review" => Intent::NewReview, "new", "start a new review";
    "open_demo" => Intent::OpenDemo, "demo", "open the example review";
    "refresh" => Intent::Refresh, "reload", "reload the list";
    "filter_reviews" => Intent::FilterReviews, "filter", "filter the list by typing: title, incident date, severity, status";
    "add_event" => Intent::AddEvent, "add", "add an event";
    "edit_event" => Intent::EditEvent, "edit", "edit the selected event";
    "delete_event" => Intent::DeleteEvent, "delete", "delete the selected event (undo brings it back)";
    "mark_start" => Intent::MarkStart, "start", "mark as the incident's start";
    "mark_detected" => Intent::MarkDetected, "detected", "mark as detection";
    "mark_mitigated" => Intent::MarkMitigated, "mitigated", "mark as mitigation";
    "mark_resolved" => Intent::MarkResolved, "resolved", "mark as resolution";
    "import_events" => Intent::OpenImport, "import", "import events from a log, chat or export file";
    "complete_path" => Intent::CompletePath, "complete", "complete the path";
    "import_as" => Intent::ImportAs, "read as", "read the file as another format (auto, log, journald…)";
    "tick_shown" => Intent::TickShown, "tick shown", "tick every event the filter shows";
    "filter" => Intent::FilterList, "filter", "filter the lines by text";
    "read_file" => Intent::ReadFile, "read", "read the file and show its lines (nothing is added yet)";
    "insights" => Intent::ShowInsights, "insights", "what the team learns across reviews: factors, recurrence, follow-through";
    "earlier_quarters" => Intent::EarlierQuarters, "earlier", "the chart's earlier quarters, when not all fit";
    "later_quarters" => Intent::LaterQuarters, "later", "the chart's later quarters";
    "show_conflicts" => Intent::ShowConflicts, "conflicts", "merge conflicts left in this review, side by side";
    "keep_ours" => Intent::KeepOurs, "ours", "keep our version of this item (one undo brings the choice back)";
    "keep_theirs" => Intent::KeepTheirs, "theirs", "keep their version of this item (one undo brings the choice back)";
    "edit_conflict" => Intent::EditConflict, "edit", "edit the item in its own form, starting from ours";
    "import_ticked" => Intent::ImportTicked, "import", "add the ticked events to the timeline (one undo takes them back)";
    "add_behaviour" => Intent::AddBehaviour, "add", "describe an act (what was done, not who did it)";
    "edit_behaviour" => Intent::EditBehaviour, "edit", "edit the selected act, its context and event";
    "delete_behaviour" => Intent::DeleteBehaviour, "delete", "delete the selected act (undo brings it back)";
    "classify" => Intent::Classify, "classify", "classify the selected act, one question at a time";
    "answer_yes" => Intent::AnswerYes, "yes", "answer yes";
    "answer_no" => Intent::AnswerNo, "no", "answer no";
    "answer_dont_know" => Intent::AnswerDontKnow, "don't know", "answer don't know (takes the less culpable branch)";
    "answer_back" => Intent::AnswerBack, "back", "back to the previous question";
    "draft_to_action" => Intent::DraftToAction, "to action", "turn the selected draft into an action item";
    "record_evidence" => Intent::RecordEvidence, "evidence", "record the evidence and second reviewer (reckless)";
    "behaviour_summary" => Intent::BehaviourSummary, "summary", "outcome counts and warnings";
    "go_to_item" => Intent::GoToItem, "go to", "go to the selected item on its step";
    "set_review_status" => Intent::SetReviewStatus, "status", "change the review's status (reviewed needs the gate)";
    "park" => Intent::Park, "park", "park a point that is off-topic now (listed on the Review step)";
    "keep_wording" => Intent::KeepWording, "keep", "keep the selected wording on purpose, with a reason";
    "delete_parked" => Intent::DeleteParked, "remove", "remove the selected parked point";
    "add_lesson" => Intent::AddLesson, "lesson", "add a lesson: what went well, what went wrong, where luck helped";
    "edit_lesson" => Intent::EditLesson, "edit", "edit the selected lesson";
    "remove_selected" => Intent::RemoveSelected, "remove", "remove the selected parked point or lesson (undo brings it back)";
    "back_to_in_review" => Intent::BackToInReview, "back to review", "take a review whose gate broke back to in-review";
    "export" => Intent::Export, "export", "write the report (Markdown, HTML or JSON) beside the review";
    "add_child_why" => Intent::AddChildWhy, "why?", "ask why of this answer: add one under it";
    "add_sibling_why" => Intent::AddSiblingWhy, "another", "another answer beside this one (a new branch)";
    "edit_why" => Intent::EditWhy, "edit", "edit the answer and its question or note";
    "delete_why" => Intent::DeleteWhy, "delete", "delete the answer and all under it (undo restores)";
    "move_why_up" => Intent::MoveWhyUp, "move up", "move up among its siblings";
    "move_why_down" => Intent::MoveWhyDown, "move down", "move down among its siblings";
    "move_why" => Intent::MoveWhy, "move", "move under another answer (from a list)";
    "toggle_fold" => Intent::ToggleFold, "fold", "fold or unfold the answers under this one";
    "collapse" => Intent::Collapse, "fold", "fold, or go to the parent";
    "expand" => Intent::Expand, "unfold", "unfold, or go to the first answer under it";
    "mark_system_condition" => Intent::MarkSystemCondition, "condition", "mark: reached a system condition (again: unmark)";
    "promote_to_factor" => Intent::PromoteToFactor, "promote", "make a contributing factor from this condition";
    "reframe_why" => Intent::ReframeWhy, "reframe", "ask a wrong turn again in system terms, beside it";
    "big_view" => Intent::BigView, "big", "this answer in big letters, for the room";
    "add_factor" => Intent::AddFactor, "add", "add a contributing factor";
    "edit_factor" => Intent::EditFactor, "edit", "edit the selected factor";
    "delete_factor" => Intent::DeleteFactor, "delete", "delete the selected factor (undo restores it)";
    "link_whys" => Intent::LinkWhys, "whys", "choose the whys that evidence this factor";
    "link_events" => Intent::LinkEvents, "events", "choose the events that evidence this factor";
    "accept_risk" => Intent::AcceptRisk, "accept risk", "record a reasoned decision to accept the risk";
    "toggle_picture" => Intent::TogglePicture, "picture", "switch between the list and the picture";
    "toggle_present" => Intent::TogglePresent, "present", "presentation mode, for a shared screen";
    "next_card" => Intent::NextCard, "card", "the next prompt card in the side pane";
    "prev_card" => Intent::PrevCard, "prev card", "the previous prompt card";
    "take_over" => Intent::TakeOver, "write here", "write this review here (when its writer has closed, or its lock is stale)";
    "reload_reapply" => Intent::ReloadAndReapply, "reload", "read the disk's version and apply your edits on top";
    "save_as" => Intent::SaveAs, "save as", "save your version as a new file next to it";
    "overwrite" => Intent::Overwrite, "overwrite", "replace the disk's version with yours";
    "toggle" => Intent::Toggle, "tick", "tick or untick the item";
    "add_action" => Intent::AddAction, "add", "add an action; its checks update as you type";
    "edit_action" => Intent::EditAction, "edit", "edit the selected action";
    "delete_action" => Intent::DeleteAction, "delete", "delete the selected action (undo brings it back)";
    "status_idea" => Intent::SetStatus(ActionStatus::Idea), "idea", "move back to ideas (not committed)";
    "status_open" => Intent::SetStatus(ActionStatus::Open), "open", "commit to it, or reopen it";
    "status_in_progress" => Intent::SetStatus(ActionStatus::InProgress), "in progress", "mark in progress";
    "status_done" => Intent::SetStatus(ActionStatus::Done), "done", "mark done (built, not yet shown to work)";
    "status_verified" => Intent::SetStatus(ActionStatus::Verified), "verified", "mark verified, with the evidence it works";
    "status_wont_do" => Intent::SetStatus(ActionStatus::WontDo), "won't do", "decide against it, with the reason";
    "follow_up_meeting" => Intent::FollowUpMeeting, "meeting", "follow-up meeting: one action at a time";
    "walk_next" => Intent::WalkNext, "next", "next action in the meeting";
    "walk_back" => Intent::WalkBack, "back", "previous action in the meeting";
    "recurrence" => Intent::ShowRecurrence, "seen before", "conditions seen in earlier reviews";
    "follow_up" => Intent::FollowUp, "follow-up", "open actions across reviews, by team and owner";
    "submit" => Intent::Submit, "save", "save the form";
    "cancel" => Intent::Cancel, "close", "close: a form without its changes; a mode, back to its list (answers given are kept)";
    "next_field" => Intent::NextField, "next field", "next field";
    "prev_field" => Intent::PrevField, "prev field", "previous field";
    "open_editor" => Intent::OpenEditor, "editor", "edit this field in $VISUAL / $EDITOR";
    "new_line" => Intent::NewLine, "new line", "new line in a long field";
}

impl Intent {
    /// Moves a list's selection: up, down, a page, first, last.
    pub fn is_movement(&self) -> bool {
        matches!(
            self,
            Intent::Up
                | Intent::Down
                | Intent::PageUp
                | Intent::PageDown
                | Intent::Top
                | Intent::Bottom
        )
    }

    /// Works on the selected item of a list. With nothing selected such a key only says
    /// so, and the footer leaves it out to make room for what can be done.
    pub fn needs_selection(&self) -> bool {
        use Intent as I;
        matches!(
            self,
            I::EditEvent
                | I::FilterReviews
                | I::DeleteEvent
                | I::MarkStart
                | I::MarkDetected
                | I::MarkMitigated
                | I::MarkResolved
                | I::EditBehaviour
                | I::DeleteBehaviour
                | I::Classify
                | I::EditWhy
                | I::AddSiblingWhy
                | I::DeleteWhy
                | I::MoveWhyUp
                | I::MoveWhyDown
                | I::MoveWhy
                | I::ToggleFold
                | I::MarkSystemCondition
                | I::PromoteToFactor
                | I::ReframeWhy
                | I::EditFactor
                | I::DeleteFactor
                | I::LinkWhys
                | I::LinkEvents
                | I::AcceptRisk
                | I::EditAction
                | I::DeleteAction
                | I::SetStatus(_)
                | I::GoToItem
                | I::KeepWording
                | I::DeleteParked
                | I::EditLesson
                | I::RemoveSelected
                | I::OpenSelected
        )
    }

    /// The config name of a bindable intent.
    pub fn name(&self) -> Option<&'static str> {
        BINDABLES.iter().find(|b| &b.intent == self).map(|b| b.name)
    }

    pub fn from_name(name: &str) -> Option<Intent> {
        BINDABLES.iter().find(|b| b.name == name).map(|b| b.intent.clone())
    }

    pub fn short(&self) -> Option<&'static str> {
        BINDABLES.iter().find(|b| &b.intent == self).map(|b| b.short)
    }

    pub fn help(&self) -> Option<&'static str> {
        BINDABLES.iter().find(|b| &b.intent == self).map(|b| b.help)
    }
}
