//! One pass of the phrase matcher over the normalised text; each whole-word match is then
//! judged by its clause.

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
    let Some(matcher) = lexicon.matcher.as_ref() else { return };
    if text.is_empty() {
        return;
    }
    let norm = Normalised::new(text);
    let hay = norm.text.as_str();
    let regions = quoted_regions(text, ctx.markdown);
    let names = Names::new(ctx.known_names);
    let judge = Judge { words: &lexicon.words, names: &names };
    let mut cursor = Cursor::new(text);
    let mut region = 0;
    let mut behind: Vec<Tok> = Vec::with_capacity(LOOK_BEHIND);
    let mut ahead: Vec<Tok> = Vec::with_capacity(LOOK_AHEAD);
    let mut pos = 0;
    while pos < hay.len() {
        let Some(m) = matcher.find(hay, pos) else { break };
        pos = m.end;
        let Some(&Target::Rule(index)) = lexicon.targets.get(m.pattern) else {
            continue;
        };
        let Some(rule) = lexicon.rules.get(index) else { continue };
        let (start, end) = (norm.original(m.start), norm.original(m.end));
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
        });
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
