//! The Five Whys tree stays a forest whatever is done to it: properties over random
//! sequences of edits, and a round trip through the file format.

use std::collections::HashSet;
use std::path::Path;

use proptest::prelude::*;
use waterline::model::whys::TreeError;
use waterline::model::{Session, Why, WhyTree, WhyTreeEdit};
use waterline::store;

#[derive(Debug, Clone)]
enum Op {
    AddChild(Option<usize>),
    AddSibling(usize),
    Remove(usize),
    MoveUp(usize),
    MoveDown(usize),
    Reparent(usize, Option<usize>),
}

fn op() -> impl Strategy<Value = Op> {
    let pick = 0usize..64;
    prop_oneof![
        3 => proptest::option::of(pick.clone()).prop_map(Op::AddChild),
        2 => pick.clone().prop_map(Op::AddSibling),
        1 => pick.clone().prop_map(Op::Remove),
        1 => pick.clone().prop_map(Op::MoveUp),
        1 => pick.clone().prop_map(Op::MoveDown),
        2 => (pick.clone(), proptest::option::of(pick)).prop_map(|(a, b)| Op::Reparent(a, b)),
    ]
}

/// Every parent exists, no answer is its own ancestor, every answer is reached from a root.
fn assert_forest(t: &[Why]) {
    let ids: HashSet<&str> = t.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids.len(), t.len(), "ids are unique");
    for w in t {
        if let Some(p) = &w.parent {
            assert!(ids.contains(p.as_str()), "{} has a missing parent {p}", w.id);
        }
        let mut seen = HashSet::new();
        let mut at = Some(w);
        while let Some(x) = at {
            assert!(seen.insert(x.id.as_str()), "{} is its own ancestor", w.id);
            at = x.parent.as_deref().and_then(|p| t.why(p));
        }
    }
    assert_eq!(t.walk().len(), t.len(), "every answer is reached from the incident");
}

fn nth(t: &[Why], i: usize) -> Option<String> {
    (!t.is_empty()).then(|| t[i % t.len()].id.clone())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_edits_keep_a_forest_with_stable_ids(ops in proptest::collection::vec(op(), 1..60)) {
        let mut t: Vec<Why> = Vec::new();
        let mut next = 0;
        for op in ops {
            let before: Vec<(String, String)> = t.iter().map(|w| (w.id.clone(), w.text.clone())).collect();
            let mut removed: Vec<String> = Vec::new();
            match op {
                Op::AddChild(p) => {
                    next += 1;
                    let parent = p.and_then(|i| nth(&t, i));
                    let why = Why::new(format!("w{next}"), None, format!("answer {next}"));
                    t.add_child(parent.as_deref(), why).expect("parent exists");
                }
                Op::AddSibling(i) => {
                    if let Some(of) = nth(&t, i) {
                        next += 1;
                        let parent = t.why(&of).and_then(|w| w.parent.clone());
                        let why = Why::new(format!("w{next}"), None, format!("answer {next}"));
                        t.add_sibling(&of, why).expect("sibling exists");
                        prop_assert_eq!(t.why(&format!("w{next}")).and_then(|w| w.parent.clone()), parent);
                    }
                }
                Op::Remove(i) => {
                    if let Some(id) = nth(&t, i) {
                        let expected: HashSet<String> = t.subtree(&id).iter().map(|w| w.id.clone()).collect();
                        removed = t.remove_subtree(&id).into_iter().map(|w| w.id).collect();
                        prop_assert_eq!(removed.iter().cloned().collect::<HashSet<_>>(), expected);
                    }
                }
                Op::MoveUp(i) => { if let Some(id) = nth(&t, i) { t.move_up(&id); } }
                Op::MoveDown(i) => { if let Some(id) = nth(&t, i) { t.move_down(&id); } }
                Op::Reparent(i, p) => {
                    if let Some(id) = nth(&t, i) {
                        let parent = p.and_then(|j| nth(&t, j));
                        let inside = parent.as_ref().is_some_and(|p| t.subtree(&id).iter().any(|w| &w.id == p));
                        let result = t.reparent(&id, parent.as_deref());
                        if inside {
                            prop_assert_eq!(result, Err(TreeError::Cycle(id.clone())));
                        } else {
                            prop_assert_eq!(result, Ok(()));
                            prop_assert_eq!(t.why(&id).and_then(|w| w.parent.clone()), parent);
                        }
                    }
                }
            }
            assert_forest(&t);
            // Ids are stable: everything not removed is still there, with its own text.
            for (id, text) in before.iter().filter(|(id, _)| !removed.contains(id)) {
                prop_assert_eq!(t.why(id).map(|w| w.text.clone()), Some(text.clone()));
            }
        }
    }

    #[test]
    fn a_tree_saved_and_loaded_is_the_same_tree(ops in proptest::collection::vec((0usize..32, any::<bool>(), any::<bool>()), 1..30)) {
        let mut s = Session::new("Round trip");
        for (n, (pick, top, condition)) in ops.into_iter().enumerate() {
            let parent = if top { None } else { nth(&s.whys, pick) };
            let mut why = Why::new(format!("w{}", n + 1), None, format!("answer “{n}”\nline two"));
            why.system_condition = condition;
            why.note = if condition { "asked as: how?".into() } else { String::new() };
            s.whys.add_child(parent.as_deref(), why).expect("parent exists");
        }
        let text = store::to_toml(&s);
        let loaded = store::parse(Path::new("t.toml"), &text).expect("loads").session;
        prop_assert_eq!(&loaded.whys, &s.whys);
        prop_assert_eq!(store::to_toml(&loaded), text);
    }
}
