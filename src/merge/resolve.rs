//! Choosing a version for one conflict: ours, theirs, or the review as someone edited it.
//! What the console's conflict view calls; the rest of the review is untouched.

use toml::Value;

use super::ids::{KINDS, id_of};
use super::{MergeError, from_table, to_table};
use crate::model::Session;
use crate::model::conflict::Side;

/// What to keep for one conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Ours,
    Theirs,
    /// The item as it now stands in the review (after someone edited it): the conflict goes.
    AsEdited,
}

#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("there is no conflict number {0} in this review")]
    NoSuchConflict(usize),
    #[error("that version cannot be kept as it is: {0}")]
    Invalid(String),
}

impl From<MergeError> for ResolveError {
    fn from(e: MergeError) -> Self {
        ResolveError::Invalid(e.to_string())
    }
}

/// The review with conflict `index` resolved: the chosen version in place of the item
/// (or the item removed, with every link to it, when that side deleted it) and the
/// conflict gone.
pub fn resolve(
    session: &Session,
    index: usize,
    resolution: Resolution,
) -> Result<Session, ResolveError> {
    let conflict = session.conflicts.get(index).ok_or(ResolveError::NoSuchConflict(index))?.clone();
    let mut s = session.clone();
    s.conflicts.remove(index);
    let side = match resolution {
        Resolution::AsEdited => return Ok(s),
        Resolution::Ours => Side::Ours,
        Resolution::Theirs => Side::Theirs,
    };
    let chosen = conflict.version(side).cloned();
    let (kind, id) = conflict.kind_and_id();
    let listed = KINDS.iter().any(|(k, _)| *k == kind) && !id.is_empty();
    match (listed, chosen) {
        (true, None) => {
            remove_item(&mut s, kind, id);
            Ok(s)
        }
        (true, Some(version)) => {
            let mut table = to_table(&s)?;
            let mut list = match table.remove(kind) {
                Some(Value::Array(list)) => list,
                _ => Vec::new(),
            };
            match list.iter().position(|v| id_of(v).as_deref() == Some(id)) {
                Some(at) => list[at] = version,
                None => list.push(version),
            }
            table.insert(kind.into(), Value::Array(list));
            Ok(from_table(&table)?)
        }
        (false, chosen) => {
            let mut table = to_table(&s)?;
            let target = if kind == "incident" && !conflict.field.is_empty() {
                match table.get_mut("incident").and_then(Value::as_table_mut) {
                    Some(incident) => incident,
                    None => return Err(ResolveError::Invalid("the review has no incident".into())),
                }
            } else {
                &mut table
            };
            let key =
                if kind == "incident" { conflict.field.clone() } else { conflict.item.clone() };
            match chosen {
                Some(value) => target.insert(key, value),
                None => target.remove(&key),
            };
            Ok(from_table(&table)?)
        }
    }
}

/// Removes an item the chosen side deleted, with the links to it, as the console does.
fn remove_item(s: &mut Session, kind: &str, id: &str) {
    match kind {
        "event" => drop(s.remove_event(id)),
        "why" => drop(s.remove_why_subtree(id)),
        "factor" => drop(s.remove_factor(id)),
        "behaviour" => drop(s.remove_behaviour(id)),
        "action" => s.actions.retain(|a| a.id != id),
        "parked" => s.parked.retain(|p| p.id != id),
        _ => {}
    }
}
