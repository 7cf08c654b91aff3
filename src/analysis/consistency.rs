//! What the console refuses but a hand-edited file can hold: an action verified without
//! evidence or decided against without a decision, a Just Culture outcome that disagrees
//! with its answers, a reframing link to an answer that is not there.

use super::check::{Check, Severity};
use super::messages;
use super::whys::states;
use crate::model::behaviour::outcome_disagrees;
use crate::model::{ActionStatus, ItemRef, Session};

/// Every such problem, as errors (a link to a why that is no wrong turn is info).
pub fn check(session: &Session) -> Vec<Check> {
    let mut out = Vec::new();
    for a in &session.actions {
        if a.status == ActionStatus::Verified && a.verification.trim().is_empty() {
            let message = messages::VERIFIED_WITHOUT_EVIDENCE.into();
            out.push(Check::new(ItemRef::action(&a.id), "verification", Severity::Error, message));
        }
        if a.status == ActionStatus::WontDo && a.decision.trim().is_empty() {
            let message = messages::WONT_DO_WITHOUT_DECISION.into();
            out.push(Check::new(ItemRef::action(&a.id), "decision", Severity::Error, message));
        }
    }
    for b in &session.behaviours {
        if let Some(d) = outcome_disagrees(b) {
            out.push(Check::new(
                ItemRef::behaviour(&b.id),
                "outcome",
                Severity::Error,
                d.to_string(),
            ));
        }
    }
    let turns = states(session);
    for w in &session.whys {
        let Some(target) = w.reframes.as_deref() else { continue };
        match turns.get(target) {
            None => {
                let message = messages::reframes_nothing(target);
                out.push(Check::new(ItemRef::why(&w.id), "reframes", Severity::Error, message));
            }
            Some(state) if state.wrong_turn.is_none() => {
                let message = messages::reframes_no_wrong_turn(target);
                out.push(Check::new(ItemRef::why(&w.id), "reframes", Severity::Info, message));
            }
            Some(_) => {}
        }
    }
    out
}
