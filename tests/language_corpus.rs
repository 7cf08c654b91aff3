//! Recall and precision of the language linter on a labelled corpus of postmortem
//! sentences (tests/corpus/language.toml). A sentence counts as flagged when the linter
//! reports anything at warning or above on it.
//!
//! The validation split was fixed when the corpus was written, before any rule existed,
//! and is never used for tuning: only the training split's misses are printed.
//! `cargo test --test language_corpus -- --nocapture` shows the confusion counts.

use serde::Deserialize;
use waterline::analysis::language::{Category, LintContext, Severity, lint};

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
    self_review: bool,
    #[serde(default)]
    names: Vec<String>,
}

#[derive(Default, Debug)]
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

fn corpus() -> Corpus {
    let text = include_str!("corpus/language.toml");
    toml::from_str(text).expect("the corpus is valid TOML")
}

fn evaluate(split: &str, show_misses: bool) -> Counts {
    let mut counts = Counts::default();
    for case in corpus().case.iter().filter(|c| c.split == split) {
        let ctx = LintContext {
            known_names: &case.names,
            self_review: case.self_review,
            markdown: false,
        };
        let findings = lint(&case.text, &ctx);
        let flagged: Vec<_> = findings.iter().filter(|f| f.severity >= Severity::Warning).collect();
        let positive = case.expect != "none";
        match (positive, !flagged.is_empty()) {
            (true, true) => {
                counts.tp += 1;
                let expected = Category::ALL.iter().find(|c| c.as_str() == case.expect);
                assert!(expected.is_some(), "unknown category {:?}", case.expect);
                if flagged.iter().any(|f| Some(&f.category) == expected) {
                    counts.category_agrees += 1;
                } else if show_misses {
                    let got: Vec<_> = flagged.iter().map(|f| f.rule.as_str()).collect();
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
                    let got: Vec<_> =
                        flagged.iter().map(|f| format!("{} {:?}", f.rule, f.matched)).collect();
                    println!("  false alarm: {:?} → {got:?}", case.text);
                }
            }
            (false, false) => counts.tn += 1,
        }
    }
    println!(
        "{split}: TP {} FP {} TN {} FN {} — recall {:.3}, precision {:.3}, category agrees on {}/{} flagged positives",
        counts.tp,
        counts.fp,
        counts.tn,
        counts.fn_,
        counts.recall(),
        counts.precision(),
        counts.category_agrees,
        counts.tp
    );
    counts
}

#[test]
fn corpus_is_large_balanced_and_split() {
    let corpus = corpus();
    let n = corpus.case.len();
    let positives = corpus.case.iter().filter(|c| c.expect != "none").count();
    let validation = corpus.case.iter().filter(|c| c.split == "validation").count();
    assert!(n >= 200, "{n} cases");
    assert!((0.4..=0.6).contains(&(positives as f64 / n as f64)), "{positives} of {n} positive");
    assert!((0.18..=0.22).contains(&(validation as f64 / n as f64)), "{validation} validation");
    assert!(corpus.case.iter().all(|c| c.split == "train" || c.split == "validation"));
}

#[test]
fn training_split_recall_and_precision() {
    let counts = evaluate("train", true);
    assert!(counts.recall() >= 0.95, "train recall {:.3}", counts.recall());
    assert!(counts.precision() >= 0.95, "train precision {:.3}", counts.precision());
}

#[test]
fn validation_split_recall_and_precision() {
    let counts = evaluate("validation", false);
    assert!(counts.recall() >= 0.95, "validation recall {:.3}", counts.recall());
    assert!(counts.precision() >= 0.95, "validation precision {:.3}", counts.precision());
}
