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
    let source = r.text.lines().nth(r.line.saturating_sub(1)).unwrap_or("");
    let number = r.line.to_string();
    let gutter = " ".repeat(number.len());
    let start = r.column.saturating_sub(1);
    let span_chars = if r.end_line == r.line {
        r.end_column.saturating_sub(r.column).max(1)
    } else {
        source.chars().count().saturating_sub(start).max(1)
    };
    let before: String = source.chars().take(start).collect();
    let span: String = source.chars().skip(start).take(span_chars).collect();
    let after: String = source.chars().skip(start + span_chars).collect();
    let (before, span, after) = (visible(&before), visible(&span), visible(&after));
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{number} | {before}{span}{after}");
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
