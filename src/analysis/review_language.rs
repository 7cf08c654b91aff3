//! The language linter over a whole review: every text field, each finding addressed by
//! item and field, and findings the room dismissed left out. Why answers are read as
//! answers, and a reframed wrong turn's wording stays visible at info.

use super::actions::known_names;
use super::language::{Finding, LintContext, Severity, lint};
use crate::model::{ItemKind, ItemRef, Mode, Session};

/// A finding in one field of one item of a review.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldFinding {
    pub item: ItemRef,
    pub field: &'static str,
    pub finding: Finding,
    /// For a wrong turn's wording: the answer that reframes it (the finding is then info).
    pub reframed_by: Option<String>,
}

/// Every text field of the review that is not blank, as (item, field, text).
pub fn fields(session: &Session) -> Vec<(ItemRef, &'static str, &str)> {
    let mut out = Vec::new();
    each_field(session, |kind, id, field, text| out.push((item_ref(kind, id), field, text)));
    out
}

/// The item of `kind` with `id`; the incident, which has none, for `ItemKind::Incident`.
pub(crate) fn item_ref(kind: ItemKind, id: &str) -> ItemRef {
    if kind == ItemKind::Incident { ItemRef::incident() } else { ItemRef::new(kind, id) }
}

/// Every text field that is not blank, in `fields`' order, without making an `ItemRef` for
/// each: (kind, id, field, text); the incident's id is empty.
pub(crate) fn each_field<'s>(
    session: &'s Session,
    mut f: impl FnMut(ItemKind, &'s str, &'static str, &'s str),
) {
    let mut field = |kind, id, name, text: &'s str| {
        if !blank(text) {
            f(kind, id, name, text);
        }
    };
    let i = &session.incident;
    field(ItemKind::Incident, "", "title", &i.title);
    field(ItemKind::Incident, "", "summary", &i.summary);
    field(ItemKind::Incident, "", "impact", &i.impact);
    for e in &session.events {
        field(ItemKind::Event, &e.id, "text", &e.text);
        field(ItemKind::Event, &e.id, "known_then", &e.known_then);
    }
    for w in &session.whys {
        field(ItemKind::Why, &w.id, "text", &w.text);
    }
    for x in &session.factors {
        field(ItemKind::Factor, &x.id, "text", &x.text);
    }
    for b in &session.behaviours {
        field(ItemKind::Behaviour, &b.id, "act", &b.act);
        field(ItemKind::Behaviour, &b.id, "context", &b.context);
    }
    for a in &session.actions {
        field(ItemKind::Action, &a.id, "text", &a.text);
    }
}

/// Whether a text is empty or only white space; most texts start with a letter.
fn blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => false,
        _ => text.trim().is_empty(),
    }
}

/// Language findings across the review, without the dismissed ones. Why answers are read
/// as answers to "why?"; the wording of a wrong turn an answer has reframed is kept at
/// info, marked reframed.
pub fn review(session: &Session) -> Vec<FieldFinding> {
    super::cache::LintCache::new().review(session)
}

/// What [`review`] says, worked out field by field without the cache: the reference the
/// cache is tested against.
pub fn fresh(session: &Session) -> Vec<FieldFinding> {
    findings(session, |_| true)
}

/// The findings in one item's fields, for the side pane of its step.
pub fn for_item(session: &Session, item: &ItemRef) -> Vec<FieldFinding> {
    findings(session, |it| it == item)
}

fn findings(session: &Session, wanted: impl Fn(&ItemRef) -> bool) -> Vec<FieldFinding> {
    let names = known_names(session);
    let ctx = LintContext {
        known_names: &names,
        self_review: session.incident.mode == Mode::SelfReview,
        ..LintContext::default()
    };
    let answer = LintContext { answer: true, ..ctx };
    let fields: Vec<_> = fields(session).into_iter().filter(|(it, _, _)| wanted(it)).collect();
    // Wrong turns are worked out only when a why answer is among the fields.
    let states = if fields.iter().any(|(it, _, _)| it.kind == ItemKind::Why) {
        super::whys::states(session)
    } else {
        Default::default()
    };
    let mut out = Vec::new();
    for (item, field, text) in fields {
        let why = item.kind == ItemKind::Why;
        let reframed_by = why.then(|| states.get(item.id())).flatten();
        let reframed_by = reframed_by.and_then(|s| s.reframed_by.clone());
        let ctx = if why { &answer } else { &ctx };
        keep(session, &item, field, lint(text, ctx), reframed_by, &mut out);
    }
    out
}

/// Adds one field's findings to `out` as the review reports them: without the ones kept on
/// purpose, and at info at most when an answer has reframed the wrong turn they are in.
pub(crate) fn keep(
    session: &Session,
    item: &ItemRef,
    field: &'static str,
    findings: impl IntoIterator<Item = Finding>,
    reframed_by: Option<String>,
    out: &mut Vec<FieldFinding>,
) {
    for mut finding in findings {
        if is_dismissed(session, item, field, &finding) {
            continue;
        }
        if reframed_by.is_some() {
            finding.severity = finding.severity.min(Severity::Info);
        }
        let reframed_by = reframed_by.clone();
        out.push(FieldFinding { item: item.clone(), field, finding, reframed_by });
    }
}

pub fn is_dismissed(session: &Session, item: &ItemRef, field: &str, f: &Finding) -> bool {
    session.dismissed.iter().any(|d| d.covers(item, field, &f.rule, &f.matched))
}

/// Counts at warning or above: what the stepper and the review gate show.
pub fn warnings(findings: &[FieldFinding]) -> usize {
    findings.iter().filter(|f| f.finding.severity >= Severity::Warning).count()
}
