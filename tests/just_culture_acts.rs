//! Described acts, most from public incident write-ups, each with the answers a room could
//! reasonably give and the outcome they must lead to. Outcomes depend on the answers only;
//! the same act with other facts would be classified differently, which is the point.

use waterline::model::Answer::{DontKnow as DK, No, Yes};
use waterline::model::behaviour::{Classifier, derive_outcome, outcome_disagrees};
use waterline::model::just_culture::builtin;
use waterline::model::{Answer, Behaviour};

struct Case {
    source: &'static str,
    act: &'static str,
    answers: &'static [(&'static str, Answer)],
    outcome: &'static str,
}

const CASES: &[Case] = &[
    Case {
        source: "AWS S3, us-east-1, February 2017",
        act: "Ran the capacity-removal command from the established playbook with one input mistyped, removing far more servers than intended",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", No),
            ("substitution", Yes),
            ("repetition", No),
        ],
        outcome: "human-error",
    },
    Case {
        source: "GitLab.com database outage, January 2017",
        act: "Removed the database directory on the primary host instead of the secondary, late at night after hours of replication firefighting",
        answers: &[("deliberate_harm", No), ("impairment", Yes), ("work_conditions", Yes)],
        outcome: "human-error-system-induced",
    },
    Case {
        source: "a config change shipped without review (the pattern in many public write-ups)",
        act: "Merged and deployed a config change without a second reviewer while review was optional and most config changes shipped that way",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", Yes),
            ("rule_workable", No),
        ],
        outcome: "at-risk-drift",
    },
    Case {
        source: "a checklist skipped under release pressure where skipping was routine",
        act: "Skipped the pre-release checklist to make the release window, as the team routinely did",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", Yes),
            ("rule_workable", No),
        ],
        outcome: "at-risk-drift",
    },
    Case {
        source: "Knight Capital, August 2012",
        act: "Deployed the new trading code by hand, server by server, missing one of eight, with no written procedure or second technician to check",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", No),
            ("substitution", Yes),
            ("repetition", No),
        ],
        outcome: "human-error",
    },
    Case {
        source: "Atlassian site deletion, April 2022",
        act: "Ran the deletion script with the list of IDs another team handed over, which were site IDs where app IDs were expected",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", Yes),
            ("rule_workable", Yes),
            ("knowing_departure", No),
            ("substitution", Yes),
            ("repetition", No),
        ],
        outcome: "human-error",
    },
    Case {
        source: "Facebook backbone outage, October 2021",
        act: "Issued a routine command to assess backbone capacity, which the audit tool failed to stop and which withdrew every backbone connection",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", Yes),
            ("rule_workable", Yes),
            ("knowing_departure", No),
            ("substitution", Yes),
            ("repetition", No),
        ],
        outcome: "human-error",
    },
    Case {
        source: "Salesforce DNS outage, May 2021",
        act: "Used the emergency break-fix process to push a DNS change to every data centre at once instead of the staggered rollout",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", Yes),
            ("rule_workable", Yes),
            ("knowing_departure", Yes),
            ("risk_recognised", No),
        ],
        outcome: "at-risk",
    },
    Case {
        source: "British Airways data centre power loss, May 2017 (as reported)",
        act: "Reconnected the power supply to the data centre in an unplanned way after it had been cut, causing a surge",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", Yes),
            ("rule_workable", Yes),
            ("knowing_departure", Yes),
            ("risk_recognised", No),
        ],
        outcome: "at-risk",
    },
    Case {
        source: "Cisco WebEx Teams, 2018 (US Department of Justice, 2020)",
        act: "Logged in to the cloud account after leaving the company and deleted 456 virtual machines",
        answers: &[("deliberate_harm", Yes)],
        outcome: "out-of-scope-harm",
    },
    Case {
        source: "a load balancer config lost during a shift handover (facts still being gathered)",
        act: "Overwrote the load balancer config during a handover",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", DK),
            ("substitution", DK),
            ("repetition", DK),
        ],
        outcome: "human-error",
    },
    Case {
        source: "constructed: reckless acts are rare in public write-ups",
        act: "Disabled the deploy-freeze check to ship during a declared freeze, after the change owner warned in writing that it would break checkout",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", Yes),
            ("rule_workable", Yes),
            ("knowing_departure", Yes),
            ("risk_recognised", Yes),
        ],
        outcome: "reckless",
    },
    Case {
        source: "constructed",
        act: "Pasted a production API key into a public channel instead of the team's secret store",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", No),
            ("substitution", No),
            ("deficiency", No),
        ],
        outcome: "human-error-coaching",
    },
    Case {
        source: "constructed",
        act: "Restarted the wrong service from the shared console, the third similar slip after pairing and a tooling change",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", No),
            ("substitution", Yes),
            ("repetition", Yes),
        ],
        outcome: "human-error-targeted-support",
    },
    Case {
        source: "constructed",
        act: "Approved a schema change while unwell on medication, on a quiet day with a full team",
        answers: &[("deliberate_harm", No), ("impairment", Yes), ("work_conditions", No)],
        outcome: "out-of-scope-support",
    },
    Case {
        source: "constructed",
        act: "Merged a change a new starter had not been shown how to test, with no pairing offered",
        answers: &[
            ("deliberate_harm", No),
            ("impairment", No),
            ("intended_act", Yes),
            ("rule_exists", No),
            ("substitution", No),
            ("deficiency", Yes),
        ],
        outcome: "human-error-system-induced",
    },
];

fn owned(answers: &[(&str, Answer)]) -> Vec<(String, Answer)> {
    answers.iter().map(|(q, a)| (q.to_string(), *a)).collect()
}

#[test]
fn described_acts_reach_their_expected_outcomes() {
    let public = CASES.iter().filter(|c| !c.source.starts_with("constructed")).count();
    assert!(public >= 10, "{public} acts from public incidents");
    for case in CASES {
        let answers = owned(case.answers);
        let outcome = derive_outcome(&answers)
            .unwrap_or_else(|e| panic!("{} ({}): {e}", case.act, case.source));
        assert_eq!(outcome.id, case.outcome, "{} ({})", case.act, case.source);
    }
}

#[test]
fn described_acts_answered_one_by_one_in_the_wizard_ask_exactly_those_questions() {
    let table = builtin().expect("valid table");
    for case in CASES {
        let mut c = Classifier::start(table);
        for (question, answer) in case.answers {
            let asked = c.question().map(|n| n.id.as_str());
            assert_eq!(asked, Some(*question), "{}", case.act);
            assert!(c.answer(*answer));
        }
        assert_eq!(c.outcome().map(|o| o.id.as_str()), Some(case.outcome), "{}", case.act);
        let drafts = c.drafts(case.act);
        assert!(!drafts.is_empty(), "{} proposes a system action", case.act);
        let dont_knows = case.answers.iter().filter(|(_, a)| *a == DK).count();
        assert_eq!(drafts.iter().filter(|d| d.investigation).count(), dont_knows, "{}", case.act);
    }
}

#[test]
fn described_acts_stored_with_their_outcome_do_not_disagree() {
    for case in CASES {
        let b = Behaviour {
            id: "b1".into(),
            act: case.act.into(),
            answers: owned(case.answers),
            outcome: case.outcome.into(),
            ..Behaviour::default()
        };
        assert_eq!(outcome_disagrees(&b), None, "{}", case.act);
    }
}
