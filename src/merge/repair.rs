//! After the lists are merged, two things each side was right about can still clash: one
//! side deleted an item the other now refers to, or each side moved an answer under the
//! other's. Both are turned into conflicts, so the merged review always loads.

use std::collections::HashSet;

use toml::{Table, Value};

use super::ids::{REFERENCES, id_of, items};
use super::messages as say;
use crate::model::Conflict;

/// The three versions the merge started from, as tables.
pub(super) struct Sides<'a> {
    pub base: &'a Table,
    pub ours: &'a Table,
    pub theirs: &'a Table,
}

impl Sides<'_> {
    fn version(side: &Table, kind: &str, id: &str) -> Option<(usize, Value)> {
        (items(side, kind).iter().enumerate())
            .find(|(_, v)| id_of(v).as_deref() == Some(id))
            .map(|(i, v)| (i, v.clone()))
    }

    fn conflict(&self, kind: &str, id: &str, reason: String) -> Conflict {
        Conflict {
            item: format!("{kind}:{id}"),
            reason,
            base: Self::version(self.base, kind, id).map(|v| v.1),
            ours: Self::version(self.ours, kind, id).map(|v| v.1),
            theirs: Self::version(self.theirs, kind, id).map(|v| v.1),
            ..Conflict::default()
        }
    }
}

/// Repairs `merged` until nothing refers to a missing item and the Five Whys has no loop.
pub(super) fn repair(merged: &mut Table, sides: &Sides, conflicts: &mut Vec<Conflict>) {
    // Each round restores or reverts at least one item, so this ends; the bound is a guard.
    let bound = 2 + ["event", "why", "factor", "behaviour", "action"]
        .iter()
        .map(|k| items(sides.ours, k).len() + items(sides.theirs, k).len())
        .sum::<usize>();
    for _ in 0..bound {
        if !restore_referenced(merged, sides, conflicts) && !break_loop(merged, sides, conflicts) {
            return;
        }
    }
}

/// Brings back one item that was deleted on one side while the other still refers to it.
/// Returns whether anything changed.
fn restore_referenced(merged: &mut Table, sides: &Sides, conflicts: &mut Vec<Conflict>) -> bool {
    let Some((owner, owner_id, target, missing)) = first_dangling(merged) else {
        return false;
    };
    let found = Sides::version(sides.ours, target, &missing)
        .or_else(|| Sides::version(sides.theirs, target, &missing));
    match found {
        Some((index, value)) => {
            let mut list = take_list(merged, target);
            list.insert(index.min(list.len()), value);
            merged.insert(target.into(), Value::Array(list));
            let by = format!("{owner}:{owner_id}");
            let conflict = sides.conflict(target, &missing, say::still_referred(&by));
            record(conflicts, conflict);
        }
        // Neither side has it (only possible with a side that did not load): drop the link.
        None => drop_reference(merged, owner, &owner_id, target, &missing),
    }
    true
}

/// (kind, id) of an item holding a reference to a missing item, the kind and the missing id.
fn first_dangling(merged: &Table) -> Option<(&'static str, String, &'static str, String)> {
    for (owner, field, target) in REFERENCES {
        let existing: HashSet<String> = items(merged, target).iter().filter_map(id_of).collect();
        for item in items(merged, owner) {
            let refs: Vec<&str> = match item.get(field) {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if let Some(missing) = refs.into_iter().find(|r| !existing.contains(*r)) {
                return Some((owner, id_of(item).unwrap_or_default(), target, missing.to_string()));
            }
        }
    }
    None
}

fn drop_reference(merged: &mut Table, owner: &str, owner_id: &str, target: &str, missing: &str) {
    for (o, field, t) in REFERENCES {
        if o != owner || t != target {
            continue;
        }
        let mut list = take_list(merged, owner);
        for item in list.iter_mut().filter_map(Value::as_table_mut) {
            if item.get("id").and_then(Value::as_str) != Some(owner_id) {
                continue;
            }
            match item.get_mut(field) {
                Some(Value::String(s)) if s == missing => {
                    item.remove(field);
                }
                Some(Value::Array(refs)) => refs.retain(|v| v.as_str() != Some(missing)),
                _ => {}
            }
        }
        merged.insert(owner.into(), Value::Array(list));
    }
}

/// Breaks one loop in the Five Whys: an answer of the loop that took their version goes
/// back to ours; if none did, the first answer of the loop is asked of the incident.
fn break_loop(merged: &mut Table, sides: &Sides, conflicts: &mut Vec<Conflict>) -> bool {
    let Some(cycle) = find_loop(items(merged, "why")) else {
        return false;
    };
    let mut whys = take_list(merged, "why");
    let position =
        |id: &str, whys: &[Value]| whys.iter().position(|v| id_of(v).as_deref() == Some(id));
    let revert = cycle.iter().find_map(|id| {
        let (_, ours) = Sides::version(sides.ours, "why", id)?;
        let at = position(id, &whys)?;
        (whys.get(at) != Some(&ours)).then_some((id.clone(), at, ours))
    });
    let id = match revert {
        Some((id, at, ours)) => {
            if let Some(slot) = whys.get_mut(at) {
                *slot = ours;
            }
            id
        }
        None => {
            let id = cycle.first().cloned().unwrap_or_default();
            let at = position(&id, &whys);
            if let Some(why) = at.and_then(|at| whys.get_mut(at)).and_then(Value::as_table_mut) {
                why.remove("parent");
            }
            id
        }
    };
    merged.insert("why".into(), Value::Array(whys));
    record(conflicts, sides.conflict("why", &id, say::LOOP.to_string()));
    true
}

/// The ids of one loop of parents, if there is one.
fn find_loop(whys: &[Value]) -> Option<Vec<String>> {
    let parent = |id: &str| {
        whys.iter()
            .find(|v| id_of(v).as_deref() == Some(id))
            .and_then(|v| v.get("parent")?.as_str().map(str::to_string))
    };
    for start in whys.iter().filter_map(id_of) {
        let mut path = vec![start.clone()];
        let mut current = start;
        while let Some(up) = parent(&current) {
            if let Some(at) = path.iter().position(|p| *p == up) {
                return Some(path[at..].to_vec());
            }
            path.push(up.clone());
            current = up;
        }
    }
    None
}

/// The list of `kind`, taken out of the table to be changed and put back.
fn take_list(root: &mut Table, kind: &str) -> Vec<Value> {
    match root.remove(kind) {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    }
}

/// Adds a conflict, replacing an earlier one about the same item.
pub(super) fn record(conflicts: &mut Vec<Conflict>, conflict: Conflict) {
    conflicts.retain(|c| !(c.item == conflict.item && c.field == conflict.field));
    conflicts.push(conflict);
}
