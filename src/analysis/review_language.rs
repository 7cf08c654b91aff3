//! The language linter over a whole review: every text field, each finding addressed by
//! item and field, and findings the room dismissed left out.

use super::actions::known_names;
use super::language::{Finding, LintContext, Severity, lint};
use crate::model::{Mode, Session};

/// A finding in one field of one item of a review.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldFinding {
    /// `incident`, `event:e3`, `why:w2`…
    pub item: String,
    pub field: &'static str,
    pub finding: Finding,
}

/// Every text field of the review, as (item, field, text).
pub fn fields(session: &Session) -> Vec<(String, &'static str, &str)> {
    let i = &session.incident;
    let mut out = vec![
        ("incident".to_string(), "title", i.title.as_str()),
        ("incident".to_string(), "summary", i.summary.as_str()),
        ("incident".to_string(), "impact", i.impact.as_str()),
    ];
    for e in &session.events {
        out.push((format!("event:{}", e.id), "text", e.text.as_str()));
        out.push((format!("event:{}", e.id), "known_then", e.known_then.as_str()));
    }
    for w in &session.whys {
        out.push((format!("why:{}", w.id), "text", w.text.as_str()));
    }
    for f in &session.factors {
        out.push((format!("factor:{}", f.id), "text", f.text.as_str()));
    }
    for b in &session.behaviours {
        out.push((format!("behaviour:{}", b.id), "act", b.act.as_str()));
        out.push((format!("behaviour:{}", b.id), "context", b.context.as_str()));
    }
    for a in &session.actions {
        out.push((format!("action:{}", a.id), "text", a.text.as_str()));
    }
    out.retain(|(_, _, text)| !text.trim().is_empty());
    out
}

/// Language findings across the review, without the dismissed ones.
pub fn review(session: &Session) -> Vec<FieldFinding> {
    // A wrong turn the room has reframed stays in the tree as a record; its wording has
    // been dealt with where it belongs, in the Five Whys (see `LintCache::language`).
    super::cache::LintCache::new().review(session)
}

/// The findings in one item's fields (`event:e3`), for the side pane of its step.
pub fn for_item(session: &Session, item: &str) -> Vec<FieldFinding> {
    let names = known_names(session);
    let ctx = LintContext {
        known_names: &names,
        self_review: session.incident.mode == Mode::SelfReview,
        markdown: false,
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

pub fn is_dismissed(session: &Session, item: &str, field: &str, f: &Finding) -> bool {
    session.dismissed.iter().any(|d| d.covers(item, field, &f.rule, &f.matched))
}

/// Counts at warning or above: what the stepper and the review gate show.
pub fn warnings(findings: &[FieldFinding]) -> usize {
    findings.iter().filter(|f| f.finding.severity >= Severity::Warning).count()
}
