//! The five action-item checks, one table test per criterion, over the sentences in
//! `tests/corpus/actions.toml` (good and bad, bounded "all", organisation-level vague,
//! person-focused, and team / owner / due variations). Plus the strength ladder.

use chrono::NaiveDate;
use serde::Deserialize;

use waterline::analysis::actions::{Check, Checks, Context, Criterion, Verdict, check};
use waterline::analysis::policy::DuePolicy;
use waterline::analysis::strength::{Strength, strength};
use waterline::model::ActionItem;

const CORPUS: &str = include_str!("corpus/actions.toml");

#[derive(Deserialize)]
struct Corpus {
    action: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    group: String,
    text: String,
    expect: String,
    #[serde(default)]
    strength: Option<String>,
    #[serde(default)]
    why: std::collections::HashMap<String, String>,
    team: Option<String>,
    owner: Option<String>,
    severity: Option<String>,
    due: Option<toml::Value>,
    factors: Option<Vec<String>>,
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

fn corpus() -> Vec<Entry> {
    toml::from_str::<Corpus>(CORPUS).expect("tests/corpus/actions.toml parses").action
}

/// The checks for one entry, with the corpus defaults filled in.
fn run(e: &Entry) -> Checks {
    let incident = day("2026-03-02");
    let due = match &e.due {
        None => Some(incident + chrono::Days::new(14)),
        Some(toml::Value::String(s)) if s == "none" => None,
        Some(toml::Value::Integer(n)) => Some(incident + chrono::Days::new(*n as u64)),
        Some(other) => panic!("due {other:?}"),
    };
    let action = ActionItem {
        id: "a1".into(),
        text: e.text.clone(),
        team: e.team.clone().unwrap_or_else(|| "Platform".into()),
        owner: e.owner.clone().unwrap_or_else(|| "Sarah".into()),
        due,
        factors: e.factors.clone().unwrap_or_else(|| vec!["f1".into()]),
        ..ActionItem::default()
    };
    let policy = DuePolicy::default();
    let names = vec!["Sarah".to_string(), "Dev".to_string(), "Priya".to_string()];
    let ctx = Context {
        severity: e.severity.as_deref().unwrap_or("SEV2"),
        policy: &policy,
        review_day: Some(day("2026-03-04")),
        set_on: Some(day("2026-03-04")),
        known_names: &names,
    };
    check(&action, &ctx)
}

fn expected(code: char) -> Option<Verdict> {
    match code {
        'p' => Some(Verdict::Pass),
        'w' => Some(Verdict::Warn),
        'f' => Some(Verdict::Fail),
        '-' => None,
        other => panic!("expect code {other:?}"),
    }
}

/// Compares one criterion across the corpus; reports every mismatch at once.
fn table(criterion: Criterion) {
    let index = Criterion::ALL.iter().position(|c| *c == criterion).expect("a criterion");
    let key = criterion.label().to_lowercase();
    let mut asserted = 0;
    let mut wrong = Vec::new();
    for e in corpus() {
        let code = e.expect.chars().nth(index).expect("five codes");
        let got: Check = run(&e).get(criterion).clone();
        let Some(want) = expected(code) else { continue };
        asserted += 1;
        if got.result != want {
            wrong.push(format!(
                "[{}] {:?}: want {}, got {} — {}",
                e.group,
                e.text,
                want.as_str(),
                got.result.as_str(),
                got.reason
            ));
        } else if let Some(words) = e.why.get(&key)
            && !got.reason.to_lowercase().contains(&words.to_lowercase())
        {
            wrong.push(format!(
                "[{}] {:?}: reason {:?} lacks {words:?}",
                e.group, e.text, got.reason
            ));
        }
        if got.result != Verdict::Pass {
            assert!(!got.suggestion.is_empty(), "{:?}: a {} needs a suggestion", e.text, key);
        }
    }
    assert!(asserted >= 80, "{key}: only {asserted} sentences asserted");
    assert!(wrong.is_empty(), "{key}: {} of {asserted} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn the_corpus_holds_at_least_80_sentences_of_every_kind() {
    let c = corpus();
    assert!(c.len() >= 80, "{} sentences", c.len());
    for group in
        ["source-good", "source-bad", "good", "vague", "org-vague", "bounded", "person", "fields"]
    {
        assert!(c.iter().any(|e| e.group == group), "no {group} sentences");
    }
}

#[test]
fn specific_table() {
    table(Criterion::Specific);
}

#[test]
fn measurable_table() {
    table(Criterion::Measurable);
}

#[test]
fn assignable_table() {
    table(Criterion::Assignable);
}

#[test]
fn realistic_table() {
    table(Criterion::Realistic);
}

#[test]
fn systemic_table() {
    table(Criterion::Systemic);
}

#[test]
fn the_source_good_examples_pass_all_five() {
    for e in corpus().iter().filter(|e| e.group == "source-good") {
        let checks = run(e);
        assert_eq!(checks.glyphs(), "✓✓✓✓✓", "{}: {checks:#?}", e.text);
    }
}

#[test]
fn each_source_bad_example_fails_for_its_own_reason() {
    let fails = |text: &str| -> Vec<Criterion> {
        let e = corpus().into_iter().find(|e| e.text == text).expect("in the corpus");
        let checks = run(&e);
        checks.all().iter().filter(|(_, c)| c.result == Verdict::Fail).map(|(k, _)| *k).collect()
    };
    assert!(fails("Be more careful with config changes.").contains(&Criterion::Systemic));
    assert!(fails("Engineer X needs training.").contains(&Criterion::Systemic));
    assert!(fails("Review all configs.").contains(&Criterion::Specific));
    assert!(fails("Improve monitoring.").contains(&Criterion::Specific));
}

#[test]
fn strength_table() {
    let mut wrong = Vec::new();
    let mut asserted = 0;
    for e in corpus() {
        let Some(want) = &e.strength else { continue };
        asserted += 1;
        let got = strength(&e.text);
        if got.as_str() != want {
            wrong.push(format!("{:?}: want {want}, got {}", e.text, got.as_str()));
        }
    }
    assert!(asserted >= 30, "{asserted}");
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn strength_ladder_orders_the_hierarchy_of_controls() {
    let ladder: Vec<u8> = Strength::LADDER.iter().map(|s| s.rung()).collect();
    assert_eq!(ladder, [6, 5, 4, 3, 2, 1]);
    let examples = [
        ("Retire the legacy auth fallback", Strength::Eliminate),
        ("Make the deploy pipeline block unreviewed config changes", Strength::Guard),
        ("Generate a dashboard of config versions per host", Strength::Tooling),
        ("Add a checklist step for config changes to the runbook", Strength::Procedure),
        ("Run a workshop on the config schema for new joiners", Strength::Training),
        ("Remind everyone to be careful with config changes", Strength::Vigilance),
    ];
    for (text, want) in examples {
        assert_eq!(strength(text), want, "{text}");
    }
    assert!(Strength::Training.is_weak() && Strength::Vigilance.is_weak());
    assert!(!Strength::Procedure.is_weak());
    assert_eq!(strength("Quarterly capacity review notes"), Strength::Procedure);
    assert_eq!(strength("Something about the thing"), Strength::Unclear);
}

#[test]
fn a_reminder_beside_a_mechanism_takes_the_mechanism_s_rung() {
    let text = "Add a CI check that blocks unknown config keys, and remind reviewers of it";
    assert_eq!(strength(text), Strength::Guard);
}

#[test]
fn a_generic_team_fails_and_says_so_unless_config_names_it_as_real() {
    use waterline::analysis::actions::assignable_among;
    for team in ["Engineering", "Ops", "IT", "ops team", "DevOps"] {
        let check = assignable_among(team, "Sarah", &[]);
        assert_eq!(check.result, Verdict::Fail, "{team}");
        assert!(check.reason.contains("generic"), "{team}: {}", check.reason);
        assert!(check.reason.contains("config.toml"), "{team}: {}", check.reason);
    }
    let real = vec!["Ops".to_string()];
    assert_eq!(assignable_among("Ops", "Sarah", &real).result, Verdict::Pass);
    assert_eq!(assignable_among("ops team", "Sarah", &real).result, Verdict::Pass);
    assert_eq!(assignable_among("IT", "Sarah", &real).result, Verdict::Fail);
    assert_eq!(assignable_among("Payments", "Sarah", &[]).result, Verdict::Pass);
}

#[test]
fn a_direction_with_a_method_is_specific_and_measurable_and_without_one_is_neither() {
    use waterline::analysis::actions::{measurable, specific};
    let with = "Strengthen the login form by adding a captcha after repeated failures";
    assert_eq!((specific(with).result, measurable(with).result), (Verdict::Pass, Verdict::Pass));
    let target = "Lower the p99 of the search API from 900 ms to under 300 ms";
    assert_eq!(
        (specific(target).result, measurable(target).result),
        (Verdict::Pass, Verdict::Pass)
    );
    let without = "Strengthen the login form";
    assert_eq!(
        (specific(without).result, measurable(without).result),
        (Verdict::Fail, Verdict::Fail)
    );
}
