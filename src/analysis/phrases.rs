//! The phrase lists of `assets/action_checks.toml`, and matching them as whole words in a
//! text: lower-cased words, `*` at the end of a word for any ending, `*` alone for any word.

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
    pub filler: Vec<String>,
    pub change_verbs: Vec<String>,
    pub vague: Vec<VagueShape>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueShape {
    pub phrases: Vec<String>,
    pub suggestion: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MeasurableLists {
    pub vague_quantities: Vec<String>,
    pub direction_verbs: Vec<String>,
    pub inquiry_verbs: Vec<String>,
    pub deliverables: Vec<String>,
    pub checkables: Vec<String>,
    pub number_words: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AssignableLists {
    pub placeholders: Vec<String>,
    pub group_words: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RealisticLists {
    pub unbounded_scope: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SystemicLists {
    pub vigilance: Vec<String>,
    pub person_fix: Vec<String>,
    pub manual_checks: Vec<String>,
    pub person_words: Vec<String>,
    pub person_modals: Vec<String>,
    pub person_object_verbs: Vec<String>,
    pub mechanisms: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StrengthLists {
    pub eliminate: Vec<String>,
    pub guard: Vec<String>,
    pub tooling: Vec<String>,
    pub procedure: Vec<String>,
    pub training: Vec<String>,
    pub vigilance: Vec<String>,
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

/// Whether the phrase `pattern` matches the words starting at `at`; returns its length.
pub fn matches_at(pattern: &str, words: &[String], at: usize) -> Option<usize> {
    let parts: Vec<&str> = pattern.split_whitespace().collect();
    if parts.is_empty() || at + parts.len() > words.len() {
        return None;
    }
    let all = parts.iter().zip(&words[at..]).all(|(p, w)| word_matches(p, w));
    all.then_some(parts.len())
}

fn word_matches(pattern: &str, word: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => pattern == word,
    }
}

/// The first phrase of `list` found anywhere in `words`: (position, length, phrase).
pub fn find<'l>(list: &'l [String], words: &[String]) -> Option<(usize, usize, &'l str)> {
    (0..words.len()).find_map(|at| starting_at(list, words, at).map(|(len, p)| (at, len, p)))
}

/// The longest phrase of `list` that starts exactly at `at`.
pub fn starting_at<'l>(
    list: &'l [String],
    words: &[String],
    at: usize,
) -> Option<(usize, &'l str)> {
    list.iter()
        .filter_map(|p| matches_at(p, words, at).map(|len| (len, p.as_str())))
        .max_by_key(|(len, _)| *len)
}

/// Whether any phrase of `list` occurs in `words`.
pub fn contains(list: &[String], words: &[String]) -> bool {
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
            &sp.change_verbs,
            &m.vague_quantities,
            &m.direction_verbs,
            &m.inquiry_verbs,
            &m.deliverables,
            &m.checkables,
            &m.number_words,
            &lists.assignable.placeholders,
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
            &lists.recurrence.stopwords,
        ] {
            assert!(!list.is_empty());
        }
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
        assert_eq!(matches_at("retrain*", &w, 3), Some(1));
        assert_eq!(find(&["held * accountable".to_string()], &w).map(|f| f.0), Some(5));
        assert_eq!(find(&["train".to_string()], &w), None, "whole words only");
    }
}
