//! The rules as data: `assets/lexicon.toml`, parsed once, plus an optional user lexicon.
//!
//! Loading never panics. Problems in a user lexicon come back as messages naming the line;
//! a rule with a problem is left out and the rest still apply.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::load::Parsed;
pub(super) use super::load::Words;
use super::matcher::Matcher;
use super::{Category, Severity};

pub(super) const BUILTIN: &str = include_str!("../../../assets/lexicon.toml");

static BUILTIN_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let (lexicon, _problems) = Lexicon::from_sources(BUILTIN, None);
    lexicon
});

/// Which subjects a rule cares about; see the header of `assets/lexicon.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Preset {
    Any,
    Person,
    Actor,
    SelfBlame,
    /// The subject is the agent named after the match: "a mistake by the on-call".
    Agent,
}

impl Preset {
    pub(super) fn parse(s: &str) -> Option<Preset> {
        match s {
            "any" => Some(Preset::Any),
            "person" => Some(Preset::Person),
            "actor" => Some(Preset::Actor),
            "self" => Some(Preset::SelfBlame),
            "agent" => Some(Preset::Agent),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Preset::Any => "any",
            Preset::Person => "person",
            Preset::Actor => "actor",
            Preset::SelfBlame => "self",
            Preset::Agent => "agent",
        }
    }
}

/// One rule of the lexicon, with its phrases expanded.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    /// Every phrase the rule matches, lower-case, after `{a|b}` expansion.
    pub phrases: Vec<String>,
    pub message: String,
    pub reframe: String,
    pub(super) preset: Preset,
    pub(super) if_we: Option<Severity>,
    pub(super) if_me: Option<Severity>,
    pub(super) if_system: Option<Severity>,
    pub(super) if_no_subject: Option<Severity>,
    pub(super) subject_after: bool,
    pub(super) negatable: bool,
    pub(super) needs_cause: bool,
    pub(super) if_no_cause: Option<Severity>,
    /// Severity in an answer to "why?", whatever the subject or cause: there a bare human
    /// attribute ("rushed", "tired") is the answer stopping at a person.
    pub(super) in_answers: Option<Severity>,
    /// The match is a negation ("did not", "never") and the word after it is the act not
    /// done; words in `[words] not_acts` and passives ("was never paged") are not findings.
    pub(super) omission: bool,
    /// The word after the match must be in this duty list ("should have been *tested*");
    /// the finding spans it.
    pub(super) duty_next: bool,
    /// Severity when the sentence gives a reason after the match ("did not restart it,
    /// since the replica was catching up").
    pub(super) if_reason: Option<Severity>,
    /// Only at the rule's severity when the sentence puts a fault in the act (a wrong
    /// object, "accidentally", a harmful result) and nothing places it in the conditions.
    pub(super) needs_fault: bool,
    pub(super) if_no_fault: Option<Severity>,
    /// Severity when the act is done to mitigate ("… to unblock the workers").
    pub(super) if_purpose: Option<Severity>,
    /// Whether a finding of this rule says the text is about a person (see
    /// [`super::person_focus`]).
    pub about_person: bool,
}

impl Rule {
    /// The subject constraint as written in the lexicon: any, person, actor or self.
    pub fn subject(&self) -> &'static str {
        self.preset.as_str()
    }

    /// A negation whose finding takes in the act after it ("did not" + "run").
    pub fn is_omission(&self) -> bool {
        self.omission
    }

    /// The finding takes in a word after the phrase: an omission's act, or a duty.
    pub fn takes_next_word(&self) -> bool {
        self.omission || self.duty_next
    }

    /// Flags only when the sentence puts a fault in the act.
    pub fn needs_fault(&self) -> bool {
        self.needs_fault
    }
}

/// A small multiplicative hash for short words: the sets are fixed, lookups are many.
#[derive(Default)]
pub(super) struct WordHasher(u64);

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

pub(super) type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target {
    Rule(usize),
    Allow,
}

/// The rules, the allowed phrases, the subject word lists and one automaton over every
/// phrase.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(super) rules: Vec<Rule>,
    pub(super) allow: Vec<String>,
    pub(super) words: Words,
    pub(super) targets: Vec<Target>,
    /// `None` only if the phrases could not be compiled (reported when loading).
    pub(super) matcher: Option<Matcher>,
}

impl Lexicon {
    /// The built-in lexicon (`assets/lexicon.toml`), parsed on first use.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN_LEXICON
    }

    /// The built-in lexicon with a user's lexicon on top: its rules are added (a rule with a
    /// built-in id replaces it), `disable` switches rules off by id and its `[words]` extend
    /// the built-in lists. Problems come back as messages naming the line; a broken file
    /// leaves the built-in lexicon as it is.
    pub fn with_user(user_toml: &str) -> (Lexicon, Vec<String>) {
        let mut messages = Vec::new();
        match Parsed::read(user_toml, &mut messages) {
            // Nothing to add (an empty file, only comments): no need to compile again.
            Some(user) if user.is_empty() => (Lexicon::builtin().clone(), messages),
            None => {
                messages.push("the user lexicon was not applied".to_string());
                (Lexicon::builtin().clone(), messages)
            }
            Some(_) => Lexicon::from_sources(BUILTIN, Some(user_toml)),
        }
    }

    /// The rules, in lexicon order (a user's first).
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The expanded phrases that are never findings.
    pub fn allowed_phrases(&self) -> &[String] {
        &self.allow
    }

    pub(super) fn from_sources(builtin: &str, user: Option<&str>) -> (Lexicon, Vec<String>) {
        let mut messages = Vec::new();
        let base = Parsed::read(builtin, &mut messages).unwrap_or_default();
        let messages_builtin: Vec<String> =
            messages.drain(..).map(|m| format!("built-in lexicon: {m}")).collect();
        let mut user_messages = Vec::new();
        let combined = match user.map(|u| (u, Parsed::read(u, &mut user_messages))) {
            None => base,
            Some((_, None)) => {
                user_messages.push("the user lexicon was not applied".to_string());
                base
            }
            Some((_, Some(user))) => base.overlay(user, &mut user_messages),
        };
        let lexicon = combined.build(&mut user_messages);
        let mut all = messages_builtin;
        all.extend(user_messages);
        (lexicon, all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_loads_without_problems() {
        let (lexicon, messages) = Lexicon::from_sources(BUILTIN, None);
        assert!(messages.is_empty(), "{messages:#?}");
        assert!(lexicon.rules.len() >= 30);
        let matcher = lexicon.matcher.as_ref().expect("compiled");
        assert_eq!(lexicon.targets.len(), matcher.patterns_len());
    }

    #[test]
    fn every_category_has_several_rules() {
        let lexicon = Lexicon::builtin();
        for category in Category::ALL {
            let n = lexicon.rules().iter().filter(|r| r.category == category).count();
            assert!(n >= 2, "{category:?} has {n} rules");
        }
    }
}
