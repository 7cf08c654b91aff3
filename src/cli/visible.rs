//! Text from a review, a path or a config file on its way to a terminal: every control
//! character becomes visible as an escape (`\e`, `\r`, `\u{9b}`), so no byte of user data
//! can move the cursor, set a window title or fill the clipboard.
//!
//! Policy: a tab is kept (it cannot start a sequence); a newline inside one value is shown
//! as `\n`, so a title cannot forge a line of output. Text printed over several lines is
//! split into lines first and each line made visible. Backslashes are not doubled: the
//! output is for reading, not for parsing back (that is what `--format json` is for).

use std::borrow::Cow;
use std::fmt::Write;

use serde::Serialize;

/// `text` with every control character, bidi override and line separator made visible.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\0' => out.push_str("\\0"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Pretty JSON in which C1 controls, DEL, bidi overrides and line separators are escaped
/// too (serde_json escapes only C0 controls, and leaves U+009B, a CSI, raw). Still valid
/// JSON with the same meaning: these characters can only occur inside strings.
pub fn json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    if !text.chars().any(needs_json_escape) {
        return Ok(text);
    }
    Ok(escape_json(&text))
}

/// Escapes, as [`json`] does, what was added to `buf` from `from` on (whole characters of
/// JSON text): for JSON written in pieces rather than through [`JsonWriter`].
pub fn escape_json_from(buf: &mut Vec<u8>, from: usize) {
    let Some(added) = buf.get(from..) else { return };
    if !may_start_an_escape(added) {
        return;
    }
    if let Ok(text) = std::str::from_utf8(added)
        && text.chars().any(needs_json_escape)
    {
        let escaped = escape_json(text);
        buf.truncate(from);
        buf.extend_from_slice(escaped.as_bytes());
    }
}

fn escape_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_json_escape(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// A writer of JSON text that escapes what [`json`] escapes as the text passes through, so
/// a large output is streamed and still safe. A character split across two writes waits
/// for its end.
pub struct JsonWriter<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> JsonWriter<W> {
    pub fn new(inner: W) -> Self {
        JsonWriter { inner, pending: Vec::new() }
    }
}

impl<W: std::io::Write> std::io::Write for JsonWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Most output holds no byte that can start an escaped character: straight through.
        if self.pending.is_empty() && !may_start_an_escape(buf) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        self.pending.extend_from_slice(buf);
        let ready = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            // Not text at all (serde_json never writes this): passed on as it is.
            Err(_) => self.pending.len(),
        };
        let head = &self.pending[..ready];
        match std::str::from_utf8(head) {
            Ok(text) if text.chars().any(needs_json_escape) => {
                self.inner.write_all(escape_json(text).as_bytes())?;
            }
            _ => self.inner.write_all(head)?,
        }
        self.pending.drain(..ready);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.write_all(&self.pending)?;
        self.pending.clear();
        self.inner.flush()
    }
}

/// The first bytes of every character [`needs_json_escape`] takes: DEL, the C1 controls
/// (`C2 80`–`C2 9F`), U+061C (`D8 9C`) and the marks and separators from `E2 80 8E` on.
const ESCAPE_LEADS: [u8; 4] = [0x7f, 0xc2, 0xd8, 0xe2];

/// Whether any byte of `buf` is one of [`ESCAPE_LEADS`] (two vectorised searches).
fn may_start_an_escape(buf: &[u8]) -> bool {
    let [a, b, c, d] = ESCAPE_LEADS;
    memchr::memchr3(a, b, c, buf).is_some() || memchr::memchr(d, buf).is_some()
}

/// Characters no terminal should receive raw from user data. Tab is harmless and kept.
fn needs_escape(c: char) -> bool {
    c != '\t' && (c.is_control() || is_invisible_reordering(c))
}

/// What serde_json leaves raw but a terminal would act on. (C0 is escaped by serde_json.)
fn needs_json_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}') || is_invisible_reordering(c)
}

/// Bidi embeddings, overrides, isolates and marks (they make text display as something
/// other than what it says), and the Unicode line and paragraph separators.
fn is_invisible_reordering(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_become_readable_text() {
        assert_eq!(visible("\u{1b}]0;pwned\u{7}title"), "\\e]0;pwned\\u{7}title");
        assert_eq!(visible("a\rb\nc\td"), "a\\rb\\nc\td");
        assert_eq!(visible("csi \u{9b}2J and \u{202e}evil"), "csi \\u{9b}2J and \\u{202e}evil");
    }

    #[test]
    fn ordinary_text_is_borrowed_untouched() {
        let text = "Sam's rollout — 14:32 ✓ żółw";
        assert!(matches!(visible(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn every_character_json_escapes_starts_with_a_byte_the_writer_looks_for() {
        let escaped = (0..=0x10ffff).filter_map(char::from_u32).filter(|&c| needs_json_escape(c));
        for c in escaped {
            let mut b = [0; 4];
            assert!(ESCAPE_LEADS.contains(&c.encode_utf8(&mut b).as_bytes()[0]), "{c:?}");
        }
    }

    #[test]
    fn json_escapes_c1_and_bidi_and_still_parses_to_the_same_text() {
        let hostile = "x\u{9b}31m\u{202e}y\u{7f}\u{1b}z\u{2028}";
        let out = json(&serde_json::json!({ "text": hostile })).unwrap();
        assert!(out.contains("\\u009b") && out.contains("\\u202e") && out.contains("\\u001b"));
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["text"], hostile);
    }

    proptest! {
        #[test]
        fn visible_never_lets_a_control_through(text in any::<String>()) {
            let out = visible(&text);
            prop_assert!(!out.chars().any(|c| c != '\t' && c.is_control()), "{:?}", out);
        }

        #[test]
        fn json_round_trips_any_text(text in any::<String>()) {
            let out = json(&text).unwrap();
            prop_assert!(!out.chars().any(|c| c.is_control()), "{:?}", out);
            let back: String = serde_json::from_str(&out).unwrap();
            prop_assert_eq!(back, text);
        }
    }
}
