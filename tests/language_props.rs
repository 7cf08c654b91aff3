//! The linter never panics, and every span it reports lies on character boundaries of the
//! input, matches its text and agrees with its line and column.

use proptest::prelude::*;
use waterline::analysis::language::{Finding, Lexicon, LintContext, lint};

/// 1-based line and character column of a byte offset, counted the slow way.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

fn check(text: &str, findings: &[Finding]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for f in findings {
        prop_assert!(f.start < f.end && f.end <= text.len(), "{f:?}");
        prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{f:?}");
        prop_assert_eq!(&text[f.start..f.end], f.matched.as_str());
        prop_assert_eq!(line_column(text, f.start), (f.line, f.column));
        prop_assert_eq!(line_column(text, f.end), (f.end_line, f.end_column));
        prop_assert!(f.start >= last_end, "sorted and disjoint: {findings:?}");
        last_end = f.end;
    }
    Ok(())
}

/// Pieces that exercise the matcher: phrases, unicode, quotes, code, Markdown, whitespace.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("should have".to_string()),
        Just("the engineer ".to_string()),
        Just("careless".to_string()),
        Just("didn’t know".to_string()),
        Just("I was ".to_string()),
        Just("we ".to_string()),
        Just("not ".to_string()),
        Just(" and ".to_string()),
        Just("because ".to_string()),
        Just("Maria forgot".to_string()),
        Just("root cause:".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("`".to_string()),
        Just("```\n".to_string()),
        Just("\n> ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("-".to_string()),
        Just(". ".to_string()),
        Just("é".to_string()),
        Just("🚒".to_string()),
        any::<char>().prop_map(String::from),
        "[ a-zA-Z,.;:'\"`-]{1,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_are_consistent(
        text in any::<String>(), markdown: bool, self_review: bool,
    ) {
        let ctx = LintContext { markdown, self_review, ..Default::default() };
        check(&text, &lint(&text, &ctx))?;
    }

    #[test]
    fn phrase_soup_never_panics_and_spans_are_consistent(
        text in pieces(), markdown: bool, self_review: bool,
    ) {
        let names = ["Maria".to_string(), "Ünal".to_string()];
        let ctx = LintContext { known_names: &names, markdown, self_review, answer: false };
        check(&text, &lint(&text, &ctx))?;
    }

    #[test]
    fn any_user_lexicon_loads_without_panicking(text in any::<String>()) {
        let (_lexicon, _messages) = Lexicon::with_user(&text);
    }

}

proptest! {
    // Each case that parses compiles a whole automaton: a few dozen cases are plenty.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn user_lexicon_soup_loads_without_panicking(
        text in prop::collection::vec(prop_oneof![
            Just("[[rule]]\n"), Just("id = \"a\"\n"), Just("phrases = [\"{x|}\", \"\"]\n"),
            Just("category = \"condescension\"\n"), Just("severity = \"warning\"\n"),
            Just("message = \"m\"\n"), Just("reframe = \"r\"\n"), Just("disable = [\"a\"]\n"),
            Just("[[allow]]\n"), Just("phrases = [\"{\"]\n"), Just("[words]\n"),
            Just("person = [\"a b\", \"\"]\n"), Just("subject = \"person\"\n"), Just("if_we = \"loud\"\n"),
        ], 0..16).prop_map(|v| v.concat()),
    ) {
        let (lexicon, _messages) = Lexicon::with_user(&text);
        let found = lint_with_check(&lexicon);
        prop_assert!(found.iter().all(|f| !f.rule.is_empty()));
    }
}

fn lint_with_check(lexicon: &Lexicon) -> Vec<Finding> {
    waterline::analysis::language::lint_with(
        lexicon,
        "x a y the engineer should have",
        &LintContext::default(),
    )
}
