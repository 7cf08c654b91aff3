//! Wrong-turn detection on answers a room might give. Written against
//! `analysis::whys::wrong_turn` only, so it holds whatever matcher sits behind it.

use waterline::analysis::whys::wrong_turn;

/// Answers that stop at a system condition (or keep asking): never a wrong turn.
const SYSTEM: &[&str] = &[
    "A config change disabled authentication between the payment service and the processor",
    "The config schema changed and old values became invalid",
    "The migration script didn't update existing configs",
    "No one knew configs existed in that format",
    "Documentation was outdated and there was no config inventory",
    "The deploy pipeline has no canary stage for config changes",
    "The connection pool was exhausted under the retry storm",
    "The alert threshold was tuned for a tenth of today's traffic",
    "Review was optional for config-only changes, so skipping it was the normal path",
    "The runbook linked a dashboard for a cluster retired in January",
    "The rota is one person for seven days with no secondary",
    "A noisy batch-job alert paged twice overnight",
    "The deploy tool accepts changes without a second reviewer",
    "The fallback sends requests without credentials instead of stopping",
    "Disk space on the log volume ran out because rotation was disabled",
    "The override files live outside the config repo, so no tool could see them",
    "The health check only tests that the process is up, not that auth works",
    "Nothing in the pipeline checks a config file against the current schema",
    "The staging cohort and the production cohort look identical in the picker",
    "The blameless review template asks for the timeline first",
    "Alert fatigue from a noisy pager that fires every night",
    "The forgotten cron job still wrote the old format",
    "Careful review is required for code but not for config",
];

/// Answers that land on a person: each must be caught, with the words that did it.
const PERSON: &[(&str, &str)] = &[
    ("Because they were careless", "careless"),
    ("The engineer acted carelessly", "carelessly"),
    ("Carelessness during the rollout", "Carelessness"),
    ("The on-call wasn't careful", "wasn't careful"),
    ("He was not careful enough with the flag", "not careful"),
    ("Priya should have been more careful", "more careful"),
    ("The change was rushed before the freeze", "rushed"),
    ("The team was rushing to ship", "rushing"),
    ("They deployed it in a hurry", "in a hurry"),
    ("The on-call was tired", "tired"),
    ("Dev was fatigued after a long week", "fatigued"),
    ("The responder was exhausted", "exhausted"),
    ("Dev was exhausted", "exhausted"),
    ("They didn't know the override files existed", "didn't know"),
    ("The author did not know about the old format", "did not know"),
    ("Didn’t realise the flag applied to everyone", "Didn’t realise"),
    ("The engineer forgot to run the validation script", "forgot"),
    ("She forgets the checklist under pressure", "forgets"),
    ("The operator wasn't aware of the second region", "wasn't aware"),
    ("They shouldn't have pushed on a Friday", "shouldn't have"),
    ("Someone should've checked the dashboard", "should've"),
    ("The engineer ought to have asked for a review", "ought to have"),
    ("If only the on-call had looked at the logs", "If only"),
    ("Human error", "Human error"),
    ("Root cause: operator error during the deploy", "operator error"),
    ("A mistake by the payments engineer", "mistake by"),
    ("The engineer made a mistake in the config", "made a mistake"),
    ("It was Jonas's fault", "Jonas's fault"),
    ("It was their mistake", "their mistake"),
    ("The engineer fat-fingered the value", "fat-fingered"),
    ("Not paying attention to the deploy output", "Not paying attention"),
    ("The on-call didn't pay attention to the warning", "didn't pay attention"),
    ("Lazy testing by the team", "Lazy"),
    ("Sloppy work on the migration", "Sloppy"),
    ("The new engineer was inexperienced", "inexperienced"),
    ("The developer was negligent", "negligent"),
    ("Engineer X needs training", "needs training"),
    ("The reviewer was distracted by another incident", "distracted"),
    ("The operator ignored the warning banner", "ignored"),
    ("Poor judgement by the on-call", "Poor judgement"),
];

#[test]
fn system_answers_are_not_wrong_turns() {
    let names = vec!["Priya".to_string(), "Dev".to_string()];
    for answer in SYSTEM {
        assert_eq!(wrong_turn(answer, &names), None, "flagged a system answer: {answer}");
    }
}

#[test]
fn answers_that_land_on_a_person_are_caught_with_their_words() {
    let names = vec!["Priya".to_string(), "Dev".to_string(), "Jonas".to_string()];
    for (answer, words) in PERSON {
        let turn = wrong_turn(answer, &names).unwrap_or_else(|| panic!("missed: {answer}"));
        // The span covers the listed words, or lies within them.
        let (got, want) = (turn.matched.to_lowercase(), words.to_lowercase());
        assert!(got.contains(&want) || want.contains(&got), "in: {answer}: matched {got:?}");
        assert_eq!(&answer[turn.start..turn.end], turn.matched);
    }
}

#[test]
fn the_table_is_big_enough_to_mean_something() {
    assert!(SYSTEM.len() + PERSON.len() >= 40);
    assert!(PERSON.len() >= 30, "inflections and negations included");
}

#[test]
fn an_ambiguous_word_needs_a_person_in_the_answer() {
    assert!(wrong_turn("The worker pool was exhausted", &[]).is_none());
    assert!(wrong_turn("Dev was exhausted", &[]).is_none(), "Dev is not known as a person here");
    assert!(wrong_turn("Dev was exhausted", &["Dev".into()]).is_some());
}

mod reframing {
    use waterline::analysis::check::Severity;
    use waterline::analysis::whys::{checks, reframed, states};
    use waterline::model::{Session, Why};

    /// w2 is a wrong turn; w3 beside it a system condition; `extra` adds more answers.
    fn tree(extra: Vec<Why>) -> Session {
        let mut s = Session::new("Checkout errors");
        s.whys.push(Why::new("w1", None, "A flag change enabled the tax engine for everyone"));
        s.whys.push(Why::new("w2", Some("w1"), "The engineer was careless with the picker"));
        let mut w3 = Why::new("w3", Some("w1"), "The picker preselects the everyone cohort");
        w3.system_condition = true;
        s.whys.push(w3);
        s.whys.extend(extra);
        s
    }

    fn reframing(id: &str, text: &str, of: &str) -> Why {
        Why { reframes: Some(of.into()), ..Why::new(id, Some("w1"), text) }
    }

    #[test]
    fn a_system_condition_sibling_does_not_reframe_a_wrong_turn() {
        let s = tree(Vec::new());
        let st = &states(&s)["w2"];
        assert!(st.wrong_turn.is_some() && !st.reframed && st.reframed_by.is_none());
        let w2: Vec<_> =
            checks(&s).into_iter().filter(|c| c.item.to_string() == "why:w2").collect();
        assert_eq!(w2.len(), 1);
        assert_eq!((w2[0].severity, w2[0].reframed), (Severity::Warning, false));
    }

    #[test]
    fn only_an_answer_that_says_so_reframes_and_the_wrong_turn_stays_reported_at_info() {
        let s = tree(vec![reframing("w4", "Nothing confirms a rollout to everyone", "w2")]);
        let st = &states(&s)["w2"];
        assert!(st.reframed);
        assert_eq!(st.reframed_by.as_deref(), Some("w4"));
        assert!(
            checks(&s).iter().all(|c| c.item.to_string() != "why:w2"),
            "nothing left to look at"
        );
        let w2 = reframed(&s);
        assert_eq!(w2.len(), 1, "never silent");
        assert_eq!(
            (w2[0].item.to_string(), w2[0].severity),
            ("why:w2".to_string(), Severity::Info)
        );
        assert!(w2[0].reframed && w2[0].message.contains("w4"), "{}", w2[0].message);
    }

    #[test]
    fn a_reframing_that_is_itself_a_wrong_turn_does_not_count() {
        let s = tree(vec![reframing("w4", "The reviewer should have caught it", "w2")]);
        assert!(!states(&s)["w2"].reframed);
    }

    #[test]
    fn removing_a_wrong_turn_drops_the_links_to_it() {
        let mut s = tree(vec![reframing("w4", "Nothing confirms a rollout to everyone", "w2")]);
        s.remove_why_subtree("w2");
        assert_eq!(s.whys.iter().find(|w| w.id == "w4").and_then(|w| w.reframes.clone()), None);
    }
}
