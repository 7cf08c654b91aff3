//! Properties of the file format: any session survives save → load unchanged, and no text
//! at all can make the loader panic.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use proptest::prelude::*;
use proptest::sample::Index;
use toml::Value;
use waterline::model::{
    ActionItem, ActionKind, ActionStatus, Answer, Behaviour, Category, Dismissal, Event, EventKind,
    Extra, Factor, Incident, Lessons, Mode, Parked, Participant, ReviewStatus, Session, Timestamp,
    Why,
};
use waterline::store;

/// Text as people type and paste it: plain words, any printable Unicode, and a mix heavy in
/// the characters TOML has to escape (quotes, backslashes, newlines, controls).
fn text() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        any::<char>(),
        Just('"'),
        Just('\''),
        Just('\\'),
        Just('\n'),
        Just('\r'),
        Just('\t'),
        Just(' '),
    ];
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 ,.]{1,24}",
        "\\PC{1,24}",
        prop::collection::vec(tricky, 1..24).prop_map(|cs| cs.into_iter().collect()),
    ]
}

/// Second precision, 1970–2100, any whole-minute offset a clock might use.
fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_102_444_800, -14 * 60..=14 * 60i32).prop_map(|(secs, minutes)| {
        let zone = FixedOffset::east_opt(minutes * 60).unwrap();
        DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&zone)
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..60_000).prop_map(|days| {
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(days as u64)
    })
}

fn extra() -> impl Strategy<Value = Extra> {
    let scalar = prop_oneof![
        any::<i64>().prop_map(Value::Integer),
        any::<bool>().prop_map(Value::Boolean),
        text().prop_map(Value::String),
    ];
    let value = scalar.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{1,5}", inner), 0..3)
                .prop_map(|kv| Value::Table(kv.into_iter().collect())),
        ]
    });
    // Prefixed so they never collide with a key the format knows; some need quoting.
    let key = prop_oneof!["x_[a-z_]{1,8}", "x [a-z.\"\\\\]{1,4}"];
    prop::collection::vec((key, value), 0..3).prop_map(|kv| kv.into_iter().collect())
}

fn pick<T: Clone + std::fmt::Debug>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn incident() -> impl Strategy<Value = Incident> {
    let title = "\\PC{0,12}[a-zA-Z]\\PC{0,20}";
    let times = prop::array::uniform4(prop::option::of(timestamp()));
    let participants = prop::collection::vec((text(), text()), 0..3)
        .prop_map(|ps| ps.into_iter().map(|(name, role)| Participant { name, role }).collect());
    (
        (title, text(), pick(&ReviewStatus::ALL), pick(&[Mode::Facilitated, Mode::SelfReview])),
        (text(), text(), times, text()),
        (participants, prop::collection::vec(text(), 0..3), extra(), text(), text()),
    )
        .prop_map(
            |(
                (title, severity, status, mode),
                (summary, impact, t, facilitator),
                (participants, tags, extra, gate_override, private_notes),
            )| {
                Incident {
                    title,
                    severity,
                    status,
                    mode,
                    summary,
                    impact,
                    started_at: t[0],
                    detected_at: t[1],
                    mitigated_at: t[2],
                    resolved_at: t[3],
                    // The day of the review, when the file has one: a day of some time.
                    review_date: t[1].map(|t| t.date_naive()),
                    facilitator,
                    participants,
                    tags,
                    gate_override,
                    private_notes,
                    extra,
                }
            },
        )
}

/// Up to two references to items `{prefix}1..={prefix}n` (none when there are none).
fn refs(prefix: &'static str, n: usize) -> impl Strategy<Value = Vec<String>> {
    let len = if n == 0 { 0..1 } else { 0..3 };
    prop::collection::vec(1..=n.max(1), len)
        .prop_map(move |picks| picks.into_iter().map(|k| format!("{prefix}{k}")).collect())
}

fn event(i: usize) -> impl Strategy<Value = Event> {
    (timestamp(), pick(&EventKind::ALL), (text(), text(), text()), extra()).prop_map(
        move |(at, kind, (text, source, known_then), extra)| Event {
            id: format!("e{}", i + 1),
            at,
            kind,
            text,
            source,
            known_then,
            extra,
        },
    )
}

/// A why's parent is always an earlier why, so the tree can have no loop.
fn why(i: usize) -> impl Strategy<Value = Why> {
    let parent = prop::option::of(refs("w", i)).prop_map(|r| r.and_then(|mut r| r.pop()));
    // A reframing link may name any why, even one that is not there: the file keeps it and
    // `check` reports it.
    let reframes = prop::option::of(refs("w", i + 2)).prop_map(|r| r.and_then(|mut r| r.pop()));
    ((parent, reframes), text(), any::<bool>(), text(), extra()).prop_map(
        move |((parent, reframes), text, system_condition, note, extra)| Why {
            id: format!("w{}", i + 1),
            parent,
            text,
            system_condition,
            note,
            reframes,
            extra,
        },
    )
}

fn factor(i: usize, whys: usize, events: usize) -> impl Strategy<Value = Factor> {
    let links = (refs("w", whys), refs("e", events));
    (text(), pick(&Category::ALL), links, text(), extra()).prop_map(
        move |(text, category, (whys, events), accepted_risk, extra)| Factor {
            id: format!("f{}", i + 1),
            text,
            category,
            whys,
            events,
            accepted_risk,
            extra,
        },
    )
}

fn behaviour(i: usize, events: usize) -> impl Strategy<Value = Behaviour> {
    let answer = pick(&[Answer::Yes, Answer::No, Answer::DontKnow]);
    // Question ids in any script, each asked once, order kept.
    let answers = prop::collection::vec(("\\PC{1,12}", answer), 0..6).prop_map(|answers| {
        let mut seen = std::collections::HashSet::new();
        answers.into_iter().filter(|(q, _)| seen.insert(q.clone())).collect()
    });
    let event = refs("e", events).prop_map(|mut r| r.pop());
    let review = (text(), text());
    ((text(), text(), event), answers, (text(), text()), review, extra()).prop_map(
        move |(
            (act, context, event),
            answers,
            (outcome, note),
            (evidence, second_reviewer),
            extra,
        )| {
            Behaviour {
                id: format!("b{}", i + 1),
                act,
                context,
                event,
                answers,
                outcome,
                note,
                evidence,
                second_reviewer,
                extra,
            }
        },
    )
}

fn action(i: usize, factors: usize, behaviours: usize) -> impl Strategy<Value = ActionItem> {
    use ActionKind as K;
    use ActionStatus as S;
    let status = pick(&[S::Idea, S::Open, S::InProgress, S::Done, S::Verified, S::WontDo]);
    let kind = prop::option::of(pick(&[K::Detect, K::Mitigate, K::Prevent, K::Repair, K::Process]));
    let who = (text(), text(), text());
    let how = (prop::option::of(date()), status, kind, (refs("f", factors), refs("b", behaviours)));
    let record = (text(), text(), text(), prop::option::of(date()));
    (who, how, record, extra()).prop_map(
        move |(
            (text, team, owner),
            (due, status, kind, (factors, behaviours)),
            (ticket, verification, decision, verified_on),
            extra,
        )| {
            ActionItem {
                id: format!("a{}", i + 1),
                text,
                team,
                owner,
                due,
                status,
                kind,
                factors,
                behaviours,
                ticket,
                verification,
                verified_on,
                decision,
                extra,
            }
        },
    )
}

fn dismissal() -> impl Strategy<Value = Dismissal> {
    (text(), text(), text(), text(), text()).prop_map(|(item, field, rule, matched, reason)| {
        Dismissal { item, field, rule, matched, reason, extra: Default::default() }
    })
}

fn lessons() -> impl Strategy<Value = Lessons> {
    let list = || prop::collection::vec(text(), 0..3);
    (list(), list(), list(), extra()).prop_map(|(went_well, went_wrong, lucky, extra)| Lessons {
        went_well,
        went_wrong,
        lucky,
        extra,
    })
}

/// A whole review: unique ids per kind, and every reference leads to an existing item.
fn session() -> impl Strategy<Value = Session> {
    (0..5usize, 0..6usize, 0..4usize, 0..3usize, 0..4usize).prop_flat_map(|(ne, nw, nf, nb, na)| {
        (
            incident(),
            (0..ne).map(event).collect::<Vec<_>>(),
            (0..nw).map(why).collect::<Vec<_>>(),
            (0..nf).map(|i| factor(i, nw, ne)).collect::<Vec<_>>(),
            (0..nb).map(|i| behaviour(i, ne)).collect::<Vec<_>>(),
            (0..na).map(|i| action(i, nf, nb)).collect::<Vec<_>>(),
            proptest::collection::vec(dismissal(), 0..3),
            proptest::collection::vec((text(), text()), 0..3),
            extra(),
            lessons(),
        )
            .prop_map(
                |(
                    incident,
                    events,
                    whys,
                    factors,
                    behaviours,
                    actions,
                    dismissed,
                    parked,
                    extra,
                    lessons,
                )| {
                    let parked = (parked.into_iter().enumerate())
                        .map(|(i, (text, step))| Parked {
                            id: format!("p{}", i + 1),
                            text,
                            step,
                            extra: Default::default(),
                        })
                        .collect();
                    Session {
                        incident,
                        events,
                        whys,
                        factors,
                        behaviours,
                        actions,
                        dismissed,
                        parked,
                        conflicts: Vec::new(),
                        lessons,
                        extra,
                    }
                },
            )
    })
}

/// Every time in the session with the offset it carries.
fn offsets(s: &Session) -> Vec<String> {
    let i = &s.incident;
    [i.started_at, i.detected_at, i.mitigated_at, i.resolved_at]
        .into_iter()
        .flatten()
        .chain(s.events.iter().map(|e| e.at))
        .map(|t| t.to_rfc3339())
        .collect()
}

proptest! {
    #[test]
    fn any_session_survives_save_and_load_unchanged(session in session()) {
        let text = store::to_toml(&session);
        let loaded = store::parse(Path::new("roundtrip.toml"), &text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n---\n{text}")))?;
        prop_assert!(!loaded.read_only);
        prop_assert_eq!(&loaded.session, &session, "written as:\n{}", text);
        // `DateTime` equality compares instants only; the offset must survive as well.
        prop_assert_eq!(offsets(&loaded.session), offsets(&session));
        // And writing it again gives the same bytes: saves do not churn diffs.
        prop_assert_eq!(store::to_toml(&loaded.session), text);
    }

    #[test]
    fn loader_never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = store::parse(Path::new("any.toml"), &text);
    }

    #[test]
    fn loader_never_panics_on_a_damaged_golden_file(at in any::<Index>(), cut in 0..40usize, insert in "\\PC{0,12}") {
        let golden = include_str!("fixtures/golden.toml");
        let mut start = at.index(golden.len());
        while !golden.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut).min(golden.len());
        while !golden.is_char_boundary(end) { end -= 1; }
        let damaged = format!("{}{insert}{}", &golden[..start], &golden[end..]);
        let _ = store::parse(Path::new("damaged.toml"), &damaged);
    }
}
