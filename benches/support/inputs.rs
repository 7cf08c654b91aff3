//! Large inputs for the performance figures, built the same way every time: a 20,000-event
//! review, why chains thousands deep, megabytes of prose, a very long line, a folder of
//! thousands of reviews. Shared by `benches/scale.rs` and `examples/perf_inputs.rs`.

#![allow(dead_code)]

use std::path::Path;

use waterline::model::{
    ActionItem, ActionKind, ActionStatus, Answer, Behaviour, Category, Event, EventKind, Factor,
    Participant, ReviewStatus, Session, Timestamp, Why,
};
use waterline::store;

/// A small deterministic generator (xorshift), so every run builds the same inputs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    /// True about one time in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

const NAMES: [&str; 12] = [
    "Maria", "Chen", "Priya", "Tom", "Ngozi", "Lee", "Sam", "Ravi", "Ines", "Kofi", "Yuki", "Omar",
];
const ROLES: [&str; 6] = ["engineer", "on-call engineer", "DBA", "operator", "reviewer", "SRE"];
const TEAMS: [&str; 8] =
    ["Platform", "Payments", "Data", "Identity", "Edge", "Storage", "Mobile", "Support tools"];
const SYSTEMS: [&str; 10] = [
    "payment service",
    "auth gateway",
    "primary database",
    "deploy pipeline",
    "cache cluster",
    "health check",
    "load balancer",
    "migration script",
    "queue consumer",
    "feature flag service",
];

const EVENT_TEXTS: [&str; 14] = [
    "Checkout error-rate alert fires at {m}% for the eu-west hosts of the {s}",
    "On-call SRE paged and acknowledges within {m} minutes",
    "Deploy #{n} pushes the new settings of the {s} to every host at once",
    "Support lead reports a jump in declined cards from the help desk queue",
    "Status page updated: investigating elevated failures in the {s}",
    "Rollback of the {s} started on the first host group",
    "The {s} answers 401 to unauthenticated requests",
    "Incident commander decides to pause all deploys to the {s}",
    "Error rate back under 1% after the rollback of the {s} completes",
    "Runbook section for the {s} links to a dashboard that was removed",
    "Customer success posts an update in the #incidents channel",
    "Dashboards show the retry queue draining; no data loss expected",
    "The {r} should have checked the replication lag of the {s} first",
    "{p} forgot to re-enable alerting on the {s} after the maintenance window",
];

const WHY_TEXTS: [&str; 10] = [
    "The {s} accepted a config value the new schema could not read",
    "The override file on each host of the {s} was in the old format",
    "Nothing checked the {s} config against the schema before the deploy",
    "The alert threshold of the {s} dated from a tenth of today's traffic",
    "The deploy pipeline has one stage for the {s}: every host at once",
    "The fallback of the {s} was logged at WARN, which is routed nowhere",
    "The runbook for the {s} did not mention the second cluster",
    "The dashboard of the {s} showed a global average that hid one region",
    "Because the {r} was careless with the config of the {s}",
    "The {r} didn't know that the flag also disabled rate limiting",
];

const FACTOR_TEXTS: [&str; 10] = [
    "No validation of {s} config changes before deploy",
    "Alert thresholds of the {s} not reviewed as traffic grew",
    "One deploy stage for every host of the {s}",
    "Runbook for the {s} out of date after the migration",
    "Warnings from the {s} routed to no one",
    "Capacity of the {s} planned for last year's peak",
    "Ownership of the {s} unclear between two teams",
    "Retry storms from clients of the {s} not damped",
    "Schema migrations of the {s} run by hand under time pressure",
    "On-call load on the {s} rota well above target",
];

const ACTION_TEXTS: [&str; 8] = [
    "Add a pre-deploy hook that validates the config schema of the {s}",
    "Implement a 1% canary for the {s} with automatic rollback on an error spike",
    "Route WARN-level auth fallbacks of the {s} to the on-call channel",
    "Lower the checkout error alert threshold of the {s} to 5% and add a rate-of-change rule",
    "Update the runbook of the {s} to cover the second cluster, reviewed by on-call",
    "Add a load test of the {s} at twice last year's peak to the release checklist",
    "Hold a training session on the {s} backup tooling",
    "Remind the team to double-check the {s} config",
];

const CLEAN: [&str; 20] = [
    "At {t} the {s} started returning errors for a subset of requests.",
    "{p} restarted the {s}, which cleared the stuck connections.",
    "The {s} failed to detect the stale pool because its probe only checked the port.",
    "Customers could not complete checkout for {m} minutes.",
    "The alert fired at {t}, {m} minutes after the first error, because the threshold was set at 95%.",
    "The runbook did not mention the second cluster, so the {r} followed the steps for the first one.",
    "A valid configuration change triggered a bug in the {s}.",
    "The {r} rolled back the release at {t} and traffic recovered within {m} minutes.",
    "We failed our customers today, and we are sorry.",
    "The dashboard showed a global average, which hid the spike in one region.",
    "Add a pre-deploy hook that validates the config schema.",
    "Implement a 1% canary with automatic rollback on an error spike.",
    "A canary stage would have limited the blast radius to a handful of hosts.",
    "The deploy tool allowed a single person to push to every region at once.",
    "The {r} noticed the latency increase and opened an incident within two minutes.",
    "What made the action likely, possible and undetected? Three things stand out.",
    "The log line `failed to acquire lock` repeated thousands of times.",
    "The on-call load that week was {m} pages a night, well above the target of two.",
    "Documentation was outdated and there was no inventory of the configs in that format.",
    "In the review, {p} asked \"why didn't the alert fire?\" and nobody could tell from the graphs.",
];

const FLAGGED: [&str; 16] = [
    "The {r} should have checked the replication lag before promoting the replica.",
    "{p} forgot to re-enable alerting after the maintenance window.",
    "Root cause: human error during a manual failover.",
    "The {r} was careless with the config file.",
    "Obviously the {r} didn't read the runbook.",
    "In hindsight, it was obvious that the {s} was overloaded.",
    "The {r} needs more training on the backup tooling.",
    "It was a catastrophic mistake to push the schema change without a backup.",
    "{p} ignored the low-disk warning for three days.",
    "The {r} just had to look at the dashboard.",
    "This happened because {p} was tired and missed the page.",
    "An engineer fat-fingered the CIDR range and cut off the VPN.",
    "The {r} didn't know that the flag also disabled rate limiting.",
    "If only someone had looked at the disk graph on Friday.",
    "{p} made a mistake when editing the firewall rules.",
    "Skipping the canary was inexcusable.",
];

fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = template.to_string();
    for (key, value) in [
        ("{p}", rng.pick(&NAMES).to_string()),
        ("{r}", rng.pick(&ROLES).to_string()),
        ("{s}", rng.pick(&SYSTEMS).to_string()),
        ("{t}", format!("{:02}:{:02}", rng.below(24), rng.below(60))),
        ("{m}", (5 + rng.below(90)).to_string()),
        ("{n}", (4000 + rng.below(6000)).to_string()),
    ] {
        if out.contains(key) {
            out = out.replace(key, &value);
        }
    }
    out
}

fn at(day: i64, seconds: i64) -> Timestamp {
    let start = chrono::DateTime::parse_from_rfc3339("2019-01-07T09:00:00+00:00").expect("time");
    start + chrono::Duration::days(day) + chrono::Duration::seconds(seconds)
}

fn incident(s: &mut Session, rng: &mut Rng, day: i64, events: usize) {
    let i = &mut s.incident;
    i.severity = ["SEV1", "SEV2", "SEV3"][rng.below(3)].into();
    i.status = [ReviewStatus::Draft, ReviewStatus::InReview, ReviewStatus::Reviewed][rng.below(3)];
    i.summary = (0..3).map(|_| say(rng, &CLEAN)).collect::<Vec<_>>().join(" ");
    i.impact = fill(rng, "Customers could not complete checkout for {m} minutes.");
    i.started_at = Some(at(day, 0));
    i.detected_at = Some(at(day, 37 * (events as i64 / 10 + 1)));
    i.mitigated_at = Some(at(day, 37 * (events as i64 / 2 + 1)));
    i.resolved_at = Some(at(day, 37 * (events as i64 + 1)));
    i.facilitator = format!("{} (SRE)", rng.pick(&NAMES));
    i.participants = (0..4)
        .map(|k| Participant {
            name: NAMES[(day as usize + k * 5) % NAMES.len()].into(),
            role: rng.pick(&ROLES).into(),
        })
        .collect();
    i.tags = vec!["config".into(), rng.pick(&SYSTEMS).replace(' ', "-")];
}

/// One of `templates`, filled in.
fn say(rng: &mut Rng, templates: &[&str]) -> String {
    let template = rng.pick(templates);
    fill(rng, template)
}

/// A review with `events` events, `whys` answers in a branching tree, `factors` factors,
/// `actions` actions and a few classified behaviours. `seed` varies the words.
pub fn review(
    seed: u64,
    day: i64,
    events: usize,
    whys: usize,
    factors: usize,
    actions: usize,
) -> Session {
    let mut rng = Rng::new(seed);
    let mut s = Session::new(fill(&mut rng, "The {s} degraded after a config change"));
    incident(&mut s, &mut rng, day, events);
    for k in 0..events {
        let text = say(&mut rng, &EVENT_TEXTS);
        s.events.push(Event {
            id: format!("e{}", k + 1),
            at: at(day, 37 * k as i64),
            kind: EventKind::ALL[rng.below(EventKind::ALL.len())],
            text,
            source: if k % 3 == 0 { format!("deploy log #{}", 4000 + k) } else { String::new() },
            known_then: if k % 7 == 0 {
                "Looked like a routine key rotation at the time".into()
            } else {
                String::new()
            },
            extra: Default::default(),
        });
    }
    // A forest: a few top-level answers, each later answer under one of the last few, so
    // branches run several deep and fork now and then.
    let roots = (whys / 200).clamp(1, 8);
    for k in 0..whys {
        let parent = if k < roots { None } else { Some(k - 1 - rng.below(k.min(6))) };
        s.whys.push(Why {
            id: format!("w{}", k + 1),
            parent: parent.map(|p| format!("w{}", p + 1)),
            text: say(&mut rng, &WHY_TEXTS),
            system_condition: rng.one_in(4),
            ..Why::default()
        });
    }
    for k in 0..factors {
        let why = |rng: &mut Rng| format!("w{}", rng.below(whys) + 1);
        let event = |rng: &mut Rng| format!("e{}", rng.below(events) + 1);
        s.factors.push(Factor {
            id: format!("f{}", k + 1),
            text: say(&mut rng, &FACTOR_TEXTS),
            category: Category::ALL[rng.below(Category::ALL.len())],
            whys: if whys > 0 { vec![why(&mut rng), why(&mut rng)] } else { Vec::new() },
            events: if events > 0 { vec![event(&mut rng)] } else { Vec::new() },
            accepted_risk: String::new(),
            extra: Default::default(),
        });
    }
    for k in 0..(actions / 20).clamp(1, 40) {
        s.behaviours.push(Behaviour {
            id: format!("b{}", k + 1),
            act: fill(&mut rng, "Applied the change to the {s} straight to production"),
            context: "Review was optional; the deploy tool allowed it".into(),
            answers: vec![
                ("deliberate_harm".into(), Answer::No),
                ("impairment".into(), Answer::No),
                ("intended_act".into(), Answer::Yes),
                ("rule_exists".into(), Answer::Yes),
                ("rule_workable".into(), Answer::No),
            ],
            outcome: "at-risk-drift".into(),
            ..Behaviour::default()
        });
    }
    let incident_day = at(day, 0).date_naive();
    for k in 0..actions {
        let status = ActionStatus::ALL[rng.below(ActionStatus::ALL.len())];
        s.actions.push(ActionItem {
            id: format!("a{}", k + 1),
            text: say(&mut rng, &ACTION_TEXTS),
            team: rng.pick(&TEAMS).into(),
            owner: rng.pick(&NAMES).into(),
            due: Some(incident_day + chrono::Duration::days(7 + rng.below(60) as i64)),
            status,
            kind: Some(ActionKind::Prevent),
            factors: if factors > 0 {
                vec![format!("f{}", rng.below(factors) + 1)]
            } else {
                Vec::new()
            },
            verification: if status == ActionStatus::Verified {
                "Canary caught a bad config in the drill".into()
            } else {
                String::new()
            },
            decision: if status == ActionStatus::WontDo {
                "The service is retired next quarter".into()
            } else {
                String::new()
            },
            ..ActionItem::default()
        });
    }
    s
}

/// The big review: 20,000 events, 3,000 whys, 300 factors, 1,000 actions (about 3.6 MB).
pub fn big_review() -> Session {
    review(0x5eed_0001, 2000, 20_000, 3_000, 300, 1_000)
}

/// One chain of `depth` answers, each under the one before.
pub fn chain(depth: usize) -> Session {
    let mut rng = Rng::new(0x5eed_0002);
    let mut s = review(0x5eed_0003, 2100, 20, 0, 2, 3);
    for k in 0..depth {
        s.whys.push(Why {
            id: format!("w{}", k + 1),
            parent: (k > 0).then(|| format!("w{k}")),
            text: say(&mut rng, &WHY_TEXTS),
            system_condition: k + 1 == depth,
            ..Why::default()
        });
    }
    s.factors[0].whys = vec![format!("w{depth}")];
    s
}

fn sentence(rng: &mut Rng) -> String {
    if rng.one_in(4) { say(rng, &FLAGGED) } else { say(rng, &CLEAN) }
}

/// About `bytes` of postmortem prose in paragraphs: three clean sentences to one flagged.
pub fn prose(bytes: usize) -> String {
    let mut rng = Rng::new(0x5eed_0004);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        for _ in 0..2 + rng.below(4) {
            out.push_str(&sentence(&mut rng));
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

/// `lines` lines, each one flagged sentence.
pub fn flagged_lines(lines: usize) -> String {
    let mut rng = Rng::new(0x5eed_0005);
    let mut out = String::new();
    for _ in 0..lines {
        out.push_str(&say(&mut rng, &FLAGGED));
        out.push('\n');
    }
    out
}

/// One line of about `bytes`, flagged sentences and clean ones without a line break.
pub fn long_line(bytes: usize) -> String {
    let mut rng = Rng::new(0x5eed_0006);
    let mut out = String::with_capacity(bytes + 256);
    while out.len() < bytes {
        out.push_str(&sentence(&mut rng));
        out.push(' ');
    }
    out.push('\n');
    out
}

/// A team's years of reviews: `count` files of 10–40 events, 4–12 whys, 2–5 factors and
/// 1–6 actions, one every few days.
pub fn write_library(dir: &Path, count: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(0x5eed_0007);
    for k in 0..count {
        let events = 10 + rng.below(31);
        let whys = 4 + rng.below(9);
        let factors = 2 + rng.below(4);
        let actions = 1 + rng.below(6);
        let day = (k / 3) as i64;
        let s = review(0x5eed_1000 + k as u64, day, events, whys, factors, actions);
        let date = at(day, 0).date_naive();
        let path = dir.join(format!("{}-review-{k:05}.toml", date.format("%Y-%m-%d")));
        std::fs::write(path, store::to_toml(&s))?;
    }
    Ok(())
}

/// The review as a file's text, checked to read back.
pub fn text_of(session: &Session) -> String {
    let text = store::to_toml(session);
    store::parse(Path::new("input.toml"), &text).expect("the generated review reads back");
    text
}
