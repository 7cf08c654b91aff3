//! Ids both sides added: when two people each add `e19`, their `e19` becomes the next free
//! event id, with every reference on their side following it.

use toml::{Table, Value};

use crate::model::ids::IdAllocator;

/// The kinds of item with ids, as `[[key]]` tables, with the prefix of their ids. In the
/// order renumbering goes: an item is compared after the items it refers to were renumbered.
pub(super) const KINDS: [(&str, &str); 6] = [
    ("event", "e"),
    ("why", "w"),
    ("factor", "f"),
    ("behaviour", "b"),
    ("action", "a"),
    ("parked", "p"),
];

/// Fields that refer to other items: (kind of the item, field, kind it refers to).
pub(super) const REFERENCES: [(&str, &str, &str); 6] = [
    ("why", "parent", "why"),
    ("factor", "whys", "why"),
    ("factor", "events", "event"),
    ("behaviour", "event", "event"),
    ("action", "factors", "factor"),
    ("action", "behaviours", "behaviour"),
];

/// One id that moved on their side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renumbered {
    pub kind: &'static str,
    pub from: String,
    pub to: String,
}

/// The items of `kind` in a file read as a table.
pub(super) fn items<'t>(root: &'t Table, kind: &str) -> &'t [Value] {
    root.get(kind).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// An item's id.
pub(super) fn id_of(item: &Value) -> Option<String> {
    item.get("id")?.as_str().map(str::to_string)
}

fn ids<'t>(root: &'t Table, kind: &str) -> impl Iterator<Item = &'t str> {
    items(root, kind).iter().filter_map(|v| v.get("id")?.as_str())
}

fn find<'t>(root: &'t Table, kind: &str, id: &str) -> Option<&'t Value> {
    items(root, kind).iter().find(|v| v.get("id").and_then(Value::as_str) == Some(id))
}

/// Renumbers, on their side, every id both sides added for different items.
pub(super) fn renumber_collisions(
    base: &Table,
    ours: &Table,
    theirs: &mut Table,
) -> Vec<Renumbered> {
    let mut moved = Vec::new();
    for (kind, prefix) in KINDS {
        let mut free = IdAllocator::new(prefix);
        for side in [base, ours, &*theirs] {
            free.observe(ids(side, kind));
        }
        let colliding: Vec<String> = ids(theirs, kind)
            .filter(|id| find(base, kind, id).is_none())
            .filter(|id| find(ours, kind, id).is_some_and(|o| Some(o) != find(theirs, kind, id)))
            .map(str::to_string)
            .collect();
        for from in colliding {
            // Ids past the loader's limit cannot reach here; if the count ever ran out the
            // collision stays, and the merged review is refused rather than written.
            let Ok(to) = free.next_id() else { break };
            rename(theirs, kind, &from, &to);
            moved.push(Renumbered { kind, from, to });
        }
    }
    moved
}

/// Changes one item's id, and every reference to it, in a file read as a table.
pub(super) fn rename(root: &mut Table, kind: &str, from: &str, to: &str) {
    for_each_item(root, kind, |item| {
        if item.get("id").and_then(Value::as_str) == Some(from) {
            item.insert("id".into(), to.into());
        }
    });
    for (owner, field, target) in REFERENCES.iter().filter(|r| r.2 == kind) {
        debug_assert_eq!(*target, kind);
        for_each_item(root, owner, |item| match item.get_mut(*field) {
            Some(Value::String(s)) if s == from => *s = to.to_string(),
            Some(Value::Array(list)) => {
                for v in list.iter_mut().filter(|v| v.as_str() == Some(from)) {
                    *v = to.into();
                }
            }
            _ => {}
        });
    }
    // Dismissed wording and open conflicts name items as `kind:id`.
    let (old, new) = (format!("{kind}:{from}"), format!("{kind}:{to}"));
    for list in ["dismissed", "conflict"] {
        for_each_item(root, list, |item| {
            if item.get("item").and_then(Value::as_str) == Some(old.as_str()) {
                item.insert("item".into(), new.clone().into());
            }
        });
    }
}

fn for_each_item(root: &mut Table, kind: &str, mut f: impl FnMut(&mut Table)) {
    if let Some(Value::Array(list)) = root.get_mut(kind) {
        list.iter_mut().filter_map(Value::as_table_mut).for_each(&mut f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Table {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn both_adding_e3_moves_theirs_to_the_next_free_id_with_its_references() {
        let base = file("[[event]]\nid = \"e1\"\ntext = \"start\"\n");
        let ours = file(
            "[[event]]\nid = \"e1\"\ntext = \"start\"\n[[event]]\nid = \"e3\"\ntext = \"ours\"\n",
        );
        let mut theirs = file(
            "[[event]]\nid = \"e1\"\ntext = \"start\"\n[[event]]\nid = \"e3\"\ntext = \"theirs\"\n\
             [[factor]]\nid = \"f1\"\nevents = [\"e1\", \"e3\"]\n\
             [[dismissed]]\nitem = \"event:e3\"\n",
        );
        let moved = renumber_collisions(&base, &ours, &mut theirs);
        assert_eq!(moved, vec![Renumbered { kind: "event", from: "e3".into(), to: "e4".into() }]);
        assert_eq!(find(&theirs, "event", "e4").unwrap()["text"].as_str(), Some("theirs"));
        let events = find(&theirs, "factor", "f1").unwrap()["events"].clone();
        assert_eq!(events, Value::Array(vec!["e1".into(), "e4".into()]));
        assert_eq!(items(&theirs, "dismissed")[0]["item"].as_str(), Some("event:e4"));
    }

    #[test]
    fn the_same_item_added_on_both_sides_keeps_its_id() {
        let base = file("");
        let ours = file("[[action]]\nid = \"a1\"\ntext = \"same\"\n");
        let mut theirs = ours.clone();
        assert!(renumber_collisions(&base, &ours, &mut theirs).is_empty());
    }
}
