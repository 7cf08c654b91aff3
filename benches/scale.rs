//! The large figures of docs/PERFORMANCE.md that need no terminal: checks on why chains
//! thousands deep and on a 20,000-event review, opening that review, the linter's start and
//! throughput, text output, and a library of 10,000 reviews.
//!
//! `cargo bench --bench scale` runs them all; `cargo bench --bench scale -- library` one
//! group. `scripts/perf.sh` measures the same rows as whole processes.

#[path = "support/inputs.rs"]
mod inputs;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use waterline::analysis::actions::{Context, check, known_names};
use waterline::analysis::cache::LintCache;
use waterline::analysis::followup::{Filter, committed};
use waterline::analysis::language::{Lexicon, LintContext, lint_each, lint_in_pieces};
use waterline::analysis::overview::{overview, overview_once, overview_with};
use waterline::analysis::recurrence;
use waterline::analysis::strength::strength;
use waterline::model::Session;
use waterline::store;

fn main() {
    divan::main();
}

static BIG: LazyLock<String> = LazyLock::new(|| inputs::text_of(&inputs::big_review()));

/// A library of 10,000 reviews, written once per run into a temporary folder.
static LIBRARY: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("reviews");
    inputs::write_library(&path, 10_000).expect("writes the library");
    (dir, path)
});

fn library() -> &'static Path {
    &LIBRARY.1
}

/// Every action of `session` checked and weighed: how many fail a check.
fn action_checks_of(session: &Session) -> usize {
    let names = known_names(session);
    let policy = Default::default();
    let ctx = Context::stored(session, &policy, &names);
    (session.actions.iter())
        .map(|a| (check(a, &ctx), strength(&a.text)))
        .filter(|(c, _)| c.worst() == waterline::analysis::actions::Verdict::Fail)
        .count()
}

fn read(text: &str) -> Session {
    store::parse(Path::new("review.toml"), text).expect("reads").session
}

/// `check` without its output: every check on a chain of answers, from scratch.
mod chain {
    use super::*;

    #[divan::bench(args = [1_000, 10_000, 40_000], sample_count = 10, sample_size = 1)]
    fn every_check(bencher: Bencher, depth: usize) {
        let session = inputs::chain(depth);
        bencher.bench(|| overview_once(black_box(&session), &Default::default()));
    }
}

/// The 20,000-event review (about 4 MB): reading it, and every check on it.
mod review {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn store_parse(bencher: Bencher) {
        bencher.counter(BytesCount::of_str(BIG.as_str())).bench(|| read(black_box(&BIG)));
    }

    /// The toml crate's own parse of the same text, the yardstick for opening it.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn toml_parse_only(bencher: Bencher) {
        bencher
            .counter(BytesCount::of_str(BIG.as_str()))
            .bench(|| black_box(&*BIG).parse::<toml::Table>().expect("valid TOML"));
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn every_check(bencher: Bencher) {
        let session = read(&BIG);
        bencher.bench(|| overview(black_box(&session), &Default::default()));
    }

    /// As `check` reads it: each field linted once, no cache kept.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn every_check_once(bencher: Bencher) {
        let session = read(&BIG);
        bencher.bench(|| overview_once(black_box(&session), &Default::default()));
    }

    /// The five checks and the strength of each of its 1,000 actions, as `check` lists them.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn action_checks(bencher: Bencher) {
        let session = read(&BIG);
        bencher.bench(|| action_checks_of(black_box(&session)));
    }

    /// After one edited event, with the cache the console would hold: only that event's
    /// fields are linted again.
    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn every_check_after_one_edit(bencher: Bencher) {
        let mut session = read(&BIG);
        let mut cache = LintCache::new();
        overview_with(&session, &Default::default(), &mut cache);
        let mut n = 0;
        bencher.bench_local(|| {
            n += 1;
            session.events[100].text = format!("The on-call engineer restarted the pool ({n})");
            overview_with(black_box(&session), &Default::default(), &mut cache)
        });
    }
}

/// The language linter outside a review.
mod lint {
    use super::*;

    /// What `waterline lint` pays before it reads a word: the built-in rules, compiled at
    /// build time, made ready.
    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn start_rules_builtin() -> Lexicon {
        Lexicon::compiled()
    }

    /// The same with a user's lexicon (one word): the user's file read, and one matcher
    /// built over both.
    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn start_rules_and_matcher() -> Lexicon {
        Lexicon::with_user("[words]\nperson = [\"firefighter\"]\n").0
    }

    /// 11 MB of prose in one pass on one core, and as `waterline lint` reads it: in pieces
    /// cut at blank lines, on every core, the findings handed back in order.
    #[divan::bench(args = ["one-pass", "in-pieces"], sample_count = 10, sample_size = 1)]
    fn prose_11mb(bencher: Bencher, how: &str) {
        let text = inputs::prose(11 * 1024 * 1024);
        let ctx = LintContext::default();
        let _ = Lexicon::builtin();
        bencher.counter(BytesCount::of_str(&text)).bench(|| {
            let mut n = 0;
            if how == "one-pass" {
                lint_each(black_box(&text), &ctx, &mut |_| n += 1);
            } else {
                let add = |piece: &mut usize, _| *piece += 1;
                let _ = lint_in_pieces(black_box(&text), &ctx, &add, &mut |count| {
                    n += count;
                    Ok::<(), ()>(())
                });
            }
            n
        });
    }

    /// Findings as JSON, as `lint --format json` writes them.
    #[divan::bench(args = ["flagged-lines", "long-line"], sample_count = 10, sample_size = 1)]
    fn json_output(bencher: Bencher, input: &str) {
        let text = input_text(input);
        bencher.bench(|| {
            let mut out = Vec::new();
            lint_each(&text, &LintContext::default(), &mut |f| {
                serde_json::to_writer_pretty(&mut out, &f).expect("serialises");
            });
            out.len()
        });
    }

    /// Findings as text, each with its line (or a window of it) and the underline.
    #[divan::bench(args = ["flagged-lines", "long-line"], sample_count = 10, sample_size = 1)]
    fn text_output(bencher: Bencher, input: &str) {
        let text = input_text(input);
        bencher.bench(|| {
            let mut out = String::new();
            let mut written = 0;
            lint_each(&text, &LintContext::default(), &mut |f| {
                let line = text[..f.start].rfind('\n').map_or(0, |i| i + 1);
                let end = text[f.start..].find('\n').map_or(text.len(), |i| f.start + i);
                let mut report = waterline::cli::report::Report::of("input", &text[line..end], &f);
                report.text_line = f.line;
                out.clear();
                waterline::cli::report::write(&mut out, &report);
                written += out.len();
            });
            written
        });
    }

    fn input_text(input: &str) -> String {
        match input {
            "flagged-lines" => inputs::flagged_lines(40_000),
            _ => inputs::long_line(136 * 1024),
        }
    }
}

/// A company's history: 10,000 review files in one folder.
mod library {
    use super::*;

    /// The home list: title, severity, status and open actions of each.
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn list_10000(bencher: Bencher) {
        let dir = library();
        bencher.bench(|| store::list(black_box(dir)));
    }

    /// What the home list shows first: the 10,000 files in order, and the newest ones read
    /// (the rest follow from a thread; see `tui::reading`).
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn list_first_part_10000(bencher: Bencher) {
        let dir = library();
        bencher.bench(|| {
            let files = store::review_files_newest_first(black_box(dir));
            let first = files.len().min(waterline::tui::reading::FIRST);
            store::listings_of(&files[..first])
        });
    }

    /// Every review read whole (what the follow-up view starts from).
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn load_all_10000(bencher: Bencher) {
        let dir = library();
        bencher.bench(|| store::load_all(black_box(dir)));
    }

    /// What `actions --dir` reads of every review: incident, factors, behaviours, actions.
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn load_for_actions_10000(bencher: Bencher) {
        let dir = library();
        bencher.bench(|| store::load_all_for_actions(black_box(dir)));
    }

    fn sessions() -> Vec<(PathBuf, Session)> {
        (store::load_all(library()).into_iter())
            .filter_map(|(p, l)| l.ok().map(|l| (p, l.session)))
            .collect()
    }

    /// The five checks and the strength of every action in every review, as `actions
    /// --dir` judges them once the reviews are read (the phrase lists of the checks).
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn action_checks_10000(bencher: Bencher) {
        let reviews: Vec<Session> = (store::load_all_for_actions(library()).into_iter())
            .filter_map(|(_, l)| l.ok().map(|l| l.session))
            .collect();
        bencher.bench(|| reviews.iter().map(|s| action_checks_of(black_box(s))).sum::<usize>());
    }

    /// The follow-up list over every review, once they are read.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn follow_up_10000(bencher: Bencher) {
        let reviews = sessions();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
        bencher.bench(|| committed(black_box(&reviews), today, &Filter::default()).len());
    }

    /// Recurrence of the newest review's factors across all the others.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn recurrence_10000(bencher: Bencher) {
        let reviews = sessions();
        let (path, current) = reviews.last().expect("a review").clone();
        bencher.bench(|| recurrence::find(black_box(&current), Some(&path), &reviews).len());
    }
}
