//! Where an item's field is in a review's text, so a finding about `event:e3 text` can be
//! shown on its line: in an editor, in a code-scanning report, as a CI annotation. A
//! position inside a text value maps to the file through the string's escapes.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostics::line_column;

/// A place in a file: 1-based lines and columns (in characters), the end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A review's text, read once, to locate many findings in it.
pub struct Locator<'t> {
    text: &'t str,
    root: Option<Spanned<DeTable<'t>>>,
}

impl<'t> Locator<'t> {
    /// Reads `text` as TOML; a file that does not parse locates nothing.
    pub fn new(text: &'t str) -> Self {
        Locator { text, root: DeTable::parse(text).ok() }
    }

    /// The value of `field` in `item` (`incident`, `event:e3`); the item itself (its id,
    /// or the table's first key) when the field is not written in the file.
    pub fn field(&self, item: &str, field: &str) -> Option<Region> {
        let table = self.item(item)?;
        let span = lookup(table.get_ref(), field)
            .or_else(|| lookup(table.get_ref(), "id"))
            .or_else(|| (table.get_ref().as_table()?.iter().next()).map(|(_, v)| v.span()))
            .unwrap_or_else(|| table.span());
        Some(self.region(span))
    }

    /// A span inside the text of `field` (1-based line and column in that text, end
    /// exclusive) mapped to the file. Falls back to the whole value when the value is not a
    /// string or the position is beyond it.
    pub fn in_field(&self, item: &str, field: &str, inner: Region) -> Option<Region> {
        let table = self.item(item)?;
        let found = (table.get_ref().as_table())
            .and_then(|t| t.iter().find(|(k, _)| k.get_ref() == field))
            .map(|(_, v)| v);
        let Some(value) = found else {
            return self.field(item, field);
        };
        let span = value.span();
        let raw = self.text.get(span.clone())?;
        let map = decode_offsets(raw);
        let start = map.offset_of(inner.line, inner.column);
        let end = map.offset_of(inner.end_line, inner.end_column);
        match (start, end) {
            (Some(s), Some(e)) => {
                let (line, column) = line_column(self.text, span.start + s);
                let (end_line, end_column) = line_column(self.text, span.start + e);
                Some(Region { line, column, end_line, end_column })
            }
            _ => Some(self.region(span)),
        }
    }

    fn item(&self, item: &str) -> Option<&Spanned<DeValue<'t>>> {
        let root = self.root.as_ref()?.get_ref();
        let (kind, id) = item.split_once(':').unwrap_or((item, ""));
        let value = root.iter().find(|(k, _)| k.get_ref() == kind).map(|(_, v)| v)?;
        match value.get_ref() {
            DeValue::Table(_) if id.is_empty() => Some(value),
            DeValue::Array(items) => items
                .iter()
                .find(|t| t.get_ref().as_table().and_then(|t| lookup_str(t, "id")) == Some(id)),
            _ => None,
        }
    }

    fn region(&self, span: Range<usize>) -> Region {
        let (line, column) = line_column(self.text, span.start);
        let (end_line, end_column) = line_column(self.text, span.end);
        Region { line, column, end_line, end_column }
    }
}

fn lookup(table: &DeValue, key: &str) -> Option<Range<usize>> {
    let table = table.as_table()?;
    table.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v.span())
}

fn lookup_str<'a>(table: &'a DeTable, key: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| k.get_ref() == key).and_then(|(_, v)| v.get_ref().as_str())
}

/// For each character of a string's value, the byte offset of what wrote it in the raw
/// literal (quotes included), plus one entry for the end.
struct Offsets {
    decoded: Vec<(char, usize)>,
    end: usize,
}

impl Offsets {
    /// The raw offset of 1-based (line, column) in the decoded text; the end of a line (or
    /// of the text) is a position too.
    fn offset_of(&self, line: usize, column: usize) -> Option<usize> {
        let (mut l, mut c) = (1, 1);
        for &(ch, offset) in &self.decoded {
            if (l, c) == (line, column) {
                return Some(offset);
            }
            if ch == '\n' {
                (l, c) = (l + 1, 1);
            } else {
                c += 1;
            }
        }
        ((l, c) == (line, column)).then_some(self.end)
    }
}

fn decode_offsets(raw: &str) -> Offsets {
    let (body_start, quote) = if raw.starts_with("\"\"\"") {
        (3, "\"\"\"")
    } else if raw.starts_with("'''") {
        (3, "'''")
    } else if raw.starts_with('"') {
        (1, "\"")
    } else if raw.starts_with('\'') {
        (1, "'")
    } else {
        return Offsets { decoded: Vec::new(), end: 0 };
    };
    let body_end = raw.len().saturating_sub(quote.len()).max(body_start);
    let body = raw.get(body_start..body_end).unwrap_or("");
    let multi = quote.len() == 3;
    let basic = quote.starts_with('"');
    let mut decoded = Vec::new();
    let mut chars = body.char_indices().peekable();
    // A newline right after the opening quotes of a multi-line string is not part of it.
    if multi {
        if body.starts_with("\r\n") {
            chars.next();
            chars.next();
        } else if body.starts_with('\n') {
            chars.next();
        }
    }
    while let Some((i, ch)) = chars.next() {
        let at = body_start + i;
        if !(basic && ch == '\\') {
            if ch != '\r' {
                decoded.push((ch, at));
            }
            continue;
        }
        match chars.next() {
            Some((_, 'n')) => decoded.push(('\n', at)),
            Some((_, 't')) => decoded.push(('\t', at)),
            Some((_, 'u' | 'U')) => {
                let mut hex = String::new();
                while let Some((_, h)) =
                    chars.peek().copied().filter(|(_, h)| h.is_ascii_hexdigit() && hex.len() < 8)
                {
                    hex.push(h);
                    chars.next();
                }
                let ch = u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                decoded.push((ch, at));
            }
            // A line-ending backslash joins the next non-blank character.
            Some((_, w)) if multi && w.is_whitespace() => {
                while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                    chars.next();
                }
            }
            Some((_, other)) => decoded.push((other, at)),
            None => {}
        }
    }
    Offsets { decoded, end: body_end }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "waterline = 1\n\n[incident]\ntitle = \"Outage\"\n\n[[event]]\nid = \"e1\"\nat = 2026-03-02T09:12:00Z\ntext = \"Tab\\there: the engineer should have known\"\n\n[[why]]\nid = \"w1\"\ntext = \"\"\"\nfirst line\nsecond: should have\"\"\"\n";

    fn at(line: usize, column: usize, end_column: usize) -> Region {
        Region { line, column, end_line: line, end_column }
    }

    #[test]
    fn a_field_is_found_on_its_line_and_a_missing_one_at_the_item() {
        let l = Locator::new(TEXT);
        assert_eq!(l.field("incident", "title").unwrap().line, 4);
        assert_eq!(l.field("event:e1", "text").unwrap().line, 9);
        assert_eq!(l.field("event:e1", "known_then").unwrap().line, 7, "the item's id line");
        assert_eq!(l.field("event:e9", "text"), None);
    }

    #[test]
    fn a_span_in_a_string_maps_through_escapes() {
        let l = Locator::new(TEXT);
        // "should have" starts at character 24 of the decoded text (the tab is one).
        let r = l.in_field("event:e1", "text", at(1, 24, 35)).unwrap();
        let line = TEXT.lines().nth(8).unwrap();
        let shown: String = line.chars().skip(r.column - 1).take(r.end_column - r.column).collect();
        assert_eq!(shown, "should have");
    }

    #[test]
    fn a_span_in_a_multi_line_string_lands_on_its_own_line() {
        let l = Locator::new(TEXT);
        let r = l.in_field("why:w1", "text", at(2, 9, 20)).unwrap();
        assert_eq!((r.line, r.column, r.end_column), (15, 9, 20));
    }
}
