//! The language linter over a whole review: every text field, each finding addressed by
//! item and field, and findings the room dismissed left out.

use super::actions::known_names;
use super::language::{Finding, LintContext, Severity, lint};
use crate::model::{ItemKind, ItemRef, Mode, Session};

/// A finding in one field of one item of a review.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldFinding {
    pub item: ItemRef,
    pub field: &'static str,
    pub finding: Finding,
}

/// Every text field of the review, as (item, field, text).
pub fn fields(session: &Session) -> Vec<(ItemRef, &'static str, &str)> {
    let i = &session.incident;
    let mut out = vec![
        (ItemRef::incident(), "title", i.title.as_str()),
        (ItemRef::incident(), "summary", i.summary.as_str()),
        (ItemRef::incident(), "impact", i.impact.as_str()),
    ];
    for e in &session.events {
        out.push((ItemRef::event(&e.id), "text", e.text.as_str()));
        out.push((ItemRef::event(&e.id), "known_then", e.known_then.as_str()));
    }
    for w in &session.whys {
        out.push((ItemRef::why(&w.id), "text", w.text.as_str()));
    }
    for f in &session.factors {
        out.push((ItemRef::factor(&f.id), "text", f.text.as_str()));
    }
    for b in &session.behaviours {
        out.push((ItemRef::behaviour(&b.id), "act", b.act.as_str()));
        out.push((ItemRef::behaviour(&b.id), "context", b.context.as_str()));
    }
    for a in &session.actions {
        out.push((ItemRef::action(&a.id), "text", a.text.as_str()));
    }
    out.retain(|(_, _, text)| !text.trim().is_empty());
    out
}

/// Language findings across the review, without the dismissed ones.
pub fn review(session: &Session) -> Vec<FieldFinding> {
    let names = known_names(session);
    let ctx = LintContext {
        known_names: &names,
        self_review: session.incident.mode == Mode::SelfReview,
        ..LintContext::default()
    };
    // A wrong turn the room has reframed stays in the tree as a record; its wording has
    // been dealt with where it belongs, in the Five Whys.
    let states = super::whys::states(session);
    let reframed = |item: &ItemRef| {
        (item.kind == ItemKind::Why)
            .then(|| states.get(item.id()))
            .flatten()
            .is_some_and(|s| s.wrong_turn.is_some() && s.reframed)
    };
    let mut out = Vec::new();
    for (item, field, text) in fields(session) {
        if reframed(&item) {
            continue;
        }
        for finding in lint(text, &ctx) {
            if !is_dismissed(session, &item, field, &finding) {
                out.push(FieldFinding { item: item.clone(), field, finding });
            }
        }
    }
    out
}

/// The findings in one item's fields, for the side pane of its step.
pub fn for_item(session: &Session, item: &ItemRef) -> Vec<FieldFinding> {
    let names = known_names(session);
    let ctx = LintContext {
        known_names: &names,
        self_review: session.incident.mode == Mode::SelfReview,
        ..LintContext::default()
    };
    let mut out = Vec::new();
    for (it, field, text) in fields(session).into_iter().filter(|(it, _, _)| it == item) {
        for finding in lint(text, &ctx) {
            if !is_dismissed(session, &it, field, &finding) {
                out.push(FieldFinding { item: it.clone(), field, finding });
            }
        }
    }
    out
}

pub fn is_dismissed(session: &Session, item: &ItemRef, field: &str, f: &Finding) -> bool {
    session.dismissed.iter().any(|d| d.covers(item, field, &f.rule, &f.matched))
}

/// Counts at warning or above: what the stepper and the review gate show.
pub fn warnings(findings: &[FieldFinding]) -> usize {
    findings.iter().filter(|f| f.finding.severity >= Severity::Warning).count()
}
