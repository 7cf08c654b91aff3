//! The lexicon as data: every built-in phrase is reachable, user lexicons add, replace and
//! disable rules, a broken one is reported by line, and the JSON shape of a finding.

use waterline::analysis::language::{Lexicon, LintContext, Severity, lint, lint_with};

/// Every phrase of every built-in rule, placed in a sentence with a person as its subject,
/// is found by its own rule with exactly that text: no phrase is shadowed by another rule,
/// an allowed phrase or a word boundary.
#[test]
fn every_builtin_phrase_is_matched_by_its_rule() {
    let lexicon = Lexicon::builtin();
    let mut checked = 0;
    for rule in lexicon.rules() {
        for phrase in &rule.phrases {
            let ctx = LintContext { self_review: rule.subject() == "self", ..Default::default() };
            let text = match rule.subject() {
                "self" => format!("{phrase} and left."),
                "agent" => format!("It was a {phrase} the engineer."),
                _ if rule.is_omission() => format!("The engineer {phrase} run the check."),
                _ if rule.takes_next_word() => format!("The change {phrase} tested twice."),
                _ if rule.needs_fault() => format!("The engineer {phrase} the wrong change."),
                _ => format!("The engineer {phrase} the change."),
            };
            let found = lint(&text, &ctx);
            // An omission's finding takes in the act after it: "did not run".
            let same = |matched: &str| match rule.takes_next_word() {
                true => matched.to_lowercase().starts_with(&format!("{phrase} ")),
                false => matched.to_lowercase() == *phrase,
            };
            assert!(
                found.iter().any(|f| f.rule == rule.id && same(&f.matched)),
                "rule {} does not find {phrase:?} in {text:?}: {found:#?}",
                rule.id
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} phrases");
}

/// Allowed phrases never produce a finding over their own span.
#[test]
fn every_allowed_phrase_silences_its_span() {
    for phrase in Lexicon::builtin().allowed_phrases() {
        let text = format!("The engineer {phrase} the change.");
        let span = 13..13 + phrase.len();
        let found = lint(&text, &LintContext::default());
        assert!(
            found.iter().all(|f| f.end <= span.start || f.start >= span.end),
            "{text:?}: {found:#?}"
        );
    }
}

#[test]
fn a_user_lexicon_adds_rules_and_words() {
    let user = r#"
[words]
person = ["firefighter"]

[[rule]]
id = "team-hero"
category = "outcome-judgement"
severity = "error"
subject = "any"
phrases = ["hero{|es} of the {day|night}"]
message = "Heroics hide the system that needed them"
reframe = "What made heroics necessary?"
"#;
    let (lexicon, messages) = Lexicon::with_user(user);
    assert!(messages.is_empty(), "{messages:?}");
    let found = lint_with(&lexicon, "She was the hero of the night.", &LintContext::default());
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].rule.as_str(), found[0].severity), ("team-hero", Severity::Error));
    let found = lint_with(&lexicon, "The firefighter forgot the hose.", &LintContext::default());
    assert_eq!(found[0].rule, "person-forgot");
    assert!(lint("The firefighter forgot the hose.", &LintContext::default()).is_empty());
}

#[test]
fn a_user_lexicon_disables_and_replaces_builtin_rules() {
    let user = r#"
disable = ["condescension-just", "character-sloppy"]

[[rule]]
id = "character-careless"
category = "character-attribution"
severity = "info"
phrases = ["careless"]
message = "Our house style allows it"
reframe = "Still: what made it easy?"
"#;
    let (lexicon, messages) = Lexicon::with_user(user);
    assert!(messages.is_empty(), "{messages:?}");
    let ctx = LintContext::default();
    assert!(lint_with(&lexicon, "The engineer just had to look.", &ctx).is_empty());
    assert!(lint_with(&lexicon, "The change was sloppy.", &ctx).is_empty());
    let found = lint_with(&lexicon, "The engineer was careless.", &ctx);
    assert_eq!(
        (found[0].severity, found[0].message.as_str()),
        (Severity::Info, "Our house style allows it")
    );
    // The replaced rule keeps only the user's phrases.
    let found = lint_with(&lexicon, "He carelessly pasted it.", &ctx);
    assert!(found.iter().all(|f| f.rule != "character-careless"), "{found:?}");
    assert_eq!(lexicon.rules().len(), Lexicon::builtin().rules().len() - 2);
}

#[test]
fn problems_in_a_user_lexicon_name_the_line_and_spare_the_rest() {
    let user = r#"disable = ["no-such-rule"]

[[rule]]
id = "missing-reframe"
category = "counterfactual"
severity = "warning"
phrases = ["x"]
message = "m"

[[rule]]
id = "bad-category"
category = "blame"
severity = "warning"
phrases = ["y"]
message = "m"
reframe = "r?"

[[rule]]
id = "bad-braces"
category = "counterfactual"
severity = "warning"
phrases = ["a{b"]
message = "m"
reframe = "r?"

[[rule]]
id = "fine"
category = "counterfactual"
severity = "warning"
phrases = ["zorp"]
message = "m"
reframe = "r?"
"#;
    let (lexicon, messages) = Lexicon::with_user(user);
    assert_eq!(messages.len(), 4, "{messages:#?}");
    assert!(messages[0].starts_with("line 3:") && messages[0].contains("reframe"), "{messages:?}");
    assert!(messages[1].starts_with("line 10:") && messages[1].contains("blame"), "{messages:?}");
    assert!(messages[2].starts_with("line 18:") && messages[2].contains("a{b"), "{messages:?}");
    assert!(
        messages[3].starts_with("line 1:") && messages[3].contains("no-such-rule"),
        "{messages:?}"
    );
    assert_eq!(lint_with(&lexicon, "zorp", &LintContext::default())[0].rule, "fine");
}

#[test]
fn a_user_lexicon_that_is_not_toml_or_has_unknown_keys_is_ignored_with_a_message() {
    for (user, line) in [
        ("[[rule]\nid = 1", "line 1:"),
        ("\n\n[[rule]]\nid = \"a\"\nseverty = \"info\"\n", "line 5:"),
        ("[[rules]]\nid = \"a\"\n", "line 1:"),
        ("disable = \"condescension-just\"\n", "line 1:"),
    ] {
        let (lexicon, messages) = Lexicon::with_user(user);
        assert!(messages.iter().any(|m| m.starts_with(line)), "{user:?}: {messages:?}");
        assert!(messages.iter().any(|m| m.contains("not applied")), "{messages:?}");
        assert_eq!(lexicon.rules().len(), Lexicon::builtin().rules().len());
    }
}

#[test]
fn an_empty_user_lexicon_changes_nothing() {
    let (lexicon, messages) = Lexicon::with_user("");
    assert!(messages.is_empty());
    let text = "The engineer should have known; it was careless.";
    assert_eq!(
        lint_with(&lexicon, text, &LintContext::default()),
        lint(text, &LintContext::default())
    );
}

#[test]
fn json_fields_are_the_public_interface() {
    let found = lint("x\nThe DBA forgot it.", &LintContext::default());
    let json = serde_json::to_value(&found[0]).expect("serialises");
    let object = json.as_object().expect("an object");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "category",
            "column",
            "end_column",
            "end_line",
            "line",
            "matched",
            "message",
            "quoted",
            "rule",
            "severity",
            "suggestion"
        ]
    );
    assert_eq!(json["category"], "person-as-subject");
    assert_eq!(json["severity"], "warning");
    assert_eq!((json["line"].as_u64(), json["column"].as_u64()), (Some(2), Some(9)));
    assert_eq!(json["matched"], "forgot");
}
