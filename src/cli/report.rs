//! Findings printed like a compiler's: where, what, the line with the span underlined,
//! and the reframing question as help.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::visible::visible;
use crate::analysis::language::Finding;

/// Where a finding is and what it says, for [`write`].
pub struct Report<'a> {
    pub location: &'a str,
    pub severity: &'a str,
    pub rule: &'a str,
    pub message: &'a str,
    pub quoted: bool,
    pub suggestion: &'a str,
    /// The text the span is in, and the span: 1-based line and columns, end exclusive.
    pub text: &'a str,
    /// The line number of `text`'s first line: 1 for a whole text, the finding's own line
    /// when `text` is just that line (so nothing before it is scanned again).
    pub text_line: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl<'a> Report<'a> {
    pub fn of(location: &'a str, text: &'a str, f: &'a Finding) -> Self {
        Report {
            location,
            severity: f.severity.as_str(),
            rule: &f.rule,
            message: &f.message,
            quoted: f.quoted,
            suggestion: &f.suggestion,
            text,
            text_line: 1,
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
        }
    }
}

/// `location: severity[rule]: message`, the source line, the underline, the help. Every
/// piece of user text goes through [`visible`]; the underline is measured on what is shown.
pub fn write(out: &mut String, r: &Report) {
    let quoted = if r.quoted { " (in quoted text)" } else { "" };
    let (location, severity, rule) = (visible(r.location), visible(r.severity), visible(r.rule));
    let message = visible(r.message);
    let _ = writeln!(out, "{location}: {severity}[{rule}]: {message}{quoted}");
    let source = r.text.lines().nth(r.line.saturating_sub(r.text_line)).unwrap_or("");
    let number = r.line.to_string();
    let gutter = " ".repeat(number.len());
    let start = r.column.saturating_sub(1);
    let span_chars = if r.end_line == r.line {
        r.end_column.saturating_sub(r.column).max(1)
    } else {
        source.chars().count().saturating_sub(start).max(1)
    };
    let shown = window(source, start, span_chars);
    let (text, before, span) = (visible(&shown.text), visible(&shown.before), visible(&shown.span));
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{number} | {text}");
    let _ = writeln!(
        out,
        "{gutter} | {}{}",
        " ".repeat(before.width()),
        "^".repeat(span.width().max(1))
    );
    if !r.suggestion.is_empty() {
        let _ = writeln!(out, "{gutter} = help: {}", visible(r.suggestion));
    }
    out.push('\n');
}

/// Columns of a line shown around a finding: a line longer than this is cut around the
/// span, so a finding in a very long line prints a bounded window of it.
pub const WINDOW: usize = 160;
/// Of those, how many at most come before the span.
const WINDOW_BEFORE: usize = 60;
const CUT: &str = "…";

/// What is printed of one source line for a span starting at character `start`, `chars`
/// long: the text, and the parts before the span and of it (for the underline).
pub struct Window<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub before: std::borrow::Cow<'a, str>,
    pub span: std::borrow::Cow<'a, str>,
}

/// The whole line when it is short; else about [`WINDOW`] characters around the span,
/// with `…` where it was cut.
pub fn window(line: &str, start: usize, chars: usize) -> Window<'_> {
    use std::borrow::Cow;
    let cut_at = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
    if line.len() <= WINDOW || line.chars().nth(WINDOW).is_none() {
        let (b, s) = (cut_at(start), cut_at(start + chars));
        let s = s.max(b);
        return Window {
            text: Cow::Borrowed(line),
            before: Cow::Borrowed(&line[..b]),
            span: Cow::Borrowed(&line[b..s]),
        };
    }
    let span_chars = chars.min(WINDOW - WINDOW_BEFORE);
    let from = start.saturating_sub(WINDOW_BEFORE);
    // The four cuts in one walk along the line.
    let cuts = [from, start, start + span_chars, from + WINDOW];
    let mut at = [line.len(); 4];
    let mut next = 0;
    for (n, (i, _)) in line.char_indices().enumerate() {
        while next < 4 && cuts[next] == n {
            at[next] = i;
            next += 1;
        }
        if next == 4 {
            break;
        }
    }
    let [f, b, s, t] = at;
    let (s, t) = (s.max(b), t.max(s.max(b)));
    let head = if f > 0 { CUT } else { "" };
    let tail = if t < line.len() { CUT } else { "" };
    Window {
        text: Cow::Owned(format!("{head}{}{tail}", &line[f..t])),
        before: Cow::Owned(format!("{head}{}", &line[f..b])),
        span: Cow::Borrowed(&line[b..s]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_shown_whole() {
        let w = window("The engineer should have checked.", 13, 11);
        assert_eq!(w.text, "The engineer should have checked.");
        assert_eq!((w.before.as_ref(), w.span.as_ref()), ("The engineer ", "should have"));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let line = format!("{}should have{}", "x ".repeat(5_000), " y".repeat(5_000));
        let w = window(&line, 10_000, 11);
        assert!(w.text.chars().count() <= WINDOW + 2, "{}", w.text.len());
        assert!(w.text.starts_with('…') && w.text.ends_with('…'));
        assert_eq!(w.span, "should have");
        assert_eq!(w.before.chars().count(), WINDOW_BEFORE + 1);
        assert!(w.text.contains(&format!("{}{}", w.before.trim_start_matches('…'), w.span)));
    }

    #[test]
    fn a_span_near_the_start_of_a_long_line_is_not_cut_before() {
        let line = format!("careless {}", "z".repeat(1_000));
        let w = window(&line, 0, 8);
        assert_eq!((w.before.as_ref(), w.span.as_ref()), ("", "careless"));
        assert!(!w.text.starts_with('…') && w.text.ends_with('…'));
    }
}
