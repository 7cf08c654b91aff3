//! Fields a file carries that this version does not know: found by comparing the file's
//! keys with format 1's lists, kept in each item's `extra`, and reported in one notice.

use toml::{Table, Value};

use super::format::{INCIDENT_KEYS, PARTICIPANT_KEYS, TOP_KEYS};
use crate::model::Extra;

/// How many field names a notice spells out before it says "and N more".
const NAMED_IN_NOTICE: usize = 6;

/// Collects unknown fields from the file parsed as a plain table. (serde's `flatten` would
/// do this too, but it loses the spans the error messages need.)
pub(super) struct Unknown<'a> {
    root: &'a Table,
    kept: Vec<String>,
    lost: Vec<String>,
}

impl<'a> Unknown<'a> {
    pub(super) fn new(root: &'a Table) -> Self {
        Unknown { root, kept: Vec::new(), lost: Vec::new() }
    }

    /// Unknown top-level keys and tables.
    pub(super) fn top(&mut self) -> Extra {
        self.diff(Some(self.root), TOP_KEYS, "top level")
    }

    pub(super) fn incident(&mut self) -> Extra {
        let incident = self.root.get("incident").and_then(Value::as_table);
        // Participants have no room for extra fields in the model; say so instead of
        // dropping them silently.
        let participants = incident.and_then(|t| t.get("participants")).and_then(Value::as_array);
        for (i, p) in participants.into_iter().flatten().enumerate() {
            for key in unknown_keys(p.as_table(), PARTICIPANT_KEYS) {
                self.lost.push(format!("participant {} `{key}`", i + 1));
            }
        }
        self.diff(incident, INCIDENT_KEYS, "incident")
    }

    /// Unknown keys of a single table at the top level (`[lessons]`).
    pub(super) fn table(&mut self, key: &str, known: &[&str]) -> Extra {
        let table = self.root.get(key).and_then(Value::as_table);
        self.diff(table, known, key)
    }

    /// Unknown keys of the `index`-th `[[kind]]` table, whose id is `id`.
    pub(super) fn item(&mut self, kind: &str, known: &[&str], index: usize, id: &str) -> Extra {
        let table = (self.root.get(kind).and_then(Value::as_array))
            .and_then(|items| items.get(index))
            .and_then(Value::as_table);
        self.diff(table, known, &format!("{kind} {id}"))
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

    fn diff(&mut self, table: Option<&Table>, known: &[&str], label: &str) -> Extra {
        let Some(table) = table else {
            return Extra::new();
        };
        let extra: Extra = (table.iter())
            .filter(|(key, _)| !known.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        self.kept.extend(extra.keys().map(|key| format!("{label} `{key}`")));
        extra
    }
}

fn unknown_keys<'t>(table: Option<&'t Table>, known: &[&str]) -> Vec<&'t str> {
    (table.into_iter().flat_map(|t| t.keys()))
        .map(String::as_str)
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
