//! The rules as data: `assets/lexicon.toml`, compiled at build time, plus an optional user
//! lexicon read at run time.
//!
//! Loading never panics. Problems in a user lexicon come back as messages naming the line;
//! a rule with a problem is left out and the rest still apply.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

pub(super) use super::expand::{Target, WordBuild};
use super::load::Parsed;
pub(super) use super::load::Words;
use super::matcher::Matcher;
use super::{Category, Severity};

/// The source of the built-in lexicon, which `build.rs` compiles; the tests read it at run
/// time as a user's file is read, to check the compiled one says the same.
#[cfg(test)]
pub(super) const BUILTIN: &str = include_str!("../../../assets/lexicon.toml");

static BUILTIN_LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::compiled);

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

pub(super) type WordSet = HashSet<String, WordBuild>;

/// The rules, the allowed phrases, the subject word lists and one matcher over every
/// phrase.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(super) rules: Vec<Rule>,
    pub(super) allow: Vec<String>,
    pub(super) words: Words,
    /// What each phrase of the matcher stands for.
    pub(super) targets: Cow<'static, [Target]>,
    /// `None` only if the phrases could not be compiled (reported when loading).
    pub(super) matcher: Option<Matcher>,
}

impl Lexicon {
    /// The built-in lexicon (`assets/lexicon.toml`, compiled at build time).
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN_LEXICON
    }

    /// The built-in lexicon made afresh from the tables compiled at build time: what its
    /// first use costs a start of waterline (the rules' fields checked, no trie built).
    pub fn compiled() -> Lexicon {
        Parsed::builtin_lexicon()
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
            // Only the user's file is read and expanded here; the built-in rules come
            // compiled, and one matcher is built over both (a user's phrase wins).
            Some(user) => {
                let combined = Parsed::builtin().overlay(user, &mut messages);
                let lexicon = combined.build(&mut messages);
                (lexicon, messages)
            }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in lexicon read at run time, as a user's file is.
    fn read_at_run_time() -> (Lexicon, Vec<String>) {
        let mut messages = Vec::new();
        let parsed = Parsed::read(BUILTIN, &mut messages).expect("the built-in lexicon reads");
        let lexicon = parsed.build(&mut messages);
        (lexicon, messages)
    }

    #[test]
    fn builtin_lexicon_loads_without_problems() {
        let (lexicon, messages) = read_at_run_time();
        assert!(messages.is_empty(), "{messages:#?}");
        assert!(lexicon.rules.len() >= 30);
        let matcher = lexicon.matcher.as_ref().expect("compiled");
        assert_eq!(lexicon.targets.len(), matcher.patterns_len());
    }

    #[test]
    fn the_lexicon_compiled_at_build_time_is_the_one_read_at_run_time() {
        let (read, _) = read_at_run_time();
        let compiled = Lexicon::builtin();
        assert_eq!(format!("{:?}", compiled.rules), format!("{:?}", read.rules));
        assert_eq!(compiled.allow, read.allow);
        assert_eq!(compiled.words, read.words);
        assert_eq!(compiled.targets, read.targets);
        assert_eq!(compiled.matcher, read.matcher);
        assert!(matches!(compiled.targets, Cow::Borrowed(_)), "the trie was built at run time");
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
