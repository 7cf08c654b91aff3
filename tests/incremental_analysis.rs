//! Analysis kept between edits gives exactly what a fresh analysis gives: after any
//! sequence of edits (texts changed, items added and removed, answers moved, people and
//! mode changed, findings dismissed), every check on the review — wording, the Five Whys,
//! coverage and the gate — is the same with the lint cache as without it, and as the
//! one-shot reading that keeps nothing.

use proptest::prelude::*;
use waterline::analysis::cache::LintCache;
use waterline::analysis::overview::{overview, overview_once, overview_with};
use waterline::analysis::review_language;
use waterline::model::{
    ActionItem, ActionStatus, Dismissal, Event, Factor, ItemRef, Mode, Participant, Session, Why,
    WhyTreeEdit,
};

const TEXTS: [&str; 10] = [
    "The engineer should have checked the replication lag",
    "Because they were tired",
    "The config schema changed and old values became invalid",
    "Maria forgot to re-enable alerting",
    "Obviously the deploy was careless",
    "The alert threshold dated from a tenth of today's traffic",
    "I didn't know the flag also disabled rate limiting",
    "Human error",
    "",
    "The pipeline has one stage: every host at once",
];

#[derive(Debug, Clone)]
enum Edit {
    EventText(usize, usize),
    AddEvent(usize),
    RemoveEvent(usize),
    WhyText(usize, usize),
    AddWhy(Option<usize>, usize),
    RemoveWhy(usize),
    Reparent(usize, Option<usize>),
    MarkCondition(usize),
    FactorText(usize, usize),
    AddFactor(usize, usize),
    ActionOwner(usize, usize),
    AddAction(usize),
    Participant(usize),
    Mode,
    Summary(usize),
    Dismiss(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = 0..12usize;
    let t = 0..TEXTS.len();
    prop_oneof![
        (i.clone(), t.clone()).prop_map(|(i, t)| Edit::EventText(i, t)),
        t.clone().prop_map(Edit::AddEvent),
        i.clone().prop_map(Edit::RemoveEvent),
        (i.clone(), t.clone()).prop_map(|(i, t)| Edit::WhyText(i, t)),
        (proptest::option::of(i.clone()), t.clone()).prop_map(|(p, t)| Edit::AddWhy(p, t)),
        i.clone().prop_map(Edit::RemoveWhy),
        (i.clone(), proptest::option::of(i.clone())).prop_map(|(w, p)| Edit::Reparent(w, p)),
        i.clone().prop_map(Edit::MarkCondition),
        (i.clone(), t.clone()).prop_map(|(i, t)| Edit::FactorText(i, t)),
        (i.clone(), t.clone()).prop_map(|(w, t)| Edit::AddFactor(w, t)),
        (i.clone(), 0..4usize).prop_map(|(a, n)| Edit::ActionOwner(a, n)),
        i.clone().prop_map(Edit::AddAction),
        (0..4usize).prop_map(Edit::Participant),
        Just(Edit::Mode),
        t.clone().prop_map(Edit::Summary),
        i.prop_map(Edit::Dismiss),
    ]
}

const NAMES: [&str; 4] = ["Maria", "Chen", "", "Sam"];

fn at(i: usize) -> waterline::model::Timestamp {
    let start = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00+00:00").expect("time");
    start + chrono::Duration::minutes(i as i64)
}

fn apply(s: &mut Session, edit: &Edit, n: &mut usize) {
    *n += 1;
    let pick = |len: usize, i: usize| (len > 0).then(|| i % len);
    match *edit {
        Edit::EventText(i, t) => {
            if let Some(k) = pick(s.events.len(), i) {
                s.events[k].text = TEXTS[t].into();
            }
        }
        Edit::AddEvent(t) => s.events.push(Event {
            id: format!("e{n}"),
            at: at(*n),
            kind: Default::default(),
            text: TEXTS[t].into(),
            source: String::new(),
            known_then: TEXTS[(t + 3) % TEXTS.len()].into(),
            extra: Default::default(),
        }),
        Edit::RemoveEvent(i) => {
            if let Some(k) = pick(s.events.len(), i) {
                let id = s.events[k].id.clone();
                s.remove_event(&id);
            }
        }
        Edit::WhyText(i, t) => {
            if let Some(k) = pick(s.whys.len(), i) {
                s.whys[k].text = TEXTS[t].into();
            }
        }
        Edit::AddWhy(parent, t) => {
            let parent = parent.and_then(|p| pick(s.whys.len(), p)).map(|k| s.whys[k].id.clone());
            let why = Why::new(format!("w{n}"), None, TEXTS[t]);
            let _ = s.whys.add_child(parent.as_deref(), why);
        }
        Edit::RemoveWhy(i) => {
            if let Some(k) = pick(s.whys.len(), i) {
                let id = s.whys[k].id.clone();
                s.remove_why_subtree(&id);
            }
        }
        Edit::Reparent(w, p) => {
            if let Some(k) = pick(s.whys.len(), w) {
                let id = s.whys[k].id.clone();
                let parent = p.and_then(|p| pick(s.whys.len(), p)).map(|k| s.whys[k].id.clone());
                let _ = s.whys.reparent(&id, parent.as_deref());
            }
        }
        Edit::MarkCondition(i) => {
            if let Some(k) = pick(s.whys.len(), i) {
                s.whys[k].system_condition = !s.whys[k].system_condition;
            }
        }
        Edit::FactorText(i, t) => {
            if let Some(k) = pick(s.factors.len(), i) {
                s.factors[k].text = TEXTS[t].into();
            }
        }
        Edit::AddFactor(w, t) => {
            let whys = pick(s.whys.len(), w).map(|k| s.whys[k].id.clone()).into_iter().collect();
            s.factors.push(Factor {
                id: format!("f{n}"),
                text: TEXTS[t].into(),
                whys,
                ..Factor::default()
            });
        }
        Edit::ActionOwner(i, name) => {
            if let Some(k) = pick(s.actions.len(), i) {
                s.actions[k].owner = NAMES[name].into();
            }
        }
        Edit::AddAction(f) => {
            let factors = pick(s.factors.len(), f).map(|k| s.factors[k].id.clone());
            s.actions.push(ActionItem {
                id: format!("a{n}"),
                text: "Add a pre-deploy hook that validates the config schema".into(),
                owner: "Sam".into(),
                status: ActionStatus::Open,
                factors: factors.into_iter().collect(),
                ..ActionItem::default()
            });
        }
        Edit::Participant(name) => s
            .incident
            .participants
            .push(Participant { name: NAMES[name].into(), role: String::new() }),
        Edit::Mode => {
            s.incident.mode = match s.incident.mode {
                Mode::Facilitated => Mode::SelfReview,
                Mode::SelfReview => Mode::Facilitated,
            }
        }
        Edit::Summary(t) => s.incident.summary = TEXTS[t].into(),
        Edit::Dismiss(i) => {
            let found = overview(s, &Default::default()).language;
            if let Some(f) = pick(found.len(), i).map(|k| &found[k]) {
                s.dismissed.push(Dismissal {
                    item: f.item.to_string(),
                    field: f.field.into(),
                    rule: f.finding.rule.clone(),
                    matched: f.finding.matched.clone(),
                    reason: "kept on purpose".into(),
                    extra: Default::default(),
                });
            }
        }
    }
}

fn start() -> Session {
    let mut s = Session::new("Payments down after a config change");
    s.incident.summary = TEXTS[0].into();
    for (k, t) in [2, 3, 5].into_iter().enumerate() {
        let mut n = k;
        apply(&mut s, &Edit::AddEvent(t), &mut n);
    }
    s.whys.push(Why::new("w1", None, TEXTS[2]));
    s.whys.push(Why::new("w2", Some("w1"), TEXTS[1]));
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn cached_analysis_equals_a_fresh_one_after_any_edits(
        edits in proptest::collection::vec(edit(), 1..24),
        invalidate in any::<bool>(),
    ) {
        let mut session = start();
        let mut cache = LintCache::new();
        let mut n = 100;
        let policy = Default::default();
        prop_assert_eq!(overview_with(&session, &policy, &mut cache), overview(&session, &policy));
        for e in &edits {
            apply(&mut session, e, &mut n);
            // The console may also drop an edited item at once; the result must not depend
            // on whether it does.
            if invalidate && let Some(w) = session.whys.first() {
                cache.invalidate(&ItemRef::why(&w.id));
            }
            let cached = overview_with(&session, &policy, &mut cache);
            let fresh = overview(&session, &policy);
            // And the field-by-field reading, without any cache, says the same.
            prop_assert_eq!(&cached.language, &review_language::fresh(&session), "after {:?}", e);
            // And the one-shot reading `check` uses, which keeps no text.
            prop_assert_eq!(&overview_once(&session, &policy), &fresh, "after {:?}", e);
            prop_assert_eq!(cached, fresh, "after {:?}", e);
        }
    }
}

#[test]
fn an_edit_changes_what_the_cache_reports() {
    let mut session = start();
    let mut cache = LintCache::new();
    let policy = Default::default();
    let before = overview_with(&session, &policy, &mut cache);
    assert!(!before.language.iter().any(|f| f.item == ItemRef::event("e1") && f.field == "text"));
    session.events[0].text = "The engineer should have checked the lag".into();
    let after = overview_with(&session, &policy, &mut cache);
    let found: Vec<&str> = (after.language.iter())
        .filter(|f| f.item == ItemRef::event("e1") && f.field == "text")
        .map(|f| f.finding.matched.as_str())
        .collect();
    assert_eq!(found, ["should have"]);
}
