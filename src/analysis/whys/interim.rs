//! INTERIM matcher for wrong turns, until the language linter lands: a short table of
//! phrases that put a person's attributes where a system condition should be. The
//! linter's person-focused categories replace this file; `wrong_turn` keeps its signature.

use std::sync::LazyLock;

use super::{Focus, WrongTurn};

/// One phrase: slots separated by spaces. In a slot, `a|b` are alternatives, a trailing
/// `*` matches a word's start, a trailing `?` makes the slot optional, `~N` skips up to N
/// words, and `'s` matches any possessive word.
struct Phrase {
    focus: Focus,
    slots: &'static str,
    /// Matches only when the answer also names a person: the word is ambiguous
    /// ("the connection pool was exhausted" is a fine answer).
    needs_person: bool,
}

const fn p(focus: Focus, slots: &'static str) -> Phrase {
    Phrase { focus, slots, needs_person: false }
}

const fn gated(focus: Focus, slots: &'static str) -> Phrase {
    Phrase { focus, slots, needs_person: true }
}

use Focus::{
    CharacterAttribution as Attr, Counterfactual as Cf, HumanErrorCause as Err,
    KnowledgeDeficit as Know,
};

const PHRASES: &[Phrase] = &[
    p(Cf, "should not? have"),
    p(Cf, "ought to have"),
    p(Cf, "if only"),
    p(Err, "human error*|mistake*|failure|slip*"),
    p(Err, "operator|user|pilot|engineer|developer|programmer|people|personnel error|errors"),
    p(Err, "mistake*|error|errors|blunder* by"),
    p(Err, "made|make|makes|making ~1 mistake*|error|errors|blunder*"),
    p(Err, "fat-finger*|fatfinger*"),
    p(Err, "fat finger*"),
    p(Err, "their|his|her|my|our|your mistake*|fault|error|errors|blunder*"),
    p(Err, "'s fault|mistake*|error|blunder*"),
    p(Err, "at fault"),
    p(Err, "fault of"),
    p(Err, "blame|blamed|to-blame"),
    p(Know, "did|does|do|had not ~1 know|known|realise|realize|realised|realized"),
    p(Know, "forgot|forget|forgets|forgetting"),
    gated(Know, "forgotten"),
    p(Know, "was|were|is|are|been not ~1 aware"),
    gated(Know, "unaware"),
    gated(Know, "did|does|do not ~1 notice|understand|read|check|bother"),
    gated(Know, "lack|lacked|lacking|lacks ~2 knowledge|experience|training|skill|skills"),
    gated(Know, "needs|need|needed|requires ~1 training|retraining|coaching"),
    gated(Know, "untrained|misread|misunderstood|misremembered"),
    gated(Know, "not ~1 trained"),
    p(Attr, "careless*"),
    p(Attr, "not|no|more|less ~2 careful|carefully|attentive|vigilant|diligent"),
    p(Attr, "rushed|rushing|hurried|hastily|hasty"),
    p(Attr, "in a hurry|rush"),
    p(Attr, "tired|tiredness|fatigued|sleepy|sleep-deprived|drowsy"),
    gated(Attr, "exhausted|distracted|stressed|overwhelmed|ignored"),
    p(Attr, "lazy|laziness|sloppy|sloppily|sloppiness|negligen*|incompeten*|inexperience*"),
    p(Attr, "complacen*|reckless*|inattenti*"),
    p(Attr, "not ~1 paying|pay|paid attention"),
    p(Attr, "paid|pay|paying no attention"),
    p(Attr, "poor|bad|lapse ~1 judgement|judgment|concentration|attention"),
    gated(Attr, "failed|fail|fails to ~1 notice|check|follow|verify|read|test|pay"),
];

/// Words that mean the answer is about a person (besides the participants' names).
const PERSON_WORDS: &[&str] = &[
    "he",
    "she",
    "they",
    "them",
    "him",
    "her",
    "his",
    "their",
    "i",
    "we",
    "you",
    "someone",
    "somebody",
    "anyone",
    "engineer",
    "engineers",
    "on-call",
    "oncall",
    "responder",
    "responders",
    "operator",
    "operators",
    "developer",
    "developers",
    "sre",
    "sres",
    "admin",
    "admins",
    "administrator",
    "person",
    "people",
    "team",
    "staff",
    "employee",
    "employees",
    "reviewer",
    "author",
    "manager",
    "human",
    "individual",
    "colleague",
    "contractor",
    "intern",
];

struct Token {
    word: String,
    start: usize,
    end: usize,
}

/// A phrase read once into slots, so matching allocates nothing.
struct Compiled {
    focus: Focus,
    needs_person: bool,
    slots: Vec<Slot>,
}

enum Slot {
    /// One of these words; `true` marks a word start (`careless*`).
    Word(Vec<(&'static str, bool)>),
    Optional(Vec<(&'static str, bool)>),
    Skip(usize),
}

static COMPILED: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    PHRASES
        .iter()
        .map(|p| Compiled {
            focus: p.focus,
            needs_person: p.needs_person,
            slots: p.slots.split(' ').map(slot).collect(),
        })
        .collect()
});

fn slot(text: &'static str) -> Slot {
    if let Some(n) = text.strip_prefix('~') {
        return Slot::Skip(n.parse().unwrap_or(0));
    }
    let words = |t: &'static str| -> Vec<(&'static str, bool)> {
        t.split('|').map(|w| w.strip_suffix('*').map_or((w, false), |stem| (stem, true))).collect()
    };
    match text.strip_suffix('?') {
        Some(t) => Slot::Optional(words(t)),
        None => Slot::Word(words(text)),
    }
}

pub fn find(text: &str, known_names: &[String]) -> Option<WrongTurn> {
    let tokens = tokens(text);
    let person = tokens.iter().any(|t| {
        let bare = t.word.trim_end_matches("'s");
        PERSON_WORDS.contains(&bare)
            || known_names.iter().any(|n| {
                n.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.chars().count() > 1 && w.to_lowercase() == bare)
            })
    });
    for i in 0..tokens.len() {
        for phrase in COMPILED.iter().filter(|p| person || !p.needs_person) {
            if let Some(end) = match_at(&tokens, i, &phrase.slots).filter(|end| *end > i) {
                let (start, stop) = (tokens[i].start, tokens[end - 1].end);
                return Some(WrongTurn {
                    focus: phrase.focus,
                    matched: text[start..stop].to_string(),
                    start,
                    end: stop,
                });
            }
        }
    }
    None
}

/// Where the phrase ends (one past its last token) when it matches from token `i`.
fn match_at(tokens: &[Token], i: usize, slots: &[Slot]) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else { return Some(i) };
    match slot {
        Slot::Skip(n) => (0..=*n)
            .filter(|skip| i + skip <= tokens.len())
            .find_map(|skip| match_at(tokens, i + skip, rest)),
        Slot::Optional(words) => tokens
            .get(i)
            .filter(|t| any_word(&t.word, words))
            .and_then(|_| match_at(tokens, i + 1, rest))
            .or_else(|| match_at(tokens, i, rest)),
        Slot::Word(words) => {
            let token = tokens.get(i)?;
            any_word(&token.word, words).then_some(())?;
            match_at(tokens, i + 1, rest)
        }
    }
}

fn any_word(word: &str, words: &[(&str, bool)]) -> bool {
    words.iter().any(|(w, prefix)| match (*w, prefix) {
        ("'s", _) => word.len() > 2 && word.ends_with("'s"),
        (stem, true) => word.starts_with(stem),
        (exact, false) => word == exact,
    })
}

/// Lower-cased words with their byte spans; "didn't" becomes "did" "not" and "should've"
/// "should" "have", both spanning the written word.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, is_word(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                push_word(&mut out, &text[s..i], s, i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn push_word(out: &mut Vec<Token>, raw: &str, start: usize, end: usize) {
    let word = raw.to_lowercase().replace('’', "'");
    let word = word.trim_matches(|c| c == '\'' || c == '-');
    let mut push = |w: &str| out.push(Token { word: w.to_string(), start, end });
    if let Some(stem) = word.strip_suffix("n't") {
        push(match stem {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            other => other,
        });
        push("not");
    } else if let Some(stem) = word.strip_suffix("'ve") {
        push(stem);
        push("have");
    } else if !word.is_empty() {
        push(word);
    }
}
