//! Typing into a big review, seen from the terminal: the real binary in a pseudo-terminal
//! opens a review with thousands of events, whys, factors and actions, and each letter typed
//! into the add-event form shows on screen. With `WATERLINE_TIMING_RUNS=N` it also times
//! each letter from key to screen; run that on the release binary with the 20,000-event
//! review (docs/PERFORMANCE.md):
//! `cargo build --release && WATERLINE_BIN=target/release/waterline WATERLINE_TIMING_RUNS=5
//! cargo test --test typing_latency_e2e -- --nocapture`

mod e2e_support;
#[path = "../benches/support/inputs.rs"]
mod inputs;

use e2e_support::*;

const WORD: &str = "Alert fired on the payment hosts";

#[test]
fn each_letter_typed_into_a_big_review_shows_on_screen() {
    let timing_runs: Option<usize> =
        std::env::var("WATERLINE_TIMING_RUNS").ok().and_then(|n| n.parse().ok());
    let bin = std::env::var_os("WATERLINE_BIN")
        .map(|b| std::fs::canonicalize(&b).expect("WATERLINE_BIN names a file"));
    // The whole 20,000-event review when timing the release binary; a tenth of it for the
    // debug binary a plain test run uses, which opens it well within the deadline.
    let session = match timing_runs {
        Some(_) => inputs::big_review(),
        None => inputs::review(0x5eed_0001, 2000, 2_000, 300, 30, 100),
    };
    let events = session.events.len();
    let home = tempfile::Builder::new().prefix("waterline-typing-").tempdir().expect("a folder");
    let path = home.path().join("big.toml");
    std::fs::write(&path, inputs::text_of(&session)).expect("the review is written");
    let arg = path.to_str().expect("a UTF-8 temporary path");
    let mut times = Vec::new();
    for _ in 0..timing_runs.unwrap_or(1).max(1) {
        let mut tui = match &bin {
            Some(bin) => spawn_binary(bin, home.path(), &["open", arg], 120, 40, &[]),
            None => spawn(home.path(), &["open", arg], 120, 40),
        };
        tui.wait_for(&[&format!("{} events", waterline::tui::messages::grouped(events))]);
        tui.send("a");
        tui.wait_for(&["Add event", "What happened"]);
        tui.send(TAB);
        tui.send(TAB);
        for n in 1..=WORD.len() {
            times.push(tui.time_to_show(&WORD[n - 1..n], &WORD[..n]));
        }
        tui.press_esc();
        tui.send("q");
        let exited = tui.wait_exit();
        assert!(exited.status.success(), "a clean exit: {:?}", exited.status);
    }
    if timing_runs.is_none() {
        return;
    }
    times.sort();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(times[((times.len() - 1) as f64 * q) as usize]);
    eprintln!(
        "a letter typed, key to screen, {events} events, {} letters: median {:.2} ms, 90th {:.2} ms, max {:.2} ms",
        times.len(),
        at(0.5),
        at(0.9),
        at(1.0)
    );
}
