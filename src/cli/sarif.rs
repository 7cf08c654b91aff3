//! SARIF 2.1.0, the format code-scanning services read: one run of waterline, one rule per
//! rule id found, one result per finding with its place in the file.

use serde_json::{Value, json};

use super::annotation::Annotation;

pub const SARIF_VERSION: &str = "2.1.0";
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The whole SARIF log for these annotations.
pub fn log(annotations: &[Annotation]) -> Value {
    let mut rules: Vec<&Annotation> = Vec::new();
    for a in annotations {
        if !rules.iter().any(|r| r.rule == a.rule) {
            rules.push(a);
        }
    }
    let rule_index = |id: &str| rules.iter().position(|r| r.rule == id).unwrap_or(0);
    let results: Vec<Value> = annotations.iter().map(|a| result(a, rule_index(&a.rule))).collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": { "driver": {
                "name": "waterline",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn rule(a: &Annotation) -> Value {
    let mut rule = json!({
        "id": a.rule,
        "name": a.rule,
        "shortDescription": { "text": a.message },
        "defaultConfiguration": { "level": level(a.severity) },
        "properties": { "category": a.category },
    });
    if !a.suggestion.is_empty() {
        rule["help"] = json!({ "text": a.suggestion });
    }
    rule
}

fn result(a: &Annotation, rule_index: usize) -> Value {
    let text = if a.suggestion.is_empty() {
        a.message.clone()
    } else {
        format!("{} — {}", a.message, a.suggestion)
    };
    let mut result = json!({
        "ruleId": a.rule,
        "ruleIndex": rule_index,
        "level": level(a.severity),
        "message": { "text": text },
    });
    if let Some(path) = &a.path {
        let mut physical = json!({ "artifactLocation": { "uri": uri(path) } });
        if let Some(r) = a.region {
            physical["region"] = json!({
                "startLine": r.line,
                "startColumn": r.column,
                "endLine": r.end_line,
                "endColumn": r.end_column,
            });
        }
        result["locations"] = json!([{ "physicalLocation": physical }]);
    }
    if let Some((item, field)) = &a.item {
        result["properties"] = json!({ "item": item, "field": field });
    }
    result
}

/// SARIF's levels: `error`, `warning`, `note`.
fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

/// A path as a relative URI reference: forward slashes, and anything outside the
/// unreserved characters percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("reviews/2026 03 outage.toml"), "reviews/2026%2003%20outage.toml");
        assert_eq!(uri("a\\b.md"), "a/b.md");
        assert_eq!(uri("é.md"), "%C3%A9.md");
    }
}
