//! Mouse support, off unless `mouse = true` in config.toml (capturing the mouse breaks
//! copy and paste in most terminals): a click picks a step in the stepper or a row in the
//! step's list, and the wheel moves like ↑ and ↓.

use ratatui::layout::{Position, Rect};

use crate::tui::app::{Model, Screen, update};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::steps::Step;
use crate::tui::steps::behaviours::state::BehavioursMode;
use crate::tui::steps::whys::state::visible;
use crate::tui::steps::{factors, timeline, whys};
use crate::tui::widgets::stepper;

/// A click or a turn of the wheel, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    Click { column: u16, row: u16 },
    ScrollUp,
    ScrollDown,
}

/// Where the last frame drew what a click can reach, as the frame reported it (see
/// `render::Drawn`): a click is resolved against what is on the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Zones {
    pub stepper: Option<Rect>,
    /// Inside the borders of the step's list.
    pub list: Option<Rect>,
}

impl Zones {
    /// The rows of a bordered list.
    pub fn list_inside(bordered: Rect) -> Rect {
        bordered.inner(ratatui::layout::Margin::new(1, 1))
    }
}

pub fn action(model: &mut Model, pointer: Pointer) -> Vec<Effect> {
    match pointer {
        Pointer::ScrollUp => update(model, Intent::Up),
        Pointer::ScrollDown => update(model, Intent::Down),
        Pointer::Click { column, row } => click(model, Position::new(column, row)),
    }
}

fn click(model: &mut Model, at: Position) -> Vec<Effect> {
    if model.overlay.is_some() || model.screen != Screen::Console {
        return Vec::new();
    }
    let zones = model.drawn.zones;
    if let Some(row) = zones.stepper.filter(|r| r.contains(at))
        && let Some(step) = step_at(model, at.x - row.x, row.width)
    {
        return update(model, Intent::GoToStep(step));
    }
    if let Some(list) = zones.list.filter(|r| r.contains(at)) {
        select_row(model, usize::from(at.y - list.y), list.width);
    }
    Vec::new()
}

/// The step whose label covers column `x` of the stepper.
fn step_at(model: &Model, x: u16, width: u16) -> Option<Step> {
    let line = stepper::line(model, width);
    let mut end = 0usize;
    // Spans alternate: a step's label, then a separator.
    for (i, span) in line.spans.iter().enumerate() {
        end += span.width();
        if usize::from(x) < end {
            return (i % 2 == 0).then(|| Step::ALL.get(i / 2).copied()).flatten();
        }
    }
    None
}

/// Selects what is drawn on `row` of the list, the way each step lays its rows out.
fn select_row(model: &mut Model, row: usize, width: u16) {
    let Some(doc) = model.doc.as_ref() else { return };
    let chosen_why = match doc.step {
        Step::Whys if !doc.whys.big => {
            let first = doc.whys.offset;
            let rows = whys::view::window(model, doc, usize::from(width), first, row + 1);
            let node = rows.get(row).map_or(0, |r| r.node);
            let nodes = visible(doc);
            node.checked_sub(1).and_then(|n| nodes.get(n)).map(|(w, _)| w.id.clone())
        }
        _ => None,
    };
    let Some(doc) = model.doc.as_mut() else { return };
    match doc.step {
        Step::Timeline => {
            let laid_out = doc.timeline_rows();
            if let Some(timeline::view::Row::Event(i)) =
                laid_out.rows.get(doc.timeline.offset + row)
            {
                doc.timeline.selected = *i;
            }
        }
        Step::Whys if chosen_why.is_some() => doc.whys.select(chosen_why),
        Step::Factors if !doc.factors.picture => {
            let i = doc.factors.offset + row / factors::view::ROWS_PER_FACTOR;
            if i < doc.session.factors.len() {
                doc.factors.selected = i;
            }
        }
        Step::Behaviours if matches!(doc.behaviours.mode, BehavioursMode::List) => {
            let i = doc.behaviours.offset + row;
            if i < doc.session.behaviours.len() {
                doc.behaviours.selected = i;
            }
        }
        _ => {}
    }
}
