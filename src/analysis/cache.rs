//! Language findings kept between edits. A field is linted again only when its text
//! changed (or the names and the mode the linter reads did), so after an edit only the
//! edited item costs anything; every other field's findings are reused.

use std::collections::HashMap;

use super::actions::known_names;
use super::language::{Finding, LintContext, lint};
use super::review_language::{FieldFinding, each_field, item_ref, keep};
use super::whys::{NodeState, WrongTurn, states_with, wrong_turn, wrong_turn_in};
use crate::model::{ItemKind, ItemRef, Mode, Session, WhyIndex};

/// Items of one kind by id (the incident's id is empty). A fast hash, looked up by `&str`:
/// a refresh of a 20,000-event review looks up 45,000 fields, and allocates for none of
/// them that it has seen before.
type Items = HashMap<String, Item, foldhash::fast::FixedState>;

/// What the linter found in each text field of one review, by item and field.
/// Hold one per open review and call [`LintCache::refresh`] after each change (or
/// [`LintCache::invalidate`] the items an edit touched first, to drop them at once).
#[derive(Debug, Default)]
pub struct LintCache {
    names: Vec<String>,
    self_review: bool,
    /// One map per kind of item, in `slot`'s order.
    items: [Items; 6],
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
            self.items.iter_mut().for_each(Items::clear);
            self.names = names;
            self.self_review = self_review;
        }
        self.generation += 1;
        let generation = self.generation;
        let ctx = LintContext { known_names: &self.names, self_review, ..LintContext::default() };
        // Why answers are read as answers to "why?".
        let answer = LintContext { answer: true, ..ctx };
        let items = &mut self.items;
        each_field(session, |kind, id, name, text| {
            let ctx = if kind == ItemKind::Why { &answer } else { &ctx };
            let map = &mut items[slot(kind)];
            let item = match map.get_mut(id) {
                Some(item) => item,
                None => map.entry(id.to_owned()).or_default(),
            };
            item.seen = generation;
            match item.fields.iter_mut().find(|f| f.name == name) {
                Some(field) if field.text == text => field.seen = generation,
                Some(field) => {
                    *field = Field::new(name, text, lint(text, ctx), generation);
                }
                None => item.fields.push(Field::new(name, text, lint(text, ctx), generation)),
            }
        });
        for map in &mut self.items {
            map.retain(|_, item| {
                item.fields.retain(|f| f.seen == generation);
                item.seen == generation
            });
        }
        let whys = &mut self.items[slot(ItemKind::Why)];
        for w in &session.whys {
            let item = whys.get_mut(w.id.as_str());
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
        self.items[slot(item.kind)].remove(item.id());
    }

    /// The findings in one field as of the last refresh (none for a field not seen).
    pub fn findings(&self, item: &ItemRef, field: &str) -> &[Finding] {
        self.field(item.kind, item.id(), field).map_or(&[], |f| f.findings.as_slice())
    }

    /// Each answer's wrong turn, by id, as of the last refresh.
    pub fn wrong_turns<'s>(&self, session: &'s Session) -> HashMap<&'s str, Option<WrongTurn>> {
        (session.whys.iter())
            .map(|w| {
                let turn = self.field(ItemKind::Why, &w.id, "text");
                (w.id.as_str(), turn.and_then(|f| f.turn.clone().flatten()))
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
        each_field(session, |kind, id, field, _| {
            let found = self.field(kind, id, field).map_or(&[][..], |f| f.findings.as_slice());
            if found.is_empty() {
                return;
            }
            let item = item_ref(kind, id);
            let reframed_by = (kind == ItemKind::Why)
                .then(|| states.get(id))
                .flatten()
                .and_then(|s| s.reframed_by.clone());
            keep(session, &item, field, found.iter().cloned(), reframed_by, &mut out);
        });
        out
    }

    /// Refreshes, then the review's language findings.
    pub fn review(&mut self, session: &Session) -> Vec<FieldFinding> {
        self.refresh(session);
        let index = WhyIndex::new(&session.whys);
        let states = states_with(&index, &self.wrong_turns(session));
        self.language(session, &states)
    }

    fn field(&self, kind: ItemKind, id: &str, name: &str) -> Option<&Field> {
        self.items[slot(kind)].get(id)?.fields.iter().find(|f| f.name == name)
    }
}

/// Where a kind's items are kept in `LintCache::items`.
fn slot(kind: ItemKind) -> usize {
    match kind {
        ItemKind::Incident => 0,
        ItemKind::Event => 1,
        ItemKind::Why => 2,
        ItemKind::Factor => 3,
        ItemKind::Behaviour => 4,
        ItemKind::Action => 5,
    }
}

impl Field {
    fn new(name: &'static str, text: &str, findings: Vec<Finding>, seen: u64) -> Self {
        Field { name, seen, text: text.to_string(), findings, turn: None }
    }
}
