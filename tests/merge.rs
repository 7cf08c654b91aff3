//! The item-level merge as a library: what each side did arrives, clashes become conflicts
//! in a review that still loads, and resolving a conflict gives a plain review again.

use proptest::prelude::*;
use waterline::merge::{self, Resolution};
use waterline::model::{Session, Why};
use waterline::store;

fn demo() -> Session {
    store::parse(std::path::Path::new("demo.toml"), waterline::assets::DEMO).unwrap().session
}

fn reload(s: &Session) -> Session {
    store::parse(std::path::Path::new("merged"), &store::to_toml(s))
        .expect("merged review loads")
        .session
}

#[test]
fn an_item_they_deleted_but_we_now_refer_to_is_kept_as_a_conflict() {
    let base = demo();
    let mut theirs = base.clone();
    let factor = base.factors[1].id.clone();
    theirs.remove_factor(&factor);
    let mut ours = base.clone();
    let action = ours.actions.iter_mut().find(|a| !a.factors.contains(&factor)).unwrap();
    action.factors.push(factor.clone());
    let m = merge::merge(&base, &ours, &theirs).unwrap();
    assert!(m.session.factor(&factor).is_some(), "kept, since an action refers to it");
    assert_eq!(m.new_conflicts.len(), 1);
    let c = &m.new_conflicts[0];
    assert_eq!(c.item, format!("factor:{factor}"));
    assert!(c.theirs.is_none() && c.ours.is_some());
    assert!(c.reason.contains("still refers to it"), "{}", c.reason);
    reload(&m.session);

    // Choosing theirs deletes it after all, and the link with it.
    let index = m.session.conflicts.iter().position(|x| x.item == c.item).unwrap();
    let resolved = merge::resolve(&m.session, index, Resolution::Theirs).unwrap();
    assert!(resolved.factor(&factor).is_none());
    assert!(resolved.actions.iter().all(|a| !a.factors.contains(&factor)));
    reload(&resolved);
}

#[test]
fn answers_moved_under_each_other_on_two_sides_do_not_make_a_loop() {
    let mut base = Session::new("Loops");
    base.whys = vec![Why::new("w1", None, "one"), Why::new("w2", None, "two")];
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.whys[0].parent = Some("w2".into());
    theirs.whys[1].parent = Some("w1".into());
    let m = merge::merge(&base, &ours, &theirs).unwrap();
    let s = reload(&m.session);
    assert_eq!(s.whys[0].parent.as_deref(), Some("w2"), "ours stays");
    assert_eq!(s.whys[1].parent, None, "theirs goes back to ours, so no loop");
    assert_eq!(m.new_conflicts.len(), 1);
    assert_eq!(m.new_conflicts[0].item, "why:w2");
}

#[test]
fn incident_fields_merge_one_by_one() {
    let base = demo();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.incident.summary = "ours".into();
    theirs.incident.impact = "theirs".into();
    theirs.incident.summary = "theirs".into();
    let m = merge::merge(&base, &ours, &theirs).unwrap();
    assert_eq!(m.session.incident.impact, "theirs");
    assert_eq!(m.session.incident.summary, "ours");
    assert_eq!(m.new_conflicts.len(), 1);
    assert_eq!(
        (m.new_conflicts[0].item.as_str(), m.new_conflicts[0].field.as_str()),
        ("incident", "summary")
    );
    let resolved = merge::resolve(&m.session, 0, Resolution::Theirs).unwrap();
    assert_eq!(resolved.incident.summary, "theirs");
    assert!(resolved.conflicts.is_empty());
}

#[test]
fn a_review_with_conflicts_round_trips_through_the_store() {
    let base = demo();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.actions[0].owner = "Priya".into();
    theirs.actions[0].owner = "Dev".into();
    let m = merge::merge(&base, &ours, &theirs).unwrap();
    let text = m.text();
    let again = store::parse(std::path::Path::new("x"), &text).unwrap();
    assert!(again.notices.is_empty(), "conflicts are known to the format: {:?}", again.notices);
    assert_eq!(again.session, m.session);
    assert_eq!(store::to_toml(&again.session), text, "written the same way twice");
}

#[test]
fn a_side_from_a_newer_waterline_is_refused() {
    let ours = store::to_toml(&demo());
    let newer = ours.replacen("waterline = 1", "waterline = 2", 1);
    let e = merge::merge_texts(Some(&ours), &ours, &newer).unwrap_err();
    assert!(e.to_string().contains("newer waterline"), "{e}");
}

/// Edits either side might make: change a text, delete an item, add one.
#[derive(Debug, Clone)]
enum Edit {
    Text(usize, String),
    DeleteEvent(usize),
    DeleteFactor(usize),
    DeleteWhy(usize),
    AddWhyUnder(usize),
    Move(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..40usize, "[a-z ]{1,12}").prop_map(|(i, t)| Edit::Text(i, t)),
        (0..20usize).prop_map(Edit::DeleteEvent),
        (0..10usize).prop_map(Edit::DeleteFactor),
        (0..20usize).prop_map(Edit::DeleteWhy),
        (0..20usize).prop_map(Edit::AddWhyUnder),
        (0..20usize, 0..20usize).prop_map(|(a, b)| Edit::Move(a, b)),
    ]
}

fn apply(s: &mut Session, edits: &[Edit]) {
    use waterline::model::WhyTreeEdit;
    for e in edits {
        match e {
            Edit::Text(i, t) => {
                let n = s.events.len() + s.actions.len();
                if n > 0 {
                    let i = i % n;
                    match s.events.get_mut(i) {
                        Some(ev) => ev.text = t.clone(),
                        None => s.actions[i - s.events.len()].text = t.clone(),
                    }
                }
            }
            Edit::DeleteEvent(i) if !s.events.is_empty() => {
                let id = s.events[i % s.events.len()].id.clone();
                s.remove_event(&id);
            }
            Edit::DeleteFactor(i) if !s.factors.is_empty() => {
                let id = s.factors[i % s.factors.len()].id.clone();
                s.remove_factor(&id);
            }
            Edit::DeleteWhy(i) if !s.whys.is_empty() => {
                let id = s.whys[i % s.whys.len()].id.clone();
                s.remove_why_subtree(&id);
            }
            Edit::AddWhyUnder(i) if !s.whys.is_empty() => {
                let parent = s.whys[i % s.whys.len()].id.clone();
                let mut ids = waterline::model::ids::IdAllocator::new("w");
                ids.observe(s.whys.iter().map(|w| w.id.as_str()));
                let id = ids.next_id().expect("ids are left in a small review");
                let _ = s.whys.add_child(Some(&parent), Why::new(id, None, "added"));
            }
            Edit::Move(a, b) if !s.whys.is_empty() => {
                let (a, b) =
                    (s.whys[a % s.whys.len()].id.clone(), s.whys[b % s.whys.len()].id.clone());
                let _ = s.whys.reparent(&a, Some(&b));
            }
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the two sides did, the merge gives a review that loads, and a side that
    /// changed nothing gives exactly the other side.
    #[test]
    fn any_two_sets_of_edits_merge_into_a_review_that_loads(
        ours_edits in proptest::collection::vec(edit(), 0..6),
        theirs_edits in proptest::collection::vec(edit(), 0..6),
    ) {
        let base = demo();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        apply(&mut ours, &ours_edits);
        apply(&mut theirs, &theirs_edits);
        let m = merge::merge(&base, &ours, &theirs).unwrap();
        reload(&m.session);
        let same = merge::merge(&base, &base, &theirs).unwrap();
        prop_assert_eq!(&same.session, &theirs);
        // Nothing either side changed or added is lost: it is merged, or kept in a conflict.
        for side in [&ours, &theirs] {
            for e in &side.events {
                let changed = base.event(&e.id) != Some(e);
                let in_list = m.session.events.iter().any(|x| x.text == e.text);
                let in_conflict = m.session.conflicts.iter().flat_map(|c| [&c.ours, &c.theirs]).any(|v| {
                    v.as_ref().and_then(|v| v.get("text")?.as_str()) == Some(e.text.as_str())
                });
                prop_assert!(!changed || in_list || in_conflict, "{:?} lost", e);
            }
        }
    }
}
