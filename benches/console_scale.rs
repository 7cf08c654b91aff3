//! The console with a very big review open: a key and the frame after it on each step of
//! the 20,000-event review (3,000 whys, 1,000 actions), the Whys step with a chain 1,000
//! and 10,000 deep, and opening that review up to its first frame.
//!
//! `cargo bench --bench console_scale`; `cargo bench --bench console_scale -- whys` one
//! group. Figures and what they mean: docs/PERFORMANCE.md.

#[path = "support/inputs.rs"]
mod inputs;

#[path = "support/console.rs"]
mod console_model;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use waterline::model::{Session, Timestamp};
use waterline::store;
use waterline::tui::app::{Model, update};
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyInput, Keymap};
use waterline::tui::render::render;

fn main() {
    divan::main();
}

static BIG: LazyLock<Session> = LazyLock::new(inputs::big_review);
static BIG_TEXT: LazyLock<String> = LazyLock::new(|| inputs::text_of(&BIG));

fn fixed_now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-03-09T09:00:00+00:00").expect("time")
}

fn open(session: Session) -> Model {
    console_model::open(session, fixed_now)
}

fn keys(m: &mut Model, text: &str) {
    for c in text.chars() {
        black_box(m.press(KeyInput::char(c)));
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).expect("test terminal")
}

/// The model on `step` (its number key), one frame drawn so the windows are known.
fn on_step(session: Session, step: &str) -> (Model, Terminal<TestBackend>) {
    let mut m = open(session);
    keys(&mut m, step);
    let mut t = terminal();
    frame(&mut m, &mut t);
    (m, t)
}

/// One frame, as the loop draws it: render, then the model keeps what was drawn.
fn frame(m: &mut Model, t: &mut Terminal<TestBackend>) {
    let mut drawn = Default::default();
    t.draw(|f| drawn = render(m, f)).expect("draws");
    m.remember(drawn);
}

/// `j` then `k` alternately, each followed by its frame.
fn move_and_draw(bencher: Bencher, session: &Session, step: &str) {
    let (mut m, mut t) = on_step(session.clone(), step);
    let mut down = true;
    bencher.bench_local(|| {
        keys(&mut m, if down { "j" } else { "k" });
        down = !down;
        frame(&mut m, &mut t);
    });
}

/// A key and its frame on each step of the 20,000-event review.
mod big_review {
    use super::*;

    #[divan::bench(sample_count = 50)]
    fn timeline_key_and_frame(bencher: Bencher) {
        move_and_draw(bencher, &BIG, "1");
    }

    #[divan::bench(sample_count = 50)]
    fn whys_key_and_frame(bencher: Bencher) {
        move_and_draw(bencher, &BIG, "2");
    }

    #[divan::bench(sample_count = 50)]
    fn factors_key_and_frame(bencher: Bencher) {
        move_and_draw(bencher, &BIG, "3");
    }

    #[divan::bench(sample_count = 50)]
    fn actions_key_and_frame(bencher: Bencher) {
        move_and_draw(bencher, &BIG, "5");
    }

    #[divan::bench(sample_count = 50)]
    fn review_key_and_frame(bencher: Bencher) {
        move_and_draw(bencher, &BIG, "6");
    }

    /// A letter typed into the add-event form, then Backspace, each with its frame.
    #[divan::bench(sample_count = 50)]
    fn letter_in_form_and_frame(bencher: Bencher) {
        let (mut m, mut t) = on_step(BIG.clone(), "1a");
        let mut letter = true;
        bencher.bench_local(|| {
            if letter {
                keys(&mut m, "x");
            } else {
                black_box(m.press(KeyInput::plain(waterline::tui::keymap::KeyCode::Backspace)));
            }
            letter = !letter;
            frame(&mut m, &mut t);
        });
    }

    /// The idle tick with nothing changed, and the frame the loop draws after it.
    #[divan::bench(sample_count = 50)]
    fn idle_tick_and_frame(bencher: Bencher) {
        let (mut m, mut t) = on_step(BIG.clone(), "1");
        bencher.bench_local(|| {
            black_box(update(&mut m, Intent::Tick));
            frame(&mut m, &mut t);
        });
    }

    /// Opening: the file read into a review, then the first frame, as the console's loop
    /// does it: the checks go on on a thread (waited for after the timing).
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn open_to_first_frame(bencher: Bencher) {
        bencher.bench(|| {
            let (mut m, mut t) = opened();
            frame(&mut m, &mut t);
            Checked(m)
        });
    }

    /// Opening up to the frame that shows every check: the first frame, the checks taken in
    /// when the thread has them, and the frame after.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn open_to_checked_frame(bencher: Bencher) {
        bencher.bench(|| {
            let (mut m, mut t) = opened();
            frame(&mut m, &mut t);
            if let Some(doc) = m.doc.as_mut() {
                doc.take_checks(true);
            }
            update(&mut m, Intent::Checked);
            frame(&mut m, &mut t);
            t
        });
    }

    fn opened() -> (Model, Terminal<TestBackend>) {
        let loaded = store::parse(Path::new("big.toml"), black_box(&BIG_TEXT)).expect("reads");
        let (keymap, _) = Keymap::load(None);
        let mut m = Model::new(keymap, fixed_now);
        m.checks_in_background = true;
        let path = PathBuf::from("big.toml");
        update(&mut m, Intent::Loaded { path, result: Ok(Box::new(loaded)), demo: false });
        (m, terminal())
    }

    /// A model whose checks are waited for when it is dropped, after the timing, so the
    /// next sample does not share the cores with them.
    struct Checked(Model);

    impl Drop for Checked {
        fn drop(&mut self) {
            if let Some(doc) = self.0.doc.as_mut() {
                doc.take_checks(true);
            }
        }
    }

    /// The yardstick for opening: the toml crate's parse of the same text.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn toml_parse_only(bencher: Bencher) {
        bencher.bench(|| black_box(&*BIG_TEXT).parse::<toml::Table>().expect("valid TOML"));
    }
}

/// The Whys step on a chain of answers, each under the one before.
mod whys {
    use super::*;

    #[divan::bench(args = [1_000, 10_000], sample_count = 20)]
    fn chain_key_and_frame(bencher: Bencher, depth: usize) {
        move_and_draw(bencher, &inputs::chain(depth), "2");
    }

    /// The selection at the deepest answer, then one up and one down.
    #[divan::bench(args = [1_000, 10_000], sample_count = 20)]
    fn chain_bottom_key_and_frame(bencher: Bencher, depth: usize) {
        let (mut m, mut t) = on_step(inputs::chain(depth), "2G");
        frame(&mut m, &mut t);
        let mut up = true;
        bencher.bench_local(|| {
            keys(&mut m, if up { "k" } else { "j" });
            up = !up;
            frame(&mut m, &mut t);
        });
    }
}
