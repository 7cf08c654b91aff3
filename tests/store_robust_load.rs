//! The loader against hand-edited and hostile files: ids that break the grammar or would
//! overflow the counter are refused with `path:line:column`, and no input — random bytes,
//! or a good review mutated — makes it panic.

use std::path::Path;

use proptest::prelude::*;
use waterline::store::{self, LoadError};

const GOLDEN: &str = include_str!("fixtures/golden.toml");

fn error_for(text: &str) -> (usize, usize, String) {
    match store::parse(Path::new("review.toml"), text) {
        Err(LoadError::Format { line, column, message, .. }) => (line, column, message),
        other => panic!("expected a format error, got {other:?}"),
    }
}

fn with_event_id(id: &str) -> String {
    format!(
        "waterline = 1\n\n[incident]\ntitle = \"Payment service down\"\n\n[[event]]\nid = \"{id}\"\nat = 2026-03-02T09:12:00Z\ntext = \"Config change rolled out\"\n"
    )
}

#[test]
fn an_id_outside_the_grammar_is_refused_where_it_is_written() {
    let text = std::fs::read_to_string("tests/fixtures/malformed/id_grammar.toml").unwrap();
    let err = store::parse(Path::new("malformed/id_grammar.toml"), &text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "malformed/id_grammar.toml:7:6: this event's id `E-1` is not one waterline can use: an id \
         is lowercase letters followed by a number, like id = \"e1\""
    );
    for bad in ["e", "1", "e1a", "é1", "ev 1", "e-1", "e\u{ff11}"] {
        let (line, column, message) = error_for(&with_event_id(bad));
        assert_eq!((line, column), (7, 6), "{bad}: {message}");
        assert!(message.contains("lowercase letters followed by a number"), "{bad}: {message}");
    }
    for good in ["e1", "e007", "event12", "x9"] {
        assert!(store::parse(Path::new("r.toml"), &with_event_id(good)).is_ok(), "{good}");
    }
}

#[test]
fn an_id_whose_number_would_overflow_is_refused() {
    let text = std::fs::read_to_string("tests/fixtures/malformed/id_overflow.toml").unwrap();
    let err = store::parse(Path::new("malformed/id_overflow.toml"), &text).unwrap_err();
    let said = err.to_string();
    assert!(
        said.starts_with(
            "malformed/id_overflow.toml:12:6: the number in id `e18446744073709551615` is too large"
        ),
        "{said}"
    );
    assert!(said.contains("like id = \"e2\""), "the suggestion counts from the good ids: {said}");
    let (_, _, message) = error_for(&with_event_id("e99999999999999999999999999"));
    assert!(message.contains("too large"), "{message}");
}

#[test]
fn the_largest_allowed_id_loads_and_saves_again() {
    let text = with_event_id("e999999999999999999");
    let loaded = store::parse(Path::new("r.toml"), &text).unwrap();
    assert_eq!(loaded.session.events[0].id, "e999999999999999999");
    let again = store::parse(Path::new("r.toml"), &store::to_toml(&loaded.session)).unwrap();
    assert_eq!(again.session, loaded.session);
    let (_, _, message) = error_for(&with_event_id("e1000000000000000000"));
    assert!(message.contains("too large"), "{message}");
}

#[test]
fn a_hostile_id_is_shown_escaped_in_the_message() {
    let text = with_event_id("e1\\u001b]0;owned\\u0007");
    let (_, _, message) = error_for(&text);
    assert!(!message.chars().any(char::is_control), "{message:?}");
    assert!(message.contains("\\u{1b}]0;owned\\u{7}"), "{message}");
}

#[test]
fn a_parked_point_id_follows_the_grammar_too() {
    let text =
        "waterline = 1\n\n[incident]\ntitle = \"T\"\n\n[[parked]]\nid = \"P1\"\ntext = \"later\"\n";
    let (line, column, message) = error_for(text);
    assert_eq!((line, column), (7, 6));
    assert!(message.contains("parked point"), "{message}");
    let without_id = "waterline = 1\n\n[incident]\ntitle = \"T\"\n\n[[parked]]\ntext = \"later\"\n";
    assert!(store::parse(Path::new("r.toml"), without_id).is_ok());
}

/// What every failed load must look like: a place in the file and one line that says
/// what is wrong.
fn assert_well_formed(result: Result<store::Loaded, LoadError>) -> Result<(), TestCaseError> {
    match result {
        Ok(loaded) => {
            // What loads must save and load again: a save never writes what it cannot read.
            let text = store::to_toml(&loaded.session);
            let again = store::parse(Path::new("again.toml"), &text);
            prop_assert!(again.is_ok(), "saved text does not load: {:?}\n{}", again.err(), text);
        }
        Err(LoadError::Format { line, column, message, .. }) => {
            prop_assert!(line >= 1 && column >= 1);
            prop_assert!(!message.is_empty() && !message.contains('\n'), "{:?}", message);
        }
        Err(LoadError::Io { .. }) => prop_assert!(false, "no I/O happens on bytes"),
    }
    Ok(())
}

/// Small edits a hand or a bad merge makes: a byte dropped, doubled or replaced, a
/// fragment of TOML or a hostile character put in.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Insert(usize, &'static str),
    Replace(usize, u8),
}

const FRAGMENTS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]]",
    "[[",
    "=",
    "\n",
    "\r",
    "#",
    "\\",
    "\"\"\"",
    "{",
    "}",
    ",",
    "0",
    "id = \"e1\"\n",
    "[[why]]\n",
    "parent = \"w1\"\n",
    "[[event]]\n",
    "e18446744073709551615",
    "\u{1b}[2J",
    "\u{9b}",
    "\u{202e}",
    "\u{feff}",
    "\0",
    "9999-99-99T99:99:99Z",
    "-",
    "+",
    "waterline = 2\n",
    "[incident]\n",
    "answers = { a = \"yes\" }\n",
    "status = \"verified\"\n",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), prop::sample::select(FRAGMENTS)).prop_map(|(i, f)| Edit::Insert(i, f)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Replace(i, b)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match *edit {
            Edit::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i % bytes.len());
            }
            Edit::Delete(_) => {}
            Edit::Insert(i, fragment) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, fragment.bytes());
            }
            Edit::Replace(i, b) if !bytes.is_empty() => bytes[i % len] = b,
            Edit::Replace(..) => {}
        }
    }
    bytes
}

fn long_run_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

proptest! {
    // PROPTEST_CASES raises the count for a longer run (docs/RELIABILITY.md).
    #![proptest_config(ProptestConfig { cases: long_run_cases(512), ..ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        assert_well_formed(store::from_bytes(Path::new("fuzz.toml"), &bytes))?;
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_text(text in ".{0,300}") {
        assert_well_formed(store::parse(Path::new("fuzz.toml"), &format!("waterline = 1\n{text}")))?;
    }

    #[test]
    fn the_loader_never_panics_on_a_mutated_review(edits in prop::collection::vec(edit(), 1..8)) {
        let bytes = apply(GOLDEN.as_bytes().to_vec(), &edits);
        assert_well_formed(store::from_bytes(Path::new("golden.toml"), &bytes))?;
    }
}
