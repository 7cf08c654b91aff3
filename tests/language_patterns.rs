//! The shapes found missing on published postmortems, each as table rows on both sides:
//! judged omissions, passive hindsight, a person introducing the fault (against plain
//! response narrative), and answers to "why?" that stop at a person — with the rule that
//! decides each, and the sentences that must stay clean.

use waterline::analysis::language::{Category, LintContext, Severity, lint, person_focus};

/// (text, rule expected at warning or above; "" for nothing at warning or above)
type Row = (&'static str, &'static str);

fn check(rows: &[Row], ctx: &LintContext) {
    let mut wrong = Vec::new();
    for (text, rule) in rows {
        let found: Vec<_> =
            lint(text, ctx).into_iter().filter(|f| f.severity >= Severity::Warning).collect();
        let ok = match *rule {
            "" => found.is_empty(),
            rule => found.iter().any(|f| f.rule == rule),
        };
        if !ok {
            let got: Vec<_> = found.iter().map(|f| format!("{} {:?}", f.rule, f.matched)).collect();
            wrong.push(format!("{text:?}: want {rule:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn judged_omissions_by_people_and_teams_but_not_by_systems_or_the_organisation() {
    check(
        &[
            (
                "The release captain did not tag the build before promoting it.",
                "counterfactual-omission",
            ),
            (
                "The storage team never rotated the replication credentials.",
                "counterfactual-omission",
            ),
            ("Ravi hadn't rerun the migration after the rebase.", "counterfactual-omission"),
            (
                "The reviewer's failure to open the generated file let the bug through.",
                "counterfactual-failure-to",
            ),
            (
                "Their failure to page the database team cost an hour.",
                "counterfactual-their-failure-to",
            ),
            (
                "The on-call was supposed to silence the canary alerts.",
                "counterfactual-supposed-to",
            ),
            // The organisation owning it, a system, not an act, a passive, a decision with its reason.
            ("We did not rehearse the failover, and we own that.", ""),
            ("Our failure to budget for the migration is on leadership.", ""),
            ("The scheduler did not retry the failed shard.", ""),
            ("The operator did not receive the second page.", ""),
            ("The on-call was never paged for the replica.", ""),
            ("The SRE did not fail over, since the standby was behind.", ""),
        ],
        &LintContext::default(),
    );
}

#[test]
fn passive_hindsight_about_a_duty_but_not_about_outcomes_or_routing() {
    check(
        &[
            ("The index change should have been load-tested first.", "counterfactual-passive"),
            (
                "The stale certificate could easily have been spotted on the dashboard.",
                "counterfactual-passive",
            ),
            (
                "The hotfix ought to have been reviewed by the owning team.",
                "counterfactual-passive",
            ),
            ("The change should not have been merged on a red build.", "counterfactual-passive"),
            ("The damage could have been much worse without the read replica.", ""),
            ("The alert should have been routed to the data team.", ""),
            ("The retry budget should have been 3, not 30.", ""),
            ("A feature flag would have been caught by the rollout tool.", ""),
        ],
        &LintContext::default(),
    );
}

#[test]
fn a_person_introducing_the_fault_but_not_the_response_narrative() {
    check(
        &[
            (
                "An engineer pushed a schema change that locked the invoices table.",
                "person-introduced-fault",
            ),
            (
                "The operator accidentally restarted the primary instead of the replica.",
                "person-introduced-fault",
            ),
            ("Maya deployed an untested build to the payment hosts.", "person-introduced-fault"),
            (
                "A developer disabled the rate limiter, bringing the login service down.",
                "person-introduced-fault",
            ),
            ("The admin skipped the canary and shipped to all regions.", "person-bypassed"),
            ("The on-call restarted the ingest workers at 03:40.", ""),
            ("Maya deployed the fix to the payment hosts at 11:02.", ""),
            ("The DBA removed the stuck lock to restore writes.", ""),
            ("The engineer ran the documented rollback, which took four minutes.", ""),
            (
                "An engineer applied the change exactly as the runbook said; the runbook was wrong.",
                "",
            ),
        ],
        &LintContext::default(),
    );
}

#[test]
fn answers_to_why_that_stop_at_a_person_and_answers_that_reach_the_system() {
    let answer = LintContext { answer: true, ..LintContext::default() };
    check(
        &[
            ("Rushed to get it out before the freeze", "character-haste-fatigue"),
            ("Tired after a week of pages", "character-haste-fatigue"),
            ("Didn't run the migration against a copy first", "counterfactual-omission"),
            ("A lapse in concentration during the cutover", "character-inattentive"),
            ("Poor judgement under pressure", "character-judgement"),
            ("Mistakes by the release team", "human-error-by"),
            ("Complacency after months without an incident", "character-complacent"),
            ("The connection pool was exhausted", ""),
            ("Dev was exhausted by the load test", ""),
            ("The deploy pipeline did not run the smoke tests", ""),
            ("Alert fatigue from a noisy pager", ""),
        ],
        &answer,
    );
    // The same words outside an answer are a condition, not the explanation.
    check(
        &[("The batch job was rushed into production for the deadline.", "")],
        &LintContext::default(),
    );
}

#[test]
fn the_person_focus_question_leaves_out_root_cause_claims_and_condescension() {
    let ctx = LintContext::default();
    assert!(person_focus("The root cause was a bad config push.", &ctx).is_none());
    assert!(person_focus("Obviously nobody should deploy on Friday.", &ctx).is_none());
    let f = person_focus("The operator forgot to drain the node.", &ctx).expect("a person");
    assert_eq!((f.category, f.matched.as_str()), (Category::PersonAsSubject, "forgot"));
    let f = person_focus("The drain step should have been tested.", &ctx).expect("hindsight");
    assert_eq!(f.category, Category::Counterfactual);
    assert!(person_focus("\"I forgot to drain it\", she wrote.", &ctx).is_none(), "quoted");
}
