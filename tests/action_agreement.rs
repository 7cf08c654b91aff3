//! How often the five action checks and the strength rung agree with careful human labels,
//! on a table of action items in the style of published postmortems
//! (tests/corpus/action_items.toml), per criterion and per split.
//!
//! The validation split was fixed when the table was written, before any phrase list was
//! changed for it, and is never used for tuning: only the training split's disagreements
//! are printed. `cargo test --test action_agreement -- --nocapture` shows the numbers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use waterline::analysis::actions::{Checks, Context, Criterion, Verdict, check};
use waterline::analysis::policy::DuePolicy;
use waterline::analysis::strength::strength;
use waterline::model::{ActionItem, Session};

const TABLE: &str = include_str!("corpus/action_items.toml");

#[derive(Deserialize)]
struct Table {
    item: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    text: String,
    labels: String,
    strength: Option<String>,
    team: Option<String>,
    owner: Option<String>,
    severity: Option<String>,
    due: Option<toml::Value>,
    incident_age: Option<u64>,
    linked: Option<bool>,
    pattern: String,
    split: String,
}

fn table() -> Vec<Item> {
    toml::from_str::<Table>(TABLE).expect("tests/corpus/action_items.toml parses").item
}

fn review_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 16).expect("a date")
}

/// The checks for one row, with the table's defaults filled in: a review of the row's
/// incident, held on the table's review day, judged with the context every part of the
/// program uses for stored actions.
fn run(item: &Item) -> Checks {
    let review = review_day();
    let incident = review - chrono::Days::new(item.incident_age.unwrap_or(0));
    let due = match &item.due {
        None => Some(review + chrono::Days::new(14)),
        Some(toml::Value::String(s)) if s == "none" => None,
        Some(toml::Value::Integer(n)) if *n >= 0 => Some(review + chrono::Days::new(*n as u64)),
        Some(toml::Value::Integer(n)) => Some(review - chrono::Days::new(n.unsigned_abs())),
        Some(other) => panic!("due {other:?}"),
    };
    let action = ActionItem {
        id: "a1".into(),
        text: item.text.clone(),
        team: item.team.clone().unwrap_or_else(|| "Platform".into()),
        owner: item.owner.clone().unwrap_or_else(|| "Sarah".into()),
        due,
        factors: if item.linked.unwrap_or(true) { vec!["f1".into()] } else { Vec::new() },
        ..ActionItem::default()
    };
    let mut session = Session::new("A review");
    session.incident.severity = item.severity.clone().unwrap_or_else(|| "SEV2".into());
    session.incident.started_at = incident.and_hms_opt(9, 0, 0).map(|t| t.and_utc().fixed_offset());
    session.incident.review_date = Some(review);
    let policy = DuePolicy::default();
    let names: Vec<String> = ["Sarah", "Priya", "Lena", "Dev"].map(String::from).to_vec();
    check(&action, &Context::stored(&session, &policy, &names))
}

fn label(code: char) -> Option<Verdict> {
    match code {
        'p' => Some(Verdict::Pass),
        'w' => Some(Verdict::Warn),
        'f' => Some(Verdict::Fail),
        '-' => None,
        other => panic!("label {other:?}"),
    }
}

/// Agreement on one split: per criterion and for strength, as (agreed, labelled).
#[derive(Default)]
struct Agreement {
    criteria: [(usize, usize); 5],
    strength: (usize, usize),
}

impl Agreement {
    fn rate(pair: (usize, usize)) -> f64 {
        pair.0 as f64 / pair.1.max(1) as f64
    }

    fn criterion(&self, c: Criterion) -> f64 {
        let i = Criterion::ALL.iter().position(|x| *x == c).unwrap_or(0);
        Self::rate(self.criteria[i])
    }

    /// Every judgement of the five criteria together.
    fn overall(&self) -> f64 {
        let agreed: usize = self.criteria.iter().map(|c| c.0).sum();
        let all: usize = self.criteria.iter().map(|c| c.1).sum();
        Self::rate((agreed, all))
    }
}

fn measure(split: &str, show: bool) -> Agreement {
    let mut a = Agreement::default();
    let mut by_pattern: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for item in table().iter().filter(|i| i.split == split) {
        let checks = run(item);
        assert_eq!(item.labels.chars().count(), 5, "{:?}: five labels", item.text);
        let p = by_pattern.entry(item.pattern.clone()).or_default();
        for (i, (criterion, code)) in Criterion::ALL.iter().zip(item.labels.chars()).enumerate() {
            let Some(want) = label(code) else { continue };
            let got = checks.get(*criterion);
            let agrees = got.result == want;
            a.criteria[i].0 += usize::from(agrees);
            a.criteria[i].1 += 1;
            p.0 += usize::from(agrees);
            p.1 += 1;
            if !agrees && show {
                println!(
                    "  {} want {}, got {}: {:?} — {}",
                    criterion.label(),
                    want.as_str(),
                    got.result.as_str(),
                    item.text,
                    got.reason
                );
            }
        }
        if let Some(want) = &item.strength {
            let got = strength(&item.text);
            let agrees = got.as_str() == want;
            a.strength.0 += usize::from(agrees);
            a.strength.1 += 1;
            if !agrees && show {
                println!("  strength want {want}, got {}: {:?}", got.as_str(), item.text);
            }
        }
    }
    let line: Vec<String> = Criterion::ALL
        .iter()
        .zip(a.criteria)
        .map(|(c, (agreed, all))| format!("{} {agreed}/{all}", c.label()))
        .collect();
    println!(
        "{split}: {} · strength {}/{} · all five {:.3}",
        line.join(" · "),
        a.strength.0,
        a.strength.1,
        a.overall()
    );
    for (pattern, (agreed, all)) in &by_pattern {
        println!("  {pattern:<20} {agreed:>4} / {all:<4} judgements agree");
    }
    a
}

#[test]
fn the_table_is_large_labelled_and_split() {
    let t = table();
    assert!(t.len() >= 300, "{} items", t.len());
    let held_out = t.iter().filter(|i| i.split == "validation").count();
    assert!((0.3..=0.5).contains(&(held_out as f64 / t.len() as f64)), "{held_out} validation");
    assert!(t.iter().all(|i| i.split == "train" || i.split == "validation"));
    let labelled_strength = t.iter().filter(|i| i.strength.is_some()).count();
    assert!(labelled_strength >= 200, "{labelled_strength} strength labels");
    // Each pattern is on both splits.
    let mut seen: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
    for i in &t {
        let e = seen.entry(i.pattern.as_str()).or_default();
        if i.split == "train" {
            e.0 = true;
        } else {
            e.1 = true;
        }
    }
    assert!(seen.values().all(|(a, b)| *a && *b), "{seen:?}");
}

/// Floors: the agreement the checks reach now, on both splits; they only ever go up. When
/// the table was written (before any phrase list changed for it) they stood at Specific
/// 0.78 / 0.77, Measurable 0.71 / 0.67, Assignable 0.98 / 0.97, Realistic 0.97 / 0.97,
/// Systemic 0.97 / 0.97 and strength 0.56 / 0.53 (train / validation): see docs/LANGUAGE.md.
const FLOORS: [(Criterion, f64); 5] = [
    (Criterion::Specific, 0.98),
    (Criterion::Measurable, 0.97),
    (Criterion::Assignable, 1.0),
    (Criterion::Realistic, 0.99),
    (Criterion::Systemic, 0.96),
];
const STRENGTH_FLOOR: f64 = 0.77;

#[test]
fn training_split_agreement() {
    let a = measure("train", true);
    for (criterion, floor) in FLOORS {
        let got = a.criterion(criterion);
        assert!(got >= floor, "train {}: {got:.3} < {floor}", criterion.label());
    }
    let got = Agreement::rate(a.strength);
    assert!(got >= STRENGTH_FLOOR, "train strength: {got:.3}");
}

#[test]
fn validation_split_agreement() {
    let a = measure("validation", false);
    for (criterion, floor) in FLOORS {
        let got = a.criterion(criterion);
        assert!(got >= floor, "validation {}: {got:.3} < {floor}", criterion.label());
    }
    let got = Agreement::rate(a.strength);
    assert!(got >= STRENGTH_FLOOR, "validation strength: {got:.3}");
}
