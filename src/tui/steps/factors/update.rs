//! What an intent does on the Factors step: adding, editing and deleting factors, choosing
//! their evidence, accepting a risk, and the picture.

use crate::tui::app::{Model, Notice, Overlay};
use crate::tui::effects::Effect;
use crate::tui::intent::Intent;
use crate::tui::messages;
use crate::tui::selection::move_in_list;
use crate::tui::steps::factors::forms::{RISK, events_picker, factor_form, whys_picker};
use crate::tui::steps::factors::state::selected;
use crate::tui::update::Handled;

pub fn handle(model: &mut Model, intent: Intent) -> Handled {
    use Intent as I;
    let Some(doc) = model.doc.as_mut() else { return Handled::No };
    let n = doc.session.factors.len();
    let current = selected(doc).map(|f| f.id.clone());
    let changes = matches!(
        intent,
        I::AddFactor
            | I::EditFactor
            | I::AcceptRisk
            | I::DeleteFactor
            | I::LinkWhys
            | I::LinkEvents
    );
    match intent {
        i if i.is_movement() => move_in_list(&mut doc.factors.selected, n, &i),
        I::TogglePicture => doc.factors.picture = !doc.factors.picture,
        _ if !changes => return Handled::No,
        _ if doc.read_only => model.notice = Some(Notice::problem(messages::READ_ONLY)),
        I::AddFactor => model.overlay = Some(Overlay::Form(factor_form(None))),
        _ if current.is_none() => model.notice = Some(Notice::info(messages::NO_FACTOR_SELECTED)),
        I::EditFactor | I::AcceptRisk => {
            let form = factor_form(selected(doc));
            let form = if intent == I::AcceptRisk { form.focus_on(RISK) } else { form };
            model.overlay = Some(Overlay::Form(form));
        }
        I::DeleteFactor => {
            let id = current.unwrap_or_default();
            doc.edit(|s| _ = s.remove_factor(&id));
            doc.clamp_selection();
            model.notice = Some(Notice::info(messages::FACTOR_DELETED));
        }
        I::LinkWhys => {
            let picker = whys_picker(doc, &current.unwrap_or_default());
            model.overlay = Some(Overlay::Pick(picker));
        }
        I::LinkEvents => {
            let picker = events_picker(doc, &current.unwrap_or_default());
            model.overlay = Some(Overlay::Pick(picker));
        }
        _ => return Handled::No,
    }
    Handled::done()
}

/// Sets a factor's evidence to the ticked whys (or events), in list order.
pub fn link(model: &mut Model, id: &str, ids: Vec<String>, whys: bool) -> Vec<Effect> {
    let Some(doc) = model.doc.as_mut() else { return Vec::new() };
    let n = ids.len();
    doc.edit(|s| {
        if let Some(f) = s.factor_mut(id) {
            if whys { f.whys = ids } else { f.events = ids }
        }
    });
    let what = match (whys, n) {
        (true, 1) => "why",
        (true, _) => "whys",
        (false, 1) => "event",
        (false, _) => "events",
    };
    model.notice = Some(Notice::info(messages::linked(id, n, what)));
    Vec::new()
}
