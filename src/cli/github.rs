//! GitHub Actions workflow commands: `::warning file=…,line=…,col=…::message`, which the
//! runner turns into annotations on the changed lines of a pull request.

use std::fmt::Write;

use super::annotation::Annotation;

/// One workflow command per annotation.
pub fn commands(annotations: &[Annotation]) -> String {
    let mut out = String::new();
    for a in annotations {
        let level = match a.severity {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        let mut props = Vec::new();
        if let Some(path) = &a.path {
            props.push(format!("file={}", property(path)));
        }
        if let Some(r) = a.region {
            props.push(format!("line={}", r.line));
            props.push(format!("col={}", r.column));
            props.push(format!("endLine={}", r.end_line));
            props.push(format!("endColumn={}", r.end_column));
        }
        props.push(format!("title={}", property(&a.rule)));
        let mut message = a.message.clone();
        if !a.suggestion.is_empty() {
            message = format!("{message}\n{}", a.suggestion);
        }
        let _ = writeln!(out, "::{level} {}::{}", props.join(","), data(&message));
    }
    out
}

/// A message: `%`, CR and LF escaped as the runner expects, other control characters shown
/// as `\u{..}` so none reaches a log as a control sequence.
pub fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if is_control(c) => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

/// A property value: like [`data`], and `:` and `,` too, which end a property.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_escape_percent_and_line_breaks_and_show_controls() {
        assert_eq!(data("100% done\nnext\r"), "100%25 done%0Anext%0D");
        assert_eq!(data("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(property("C:\\a,b.md"), "C%3A\\a%2Cb.md");
    }
}
