//! The classifier as a state machine over the built-in table.
use super::*;

fn table() -> &'static DecisionTable {
    builtin().expect("the built-in table is valid")
}

fn answers(list: &[(&str, Answer)]) -> Vec<(String, Answer)> {
    list.iter().map(|(q, a)| (q.to_string(), *a)).collect()
}

const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::DontKnow];

/// Every sequence of answers the table allows, each ending at an outcome.
fn every_path() -> Vec<Classifier<'static>> {
    let mut done = Vec::new();
    let mut todo = vec![Classifier::start(table())];
    while let Some(c) = todo.pop() {
        assert!(c.answers().len() <= 20, "a path that never ends: {:?}", c.answers());
        if c.outcome().is_some() {
            done.push(c);
            continue;
        }
        for a in ALL {
            let mut next = c.clone();
            assert!(next.answer(a));
            todo.push(next);
        }
    }
    done
}

#[test]
fn every_path_through_the_table_reaches_an_outcome_with_a_system_action() {
    let paths = every_path();
    assert!(paths.len() > 50, "{} paths", paths.len());
    for c in &paths {
        let outcome = c.outcome().expect("finished");
        assert!(!c.drafts("the act").is_empty(), "{:?} proposes no action", c.answers());
        assert_eq!(derive_outcome(c.answers()), Ok(outcome));
        let progress_never_lies = c.answers().len() <= table().longest_from(table().start());
        assert!(progress_never_lies);
    }
    // And every outcome is reached by some path.
    for o in table().outcomes() {
        assert!(paths.iter().any(|c| c.outcome() == Some(o)), "{} is reached", o.id);
    }
}

#[test]
fn dont_know_at_every_question_follows_its_branch_and_drafts_an_investigation() {
    for node in table().nodes() {
        let taken = DecisionTable::dont_know_means(node);
        assert_ne!(taken, Answer::DontKnow);
        assert_eq!(table().next(node, Answer::DontKnow), table().next(node, taken), "{}", node.id);
    }
    let mut c = Classifier::start(table());
    while c.answer(Answer::DontKnow) {}
    // All "don't know": the benefit of the doubt at every turn.
    assert_eq!(c.outcome().map(|o| o.id.as_str()), Some("human-error-system-induced"));
    let drafts = c.drafts("Restarted the primary");
    let investigations: Vec<_> = drafts.iter().filter(|d| d.investigation).collect();
    assert_eq!(investigations.len(), c.answers().len(), "one investigation per unknown");
    assert!(investigations.iter().all(|d| d.text.contains("“Restarted the primary”")));
}

#[test]
fn back_takes_an_answer_away_and_a_new_answer_rederives_what_follows() {
    let mut c = Classifier::start(table());
    for a in [Answer::No, Answer::No, Answer::Yes, Answer::Yes, Answer::No] {
        c.answer(a);
    }
    assert_eq!(c.outcome().map(|o| o.id.as_str()), Some("at-risk-drift"));
    assert!(c.back());
    assert_eq!(c.question().map(|n| n.id.as_str()), Some("rule_workable"));
    assert!(c.back());
    assert!(c.back());
    assert_eq!(c.question().map(|n| n.id.as_str()), Some("intended_act"));
    c.answer(Answer::No);
    assert_eq!(c.question().map(|n| n.id.as_str()), Some("substitution"));
    c.answer(Answer::Yes);
    c.answer(Answer::No);
    assert_eq!(c.outcome().map(|o| o.id.as_str()), Some("human-error"));
    let path: Vec<&str> = c.path().iter().map(|s| s.node.id.as_str()).collect();
    assert_eq!(
        path,
        ["deliberate_harm", "impairment", "intended_act", "substitution", "repetition"]
    );
    while c.back() {}
    assert_eq!(c.question().map(|n| n.id.as_str()), Some("deliberate_harm"));
    assert!(!c.back(), "nothing before the first question");
}

#[test]
fn progress_counts_the_longest_path_still_possible() {
    let mut c = Classifier::start(table());
    assert_eq!(c.progress(), Some(Progress { number: 1, at_most: 8 }));
    c.answer(Answer::No);
    c.answer(Answer::Yes); // impaired: only work conditions is left
    assert_eq!(c.progress(), Some(Progress { number: 3, at_most: 3 }));
    c.back();
    c.answer(Answer::No);
    c.answer(Answer::No); // a slip: substitution, then one more
    assert_eq!(c.progress(), Some(Progress { number: 4, at_most: 5 }));
    c.answer(Answer::Yes);
    c.answer(Answer::No);
    assert_eq!(c.progress(), None, "finished");
    assert!(!c.answer(Answer::Yes), "no question left to answer");
}

#[test]
fn drafts_are_tied_to_the_answer_that_drove_them() {
    let c = Classifier::resume(
        table(),
        &answers(&[
            ("deliberate_harm", Answer::No),
            ("impairment", Answer::No),
            ("intended_act", Answer::Yes),
            ("rule_exists", Answer::No),
            ("substitution", Answer::Yes),
            ("repetition", Answer::No),
        ]),
    );
    let drafts = c.drafts("Wrote the migration");
    assert!(drafts[0].text.starts_with("Write and test a procedure for “Wrote the migration”"));
    assert_eq!(drafts[0].because, "Rule covered it: no");
    assert!(drafts[1].text.starts_with("Make this error harder to make or easier to catch"));
    assert_eq!(c.factors(), ["no procedure", "a trap for anyone"]);
}

#[test]
fn resume_keeps_answers_on_the_path_and_drops_the_rest() {
    let stored = answers(&[
        ("deliberate_harm", Answer::No),
        ("impairment", Answer::No),
        ("repetition", Answer::Yes),
        ("intended_act", Answer::Yes),
    ]);
    let c = Classifier::resume(table(), &stored);
    assert_eq!(c.answers().len(), 3);
    assert_eq!(c.question().map(|n| n.id.as_str()), Some("rule_exists"));
}

#[test]
fn derive_reports_why_answers_lead_nowhere() {
    assert_eq!(derive_outcome(&[]), Err(DeriveError::NoAnswers));
    let unknown = answers(&[("mood", Answer::Yes)]);
    assert_eq!(derive_outcome(&unknown), Err(DeriveError::UnknownQuestion("mood".into())));
    let short = answers(&[("deliberate_harm", Answer::No)]);
    assert_eq!(derive_outcome(&short), Err(DeriveError::Unanswered("impairment".into())));
    let extra = answers(&[("deliberate_harm", Answer::Yes), ("impairment", Answer::No)]);
    assert_eq!(derive_outcome(&extra), Err(DeriveError::OffPath(vec!["impairment".into()])));
}

#[test]
fn a_stored_outcome_that_disagrees_with_the_answers_is_detected() {
    let mut b = Behaviour {
        id: "b1".into(),
        answers: answers(&[
            ("deliberate_harm", Answer::No),
            ("impairment", Answer::No),
            ("intended_act", Answer::Yes),
            ("rule_exists", Answer::Yes),
            ("rule_workable", Answer::No),
        ]),
        outcome: "at-risk-drift".into(),
        ..Behaviour::default()
    };
    assert_eq!(outcome_disagrees(&b), None);
    b.outcome = "at-risk".into();
    assert_eq!(outcome_disagrees(&b), None, "the family alone is not a disagreement");
    b.outcome = "reckless".into();
    let d = outcome_disagrees(&b).expect("disagrees");
    assert_eq!(
        d,
        Disagreement::Differs { stored: "reckless".into(), derived: "at-risk-drift".into() }
    );
    b.outcome.clear();
    assert!(matches!(outcome_disagrees(&b), Some(Disagreement::Missing { .. })));
    b.answers.pop();
    b.outcome = "human-error".into();
    assert!(matches!(outcome_disagrees(&b), Some(Disagreement::Unsupported { .. })));
    assert_eq!(outcome_disagrees(&Behaviour::default()), None, "not classified yet");
}

#[test]
fn reckless_needs_evidence_and_a_second_reviewer() {
    let reckless = table().outcome("reckless").expect("an outcome");
    let mut b = Behaviour::default();
    assert_eq!(b.reckless_gaps(reckless), ["evidence", "second_reviewer"]);
    b.evidence = "Chat log 14:02: warned in writing, went ahead".into();
    b.second_reviewer = "Noor".into();
    assert!(b.reckless_gaps(reckless).is_empty());
    let at_risk = table().outcome("at-risk").expect("an outcome");
    assert!(Behaviour::default().reckless_gaps(at_risk).is_empty());
}

#[test]
fn half_classified_answers_without_an_outcome_are_not_a_disagreement() {
    let mut b = Behaviour {
        answers: answers(&[("deliberate_harm", Answer::No), ("impairment", Answer::No)]),
        ..Behaviour::default()
    };
    assert_eq!(outcome_disagrees(&b), None, "an act can be half-classified");
    let resumed = Classifier::resume(table(), &b.answers);
    assert_eq!(resumed.answers().len(), 2, "picked up where it stopped");
    assert!(resumed.question().is_some());
    // An outcome stored over unfinished answers still disagrees; so do answers off the path.
    b.outcome = "human-error".into();
    assert!(matches!(outcome_disagrees(&b), Some(Disagreement::Unsupported { .. })));
    b.outcome.clear();
    b.answers.push(("no_such_question".into(), Answer::Yes));
    assert!(outcome_disagrees(&b).is_some());
}
