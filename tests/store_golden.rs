//! The golden reference file: a complete session in the canonical form of format 1.

use std::path::Path;

use waterline::model::{ActionStatus, Answer, ReviewStatus};
use waterline::store;

const GOLDEN: &str = include_str!("fixtures/golden.toml");

fn golden() -> store::Loaded {
    store::parse(Path::new("golden.toml"), GOLDEN).expect("the golden file loads")
}

#[test]
fn golden_file_loads_without_notices() {
    let loaded = golden();
    assert!(!loaded.read_only);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
}

#[test]
fn golden_file_saves_back_byte_for_byte() {
    let text = store::to_toml(&golden().session);
    if text != GOLDEN {
        // Show the first differing line: easier to act on than two long strings.
        let diff = text.lines().zip(GOLDEN.lines()).enumerate().find(|(_, (a, b))| a != b);
        panic!("to_toml differs from golden.toml at {diff:?}\n---\n{text}");
    }
}

#[test]
fn golden_times_keep_the_offset_they_were_recorded_in() {
    let incident = golden().session.incident;
    let offsets: Vec<String> = [incident.started_at, incident.detected_at, incident.mitigated_at]
        .iter()
        .map(|t| t.expect("time present").offset().to_string())
        .collect();
    assert_eq!(offsets, ["+00:00", "+01:00", "-05:00"]);
    // Same instant, different offsets: 09:31 UTC either way.
    let detected = incident.detected_at.unwrap();
    assert_eq!(detected.naive_utc().to_string(), "2026-03-02 09:31:00");
}

#[test]
fn golden_file_reads_every_kind_of_item() {
    let s = golden().session;
    assert_eq!(s.incident.status, ReviewStatus::InReview);
    assert_eq!(s.incident.participants[1].name, "Tomás");
    assert_eq!(s.incident.participants[1].role, "");
    assert_eq!((s.events.len(), s.whys.len(), s.factors.len()), (2, 2, 2));
    assert_eq!(s.whys[1].parent.as_deref(), Some("w1"));
    assert!(s.whys[1].system_condition);
    assert!(!s.factors[1].accepted_risk.is_empty());
    assert_eq!(s.behaviours[0].answers[4], ("rule_workable".to_string(), Answer::DontKnow));
    assert_eq!(s.behaviours[0].event.as_deref(), Some("e1"));
    assert_eq!(s.actions[0].behaviours, ["b1"]);
    assert_eq!(s.actions[1].status, ActionStatus::WontDo);
    assert_eq!(s.actions[0].due.unwrap().to_string(), "2026-03-16");
    assert_eq!(s.open_action_count(), 1);
}
