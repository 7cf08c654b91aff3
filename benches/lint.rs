//! Throughput of the language linter on a generated corpus of postmortem prose (about
//! 1.5 MB; roughly three clean sentences to one that should be flagged, in Markdown with
//! headings, lists, quotes and code).
//!
//! `cargo bench --bench lint` — divan prints the time and bytes per second per run, on one
//! thread. `WATERLINE_CORPUS_OUT=FILE cargo bench --bench lint` also writes the corpus to
//! FILE, so other tools can be timed on exactly the same text.

use divan::counter::BytesCount;
use waterline::analysis::language::{Lexicon, LintContext, lint};

fn main() {
    if let Ok(path) = std::env::var("WATERLINE_CORPUS_OUT") {
        std::fs::write(&path, corpus()).expect("the corpus file is writable");
    }
    divan::main();
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn lint_plain(bencher: divan::Bencher) {
    let text = corpus();
    let _ = Lexicon::builtin();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| lint(divan::black_box(&text), &LintContext::default()));
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn lint_markdown(bencher: divan::Bencher) {
    let text = corpus();
    let _ = Lexicon::builtin();
    let names = ["Maria".to_string(), "Chen".to_string()];
    let ctx = LintContext { known_names: &names, markdown: true, ..Default::default() };
    bencher.counter(BytesCount::of_str(&text)).bench(|| lint(divan::black_box(&text), &ctx));
}

/// Compiling the built-in rules plus a one-word user lexicon: the cost of loading a user
/// lexicon, and of the built-in one on first use.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn build_lexicon() -> Lexicon {
    Lexicon::with_user("[words]\nperson = [\"firefighter\"]\n").0
}

const NAMES: [&str; 8] = ["Maria", "Chen", "Priya", "Tom", "Ngozi", "Lee", "Sam", "Ravi"];
const ROLES: [&str; 6] = ["engineer", "on-call engineer", "DBA", "operator", "reviewer", "SRE"];
const SYSTEMS: [&str; 8] = [
    "payment service",
    "auth gateway",
    "primary database",
    "deploy pipeline",
    "cache cluster",
    "health check",
    "load balancer",
    "migration script",
];

const CLEAN: [&str; 24] = [
    "At {t} the {s} started returning errors for a subset of requests.",
    "{n} restarted the {s}, which cleared the stuck connections.",
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
    "The {s} should have paged at {t}, but the evaluation window was ten minutes long.",
    "A canary stage would have limited the blast radius to a handful of hosts.",
    "The deploy tool allowed a single person to push to every region at once.",
    "Just before {t} the error rate doubled on the {s}.",
    "The {r} noticed the latency increase and opened an incident within two minutes.",
    "What made the action likely, possible and undetected? Three things stand out.",
    "The log line `failed to acquire lock` repeated thousands of times.",
    "The on-call load that week was {m} pages a night, well above the target of two.",
    "We should have anticipated the traffic from the campaign.",
    "The {s} ignored the retry-after header and kept hammering the upstream.",
    "Documentation was outdated and there was no inventory of the configs in that format.",
    "In the review, {n} asked \"why didn't the alert fire?\" and nobody could tell from the graphs.",
];

const FLAGGED: [&str; 16] = [
    "The {r} should have checked the replication lag before promoting the replica.",
    "{n} forgot to re-enable alerting after the maintenance window.",
    "Root cause: human error during a manual failover.",
    "The {r} was careless with the config file.",
    "Obviously the {r} didn't read the runbook.",
    "In hindsight, it was obvious that the {s} was overloaded.",
    "The {r} needs more training on the backup tooling.",
    "It was a catastrophic mistake to push the schema change without a backup.",
    "{n} ignored the low-disk warning for three days.",
    "The {r} just had to look at the dashboard.",
    "This happened because {n} was tired and missed the page.",
    "An engineer fat-fingered the CIDR range and cut off the VPN.",
    "The {r} didn't know that the flag also disabled rate limiting.",
    "If only someone had looked at the disk graph on Friday.",
    "{n} made a mistake when editing the firewall rules.",
    "Skipping the canary was inexcusable.",
];

/// A small deterministic generator (xorshift), so every run lints the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
}

fn sentence(rng: &mut Rng) -> String {
    let template = if rng.next().is_multiple_of(4) { rng.pick(&FLAGGED) } else { rng.pick(&CLEAN) };
    template
        .replace("{n}", rng.pick(&NAMES))
        .replace("{r}", rng.pick(&ROLES))
        .replace("{s}", rng.pick(&SYSTEMS))
        .replace("{t}", &format!("{:02}:{:02}", rng.next() % 24, rng.next() % 60))
        .replace("{m}", &(5 + rng.next() % 90).to_string())
}

/// About 1.5 MB of postmortems: a heading, a few paragraphs, a list, now and then a
/// fenced log excerpt.
fn corpus() -> String {
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let mut out = String::with_capacity(1_600_000);
    let mut review = 0;
    while out.len() < 1_500_000 {
        review += 1;
        out.push_str(&format!("# Review {review}: {} degraded\n\n", rng.pick(&SYSTEMS)));
        for section in ["Summary", "Timeline", "Contributing factors", "Discussion"] {
            out.push_str(&format!("## {section}\n\n"));
            for _ in 0..1 + rng.next() % 3 {
                for _ in 0..2 + rng.next() % 4 {
                    out.push_str(&sentence(&mut rng));
                    out.push(' ');
                }
                out.push_str("\n\n");
            }
            if rng.next().is_multiple_of(3) {
                for _ in 0..3 {
                    out.push_str("- ");
                    out.push_str(&sentence(&mut rng));
                    out.push('\n');
                }
                out.push('\n');
            }
            if rng.next().is_multiple_of(8) {
                out.push_str("```\n2026-03-02T09:12:00Z ERROR failed to connect: timeout\n```\n\n");
            }
        }
    }
    out
}
