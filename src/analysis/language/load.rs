//! Reading a lexicon file: the TOML shape, validation with messages naming the line,
//! merging a user lexicon over the built-in one (compiled at build time), and compiling
//! every phrase into one matcher.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::expand::{expand, normalise_phrase, owners, rule_phrases};
use super::lexicon::{Lexicon, Preset, Rule, WordSet};
use super::matcher::Matcher;
use super::{Category, Severity};

/// The built-in lexicon, compiled from `assets/lexicon.toml` by `build.rs`: each rule's
/// fields as written, its phrases expanded and normalised, the word lists normalised, and
/// the matcher's trie over every phrase.
mod builtin {
    use super::super::expand::Target;
    use super::{Cow, RawRule, WordSet, Words};

    fn set(words: &[&str]) -> WordSet {
        words.iter().map(|w| (*w).to_string()).collect()
    }

    include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
}

// ───────────────────────────────────── raw TOML shape ─────────────────────────────────────

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    version: Option<Spanned<i64>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    words: RawWords,
    #[serde(default)]
    allow: Vec<Spanned<RawAllow>>,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

/// The `[words]` lists, named once: the raw TOML table, the validated sets, reading and
/// merging them all come from this one list of names.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct RawWords {
            $(#[serde(default)] $name: Vec<String>,)*
        }

        /// The word lists the clause checks use, all lower-case.
        #[derive(Debug, Clone, Default, PartialEq)]
        pub(super) struct Words {
            $($(#[$doc])* pub $name: WordSet,)*
        }

        fn words_from(raw: &RawWords, messages: &mut Vec<String>) -> Words {
            Words { $($name: word_set(&raw.$name, stringify!($name), messages),)* }
        }

        fn merge_words(base: &mut Words, more: Words) {
            $(base.$name.extend(more.$name);)*
        }

        fn words_empty(w: &Words) -> bool {
            true $(&& w.$name.is_empty())*
        }
    };
}

word_lists!(
    /// Nouns and pronouns that make a person the subject.
    person,
    /// The organisation speaking about itself.
    we,
    me,
    system,
    /// Auxiliaries and fillers between a subject and its verb.
    skip,
    boundary,
    function,
    coordinator,
    negation,
    cause_before,
    cause_after,
    /// Words after "did not" / "never" that are not a judged omission ("did not receive").
    not_acts,
    /// Past participles of duties: "should have been *tested*" judges a duty undone.
    duties,
    /// Forms of "be" and "get": "was never paged" is passive, not an omission.
    passive,
    /// Words that put a fault in an act: wrong, untested, accidentally…
    fault,
    /// Words that say the act did harm: locked, crashed, offline…
    harm,
    /// Words that place the fault in the conditions: documented, runbook, standard…
    exculpate,
    /// Verbs after "to" that make an act part of the response: unblock, restore, protect…
    purpose,
    /// Words after a match that give the reason for it: because, since.
    reason,
);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAllow {
    phrases: Option<Vec<String>>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// A rule as written; `build.rs` writes the built-in ones as these (without `phrases`,
/// which it expands).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Option<Cow<'static, str>>,
    category: Option<Cow<'static, str>>,
    severity: Option<Cow<'static, str>>,
    subject: Option<Cow<'static, str>>,
    phrases: Option<Vec<String>>,
    message: Option<Cow<'static, str>>,
    reframe: Option<Cow<'static, str>>,
    if_we: Option<Cow<'static, str>>,
    if_me: Option<Cow<'static, str>>,
    if_system: Option<Cow<'static, str>>,
    if_no_subject: Option<Cow<'static, str>>,
    subject_after: Option<bool>,
    negatable: Option<bool>,
    needs_cause: Option<bool>,
    if_no_cause: Option<Cow<'static, str>>,
    in_answers: Option<Cow<'static, str>>,
    omission: Option<bool>,
    next: Option<Cow<'static, str>>,
    if_reason: Option<Cow<'static, str>>,
    needs_fault: Option<bool>,
    if_no_fault: Option<Cow<'static, str>>,
    if_purpose: Option<Cow<'static, str>>,
    about_person: Option<bool>,
}

impl RawRule {
    /// Every field unset: the rest of a generated rule.
    const UNSET: RawRule = RawRule {
        id: None,
        category: None,
        severity: None,
        subject: None,
        phrases: None,
        message: None,
        reframe: None,
        if_we: None,
        if_me: None,
        if_system: None,
        if_no_subject: None,
        subject_after: None,
        negatable: None,
        needs_cause: None,
        if_no_cause: None,
        in_answers: None,
        omission: None,
        next: None,
        if_reason: None,
        needs_fault: None,
        if_no_fault: None,
        if_purpose: None,
        about_person: None,
    };
}

// ─────────────────────────────────── validated contents ───────────────────────────────────

#[derive(Default)]
pub(super) struct Parsed {
    rules: Vec<Rule>,
    allow: Vec<String>,
    disable: Vec<(usize, String)>,
    words: Words,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

impl Parsed {
    pub(super) fn is_empty(&self) -> bool {
        self.rules.is_empty()
            && self.allow.is_empty()
            && self.disable.is_empty()
            && words_empty(&self.words)
    }

    /// Parses and validates one lexicon file. `None` when the file is not readable as a
    /// whole (a TOML error or a wrong shape); otherwise the good parts, with a message for
    /// each part left out.
    pub(super) fn read(text: &str, messages: &mut Vec<String>) -> Option<Parsed> {
        let raw: RawLexicon = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(err) => {
                let line = err.span().map_or(1, |s| line_of(text, s.start));
                let what = err.message().trim().replace('\n', " ");
                messages.push(format!("line {line}: {what}"));
                return None;
            }
        };
        let mut parsed = Parsed::default();
        if let Some(version) = &raw.version
            && *version.get_ref() != 1
        {
            let line = line_of(text, version.span().start);
            messages.push(format!("line {line}: unknown lexicon version {}", version.get_ref()));
        }
        parsed.disable = raw
            .disable
            .iter()
            .map(|d| (line_of(text, d.span().start), d.get_ref().clone()))
            .collect();
        parsed.words = words_from(&raw.words, messages);
        for allow in &raw.allow {
            let line = || line_of(text, allow.span().start);
            let Some(phrases) = &allow.get_ref().phrases else {
                messages.push(format!("line {}: [[allow]] needs `phrases`", line()));
                continue;
            };
            for phrase in phrases {
                match expand(phrase) {
                    Ok(expanded) => parsed.allow.extend(expanded),
                    Err(why) => {
                        messages.push(format!("line {}: allowed phrase {phrase:?}: {why}", line()))
                    }
                }
            }
        }
        let mut ids = HashSet::new();
        for raw_rule in &raw.rule {
            // The line is worked out only for a message: counting lines for every rule
            // would cost more than the rest of the reading.
            let line = || line_of(text, raw_rule.span().start);
            match rule_from(raw_rule.get_ref(), None) {
                Ok(rule) if !ids.insert(rule.id.clone()) => {
                    messages.push(format!("line {}: rule `{}` is defined twice", line(), rule.id));
                }
                Ok(rule) => parsed.rules.push(rule),
                Err(why) => messages.push(format!("line {}: {why}", line())),
            }
        }
        Some(parsed)
    }

    /// `user` on top of `self`: user rules first (they win a shared phrase), built-in rules
    /// with the same id replaced, disabled ids dropped, word lists merged.
    pub(super) fn overlay(self, user: Parsed, messages: &mut Vec<String>) -> Parsed {
        let known: HashSet<&str> =
            self.rules.iter().chain(&user.rules).map(|r| r.id.as_str()).collect();
        let mut disabled = HashSet::new();
        for (line, id) in &user.disable {
            if known.contains(id.as_str()) {
                disabled.insert(id.clone());
            } else {
                messages.push(format!("line {line}: disable: there is no rule `{id}`"));
            }
        }
        let user_ids: HashSet<String> = user.rules.iter().map(|r| r.id.clone()).collect();
        let rules = user
            .rules
            .into_iter()
            .chain(self.rules.into_iter().filter(|r| !user_ids.contains(&r.id)))
            .filter(|r| !disabled.contains(&r.id))
            .collect();
        let mut allow = user.allow;
        allow.extend(self.allow);
        let mut words = self.words;
        merge_words(&mut words, user.words);
        Parsed { rules, allow, disable: Vec::new(), words }
    }

    /// The built-in lexicon as `build.rs` compiled it. Its rules are checked as a file's
    /// are; the problems were refused when it was built.
    pub(super) fn builtin() -> Parsed {
        let rules = builtin::RULES
            .iter()
            .filter_map(|(raw, phrases)| {
                rule_from(raw, Some(phrases.iter().map(|p| (*p).to_string()).collect())).ok()
            })
            .collect();
        let allow = builtin::ALLOW.iter().map(|p| (*p).to_string()).collect();
        Parsed { rules, allow, disable: Vec::new(), words: builtin::words() }
    }

    /// The built-in lexicon with the trie compiled at build time: nothing to expand, hash
    /// or build at start-up.
    pub(super) fn builtin_lexicon() -> Lexicon {
        let parsed = Parsed::builtin();
        if parsed.rules.len() != builtin::RULES.len() {
            // A rule the checks refuse would shift the owners' indices: build at run time.
            return parsed.build(&mut Vec::new());
        }
        let matcher = Matcher::from_static(&builtin::ROOT, &builtin::NODES);
        Lexicon {
            rules: parsed.rules,
            allow: parsed.allow,
            words: parsed.words,
            targets: Cow::Borrowed(&builtin::TARGETS),
            matcher: Some(matcher),
        }
    }

    /// One matcher over every phrase. The first owner of a phrase keeps it: allowed
    /// phrases and user rules come first, so they win over built-in rules.
    pub(super) fn build(self, messages: &mut Vec<String>) -> Lexicon {
        let lists: Vec<&[String]> = self.rules.iter().map(|r| r.phrases.as_slice()).collect();
        let (patterns, targets, clashes) = owners(&self.allow, &lists);
        for (index, phrase, other) in clashes {
            messages.push(format!(
                "rule `{}`: phrase {phrase:?} is already matched by rule `{}`",
                self.rules[index].id, self.rules[other].id
            ));
        }
        let matcher = Some(Matcher::new(&patterns));
        let targets = Cow::Owned(targets);
        Lexicon { rules: self.rules, allow: self.allow, words: self.words, targets, matcher }
    }
}

fn level(
    value: &Option<Cow<'static, str>>,
    default: Option<Severity>,
    key: &str,
) -> Result<Option<Severity>, String> {
    match value.as_deref() {
        None => Ok(default),
        Some("none") => Ok(None),
        Some(s) => Severity::parse(s).map(Some).ok_or_else(|| {
            format!("`{key}` is {s:?}; use \"none\", \"info\", \"warning\" or \"error\"")
        }),
    }
}

/// A rule from its fields; `expanded` is its phrases when they were expanded already (the
/// built-in lexicon's, at build time).
fn rule_from(raw: &RawRule, expanded: Option<Vec<String>>) -> Result<Rule, String> {
    let id = raw.id.as_deref().filter(|s| !s.trim().is_empty()).ok_or("a rule needs an `id`")?;
    let id = id.to_string();
    let missing = |key: &str| format!("rule `{id}` needs `{key}`");
    let in_rule = |why: String| format!("rule `{id}`: {why}");
    let category = raw.category.as_deref().ok_or_else(|| missing("category"))?;
    let category = Category::parse(category).ok_or_else(|| {
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        in_rule(format!("unknown category {category:?}; use one of {}", all.join(", ")))
    })?;
    let severity = raw.severity.as_deref().ok_or_else(|| missing("severity"))?;
    let severity = Severity::parse(severity)
        .ok_or_else(|| in_rule(format!("severity {severity:?}; use info, warning or error")))?;
    let preset = match raw.subject.as_deref() {
        None => Preset::Any,
        Some(s) => Preset::parse(s).ok_or_else(|| {
            in_rule(format!(
                "subject {s:?}; use \"any\", \"person\", \"actor\", \"self\" or \"agent\""
            ))
        })?,
    };
    let message = raw.message.as_deref().filter(|s| !s.trim().is_empty());
    let message = message.ok_or_else(|| missing("message"))?;
    let reframe = raw.reframe.as_deref().filter(|s| !s.trim().is_empty());
    let reframe = reframe.ok_or_else(|| missing("reframe"))?;
    let phrases = match expanded {
        Some(phrases) => phrases,
        None => {
            let written = raw.phrases.as_ref().filter(|p| !p.is_empty());
            rule_phrases(written.ok_or_else(|| missing("phrases"))?).map_err(in_rule)?
        }
    };
    let on = Some(severity);
    let (system, no_subject) = match preset {
        Preset::Any | Preset::SelfBlame => (on, on),
        Preset::Person | Preset::Agent => (None, None),
        Preset::Actor => (None, on),
    };
    let person_category = !matches!(category, Category::Condescension | Category::OutcomeJudgement);
    let info = Some(Severity::Info);
    Ok(Rule {
        preset,
        if_we: level(&raw.if_we, info, "if_we").map_err(in_rule)?,
        if_me: level(&raw.if_me, info, "if_me").map_err(in_rule)?,
        if_system: level(&raw.if_system, system, "if_system").map_err(in_rule)?,
        if_no_subject: level(&raw.if_no_subject, no_subject, "if_no_subject").map_err(in_rule)?,
        subject_after: raw.subject_after.unwrap_or(false),
        negatable: raw.negatable.unwrap_or(false),
        needs_cause: raw.needs_cause.unwrap_or(false),
        if_no_cause: level(&raw.if_no_cause, info, "if_no_cause").map_err(in_rule)?,
        in_answers: level(&raw.in_answers, None, "in_answers").map_err(in_rule)?,
        omission: raw.omission.unwrap_or(false),
        duty_next: match raw.next.as_deref() {
            None => false,
            Some("duties") => true,
            Some(other) => {
                return Err(in_rule(format!("next {other:?}; the only list is \"duties\"")));
            }
        },
        if_reason: level(&raw.if_reason, on, "if_reason").map_err(in_rule)?,
        needs_fault: raw.needs_fault.unwrap_or(false),
        if_no_fault: level(&raw.if_no_fault, None, "if_no_fault").map_err(in_rule)?,
        if_purpose: level(&raw.if_purpose, on, "if_purpose").map_err(in_rule)?,
        about_person: raw.about_person.unwrap_or(person_category),
        category,
        severity,
        phrases,
        message: message.trim().to_string(),
        reframe: reframe.trim().to_string(),
        id,
    })
}

fn word_set(list: &[String], name: &str, messages: &mut Vec<String>) -> WordSet {
    let mut out = WordSet::default();
    for word in list {
        let w = normalise_phrase(word);
        if w.is_empty() || w.contains(' ') {
            messages.push(format!("[words] {name}: {word:?} is not a single word"));
        } else {
            out.insert(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::language::lexicon::BUILTIN;

    #[test]
    fn builtin_rules_have_unique_ids_and_every_field() {
        let raw: RawLexicon = toml::from_str(BUILTIN).expect("the built-in lexicon is TOML");
        let mut ids = HashSet::new();
        for rule in &raw.rule {
            let r = rule.get_ref();
            let id = r.id.clone().expect("every rule has an id");
            assert!(ids.insert(id.clone()), "duplicate id {id}");
            for (key, value) in [
                ("category", &r.category),
                ("severity", &r.severity),
                ("subject", &r.subject),
                ("message", &r.message),
                ("reframe", &r.reframe),
            ] {
                assert!(value.as_deref().is_some_and(|v| !v.is_empty()), "{id}: {key}");
            }
            assert!(r.phrases.as_ref().is_some_and(|p| !p.is_empty()), "{id}: phrases");
            let message = r.message.as_deref().unwrap_or_default();
            assert!(!message.contains('\n') && message.len() < 120, "{id}: one-line message");
            assert!(r.reframe.as_deref().unwrap_or_default().ends_with('?'), "{id}: a question");
        }
    }

    #[test]
    fn expand_alternatives_and_optional_parts() {
        assert_eq!(expand("forg{ot|et}").unwrap(), vec!["forgot", "forget"]);
        assert_eq!(expand("fat{-| }finger{|s}").unwrap().len(), 4);
        assert_eq!(expand("Didn’t  Know").unwrap(), vec!["didn't know", "didnt know"]);
        assert!(expand("a{b").is_err());
        assert!(expand("a}b").is_err());
        assert!(expand("{a{b}}").is_err());
        assert!(expand("{|}").is_err());
        assert!(expand(&"{a|b|c|d|e|f|g|h}".repeat(5)).is_err());
    }

    #[test]
    fn a_broken_user_lexicon_names_the_line_and_keeps_the_builtin() {
        let (lexicon, messages) = Lexicon::with_user("[[rule]]\nid = \"x\"\nseverity = 3\n");
        assert_eq!(lexicon.rules.len(), Lexicon::builtin().rules.len());
        assert!(messages.iter().any(|m| m.starts_with("line 3:")), "{messages:?}");
    }
}
