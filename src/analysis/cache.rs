//! Language findings kept between edits. A field is linted again only when its text
//! changed (or the names and the mode the linter reads did), so after an edit only the
//! edited item costs anything; every other field's findings are reused.

use std::collections::HashMap;

use super::actions::known_names;
use super::language::{Finding, LintContext, Severity, lint};
use super::review_language::{FieldFinding, fields, is_dismissed};
use super::whys::{NodeState, WrongTurn, states_with, wrong_turn, wrong_turn_in};
use crate::model::{ItemKind, ItemRef, Mode, Session, WhyIndex};

/// What the linter found in each text field of one review, by item and field.
/// Hold one per open review and call [`LintCache::refresh`] after each change (or
/// [`LintCache::invalidate`] the items an edit touched first, to drop them at once).
#[derive(Debug, Default)]
pub struct LintCache {
    names: Vec<String>,
    self_review: bool,
    items: HashMap<ItemRef, Item>,
    generation: u64,
}

#[derive(Debug, Default)]
struct Item {
    seen: u64,
    fields: Vec<Field>,
}

#[derive(Debug)]
struct Field {
    name: &'static str,
    seen: u64,
    text: String,
    findings: Vec<Finding>,
    /// For a why's text: the wrong turn in it, worked out on the first refresh after a
    /// change.
    turn: Option<Option<WrongTurn>>,
}

impl LintCache {
    pub fn new() -> Self {
        LintCache::default()
    }

    /// Brings the cache up to date with `session`: fields whose text changed are linted
    /// again, fields and items that are gone are dropped. A change of the people named in
    /// the review or of its mode changes what the linter says everywhere, so it starts over.
    pub fn refresh(&mut self, session: &Session) {
        let names = known_names(session);
        let self_review = session.incident.mode == Mode::SelfReview;
        if names != self.names || self_review != self.self_review {
            self.items.clear();
            self.names = names;
            self.self_review = self_review;
        }
        self.generation += 1;
        let generation = self.generation;
        let ctx = LintContext { known_names: &self.names, self_review, ..LintContext::default() };
        // Why answers are read as answers to "why?".
        let answer = LintContext { answer: true, ..ctx };
        for (key, name, text) in fields(session) {
            let ctx = if key.kind == ItemKind::Why { &answer } else { &ctx };
            let item = self.items.entry(key).or_default();
            item.seen = generation;
            match item.fields.iter_mut().find(|f| f.name == name) {
                Some(field) if field.text == text => field.seen = generation,
                Some(field) => {
                    *field = Field::new(name, text, lint(text, ctx), generation);
                }
                None => item.fields.push(Field::new(name, text, lint(text, ctx), generation)),
            }
        }
        self.items.retain(|_, item| {
            item.fields.retain(|f| f.seen == generation);
            item.seen == generation
        });
        for w in &session.whys {
            let item = self.items.get_mut(&ItemRef::why(&w.id));
            let Some(field) = item.and_then(|i| i.fields.iter_mut().find(|f| f.name == "text"))
            else {
                continue;
            };
            if field.turn.is_none() {
                // A self-review lints "I" as the rule says; a wrong turn is judged as in a
                // facilitated review, so that one lints again.
                let turn = if self_review {
                    wrong_turn(&field.text, &self.names)
                } else {
                    wrong_turn_in(&field.findings)
                };
                field.turn = Some(turn);
            }
        }
    }

    /// Forgets everything about `item`; the next refresh lints it again.
    pub fn invalidate(&mut self, item: &ItemRef) {
        self.items.remove(item);
    }

    /// The findings in one field as of the last refresh (none for a field not seen).
    pub fn findings(&self, item: &ItemRef, field: &str) -> &[Finding] {
        self.field(item, field).map_or(&[], |f| f.findings.as_slice())
    }

    /// Each answer's wrong turn, by id, as of the last refresh.
    pub fn wrong_turns<'s>(&self, session: &'s Session) -> HashMap<&'s str, Option<WrongTurn>> {
        (session.whys.iter())
            .map(|w| {
                let key = ItemRef::why(&w.id);
                let turn = self.field(&key, "text").and_then(|f| f.turn.clone().flatten());
                (w.id.as_str(), turn)
            })
            .collect()
    }

    /// Language findings across the review, without the dismissed ones; a wrong turn an
    /// answer reframes keeps its wording at info, marked with the reframing answer: what
    /// `review_language::review` says.
    pub fn language(
        &self,
        session: &Session,
        states: &HashMap<String, NodeState>,
    ) -> Vec<FieldFinding> {
        let mut out = Vec::new();
        for (item, field, _) in fields(session) {
            let reframed_by = (item.kind == ItemKind::Why)
                .then(|| states.get(item.id()))
                .flatten()
                .and_then(|s| s.reframed_by.clone());
            for finding in self.findings(&item, field) {
                if is_dismissed(session, &item, field, finding) {
                    continue;
                }
                let mut finding = finding.clone();
                if reframed_by.is_some() {
                    finding.severity = finding.severity.min(Severity::Info);
                }
                let reframed_by = reframed_by.clone();
                out.push(FieldFinding { item: item.clone(), field, finding, reframed_by });
            }
        }
        out
    }

    /// Refreshes, then the review's language findings.
    pub fn review(&mut self, session: &Session) -> Vec<FieldFinding> {
        self.refresh(session);
        let index = WhyIndex::new(&session.whys);
        let states = states_with(&index, &self.wrong_turns(session));
        self.language(session, &states)
    }

    fn field(&self, item: &ItemRef, name: &str) -> Option<&Field> {
        self.items.get(item)?.fields.iter().find(|f| f.name == name)
    }
}

impl Field {
    fn new(name: &'static str, text: &str, findings: Vec<Finding>, seen: u64) -> Self {
        Field { name, seen, text: text.to_string(), findings, turn: None }
    }
}
