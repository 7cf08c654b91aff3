//! Whether the loop draws again. A frame follows anything that can change the screen — a
//! key, a paste, a click, a resize, an effect's result — but an idle tick draws only when
//! what it moved is shown: the meeting clock's minute, the day (late marks), the save
//! state, a notice, a question or screen it opened.

use std::mem::Discriminant;

use crate::tui::app::{Model, Overlay, Screen};

/// What a tick can change on screen. Two equal glances draw the same frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glance {
    /// Minutes of the meeting and of the step shown (the clocks show whole minutes).
    minutes: (i64, i64),
    over: bool,
    dirty: bool,
    saves_in_flight: usize,
    last_saved: Option<chrono::DateTime<chrono::Local>>,
    save_error: Option<String>,
    notice: Option<String>,
    /// What is in front: a tick can open a question (a save refused by a change on disk).
    overlay: Option<Discriminant<Overlay>>,
    screen: Screen,
    today: chrono::NaiveDate,
}

impl Glance {
    pub fn of(model: &Model) -> Self {
        let doc = model.doc.as_ref();
        let minutes =
            doc.map_or((0, 0), |d| (d.agenda.meeting_seconds() / 60, d.agenda.minutes_on(d.step)));
        Glance {
            minutes,
            over: doc.is_some_and(|d| d.agenda.is_over(d.step, &model.timeboxes)),
            dirty: doc.is_some_and(|d| d.dirty),
            saves_in_flight: doc.map_or(0, |d| d.saves_in_flight),
            last_saved: doc.and_then(|d| d.last_saved),
            save_error: doc.and_then(|d| d.save_error.clone()),
            notice: model.notice.as_ref().map(|n| n.text.clone()),
            overlay: model.overlay.as_ref().map(std::mem::discriminant),
            screen: model.screen,
            today: model.today(),
        }
    }
}

/// Whether a tick that went from `before` to `after` changed what the screen shows. The
/// work it asked for (a save, a follower's look at the disk) draws when it brings news.
pub fn after_tick(before: &Glance, after: &Glance) -> bool {
    before != after
}
