//! User text made safe for the place it lands: Markdown inline text and table cells,
//! HTML and SVG text, Mermaid labels. Every function here assumes the text was already
//! [`clean`]ed of control characters and direction overrides.

use std::borrow::Cow;
use std::fmt::Write;

/// Text without control characters (other than line breaks and tabs), terminal escape
/// sequences or bidirectional overrides, which would make a report display something other
/// than what it says. Windows line ends become `\n`.
pub fn clean(text: &str) -> Cow<'_, str> {
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
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len() + 8);
    md_line(&mut out, &one_line, true);
    out
}

/// Markdown for a table cell: like [`md_inline`], but line breaks are kept as `<br>`.
pub fn md_cell(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        let line: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
        // Inside a cell nothing starts a block: only inline marks need escaping.
        md_line(&mut out, &line, false);
    }
    out
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

/// Escapes one line. `at_start`: the line may begin a block, so a leading `#`, `>`, `+`,
/// `-`, `=` or the dot of `1.` is escaped too.
fn md_line(out: &mut String, line: &str, at_start: bool) {
    let chars: Vec<char> = line.trim_start().chars().collect();
    let mut extra_escape = None;
    if at_start && let Some(&first) = chars.first() {
        if matches!(first, '#' | '+' | '-' | '=') {
            extra_escape = Some(0);
        } else if first.is_ascii_digit() {
            // "2026. was…" would start an ordered list.
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits <= 9
                && matches!(chars.get(digits), Some('.' | ')'))
                && chars.get(digits + 1).is_none_or(|c| c.is_whitespace())
            {
                extra_escape = Some(digits);
            }
        }
    }
    for (i, &c) in chars.iter().enumerate() {
        if extra_escape == Some(i) {
            out.push('\\');
            out.push(c);
            continue;
        }
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                // Inside a word (`snake_case`) an underscore never starts emphasis.
                let before = i.checked_sub(1).and_then(|j| chars.get(j));
                let after = chars.get(i + 1);
                let inside = before.is_some_and(|c| c.is_alphanumeric())
                    && after.is_some_and(|c| c.is_alphanumeric());
                if !inside {
                    out.push('\\');
                }
                out.push('_');
            }
            '&' => {
                // Only where it would read as an entity: `&amp;`, `&#35;`.
                let name =
                    chars[i + 1..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '#');
                let len = name.count();
                if len > 0 && len <= 32 && chars.get(i + 1 + len) == Some(&';') {
                    out.push('\\');
                }
                out.push('&');
            }
            c => out.push(c),
        }
    }
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
