//! Language findings kept between edits. A field is linted again only when its text
//! changed (or the names and the mode the linter reads did), so after an edit only the
//! edited item costs anything; every other field's findings are reused.

use std::collections::HashMap;

use super::actions::known_names;
use super::language::{Finding, LintContext, lint};
use super::review_language::{FieldFinding, fields, is_dismissed};
use super::whys::{NodeState, WrongTurn, states_with, wrong_turn, wrong_turn_in};
use crate::model::{Mode, Session, WhyIndex};

/// What the linter found in each text field of one review, by item (`event:e3`) and field.
/// Hold one per open review and call [`LintCache::refresh`] after each change (or
/// [`LintCache::invalidate`] the items an edit touched first, to drop them at once).
#[derive(Debug, Default)]
pub struct LintCache {
    names: Vec<String>,
    self_review: bool,
    items: HashMap<String, Item>,
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
        let ctx = LintContext { known_names: &self.names, self_review, markdown: false };
        for (key, name, text) in fields(session) {
            let item = self.items.entry(key).or_default();
            item.seen = generation;
            match item.fields.iter_mut().find(|f| f.name == name) {
                Some(field) if field.text == text => field.seen = generation,
                Some(field) => {
                    *field = Field::new(name, text, lint(text, &ctx), generation);
                }
                None => item.fields.push(Field::new(name, text, lint(text, &ctx), generation)),
            }
        }
        self.items.retain(|_, item| {
            item.fields.retain(|f| f.seen == generation);
            item.seen == generation
        });
        for w in &session.whys {
            let item = self.items.get_mut(&format!("why:{}", w.id));
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
                    wrong_turn_in(&field.text, &field.findings, &self.names)
                };
                field.turn = Some(turn);
            }
        }
    }

    /// Forgets everything about `item` (`why:w3`); the next refresh lints it again.
    pub fn invalidate(&mut self, item: &str) {
        self.items.remove(item);
    }

    /// The findings in one field as of the last refresh (none for a field not seen).
    pub fn findings(&self, item: &str, field: &str) -> &[Finding] {
        self.field(item, field).map_or(&[], |f| f.findings.as_slice())
    }

    /// Each answer's wrong turn, by id, as of the last refresh.
    pub fn wrong_turns<'s>(&self, session: &'s Session) -> HashMap<&'s str, Option<WrongTurn>> {
        let mut key = String::new();
        (session.whys.iter())
            .map(|w| {
                key.clear();
                key.push_str("why:");
                key.push_str(&w.id);
                let turn = self.field(&key, "text").and_then(|f| f.turn.clone().flatten());
                (w.id.as_str(), turn)
            })
            .collect()
    }

    /// Language findings across the review, without the dismissed ones and without the
    /// wording of wrong turns the room has reframed: what `review_language::review` says.
    pub fn language(
        &self,
        session: &Session,
        states: &HashMap<String, NodeState>,
    ) -> Vec<FieldFinding> {
        let reframed = |item: &str| {
            item.strip_prefix("why:")
                .and_then(|id| states.get(id))
                .is_some_and(|s| s.wrong_turn.is_some() && s.reframed)
        };
        let mut out = Vec::new();
        for (item, field, _) in fields(session) {
            if reframed(&item) {
                continue;
            }
            for finding in self.findings(&item, field) {
                if !is_dismissed(session, &item, field, finding) {
                    out.push(FieldFinding { item: item.clone(), field, finding: finding.clone() });
                }
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

    fn field(&self, item: &str, name: &str) -> Option<&Field> {
        self.items.get(item)?.fields.iter().find(|f| f.name == name)
    }
}

impl Field {
    fn new(name: &'static str, text: &str, findings: Vec<Finding>, seen: u64) -> Self {
        Field { name, seen, text: text.to_string(), findings, turn: None }
    }
}
