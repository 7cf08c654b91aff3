//! Findings as LSP diagnostics: the reframing question as the message, the rule id as the
//! code, on the words (language) or the field (review checks); and the hover text that
//! says why each was flagged.

use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range};

use super::document::{Document, Kind};
use crate::analysis::language::{Category, Finding, LintContext, lint};
use crate::analysis::overview::overview;
use crate::analysis::policy::DuePolicy;
use crate::cli::check::findings;
use crate::store::{self, LoadError, locate};

/// One diagnostic and what hovering over it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub diagnostic: Diagnostic,
    /// Markdown: the rule, why the wording or item was flagged, the question to ask.
    pub hover: String,
}

/// Every finding in a document.
pub fn diagnose(doc: &Document, policy: &DuePolicy) -> Vec<Found> {
    match doc.kind {
        Kind::Review => review(doc, policy),
        Kind::Markdown | Kind::PlainText => {
            let ctx =
                LintContext { markdown: doc.kind == Kind::Markdown, ..LintContext::default() };
            lint(doc.text(), &ctx).iter().map(|f| language(doc, f)).collect()
        }
    }
}

fn language(doc: &Document, f: &Finding) -> Found {
    let range = Range::new(doc.position(f.line, f.column), doc.position(f.end_line, f.end_column));
    found(range, f.severity.as_str(), &f.rule, Some(f.category), &f.message, &f.suggestion, None)
}

fn review(doc: &Document, policy: &DuePolicy) -> Vec<Found> {
    let loaded = match store::parse(std::path::Path::new("review"), doc.text()) {
        Ok(loaded) => loaded,
        Err(LoadError::Format { line, column, message, .. }) => {
            let range = Range::new(doc.position(line, column), doc.position(line, column + 1));
            return vec![found(range, "error", "unreadable", None, &message, "", None)];
        }
        Err(LoadError::Io { .. }) => return Vec::new(),
    };
    let (all, _) = findings(&loaded.session, overview(&loaded.session, policy));
    let locator = locate::Locator::new(doc.text());
    (all.iter())
        .map(|f| {
            let region = crate::cli::annotation::region_of(&locator, f);
            let range = region.map_or(Range::new(Position::new(0, 0), Position::new(0, 1)), |r| {
                Range::new(doc.position(r.line, r.column), doc.position(r.end_line, r.end_column))
            });
            let category = Category::parse(&f.category);
            let at = format!("{} {}", f.item, f.field);
            found(range, f.severity, &f.rule, category, &f.message, &f.suggestion, Some(at.trim()))
        })
        .collect()
}

fn found(
    range: Range,
    severity: &str,
    rule: &str,
    category: Option<Category>,
    message: &str,
    suggestion: &str,
    item: Option<&str>,
) -> Found {
    let severity = match severity {
        "error" => DiagnosticSeverity::ERROR,
        "warning" => DiagnosticSeverity::WARNING,
        _ => DiagnosticSeverity::INFORMATION,
    };
    // The question to ask instead is what a writer needs in the margin; the reason waits
    // for a hover.
    let shown = if suggestion.is_empty() { message } else { suggestion };
    let mut hover = match category {
        Some(c) => format!("**{}** · `{rule}`\n\n{message}", c.label()),
        None => format!("`{rule}`\n\n{message}"),
    };
    if !suggestion.is_empty() {
        hover.push_str(&format!("\n\n*Ask instead:* {suggestion}"));
    }
    if let Some(item) = item {
        hover.push_str(&format!("\n\n`{item}`"));
    }
    Found {
        diagnostic: Diagnostic {
            range,
            severity: Some(severity),
            code: Some(NumberOrString::String(rule.to_string())),
            source: Some("waterline".into()),
            message: shown.to_string(),
            ..Diagnostic::default()
        },
        hover,
    }
}
