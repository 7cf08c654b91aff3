//! What went wrong in a file, and where: byte offsets become 1-based line and column (in
//! characters), and serde's terse messages become plain ones that say what to do.

use std::ops::Range;
use std::path::Path;

use super::LoadError;

/// One thing wrong with a file, at a byte offset into its text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Problem {
    pub offset: usize,
    pub message: String,
}

impl Problem {
    pub(super) fn new(offset: usize, message: impl Into<String>) -> Self {
        Problem { offset, message: message.into() }
    }

    pub(super) fn at(span: Range<usize>, message: impl Into<String>) -> Self {
        Problem::new(span.start, message)
    }

    pub(super) fn into_error(self, path: &Path, text: &str) -> LoadError {
        let (line, column) = line_column(text, self.offset);
        LoadError::Format { path: path.to_path_buf(), line, column, message: self.message }
    }

    /// A TOML syntax error: the text is not TOML at all. The commonest slips by hand get
    /// their own words; the rest keep the parser's.
    pub(super) fn syntax(err: &toml::de::Error, text: &str) -> Self {
        let span = err.span().unwrap_or(0..0);
        let message = err.message();
        let message = if message.starts_with("duplicate key") {
            let key = text.get(span.clone()).unwrap_or("this key");
            format!("`{key}` is defined twice; keep one of them")
        } else if message.starts_with("invalid basic string") {
            "this quoted text is not closed; end it with `\"` on the same line, or use \"\"\" … \"\"\" for several lines".to_string()
        } else if message.starts_with("string values must be quoted") {
            let key = key_before(text, span.start).unwrap_or("key");
            format!("text needs quotes around it, like {key} = \"…\"")
        } else {
            format!("this is not valid TOML here: {message}")
        };
        Problem::at(span, message)
    }

    /// A value of the wrong shape, found while reading the typed file.
    pub(super) fn shape(err: &toml::de::Error, text: &str) -> Self {
        let span = err.span().unwrap_or(0..0);
        let key = key_before(text, span.start);
        let table = table_at(text, span.clone());
        Problem::at(span, humanize(err.message(), key, table))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    // A byte-order mark is not something a person sees as a column.
    let column = before[line_start..].chars().filter(|c| *c != '\u{feff}').count() + 1;
    (line, column)
}

/// The key a value was written under, when the value starts a `key = value` on its line.
fn key_before(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let key = line.trim_end().strip_suffix('=')?.trim_end();
    let start = key
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + 1);
    Some(&key[start..]).filter(|k| !k.is_empty())
}

/// The table name when a span covers a header like `[[event]]` (serde points there when a
/// whole table is wrong or incomplete).
fn table_at(text: &str, span: Range<usize>) -> Option<&str> {
    let header = text.get(span)?.trim();
    let name = header.strip_prefix("[[").and_then(|h| h.strip_suffix("]]"));
    let name = name.or_else(|| header.strip_prefix('[').and_then(|h| h.strip_suffix(']')));
    name.map(str::trim)
}

/// serde's messages, reworded for the person editing the file. Anything not recognised is
/// passed through, with the key in front when it is known.
fn humanize(message: &str, key: Option<&str>, table: Option<&str>) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return wrong_type(found, expected, key, table);
    }
    if let Some(rest) = message.strip_prefix("unknown variant ")
        && let Some((value, choices)) = rest.split_once(", expected ")
    {
        let value = value.trim_matches('`');
        let choices = choices.trim_start_matches("one of ").replace('`', "");
        let choices = choices.replace(" or ", ", ");
        return match key {
            Some(key) => format!("`{key}` cannot be \"{value}\"; use one of: {choices}"),
            None => format!("\"{value}\" is not one of the choices; use one of: {choices}"),
        };
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        let field = field.trim_matches('`');
        // Every other required field is checked by hand; `name` is the participant's.
        if field == "name" {
            return "each participant needs a `name`, like { name = \"Sam\", role = \"on-call engineer\" }".to_string();
        }
        let place = table.map_or_else(|| "this table".to_string(), |t| format!("this [{t}]"));
        return format!("{place} has no `{field}`; add one");
    }
    match key {
        Some(key) => format!("`{key}`: {message}"),
        None => message.to_string(),
    }
}

fn wrong_type(found: &str, expected: &str, key: Option<&str>, table: Option<&str>) -> String {
    let found = match found.split_once(' ') {
        Some(("integer" | "floating", _)) => {
            format!("the number {}", found.rsplit(' ').next().unwrap_or("").trim_matches('`'))
        }
        Some(("string", text)) => format!("the text {text}"),
        Some(("boolean", value)) => value.trim_matches('`').to_string(),
        _ => match found {
            "map" => "a table".to_string(),
            "sequence" => "a list".to_string(),
            other => other.to_string(),
        },
    };
    let expected = match expected {
        "a string" => "text in quotes",
        "a boolean" => "true or false",
        "a sequence" => "a list in brackets, like [\"…\"]",
        "a map" => "a table",
        other if other.starts_with("struct ") => "a table",
        other => other,
    };
    // `[event]` instead of `[[event]]`: the one mistake worth naming exactly.
    if let Some(kind @ ("event" | "why" | "factor" | "behaviour" | "action")) = key.or(table)
        && found == "a table"
    {
        return format!("write each {kind} as its own [[{kind}]] table, with two brackets");
    }
    match key {
        Some(key) => format!("`{key}` should be {expected}, not {found}"),
        None => format!("expected {expected} here, not {found}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "a = 1\ntitle = \"żółw\" x";
        let offset = text.find('x').unwrap();
        assert_eq!(line_column(text, offset), (2, 16));
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, text.len() + 10), (2, 17));
    }

    #[test]
    fn key_before_finds_the_key_of_a_value() {
        let text = "[incident]\nseverity = 3\n";
        assert_eq!(key_before(text, text.find('3').unwrap()), Some("severity"));
        assert_eq!(key_before("tags = [\"a\", 3]", 12), None);
    }

    #[test]
    fn wrong_type_names_key_expected_and_found() {
        let msg = humanize("invalid type: integer `3`, expected a string", Some("severity"), None);
        assert_eq!(msg, "`severity` should be text in quotes, not the number 3");
    }
}
