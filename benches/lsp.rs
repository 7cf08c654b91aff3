//! The language server's cost per keystroke: one incremental change to a 100 KB document,
//! then every finding in it again — what an editor waits for before the diagnostics move.
//!
//! `cargo bench --bench lsp`

use lsp_types::{Position, Range};
use waterline::analysis::policy::DuePolicy;
use waterline::lsp::{Document, Kind, diagnose};

fn main() {
    divan::main();
}

/// About 100 KB of postmortem prose in Markdown, one sentence in four worth flagging.
fn markdown() -> String {
    let paragraphs = [
        "## Timeline\n\nAt 09:12 the config change rolled out to every payment host at once.\n\n",
        "The on-call engineer should have checked the canary before promoting the change.\n\n",
        "- The dashboard showed a rise in declined cards at 09:25.\n- Support opened a ticket.\n\n",
        "> It was obviously a human error, said the first message in the channel.\n\n",
        "```\nERROR auth: unknown key `rotation_window`\n```\n\nThe alert fired 19 minutes later.\n\n",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 100_000 {
        text.push_str(paragraphs[i % paragraphs.len()]);
        i += 1;
    }
    text
}

/// A review file of about 100 KB: the demo's incident with many more events.
fn review() -> String {
    let mut text = String::from(
        "waterline = 1\n\n[incident]\ntitle = \"Card payments declined\"\nseverity = \"SEV1\"\nstarted_at = 2026-03-02T09:12:00Z\n",
    );
    let mut n = 0;
    while text.len() < 100_000 {
        n += 1;
        text.push_str(&format!(
            "\n[[event]]\nid = \"e{n}\"\nat = 2026-03-02T09:{:02}:{:02}Z\nkind = \"observation\"\ntext = \"Declined-card rate on the payments dashboard rose again, sample {n}\"\nsource = \"dashboard panel 7\"\n",
            (n / 60) % 60,
            n % 60
        ));
    }
    text
}

fn keystroke(bencher: divan::Bencher, kind: Kind, text: String) {
    let policy = DuePolicy::default();
    let doc = Document::new(kind, text);
    let at = Range::new(Position::new(2, 5), Position::new(2, 5));
    bencher.with_inputs(|| doc.clone()).bench_local_values(|mut doc| {
        doc.apply(Some(at), "x");
        diagnose(&doc, &policy)
    });
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn change_markdown_100k(bencher: divan::Bencher) {
    keystroke(bencher, Kind::Markdown, markdown());
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn change_review_100k(bencher: divan::Bencher) {
    keystroke(bencher, Kind::Review, review());
}
