//! What an intent does in the picker: moving, ticking, and submitting to the step it
//! serves.

use crate::tui::app::{Model, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::screens::picker::{PickFor, Picker};
use crate::tui::steps::{factors, whys};

const PAGE: usize = 10;

pub fn action(model: &mut Model, action: Intent, mut list: Picker) -> Vec<Effect> {
    let last = list.items.len().saturating_sub(1);
    match action {
        Intent::Cancel => return Vec::new(),
        Intent::Up => list.cursor = list.cursor.saturating_sub(1),
        Intent::Down => list.cursor = (list.cursor + 1).min(last),
        Intent::PageUp => list.cursor = list.cursor.saturating_sub(PAGE),
        Intent::PageDown => list.cursor = (list.cursor + PAGE).min(last),
        Intent::Top => list.cursor = 0,
        Intent::Bottom => list.cursor = last,
        Intent::Toggle if list.multi => {
            if let Some(item) = list.items.get_mut(list.cursor) {
                item.checked = !item.checked;
            }
        }
        Intent::Submit => {
            return match list.purpose.clone() {
                PickFor::Parent(id) => {
                    let parent = list.current().map(|it| it.id.clone());
                    whys::update::reparent(model, &id, parent);
                    Vec::new()
                }
                PickFor::FactorWhys(id) => factors::update::link(model, &id, list.checked(), true),
                PickFor::FactorEvents(id) => {
                    factors::update::link(model, &id, list.checked(), false)
                }
            };
        }
        _ => {}
    }
    model.overlay = Some(Overlay::Pick(list));
    Vec::new()
}
