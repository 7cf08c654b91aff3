//! What an intent does in an open review: the step shown takes it first; what the step
//! does not take falls through to what every step shares — switching steps, undo and redo,
//! the incident form, parking a point, the prompt cards.

use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::screens::console::forms;
use crate::tui::steps;
use crate::tui::update::Handled;

pub fn handle(model: &mut Model, intent: Intent) -> Vec<Effect> {
    match steps::handle(model, intent.clone()) {
        Handled::Yes(effects) => effects,
        Handled::No => shared(model, intent),
    }
}

/// What every step shares.
fn shared(model: &mut Model, action: Intent) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    match action {
        Intent::NextCard | Intent::PrevCard => {
            let mode = doc.session.incident.mode;
            doc.cards.cycle(doc.step, mode, action == Intent::NextCard);
        }
        Intent::NextStep | Intent::PrevStep | Intent::GoToStep(_) => {
            doc.step = match action {
                Intent::NextStep => doc.step.next(),
                Intent::PrevStep => doc.step.prev(),
                Intent::GoToStep(step) => step,
                _ => doc.step,
            };
            return steps::actions::update::entered(model);
        }
        Intent::IncidentDetails => {
            model.overlay = Some(Overlay::Form(forms::edit(&doc.session.incident)));
        }
        Intent::Undo | Intent::Redo => {
            let current = doc.session.clone();
            let restored = if action == Intent::Undo {
                doc.history.undo(current)
            } else {
                doc.history.redo(current)
            };
            match restored {
                Some(session) if !doc.read_only => {
                    doc.session = session;
                    doc.generation += 1;
                    doc.dirty = true;
                    doc.clamp_selection();
                    let word = if action == Intent::Undo { "Undone" } else { "Redone" };
                    model.notice = Some(Notice::info(word));
                }
                _ => {
                    let text =
                        if action == Intent::Undo { "Nothing to undo" } else { "Nothing to redo" };
                    model.notice = Some(Notice::info(text));
                }
            }
        }
        Intent::Park => model.overlay = Some(Overlay::Form(steps::review::forms::park_form())),
        Intent::Export => return crate::tui::screens::export::update::open(model),
        _ => {}
    }
    Vec::new()
}
