//! `waterline insights` on 10,000 reviews built in memory: five factors and four actions
//! each, over ten years, with recurring wording — the analysis alone, without reading files.
//!
//! `cargo bench --bench insights`

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use waterline::analysis::insights::insights;
use waterline::analysis::policy::DuePolicy;
use waterline::model::{ActionItem, ActionStatus, Category, Dismissal, Factor, Session};

fn main() {
    divan::main();
}

const WORDS: [&str; 12] = [
    "config",
    "schema",
    "alert",
    "threshold",
    "certificate",
    "expiry",
    "pool",
    "capacity",
    "runbook",
    "rollout",
    "index",
    "queue",
];

fn reviews(n: usize) -> Vec<(PathBuf, Session)> {
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let day = start.checked_add_days(Days::new((i * 3650 / n) as u64)).unwrap();
            let mut s = Session::new(format!("Review {i}"));
            s.incident.severity = ["SEV1", "SEV2", "SEV3"][i % 3].into();
            let at = |m: i64| Some(format!("{day}T09:{:02}:00Z", m % 60).parse().unwrap());
            (s.incident.started_at, s.incident.detected_at, s.incident.resolved_at) =
                (at(0), at(7 + i as i64 % 40), at(59));
            for f in 0..5 {
                let (a, b) = (WORDS[(i + f) % 12], WORDS[(i * 7 + f) % 12]);
                s.factors.push(Factor {
                    id: format!("f{}", f + 1),
                    text: format!("No {a} check on the {b} path, seen {i}"),
                    category: Category::ALL[(i + f) % 10],
                    ..Factor::default()
                });
            }
            for a in 0..4 {
                s.actions.push(ActionItem {
                    id: format!("a{}", a + 1),
                    team: ["Platform", "Payments", "Search"][(i + a) % 3].into(),
                    status: ActionStatus::ALL[(i + a) % 6],
                    due: day.checked_add_days(Days::new(20)),
                    verified_on: day.checked_add_days(Days::new(10 + (i % 30) as u64)),
                    factors: vec![format!("f{}", a + 1)],
                    ..ActionItem::default()
                });
            }
            s.dismissed.push(Dismissal {
                rule: "counterfactual-should-have".into(),
                matched: "should have".into(),
                reason: format!("Quoting reason {}", i % 5),
                ..Dismissal::default()
            });
            (PathBuf::from(format!("r{i}.toml")), s)
        })
        .collect()
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn insights_10k(bencher: divan::Bencher) {
    let all = reviews(10_000);
    let today = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    bencher.bench(|| insights(divan::black_box(&all), today, None, &DuePolicy::default()));
}
