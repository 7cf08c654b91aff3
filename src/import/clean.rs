//! Text from a file made safe to store and to show: the model's sanitising, with a fast
//! path for the plain printable ASCII most log lines are.

use std::borrow::Cow;

use crate::model::text::sanitize_line;

/// One line of text with escape sequences and control characters removed and the ends
/// trimmed; the same result as [`sanitize_line`], without allocating for plain ASCII.
pub fn clean_line(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Cow::Borrowed(s.trim_matches(' '))
    } else {
        Cow::Owned(sanitize_line(s))
    }
}

/// A short, clean piece of a line for a message: at most `max` characters, with `…`.
pub fn excerpt(s: &str, max: usize) -> String {
    let clean = clean_line(s);
    if clean.chars().count() <= max {
        return clean.into_owned();
    }
    let mut cut: String = clean.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_line_strips_colour_and_title_sequences() {
        assert_eq!(clean_line("\x1b[31mERROR\x1b[0m disk full "), "ERROR disk full");
        assert_eq!(clean_line("\x1b]0;owned\x07ok"), "ok");
        assert_eq!(clean_line("a\u{202e}b"), "ab");
    }

    #[test]
    fn clean_line_plain_ascii_is_borrowed_and_trimmed() {
        assert!(matches!(clean_line("  plain text  "), Cow::Borrowed("plain text")));
    }

    #[test]
    fn excerpt_shortens_with_an_ellipsis() {
        assert_eq!(excerpt("abcdef", 4), "abc…");
        assert_eq!(excerpt("abc", 4), "abc");
        assert_eq!(excerpt("\x1b[1mab\x1b[0m", 4), "ab");
    }

    proptest! {
        #[test]
        fn clean_line_agrees_with_the_model(s in "[ -~\t\x1b\u{7f}\u{9b}\u{202e}é]{0,40}") {
            prop_assert_eq!(clean_line(&s).into_owned(), sanitize_line(&s));
        }
    }
}
