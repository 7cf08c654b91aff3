//! The shipped session files (demo review and `new` templates) load through the public
//! store API and show what they are meant to show.

use std::collections::HashSet;
use std::path::Path;

use waterline::model::{Mode, ReviewStatus, Session};
use waterline::store;

const DEMO: &str = include_str!("../assets/demo.toml");
const STANDARD: &str = include_str!("../assets/templates/standard.toml");
const NEAR_MISS: &str = include_str!("../assets/templates/near-miss.toml");
const SELF_REVIEW: &str = include_str!("../assets/templates/self-review.toml");

fn load(name: &str, text: &str) -> store::Loaded {
    store::parse(Path::new(name), text).unwrap_or_else(|e| panic!("{name} should load: {e}"))
}

fn demo() -> Session {
    load("assets/demo.toml", DEMO).session
}

#[test]
fn demo_loads_writable() {
    let loaded = load("assets/demo.toml", DEMO);
    assert!(!loaded.read_only, "the demo is format 1 and must open for editing");
    assert!(!loaded.session.incident.title.is_empty());
}

#[test]
fn demo_has_12_to_20_events_in_time_order() {
    let s = demo();
    assert!((12..=20).contains(&s.events.len()), "{} events", s.events.len());
    for pair in s.events.windows(2) {
        assert!(pair[0].at <= pair[1].at, "{} comes after {}", pair[0].id, pair[1].id);
    }
}

#[test]
fn demo_why_tree_has_at_least_three_branches_from_the_root() {
    let s = demo();
    let roots: Vec<_> = s.whys.iter().filter(|w| w.parent.is_none()).collect();
    assert_eq!(roots.len(), 1, "one why asked of the incident itself");
    let root = &roots[0].id;
    let branches = s.whys.iter().filter(|w| w.parent.as_ref() == Some(root)).count();
    assert!(branches >= 3, "{branches} branches from {root}");
    assert!(s.whys.iter().filter(|w| w.system_condition).count() >= 3);
}

#[test]
fn demo_has_at_least_five_factors() {
    let s = demo();
    assert!(s.factors.len() >= 5, "{} factors", s.factors.len());
}

#[test]
fn demo_actions_each_have_team_owner_and_due_date() {
    let s = demo();
    assert!(!s.actions.is_empty());
    let start = s.incident.started_at.expect("demo has a start time").date_naive();
    for a in &s.actions {
        assert!(!a.team.trim().is_empty(), "{} has no team", a.id);
        assert!(!a.owner.trim().is_empty(), "{} has no owner", a.id);
        let due = a.due.unwrap_or_else(|| panic!("{} has no due date", a.id));
        let days = (due - start).num_days();
        assert!((15..=30).contains(&days), "{} is due {days} days after the incident", a.id);
    }
}

#[test]
fn demo_references_name_existing_items() {
    let s = demo();
    let events: HashSet<_> = s.events.iter().map(|e| e.id.as_str()).collect();
    let whys: HashSet<_> = s.whys.iter().map(|w| w.id.as_str()).collect();
    let factors: HashSet<_> = s.factors.iter().map(|f| f.id.as_str()).collect();
    let behaviours: HashSet<_> = s.behaviours.iter().map(|b| b.id.as_str()).collect();
    for w in &s.whys {
        if let Some(p) = &w.parent {
            assert!(whys.contains(p.as_str()), "{} has unknown parent {p}", w.id);
        }
    }
    for f in &s.factors {
        assert!(f.whys.iter().all(|w| whys.contains(w.as_str())), "{}: unknown why", f.id);
        assert!(f.events.iter().all(|e| events.contains(e.as_str())), "{}: unknown event", f.id);
    }
    for b in &s.behaviours {
        if let Some(e) = &b.event {
            assert!(events.contains(e.as_str()), "{} names unknown event {e}", b.id);
        }
    }
    for a in &s.actions {
        assert!(!a.factors.is_empty(), "{} addresses no factor", a.id);
        assert!(a.factors.iter().all(|f| factors.contains(f.as_str())), "{}: unknown factor", a.id);
        let known = |b: &String| behaviours.contains(b.as_str());
        assert!(a.behaviours.iter().all(known), "{}: unknown behaviour", a.id);
    }
    for f in &s.factors {
        let acted_on = s.actions.iter().any(|a| a.factors.contains(&f.id));
        assert!(acted_on || !f.accepted_risk.is_empty(), "{} has no action", f.id);
    }
}

#[test]
fn demo_has_a_human_error_and_an_at_risk_act_each_with_a_linked_action() {
    use waterline::model::behaviour::{derive_outcome, outcome_disagrees};
    use waterline::model::just_culture::Family;
    let s = demo();
    let mut families = Vec::new();
    for b in &s.behaviours {
        let outcome = derive_outcome(&b.answers).unwrap_or_else(|e| panic!("{}: {e}", b.id));
        assert_eq!(outcome_disagrees(b), None, "{}", b.id);
        assert!(s.actions_for(&b.id).next().is_some(), "{} has no linked action", b.id);
        families.push(outcome.family);
    }
    assert_eq!(families, [Family::AtRisk, Family::HumanError]);
}

#[test]
fn templates_start_as_untitled_drafts() {
    for (name, text) in [
        ("standard.toml", STANDARD),
        ("near-miss.toml", NEAR_MISS),
        ("self-review.toml", SELF_REVIEW),
    ] {
        let loaded = load(name, text);
        assert!(!loaded.read_only, "{name}");
        let s = loaded.session;
        assert_eq!(s.incident.title, "Untitled review", "{name}");
        assert_eq!(s.incident.status, ReviewStatus::Draft, "{name}");
        assert!(s.events.is_empty() && s.whys.is_empty() && s.actions.is_empty(), "{name}");
    }
}

#[test]
fn near_miss_template_has_the_three_prompts() {
    let s = load("near-miss.toml", NEAR_MISS).session;
    assert_eq!(s.incident.severity, "near miss");
    assert_eq!(s.incident.tags, ["near-miss"]);
    let lines: Vec<_> = s.incident.summary.lines().collect();
    let prompts =
        ["What happened:", "What could have happened:", "What would make it less likely:"];
    for prompt in prompts {
        assert!(lines.contains(&prompt), "missing prompt {prompt:?}");
    }
}

#[test]
fn self_review_template_sets_mode_and_tag() {
    let s = load("self-review.toml", SELF_REVIEW).session;
    assert_eq!(s.incident.mode, Mode::SelfReview);
    assert_eq!(s.incident.tags, ["self-review"]);
    let standard = load("standard.toml", STANDARD).session;
    assert_eq!(standard.incident.mode, Mode::Facilitated);
}

#[test]
fn demo_factors_match_the_figure_in_the_domain_source() {
    let s = demo();
    // The figure: no config validation, no canary deployment, alert threshold too high,
    // runbook outdated, on-call fatigued (as a rota condition).
    let figure: [&[&str]; 5] =
        [&["validation", "config"], &["canary"], &["alert", "threshold"], &["runbook"], &["rota"]];
    for words in figure {
        let found = s.factors.iter().any(|f| {
            let text = f.text.to_lowercase();
            words.iter().all(|w| text.contains(w))
        });
        assert!(found, "no factor about {words:?}");
    }
}

#[test]
fn demo_tree_holds_the_five_whys_chain_and_a_reframed_wrong_turn() {
    use waterline::analysis::check::Severity;
    use waterline::analysis::whys::{checks, reframed, states};
    use waterline::model::WhyTree;
    let s = demo();
    let chain = s.whys.path_to_root("w5");
    assert_eq!(chain.len(), 5, "the “done well” chain, five answers deep");
    let states = states(&s);
    let turns: Vec<&String> =
        states.iter().filter(|(_, st)| st.wrong_turn.is_some()).map(|(id, _)| id).collect();
    assert_eq!(turns.len(), 1, "one wrong turn: {turns:?}");
    assert!(states[turns[0]].reframed, "and it is already reframed");
    assert_eq!(states[turns[0]].reframed_by.as_deref(), Some("w15"), "by the answer that says so");
    assert!(checks(&s).is_empty(), "the demo tree has nothing left open: {:?}", checks(&s));
    // The reframed wrong turn is still reported, at info, marked reframed.
    let record = reframed(&s);
    assert_eq!(record.len(), 1, "{record:?}");
    assert_eq!(
        (record[0].item.to_string(), record[0].severity),
        ("why:w17".into(), Severity::Info)
    );
    assert!(record[0].reframed);
}
