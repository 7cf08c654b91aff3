//! Fields a file carries that this version does not know: found by comparing the file's
//! keys with format 1's lists, kept in each item's `extra`, and reported in one notice.

use std::collections::HashMap;

use serde::Deserialize;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::{Spanned, Value};

use super::format::{
    ACTION_KEYS, BEHAVIOUR_KEYS, CONFLICT_KEYS, DISMISSED_KEYS, EVENT_KEYS, FACTOR_KEYS,
    INCIDENT_KEYS, LESSONS_KEYS, PARKED_KEYS, PARTICIPANT_KEYS, TOP_KEYS, WHY_KEYS,
};
use crate::model::Extra;

/// How many field names a notice spells out before it says "and N more".
const NAMED_IN_NOTICE: usize = 6;

/// Unknown fields, collected from the file's parsed tree before serde reads the known ones
/// (serde's `flatten` would do this too, but it loses the spans the error messages need).
/// Only unknown values are converted; a file with none costs one pass over its keys.
pub(super) struct Unknown {
    top: Extra,
    incident: Extra,
    /// `(kind, index)` of an item table → its unknown fields, for tables that have some.
    items: HashMap<(&'static str, usize), Extra>,
    /// A single table at the top level (`[lessons]`) → its unknown fields.
    tables: HashMap<&'static str, Extra>,
    kept: Vec<String>,
    lost: Vec<String>,
}

/// The arrays of tables and the keys format 1 knows in each.
pub(super) const ITEM_KEYS: [(&str, &[&str]); 7] = [
    ("event", EVENT_KEYS),
    ("why", WHY_KEYS),
    ("factor", FACTOR_KEYS),
    ("behaviour", BEHAVIOUR_KEYS),
    ("action", ACTION_KEYS),
    ("dismissed", DISMISSED_KEYS),
    ("parked", PARKED_KEYS),
];

/// Arrays of tables that only the whole-file reader reads (rare: left by a merge).
const RARE_ITEM_KEYS: [(&str, &[&str]); 1] = [("conflict", CONFLICT_KEYS)];

/// Single tables at the top level and the keys format 1 knows in each.
pub(super) const TABLE_KEYS: [(&str, &[&str]); 1] = [("lessons", LESSONS_KEYS)];

impl Unknown {
    pub(super) fn new(root: &DeTable) -> Self {
        let mut unknown = Unknown::empty();
        unknown.set_top(root);
        unknown.set_incident(root.get("incident").and_then(|v| v.get_ref().as_table()));
        for (kind, _) in TABLE_KEYS {
            unknown.set_table(kind, root.get(kind).and_then(|v| v.get_ref().as_table()));
        }
        for (kind, _) in ITEM_KEYS.into_iter().chain(RARE_ITEM_KEYS) {
            let list = root.get(kind).and_then(|v| v.get_ref().as_array());
            for (index, table) in list.into_iter().flatten().enumerate() {
                unknown.set_item(kind, index, item_extra(kind, table.get_ref().as_table()));
            }
        }
        unknown
    }

    /// Nothing unknown yet; the `set_` methods add what a file's pieces carry.
    pub(super) fn empty() -> Self {
        Unknown {
            top: Extra::new(),
            incident: Extra::new(),
            items: HashMap::new(),
            tables: HashMap::new(),
            kept: Vec::new(),
            lost: Vec::new(),
        }
    }

    /// The top level's unknown keys (the item tables are known keys here).
    pub(super) fn set_top(&mut self, root: &DeTable) {
        self.top = diff(Some(root), TOP_KEYS);
    }

    pub(super) fn set_incident(&mut self, incident: Option<&DeTable>) {
        // Participants have no room for extra fields in the model; say so instead of
        // dropping them silently.
        let participants =
            incident.and_then(|t| t.get("participants")).and_then(|v| v.get_ref().as_array());
        for (i, p) in participants.into_iter().flatten().enumerate() {
            for key in unknown_keys(p.get_ref().as_table(), PARTICIPANT_KEYS) {
                self.lost.push(format!("participant {} `{key}`", i + 1));
            }
        }
        self.incident = diff(incident, INCIDENT_KEYS);
    }

    /// The unknown fields of a single table at the top level (`[lessons]`).
    pub(super) fn set_table(&mut self, kind: &'static str, table: Option<&DeTable>) {
        let Some((kind, known)) = TABLE_KEYS.into_iter().find(|(k, _)| *k == kind) else {
            return;
        };
        let extra = diff(table, known);
        if !extra.is_empty() {
            self.tables.insert(kind, extra);
        }
    }

    /// The unknown fields of the `index`-th `[[kind]]` table, from [`item_extra`].
    pub(super) fn set_item(&mut self, kind: &'static str, index: usize, extra: Extra) {
        if !extra.is_empty() {
            self.items.insert((kind, index), extra);
        }
    }

    /// Unknown top-level keys and tables.
    pub(super) fn top(&mut self) -> Extra {
        let extra = std::mem::take(&mut self.top);
        self.note(&extra, "top level");
        extra
    }

    pub(super) fn incident(&mut self) -> Extra {
        let extra = std::mem::take(&mut self.incident);
        self.note(&extra, "incident");
        extra
    }

    /// Unknown keys of a single table at the top level (`[lessons]`).
    pub(super) fn table(&mut self, key: &str) -> Extra {
        let Some(extra) = self.tables.remove(key) else { return Extra::new() };
        self.note(&extra, key);
        extra
    }

    /// Unknown keys of the `index`-th `[[kind]]` table, whose id is `id`.
    pub(super) fn item(&mut self, kind: &'static str, index: usize, id: &str) -> Extra {
        let Some(extra) = self.items.remove(&(kind, index)) else { return Extra::new() };
        self.note(&extra, &format!("{kind} {id}"));
        extra
    }

    fn note(&mut self, extra: &Extra, label: &str) {
        self.kept.extend(extra.keys().map(|key| format!("{label} `{key}`")));
    }

    /// The lines for `Loaded::notices`: nothing when every field was known.
    pub(super) fn notices(self) -> Vec<String> {
        let mut notices = Vec::new();
        if !self.kept.is_empty() {
            notices.push(format!(
                "kept {} this version does not know: {}",
                count(self.kept.len(), "field"),
                names(&self.kept)
            ));
        }
        if !self.lost.is_empty() {
            notices.push(format!(
                "participants hold only a name and a role, so {} will not be saved: {}",
                count(self.lost.len(), "field"),
                names(&self.lost)
            ));
        }
        notices
    }
}

/// The unknown fields of one `[[kind]]` table.
pub(super) fn item_extra(kind: &str, table: Option<&DeTable>) -> Extra {
    match ITEM_KEYS.iter().chain(&RARE_ITEM_KEYS).find(|(k, _)| *k == kind) {
        Some((_, known)) => diff(table, known),
        None => Extra::new(),
    }
}

/// The keys of `table` not in `known`, with their values.
fn diff(table: Option<&DeTable>, known: &[&str]) -> Extra {
    let Some(table) = table else {
        return Extra::new();
    };
    (table.iter())
        .filter(|(key, _)| !known.contains(&key.get_ref().as_ref()))
        .filter_map(|(key, value)| Some((key.get_ref().to_string(), plain(value)?)))
        .collect()
}

/// A parsed value as a plain TOML value (always possible for a value that parsed).
fn plain(value: &Spanned<DeValue>) -> Option<Value> {
    Value::deserialize(ValueDeserializer::from(value.clone())).ok()
}

fn unknown_keys<'t>(table: Option<&'t DeTable>, known: &[&str]) -> Vec<&'t str> {
    (table.into_iter().flat_map(|t| t.keys()))
        .map(|key| key.get_ref().as_ref())
        .filter(|key| !known.contains(key))
        .collect()
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

fn names(list: &[String]) -> String {
    let shown = list.iter().take(NAMED_IN_NOTICE).cloned().collect::<Vec<_>>().join(", ");
    match list.len().saturating_sub(NAMED_IN_NOTICE) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}
