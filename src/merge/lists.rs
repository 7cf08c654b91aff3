//! Three-way merges of one list: items matched by a key (an id), kept in our order with
//! their new items placed after the item that comes before them on their side.

use indexmap::IndexMap;
use toml::Value;

use super::messages as say;
use crate::model::Conflict;

/// One item of a list, with the key that matches it across the three versions.
pub(super) fn keyed(
    items: &[Value],
    key: impl Fn(&Value) -> Option<String>,
) -> IndexMap<String, Value> {
    items.iter().filter_map(|v| Some((key(v)?, v.clone()))).collect()
}

/// What the keyed merge of one list gives: the list, and the items both sides changed.
pub(super) struct Merged {
    pub items: Vec<Value>,
    pub conflicts: Vec<Conflict>,
}

/// Merges one list whose items carry a key. An item changed on one side takes that side's
/// version; changed on both sides in different ways, it keeps ours (theirs when we deleted
/// it) and a [`Conflict`] records every version. `label` turns a key into the conflict's
/// `item` (`action:a3`).
pub(super) fn merge_keyed(
    base: &IndexMap<String, Value>,
    ours: &IndexMap<String, Value>,
    theirs: &IndexMap<String, Value>,
    label: impl Fn(&str) -> String,
) -> Merged {
    let mut items: Vec<(String, Value)> = Vec::new();
    let mut conflicts = Vec::new();
    let mut conflict = |key: &str, reason: &str, keep: &Value| {
        conflicts.push(Conflict {
            item: label(key),
            reason: reason.to_string(),
            base: base.get(key).cloned(),
            ours: ours.get(key).cloned(),
            theirs: theirs.get(key).cloned(),
            ..Conflict::default()
        });
        keep.clone()
    };
    for (key, o) in ours {
        let kept = match (base.get(key), theirs.get(key)) {
            (Some(b), Some(t)) if o == b => Some(t.clone()),
            (Some(b), Some(t)) if t == b || t == o => Some(o.clone()),
            (Some(_), Some(_)) => Some(conflict(key, say::CHANGED_BOTH, o)),
            (Some(b), None) if o == b => None,
            (Some(_), None) => Some(conflict(key, say::DELETED_THEIRS_CHANGED_OURS, o)),
            (None, Some(t)) if t == o => Some(o.clone()),
            // Both added an item under one key: ids were renumbered before this, so only
            // keys that are not ids (a dismissal, a participant's name) get here.
            (None, Some(_)) => Some(conflict(key, say::ADDED_BOTH, o)),
            (None, None) => Some(o.clone()),
        };
        if let Some(value) = kept {
            items.push((key.clone(), value));
        }
    }
    // Their items we do not have: new on their side, or deleted on ours.
    let mut after: Option<usize> = None;
    for (key, t) in theirs {
        if let Some(pos) = items.iter().position(|(k, _)| k == key) {
            after = Some(pos);
            continue;
        }
        if ours.contains_key(key) {
            continue;
        }
        let value = match base.get(key) {
            Some(b) if b == t => continue,
            Some(_) => conflict(key, say::DELETED_OURS_CHANGED_THEIRS, t),
            None => t.clone(),
        };
        let at = after.map_or(0, |p| p + 1);
        items.insert(at, (key.clone(), value));
        after = Some(at);
    }
    Merged { items: items.into_iter().map(|(_, v)| v).collect(), conflicts }
}

/// A list of plain values (tags): ours in order, less what they removed, plus what they added.
pub(super) fn merge_set(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let removed_by_them = |v: &Value| base.contains(v) && !theirs.contains(v);
    let mut out: Vec<Value> = ours.iter().filter(|v| !removed_by_them(v)).cloned().collect();
    for v in theirs {
        if !base.contains(v) && !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, text: &str) -> Value {
        let mut t = toml::Table::new();
        t.insert("id".into(), id.into());
        t.insert("text".into(), text.into());
        Value::Table(t)
    }

    fn list(items: &[(&str, &str)]) -> IndexMap<String, Value> {
        let values: Vec<Value> = items.iter().map(|(id, text)| item(id, text)).collect();
        keyed(&values, |v| v.get("id")?.as_str().map(str::to_string))
    }

    fn ids(merged: &Merged) -> Vec<&str> {
        merged.items.iter().filter_map(|v| v.get("id")?.as_str()).collect()
    }

    #[test]
    fn edits_to_different_items_both_arrive_without_conflict() {
        let base = list(&[("e1", "a"), ("e2", "b")]);
        let ours = list(&[("e1", "A"), ("e2", "b")]);
        let theirs = list(&[("e1", "a"), ("e2", "B")]);
        let m = merge_keyed(&base, &ours, &theirs, |k| format!("event:{k}"));
        assert!(m.conflicts.is_empty());
        assert_eq!(m.items, vec![item("e1", "A"), item("e2", "B")]);
    }

    #[test]
    fn the_same_item_changed_both_ways_keeps_ours_and_records_both() {
        let base = list(&[("e1", "a")]);
        let m = merge_keyed(&base, &list(&[("e1", "A")]), &list(&[("e1", "Z")]), |k| {
            format!("event:{k}")
        });
        assert_eq!(m.items, vec![item("e1", "A")]);
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].item, "event:e1");
        assert_eq!(m.conflicts[0].theirs, Some(item("e1", "Z")));
        assert_eq!(m.conflicts[0].base, Some(item("e1", "a")));
    }

    #[test]
    fn their_new_items_land_after_the_item_before_them() {
        let base = list(&[("w1", "a"), ("w2", "b")]);
        let ours = list(&[("w1", "a"), ("w2", "b"), ("w3", "ours")]);
        let theirs = list(&[("w1", "a"), ("w4", "under w1"), ("w2", "b")]);
        let m = merge_keyed(&base, &ours, &theirs, |k| k.to_string());
        assert_eq!(ids(&m), ["w1", "w4", "w2", "w3"]);
    }

    #[test]
    fn a_deletion_on_one_side_wins_over_no_change_but_not_over_a_change() {
        let base = list(&[("a1", "x"), ("a2", "y")]);
        let ours = list(&[("a2", "y changed")]);
        let theirs = list(&[("a1", "x")]);
        let m = merge_keyed(&base, &ours, &theirs, |k| k.to_string());
        assert_eq!(ids(&m), ["a2"]);
        assert_eq!(m.conflicts.len(), 1, "a2 was deleted by them and changed by us");
        assert_eq!(m.conflicts[0].theirs, None);
    }

    #[test]
    fn tags_merge_as_a_set() {
        let v = |s: &[&str]| s.iter().map(|x| Value::from(*x)).collect::<Vec<_>>();
        let merged = merge_set(&v(&["a", "b"]), &v(&["a", "b", "c"]), &v(&["b", "d"]));
        assert_eq!(merged, v(&["b", "c", "d"]));
    }
}
