//! The meeting's clock: time since the review was opened in this run, time spent on each
//! step, and one gentle notice when a step runs past its timebox. Time comes only from
//! `model.clock`, read after every action (the loop sends `Tick`s), so tests need no sleeps.

use crate::model::Timestamp;
use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::facilitation::cards;
use crate::tui::steps::Step;

/// Marks a step that has run past its timebox, in the header, the stepper and the notice.
pub const OVER: &str = "◷";
/// The meeting clock.
pub const CLOCK: &str = "⏱";

/// Minutes per step; 0 means no timebox. Configurable as `[agenda]` in config.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeboxes {
    minutes: [u32; Step::ALL.len()],
}

/// An hour in all: the first two steps carry most of the talking.
const DEFAULT_MINUTES: [u32; Step::ALL.len()] = [15, 15, 10, 5, 10, 5];
/// More than this is surely a typo (a timebox in seconds?).
pub const MAX_MINUTES: u32 = 600;

impl Default for Timeboxes {
    fn default() -> Self {
        Timeboxes { minutes: DEFAULT_MINUTES }
    }
}

impl Timeboxes {
    pub fn get(&self, step: Step) -> Option<u32> {
        Some(self.minutes[step.index()]).filter(|m| *m > 0)
    }

    pub fn set(&mut self, step: Step, minutes: u32) {
        self.minutes[step.index()] = minutes.min(MAX_MINUTES);
    }
}

/// The clock of one open review.
#[derive(Debug, Clone, Default)]
pub struct Agenda {
    opened: Option<Timestamp>,
    now: Option<Timestamp>,
    /// The step the running time belongs to, and since when.
    step: Option<(Step, Timestamp)>,
    /// Seconds spent on each step before the current stretch.
    spent: [i64; Step::ALL.len()],
    /// Steps whose overrun the room has been told about (once each).
    told: [bool; Step::ALL.len()],
    /// An overrun noticed while a form was open, said when it closes.
    pending: Option<Step>,
}

impl Agenda {
    /// Seconds since the review was opened in this run.
    pub fn meeting_seconds(&self) -> i64 {
        match (self.opened, self.now) {
            (Some(a), Some(b)) => seconds(a, b),
            _ => 0,
        }
    }

    /// Seconds spent on `step`, the current stretch included.
    pub fn seconds_on(&self, step: Step) -> i64 {
        let running = match (self.step, self.now) {
            (Some((s, since)), Some(now)) if s == step => seconds(since, now),
            _ => 0,
        };
        self.spent[step.index()] + running
    }

    /// Whole minutes spent on `step`.
    pub fn minutes_on(&self, step: Step) -> i64 {
        self.seconds_on(step) / 60
    }

    pub fn is_over(&self, step: Step, timeboxes: &Timeboxes) -> bool {
        timeboxes.get(step).is_some_and(|m| self.seconds_on(step) > i64::from(m) * 60)
    }

    /// Moves the clock to `now` on `step`; returns a step that has just run over.
    fn advance(&mut self, now: Timestamp, step: Step, timeboxes: &Timeboxes) -> Option<Step> {
        self.opened.get_or_insert(now);
        self.now = Some(now);
        match self.step {
            Some((s, _)) if s == step => {}
            Some((s, since)) => {
                self.spent[s.index()] += seconds(since, now);
                self.step = Some((step, now));
            }
            None => self.step = Some((step, now)),
        }
        let i = step.index();
        if !self.told[i] && self.is_over(step, timeboxes) {
            self.told[i] = true;
            return Some(step);
        }
        None
    }
}

/// Called after every action: keeps the clock and tells the room, once, when a step runs
/// over — never over an open form, and never over a problem being reported.
pub fn observe(model: &mut Model) {
    let now = (model.clock)();
    let timeboxes = model.timeboxes;
    let in_form = matches!(model.overlay, Some(Overlay::Form(_) | Overlay::PasteOffer { .. }));
    let Some(doc) = model.doc.as_mut() else { return };
    if let Some(step) = doc.agenda.advance(now, doc.step, &timeboxes) {
        doc.agenda.pending = Some(step);
    }
    if in_form || model.notice.is_some() {
        return;
    }
    if let Some(step) = doc.agenda.pending.take() {
        let spent = doc.agenda.minutes_on(step).to_string();
        let timebox = timeboxes.get(step).unwrap_or(0).to_string();
        let text = cards::fill(
            &cards::words().agenda.over,
            &[("step", step.title()), ("spent", &spent), ("timebox", &timebox)],
        );
        model.notice = Some(Notice::marked(OVER, text));
    }
}

/// For the header: `⏱ 0:12 · Timeline 8/15m`, with `◷` once the step is over its time.
pub fn header(model: &Model) -> Option<String> {
    let doc = model.doc.as_ref()?;
    let a = &doc.agenda;
    let clock = clock(a.meeting_seconds());
    let spent = a.minutes_on(doc.step);
    let step = doc.step.title();
    let over =
        if a.is_over(doc.step, &model.timeboxes) { format!("{OVER} ") } else { String::new() };
    Some(match model.timeboxes.get(doc.step) {
        Some(limit) => format!("{CLOCK} {clock} · {step} {over}{spent}/{limit}m"),
        None => format!("{CLOCK} {clock} · {step} {spent}m"),
    })
}

/// For the stepper: minutes spent on a step, once there is at least one.
pub fn spent_label(model: &Model, step: Step) -> Option<String> {
    let a = &model.doc.as_ref()?.agenda;
    let minutes = a.minutes_on(step);
    let over = if a.is_over(step, &model.timeboxes) { OVER } else { "" };
    (minutes > 0).then(|| format!("{over}{minutes}m"))
}

/// `H:MM`.
pub fn clock(seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// Whole seconds from `a` to `b`; a clock that went back counts as no time.
fn seconds(a: Timestamp, b: Timestamp) -> i64 {
    b.signed_duration_since(a).num_seconds().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> Timestamp {
        let base = chrono::DateTime::parse_from_rfc3339("2026-03-06T12:00:00+00:00").unwrap();
        base + chrono::Duration::minutes(minutes)
    }

    #[test]
    fn time_is_split_between_steps_and_overrun_is_said_once() {
        let boxes = Timeboxes::default();
        let mut a = Agenda::default();
        assert_eq!(a.advance(at(0), Step::Timeline, &boxes), None);
        assert_eq!(a.advance(at(10), Step::Whys, &boxes), None);
        assert_eq!(a.advance(at(26), Step::Whys, &boxes), Some(Step::Whys));
        assert_eq!(a.advance(at(27), Step::Whys, &boxes), None);
        assert_eq!(a.minutes_on(Step::Timeline), 10);
        assert_eq!(a.minutes_on(Step::Whys), 17);
        assert_eq!(clock(a.meeting_seconds()), "0:27");
    }

    #[test]
    fn a_clock_that_goes_back_counts_no_time() {
        let mut a = Agenda::default();
        a.advance(at(5), Step::Timeline, &Timeboxes::default());
        a.advance(at(1), Step::Whys, &Timeboxes::default());
        assert_eq!(a.seconds_on(Step::Timeline), 0);
        assert_eq!(a.meeting_seconds(), 0);
    }
}
