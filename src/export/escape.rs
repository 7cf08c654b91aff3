//! User text made safe for the place it lands: Markdown inline text and table cells,
//! HTML and SVG text, Mermaid labels. Every function here assumes the text was already
//! [`clean`]ed of control characters and direction overrides.

use std::borrow::Cow;
use std::fmt::Write;

/// Text without control characters (other than line breaks and tabs), terminal escape
/// sequences or bidirectional overrides, which would make a report display something other
/// than what it says. Windows line ends become `\n`.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Most text has none of the bytes these characters are made of (C0, DEL, C1 controls
    // lead with 0xC2, the direction marks with 0xE2): a byte scan settles it.
    let maybe =
        |b: &u8| (*b < 0x20 && *b != b'\n' && *b != b'\t') || matches!(*b, 0x7F | 0xC2 | 0xE2);
    if !text.as_bytes().iter().any(maybe) {
        return Cow::Borrowed(text);
    }
    let suspicious = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if text.chars().any(suspicious) {
        Cow::Owned(crate::model::text::sanitize(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// One line of Markdown text: line breaks become spaces. Safe in a paragraph, a list item,
/// a heading or a table cell.
pub fn md_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    md_line(&mut out, &single_spaced(text), true);
    out
}

/// Markdown for a table cell: like [`md_inline`], but line breaks are kept as `<br>`.
pub fn md_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_md_cell(&mut out, text);
    out
}

/// [`md_cell`], appended to `out`.
pub fn push_md_cell(out: &mut String, text: &str) {
    if !text.contains('\n') {
        // Inside a cell nothing starts a block: only inline marks need escaping.
        md_line(out, &single_spaced(text), false);
        return;
    }
    for (i, line) in text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        md_line(out, &single_spaced(line), false);
    }
}

/// Runs of whitespace (line breaks and tabs too) as one space, ends trimmed.
fn single_spaced(text: &str) -> Cow<'_, str> {
    let plain = !text.contains(['\n', '\t', '\r']) && !text.contains("  ") && text.trim() == text;
    if plain {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Markdown paragraphs: blank lines separate paragraphs, other line breaks are kept as
/// hard breaks. Each line is escaped so that nothing in it starts a heading, a list, a
/// quote, a code block or a link.
pub fn md_block(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    for (p, lines) in paragraphs.iter().enumerate() {
        if p > 0 {
            out.push_str("\n\n");
        }
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                out.push_str("\\\n");
            }
            md_line(&mut out, line, true);
        }
    }
    out
}

/// The ASCII marks that can mean something to Markdown somewhere in a line.
fn is_mark(b: u8) -> bool {
    matches!(b, b'\\' | b'`' | b'*' | b'[' | b']' | b'<' | b'>' | b'|' | b'~' | b'_' | b'&')
}

/// Escapes one line. `at_start`: the line may begin a block, so a leading `#`, `+`, `-`,
/// `=` or the dot of `1.` is escaped too.
fn md_line(out: &mut String, line: &str, at_start: bool) {
    let line = line.trim_start();
    let bytes = line.as_bytes();
    // Every mark is ASCII, so the text can be scanned as bytes and copied in slices.
    let mut extra_escape = None;
    if at_start && let Some(&first) = bytes.first() {
        if matches!(first, b'#' | b'+' | b'-' | b'=') {
            extra_escape = Some(0);
        } else if first.is_ascii_digit() {
            // "2026. was…" would start an ordered list.
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && bytes.get(digits + 1).is_none_or(|b| b.is_ascii_whitespace())
            {
                extra_escape = Some(digits);
            }
        }
    }
    if extra_escape.is_none() && !bytes.iter().copied().any(is_mark) {
        out.push_str(line);
        return;
    }
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = if extra_escape == Some(i) {
            true
        } else {
            match b {
                b'\\' | b'`' | b'*' | b'[' | b']' | b'<' | b'>' | b'|' | b'~' => true,
                // Inside a word (`snake_case`) an underscore never starts emphasis.
                b'_' => !(word_char(line, i, false) && word_char(line, i + 1, true)),
                // Only where it would read as an entity: `&amp;`, `&#35;`.
                b'&' => {
                    let name = bytes[i + 1..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#');
                    let len = name.count();
                    len > 0 && len <= 32 && bytes.get(i + 1 + len) == Some(&b';')
                }
                _ => false,
            }
        };
        if escape {
            out.push_str(&line[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&line[copied..]);
}

/// Whether the character before (`after == false`) or at (`after == true`) byte `at` of
/// `line` is a letter or digit.
fn word_char(line: &str, at: usize, after: bool) -> bool {
    let c = if after {
        line.get(at..).and_then(|s| s.chars().next())
    } else {
        line.get(..at).and_then(|s| s.chars().next_back())
    };
    c.is_some_and(char::is_alphanumeric)
}

/// Text for HTML (and inline SVG) element content and attribute values.
pub fn html(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// HTML paragraphs from text: blank lines separate them, other line breaks become `<br>`.
pub fn html_block(text: &str) -> String {
    let mut out = String::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str("<p>");
        let lines: Vec<String> = para.lines().map(|l| html(l.trim()).into_owned()).collect();
        out.push_str(&lines.join("<br>"));
        out.push_str("</p>\n");
    }
    out
}

/// A Mermaid node label, to be written inside `"…"`. ASCII marks other than a few plain
/// ones are written as Mermaid's `#code;` entity, so no quote, square or curly bracket,
/// semicolon, backtick, `#`, `|`, `&` or HTML in the text can end the label or change the
/// diagram; line breaks become spaces. (`end` inside a quoted label is only text.)
pub fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        // Only ASCII marks mean something to Mermaid's parser, and a few plain ones are
        // safe; `:` is not (Mermaid rewrites `style …:#…;` lines before parsing), nor `%`
        // (directives). Other letters and marks (é, ·, —, “) are text.
        const PLAIN: &str = ".,-/?!+=@()'*_~$^";
        if !c.is_ascii() || c.is_ascii_alphanumeric() || PLAIN.contains(c) {
            out.push(c);
        } else {
            let _ = write!(out, "#{};", c as u32);
        }
    }
    out
}

/// At most `max` characters, cut at a word when one is near, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        return Cow::Borrowed(text);
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i > cut.len() * 2 / 3 => &cut[..i],
        _ => cut.as_str(),
    };
    Cow::Owned(format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':'])))
}

/// The figure's short label for a factor: its first clause, up to a colon or semicolon.
pub fn first_clause(text: &str) -> &str {
    match text.find([':', ';']) {
        Some(i) if i >= 12 => text[..i].trim(),
        _ => text.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_controls_escapes_and_direction_overrides() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m\u{7}b"), "aredb");
        assert_eq!(clean("evil\u{202E}txt.exe"), "eviltxt.exe");
        assert_eq!(clean("tab\tand\nline"), "tab\tand\nline");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn md_inline_escapes_what_would_change_the_document() {
        assert_eq!(md_inline("# not a heading"), "\\# not a heading");
        assert_eq!(md_inline("a | b"), "a \\| b");
        assert_eq!(md_inline("`code` and *stars*"), "\\`code\\` and \\*stars\\*");
        assert_eq!(md_inline("[click](javascript:x)"), "\\[click\\](javascript:x)");
        assert_eq!(md_inline("<script>"), "\\<script\\>");
        assert_eq!(md_inline("- item"), "\\- item");
        assert_eq!(md_inline("2026. was long"), "2026\\. was long");
        assert_eq!(md_inline("deploy #4411"), "deploy #4411");
        assert_eq!(md_inline("snake_case _emph_"), "snake_case \\_emph\\_");
        assert_eq!(md_inline("&amp; & more"), "\\&amp; & more");
        assert_eq!(md_inline("back\\slash"), "back\\\\slash");
        assert_eq!(md_inline("two\nlines"), "two lines");
    }

    #[test]
    fn md_block_keeps_paragraphs_and_escapes_each_line_start() {
        assert_eq!(md_block("one\n# two\n\n> three"), "one\\\n\\# two\n\n\\> three");
        assert_eq!(md_block("    indented code"), "indented code");
    }

    #[test]
    fn md_cell_keeps_line_breaks_as_br() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b<br>c");
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn mermaid_label_cannot_close_the_label_or_the_node() {
        let label = mermaid_label("say \"end\"; [x] {y} (z) `t` #1 <b>\nnext");
        let mut plain = label.clone();
        while let Some(at) = plain.find('#') {
            let end = plain[at..].find(';').map_or(plain.len(), |e| at + e + 1);
            plain.replace_range(at..end, "");
        }
        assert!(
            !plain.contains(['"', ';', '[', ']', '{', '}', '`', '<', '>', '#', '|', '&']),
            "{label}"
        );
        assert!(label.starts_with("say #34;end#34;#59; #91;x#93;"), "{label}");
        assert_eq!(mermaid_label("style A fill:#f00;"), "style A fill#58;#35;f00#59;");
        assert_eq!(mermaid_label("%%{init}%%"), "#37;#37;#123;init#125;#37;#37;");
        assert!(label.ends_with(" next"), "{label}");
        assert_eq!(mermaid_label("Zoë’s · (50%)"), "Zoë’s · (50#37;)");
    }

    #[test]
    fn shorten_cuts_at_a_word_with_an_ellipsis() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("a config change broke the service", 20), "a config change…");
    }
}
