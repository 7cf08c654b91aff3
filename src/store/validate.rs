//! Checks serde cannot make: a title, unique ids, references that lead somewhere, and a Five
//! Whys tree without loops. Every problem is found; the one earliest in the file is reported.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::diagnostics::{Problem, line_column};
use super::format::FileV1;
use crate::model::ids::IdAllocator;

const TITLE_EXAMPLE: &str = "title = \"Payment service down after a config change\"";
const TIME_EXAMPLE: &str = "at = 2026-03-02T09:12:00Z";

/// The largest number an id may carry: far past any review, and far enough below the
/// counter's limit that numbering new items from it can never wrap around.
pub(super) const MAX_ID_NUMBER: u64 = 999_999_999_999_999_999;

/// The first problem in `file` (whose source is `text`), if there is one.
pub(super) fn check(file: &FileV1, text: &str) -> Result<(), Problem> {
    check_read(file, text, &[])
}

/// As [`check`], for a file of which the item tables of the kinds in `unread` were left
/// unread: references to those kinds cannot be checked, and are not.
pub(super) fn check_read(file: &FileV1, text: &str, unread: &[&str]) -> Result<(), Problem> {
    let mut c = Checker { text, unread, problems: Vec::new() };
    c.incident(file);

    let events = c.ids("event", "e", file.event.iter().map(|e| (e.span(), &e.get_ref().id)));
    let whys = c.ids("why", "w", file.why.iter().map(|w| (w.span(), &w.get_ref().id)));
    let factors = c.ids("factor", "f", file.factor.iter().map(|f| (f.span(), &f.get_ref().id)));
    let behaviours =
        c.ids("behaviour", "b", file.behaviour.iter().map(|b| (b.span(), &b.get_ref().id)));
    c.ids("action", "a", file.action.iter().map(|a| (a.span(), &a.get_ref().id)));
    // A parked point's id is optional, but one that is there follows the same grammar.
    for id in file.parked.iter().filter_map(|p| p.id.as_ref()) {
        if let Some(message) = id_problem("parked point", id.get_ref(), "p1") {
            c.report(id.span(), message);
        }
    }

    for event in &file.event {
        if event.get_ref().at.is_none() {
            let who = label("event", &event.get_ref().id);
            c.report(event.span(), format!("{who} has no time; add one, like {TIME_EXAMPLE}"));
        }
    }
    for why in &file.why {
        let why = why.get_ref();
        if let Some(parent) = &why.parent
            && !whys.contains_key(parent.get_ref().as_str())
        {
            let (who, p) = (label("why", &why.id), parent.get_ref().escape_debug());
            c.report(
                parent.span(),
                format!(
                    "{who} has parent `{p}`, but there is no why `{p}`; point `parent` at an \
                     existing why, or remove it to ask this why of the incident itself"
                ),
            );
        }
    }
    for factor in &file.factor {
        let who = label("factor", &factor.get_ref().id);
        c.references(&who, "why", "whys", &factor.get_ref().whys, &whys);
        c.references(&who, "event", "events", &factor.get_ref().events, &events);
    }
    for behaviour in &file.behaviour {
        if let Some(event) = &behaviour.get_ref().event {
            let who = label("behaviour", &behaviour.get_ref().id);
            c.references(&who, "event", "event", std::slice::from_ref(event), &events);
        }
    }
    for action in &file.action {
        let who = label("action", &action.get_ref().id);
        c.references(&who, "factor", "factors", &action.get_ref().factors, &factors);
        c.references(&who, "behaviour", "behaviours", &action.get_ref().behaviours, &behaviours);
    }
    c.why_loops(file);

    c.problems.into_iter().min_by_key(|p| p.offset).map_or(Ok(()), Err)
}

/// What is wrong with `id`, if anything: ids are lowercase letters then a number
/// (`^[a-z]+[0-9]+$`), and the number is at most [`MAX_ID_NUMBER`].
fn id_problem(kind: &str, id: &str, suggestion: &str) -> Option<String> {
    let letters = id.bytes().take_while(u8::is_ascii_lowercase).count();
    let digits = &id[letters..];
    let like =
        if suggestion.is_empty() { String::new() } else { format!(", like id = \"{suggestion}\"") };
    if letters == 0 || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        // Shown escaped: an id can hold anything a hand-edited file puts there.
        let shown = id.escape_debug();
        return Some(format!(
            "this {kind}'s id `{shown}` is not one waterline can use: an id is lowercase \
             letters followed by a number{like}"
        ));
    }
    match digits.parse::<u64>() {
        Ok(n) if n <= MAX_ID_NUMBER => None,
        _ => Some(format!(
            "the number in id `{id}` is too large to count on from; ids go up to \
             {MAX_ID_NUMBER}{like}"
        )),
    }
}

/// "event `e3`", or "this event" when it has no id yet.
fn label(kind: &str, id: &Option<Spanned<String>>) -> String {
    match id.as_ref().map(|id| id.get_ref().as_str()) {
        Some(id) if !id.trim().is_empty() => format!("{kind} `{}`", id.escape_debug()),
        _ => format!("this {kind}"),
    }
}

struct Checker<'t> {
    text: &'t str,
    /// Kinds of item left unread: references to them are not checked.
    unread: &'t [&'t str],
    problems: Vec<Problem>,
}

impl<'t> Checker<'t> {
    fn report(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Problem::at(span, message));
    }

    fn incident(&mut self, file: &FileV1) {
        let Some(incident) = &file.incident else {
            self.problems.push(Problem::new(
                0,
                format!("there is no [incident] table; add one with a title, like [incident] {TITLE_EXAMPLE}"),
            ));
            return;
        };
        match &incident.get_ref().title {
            None => self.report(
                incident.span(),
                format!(
                    "the incident has no title; add one under [incident], like {TITLE_EXAMPLE}"
                ),
            ),
            Some(title) if title.get_ref().trim().is_empty() => self.report(
                title.span(),
                format!(
                    "the title is empty; say in a few words what happened, like {TITLE_EXAMPLE}"
                ),
            ),
            Some(_) => {}
        }
    }

    /// Checks that each item of one kind has its own id; returns id → where it first appears.
    fn ids<'f>(
        &mut self,
        kind: &str,
        prefix: &'static str,
        items: impl Iterator<Item = (Range<usize>, &'f Option<Spanned<String>>)> + Clone,
    ) -> HashMap<&'f str, usize> {
        let mut free = IdAllocator::new(prefix);
        // Only well-formed ids count: one past the counter's limit must not wrap the next.
        free.observe(
            (items.clone().filter_map(|(_, id)| id.as_ref()))
                .map(|id| id.get_ref().as_str())
                .filter(|id| id_problem(kind, id, "").is_none()),
        );
        let suggestion = free.suggestion();

        let mut first: HashMap<&str, usize> = HashMap::new();
        for (span, id) in items {
            let Some(id) = id else {
                let message = format!(
                    "this {kind} has no `id`; give it one no other {kind} uses, like id = \"{suggestion}\""
                );
                self.report(span, message);
                continue;
            };
            let value = id.get_ref().as_str();
            if value.trim().is_empty() {
                let message = format!(
                    "this {kind}'s `id` is empty; give it one no other {kind} uses, like id = \"{suggestion}\""
                );
                self.report(id.span(), message);
            } else if let Some(message) = id_problem(kind, value, &suggestion) {
                self.report(id.span(), message);
            } else if let Some(&offset) = first.get(value) {
                let (line, _) = line_column(self.text, offset);
                let message = format!(
                    "duplicate id `{value}` (first used on line {line}); give each {kind} its own id, like id = \"{suggestion}\""
                );
                self.report(id.span(), message);
            } else {
                first.insert(value, id.span().start);
            }
        }
        first
    }

    /// Each id in `list` (the `field` of `who`) must name an existing `kind`.
    fn references(
        &mut self,
        who: &str,
        kind: &str,
        field: &str,
        list: &[Spanned<String>],
        existing: &HashMap<&str, usize>,
    ) {
        if self.unread.contains(&kind) {
            return;
        }
        for target in list {
            let id = target.get_ref();
            if !existing.contains_key(id.as_str()) {
                let id = id.escape_debug();
                let message = format!(
                    "{who} refers to {kind} `{id}`, which is not in this file; add that {kind}, or remove it from `{field}`"
                );
                self.report(target.span(), message);
            }
        }
    }

    /// Follows each why's parents up the tree; coming back to a why already on the way up is
    /// a loop, which would make the tree endless.
    fn why_loops(&mut self, file: &FileV1) {
        let mut parent_of: HashMap<&str, &Spanned<String>> = HashMap::new();
        for why in &file.why {
            let why = why.get_ref();
            if let (Some(id), Some(parent)) = (&why.id, &why.parent) {
                parent_of.entry(id.get_ref().as_str()).or_insert(parent);
            }
        }
        let mut settled: HashSet<&str> = HashSet::new();
        for why in &file.why {
            let Some(start) = why.get_ref().id.as_ref().map(|id| id.get_ref().as_str()) else {
                continue;
            };
            let mut path: Vec<&str> = Vec::new();
            let mut current = start;
            while !settled.contains(current) {
                if let Some(pos) = path.iter().position(|id| *id == current) {
                    if let Some(parent) = parent_of.get(current) {
                        self.report_loop(&path[pos..], parent);
                    }
                    break;
                }
                path.push(current);
                match parent_of.get(current) {
                    Some(parent) => current = parent.get_ref().as_str(),
                    None => break,
                }
            }
            settled.extend(path);
        }
    }

    fn report_loop(&mut self, cycle: &[&str], parent: &Spanned<String>) {
        let message = if let [only] = cycle {
            format!("why `{only}` is its own parent; point `parent` at another why, or remove it")
        } else {
            let chain: Vec<String> =
                cycle.iter().chain(&cycle[..1]).map(|id| format!("`{id}`")).collect();
            format!(
                "the whys {} form a loop; change one `parent` so the chain ends at a why with no parent",
                chain.join(" → ")
            )
        };
        self.report(parent.span(), message);
    }
}
