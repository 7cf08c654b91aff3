//! The console's state: the open review, the screen, forms and overlays. It changes only
//! through `update` (in `update.rs`), so flows are tested without a terminal. Each step's
//! own state lives in its folder under `steps/`.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use crate::analysis::cache::LintCache;
use crate::analysis::overview::{Overview, overview, overview_with};
use crate::analysis::policy::DuePolicy;
use crate::analysis::readiness::{self, Gate};
use crate::model::history::History;
use crate::model::ids::{Exhausted, Ids};
use crate::model::just_culture::Family;
use crate::model::{Session, Timestamp};
use crate::store::Loaded;
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::keymap::{KeyContext, KeyInput, Keymap};
use crate::tui::render::Drawn;
use crate::tui::screens::followup::state::FollowUpView;
use crate::tui::screens::form::Form;
use crate::tui::screens::home::state::Home;
use crate::tui::screens::picker::Picker;
use crate::tui::screens::sharing::state::{DiskConflict, Holding, Question};
use crate::tui::steps::actions::state::{ActionsMode, ActionsView};
use crate::tui::steps::behaviours::state::{BehavioursMode, BehavioursView};
use crate::tui::steps::factors::state::FactorsView;
use crate::tui::steps::review::state::ReviewView;
use crate::tui::steps::timeline::state::{TimelineRows, TimelineView};
use crate::tui::steps::whys::layout::WhyLayout;
use crate::tui::steps::whys::state::WhysView;
use crate::tui::steps::{self, Step};

/// Reads the current time; tests give a fixed one.
pub type Clock = fn() -> Timestamp;

pub fn local_now() -> Timestamp {
    chrono::Local::now().fixed_offset()
}

pub struct Model {
    pub screen: Screen,
    pub home: Home,
    pub doc: Option<Doc>,
    pub overlay: Option<Overlay>,
    pub keymap: Keymap,
    pub theme: crate::tui::theme::Theme,
    /// One line at the bottom: what just happened, or a problem worth knowing.
    pub notice: Option<Notice>,
    pub clock: Clock,
    /// The loop ends once this is set and the effects before it have run.
    pub quitting: bool,
    /// Quitting or closing is waiting for the last save to land.
    pub leaving: Option<Leaving>,
    /// The person was told the last save failed; the next quit keeps a rescue copy.
    pub leave_warned: bool,
    /// Whether the home screen exists in this run (not when a file was opened directly).
    pub has_home: bool,
    /// Presentation mode: for a room reading a shared screen.
    pub present: crate::tui::screens::present::state::Presentation,
    /// Minutes per step, from config.toml.
    pub timeboxes: crate::tui::facilitation::agenda::Timeboxes,
    /// What the last frame drew that keys and clicks need (list windows, click zones).
    pub drawn: Drawn,
    /// How long after the incident an action may fall due, by severity (config.toml).
    pub policy: DuePolicy,
    /// Open actions across the reviews in the data folder (the follow-up view).
    pub follow_up: Option<FollowUpView>,
    /// A review opened from the follow-up view returns there when closed.
    pub back_to_follow_up: bool,
    /// Start the follow-up meeting on this action once its review has opened.
    pub walk_on_open: Option<String>,
    /// The Insights view, once opened from home.
    pub insights: Option<crate::tui::screens::insights::state::InsightsView>,
    /// A big review's checks are worked out on a thread when it opens (the console's loop
    /// takes them in); flows driven without the loop check before the first frame.
    pub checks_in_background: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaving {
    Quit,
    Close,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Console,
    /// A review could not be opened; the message says why.
    Failed,
    /// Open actions across every review in the data folder.
    FollowUp,
    /// What the team learns across the reviews in the data folder.
    Insights,
}

/// An open review.
pub struct Doc {
    pub session: Session,
    pub path: PathBuf,
    pub read_only: bool,
    /// The built-in example, opened on a throwaway copy.
    pub demo: bool,
    pub history: History,
    /// One id allocator per kind of item; an id once used is never handed out again.
    pub ids: Ids,
    pub dirty: bool,
    /// A rename of the file was asked for and has not reported back.
    pub renaming: bool,
    pub last_saved: Option<chrono::DateTime<chrono::Local>>,
    /// Saves handed to the saving thread and not reported back yet: until they all have
    /// returned, some edit may exist only in memory, so the header says "saving…".
    pub saves_in_flight: usize,
    pub save_error: Option<String>,
    pub step: Step,
    pub timeline: TimelineView,
    pub behaviours: BehavioursView,
    pub whys: WhysView,
    pub factors: FactorsView,
    pub review: ReviewView,
    /// Counts every change to the session, so what is derived from it can be cached.
    pub generation: u64,
    /// What is slow to derive from the session on every frame; see `Derived`.
    pub derived: Derived,
    pub agenda: crate::tui::facilitation::agenda::Agenda,
    pub cards: crate::tui::facilitation::cards::CardPosition,
    pub actions: ActionsView,
    /// The other reviews in the data folder, for recurrence; read when the Actions step
    /// is first shown.
    pub library: Option<Vec<(PathBuf, Session)>>,
    pub library_requested: bool,
    /// Whether this console writes the review, and if not, why (the banner).
    pub holding: Holding,
    /// The review as on disk when loaded or last written: what this console's edits are
    /// applied on top of again when the file changed elsewhere.
    pub base: Session,
    /// What each save on its way holds, oldest first: the next `base` once it lands.
    pub sent: VecDeque<Session>,
    /// A save found the file changed or gone; saving waits on the person's choice.
    pub conflict: Option<DiskConflict>,
    /// The merge-conflict view's selection, and an edit of a conflicted item under way.
    pub conflicts: crate::tui::screens::conflicts::state::ConflictsState,
}

/// What is derived from the session and too slow to work out on every frame: the review
/// gate and the flagged wording lint every field. Each is kept with the `generation` it was
/// derived for; `Doc::refresh` (run by `update`) brings them up to date.
#[derive(Debug, Default)]
pub struct Derived {
    pub gate: Option<(u64, Rc<Gate>)>,
    pub wording: Option<(u64, [usize; 6])>,
    /// Every check on the review, worked out once per change (not per key or frame).
    pub overview: Option<(u64, Rc<Overview>)>,
    /// Each field's wording findings, so a change re-lints only the fields it touched.
    pub lint: LintCache,
    /// The Whys tree as drawn: for the `generation` and folds it records.
    pub whys: Option<Rc<WhyLayout>>,
    /// Factors only weak actions address, then factors nothing committed addresses: the
    /// Actions step's warnings, which weigh every action's strength.
    pub factor_warnings: Option<(u64, Rc<Vec<FactorWarning>>)>,
    /// The timeline's rows (events and the day lines between them), per change.
    pub timeline: Option<(u64, Rc<TimelineRows>)>,
    /// Every check on a big review, being worked out on a thread since it opened.
    pub checking: Option<crate::tui::checking::Checking>,
}

/// A factor's id and what to say about it.
pub type FactorWarning = (String, String);

pub enum Overlay {
    Help {
        scroll: u16,
    },
    Form(Form),
    /// A list to choose from: a new parent, the evidence of a factor.
    Pick(Picker),
    /// Several lines were pasted into the add-event form: one event per line?
    PasteOffer {
        lines: Vec<String>,
        /// What each line becomes: its time and text, shown before anything is added.
        events: Vec<(Timestamp, String)>,
        form: Form,
    },
    /// A report's file is there and is not an earlier report of this review: replace it?
    ReplaceReport(crate::tui::screens::export::state::ReplaceQuestion),
    /// Take over a stale lock? Which way out of a conflict with the disk?
    Question(Question),
    /// Events from a file: choose it, tick the lines that belong, add them.
    Import(Box<crate::tui::screens::import::state::ImportScreen>),
    /// Merge conflicts left in the review, resolved item by item.
    Conflicts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub problem: bool,
    /// Shown before the text: meaning never rides on colour alone.
    pub glyph: &'static str,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice { text: text.into(), problem: false, glyph: "·" }
    }

    /// A kind of item has no id left: said, and nothing is added.
    pub fn exhausted(e: &Exhausted) -> Self {
        Notice::problem(e.to_string())
    }

    pub fn problem(text: impl Into<String>) -> Self {
        Notice { text: text.into(), problem: true, glyph: "⚠" }
    }

    /// Information with its own glyph (the agenda's ◷).
    pub fn marked(glyph: &'static str, text: impl Into<String>) -> Self {
        Notice { text: text.into(), problem: false, glyph }
    }
}

impl Doc {
    pub fn new(loaded: Loaded, path: PathBuf, demo: bool) -> Self {
        let mut session = loaded.session;
        session.sort_events();
        let ids = Ids::of(&session);
        // Until the runner says who holds it: a file only this version cannot write.
        let holding = if loaded.read_only {
            Holding::ReadOnly { reason: loaded.notices.first().cloned().unwrap_or_default() }
        } else {
            Holding::Writer
        };
        Doc {
            base: session.clone(),
            sent: VecDeque::new(),
            conflict: None,
            holding,
            session,
            path,
            read_only: loaded.read_only,
            demo,
            history: History::default(),
            ids,
            dirty: false,
            renaming: false,
            last_saved: None,
            saves_in_flight: 0,
            save_error: None,
            step: Step::Timeline,
            timeline: TimelineView::default(),
            behaviours: BehavioursView::default(),
            whys: WhysView::default(),
            factors: FactorsView::default(),
            review: Default::default(),
            generation: 0,
            derived: Derived::default(),
            agenda: Default::default(),
            cards: Default::default(),
            actions: ActionsView::default(),
            library: None,
            library_requested: false,
            conflicts: Default::default(),
        }
    }

    /// Applies one edit as one undo step. Returns false (and changes nothing) when read-only.
    /// New items take their ids from `ids` before the edit.
    pub fn edit(&mut self, change: impl FnOnce(&mut Session)) -> bool {
        if self.read_only {
            return false;
        }
        self.history.record(self.session.clone());
        change(&mut self.session);
        self.session.sort_events();
        self.dirty = true;
        self.generation += 1;
        true
    }

    /// Changes the session within the last undo step: the answers of one classification,
    /// kept one question at a time, undo as one. Returns false when read-only.
    pub fn amend(&mut self, change: impl FnOnce(&mut Session)) -> bool {
        if self.read_only {
            return false;
        }
        change(&mut self.session);
        self.dirty = true;
        self.generation += 1;
        true
    }

    /// The review gate: as `update` last derived it, or worked out now if the session
    /// changed since (drawing never stores it).
    pub fn gate(&self, policy: &DuePolicy) -> Rc<Gate> {
        match &self.derived.gate {
            Some((generation, gate)) if *generation == self.generation => Rc::clone(gate),
            _ => Rc::new(readiness::gate(&self.session, policy)),
        }
    }

    /// Every check on the review, in the same way as `gate`: shared, never copied.
    pub fn overview(&self, policy: &DuePolicy) -> Rc<Overview> {
        self.checks().unwrap_or_else(|| {
            // Working every check out here, on the loop, is what checking on a thread avoids:
            // a view drawn while a big review is checked must ask `checks` instead.
            debug_assert!(!self.checking(), "the overview was asked for while checking");
            Rc::new(overview(&self.session, policy))
        })
    }

    /// The overview as `refresh` kept it for the review as it is; none while a big
    /// review's checks are still being worked out.
    pub fn checks(&self) -> Option<Rc<Overview>> {
        match &self.derived.overview {
            Some((generation, o)) if *generation == self.generation => Some(Rc::clone(o)),
            _ => None,
        }
    }

    /// The Whys tree with its folds, laid out once per change (see `WhyLayout`).
    pub fn why_layout(&self) -> Rc<WhyLayout> {
        match &self.derived.whys {
            Some(layout) if layout.fits(self) => Rc::clone(layout),
            _ => Rc::new(WhyLayout::new(self)),
        }
    }

    /// The timeline's rows, in the same way as `gate`: laid out once per change.
    pub fn timeline_rows(&self) -> Rc<TimelineRows> {
        match &self.derived.timeline {
            Some((generation, t)) if *generation == self.generation => Rc::clone(t),
            _ => Rc::new(TimelineRows::of(&self.session, self.checks().as_deref())),
        }
    }

    /// The Actions step's factor warnings, in the same way as `gate`.
    pub fn factor_warnings(&self) -> Rc<Vec<FactorWarning>> {
        match &self.derived.factor_warnings {
            Some((generation, w)) if *generation == self.generation => Rc::clone(w),
            _ => Rc::new(factor_warnings(&self.session)),
        }
    }

    /// Flagged wording per step, for the stepper, in the same way as `gate`.
    pub fn wording_counts(&self) -> [usize; 6] {
        match self.derived.wording {
            Some((generation, counts)) if generation == self.generation => counts,
            _ => steps::flagged_wording(&self.session),
        }
    }

    /// Brings what is derived from the session up to date: called by `update` after every
    /// intent, so drawing only reads. Work is done only when the session changed.
    pub fn refresh(&mut self, policy: &DuePolicy) {
        self.settle_checks();
        let generation = self.generation;
        let stale = !matches!(&self.derived.overview, Some((g, _)) if *g == generation);
        if stale && !self.checking() {
            let found = overview_with(&self.session, policy, &mut self.derived.lint);
            self.keep_overview(found);
        }
        let stale = !matches!(&self.derived.timeline, Some((g, _)) if *g == generation);
        if stale && self.step == Step::Timeline {
            let rows = TimelineRows::of(&self.session, self.checks().as_deref());
            self.derived.timeline = Some((generation, Rc::new(rows)));
        }
        // Only the Actions step shows them: other steps' edits do not pay for them.
        let stale = !matches!(&self.derived.factor_warnings, Some((g, _)) if *g == generation);
        if stale && self.step == Step::Actions {
            let found = Rc::new(factor_warnings(&self.session));
            self.derived.factor_warnings = Some((generation, found));
        }
        if !self.derived.whys.as_ref().is_some_and(|l| l.fits(self)) {
            self.derived.whys = Some(Rc::new(WhyLayout::new(self)));
        }
        self.refresh_recurrences();
    }

    /// After the items changed under the views (undo, delete): selections stay in range,
    /// and an open classifier closes, since what it showed may be gone.
    pub fn clamp_selection(&mut self) {
        let n = self.session.events.len();
        self.timeline.selected = self.timeline.selected.min(n.saturating_sub(1));
        let n = self.session.behaviours.len();
        self.behaviours.selected = self.behaviours.selected.min(n.saturating_sub(1));
        self.behaviours.mode = BehavioursMode::List;
        let n = self.session.factors.len();
        self.factors.selected = self.factors.selected.min(n.saturating_sub(1));
        self.clamp_actions();
    }
}

/// The contexts of the step shown and its mode, most specific first.
fn step_contexts(doc: &Doc) -> Vec<KeyContext> {
    use KeyContext as K;
    match (doc.step, &doc.behaviours.mode, &doc.actions.mode) {
        (Step::Behaviours, BehavioursMode::Summary, _) => vec![K::BehaviourSummary],
        (Step::Behaviours, BehavioursMode::Wizard(w), _) => match w.classifier.outcome() {
            None => vec![K::Classifier],
            Some(o) if o.family == Family::Reckless => vec![K::RecklessOutcome, K::Outcome],
            Some(_) => vec![K::Outcome],
        },
        (Step::Actions, _, ActionsMode::Recurrence { .. }) => vec![K::Recurrence],
        (Step::Actions, _, ActionsMode::Walk { finished: false, .. }) => vec![K::Meeting],
        (Step::Actions, _, ActionsMode::Walk { finished: true, .. }) => vec![K::MeetingSummary],
        (step, _, _) => vec![K::Step(step)],
    }
}

impl Model {
    pub fn new(keymap: Keymap, clock: Clock) -> Self {
        Model {
            screen: Screen::Home,
            home: Home::default(),
            doc: None,
            overlay: None,
            keymap,
            theme: crate::tui::theme::Theme::from_env(),
            notice: None,
            clock,
            quitting: false,
            leaving: None,
            leave_warned: false,
            has_home: true,
            present: Default::default(),
            timeboxes: Default::default(),
            drawn: Drawn::default(),
            policy: DuePolicy::default(),
            follow_up: None,
            back_to_follow_up: false,
            walk_on_open: None,
            insights: None,
            checks_in_background: false,
        }
    }

    /// Today, by the model's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        (self.clock)().date_naive()
    }

    /// The contexts a key is looked up in, most specific first.
    pub fn contexts(&self) -> Vec<KeyContext> {
        use KeyContext as K;
        match &self.overlay {
            Some(Overlay::Help { .. }) => vec![K::Help, K::Global],
            Some(Overlay::Form(_)) => vec![K::Form],
            Some(Overlay::PasteOffer { .. }) => vec![K::PasteOffer],
            // Only the answers (and quitting, which keeps a rescue copy) until one is given.
            Some(Overlay::Question(Question::TakeOver { .. })) => vec![K::TakeOver],
            Some(Overlay::Question(Question::Conflict(_))) => vec![K::Conflict],
            // Like a form, a list to choose from is left with Enter or Esc before anything else.
            Some(Overlay::Pick(list)) if list.multi => vec![K::PickSeveral, K::Pick],
            Some(Overlay::Pick(_)) => vec![K::Pick],
            Some(Overlay::ReplaceReport(_)) => vec![K::Confirm],
            Some(Overlay::Import(screen)) => vec![screen.context()],
            Some(Overlay::Conflicts) => vec![K::Conflicts],
            None => self.screen_contexts(),
        }
    }

    /// The contexts of the screen under any overlay, most specific first.
    pub fn screen_contexts(&self) -> Vec<KeyContext> {
        use KeyContext as K;
        match self.screen {
            Screen::Home if self.home.filter.is_some() => vec![K::HomeFilter],
            Screen::Home => vec![K::Home, K::Global],
            Screen::Failed => vec![K::Global],
            Screen::FollowUp => vec![K::FollowUp, K::Global],
            Screen::Insights => vec![K::Insights, K::Global],
            Screen::Console => {
                let mut contexts = match self.doc.as_ref() {
                    Some(doc) => step_contexts(doc),
                    None => vec![K::Step(Step::Timeline)],
                };
                // Following a review is a mode of the whole console: its key comes first.
                if self.doc.as_ref().is_some_and(|d| d.holding.may_ask_to_write()) {
                    contexts.insert(0, K::Following);
                }
                contexts.extend([K::Console, K::Global]);
                contexts
            }
        }
    }

    /// Keeps what the last frame reported: each list's window, where a click can land.
    /// The one place drawing's results reach the model; drawing itself only reads.
    pub fn remember(&mut self, drawn: Drawn) {
        self.drawn = drawn;
        if let Some(doc) = self.doc.as_mut() {
            let keep = |offset: &mut usize, drawn: Option<usize>| {
                if let Some(o) = drawn {
                    *offset = o;
                }
            };
            keep(&mut doc.timeline.offset, drawn.timeline);
            keep(&mut doc.whys.offset, drawn.whys);
            keep(&mut doc.factors.offset, drawn.factors);
            keep(&mut doc.behaviours.offset, drawn.behaviours);
            keep(&mut doc.actions.offset, drawn.actions);
            keep(&mut doc.review.offset, drawn.review);
        }
        if let (Some(view), Some(o)) = (self.follow_up.as_mut(), drawn.follow_up) {
            view.offset = o;
        }
        if let (Some(view), Some((most, back))) = (self.insights.as_mut(), drawn.insights_scroll) {
            (view.most, view.most_back) = (most, back);
            (view.scroll, view.back) = (view.scroll.min(most), view.back.min(back));
        }
        if let (Some(Overlay::Pick(list)), Some(o)) = (self.overlay.as_mut(), drawn.picker) {
            list.offset = o;
        }
    }

    /// What a key reaches here and now, most specific first: what the footer and the help
    /// overlay offer.
    pub fn offered(&self) -> Vec<(Vec<KeyInput>, Intent)> {
        self.keymap.reachable(&self.contexts())
    }

    /// The first key that reaches `intent` on the screen under any overlay, for hints such
    /// as "press a to add"; empty when none does.
    pub fn key_hint(&self, intent: &Intent) -> String {
        self.keymap
            .key_for(&self.screen_contexts(), intent)
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    /// Whether the list shown has an item selected (what `Intent::needs_selection` asks).
    pub fn has_selection(&self) -> bool {
        match (self.screen, self.doc.as_ref()) {
            (Screen::Home, _) => self.home.selected_listing().is_some(),
            (Screen::FollowUp, _) => {
                self.follow_up.as_ref().is_some_and(|v| v.selected().is_some())
            }
            (Screen::Console, Some(doc)) => match doc.step {
                Step::Timeline => !doc.session.events.is_empty(),
                Step::Whys => !doc.session.whys.is_empty() && !doc.whys.incident,
                Step::Factors => !doc.session.factors.is_empty(),
                Step::Behaviours => !doc.session.behaviours.is_empty(),
                Step::Actions => match doc.actions.mode {
                    ActionsMode::Walk { .. } => doc.walked_action().is_some(),
                    _ => !doc.session.actions.is_empty(),
                },
                Step::Review => {
                    crate::tui::steps::review::state::row_count(doc, &doc.gate(&self.policy)) > 0
                }
            },
            _ => false,
        }
    }

    /// Whether some key reaches `intent` here and now.
    pub fn offers(&self, intent: &Intent) -> bool {
        self.offered().iter().any(|(_, i)| i == intent)
    }

    /// A key press: a command if the keymap knows it here, otherwise typed text.
    pub fn press(&mut self, key: KeyInput) -> Vec<Effect> {
        if self.screen == Screen::Failed && self.overlay.is_none() {
            return crate::tui::screens::failed::update::leave(self);
        }
        let action = self.keymap.resolve(&self.contexts(), key).unwrap_or(Intent::Type(key));
        update(self, action)
    }
}

pub use crate::tui::update::update;

/// Factors only weak actions address, then factors nothing committed addresses.
fn factor_warnings(session: &Session) -> Vec<FactorWarning> {
    use crate::analysis::strength::{uncovered_factors, weak_factors};
    let mut found = weak_factors(session);
    found.extend(uncovered_factors(session));
    found
}
