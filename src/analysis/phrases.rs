//! The phrase lists of `assets/action_checks.toml`, and matching them as whole words in a
//! text: lower-cased words, `*` at the end of a word for any ending, `*` alone for any word.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::analysis::language::WordBuild;

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
    // Every action is split into words by each of its checks: no copy of a text that has no
    // curly apostrophe, and ASCII words lower-cased without Unicode's tables.
    let text = if text.contains('’') {
        Cow::Owned(text.replace('’', "'"))
    } else {
        Cow::Borrowed(text)
    };
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '%' | '_')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '-' | '\'' | '_')))
        .filter(|w| !w.is_empty())
        .map(|w| if w.is_ascii() { w.to_ascii_lowercase() } else { w.to_lowercase() })
        .collect()
}

/// A count: a word that starts with a digit ("3", "1%", "90s").
pub fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A list of phrases as a trie of words, walked once from a start position: the checks
/// run on every keystroke and on every action of a folder of reviews.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct PhraseList {
    /// Each phrase as written, by its place in the list.
    texts: Vec<String>,
    /// Node 0 is the root; a node's children are reached by one word each.
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    /// Children by a whole word, lower-cased.
    // The linter's word hash: a lookup per word of every action is most of a check.
    words: HashMap<String, u32, WordBuild>,
    /// Children by the start of a word (`retrain*`).
    stems: Vec<(String, u32)>,
    /// The child reached by any word (`*`).
    any: Option<u32>,
    /// The phrase that ends here and wins a tie (see [`Rank`]).
    ends: Option<Rank>,
}

/// Which of two phrases of the same length found at the same place is reported: one that
/// starts with a wildcard over one that starts with a word, then the later in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    wild_first: bool,
    index: u32,
}

impl Default for PhraseList {
    fn default() -> Self {
        PhraseList { texts: Vec::new(), nodes: vec![Node::default()] }
    }
}

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
            let Some(first) = pats.first() else { continue };
            let rank =
                Rank { wild_first: !matches!(first, Pat::Word(_)), index: out.texts.len() as u32 };
            let mut node = 0;
            for pat in pats {
                node = out.child(node, pat);
            }
            let ends = &mut out.nodes[node as usize].ends;
            *ends = (*ends).max(Some(rank));
            out.texts.push(text);
        }
        out
    }
}

impl PhraseList {
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The longest phrase that starts exactly at `at`: its length and text.
    pub fn starting_at(&self, words: &[String], at: usize) -> Option<(usize, &str)> {
        let rest = words.get(at..).filter(|rest| !rest.is_empty())?;
        let mut best = None;
        self.walk(0, rest, 0, &mut best);
        best.map(|(len, rank)| (len, self.texts[rank.index as usize].as_str()))
    }

    /// Every phrase that matches `rest` from node `node`, `depth` words in: the best in
    /// `best` by length, then by rank.
    fn walk(&self, node: u32, rest: &[String], depth: usize, best: &mut Option<(usize, Rank)>) {
        let node = &self.nodes[node as usize];
        if let Some(rank) = node.ends {
            *best = (*best).max(Some((depth, rank)));
        }
        let Some(word) = rest.get(depth) else { return };
        if let Some(&child) = node.words.get(word.as_str()) {
            self.walk(child, rest, depth + 1, best);
        }
        for (stem, child) in &node.stems {
            if word.starts_with(stem.as_str()) {
                self.walk(*child, rest, depth + 1, best);
            }
        }
        if let Some(child) = node.any {
            self.walk(child, rest, depth + 1, best);
        }
    }

    /// The child of `node` reached by `pat`, made if there is none yet.
    fn child(&mut self, node: u32, pat: Pat) -> u32 {
        let next = self.nodes.len() as u32;
        let parent = &mut self.nodes[node as usize];
        let child = match pat {
            Pat::Word(w) => *parent.words.entry(w).or_insert(next),
            Pat::Prefix(stem) => match parent.stems.iter().find(|(s, _)| *s == stem) {
                Some(&(_, child)) => child,
                None => {
                    parent.stems.push((stem, next));
                    next
                }
            },
            Pat::Any => *parent.any.get_or_insert(next),
        };
        if child == next {
            self.nodes.push(Node::default());
        }
        child
    }
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

    /// Every phrase tried one after another, as the lists were matched before the trie:
    /// the longest wins, and of equal ones the last of those starting with a word, or the
    /// last of those starting with a wildcard if any does.
    fn one_by_one<'l>(phrases: &'l [String], w: &[String], at: usize) -> Option<(usize, &'l str)> {
        let fits = |p: &str, word: &String| match p.strip_suffix('*') {
            _ if p == "*" => true,
            Some(stem) => word.starts_with(&stem.to_lowercase()),
            None => *word == p.to_lowercase(),
        };
        let matching = |p: &'l String| {
            let pats: Vec<&str> = p.split_whitespace().collect();
            let ok = !pats.is_empty()
                && pats.iter().enumerate().all(|(n, q)| w.get(at + n).is_some_and(|x| fits(q, x)));
            ok.then_some((pats.len(), p.as_str()))
        };
        let wild = |p: &String| p.split_whitespace().next().is_some_and(|f| f.ends_with('*'));
        let exact = phrases.iter().filter(|p| !wild(p)).filter_map(matching);
        exact.chain(phrases.iter().filter(|p| wild(p)).filter_map(matching)).max_by_key(|m| m.0)
    }

    #[test]
    fn ties_go_to_a_wildcard_start_then_to_the_later_phrase() {
        let w = words("held them accountable");
        let list = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for phrases in [
            list(&["held * accountable", "held them accountable"]),
            list(&["held them accountable", "held * accountable"]),
            list(&["* them accountable", "held them accountable"]),
            list(&["held them accountable", "hel* them accountable", "Held them"]),
        ] {
            let trie = PhraseList::from(phrases.clone());
            assert_eq!(trie.starting_at(&w, 0), one_by_one(&phrases, &w, 0), "{phrases:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_trie_finds_what_trying_each_phrase_finds(
            phrases in proptest::collection::vec("(a|b|ab|ba|a\\*|b\\*|\\*|A)( (a|b|ab|a\\*|\\*)){0,3}", 0..12),
            text in "((a|b|ab|ba|bb|aab) ){0,8}",
        ) {
            let w = words(&text);
            let trie = PhraseList::from(phrases.clone());
            for at in 0..=w.len() {
                proptest::prop_assert_eq!(trie.starting_at(&w, at), one_by_one(&phrases, &w, at));
            }
        }
    }
}
