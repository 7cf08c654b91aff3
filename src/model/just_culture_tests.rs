//! The decision table's checks, on small broken tables, and the built-in table's shape.
use super::*;

/// A node line: id and its yes / no / don't know targets.
fn node(id: &str, yes: &str, no: &str, dont_know: &str) -> String {
    format!(
        "[[node]]\nid = \"{id}\"\nshort = \"s\"\nquestion = \"q?\"\nhelp = \"h\"\n\
         yes = \"{yes}\"\nno = \"{no}\"\ndont_know = \"{dont_know}\"\ninvestigate = \"find out\"\n"
    )
}

fn outcome(id: &str, rank: u8) -> String {
    format!(
        "[[outcome]]\nid = \"{id}\"\nfamily = \"human-error\"\nlabel = \"L\"\nshort = \"l\"\nrank = {rank}\n\
         response = \"r\"\ndrafts = [\"d\"]\n"
    )
}

fn table(parts: &[String]) -> Result<DecisionTable, Vec<TableError>> {
    DecisionTable::parse(&format!("start = \"a\"\n{}", parts.join("\n")))
}

fn errors(parts: &[String]) -> Vec<TableError> {
    table(parts).expect_err("the table is broken")
}

#[test]
fn a_small_sound_table_loads() {
    let t = table(&[
        node("a", "b", "o1", "o1"),
        node("b", "o2", "o1", "o1"),
        outcome("o1", 0),
        outcome("o2", 1),
    ]);
    let t = t.expect("sound");
    assert_eq!(t.longest_from(t.start()), 2);
}

#[test]
fn a_dangling_target_is_reported_with_its_question_and_answer() {
    let errs = errors(&[node("a", "o1", "nowhere", "o1"), outcome("o1", 0)]);
    assert_eq!(
        errs,
        [TableError::Dangling { node: "a".into(), answer: "no", target: "nowhere".into() }]
    );
    assert!(errs[0].to_string().contains("`nowhere`"));
}

#[test]
fn an_unreachable_node_and_outcome_are_reported() {
    let errs = errors(&[
        node("a", "o1", "o1", "o1"),
        node("island", "o2", "o1", "o1"),
        outcome("o1", 0),
        outcome("o2", 0),
    ]);
    assert!(errs.contains(&TableError::Unreachable("island".into())), "{errs:?}");
    // o2 is only reached from the island, so it is unreachable too.
    assert!(errs.contains(&TableError::Unreachable("o2".into())), "{errs:?}");
}

#[test]
fn a_cycle_is_reported_with_its_path() {
    let errs = errors(&[node("a", "b", "o1", "o1"), node("b", "a", "o1", "o1"), outcome("o1", 0)]);
    assert_eq!(errs, [TableError::Cycle(vec!["a".into(), "b".into(), "a".into()])]);
    assert!(errs[0].to_string().contains("a → b → a"));
}

#[test]
fn a_question_that_leads_to_itself_is_a_cycle() {
    let errs = errors(&[node("a", "a", "o1", "o1"), outcome("o1", 0)]);
    assert!(matches!(errs.as_slice(), [TableError::Cycle(_)]), "{errs:?}");
}

#[test]
fn dont_know_must_take_the_less_culpable_branch() {
    let errs = errors(&[node("a", "o1", "o2", "o2"), outcome("o1", 0), outcome("o2", 3)]);
    assert_eq!(errs, [TableError::DontKnowHarsher("a".into())]);
    let errs = errors(&[node("a", "o1", "o1", "o2"), outcome("o1", 0), outcome("o2", 0)]);
    assert_eq!(errs, [TableError::DontKnowElsewhere("a".into())]);
}

#[test]
fn a_missing_start_duplicates_and_empty_fields_are_messages() {
    let errs = DecisionTable::parse(&format!("start = \"zz\"\n{}", outcome("o1", 0))).unwrap_err();
    assert_eq!(errs, [TableError::NoStart("zz".into())]);
    let errs = errors(&[node("a", "o1", "o1", "o1"), outcome("o1", 0), outcome("o1", 0)]);
    assert!(errs.contains(&TableError::Duplicate("o1".into())), "{errs:?}");
    let no_drafts = outcome("o1", 0).replace("drafts = [\"d\"]", "drafts = []");
    let errs = errors(&[node("a", "o1", "o1", "o1"), no_drafts]);
    assert_eq!(errs, [TableError::Empty { item: "o1".into(), field: "drafts" }]);
}

#[test]
fn text_that_is_not_a_table_is_a_message_not_a_panic() {
    for text in
        ["", "start = 3", "start = \"a\"\n[[node]]\nid = 1", "[[[", "start = \"a\"\nsurprise = 1"]
    {
        let errs = DecisionTable::parse(text).expect_err(text);
        assert!(!errs.is_empty() && !errs[0].to_string().is_empty());
    }
}

#[test]
fn the_built_in_table_loads_and_follows_the_design() {
    let t = builtin().expect("assets/just_culture.toml is valid");
    assert_eq!(t.start().id, "deliberate_harm");
    let ids: Vec<&str> = t.outcomes().iter().map(|o| o.id.as_str()).collect();
    for id in [
        "human-error",
        "human-error-system-induced",
        "human-error-coaching",
        "human-error-targeted-support",
        "at-risk",
        "at-risk-drift",
        "reckless",
        "out-of-scope-harm",
        "out-of-scope-support",
    ] {
        assert!(ids.contains(&id), "{id} is an outcome");
    }
    // The eleven questions of DESIGN §4, each with its two branches.
    let branches = [
        ("deliberate_harm", "out-of-scope-harm", "impairment"),
        ("impairment", "work_conditions", "intended_act"),
        ("work_conditions", "human-error-system-induced", "out-of-scope-support"),
        ("intended_act", "rule_exists", "substitution"),
        ("rule_exists", "rule_workable", "substitution"),
        ("rule_workable", "knowing_departure", "at-risk-drift"),
        ("knowing_departure", "risk_recognised", "substitution"),
        ("risk_recognised", "reckless", "at-risk"),
        ("substitution", "repetition", "deficiency"),
        ("deficiency", "human-error-system-induced", "human-error-coaching"),
        ("repetition", "human-error-targeted-support", "human-error"),
    ];
    assert_eq!(t.nodes().len(), branches.len());
    for (id, yes, no) in branches {
        let n = t.node(id).unwrap_or_else(|| panic!("{id} is a question"));
        assert_eq!((n.yes.as_str(), n.no.as_str()), (yes, no), "{id}");
    }
    for o in t.outcomes() {
        assert!(o.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{} is kebab-case", o.id);
        assert!(o.drafts.iter().all(|d| d.contains("{act}")), "{} drafts name the act", o.id);
    }
    assert_eq!(t.longest_from(t.start()), 8);
}

#[test]
fn outcome_severity_is_never_asked() {
    let t = builtin().expect("valid");
    for n in t.nodes() {
        let q = n.question.to_lowercase();
        assert!(!q.contains("severity") && !q.contains("how bad"), "{} asks about severity", n.id);
    }
}
