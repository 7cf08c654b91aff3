//! The life of an action item: idea → open → in-progress → done → verified, and wont-do;
//! the notes verified and wont-do need; and what counts as coverage of a factor.

use chrono::NaiveDate;

use waterline::analysis::strength::{uncovered_factors, weak_factors};
use waterline::model::actions::{Refusal, parse_due};
use waterline::model::{ActionItem, ActionStatus, Factor, Session};

use ActionStatus::*;

fn action(status: ActionStatus) -> ActionItem {
    ActionItem { id: "a1".into(), text: "Add a hook".into(), status, ..ActionItem::default() }
}

#[test]
fn the_happy_path_runs_from_idea_to_verified() {
    let mut a = action(Idea);
    for to in [Open, InProgress, Done] {
        a.move_to(to, "").unwrap_or_else(|e| panic!("{to:?}: {e}"));
    }
    a.move_to(Verified, "The synthetic failure test pages within four minutes").expect("verified");
    assert_eq!(a.status, Verified);
    assert_eq!(a.verification, "The synthetic failure test pages within four minutes");
}

#[test]
fn every_pair_of_statuses_is_allowed_or_refused_as_the_table_says() {
    let allowed = [
        (Idea, Open),
        (Idea, WontDo),
        (Open, InProgress),
        (Open, Done),
        (Open, WontDo),
        (Open, Idea),
        (InProgress, Open),
        (InProgress, Done),
        (InProgress, WontDo),
        (Done, Verified),
        (Done, InProgress),
        (Verified, InProgress),
        (WontDo, Open),
        (WontDo, Idea),
    ];
    for from in ActionStatus::ALL {
        for to in ActionStatus::ALL {
            let mut a = action(from);
            let result = a.move_to(to, "a note");
            if from == to {
                assert_eq!(result, Err(Refusal::Already(to)));
            } else if allowed.contains(&(from, to)) {
                assert_eq!(result, Ok(()), "{from:?} → {to:?}");
                assert_eq!(a.status, to);
            } else {
                assert!(matches!(result, Err(Refusal::NotAllowed { .. })), "{from:?} → {to:?}");
                assert_eq!(a.status, from, "a refused step changes nothing");
            }
        }
    }
}

#[test]
fn an_illegal_step_is_refused_with_where_it_can_go() {
    let mut a = action(Open);
    let refusal = a.move_to(Verified, "it works").expect_err("open cannot be verified");
    let text = refusal.to_string();
    assert!(text.contains("open cannot go straight to verified; it can go to"), "{text}");
    assert!(text.contains("in progress, done, won't do, idea"), "{text}");
    let mut idea = action(Idea);
    assert!(idea.move_to(Done, "").is_err(), "an idea is committed before it is done");
}

#[test]
fn verified_needs_evidence_and_wont_do_needs_a_decision() {
    let mut a = action(Done);
    assert_eq!(a.move_to(Verified, "   "), Err(Refusal::NeedsVerification));
    assert_eq!(a.status, Done);
    assert!(Refusal::NeedsVerification.to_string().contains("the alert that fired"));
    let mut b = action(Open);
    assert_eq!(b.move_to(WontDo, ""), Err(Refusal::NeedsDecision));
    let reason = "Accepted risk: the service is retired in May";
    b.move_to(WontDo, reason).expect("with a decision");
    assert_eq!(b.decision, reason);
    assert!(Refusal::NeedsDecision.to_string().contains("legitimate"));
}

#[test]
fn a_note_already_recorded_is_kept_when_none_is_given() {
    let mut a = ActionItem { verification: "Drill on 3 May".into(), ..action(Done) };
    a.move_to(Verified, "").expect("the recorded evidence stands");
    assert_eq!(a.verification, "Drill on 3 May");
}

#[test]
fn the_evidence_of_a_verified_action_and_a_decision_can_be_rewritten() {
    let mut a = ActionItem { verification: "Drill on 3 May".into(), ..action(Verified) };
    assert!(Verified.can_take(Verified) && !Done.can_take(Done));
    a.move_or_note(Verified, "Drill on 3 May, and the alert fired on 9 May").expect("rewritten");
    assert_eq!(
        (a.status, a.verification.as_str()),
        (Verified, "Drill on 3 May, and the alert fired on 9 May")
    );
    assert_eq!(a.move_or_note(Verified, " "), Err(Refusal::NeedsVerification));
    let mut b = ActionItem { decision: "Retired in May".into(), ..action(WontDo) };
    b.move_or_note(WontDo, "Retired in June instead").expect("rewritten");
    assert_eq!(b.decision, "Retired in June instead");
    assert_eq!(action(Open).move_or_note(Open, "x"), Err(Refusal::Already(Open)));
}

#[test]
fn ideas_are_not_committed_and_only_open_work_counts_as_open() {
    assert!(!Idea.is_committed());
    assert!(ActionStatus::ALL.iter().filter(|s| **s != Idea).all(|s| s.is_committed()));
    let open: Vec<_> = ActionStatus::ALL.into_iter().filter(|s| s.is_open()).collect();
    assert_eq!(open, [Open, InProgress]);
    let glyphs: std::collections::HashSet<_> =
        ActionStatus::ALL.iter().map(|s| s.glyph()).collect();
    assert_eq!(glyphs.len(), 6, "each status has its own shape");
}

#[test]
fn due_dates_are_typed_as_dates_or_days_from_today() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 4).expect("a date");
    let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    assert_eq!(parse_due("2026-03-20", today), Ok(day("2026-03-20")));
    assert_eq!(parse_due("+14d", today), Ok(day("2026-03-18")));
    assert_eq!(parse_due("14d", today), Ok(day("2026-03-18")));
    assert_eq!(parse_due("+2w", today), Ok(day("2026-03-18")));
    assert_eq!(parse_due("", today), Ok(None));
    let err = parse_due("next friday", today).expect_err("not a date");
    assert!(err.to_string().contains("+14d"), "{err}");
    assert!(parse_due("+99999999999999w", today).is_err(), "no overflow");
}

fn review(actions: Vec<ActionItem>) -> Session {
    let mut s = Session::new("Review");
    for id in ["f1", "f2", "f3"] {
        s.factors.push(Factor { id: id.into(), text: format!("factor {id}"), ..Factor::default() });
    }
    s.actions = actions;
    s
}

fn on(id: &str, text: &str, status: ActionStatus, factor: &str) -> ActionItem {
    ActionItem {
        id: id.into(),
        text: text.into(),
        status,
        factors: vec![factor.into()],
        ..ActionItem::default()
    }
}

#[test]
fn ideas_do_not_cover_a_factor_and_a_decision_against_does() {
    let mut s = review(vec![
        on("a1", "Add a pre-deploy hook that validates the schema", Open, "f1"),
        on("a2", "Add a secondary to the rota", Idea, "f2"),
        on("a3", "Split the config per host", WontDo, "f3"),
    ]);
    let uncovered: Vec<String> = uncovered_factors(&s).into_iter().map(|(id, _)| id).collect();
    assert_eq!(uncovered, ["f2"], "an idea is not coverage");
    s.factors[1].accepted_risk = "The rota grows in May".into();
    assert!(uncovered_factors(&s).is_empty(), "an accepted risk is a decision");
}

#[test]
fn a_factor_with_only_training_and_reminders_is_warned_about() {
    let s = review(vec![
        on("a1", "Run a workshop on the config schema for the on-call rota", Open, "f1"),
        on("a2", "Remind engineers to double-check configs", InProgress, "f1"),
        on("a3", "Run a workshop on alerting", Open, "f2"),
        on("a4", "Make the pipeline block unreviewed config changes", Open, "f2"),
        on("a5", "Add a hook that blocks invalid configs", Idea, "f3"),
        on("a6", "Remind everyone to be careful", Open, "f3"),
    ]);
    let weak: Vec<String> = weak_factors(&s).into_iter().map(|(id, _)| id).collect();
    assert_eq!(weak, ["f1", "f3"], "f2 has a guard; f3's guard is only an idea");
    assert!(weak_factors(&s)[0].1.contains("bottom rungs"));
}
