//! One pass of the automaton over the normalised text; each match is checked for word
//! boundaries, then judged by its clause.

use aho_corasick::{AhoCorasick, Anchored, Input, Match};

use super::lexicon::{Lexicon, Rule, Target};
use super::text::{Cursor, Normalised, quoted_regions};
use super::tokens::{self, Class, Judge, Names, Tok};
use super::{Finding, LintContext, Severity};

/// Tokens looked at before a match: enough for the clause and the one it shares a subject
/// with.
const LOOK_BEHIND: usize = 16;
const LOOK_AHEAD: usize = 12;
const CAUSE_BEHIND: usize = 40;

pub(super) fn run(lexicon: &Lexicon, text: &str, ctx: &LintContext) -> Vec<Finding> {
    let Some(matcher) = lexicon.matcher.as_ref() else { return Vec::new() };
    if text.is_empty() {
        return Vec::new();
    }
    let norm = Normalised::new(text);
    let hay = norm.text.as_str();
    let regions = quoted_regions(text, ctx.markdown);
    let names = Names::new(ctx.known_names);
    let judge = Judge { words: &lexicon.words, names: &names };
    let mut cursor = Cursor::new(text);
    let mut region = 0;
    let mut findings = Vec::new();
    let mut behind: Vec<Tok> = Vec::with_capacity(LOOK_BEHIND);
    let mut ahead: Vec<Tok> = Vec::with_capacity(LOOK_AHEAD);
    let mut pos = 0;
    while pos < hay.len() {
        let Some(found) = matcher.find(Input::new(hay).range(pos..)) else { break };
        let Some(m) = whole_words(matcher, hay, found) else {
            pos = found.start() + hay[found.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        pos = m.end();
        let Some(&Target::Rule(index)) = lexicon.targets.get(m.pattern().as_usize()) else {
            continue;
        };
        let Some(rule) = lexicon.rules.get(index) else { continue };
        let (start, end) = (norm.original(m.start()), norm.original(m.end()));
        while regions.get(region).is_some_and(|r| r.end <= start) {
            region += 1;
        }
        let quoted = regions.get(region).is_some_and(|r| r.start <= start);

        tokens::before(text, start, LOOK_BEHIND, &mut behind);
        let class = match rule.preset_is_self() {
            true => Class::Me,
            false => {
                let class = judge.subject_before(&behind);
                if class == Class::Nothing && rule.subject_after {
                    tokens::after(text, end, LOOK_AHEAD, &mut ahead);
                    judge.subject_after(&ahead)
                } else {
                    class
                }
            }
        };
        let mut level = resolve(rule, class, ctx.self_review);
        if level.is_some() && rule.negatable && judge.negated(&behind) {
            level = None;
        }
        if let Some(severity) = level
            && rule.needs_cause
        {
            let mut long_behind = Vec::new();
            tokens::before(text, start, CAUSE_BEHIND, &mut long_behind);
            tokens::after(text, end, LOOK_AHEAD, &mut ahead);
            if !judge.given_as_cause(&long_behind, &ahead) {
                level = rule.if_no_cause.map(|s| s.min(severity));
            }
        }
        let Some(mut severity) = level else { continue };
        if quoted {
            if severity < Severity::Warning {
                continue;
            }
            severity = Severity::Info;
        }
        let (line, column) = cursor.at(start);
        let (end_line, end_column) = cursor.at(end);
        findings.push(Finding {
            rule: rule.id.clone(),
            category: rule.category,
            severity,
            line,
            column,
            end_line,
            end_column,
            start,
            end,
            matched: text[start..end].to_string(),
            message: rule.message.clone(),
            suggestion: rule.reframe.clone(),
            quoted,
        });
    }
    findings
}

/// The match, or a shorter one from the same start, that begins and ends on word
/// boundaries.
fn whole_words(matcher: &AhoCorasick, hay: &str, mut m: Match) -> Option<Match> {
    if !left_boundary(hay, m.start()) {
        return None;
    }
    while !right_boundary(hay, m.end()) {
        if m.end() <= m.start() + 1 {
            return None;
        }
        let input = Input::new(hay).range(m.start()..m.end() - 1).anchored(Anchored::Yes);
        m = matcher.find(input)?;
    }
    Some(m)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Nothing of a word runs into the match from the left: not a letter, and not a hyphen,
/// apostrophe or dot joined to one ("non-negligent", ".gitignore" stay whole).
fn left_boundary(hay: &str, start: usize) -> bool {
    let head = &hay[..start];
    let first = hay[start..].chars().next();
    if !first.is_some_and(is_word) {
        return true;
    }
    let mut back = head.chars().rev();
    match back.next() {
        None => true,
        Some(c) if is_word(c) => false,
        Some('-' | '\'' | '.') => !back.next().is_some_and(is_word),
        Some(_) => true,
    }
}

/// Nothing of a word runs on after the match: not a letter, not a hyphen or dot followed
/// by one ("lazy-loaded", "ignore.txt"). An apostrophe may follow ("Bob's").
fn right_boundary(hay: &str, end: usize) -> bool {
    let last = hay[..end].chars().next_back();
    if !last.is_some_and(is_word) {
        return true;
    }
    let mut ahead = hay[end..].chars();
    match ahead.next() {
        None => true,
        Some(c) if is_word(c) => false,
        Some('-' | '.') => !ahead.next().is_some_and(is_word),
        Some(_) => true,
    }
}

/// The severity of a match given its subject, before quotes, or `None` for no finding.
fn resolve(rule: &Rule, class: Class, self_review: bool) -> Option<Severity> {
    match class {
        Class::Person => Some(rule.severity),
        Class::Me if self_review => rule.if_me.map(|_| rule.severity),
        Class::Me => rule.if_me,
        Class::We => rule.if_we,
        Class::System => rule.if_system,
        Class::Nothing => rule.if_no_subject,
    }
}
