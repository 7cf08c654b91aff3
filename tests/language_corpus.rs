//! Recall and precision of the language linter on two labelled corpora of postmortem
//! sentences: tests/corpus/language.toml (review documents and meetings) and
//! tests/corpus/language_published.toml (published postmortems and press coverage, leaning
//! on hard cases). A sentence counts as flagged when the linter reports anything at
//! warning or above on it.
//!
//! Each file's validation split was fixed when the file was written, before any rule was
//! tuned for it, and is never used for tuning: only the training splits' misses are
//! printed. `cargo test --test language_corpus -- --nocapture` shows the confusion counts.

use std::collections::BTreeMap;

use serde::Deserialize;
use waterline::analysis::language::{Category, LintContext, Severity, lint};

const DOCUMENTS: &str = include_str!("corpus/language.toml");
const PUBLISHED: &str = include_str!("corpus/language_published.toml");

#[derive(Deserialize)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    expect: String,
    split: String,
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default)]
    self_review: bool,
    #[serde(default)]
    names: Vec<String>,
}

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    tn: usize,
    fn_: usize,
    category_agrees: usize,
}

impl Counts {
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
}

fn corpus(text: &str) -> Corpus {
    toml::from_str(text).expect("the corpus is valid TOML")
}

/// Whether the linter flags the case at warning or above, and with which categories.
fn flagged(case: &Case) -> Vec<(Category, String, String)> {
    let ctx = LintContext {
        known_names: &case.names,
        self_review: case.self_review,
        ..LintContext::default()
    };
    lint(&case.text, &ctx)
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| (f.category, f.rule, f.matched))
        .collect()
}

fn evaluate(name: &str, text: &str, split: &str, show_misses: bool) -> Counts {
    let mut counts = Counts::default();
    // Per pattern: (right, all), for the published corpus's shapes.
    let mut patterns: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for case in corpus(text).case.iter().filter(|c| c.split == split) {
        let found = flagged(case);
        let positive = case.expect != "none";
        let right = positive != found.is_empty();
        if let Some(p) = &case.pattern {
            let e = patterns.entry(p.clone()).or_default();
            e.0 += usize::from(right);
            e.1 += 1;
        }
        match (positive, !found.is_empty()) {
            (true, true) => {
                counts.tp += 1;
                let expected = Category::parse(&case.expect);
                assert!(expected.is_some(), "unknown category {:?}", case.expect);
                if found.iter().any(|(c, _, _)| Some(*c) == expected) {
                    counts.category_agrees += 1;
                } else if show_misses {
                    let got: Vec<_> = found.iter().map(|(_, r, _)| r.as_str()).collect();
                    println!("  other category ({}): {:?} → {got:?}", case.expect, case.text);
                }
            }
            (true, false) => {
                counts.fn_ += 1;
                if show_misses {
                    println!("  missed ({}): {:?}", case.expect, case.text);
                }
            }
            (false, true) => {
                counts.fp += 1;
                if show_misses {
                    let got: Vec<_> = found.iter().map(|(_, r, m)| format!("{r} {m:?}")).collect();
                    println!("  false alarm: {:?} → {got:?}", case.text);
                }
            }
            (false, false) => counts.tn += 1,
        }
    }
    println!(
        "{name} {split}: TP {} FP {} TN {} FN {} — recall {:.3}, precision {:.3}, category agrees on {}/{} flagged positives",
        counts.tp,
        counts.fp,
        counts.tn,
        counts.fn_,
        counts.recall(),
        counts.precision(),
        counts.category_agrees,
        counts.tp
    );
    for (pattern, (right, all)) in &patterns {
        println!("  {pattern:<22} {right:>3} / {all:<3} right");
    }
    counts
}

fn assert_size_and_splits(text: &str, min: usize, validation: std::ops::RangeInclusive<f64>) {
    let corpus = corpus(text);
    let n = corpus.case.len();
    let positives = corpus.case.iter().filter(|c| c.expect != "none").count();
    let held_out = corpus.case.iter().filter(|c| c.split == "validation").count();
    assert!(n >= min, "{n} cases");
    assert!((0.4..=0.6).contains(&(positives as f64 / n as f64)), "{positives} of {n} positive");
    assert!(validation.contains(&(held_out as f64 / n as f64)), "{held_out} validation");
    assert!(corpus.case.iter().all(|c| c.split == "train" || c.split == "validation"));
}

#[test]
fn corpus_is_large_balanced_and_split() {
    assert_size_and_splits(DOCUMENTS, 200, 0.18..=0.22);
}

#[test]
fn published_corpus_is_large_balanced_and_split() {
    assert_size_and_splits(PUBLISHED, 150 + 80, 0.3..=0.5);
    // Every shape the corpus stands for is on both splits.
    let corpus = corpus(PUBLISHED);
    let mut seen: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
    for c in &corpus.case {
        let pattern = c.pattern.as_deref().expect("every published case names its pattern");
        let e = seen.entry(pattern).or_default();
        if c.split == "train" {
            e.0 = true;
        } else {
            e.1 = true;
        }
    }
    assert!(seen.len() >= 12, "{seen:?}");
    assert!(seen.values().all(|(train, validation)| *train && *validation), "{seen:?}");
}

#[test]
fn training_split_recall_and_precision() {
    let counts = evaluate("documents", DOCUMENTS, "train", true);
    assert!(counts.recall() >= 0.95, "train recall {:.3}", counts.recall());
    assert_eq!(counts.fp, 0, "no false alarm on the documents corpus");
}

#[test]
fn validation_split_recall_and_precision() {
    let counts = evaluate("documents", DOCUMENTS, "validation", false);
    assert!(counts.recall() >= 0.95, "validation recall {:.3}", counts.recall());
    assert_eq!(counts.fp, 0, "no false alarm on the documents corpus");
}

/// Floors: what the rules reach now; they only ever go up. When the published corpus was
/// written (before any rule changed for it) recall stood at 0.267 (train) and 0.163
/// (validation), precision at 0.952 and 0.889: see docs/LANGUAGE.md.
#[test]
fn published_training_split() {
    let counts = evaluate("published", PUBLISHED, "train", true);
    assert!(counts.recall() >= 0.93, "train recall {:.3}", counts.recall());
    assert_eq!(counts.fp, 0, "no false alarm on the training split");
}

#[test]
fn published_validation_split() {
    let counts = evaluate("published", PUBLISHED, "validation", false);
    assert!(counts.recall() >= 0.79, "validation recall {:.3}", counts.recall());
    assert!(counts.precision() >= 0.97, "validation precision {:.3}", counts.precision());
}
