//! The language linter, rule by rule and exemption by exemption: what is flagged, at which
//! severity, with which exact span — and what is deliberately left alone.

use waterline::analysis::language::{Category, Finding, LintContext, Severity, lint};

fn run(text: &str) -> Vec<Finding> {
    lint(text, &LintContext::default())
}

fn with(text: &str, ctx: LintContext) -> Vec<Finding> {
    lint(text, &ctx)
}

/// Findings at warning or above, as `rule "matched"`.
fn warnings(text: &str) -> Vec<String> {
    warnings_in(&run(text))
}

fn warnings_in(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| format!("{} {:?}", f.rule, f.matched))
        .collect()
}

fn assert_flags(text: &str, rule: &str, matched: &str) {
    let found = run(text);
    assert!(
        found
            .iter()
            .any(|f| f.rule == rule && f.matched == matched && f.severity >= Severity::Warning),
        "{text:?}: expected {rule} {matched:?}, got {found:#?}"
    );
}

fn assert_clean(text: &str) {
    let w = warnings(text);
    assert!(w.is_empty(), "{text:?} should have no warning, got {w:?}");
}

fn categories(text: &str) -> Vec<Category> {
    run(text).iter().filter(|f| f.severity >= Severity::Warning).map(|f| f.category).collect()
}

// ─────────────────────────────────────── categories ───────────────────────────────────────

#[test]
fn counterfactual_and_hindsight() {
    assert_flags(
        "The engineer should have checked the lag.",
        "counterfactual-should-have",
        "should have",
    );
    assert_flags(
        "She shouldn't have pushed to main.",
        "counterfactual-should-have",
        "shouldn't have",
    );
    assert_flags("He could've waited for the canary.", "counterfactual-could-have", "could've");
    assert_flags("They ought to have escalated.", "counterfactual-ought-to-have", "ought to have");
    assert_flags("If only someone had looked.", "counterfactual-if-only", "If only");
    assert_flags("The DBA failed to verify the backup.", "counterfactual-failed-to", "failed to");
    assert_flags(
        "The operator neglected to drain the node.",
        "counterfactual-neglected-to",
        "neglected to",
    );
    assert_flags(
        "Marcus didn't bother running the canary.",
        "counterfactual-didnt-bother",
        "didn't bother",
    );
    assert_flags(
        "In hindsight, the reviewer made a bad call.",
        "hindsight-in-hindsight",
        "In hindsight",
    );
    assert_flags("It was obvious from the graphs.", "hindsight-obvious", "It was obvious");
    assert_flags(
        "Had the engineer followed the runbook, nothing broke.",
        "counterfactual-had-they",
        "Had the engineer followed",
    );
    assert!(
        categories("Priya should have paged the database team.")
            .contains(&Category::Counterfactual)
    );
}

#[test]
fn character_attribution_with_negation_and_inflection() {
    assert_flags("The engineer was careless with the file.", "character-careless", "careless");
    assert_flags("He carelessly pasted the key.", "character-careless", "carelessly");
    assert_flags("Carelessness led to the bad deploy.", "character-careless", "Carelessness");
    assert_flags(
        "The on-call wasn't careful when copying.",
        "character-careless",
        "wasn't careful",
    );
    assert_flags("The engineer needs to be more careful.", "character-careless", "be more careful");
    assert_flags("The change was sloppy.", "character-sloppy", "sloppy");
    assert_flags("A lazy fix.", "character-lazy", "lazy");
    assert_flags("The contractor was negligent.", "character-negligent", "negligent");
    assert_flags("Pushing on a Friday was reckless.", "character-reckless", "reckless");
    assert_flags(
        "The operator was not paying attention.",
        "character-inattentive",
        "was not paying attention",
    );
    assert_flags(
        "It happened because Sam was exhausted.",
        "character-state-as-cause",
        "was exhausted",
    );
    assert_flags("Greg was too tired to notice.", "character-too-tired", "too tired to");
    let insult = run("Whoever approved this is incompetent.");
    assert_eq!(insult[0].severity, Severity::Error);
}

#[test]
fn tiredness_as_a_condition_is_not_an_explanation() {
    // Fatigue described as a condition to change, not as the cause of a slip: info only.
    let text = "The on-call engineer was exhausted after three pages, so we moved the rotation.";
    let found = run(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Info);
    assert_clean("The connection pool was exhausted within ninety seconds.");
}

#[test]
fn knowledge_deficit() {
    assert_flags("The engineer didn't know about the flag.", "knowledge-didnt-know", "didn't know");
    assert_flags(
        "Ana should have known better.",
        "knowledge-should-have-known",
        "should have known better",
    );
    assert_flags(
        "The operator was unaware of the second region.",
        "knowledge-didnt-know",
        "was unaware",
    );
    assert_flags(
        "Because the on-call was inexperienced, it dragged on.",
        "knowledge-inexperienced",
        "inexperienced",
    );
    assert_flags("He was new to the team.", "knowledge-new-hire", "was new to the team");
    assert_flags("The DBA needs more training.", "knowledge-needs-training", "needs more training");
    assert_flags(
        "Action: more training for the on-call.",
        "knowledge-needs-training",
        "more training for",
    );
    assert_clean("The new hire paired with a senior engineer for the rollout.");
    assert_clean("The database didn't know about the new replica.");
}

#[test]
fn human_error_as_a_cause() {
    let w = warnings("Root cause: human error during a manual failover.");
    assert_eq!(w, ["human-error-root-cause \"Root cause:\"", "human-error \"human error\""]);
    assert_flags("It was caused by operator error.", "human-error-operator", "operator error");
    assert_flags(
        "An engineer fat-fingered the CIDR range.",
        "human-error-fat-finger",
        "fat-fingered",
    );
    assert_flags(
        "The outage was due to a typo in the config.",
        "human-error-typo",
        "due to a typo",
    );
    assert_flags(
        "The root cause was a stale cache.",
        "human-error-root-cause",
        "The root cause was",
    );
    assert_clean("A typo in the README was fixed in the same pull request.");
    assert_clean("The root cause analysis meeting is on Thursday.");
}

#[test]
fn person_as_subject_of_a_failure() {
    assert_flags("Maria forgot to re-enable alerting.", "person-forgot", "forgot");
    assert_flags("The on-call is forgetting the handover.", "person-forgot", "forgetting");
    assert_flags("The engineer deleted the production table.", "person-broke", "deleted");
    assert_flags("Team B broke the auth library.", "person-broke", "broke");
    assert_flags("The DBA missed the warning.", "person-missed", "missed");
    assert_flags("He ignored the low-disk warning.", "person-ignored", "ignored");
    assert_flags("The engineer made a mistake.", "person-mistake", "made a mistake");
    assert_flags("They didn't follow the runbook.", "person-omission", "didn't follow");
    assert_flags("Lee mistyped the region.", "person-mistyped", "mistyped");
    // The subject is shared across "and": the reviewer missed it, not the change.
    assert_flags(
        "The reviewer approved the change without reading it and missed the bug.",
        "person-missed",
        "missed",
    );
}

#[test]
fn known_names_are_people_whatever_their_case() {
    let names = ["Ngozi Okafor".to_string(), "Will".to_string()];
    let ctx = LintContext { known_names: &names, ..Default::default() };
    assert_eq!(
        warnings_in(&with("ngozi forgot to rotate the key.", ctx)),
        ["person-forgot \"forgot\""]
    );
    assert_eq!(warnings_in(&with("Okafor ignored the page.", ctx)), ["person-ignored \"ignored\""]);
    // "Will" is a name here, not the auxiliary it would otherwise be skipped as.
    assert_eq!(warnings_in(&with("Will forgot the flag.", ctx)), ["person-forgot \"forgot\""]);
}

#[test]
fn condescension() {
    assert_flags(
        "Obviously, nobody should run a migration at peak.",
        "condescension-obviously",
        "Obviously",
    );
    assert_flags(
        "The engineer just had to check the dashboard.",
        "condescension-just",
        "just had to",
    );
    assert_flags(
        "All he had to do was read the alert.",
        "condescension-all-it-took",
        "All he had to do",
    );
    assert_flags("Clearly the operator skipped the runbook.", "condescension-clearly", "Clearly");
    assert_flags("She could simply have used staging.", "condescension-simply", "simply");
    assert_flags("An easily avoidable outage.", "condescension-easy", "easily avoidable");
    assert_flags(
        "Any competent engineer checks the lag.",
        "condescension-any-competent",
        "Any competent engineer",
    );
    // "clearly" about an artefact, "simply" about a system, "just" as time: nothing.
    assert_clean("The retry storm clearly shows up in the graph.");
    assert_clean("The service simply stopped responding.");
    assert_clean("Just before 09:00 the error rate doubled.");
    assert_clean("The rollback button was clearly labelled.");
}

#[test]
fn outcome_judgement() {
    assert_flags(
        "It was a catastrophic mistake.",
        "outcome-judgement-mistake",
        "catastrophic mistake",
    );
    assert_flags("That fatal typo cost us four hours.", "outcome-judgement-mistake", "fatal typo");
    assert_flags(
        "Skipping the canary was inexcusable.",
        "outcome-judgement-inexcusable",
        "inexcusable",
    );
    assert_flags(
        "There is no excuse for this.",
        "outcome-judgement-inexcusable",
        "There is no excuse",
    );
    assert_clean("The process exited with a fatal error after the upgrade.");
}

// ─────────────────────────────────────── exemptions ───────────────────────────────────────

#[test]
fn a_system_as_the_subject_is_not_a_finding() {
    for text in [
        "The health check failed to detect the stale pool.",
        "The migration script did not update existing configs.",
        "The runbook did not mention the second cluster.",
        "Kubernetes failed to schedule the pods.",
        "Postgres ignored the new setting until the restart.",
        "The alert should have fired at 14:02.",
        "A canary deployment would have limited the blast radius.",
        "The cleanup job deleted snapshots older than seven days.",
        "Traffic failed to drain from the old pool.",
        "The missed heartbeat triggered a failover.",
    ] {
        assert!(run(text).is_empty(), "{text:?}: {:#?}", run(text));
    }
}

#[test]
fn the_organisation_owning_a_failure_is_not_a_warning() {
    assert_clean("We failed you, and we are deeply sorry.");
    assert_clean("The buck stops with us.");
    let found = run("We should have anticipated it.");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].rule.as_str(), found[0].severity),
        ("counterfactual-should-have", Severity::Info)
    );
    assert_clean("In hindsight, we should have anticipated the campaign traffic.");
    assert_clean("Our team missed the early signals.");
    assert_clean("Nobody was careless here; the tooling made the wrong action the easy one.");
}

#[test]
fn neutral_facts_are_not_findings() {
    for text in [
        "A valid customer configuration change triggered the bug.",
        "The on-call engineer rolled back the release.",
        "At 14:32 Maria restarted the primary database.",
        "Because no one knew configs existed in that format.",
        "It was an easy mistake to make: the clusters have nearly identical names.",
    ] {
        assert!(run(text).is_empty(), "{text:?}: {:#?}", run(text));
    }
}

#[test]
fn negation_cancels_character_and_cause_words() {
    assert_clean("This was not human error; the tool accepted an invalid value.");
    assert_clean("It was not because anyone was careless.");
    assert_clean("There is no single root cause.");
    assert_clean("Rather than human error, look at the deploy tool.");
    assert_clean("I don't think the engineer was careless.");
    assert_clean("The pipeline treats non-negligent omissions the same way.");
    // A negation in an earlier clause does not cancel a later one.
    assert_flags(
        "The review did not happen, and the engineer was careless.",
        "character-careless",
        "careless",
    );
}

#[test]
fn quotes_and_code_spans_are_evidence_at_most_info() {
    for (text, matched) in [
        ("The chat shows \"who broke prod? he should have known\" at 14:05.", "should have known"),
        ("The chat shows “he should have known” at 14:05.", "should have known"),
        ("Someone wrote 'the engineer was careless' in the ticket.", "careless"),
        ("The log said `operator error: retry` twice.", "operator error"),
    ] {
        let found = run(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        assert_eq!(found[0].severity, Severity::Info, "{text:?}");
        assert!(found[0].quoted, "{text:?}");
        assert_eq!(found[0].matched, matched);
    }
    // An info-level match inside quotes is not worth reporting at all.
    assert!(run("She said \"we should have anticipated it\".").is_empty());
    // Apostrophes are not quotes.
    assert_flags("The engineer's change wasn't careful.", "character-careless", "wasn't careful");
}

#[test]
fn markdown_mode_treats_fenced_code_and_block_quotes_as_evidence() {
    let text = "# Timeline\n\n```\n$ deploy\n\nthe operator was careless\n```\n\n> he should have known\n\nThe DBA forgot the flag.\n";
    let plain = with(text, LintContext::default());
    assert_eq!(warnings_in(&plain).len(), 3, "{plain:#?}");
    let md = with(text, LintContext { markdown: true, ..Default::default() });
    assert_eq!(warnings_in(&md), ["person-forgot \"forgot\""]);
    let quoted: Vec<_> = md.iter().filter(|f| f.quoted).map(|f| f.rule.as_str()).collect();
    assert_eq!(quoted, ["character-careless", "knowledge-should-have-known"]);
    assert!(md.iter().filter(|f| f.quoted).all(|f| f.severity == Severity::Info));
    // Inline code is evidence in both modes.
    let inline = "Run `the engineer forgot` as a test.";
    assert!(warnings(inline).is_empty());
    assert!(
        warnings_in(&with(inline, LintContext { markdown: true, ..Default::default() })).is_empty()
    );
}

#[test]
fn self_review_raises_first_person_self_blame() {
    let normal = LintContext::default();
    let solo = LintContext { self_review: true, ..Default::default() };
    for (text, rule) in [
        ("I was careless and pushed the wrong branch.", "character-careless"),
        ("It's my fault the site went down.", "character-self-blame"),
        ("I'm an idiot for not checking the cluster.", "character-self-blame"),
        ("I forgot to remove the debug flag.", "person-forgot"),
    ] {
        let quiet = with(text, normal);
        assert!(
            quiet.iter().any(|f| f.rule == rule && f.severity == Severity::Info),
            "{text:?}: {quiet:#?}"
        );
        assert!(warnings_in(&quiet).is_empty(), "{text:?}: {quiet:#?}");
        let loud = with(text, solo);
        assert!(
            loud.iter().any(|f| f.rule == rule && f.severity == Severity::Warning),
            "{text:?}: {loud:#?}"
        );
    }
    // First-person hindsight is hindsight in either mode.
    for ctx in [normal, solo] {
        assert_eq!(warnings_in(&with("I should have double-checked the host.", ctx)).len(), 1);
        assert_eq!(warnings_in(&with("I should have known the lock.", ctx)).len(), 1);
    }
    // Owning a mistake is what the review wants to hear.
    for ctx in [normal, solo] {
        assert!(with("I made a mistake, and here is what we should change.", ctx).is_empty());
    }
}

// ────────────────────────────────────────── spans ─────────────────────────────────────────

#[test]
fn spans_count_characters_after_unicode() {
    let text = "Über-Team 東京 🚒: the engineer should have waited.";
    let found = run(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(&text[f.start..f.end], "should have");
    assert_eq!((f.line, f.column, f.end_line, f.end_column), (1, 30, 1, 41));
    let prefix: String = text.chars().take(f.column - 1).collect();
    assert!(prefix.ends_with("engineer "));
}

#[test]
fn a_phrase_wrapped_over_lines_spans_them() {
    let text = "Summary\nthe engineer should\n  have waited, and it didn’t\nmatter.\n\nThe DBA didn’t know.";
    let found = run(text);
    let f = found.iter().find(|f| f.rule == "counterfactual-should-have").expect("found");
    assert_eq!(f.matched, "should\n  have");
    assert_eq!((f.line, f.column, f.end_line, f.end_column), (2, 14, 3, 7));
    let k = found.iter().find(|f| f.rule == "knowledge-didnt-know").expect("curly apostrophe");
    assert_eq!(k.matched, "didn’t know");
    assert_eq!((k.line, k.column, k.end_line, k.end_column), (6, 9, 6, 20));
    assert!(found.windows(2).all(|w| w[0].start < w[1].start), "sorted");
}

#[test]
fn words_inside_other_words_are_not_matches() {
    for text in [
        "The scheduler will readjust the weights.",
        "The linter is lazy-loaded to keep startup fast.",
        "Dynamo-style sloppy quorums let writes succeed.",
        "The .gitignore file lists build output.",
        "The service uses lazy loading for configs.",
    ] {
        assert!(run(text).is_empty(), "{text:?}: {:#?}", run(text));
    }
}

#[test]
fn empty_and_odd_input() {
    assert!(run("").is_empty());
    assert!(run("\n\n\t ").is_empty());
    assert!(run("’“”‘`````").is_empty());
    assert_eq!(run("careless").len(), 1);
    assert_eq!(run("CARELESS!").len(), 1);
}
