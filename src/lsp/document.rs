//! An open document as the editor has it: its text, kept in step with incremental changes,
//! and the conversion between LSP positions (UTF-16 code units) and the findings' 1-based
//! character columns.

use lsp_types::{Position, Range};

/// What kind of text a document is, which decides the checks it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A review file: every `check` finding, on the line of its field.
    Review,
    /// Markdown: the language checks, with code and quotes as evidence.
    Markdown,
    /// Any other text: the language checks.
    PlainText,
}

impl Kind {
    /// From the document's URI and the editor's language id.
    pub fn of(uri: &str, language_id: &str) -> Kind {
        let path = uri.split(['?', '#']).next().unwrap_or(uri).to_ascii_lowercase();
        if language_id == "toml" || path.ends_with(".toml") {
            Kind::Review
        } else if language_id == "markdown" || path.ends_with(".md") || path.ends_with(".markdown")
        {
            Kind::Markdown
        } else {
            Kind::PlainText
        }
    }
}

/// The text of one open document.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: Kind,
    text: String,
    /// Byte offset where each line starts.
    lines: Vec<usize>,
}

impl Document {
    pub fn new(kind: Kind, text: String) -> Self {
        let mut doc = Document { kind, text, lines: Vec::new() };
        doc.index();
        doc
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Applies one change: `range` replaced by `new_text`, or the whole text when there is
    /// no range. Positions past a line's end or the text's end are clamped, never a panic.
    pub fn apply(&mut self, range: Option<Range>, new_text: &str) {
        match range {
            None => self.text = new_text.to_string(),
            Some(r) => {
                let start = self.offset(r.start);
                let end = self.offset(r.end).max(start);
                self.text.replace_range(start..end, new_text);
            }
        }
        self.index();
    }

    /// The byte offset of an LSP position.
    pub fn offset(&self, p: Position) -> usize {
        let Some(&start) = self.lines.get(p.line as usize) else {
            return self.text.len();
        };
        let mut units = 0u32;
        for (i, c) in self.text[start..].char_indices() {
            if units >= p.character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        self.text.len()
    }

    /// The LSP position of a 1-based line and character column (as findings give them).
    pub fn position(&self, line: usize, column: usize) -> Position {
        let index = line.saturating_sub(1);
        let Some(&start) = self.lines.get(index) else {
            let last = self.lines.len().saturating_sub(1);
            return Position::new(last as u32, 0);
        };
        let units: usize = (self.text[start..].chars())
            .take_while(|c| *c != '\n')
            .take(column.saturating_sub(1))
            .map(char::len_utf16)
            .sum();
        Position::new(index as u32, units as u32)
    }

    fn index(&mut self) {
        self.lines.clear();
        self.lines.push(0);
        self.lines.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Option<Range> {
        Some(Range::new(Position::new(l1, c1), Position::new(l2, c2)))
    }

    #[test]
    fn incremental_changes_count_utf16_units() {
        let mut d = Document::new(Kind::PlainText, "a😀b\nsecond line\n".into());
        // The emoji is two UTF-16 units: "b" is at character 3.
        d.apply(range(0, 3, 0, 4), "B");
        assert_eq!(d.text(), "a😀B\nsecond line\n");
        d.apply(range(1, 0, 1, 6), "2nd");
        assert_eq!(d.text(), "a😀B\n2nd line\n");
        assert_eq!(d.position(1, 3), Position::new(0, 3));
        assert_eq!(d.position(2, 5), Position::new(1, 4));
    }

    #[test]
    fn positions_beyond_the_text_are_clamped() {
        let mut d = Document::new(Kind::PlainText, "ab\n".into());
        d.apply(range(0, 99, 7, 3), "!");
        assert_eq!(d.text(), "ab!");
        d.apply(None, "new");
        assert_eq!(d.text(), "new");
    }

    #[test]
    fn kinds_follow_the_file_and_language() {
        assert_eq!(Kind::of("file:///r/x.toml", ""), Kind::Review);
        assert_eq!(Kind::of("file:///r/x.MD", "plaintext"), Kind::Markdown);
        assert_eq!(Kind::of("untitled:1", "plaintext"), Kind::PlainText);
    }
}
