//! A lint finding as an element of the `findings` array of `lint --format json`, written
//! by hand: the same bytes serde_json's pretty printer writes, without escaping a byte at a
//! time the message and question every finding of a rule repeats.

use crate::analysis::language::Finding;

/// Appends `f` as it follows `[` or the element before, at the depth of `findings`.
pub fn push(out: &mut Vec<u8>, f: &Finding) {
    out.extend_from_slice(b",\n    {\n      \"rule\": ");
    string(out, &f.rule);
    out.extend_from_slice(b",\n      \"category\": ");
    string(out, f.category.as_str());
    out.extend_from_slice(b",\n      \"severity\": ");
    string(out, f.severity.as_str());
    for (key, n) in [
        (&b",\n      \"line\": "[..], f.line),
        (b",\n      \"column\": ", f.column),
        (b",\n      \"end_line\": ", f.end_line),
        (b",\n      \"end_column\": ", f.end_column),
    ] {
        out.extend_from_slice(key);
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
    out.extend_from_slice(b",\n      \"matched\": ");
    string(out, &f.matched);
    out.extend_from_slice(b",\n      \"message\": ");
    string(out, &f.message);
    out.extend_from_slice(b",\n      \"suggestion\": ");
    string(out, &f.suggestion);
    out.extend_from_slice(if f.quoted {
        b",\n      \"quoted\": true\n    }"
    } else {
        b",\n      \"quoted\": false\n    }"
    });
}

/// A JSON string: as it is when nothing in it needs escaping, else escaped by serde_json.
fn string(out: &mut Vec<u8>, s: &str) {
    if plain(s.as_bytes()) {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// No control character, quote or backslash: checked 16 bytes at a time with no early
/// exit, which the compiler turns into a few vector steps.
fn plain(b: &[u8]) -> bool {
    b.chunks(16).all(|chunk| {
        chunk.iter().fold(true, |ok, &c| ok & (c >= 0x20) & (c != b'"') & (c != b'\\'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::language::{Category, Severity};
    use crate::cli::json_elements::{Elements, close};
    use crate::cli::visible;
    use proptest::prelude::*;

    fn finding(text: [String; 4], numbers: [usize; 4], kind: (usize, usize, bool)) -> Finding {
        let [rule, matched, message, suggestion] = text;
        let [line, column, end_line, end_column] = numbers;
        let severity = [Severity::Info, Severity::Warning, Severity::Error][kind.1 % 3];
        Finding {
            rule,
            category: Category::ALL[kind.0 % Category::ALL.len()],
            severity,
            line,
            column,
            end_line,
            end_column,
            start: 0,
            end: 0,
            matched,
            message,
            suggestion,
            quoted: kind.2,
            about_person: false,
        }
    }

    #[derive(serde::Serialize)]
    struct Output<'a> {
        path: &'a str,
        findings: &'a [Finding],
    }

    /// The whole output, from serde_json and from elements written by hand.
    fn both(findings: &[Finding]) -> (String, String) {
        let whole = visible::json(&Output { path: "p\u{9b}", findings }).expect("json");
        let mut elements = Elements::default();
        for f in findings {
            elements.push_written(|out| push(out, f));
        }
        let mut joined = b"{\n  \"path\": \"p\\u009b\",\n  \"findings\": [".to_vec();
        joined.extend_from_slice(elements.text(true));
        joined.extend(close(1, !elements.is_empty()));
        joined.extend_from_slice(b"\n}");
        (whole, String::from_utf8_lossy(&joined).into_owned())
    }

    proptest! {
        #[test]
        fn findings_written_by_hand_are_what_serde_json_writes(
            found in prop::collection::vec((
                prop::array::uniform4("[a-z \"\\\\\t\n\u{1}\u{1f}\u{7f}\u{9b}\u{202e}é’]{0,40}"),
                prop::array::uniform4(any::<usize>()),
                (0usize..16, 0usize..3, any::<bool>()),
            ), 0..4),
        ) {
            let found: Vec<Finding> =
                found.into_iter().map(|(text, n, kind)| finding(text, n, kind)).collect();
            let (whole, joined) = both(&found);
            prop_assert_eq!(joined, whole);
        }
    }
}
