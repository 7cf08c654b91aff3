//! Cleaning text that arrives from outside (pastes, hand-edited files).
//!
//! Pasted chat logs and terminal output carry colour codes, window-title sequences, bells,
//! carriage returns and bidirectional overrides. None of that belongs in a postmortem: it
//! either corrupts the console when drawn or makes the text display as something other than
//! what it says. Everything else, including all printable unicode, is kept as typed.

/// Normalises line endings, strips terminal escape sequences and drops control characters
/// other than `\n` and `\t`, DEL, C1 controls and bidi overrides/isolates.
///
/// Idempotent: `sanitize(&sanitize(s)) == sanitize(s)`.
pub fn sanitize(input: &str) -> String {
    let normalised = input.replace("\r\n", "\n").replace('\r', "\n");
    // `strip_ansi_escapes` drops tabs along with the other C0 controls, so strip each
    // tab-separated piece on its own and put the tabs back.
    let mut stripped = String::with_capacity(normalised.len());
    for (i, piece) in normalised.split('\t').enumerate() {
        if i > 0 {
            stripped.push('\t');
        }
        stripped.push_str(&strip_escapes(piece));
    }
    stripped.chars().filter(|&c| is_kept(c)).collect()
}

/// [`sanitize`], then each run of whitespace containing a line break or tab becomes one
/// space, and the ends are trimmed: text for a single-line field.
pub fn sanitize_line(input: &str) -> String {
    let clean = sanitize(input);
    let mut out = String::with_capacity(clean.len());
    let mut pending = String::new();
    let mut pending_breaks = false;
    for c in clean.chars() {
        if c.is_whitespace() {
            pending.push(c);
            pending_breaks |= c == '\n' || c == '\t';
        } else {
            flush_whitespace(&mut out, &mut pending, &mut pending_breaks);
            out.push(c);
        }
    }
    flush_whitespace(&mut out, &mut pending, &mut pending_breaks);
    out.trim().to_string()
}

/// [`sanitize`], split into lines, each trimmed, empty lines dropped: a paste as a list of
/// candidate entries.
pub fn split_pasted_lines(input: &str) -> Vec<String> {
    sanitize(input)
        .split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

fn flush_whitespace(out: &mut String, pending: &mut String, breaks: &mut bool) {
    if *breaks {
        out.push(' ');
    } else {
        out.push_str(pending);
    }
    pending.clear();
    *breaks = false;
}

fn strip_escapes(piece: &str) -> String {
    if !piece.contains('\u{1b}') && !piece.chars().any(|c| c.is_control() && c != '\n') {
        return piece.to_string();
    }
    // `strip` rather than `strip_str`: the latter panics if the bytes it returns are not
    // UTF-8, and a lossy conversion can never fail.
    String::from_utf8_lossy(&strip_ansi_escapes::strip(piece)).into_owned()
}

fn is_kept(c: char) -> bool {
    if c == '\n' || c == '\t' {
        return true;
    }
    // `is_control` is Unicode category Cc: C0, DEL and the C1 range U+0080–U+009F.
    !c.is_control() && !is_bidi_control(c)
}

/// Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder how
/// the surrounding text is displayed.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sanitize_crlf_becomes_lf() {
        assert_eq!(sanitize("one\r\ntwo\r\n"), "one\ntwo\n");
    }

    #[test]
    fn sanitize_lone_cr_becomes_lf() {
        assert_eq!(sanitize("one\rtwo"), "one\ntwo");
        assert_eq!(sanitize("a\r\r\nb"), "a\n\nb");
    }

    #[test]
    fn sanitize_colour_codes_are_stripped() {
        assert_eq!(sanitize("\x1b[31mERROR\x1b[0m disk full"), "ERROR disk full");
        assert_eq!(sanitize("\x1b[1;38;5;196mred\x1b[m"), "red");
    }

    #[test]
    fn sanitize_osc_title_sequences_are_stripped() {
        assert_eq!(sanitize("\x1b]0;pwned\x07after"), "after");
        assert_eq!(sanitize("\x1b]2;title\x1b\\after"), "after");
        assert_eq!(sanitize("\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\"), "link");
    }

    #[test]
    fn sanitize_bell_is_dropped() {
        assert_eq!(sanitize("ding\x07dong"), "dingdong");
    }

    #[test]
    fn sanitize_bidi_overrides_are_dropped() {
        assert_eq!(sanitize("abc\u{202E}fed\u{202C}"), "abcfed");
        assert_eq!(sanitize("x\u{2066}y\u{2069}z"), "xyz");
        assert_eq!(sanitize("\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}"), "");
    }

    #[test]
    fn sanitize_del_and_c1_controls_are_dropped() {
        assert_eq!(sanitize("a\u{7f}b\u{85}c\u{9b}d\u{80}e\u{9f}"), "abcde");
    }

    #[test]
    fn sanitize_other_c0_controls_are_dropped() {
        assert_eq!(sanitize("a\0b\x08c\x0bd\x0ce\x1f"), "abcde");
    }

    #[test]
    fn sanitize_tabs_and_newlines_are_kept() {
        assert_eq!(sanitize("a\tb\nc"), "a\tb\nc");
        assert_eq!(sanitize("\x1b[32ma\x1b[0m\tb"), "a\tb");
    }

    #[test]
    fn sanitize_unicode_is_kept() {
        let s = "café — 東京 🚒 naïve ½ \u{200d} Ω";
        assert_eq!(sanitize(s), s);
    }

    #[test]
    fn sanitize_unterminated_escape_does_not_leak() {
        assert_eq!(sanitize("ok\x1b["), "ok");
        assert_eq!(sanitize("ok\x1b"), "ok");
    }

    #[test]
    fn sanitize_line_breaks_and_tabs_become_one_space() {
        assert_eq!(sanitize_line("one\r\n\r\ntwo\tthree"), "one two three");
        assert_eq!(sanitize_line("one \n  two"), "one two");
        assert_eq!(sanitize_line("keep  double  spaces"), "keep  double  spaces");
    }

    #[test]
    fn sanitize_line_ends_are_trimmed() {
        assert_eq!(sanitize_line("\n\t  hello \x1b[0m\r\n"), "hello");
        assert_eq!(sanitize_line(""), "");
        assert_eq!(sanitize_line("\r\n\t"), "");
    }

    #[test]
    fn split_pasted_lines_drops_blank_lines_and_trims() {
        let paste = "\x1b[2m14:32\x1b[0m deploy started\r\n\r\n   \r\n  14:35 alerts fire  \rend";
        assert_eq!(
            split_pasted_lines(paste),
            vec!["14:32 deploy started", "14:35 alerts fire", "end"]
        );
    }

    #[test]
    fn split_pasted_lines_empty_input_gives_nothing() {
        assert!(split_pasted_lines("").is_empty());
        assert!(split_pasted_lines("\n\r\n \t \n").is_empty());
    }

    fn is_allowed(c: char) -> bool {
        c == '\n' || c == '\t' || !(c.is_control() || is_bidi_control(c))
    }

    fn messy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            any::<char>().prop_map(String::from),
            Just("\x1b[".to_string()),
            Just("\x1b]".to_string()),
            Just("\x1b\\".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("\t".to_string()),
            Just("\x07".to_string()),
            Just("\u{9b}".to_string()),
            Just("\u{202e}".to_string()),
            "[ -~]{1,4}",
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn sanitize_output_has_only_allowed_controls(s in messy()) {
            let out = sanitize(&s);
            prop_assert!(out.chars().all(is_allowed), "{out:?}");
        }

        #[test]
        fn sanitize_arbitrary_output_has_only_allowed_controls(s in any::<String>()) {
            let out = sanitize(&s);
            prop_assert!(out.chars().all(is_allowed), "{out:?}");
        }

        #[test]
        fn sanitize_is_idempotent(s in messy()) {
            let once = sanitize(&s);
            prop_assert_eq!(sanitize(&once), once);
        }

        #[test]
        fn sanitize_arbitrary_is_idempotent(s in any::<String>()) {
            let once = sanitize(&s);
            prop_assert_eq!(sanitize(&once), once);
        }

        #[test]
        fn sanitize_line_output_is_single_trimmed_line(s in messy()) {
            let out = sanitize_line(&s);
            prop_assert!(!out.contains('\n') && !out.contains('\t'));
            prop_assert_eq!(out.trim(), out.as_str());
            prop_assert_eq!(sanitize_line(&out), out.clone());
        }

        #[test]
        fn split_pasted_lines_yields_nonempty_trimmed_lines(s in messy()) {
            for line in split_pasted_lines(&s) {
                prop_assert!(!line.is_empty());
                prop_assert_eq!(line.trim(), line.as_str());
                prop_assert!(!line.contains('\n'));
            }
        }
    }
}
