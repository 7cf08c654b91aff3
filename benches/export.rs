//! What publishing costs: the example review with its timeline grown to 10 000 events,
//! exported as Markdown, HTML and JSON, with and without names replaced by roles; the
//! example itself; and the review gate, which every format computes.
//!
//! `cargo bench --bench export`. Results and what they mean: docs/PERFORMANCE.md.

use std::path::Path;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use waterline::analysis::policy::DuePolicy;
use waterline::analysis::readiness;
use waterline::export::{self, Format, Options};
use waterline::model::{Event, EventKind, Session};

fn main() {
    divan::main();
}

const BIG: usize = 10_000;

/// Timeline lines as people write them; some name the people in the room, so redaction
/// has work to do.
const TEXTS: [&str; 10] = [
    "Checkout error-rate alert evaluates at 38%, under its threshold, and stays quiet",
    "Priya restarts the auth sidecar on payment host {n}; errors continue",
    "Deploy tool reports config rollout step {n} finished green",
    "Support lead posts a summary of new declined-card tickets in #inc-payments",
    "Dev checks the processor's status page: no incident listed",
    "Retry queue depth at {n} requests and rising",
    "Status page: still investigating elevated card payment failures",
    "Sarah compares the auth block on host {n} with the config repo",
    "Dashboard shows 401 responses from the card processor on every host",
    "Incident commander asks for a decision on rollback within ten minutes",
];

fn demo() -> Session {
    waterline::store::parse(Path::new("demo.toml"), waterline::assets::DEMO)
        .expect("the example review loads")
        .session
}

/// The example with its timeline grown to `events` events, 9 s apart from its start.
fn big(events: usize) -> Session {
    let mut s = demo();
    let start = s.incident.started_at.expect("the example has a start");
    let known = s.events.len();
    for i in known..events {
        let n = i + 1;
        s.events.push(Event {
            id: format!("e{n}"),
            at: start + chrono::Duration::seconds(9 * i as i64),
            kind: EventKind::ALL[i % EventKind::ALL.len()],
            text: TEXTS[i % TEXTS.len()].replace("{n}", &n.to_string()),
            source: if i % 3 == 0 { format!("deploy log #{}", 5000 + i) } else { String::new() },
            known_then: if i % 7 == 0 {
                "The dashboard in the runbook showed no errors at the time".into()
            } else {
                String::new()
            },
            extra: Default::default(),
        });
    }
    s.sort_events();
    s
}

fn options(redact: bool) -> Options {
    Options { redact, ..Options::default() }
}

fn run(bencher: Bencher, session: &Session, format: Format, redact: bool) {
    let options = options(redact);
    let size = export::render(session, "review.toml", format, &options).text.len();
    bencher
        .counter(BytesCount::new(size))
        .bench(|| export::render(black_box(session), "review.toml", format, &options).text.len());
}

mod ten_thousand_events {
    use super::*;

    #[divan::bench]
    fn markdown(bencher: Bencher) {
        run(bencher, &big(BIG), Format::Markdown, false);
    }

    #[divan::bench]
    fn html(bencher: Bencher) {
        run(bencher, &big(BIG), Format::Html, false);
    }

    #[divan::bench]
    fn json(bencher: Bencher) {
        run(bencher, &big(BIG), Format::Json, false);
    }

    #[divan::bench]
    fn markdown_redacted(bencher: Bencher) {
        run(bencher, &big(BIG), Format::Markdown, true);
    }

    #[divan::bench]
    fn html_redacted(bencher: Bencher) {
        run(bencher, &big(BIG), Format::Html, true);
    }

    /// The review gate alone: every format computes it, and it lints every text field.
    #[divan::bench]
    fn review_gate(bencher: Bencher) {
        let session = big(BIG);
        let policy = DuePolicy::default();
        bencher.bench(|| readiness::gate(black_box(&session), &policy).passed());
    }
}

mod example {
    use super::*;

    #[divan::bench(args = [Format::Markdown, Format::Html, Format::Json])]
    fn export(bencher: Bencher, format: Format) {
        run(bencher, &demo(), format, false);
    }
}
