//! Fields a file carries that this version does not know: found by comparing the file's
//! keys with format 1's lists, kept in each item's `extra`, and reported in one notice.

use serde::Deserialize;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::{Spanned, Value};

use std::collections::HashMap;

use super::format::{
    ACTION_KEYS, BEHAVIOUR_KEYS, DISMISSED_KEYS, EVENT_KEYS, FACTOR_KEYS, INCIDENT_KEYS,
    PARKED_KEYS, PARTICIPANT_KEYS, TOP_KEYS, WHY_KEYS,
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
    kept: Vec<String>,
    lost: Vec<String>,
}

/// The arrays of tables and the keys format 1 knows in each.
const ITEM_KEYS: [(&str, &[&str]); 7] = [
    ("event", EVENT_KEYS),
    ("why", WHY_KEYS),
    ("factor", FACTOR_KEYS),
    ("behaviour", BEHAVIOUR_KEYS),
    ("action", ACTION_KEYS),
    ("dismissed", DISMISSED_KEYS),
    ("parked", PARKED_KEYS),
];

impl Unknown {
    pub(super) fn new(root: &DeTable) -> Self {
        let incident = root.get("incident").and_then(|v| v.get_ref().as_table());
        // Participants have no room for extra fields in the model; say so instead of
        // dropping them silently.
        let mut lost = Vec::new();
        let participants =
            incident.and_then(|t| t.get("participants")).and_then(|v| v.get_ref().as_array());
        for (i, p) in participants.into_iter().flatten().enumerate() {
            for key in unknown_keys(p.get_ref().as_table(), PARTICIPANT_KEYS) {
                lost.push(format!("participant {} `{key}`", i + 1));
            }
        }
        let mut items = HashMap::new();
        for (kind, known) in ITEM_KEYS {
            let list = root.get(kind).and_then(|v| v.get_ref().as_array());
            for (index, table) in list.into_iter().flatten().enumerate() {
                let extra = diff(table.get_ref().as_table(), known);
                if !extra.is_empty() {
                    items.insert((kind, index), extra);
                }
            }
        }
        Unknown {
            top: diff(Some(root), TOP_KEYS),
            incident: diff(incident, INCIDENT_KEYS),
            items,
            kept: Vec::new(),
            lost,
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
