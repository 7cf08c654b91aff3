//! The phrase lists of `assets/action_checks.toml`, and matching them as whole words in a
//! text: lower-cased words, `*` at the end of a word for any ending, `*` alone for any word.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/action_checks.toml");

/// The asset as written: one table per criterion, then strength and recurrence.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Lists {
    pub specific: SpecificLists,
    pub measurable: MeasurableLists,
    pub assignable: AssignableLists,
    pub realistic: RealisticLists,
    pub systemic: SystemicLists,
    pub strength: StrengthLists,
    pub recurrence: RecurrenceLists,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpecificLists {
    pub filler: PhraseList,
    pub auxiliaries: PhraseList,
    pub non_verbs: PhraseList,
    pub change_verbs: PhraseList,
    pub vague_changes: PhraseList,
    pub specifiers: PhraseList,
    pub person_directed: PhraseList,
    pub aspiration_verbs: PhraseList,
    pub comparatives: PhraseList,
    pub vague: Vec<VagueShape>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueShape {
    pub phrases: PhraseList,
    pub suggestion: String,
    /// What the shape means for Measurable: "fail" (nothing will exist), "warn" (nothing to
    /// check), "inquiry" (fails without a deliverable), "direction" (fails without a
    /// number); absent: judged on the rest of the wording ("Ensure backups are tested").
    #[serde(default)]
    pub measurable: Option<ShapeMeasure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShapeMeasure {
    Fail,
    Warn,
    Inquiry,
    Direction,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MeasurableLists {
    pub vague_quantities: PhraseList,
    pub direction_verbs: PhraseList,
    pub inquiry_verbs: PhraseList,
    pub deliverables: PhraseList,
    pub checkables: PhraseList,
    pub number_words: PhraseList,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AssignableLists {
    pub placeholders: Vec<String>,
    pub generic_teams: Vec<String>,
    pub group_words: PhraseList,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RealisticLists {
    pub unbounded_scope: PhraseList,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SystemicLists {
    pub vigilance: PhraseList,
    pub person_fix: PhraseList,
    pub manual_checks: PhraseList,
    pub person_words: PhraseList,
    pub person_modals: PhraseList,
    pub person_object_verbs: PhraseList,
    pub mechanisms: PhraseList,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StrengthLists {
    pub eliminate: PhraseList,
    pub guard: PhraseList,
    pub tooling: PhraseList,
    pub procedure: PhraseList,
    pub training: PhraseList,
    pub vigilance: PhraseList,
    pub confirmation: PhraseList,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecurrenceLists {
    pub stopwords: Vec<String>,
}

/// The asset, parsed once. A broken asset gives empty lists (a test keeps it whole).
pub static LISTS: LazyLock<Lists> = LazyLock::new(|| parse().unwrap_or_default());

/// The asset parsed, or why it cannot be.
pub fn parse() -> Result<Lists, toml::de::Error> {
    toml::from_str(ASSET)
}

/// The words of a text, lower-cased: letters, digits and the marks inside words
/// (`pre-deploy`, `don't`, `1%`). Curly apostrophes read as straight ones.
pub fn words(text: &str) -> Vec<String> {
    let text = text.replace('’', "'");
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '%' | '_')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '-' | '\'' | '_')))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A count: a word that starts with a digit ("3", "1%", "90s").
pub fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A list of phrases, indexed by first word so a lookup tries only the phrases that can
/// start at a word: the checks run on every keystroke.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct PhraseList {
    phrases: Vec<(String, Vec<Pat>)>,
    by_first: HashMap<String, Vec<usize>>,
    /// Phrases whose first word is a wildcard: tried everywhere.
    wild_first: Vec<usize>,
}

#[derive(Debug, Clone)]
enum Pat {
    Word(String),
    Prefix(String),
    Any,
}

impl From<Vec<String>> for PhraseList {
    fn from(list: Vec<String>) -> Self {
        let mut out = PhraseList::default();
        for text in list {
            let pats: Vec<Pat> = text
                .split_whitespace()
                .map(|p| match p.strip_suffix('*') {
                    _ if p == "*" => Pat::Any,
                    Some(stem) => Pat::Prefix(stem.to_lowercase()),
                    None => Pat::Word(p.to_lowercase()),
                })
                .collect();
            let index = out.phrases.len();
            match pats.first() {
                None => continue,
                Some(Pat::Word(w)) => out.by_first.entry(w.clone()).or_default().push(index),
                Some(_) => out.wild_first.push(index),
            }
            out.phrases.push((text, pats));
        }
        out
    }
}

impl PhraseList {
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The longest phrase that starts exactly at `at`: its length and text.
    pub fn starting_at(&self, words: &[String], at: usize) -> Option<(usize, &str)> {
        let first = words.get(at)?;
        let exact = self.by_first.get(first).into_iter().flatten();
        exact
            .chain(&self.wild_first)
            .filter_map(|i| {
                let (text, pats) = &self.phrases[*i];
                matches(pats, words, at).map(|len| (len, text.as_str()))
            })
            .max_by_key(|(len, _)| *len)
    }
}

fn matches(pats: &[Pat], words: &[String], at: usize) -> Option<usize> {
    for (n, pat) in pats.iter().enumerate() {
        let word = words.get(at + n)?;
        let ok = match pat {
            Pat::Word(w) => w == word,
            Pat::Prefix(stem) => word.starts_with(stem.as_str()),
            Pat::Any => true,
        };
        if !ok {
            return None;
        }
    }
    Some(pats.len())
}

/// The first phrase of `list` found anywhere in `words`: (position, length, phrase).
pub fn find<'l>(list: &'l PhraseList, words: &[String]) -> Option<(usize, usize, &'l str)> {
    (0..words.len()).find_map(|at| list.starting_at(words, at).map(|(len, p)| (at, len, p)))
}

/// The longest phrase of `list` that starts exactly at `at`.
pub fn starting_at<'l>(
    list: &'l PhraseList,
    words: &[String],
    at: usize,
) -> Option<(usize, &'l str)> {
    list.starting_at(words, at)
}

/// Whether any phrase of `list` occurs in `words`.
pub fn contains(list: &PhraseList, words: &[String]) -> bool {
    find(list, words).is_some()
}

/// Where the action itself starts: past "we should", "need to", "todo:" and the like.
pub fn skip_filler(words: &[String]) -> usize {
    let mut at = 0;
    while let Some((len, _)) = starting_at(&LISTS.specific.filler, words, at) {
        at += len;
    }
    at
}

/// The words `at..at+len`, joined: what a reason quotes back.
pub fn quote(words: &[String], at: usize, len: usize) -> String {
    words[at..(at + len).min(words.len())].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_parses_and_every_list_has_words() {
        let lists = parse().expect("assets/action_checks.toml parses");
        let (sp, m, sy) = (&lists.specific, &lists.measurable, &lists.systemic);
        assert!(sp.vague.iter().all(|v| !v.phrases.is_empty() && !v.suggestion.is_empty()));
        for list in [
            &sp.filler,
            &sp.auxiliaries,
            &sp.non_verbs,
            &sp.change_verbs,
            &sp.vague_changes,
            &sp.specifiers,
            &sp.person_directed,
            &sp.aspiration_verbs,
            &sp.comparatives,
            &m.vague_quantities,
            &m.direction_verbs,
            &m.inquiry_verbs,
            &m.deliverables,
            &m.checkables,
            &m.number_words,
            &lists.assignable.group_words,
            &lists.realistic.unbounded_scope,
            &sy.vigilance,
            &sy.person_fix,
            &sy.manual_checks,
            &sy.person_words,
            &sy.person_modals,
            &sy.person_object_verbs,
            &sy.mechanisms,
            &lists.strength.eliminate,
            &lists.strength.guard,
            &lists.strength.tooling,
            &lists.strength.procedure,
            &lists.strength.training,
            &lists.strength.vigilance,
            &lists.strength.confirmation,
        ] {
            assert!(!list.is_empty());
        }
        assert!(!lists.assignable.placeholders.is_empty());
        assert!(!lists.assignable.generic_teams.is_empty());
        assert!(!lists.recurrence.stopwords.is_empty());
    }

    #[test]
    fn words_keep_marks_inside_words_and_drop_the_rest() {
        assert_eq!(words("Add a pre-deploy hook (1%)!"), ["add", "a", "pre-deploy", "hook", "1%"]);
        assert_eq!(words("Don’t page—ever"), ["don't", "page", "ever"]);
        assert_eq!(words("all 3,868 rules"), ["all", "3", "868", "rules"]);
    }

    #[test]
    fn phrases_match_whole_words_with_wildcards() {
        let w = words("The engineer was retrained and held fully accountable");
        let list =
            |p: &[&str]| PhraseList::from(p.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(find(&list(&["retrain*"]), &w).map(|f| f.0), Some(3));
        assert_eq!(find(&list(&["held * accountable"]), &w).map(|f| (f.0, f.1)), Some((5, 3)));
        assert_eq!(find(&list(&["train"]), &w), None, "whole words only");
    }
}
