//! One pass of the phrase matcher over the normalised text; each whole-word match is then
//! judged by its clause.

use super::lexicon::{Lexicon, Preset, Rule, Target};
use super::matcher::Found;
use std::ops::Range;

use super::text::{Cursor, Normalised, Piece, quoted_regions};
use super::tokens::{self, Class, Judge, Names, Tok};
use super::{Finding, LintContext, Severity};

/// Tokens looked at before a match: enough for the clause and the one it shares a subject
/// with.
const LOOK_BEHIND: usize = 16;
const LOOK_AHEAD: usize = 12;
const CAUSE_BEHIND: usize = 40;
/// Tokens looked at after a match for a fault, a purpose or a reason: the rest of a long
/// sentence.
const SENTENCE_AHEAD: usize = 40;

pub(super) fn run(lexicon: &Lexicon, text: &str, ctx: &LintContext) -> Vec<Finding> {
    let mut findings = Vec::new();
    each(lexicon, text, ctx, &mut |f| findings.push(f));
    findings
}

/// Hands each finding to `found` as soon as it is made, in order of position, so a caller
/// can write it out without holding them all.
pub(super) fn each(
    lexicon: &Lexicon,
    text: &str,
    ctx: &LintContext,
    found: &mut dyn FnMut(Finding),
) {
    if text.is_empty() {
        return;
    }
    each_in(lexicon, text, ctx, &Piece::whole(text), None, found);
}

/// As [`each`], for the matches that start in one piece of `text` (see [`Piece`]). The
/// clause around a match is read from the whole text, so the findings are exactly the whole
/// text's findings in that piece. The quoted regions are the whole text's when given (a
/// Markdown code block can run on past a blank line), else the piece's own.
pub(super) fn each_in(
    lexicon: &Lexicon,
    text: &str,
    ctx: &LintContext,
    piece: &Piece,
    regions: Option<&[Range<usize>]>,
    found: &mut dyn FnMut(Finding),
) {
    let Some(matcher) = lexicon.matcher.as_ref() else { return };
    let Some(part) = text.get(piece.range.clone()) else { return };
    let base = piece.range.start;
    let own: Vec<Range<usize>>;
    let regions = match regions {
        Some(regions) => regions,
        None => {
            own = (quoted_regions(part, ctx.markdown).into_iter())
                .map(|r| r.start + base..r.end + base)
                .collect();
            &own
        }
    };
    let norm = Normalised::new(part);
    let hay = norm.text.as_str();
    let names = Names::new(ctx.known_names);
    let judge = Judge { words: &lexicon.words, names: &names, shape_names: !ctx.answer };
    let mut cursor = Cursor::starting(text, base, piece.line, piece.column);
    let mut region = regions.partition_point(|r| r.end <= base);
    let mut behind: Vec<Tok> = Vec::with_capacity(LOOK_BEHIND);
    let mut ahead: Vec<Tok> = Vec::with_capacity(LOOK_AHEAD);
    let mut scratch = Scratch::default();
    let mut mapped = 0;
    let mut pos = 0;
    while pos < hay.len() {
        let Some(m) = matcher.find(hay, pos) else { break };
        pos = m.end;
        let Some(&Target::Rule(index)) = lexicon.targets.get(m.pattern) else {
            continue;
        };
        let Some(rule) = lexicon.rules.get(index) else { continue };
        let start = base + norm.original_from(&mut mapped, m.start);
        let mut end = base + norm.original_from(&mut mapped, m.end);
        tokens::before(text, start, LOOK_BEHIND, &mut behind);
        if rule.takes_next_word() {
            tokens::after(text, end, 4, &mut ahead);
            let next = if rule.omission {
                // "did not *run* the check": the act is part of the finding; "was never
                // paged" and "did not receive" are not judged omissions.
                let act = judge.omitted_act(&ahead).filter(|_| !judge.passive(&behind));
                act.and_then(|n| ahead.get(n - 1)).map(|t| t.text)
            } else {
                // "should have been *tested*": a duty; "could have been worse" is not one.
                judge.duty(&ahead)
            };
            match next {
                Some(word) => end = word_end(text, word),
                // Not this rule's shape: the phrase is left alone up to its last word, which
                // may still start another ("should have been *more careful*").
                None => {
                    pos = last_word_start(hay, m);
                    continue;
                }
            }
        }
        while regions.get(region).is_some_and(|r| r.end <= start) {
            region += 1;
        }
        let quoted = regions.get(region).is_some_and(|r| r.start <= start);
        let level = judge_match(&judge, rule, text, (start, end), &behind, ctx, &mut scratch);
        let Some(mut severity) = level else { continue };
        if quoted {
            if severity < Severity::Warning {
                continue;
            }
            severity = Severity::Info;
        }
        let (line, column) = cursor.at(start);
        let (end_line, end_column) = cursor.at(end);
        found(Finding {
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
            about_person: rule.about_person,
        });
    }
}

/// Token lists kept from one match to the next: a text has a match every few words.
#[derive(Default)]
struct Scratch<'a> {
    ahead: Vec<Tok<'a>>,
    sentence: Vec<Tok<'a>>,
    long_behind: Vec<Tok<'a>>,
}

/// The severity of one match in its clause, before quotes: who the subject is, negation,
/// whether it is given as a cause, a fault, a purpose of the response or a reason.
fn judge_match<'a>(
    judge: &Judge,
    rule: &Rule,
    text: &'a str,
    (start, end): (usize, usize),
    behind: &[Tok],
    ctx: &LintContext,
    scratch: &mut Scratch<'a>,
) -> Option<Severity> {
    if let Some(severity) = rule.in_answers.filter(|_| ctx.answer) {
        return (!(rule.negatable && judge.negated(behind))).then_some(severity);
    }
    let Scratch { ahead, sentence, long_behind } = scratch;
    let class = match rule.preset {
        Preset::SelfBlame => Class::Me,
        Preset::Agent => {
            tokens::after(text, end, LOOK_AHEAD, ahead);
            judge.agent_after(ahead)
        }
        _ => {
            let class = judge.subject_before(behind, rule.if_system.is_none());
            if class == Class::Nothing && rule.subject_after {
                tokens::after(text, end, LOOK_AHEAD, ahead);
                judge.subject_after(ahead)
            } else {
                class
            }
        }
    };
    // In an answer to "why?", a clause with no subject is about the person asked of.
    let class = if ctx.answer && class == Class::Nothing { Class::Person } else { class };
    let mut level = resolve(rule, class, ctx.self_review);
    if level.is_some() && rule.negatable && judge.negated(behind) {
        level = None;
    }
    let severity = level?;
    sentence.clear();
    let (purpose, reason) =
        (rule.if_purpose != Some(rule.severity), rule.if_reason != Some(rule.severity));
    let needs_sentence = rule.needs_cause || rule.needs_fault || purpose || reason;
    if needs_sentence {
        tokens::after(text, end, SENTENCE_AHEAD, sentence);
    }
    // An answer to "why?" is an explanation by its nature.
    if rule.needs_cause && !ctx.answer {
        tokens::before(text, start, CAUSE_BEHIND, long_behind);
        if !judge.given_as_cause(long_behind, sentence) {
            level = rule.if_no_cause.map(|s| s.min(severity));
        }
    }
    if rule.needs_fault && !judge.fault(behind, sentence) {
        level = level.and(rule.if_no_fault).map(|s| s.min(severity));
    }
    if purpose && judge.purpose(sentence) {
        level = level.and(rule.if_purpose).map(|s| s.min(severity));
    }
    if reason && judge.reason(sentence) {
        level = level.and(rule.if_reason).map(|s| s.min(severity));
    }
    level
}

/// The byte after `word`, a slice of `text` (the last word of an extended match).
fn word_end(text: &str, word: &str) -> usize {
    let at = (word.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    (at + word.len()).min(text.len())
}

/// Where the last word of a several-word match starts; the end of a one-word match.
fn last_word_start(hay: &str, m: Found) -> usize {
    match hay.get(m.start..m.end).and_then(|s| s.rfind(' ')) {
        Some(i) => m.start + i + 1,
        None => m.end,
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
