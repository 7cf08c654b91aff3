//! Item-level three-way merge of two versions of one review, for git's merge driver.
//!
//! Each side is read with the store, written back in the canonical form and compared as
//! TOML tables, so only real changes count. Items are matched by id: edits to different
//! items all arrive; an item changed on both sides keeps our version in the list and a
//! [`Conflict`] in the file records every version, so the review still loads and the
//! console can let someone choose. Incident fields merge one by one, tags as a set. Ids
//! both sides added are renumbered on their side first. The result is checked by loading it.

mod ids;
mod lists;
pub mod messages;
mod repair;
mod resolve;

use std::path::Path;

use toml::{Table, Value};

pub use ids::Renumbered;
pub use resolve::{Resolution, ResolveError, resolve};

use crate::model::{Conflict, Session};
use crate::store;
use ids::{KINDS, id_of, items};
use lists::{keyed, merge_keyed, merge_set};
use repair::{Sides, record};

/// A merged review and what the merge had to decide.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The merged review, conflicts included; it loads and saves like any other.
    pub session: Session,
    /// The conflicts this merge added (earlier unresolved ones are in `session` too).
    pub new_conflicts: Vec<Conflict>,
    /// Ids that moved on their side because both sides added them.
    pub renumbered: Vec<Renumbered>,
}

impl Merge {
    /// Clean: nothing new for a person to choose.
    pub fn is_clean(&self) -> bool {
        self.new_conflicts.is_empty()
    }

    /// The merged file, in the store's canonical form.
    pub fn text(&self) -> String {
        store::to_toml(&self.session)
    }
}

/// Why two versions could not be merged item by item.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("{side}: {message}")]
    Unreadable { side: &'static str, message: String },
    #[error("{side} was written by a newer waterline; merge it with that version")]
    Newer { side: &'static str },
    #[error("the merged review would not load ({0}); nothing was written")]
    Invalid(String),
}

/// Merges the texts of three versions of a review. `base` is `None` when both sides added
/// the file (git gives an empty common ancestor then).
pub fn merge_texts(base: Option<&str>, ours: &str, theirs: &str) -> Result<Merge, MergeError> {
    let base = match base.filter(|b| !b.trim().is_empty()) {
        Some(text) => read("base", text)?,
        None => Session::default(),
    };
    merge(&base, &read("ours", ours)?, &read("theirs", theirs)?)
}

fn read(side: &'static str, text: &str) -> Result<Session, MergeError> {
    let loaded = store::parse(Path::new(side), text)
        .map_err(|e| MergeError::Unreadable { side, message: e.to_string() })?;
    if loaded.read_only {
        return Err(MergeError::Newer { side });
    }
    Ok(loaded.session)
}

/// Merges two versions of a review that share `base`.
pub fn merge(base: &Session, ours: &Session, theirs: &Session) -> Result<Merge, MergeError> {
    if ours == theirs || theirs == base {
        return Ok(Merge {
            session: ours.clone(),
            new_conflicts: Vec::new(),
            renumbered: Vec::new(),
        });
    }
    if ours == base {
        return Ok(Merge {
            session: theirs.clone(),
            new_conflicts: Vec::new(),
            renumbered: Vec::new(),
        });
    }
    let (base, ours, mut theirs) = (to_table(base)?, to_table(ours)?, to_table(theirs)?);
    let renumbered = ids::renumber_collisions(&base, &ours, &mut theirs);
    let mut found: Vec<Conflict> = Vec::new();
    let mut merged = Table::new();
    merged.insert("waterline".into(), Value::Integer(1));

    let incident =
        |t: &Table| t.get("incident").and_then(Value::as_table).cloned().unwrap_or_default();
    let (table, conflicts) = merge_incident(&incident(&base), &incident(&ours), &incident(&theirs));
    merged.insert("incident".into(), Value::Table(table));
    found.extend(conflicts);

    for (kind, _) in KINDS {
        let by_id = |t: &Table| keyed(items(t, kind), id_of);
        let m =
            merge_keyed(&by_id(&base), &by_id(&ours), &by_id(&theirs), |id| format!("{kind}:{id}"));
        put_list(&mut merged, kind, m.items);
        found.extend(m.conflicts);
    }
    // A dismissal changed on both sides keeps both versions: each is a reason someone gave.
    let dismissed = merge_set(
        items(&base, "dismissed"),
        items(&ours, "dismissed"),
        items(&theirs, "dismissed"),
    );
    put_list(&mut merged, "dismissed", dismissed);
    merge_unknown_keys(&mut merged, [&base, &ours, &theirs], &mut found);

    let sides = Sides { base: &base, ours: &ours, theirs: &theirs };
    repair::repair(&mut merged, &sides, &mut found);

    // Conflicts already in the files (not chosen yet) stay, unless one side resolved them.
    let conflict_key = |v: &Value| {
        let field = v.get("field").and_then(Value::as_str).unwrap_or("");
        Some(format!("{}\u{1f}{field}", v.get("item")?.as_str()?))
    };
    let by_key = |t: &Table| keyed(items(t, "conflict"), conflict_key);
    let earlier = merge_keyed(&by_key(&base), &by_key(&ours), &by_key(&theirs), |k| k.to_string());
    let mut all: Vec<Conflict> = Vec::new();
    for c in earlier.items.iter().filter_map(conflict_of).chain(found.iter().cloned()) {
        record(&mut all, c);
    }
    let mut session = from_table(&merged)?;
    session.conflicts = all;
    // Load once more from text: what is written must open.
    let checked = store::parse(Path::new("merged"), &store::to_toml(&session))
        .map_err(|e| MergeError::Invalid(e.to_string()))?;
    Ok(Merge { session: checked.session, new_conflicts: found, renumbered })
}

/// The incident merges field by field; tags as a set, participants by name.
fn merge_incident(base: &Table, ours: &Table, theirs: &Table) -> (Table, Vec<Conflict>) {
    let mut out = Table::new();
    let mut conflicts = Vec::new();
    let keys: Vec<&String> =
        ours.keys().chain(theirs.keys().filter(|k| !ours.contains_key(*k))).collect();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let value = if o == t || t == b {
            o.cloned()
        } else if o == b {
            t.cloned()
        } else {
            match (b, o, t) {
                (_, Some(Value::Array(ol)), Some(Value::Array(tl)))
                    if key != "participants" && !ol.iter().chain(tl).any(Value::is_table) =>
                {
                    let bl = b.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                    Some(Value::Array(merge_set(bl, ol, tl)))
                }
                (_, Some(Value::Array(ol)), Some(Value::Array(tl))) if key == "participants" => {
                    let by_name = |list: &[Value]| {
                        keyed(list, |v| v.get("name")?.as_str().map(str::to_string))
                    };
                    let bl = b.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                    let m =
                        merge_keyed(&by_name(bl), &by_name(ol), &by_name(tl), |n| n.to_string());
                    if m.conflicts.is_empty() {
                        Some(Value::Array(m.items))
                    } else {
                        conflicts.push(field_conflict(key, b, o, t));
                        o.cloned()
                    }
                }
                _ => {
                    conflicts.push(field_conflict(key, b, o, t));
                    o.or(t).cloned()
                }
            }
        };
        if let Some(value) = value {
            out.insert(key.clone(), value);
        }
    }
    (out, conflicts)
}

fn field_conflict(
    field: &str,
    b: Option<&Value>,
    o: Option<&Value>,
    t: Option<&Value>,
) -> Conflict {
    Conflict {
        item: "incident".into(),
        field: field.into(),
        reason: messages::CHANGED_BOTH.into(),
        base: b.cloned(),
        ours: o.cloned(),
        theirs: t.cloned(),
        ..Conflict::default()
    }
}

/// Top-level keys this version does not know merge key by key, like incident fields.
fn merge_unknown_keys(
    merged: &mut Table,
    [base, ours, theirs]: [&Table; 3],
    found: &mut Vec<Conflict>,
) {
    let known = |k: &str| {
        k == "waterline"
            || k == "incident"
            || k == "dismissed"
            || k == "conflict"
            || KINDS.iter().any(|(kind, _)| *kind == k)
    };
    let keys: Vec<&String> = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)))
        .filter(|k| !known(k))
        .collect();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let value = if o == t || t == b {
            o
        } else if o == b {
            t
        } else {
            found.push(Conflict {
                item: key.clone(),
                reason: messages::CHANGED_BOTH.into(),
                base: b.cloned(),
                ours: o.cloned(),
                theirs: t.cloned(),
                ..Conflict::default()
            });
            o.or(t)
        };
        if let Some(value) = value {
            merged.insert(key.clone(), value.clone());
        }
    }
}

fn put_list(table: &mut Table, kind: &str, list: Vec<Value>) {
    if !list.is_empty() {
        table.insert(kind.into(), Value::Array(list));
    }
}

/// A review as the table of its canonical file.
pub(crate) fn to_table(session: &Session) -> Result<Table, MergeError> {
    toml::from_str(&store::to_toml(session)).map_err(|e| MergeError::Invalid(e.to_string()))
}

/// A table back into a review, through the store's reader and all its checks.
pub(crate) fn from_table(table: &Table) -> Result<Session, MergeError> {
    let text = toml::to_string(table).map_err(|e| MergeError::Invalid(e.to_string()))?;
    store::parse(Path::new("merged"), &text)
        .map(|l| l.session)
        .map_err(|e| MergeError::Invalid(e.to_string()))
}

/// A `[[conflict]]` table read back as a conflict; keys it does not know stay in `extra`.
fn conflict_of(value: &Value) -> Option<Conflict> {
    let table = value.as_table()?;
    let text = |key: &str| table.get(key).and_then(Value::as_str).unwrap_or("").to_string();
    let known = ["item", "field", "reason", "base", "ours", "theirs"];
    Some(Conflict {
        item: text("item"),
        field: text("field"),
        reason: text("reason"),
        base: table.get("base").cloned(),
        ours: table.get("ours").cloned(),
        theirs: table.get("theirs").cloned(),
        extra: (table.iter())
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    })
}
