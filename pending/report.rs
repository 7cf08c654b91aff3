//! Findings printed like a compiler's: where, what, the line with the span underlined,
//! and the reframing question as help.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::analysis::language::Finding;

/// `location: severity[rule]: message`, the source line, the underline, the help.
pub fn finding(out: &mut String, location: &str, text: &str, f: &Finding) {
    let quoted = if f.quoted { " (in quoted text)" } else { "" };
    let _ = writeln!(out, "{location}: {}[{}]: {}{quoted}", f.severity.as_str(), f.rule, f.message);
    let line = text.lines().nth(f.line.saturating_sub(1)).unwrap_or("");
    let number = f.line.to_string();
    let gutter = " ".repeat(number.len());
    let before: String = line.chars().take(f.column.saturating_sub(1)).collect();
    let span_chars = if f.end_line == f.line {
        f.end_column.saturating_sub(f.column).max(1)
    } else {
        line.chars().count().saturating_sub(f.column.saturating_sub(1)).max(1)
    };
    let span: String = line.chars().skip(f.column.saturating_sub(1)).take(span_chars).collect();
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{number} | {line}");
    let _ = writeln!(
        out,
        "{gutter} | {}{}",
        " ".repeat(before.width()),
        "^".repeat(span.width().max(1))
    );
    let _ = writeln!(out, "{gutter} = help: {}", f.suggestion);
    out.push('\n');
}
