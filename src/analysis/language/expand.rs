//! Phrases as the matcher sees them: `{a|b}` expansion, normalisation, and which rule owns
//! each one. Plain `std`, because `build.rs` compiles the built-in lexicon with it too.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hash for short words: the sets are fixed, lookups are many.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type WordBuild = BuildHasherDefault<WordHasher>;

/// What a pattern of the matcher stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Rule(usize),
    Allow,
}

/// Lower-case (ASCII), straight apostrophes and quotes, single spaces, trimmed.
pub(super) fn normalise_phrase(phrase: &str) -> String {
    // Thousands of phrases are normalised for a lexicon: one pass, one allocation.
    let mut out = String::with_capacity(phrase.len());
    for word in phrase.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            continue;
        }
        out.extend(word.chars().map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
            c => c.to_ascii_lowercase(),
        }));
    }
    out
}

const MAX_EXPANSION: usize = 2000;

/// Expands `{a|b|}` groups and normalises each result. A contraction with "n't" also
/// matches without its apostrophe ("didnt"), as people type in chat.
pub(super) fn expand(phrase: &str) -> Result<Vec<String>, String> {
    if !phrase.contains(['{', '}']) {
        // Most phrases have no alternatives: no copy before the normalised one.
        return checked(vec![normalise_phrase(phrase)]);
    }
    let mut out = vec![String::new()];
    let mut rest = phrase;
    loop {
        let Some(i) = rest.find(['{', '}']) else {
            out.iter_mut().for_each(|o| o.push_str(rest));
            break;
        };
        if rest[i..].starts_with('}') {
            return Err("a `}` without its `{`".to_string());
        }
        let literal = &rest[..i];
        let after = &rest[i + 1..];
        let close = after.find('}').ok_or("a `{` without its `}`")?;
        let group = &after[..close];
        if group.contains('{') {
            return Err("braces cannot nest".to_string());
        }
        let alternatives: Vec<&str> = group.split('|').collect();
        if out.len() * alternatives.len() > MAX_EXPANSION {
            return Err(format!("expands to more than {MAX_EXPANSION} phrases"));
        }
        out = out
            .iter()
            .flat_map(|o| alternatives.iter().map(move |a| format!("{o}{literal}{a}")))
            .collect();
        rest = &after[close + 1..];
    }
    checked(out.iter().map(|o| normalise_phrase(o)).collect())
}

/// The normalised expansions of a phrase, each also without the apostrophe of its "n't";
/// refused when one is empty or too long.
fn checked(out: Vec<String>) -> Result<Vec<String>, String> {
    let mut phrases = Vec::with_capacity(out.len());
    for p in out {
        if p.is_empty() {
            return Err("expands to an empty phrase".to_string());
        }
        if p.len() > 200 {
            return Err("a phrase longer than 200 bytes".to_string());
        }
        let twin = p.contains("n't").then(|| p.replace("n't", "nt"));
        phrases.push(p);
        phrases.extend(twin);
    }
    Ok(phrases)
}

/// A rule's written phrases, expanded, each once, in the order written.
pub(super) fn rule_phrases<S: AsRef<str>>(written: &[S]) -> Result<Vec<String>, String> {
    let mut phrases = Vec::new();
    let mut seen: HashSet<String, WordBuild> =
        HashSet::with_capacity_and_hasher(written.len() * 2, WordBuild::default());
    for phrase in written {
        let phrase = phrase.as_ref();
        let expanded = expand(phrase).map_err(|why| format!("phrase {phrase:?}: {why}"))?;
        for p in expanded {
            if !seen.contains(&p) {
                seen.insert(p.clone());
                phrases.push(p);
            }
        }
    }
    Ok(phrases)
}

/// A phrase matched by two rules: the rule that loses it, the phrase, the rule that keeps it.
pub(super) type Clash<'a> = (usize, &'a str, usize);

/// Every distinct phrase once, with its owner. The first owner of a phrase keeps it:
/// allowed phrases come first, then the rules in order (a user's before the built-in ones),
/// so they win.
pub(super) fn owners<'a, R, P>(
    allow: &'a [P],
    rules: &'a [R],
) -> (Vec<&'a str>, Vec<Target>, Vec<Clash<'a>>)
where
    R: AsRef<[P]>,
    P: AsRef<str> + 'a,
{
    let mut owner: HashMap<&str, Target, WordBuild> =
        HashMap::with_capacity_and_hasher(rules.len() * 16, WordBuild::default());
    let mut patterns: Vec<&str> = Vec::new();
    let mut targets = Vec::new();
    let mut clashes = Vec::new();
    for phrase in allow {
        let phrase = phrase.as_ref();
        if owner.insert(phrase, Target::Allow).is_none() {
            patterns.push(phrase);
            targets.push(Target::Allow);
        }
    }
    for (index, rule) in rules.iter().enumerate() {
        for phrase in rule.as_ref() {
            let phrase = phrase.as_ref();
            match owner.get(phrase) {
                None => {
                    owner.insert(phrase, Target::Rule(index));
                    patterns.push(phrase);
                    targets.push(Target::Rule(index));
                }
                Some(Target::Rule(other)) if *other != index => {
                    clashes.push((index, phrase, *other))
                }
                Some(_) => {}
            }
        }
    }
    (patterns, targets, clashes)
}
