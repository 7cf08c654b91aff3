//! Writing format 1 in the exact shape of DESIGN §3: same session, same bytes. Written by
//! hand, key by key, so the order is the design's; toml's value serializer quotes values.

use indexmap::IndexMap;
use serde::Serialize;
use toml::Value;

use super::datetime::{format_date, format_time};
use super::format::{
    ACTION_KEYS, BEHAVIOUR_KEYS, CONFLICT_KEYS, DISMISSED_KEYS, EVENT_KEYS, FACTOR_KEYS,
    INCIDENT_KEYS, LESSONS_KEYS, PARKED_KEYS, TOP_KEYS, WHY_KEYS,
};
use super::read::CURRENT_VERSION;
use crate::model::{
    ActionItem, Answer, Behaviour, Conflict, Dismissal, Event, Extra, Factor, Incident, Lessons,
    Parked, Session, Timestamp, Why,
};

pub(super) fn to_toml(session: &Session) -> String {
    let mut w = Writer::default();
    w.raw("waterline", &CURRENT_VERSION.to_string());
    // Unknown top-level tables must come after every known table, or the keys of the last
    // `[[action]]` would swallow them; plain values must come before `[incident]`.
    let (tables, values): (Vec<_>, Vec<_>) = (session.extra.iter())
        .filter(|(key, _)| !TOP_KEYS.contains(&key.as_str()))
        .partition(|(_, value)| is_table_like(value));
    for (key, value) in values {
        w.raw(&quote_key(key), &inline(value));
    }
    incident(&mut w, &session.incident);
    session.events.iter().for_each(|e| event(&mut w, e));
    session.whys.iter().for_each(|y| why(&mut w, y));
    session.factors.iter().for_each(|f| factor(&mut w, f));
    session.behaviours.iter().for_each(|b| behaviour(&mut w, b));
    session.actions.iter().for_each(|a| action(&mut w, a));
    session.dismissed.iter().for_each(|d| dismissed(&mut w, d));
    session.parked.iter().for_each(|p| parked(&mut w, p));
    session.conflicts.iter().for_each(|c| conflict(&mut w, c));
    lessons(&mut w, &session.lessons);
    for (key, value) in tables {
        w.unknown_table(key, value);
    }
    w.out
}

fn incident(w: &mut Writer, i: &Incident) {
    w.header("[incident]");
    w.raw("title", &inline(&i.title));
    w.text("severity", &i.severity);
    w.value("status", &i.status);
    w.value("mode", &i.mode);
    w.text("summary", &i.summary);
    w.text("impact", &i.impact);
    w.time("started_at", i.started_at.as_ref());
    w.time("detected_at", i.detected_at.as_ref());
    w.time("mitigated_at", i.mitigated_at.as_ref());
    w.time("resolved_at", i.resolved_at.as_ref());
    if let Some(day) = i.review_date {
        w.raw("review_date", &format_date(&day));
    }
    w.text("facilitator", &i.facilitator);
    w.list("participants", &i.participants);
    w.list("tags", &i.tags);
    w.text("gate_override", &i.gate_override);
    w.text("private_notes", &i.private_notes);
    w.extra(&i.extra, INCIDENT_KEYS);
}

fn event(w: &mut Writer, e: &Event) {
    w.header("[[event]]");
    w.raw("id", &inline(&e.id));
    w.time("at", Some(&e.at));
    w.value("kind", &e.kind);
    w.text("text", &e.text);
    w.text("source", &e.source);
    w.text("known_then", &e.known_then);
    w.extra(&e.extra, EVENT_KEYS);
}

fn parked(w: &mut Writer, p: &Parked) {
    w.header("[[parked]]");
    w.raw("id", &inline(&p.id));
    w.text("text", &p.text);
    w.text("step", &p.step);
    w.extra(&p.extra, PARKED_KEYS);
}

/// Written only when there is something in it; one lesson a line, so a change is a small diff.
fn lessons(w: &mut Writer, l: &Lessons) {
    let unknown = l.extra.keys().any(|key| !LESSONS_KEYS.contains(&key.as_str()));
    if l.went_well.is_empty() && l.went_wrong.is_empty() && l.lucky.is_empty() && !unknown {
        return;
    }
    w.header("[lessons]");
    w.lines("went_well", &l.went_well);
    w.lines("went_wrong", &l.went_wrong);
    w.lines("lucky", &l.lucky);
    w.extra(&l.extra, LESSONS_KEYS);
}

fn dismissed(w: &mut Writer, d: &Dismissal) {
    w.header("[[dismissed]]");
    w.text("item", &d.item);
    w.text("field", &d.field);
    w.text("rule", &d.rule);
    w.text("matched", &d.matched);
    w.text("reason", &d.reason);
    w.extra(&d.extra, DISMISSED_KEYS);
}

/// A version that is a table is written as its own `[conflict.ours]` section, one key a
/// line, so a person can read both versions side by side; other values stay inline.
fn conflict(w: &mut Writer, c: &Conflict) {
    w.header("[[conflict]]");
    w.value("item", &c.item);
    w.text("field", &c.field);
    w.text("reason", &c.reason);
    let sides = [("base", &c.base), ("ours", &c.ours), ("theirs", &c.theirs)];
    for (key, value) in sides {
        if let Some(value) = value.as_ref().filter(|v| !v.is_table()) {
            w.raw(key, &inline(value));
        }
    }
    w.extra(&c.extra, CONFLICT_KEYS);
    for (key, value) in sides {
        if let Some(table) = value.as_ref().and_then(toml::Value::as_table) {
            w.header(&format!("[conflict.{key}]"));
            for (k, v) in table {
                w.raw(&quote_key(k), &inline(v));
            }
        }
    }
}

fn why(w: &mut Writer, y: &Why) {
    w.header("[[why]]");
    w.raw("id", &inline(&y.id));
    if let Some(parent) = &y.parent {
        w.value("parent", parent);
    }
    w.text("text", &y.text);
    if y.system_condition {
        w.raw("system_condition", "true");
    }
    w.text("note", &y.note);
    if let Some(target) = &y.reframes {
        w.raw("reframes", &inline(target));
    }
    w.extra(&y.extra, WHY_KEYS);
}

fn factor(w: &mut Writer, f: &Factor) {
    w.header("[[factor]]");
    w.raw("id", &inline(&f.id));
    w.text("text", &f.text);
    w.value("category", &f.category);
    w.list("whys", &f.whys);
    w.list("events", &f.events);
    w.text("accepted_risk", &f.accepted_risk);
    w.extra(&f.extra, FACTOR_KEYS);
}

fn behaviour(w: &mut Writer, b: &Behaviour) {
    w.header("[[behaviour]]");
    w.raw("id", &inline(&b.id));
    w.text("act", &b.act);
    w.text("context", &b.context);
    if !b.answers.is_empty() {
        // A question asked twice keeps its place and its latest answer: TOML allows one key.
        let answers: IndexMap<&str, Answer> =
            b.answers.iter().map(|(q, a)| (q.as_str(), *a)).collect();
        w.value("answers", &answers);
    }
    w.text("outcome", &b.outcome);
    w.text("note", &b.note);
    if let Some(event) = &b.event {
        w.value("event", event);
    }
    w.text("evidence", &b.evidence);
    w.text("second_reviewer", &b.second_reviewer);
    w.extra(&b.extra, BEHAVIOUR_KEYS);
}

fn action(w: &mut Writer, a: &ActionItem) {
    w.header("[[action]]");
    w.raw("id", &inline(&a.id));
    w.text("text", &a.text);
    w.text("team", &a.team);
    w.text("owner", &a.owner);
    if let Some(due) = &a.due {
        w.raw("due", &format_date(due));
    }
    w.value("status", &a.status);
    if let Some(kind) = &a.kind {
        w.value("kind", kind);
    }
    w.list("factors", &a.factors);
    w.list("behaviours", &a.behaviours);
    w.text("ticket", &a.ticket);
    w.text("verification", &a.verification);
    if let Some(day) = &a.verified_on {
        w.raw("verified_on", &format_date(day));
    }
    w.text("decision", &a.decision);
    w.extra(&a.extra, ACTION_KEYS);
}

#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// A blank line, then the header: one paragraph per table, as in the design.
    fn header(&mut self, header: &str) {
        self.out.push('\n');
        self.out.push_str(header);
        self.out.push('\n');
    }

    fn raw(&mut self, key: &str, value: &str) {
        self.out.push_str(key);
        self.out.push_str(" = ");
        self.out.push_str(value);
        self.out.push('\n');
    }

    fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.raw(key, &inline(value));
    }

    /// Optional text: an empty string is simply left out.
    fn text(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.value(key, value);
        }
    }

    fn list<T: Serialize>(&mut self, key: &str, list: &[T]) {
        if !list.is_empty() {
            self.value(key, list);
        }
    }

    /// A list of strings, one item a line.
    fn lines(&mut self, key: &str, list: &[String]) {
        if list.is_empty() {
            return;
        }
        self.out.push_str(key);
        self.out.push_str(" = [\n");
        for item in list {
            self.out.push_str("  ");
            self.out.push_str(&inline(item));
            self.out.push_str(",\n");
        }
        self.out.push_str("]\n");
    }

    fn time(&mut self, key: &str, time: Option<&Timestamp>) {
        if let Some(time) = time {
            self.raw(key, &format_time(time));
        }
    }

    /// Fields this version does not know go back after the known ones; a key that clashes
    /// with a known one cannot be written twice, and the known value wins.
    fn extra(&mut self, extra: &Extra, known: &[&str]) {
        for (key, value) in extra.iter().filter(|(key, _)| !known.contains(&key.as_str())) {
            self.raw(&quote_key(key), &inline(value));
        }
    }

    fn unknown_table(&mut self, key: &str, value: &Value) {
        let key = quote_key(key);
        let tables = match value {
            Value::Array(items) => items.iter().filter_map(Value::as_table).collect(),
            Value::Table(table) => vec![table],
            _ => Vec::new(),
        };
        let header = if value.is_array() { format!("[[{key}]]") } else { format!("[{key}]") };
        for table in tables {
            self.header(&header);
            for (k, v) in table {
                self.raw(&quote_key(k), &inline(v));
            }
        }
    }
}

/// A table, or a non-empty list of tables: written as `[key]` / `[[key]]` sections.
fn is_table_like(value: &Value) -> bool {
    match value {
        Value::Table(_) => true,
        Value::Array(items) => !items.is_empty() && items.iter().all(Value::is_table),
        _ => false,
    }
}

/// One value in TOML's inline form (strings quoted, lists and tables inline).
fn inline<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    // Strings, lists, maps and toml values always serialize; the model holds nothing else.
    value
        .serialize(toml::ser::ValueSerializer::new(&mut out))
        .expect("a model value that TOML cannot represent");
    out
}

/// A key as TOML wants it: bare when it can be, else a basic quoted string.
fn quote_key(key: &str) -> String {
    let bare =
        !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        return key.to_string();
    }
    let mut out = String::from("\"");
    for c in key.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionKind, Category, EventKind, Participant};

    fn keys_written(text: &str, kind: &str) -> Vec<String> {
        let root: toml::Table = toml::from_str(text).unwrap();
        let table = match &root[kind] {
            Value::Array(items) => items[0].as_table().unwrap().clone(),
            other => other.as_table().unwrap().clone(),
        };
        table.keys().cloned().collect()
    }

    /// Every field set: the writer must emit exactly the known-key list, in its order, so
    /// the list that decides what is "unknown" cannot drift from what is written.
    #[test]
    fn full_items_write_exactly_the_known_keys_in_order() {
        let t: Timestamp = "2026-03-02T09:12:00+01:00".parse().unwrap();
        let mut s = Session::new("Title");
        let i = &mut s.incident;
        i.severity = "SEV1".into();
        (i.summary, i.impact, i.facilitator) = ("s".into(), "i".into(), "f".into());
        (i.started_at, i.detected_at, i.mitigated_at, i.resolved_at) =
            (Some(t), Some(t), Some(t), Some(t));
        i.participants = vec![Participant { name: "n".into(), role: "r".into() }];
        i.tags = vec!["t".into()];
        s.events.push(Event {
            id: "e1".into(),
            at: t,
            kind: EventKind::Change,
            text: "t".into(),
            source: "s".into(),
            known_then: "k".into(),
            extra: Extra::new(),
        });
        s.whys.push(Why {
            id: "w1".into(),
            parent: Some("w1".into()),
            text: "t".into(),
            system_condition: true,
            note: "n".into(),
            reframes: Some("w1".into()),
            extra: Extra::new(),
        });
        s.factors.push(Factor {
            id: "f1".into(),
            text: "t".into(),
            category: Category::Tooling,
            whys: vec!["w1".into()],
            events: vec!["e1".into()],
            accepted_risk: "r".into(),
            extra: Extra::new(),
        });
        s.behaviours.push(Behaviour {
            id: "b1".into(),
            act: "a".into(),
            context: "c".into(),
            event: Some("e1".into()),
            answers: vec![("q".into(), Answer::Yes)],
            outcome: "o".into(),
            note: "n".into(),
            evidence: "e".into(),
            second_reviewer: "r".into(),
            extra: Extra::new(),
        });
        s.actions.push(ActionItem {
            id: "a1".into(),
            text: "t".into(),
            team: "t".into(),
            owner: "o".into(),
            due: Some(t.date_naive()),
            kind: Some(ActionKind::Prevent),
            factors: vec!["f1".into()],
            behaviours: vec!["b1".into()],
            ticket: "t".into(),
            verification: "v".into(),
            verified_on: Some(t.date_naive()),
            decision: "d".into(),
            ..ActionItem::default()
        });
        s.incident.gate_override = "g".into();
        s.incident.review_date = Some(t.date_naive());
        s.incident.private_notes = "p".into();
        s.parked.push(Parked {
            id: "p1".into(),
            text: "t".into(),
            step: "whys".into(),
            extra: Extra::new(),
        });
        s.dismissed.push(Dismissal {
            item: "event:e1".into(),
            field: "text".into(),
            rule: "r".into(),
            matched: "m".into(),
            reason: "r".into(),
            extra: Extra::new(),
        });
        let version: toml::Table = toml::from_str("id = \"a1\"").unwrap();
        s.conflicts.push(Conflict {
            item: "action:a1".into(),
            field: "text".into(),
            reason: "r".into(),
            base: Some(Value::Table(version.clone())),
            ours: Some(Value::Table(version.clone())),
            theirs: Some(Value::Table(version)),
            extra: Extra::new(),
        });
        s.lessons.went_well.push("w".into());
        s.lessons.went_wrong.push("w".into());
        s.lessons.lucky.push("l".into());
        let text = to_toml(&s);
        let root: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(root.keys().collect::<Vec<_>>(), TOP_KEYS);
        let lists = [
            ("incident", INCIDENT_KEYS),
            ("event", EVENT_KEYS),
            ("why", WHY_KEYS),
            ("factor", FACTOR_KEYS),
            ("behaviour", BEHAVIOUR_KEYS),
            ("action", ACTION_KEYS),
            ("dismissed", DISMISSED_KEYS),
            ("parked", PARKED_KEYS),
            ("conflict", CONFLICT_KEYS),
            ("lessons", LESSONS_KEYS),
        ];
        for (kind, known) in lists {
            assert_eq!(keys_written(&text, kind), known, "{kind}");
        }
    }

    #[test]
    fn odd_unknown_keys_are_quoted() {
        assert_eq!(quote_key("mood"), "mood");
        assert_eq!(quote_key("a b\"\n"), "\"a b\\\"\\u000A\"");
    }
}
