//! Who the subject of a clause is, whether a match is negated, and whether it is given as
//! a cause, a fault, a purpose or a reason: judged on the tokens `tokens.rs` reads.

use super::lexicon::{WordSet, Words};
use super::tokens::{Class, Kind, Tok, norm_word};

/// Known names, as lower-case words ("Maria Chen" → maria, chen).
pub(super) struct Names(Vec<String>);

impl Names {
    pub fn new(names: &[String]) -> Names {
        Names(
            names
                .iter()
                .flat_map(|n| n.split_whitespace())
                .map(|w| norm_word(w).into_owned())
                .filter(|w| !w.is_empty())
                .collect(),
        )
    }

    fn contains(&self, lw: &str) -> bool {
        self.0.iter().any(|n| n == lw)
    }
}

/// Looks like a first name: Capitalised, then lower-case letters (Zoë, O'Brien, Mary-Jane).
fn name_shaped(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    let rest = chars.as_str();
    if !first.is_uppercase() || rest.is_empty() {
        return false;
    }
    let mut any_lower = false;
    let mut prev = first;
    for c in rest.chars() {
        let lower = c.is_lowercase();
        // After a hyphen a name starts again with a capital (Mary-Jane); "Auto-renewal" is
        // a noun.
        if !(lower || matches!(c, '\'' | '\u{2019}' | '-')) || (lower && prev == '-') {
            return false;
        }
        any_lower |= lower;
        prev = c;
    }
    any_lower
}

/// Capitalised nouns at the start of a sentence that are things, not people.
fn noun_suffix(lw: &str) -> bool {
    const SUFFIXES: [&str; 16] = [
        "ion", "ing", "ment", "ness", "ity", "ance", "ence", "ure", "ics", "ogy", "age", "ism",
        "ery", "ship", "ware", "ure",
    ];
    SUFFIXES.iter().any(|s| lw.len() > s.len() + 2 && lw.ends_with(s))
}

fn is_skip(words: &Words, lw: &str, raw: &str) -> bool {
    if words.skip.contains(lw) || lw.ends_with("n't") {
        return true;
    }
    // -ly adverbs: "accidentally", "Apparently" (but not Emily, Kelly, Holly).
    let adverb = lw.len() > 4 && lw.ends_with("ly");
    adverb && (raw.starts_with(|c: char| c.is_lowercase()) || raw.chars().count() >= 7)
}

pub(super) struct Judge<'w> {
    pub words: &'w Words,
    pub names: &'w Names,
    /// Take a capitalised word of the right shape for a first name ("Maria forgot"). Off
    /// for short answers, whose first word is as often a product ("Dev", "Kafka").
    pub shape_names: bool,
}

/// Prepositions that join a person to the place or team they belong to: "engineers at
/// the startup", "the engineer on duty".
const BELONGS: [&str; 6] = ["on", "at", "in", "from", "of", "with"];

impl Judge<'_> {
    /// Classifies a word when the lists say something about it; `None` for other words.
    /// `prev` is the word before it in the text; `initial` is true at a sentence start.
    fn known(&self, raw: &str, prev: Option<&str>, initial: bool) -> Option<Class> {
        let lw = norm_word(raw);
        let w = self.words;
        if self.names.contains(&lw) {
            return Some(Class::Person);
        }
        if w.function.contains(&*lw) {
            return None;
        }
        if w.me.contains(&*lw) {
            return Some(Class::Me);
        }
        if w.we.contains(&*lw) {
            return Some(Class::We);
        }
        let prev = prev.map(norm_word);
        if lw == "one" && prev.as_deref() == Some("no") {
            return Some(Class::We);
        }
        if w.person.contains(&*lw) {
            let ours = matches!(prev.as_deref(), Some("our" | "my" | "we"));
            return Some(if ours { Class::We } else { Class::Person });
        }
        if raw.len() == 1 && raw.chars().all(|c| c.is_ascii_uppercase()) {
            let after_role = prev.as_deref().is_some_and(|p| w.person.contains(p));
            return Some(if after_role { Class::Person } else { Class::System });
        }
        if w.system.contains(&*lw) {
            return Some(Class::System);
        }
        if self.shape_names && name_shaped(raw) {
            if initial && noun_suffix(&lw) {
                return Some(Class::System);
            }
            return Some(Class::Person);
        }
        None
    }

    /// The subject of the clause that ends at the match: the nearest word before it once
    /// auxiliaries, adverbs and commas are skipped. A coordinator ("… and forgot") means the
    /// subject is shared with the clause before; a subordinator means there is none.
    /// `look_further`: when the nearest word is a thing, look for a person it stands for (a
    /// short relative clause, "engineers at the startup") — only worth it when a thing as
    /// the subject would give no finding.
    pub fn subject_before(&self, toks: &[Tok], look_further: bool) -> Class {
        let mut i = 0;
        while let Some(t) = toks.get(i) {
            match t.kind {
                Kind::Edge | Kind::Stop | Kind::Break | Kind::Open => return Class::Nothing,
                Kind::Comma | Kind::Other => i += 1,
                Kind::Close => {
                    while toks.get(i).is_some_and(|t| t.kind != Kind::Open) {
                        i += 1;
                    }
                    i += 1;
                }
                Kind::Word => {
                    let lw = norm_word(t.text);
                    if self.names.contains(&lw) {
                        return Class::Person;
                    }
                    if lw == "to" {
                        // "decided to ignore": the verb before "to" is not the subject.
                        i += 2;
                        continue;
                    }
                    if is_skip(self.words, &lw, t.text) {
                        i += 1;
                        continue;
                    }
                    if self.words.coordinator.contains(&*lw) {
                        return self.shared_subject(&toks[i + 1..]);
                    }
                    if lw == "who" {
                        return self.antecedent(&toks[i + 1..]);
                    }
                    if self.words.boundary.contains(&*lw) {
                        return Class::Nothing;
                    }
                    let prev = word_at(toks, i + 1);
                    let initial = sentence_start(toks, i + 1);
                    return match self.known(t.text, prev, initial) {
                        Some(Class::System) | None
                            if look_further && self.relative_person(&toks[i..]) =>
                        {
                            Class::Person
                        }
                        Some(class) => class,
                        None if look_further && self.belongs_to_person(&toks[i + 1..]) => {
                            Class::Person
                        }
                        None => Class::System,
                    };
                }
            }
        }
        Class::Nothing
    }

    /// "… a developer who didn't understand": a relative "who" stands for the person just
    /// before it ("no one who" is the organisation). Anything else — "asked who broke it" —
    /// starts a clause with no subject.
    fn antecedent(&self, toks: &[Tok]) -> Class {
        let Some(t) = toks.first().filter(|t| t.kind == Kind::Word) else { return Class::Nothing };
        match self.known(t.text, word_at(toks, 1), false) {
            Some(class @ (Class::Person | Class::We | Class::Me)) => class,
            _ => Class::Nothing,
        }
    }

    /// "The SRE who approved the change never looked…": the nearest noun ends a short
    /// relative clause ("who" and at most four words) about a person, who is the subject.
    fn relative_person(&self, toks: &[Tok]) -> bool {
        for (i, t) in toks.iter().enumerate().take(5) {
            if t.kind != Kind::Word {
                return false;
            }
            if norm_word(t.text) == "who" {
                let owner = word_at(toks, i + 1).map(norm_word);
                return owner
                    .is_some_and(|o| self.words.person.contains(&*o) || self.names.contains(&o));
            }
        }
        false
    }

    /// "Engineers at the startup ignored…", "the engineer on duty ignored…": an unknown noun
    /// joined by a preposition to a person word before it stands for that person.
    fn belongs_to_person(&self, toks: &[Tok]) -> bool {
        for (i, t) in toks.iter().enumerate().take(5) {
            if t.kind != Kind::Word {
                return false;
            }
            let lw = norm_word(t.text);
            if BELONGS.contains(&&*lw) {
                let owner = word_at(toks, i + 1).map(norm_word);
                return owner
                    .is_some_and(|o| self.words.person.contains(&*o) || self.names.contains(&o));
            }
            let listed = self.known(t.text, word_at(toks, i + 1), false).is_some();
            if listed && !self.words.function.contains(&*lw) {
                return false;
            }
        }
        false
    }

    /// The subject of the clause before a coordinator: the first listed word of its last
    /// comma-separated part ("After the deploy, Bob restarted it and forgot" → Bob), or of
    /// the whole clause.
    fn shared_subject(&self, toks: &[Tok]) -> Class {
        let mut best = None;
        for (i, t) in toks.iter().enumerate() {
            match t.kind {
                Kind::Edge | Kind::Stop | Kind::Break | Kind::Open => break,
                Kind::Comma if best.is_some() => break,
                Kind::Word => {
                    let lw = norm_word(t.text);
                    if self.words.boundary.contains(&*lw) {
                        break;
                    }
                    let found =
                        self.known(t.text, word_at(toks, i + 1), sentence_start(toks, i + 1));
                    if found.is_some() {
                        best = found;
                    }
                }
                _ => {}
            }
        }
        best.unwrap_or(Class::Nothing)
    }

    /// For sentence adverbs ("Clearly, the operator …"): the first listed word after the
    /// match, within a few words.
    pub fn subject_after(&self, toks: &[Tok]) -> Class {
        let mut prev: Option<&str> = None;
        for t in toks.iter().take(8) {
            match t.kind {
                Kind::Edge | Kind::Stop | Kind::Break => break,
                Kind::Word => {
                    let lw = norm_word(t.text);
                    if self.words.boundary.contains(&*lw) && prev.is_some() {
                        break;
                    }
                    if let Some(class) = self.known(t.text, prev, false) {
                        return class;
                    }
                    prev = Some(t.text);
                }
                _ => {}
            }
        }
        Class::Nothing
    }

    /// The agent after "… by": the head of the noun phrase, its last listed word ("by the
    /// release team" is the team; "by the engineer's script" is the script).
    pub fn agent_after(&self, toks: &[Tok]) -> Class {
        let mut found = Class::Nothing;
        let mut prev: Option<&str> = None;
        for t in toks.iter().take(8) {
            if t.kind != Kind::Word {
                if found != Class::Nothing || !matches!(t.kind, Kind::Other) {
                    break;
                }
                continue;
            }
            let lw = norm_word(t.text);
            let article = matches!(&*lw, "the" | "a" | "an" | "one" | "our" | "their" | "its");
            if !article
                && (self.words.function.contains(&*lw) || self.words.boundary.contains(&*lw))
            {
                break;
            }
            match self.known(t.text, prev, false) {
                Some(class) => found = class,
                // A word the lists do not know after the head ("… engineer *left* the alert
                // muted") ends the noun phrase.
                None if found != Class::Nothing && !article => break,
                None => {}
            }
            prev = Some(t.text);
        }
        found
    }

    /// A negation shortly before the match, in the same clause: "nobody was careless",
    /// "not because anyone was careless", "rather than human error".
    pub fn negated(&self, toks: &[Tok]) -> bool {
        let mut words = 0;
        for (i, t) in toks.iter().enumerate() {
            match t.kind {
                Kind::Word => {
                    let lw = norm_word(t.text);
                    if self.words.negation.contains(&*lw) || lw.ends_with("n't") {
                        return true;
                    }
                    if self.words.coordinator.contains(&*lw) {
                        return false;
                    }
                    if self.words.boundary.contains(&*lw) {
                        let next = word_at(toks, i + 1).map(norm_word);
                        return next.is_some_and(|n| {
                            self.words.negation.contains(&*n) || n.ends_with("n't")
                        });
                    }
                    words += 1;
                    if words >= 6 {
                        return false;
                    }
                }
                Kind::Other | Kind::Close => {}
                _ => return false,
            }
        }
        false
    }

    /// Is the match given as an explanation? A cause word earlier in the sentence
    /// ("because he was tired") or a consequence after it ("… which is why", "… and missed").
    pub fn given_as_cause(&self, before: &[Tok], after: &[Tok]) -> bool {
        let has = |toks: &[Tok], set: &WordSet| {
            toks.iter().any(|t| t.kind == Kind::Word && set.contains(&*norm_word(t.text)))
        };
        has(before, &self.words.cause_before) || has(after, &self.words.cause_after)
    }

    /// The act is passive: a form of "be" just before the match ("was never paged").
    pub fn passive(&self, before: &[Tok]) -> bool {
        before
            .iter()
            .find(|t| t.kind == Kind::Word && !is_skip_adverb(t.text))
            .is_some_and(|t| self.words.passive.contains(&*norm_word(t.text)))
    }

    /// The sentence puts a fault in the act: a fault word in the clause before it or in the
    /// sentence after it, or a harmful result after it — and no word that places the fault
    /// in the conditions ("as the runbook described").
    pub fn fault(&self, before: &[Tok], after: &[Tok]) -> bool {
        let has = |toks: &[Tok], set: &WordSet| {
            toks.iter().any(|t| t.kind == Kind::Word && set.contains(&*norm_word(t.text)))
        };
        let w = self.words;
        let excused = has(before, &w.exculpate) || has(after, &w.exculpate);
        !excused && (has(before, &w.fault) || has(after, &w.fault) || has(after, &w.harm))
    }

    /// The act is done for a purpose of the response: "… to unblock the workers".
    pub fn purpose(&self, after: &[Tok]) -> bool {
        let words: Vec<_> =
            after.iter().filter(|t| t.kind == Kind::Word).map(|t| norm_word(t.text)).collect();
        words.windows(2).any(|w| w[0] == "to" && self.words.purpose.contains(&*w[1]))
    }

    /// A reason follows in the sentence: "… since the replica was still catching up".
    pub fn reason(&self, after: &[Tok]) -> bool {
        after
            .iter()
            .any(|t| t.kind == Kind::Word && self.words.reason.contains(&*norm_word(t.text)))
    }

    /// The duty right after the match ("*tested*", "*rolled* back"), if it is one.
    pub fn duty<'a>(&self, after: &[Tok<'a>]) -> Option<&'a str> {
        let t = after.first().filter(|t| t.kind == Kind::Word)?;
        self.words.duties.contains(&*norm_word(t.text)).then_some(t.text)
    }

    /// The act after an omission ("did not *run*", "never *properly tested*"): how many
    /// tokens it takes, or `None` when what follows is not an act someone judged undone.
    pub fn omitted_act(&self, after: &[Tok]) -> Option<usize> {
        for (i, t) in after.iter().enumerate().take(3) {
            if t.kind != Kind::Word {
                return None;
            }
            let lw = norm_word(t.text);
            if is_skip_adverb(t.text) {
                continue;
            }
            let w = self.words;
            let not_an_act = w.not_acts.contains(&*lw)
                || w.passive.contains(&*lw)
                || w.skip.contains(&*lw)
                || w.function.contains(&*lw)
                || w.boundary.contains(&*lw)
                || w.coordinator.contains(&*lw);
            return (!not_an_act).then_some(i + 1);
        }
        None
    }
}

/// A lower-case -ly adverb between words: "never *properly* tested".
fn is_skip_adverb(raw: &str) -> bool {
    raw.len() > 4 && raw.ends_with("ly") && raw.starts_with(|c: char| c.is_lowercase())
}

fn word_at<'a>(toks: &[Tok<'a>], i: usize) -> Option<&'a str> {
    toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.text)
}

/// Nothing but punctuation that opens a sentence lies between `i` and the sentence start.
fn sentence_start(toks: &[Tok], i: usize) -> bool {
    toks.get(i..)
        .unwrap_or_default()
        .iter()
        .find(|t| t.kind != Kind::Other)
        .is_none_or(|t| matches!(t.kind, Kind::Edge | Kind::Stop | Kind::Break | Kind::Open))
}
