//! Ending on a signal (SIGTERM, SIGHUP): what must be written before the console leaves,
//! so a closed SSH session or a shutdown costs no edit.

use crate::tui::app::{Leaving, Model, update};
use crate::tui::effects::{Effect, Runner};

/// The writes that keep every edit: a save of what is only in memory, or, when saving
/// has been failing, a rescue copy. Nothing when everything is on disk or read-only.
pub fn pending_writes(model: &mut Model) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else {
        return Vec::new();
    };
    if doc.read_only {
        return Vec::new();
    }
    if doc.save_error.is_some() {
        let text = crate::store::to_toml(&doc.session);
        return vec![Effect::Rescue { text, then: Leaving::Quit }];
    }
    if !doc.dirty {
        return Vec::new();
    }
    doc.dirty = false;
    doc.saves_in_flight += 1;
    doc.sent.push_back(doc.session.clone());
    vec![Effect::Save { path: doc.path.clone(), session: Box::new(doc.session.clone()) }]
}

/// Writes what is pending and waits for it: a save that fails is followed by a rescue
/// copy. Returns once nothing is left only in memory (or nothing more can be tried).
pub fn write_everything(model: &mut Model, runner: &mut Runner) {
    // Saves already on their way (a follow-up change, the last tick's) land first.
    settle(model, runner);
    for _ in 0..2 {
        let writes = pending_writes(model);
        if writes.is_empty() {
            return;
        }
        for effect in writes {
            for result in runner.run(effect) {
                let _ = update(model, result);
            }
        }
        settle(model, runner);
    }
}

fn settle(model: &mut Model, runner: &mut Runner) {
    while runner.saving() {
        match runner.wait_for_save() {
            Some(result) => {
                let _ = update(model, result);
            }
            None => return,
        }
    }
}
