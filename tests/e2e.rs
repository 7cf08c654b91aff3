//! End to end: the compiled binary in a real pseudo-terminal, driven by key bytes, checked
//! by what the screen shows and what the data folder holds afterwards.

mod e2e_support;

use std::process::{Command, Stdio};

use e2e_support::*;
use tempfile::TempDir;

const W: u16 = 100;
const H: u16 = 30;

fn home() -> TempDir {
    tempfile::Builder::new().prefix("waterline-e2e-").tempdir().expect("a temporary data folder")
}

fn assert_exit_ok(exited: &Exited) {
    assert!(
        exited.status.success() && exited.status.exit_code() == 0,
        "exit status 0, got {:?}; the screen shows:\n{}",
        exited.status,
        exited.screen
    );
}

#[test]
fn new_review_add_an_event_quit_and_the_file_holds_it() {
    let home = home();
    let mut tui = spawn(home.path(), &["new", "Checkout errors"], W, H);
    tui.wait_for(&["Checkout errors", "Timeline", "No events yet"]);

    tui.send("a");
    tui.wait_for(&["Add event"]);
    tui.send("14:32");
    tui.wait_for(&["14:32", "→ "]);
    tui.send(TAB);
    tui.send(TAB);
    tui.send("Alert fired on checkout latency");
    tui.send(ENTER);
    let screen = tui.wait_until("the form to close and the event to show", |s| {
        !s.contains("Add event") && s.contains("Alert fired on checkout latency")
    });
    assert!(screen.contains("14:32"), "the event's time is in the list:\n{screen}");
    assert!(screen.contains("Timeline · 1 event "), "the count changed:\n{screen}");

    tui.send("q");
    let exited = tui.wait_exit();
    assert_exit_ok(&exited);

    let path = only_review(home.path());
    let text = std::fs::read_to_string(&path).expect("the review file is readable");
    assert!(text.contains(r#"text = "Alert fired on checkout latency""#), "{text}");
    assert!(text.contains("14:32:00"), "the time is written with seconds:\n{text}");
    let loaded = waterline::store::load(&path).expect("the saved file loads again");
    assert_eq!(loaded.session.incident.title, "Checkout errors");
    assert_eq!(loaded.session.events.len(), 1);
    assert_eq!(loaded.session.events[0].text, "Alert fired on checkout latency");
}

#[test]
fn home_new_review_relative_times_delete_undo_and_reopen() {
    let home = home();
    let mut tui = spawn(home.path(), &[], W, H);
    tui.wait_for(&["No reviews here yet"]);
    tui.send("n");
    tui.wait_for(&["New review"]);
    tui.send("Search latency spike");
    tui.send(ENTER);
    tui.wait_for(&["Search latency spike", "Timeline", "No events yet"]);

    for text in ["Pager alert sent", "Rollback finished"] {
        tui.send("a");
        tui.wait_for(&["Add event"]);
        tui.send("+5m");
        tui.send(TAB);
        tui.send(TAB);
        tui.send(text);
        tui.send(ENTER);
        tui.wait_until(&format!("{text:?} added"), |s| {
            !s.contains("Add event") && s.contains(text)
        });
    }
    tui.wait_for(&["Timeline · 2 events", "Pager alert sent", "Rollback finished", "+5m"]);

    // The new event is selected; x deletes it and u brings it back.
    tui.send("x");
    tui.wait_until("the deleted event to go", |s| {
        s.contains("Event deleted") && !s.contains("Rollback finished")
    });
    tui.send("u");
    tui.wait_for(&["Timeline · 2 events", "Pager alert sent", "Rollback finished"]);
    // q closes the review and goes back to the list, which shows it; q there quits.
    tui.send("q");
    tui.wait_for(&["Reviews · 1", "Search latency spike"]);
    tui.send("q");
    assert_exit_ok(&tui.wait_exit());

    let path = only_review(home.path());
    let loaded = waterline::store::load(&path).expect("the saved file loads");
    let events = &loaded.session.events;
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(
        events[1].at.signed_duration_since(events[0].at),
        chrono::Duration::minutes(5),
        "the second +5m counts from the first event"
    );

    let path_arg = path.to_str().expect("a UTF-8 temporary path");
    let mut tui = spawn(home.path(), &["open", path_arg], W, H);
    tui.wait_for(&["Search latency spike", "Pager alert sent", "Rollback finished"]);
    tui.send("q");
    assert_exit_ok(&tui.wait_exit());
}

#[test]
fn demo_at_80x24_shows_help_and_leaves_the_built_in_example_untouched() {
    let home = home();
    // The demo copy goes to the temporary folder; give it one of its own to look into.
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let env = [("TMPDIR", tmp.path().as_os_str())];
    let mut tui = spawn_with_env(home.path(), &["demo"], 80, 24, &env);
    tui.wait_for(&["Card payments declined", "Timeline", "18 events"]);
    // The first thing said is read whole, even at 80 columns.
    tui.wait_for(&[waterline::tui::messages::DEMO_OPENED]);
    assert_eq!(
        std::fs::read_dir(tmp.path()).expect("readable").count(),
        1,
        "the demo works on a copy in a temporary folder"
    );

    tui.send("?");
    tui.wait_for(&["Keys · Esc"]);
    tui.press_esc();
    tui.wait_gone("Keys · Esc");

    // An edit changes the copy, not the example.
    tui.send("x");
    tui.wait_for(&["17 events", "Event deleted"]);
    tui.send("q");
    assert_exit_ok(&tui.wait_exit());
    assert_eq!(
        std::fs::read_dir(tmp.path()).expect("readable").count(),
        0,
        "the demo's copy is removed on exit"
    );
    assert!(review_files(home.path()).is_empty(), "the demo adds nothing to the data folder");

    let mut tui = spawn_with_env(home.path(), &["demo"], 80, 24, &env);
    tui.wait_for(&["Card payments declined", "18 events"]);
    tui.send("q");
    assert_exit_ok(&tui.wait_exit());
}

#[test]
fn the_demo_in_presentation_mode_walks_every_step_to_the_review() {
    let home = home();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let env = [("TMPDIR", tmp.path().as_os_str())];
    let mut tui = spawn_with_env(home.path(), &["demo", "--present"], 80, 24, &env);
    tui.wait_for(&["Step 1 of 6", "Event 1 of 18", "Before we start · 1/5", "P usual view"]);
    let steps = [
        ("Step 2 of 6", "Answer 1 of 17"),
        ("Step 3 of 6", "Factor 1 of 6"),
        ("Step 4 of 6", "Act 1 of 2"),
        ("Step 5 of 6", "Action items · 1/5"),
        ("Step 6 of 6", "Review · 1/5"),
    ];
    for (step, item) in steps {
        tui.send(TAB);
        tui.wait_for(&[step, item, "⏱ 0:0"]);
    }
    // The review's questions, one card at a time.
    tui.send("]");
    tui.wait_for(&["Ask the room · 2/5", "What went well?"]);
    tui.send("]");
    tui.wait_for(&["Where did we get lucky?"]);
    // Back to the usual console, and out.
    tui.send("P");
    tui.wait_for(&["Back to the usual view", "6 Review"]);
    tui.wait_gone("Step 6 of 6");
    tui.send("q");
    assert_exit_ok(&tui.wait_exit());
}

#[test]
fn open_on_a_malformed_file_reports_line_and_column_and_exits_2() {
    let home = home();
    let path = home.path().join("broken.toml");
    let original = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/malformed/bad_syntax.toml"),
    )
    .expect("the fixture is readable");
    std::fs::write(&path, &original).expect("the copy is written");
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime");

    let output = Command::new(env!("CARGO_BIN_EXE_waterline"))
        .arg("open")
        .arg(&path)
        .env("WATERLINE_HOME", home.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "exit 2; stderr: {stderr}");
    let expected = format!("{}:4:30: ", path.display());
    assert!(stderr.starts_with(&expected), "stderr starts with {expected:?}: {stderr}");
    assert!(stderr.contains("not closed"), "says what is wrong: {stderr}");
    assert!(output.stdout.is_empty(), "nothing on stdout, no console drawn");
    assert_eq!(std::fs::read(&path).expect("still readable"), original, "the file is untouched");
    assert_eq!(std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime"), modified);
    assert_eq!(review_files(home.path()), [path], "no other file is written");
}

#[test]
fn quitting_gives_the_terminal_back() {
    let home = home();
    let mut tui = spawn(home.path(), &["new", "Terminal restore check"], W, H);
    tui.wait_for(&["Terminal restore check", "Timeline"]);
    tui.send("q");
    let exited = tui.wait_exit();
    assert_exit_ok(&exited);

    let raw = &exited.raw;
    let find_last = |needle: &[u8]| raw.windows(needle.len()).rposition(|w| w == needle);
    let entered_alt = find_last(b"\x1b[?1049h").expect("the alternate screen was used");
    let entered_paste = find_last(b"\x1b[?2004h").expect("bracketed paste was enabled");
    let left_alt = find_last(b"\x1b[?1049l").expect("the alternate screen is left");
    let left_paste = find_last(b"\x1b[?2004l").expect("bracketed paste is disabled");
    assert!(left_alt > entered_alt && left_paste > entered_paste);
    // After the restore nothing is drawn any more: only control sequences may follow.
    let tail = String::from_utf8_lossy(&raw[left_alt.min(left_paste)..]).into_owned();
    let printable = strip_escapes(&tail);
    assert!(printable.trim().is_empty(), "nothing printed after the restore: {tail:?}");

    assert!(!exited.alternate_screen, "back on the main screen");
    assert!(!exited.bracketed_paste, "bracketed paste is off");
    assert!(!exited.cursor_hidden, "the cursor is visible");
    let modes = exited.local_modes.as_deref().expect("the terminal's modes can be read");
    assert!(modes.contains("ICANON") && modes.contains("ECHO"), "raw mode is off: {modes}");
    assert!(
        exited.screen.contains("New review:"),
        "the shell's screen, with the line printed before the console, is back:\n{}",
        exited.screen
    );
}

/// Drops CSI/OSC/other escape sequences, keeping the text a terminal would print.
fn strip_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            if !c.is_control() || c == '\n' {
                out.push(c);
            }
            continue;
        }
        match chars.next() {
            Some('[') => {
                // Parameters and intermediates, then one final byte in @..~.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn a_pasted_chat_log_becomes_one_event_per_line() {
    let home = home();
    let mut tui = spawn(home.path(), &["new", "Card declines"], W, H);
    tui.wait_for(&["Card declines", "Timeline"]);
    tui.send("a");
    tui.wait_for(&["Add event"]);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(
        "\x1b[200~09:31 Support reports declines\r09:40 Page sent\r09:45 Rollback started\x1b[201~",
    );
    tui.wait_for(&["3 lines pasted", "Support reports declines", "Rollback started"]);
    tui.send(ENTER);
    tui.wait_for(&["3 events added", "Timeline · 3 events"]);
    tui.send("q");
    assert_exit_ok(&tui.wait_exit());

    let path = only_review(home.path());
    let text = std::fs::read_to_string(&path).expect("readable");
    for line in ["Support reports declines", "Page sent", "Rollback started"] {
        assert!(text.contains(&format!("text = \"{line}\"")), "{line:?} saved:\n{text}");
    }
    let loaded = waterline::store::load(&path).expect("loads");
    let times: Vec<String> =
        loaded.session.events.iter().map(|e| e.at.format("%H:%M").to_string()).collect();
    assert_eq!(times, ["09:31", "09:40", "09:45"]);
}

/// The demo and a review of 5 000 events both reach their first screen. With
/// `WATERLINE_TIMING_RUNS=25` it also times them, seen from the terminal; run that on the
/// release binary (docs/PERFORMANCE.md):
/// `cargo build --release && WATERLINE_BIN=target/release/waterline WATERLINE_TIMING_RUNS=25
/// cargo test --test e2e -- --nocapture demo_and_a_big_review_reach_their_first_screen`
#[test]
fn demo_and_a_big_review_reach_their_first_screen() {
    let timing_runs: Option<usize> =
        std::env::var("WATERLINE_TIMING_RUNS").ok().and_then(|n| n.parse().ok());
    let bin = std::env::var_os("WATERLINE_BIN")
        .map(|b| std::fs::canonicalize(&b).expect("WATERLINE_BIN names a file"));
    let big_home = home();
    let big = big_home.path().join("big.toml");
    std::fs::write(&big, big_review(5_000)).expect("the big review is written");
    let big_arg = big.to_str().expect("a UTF-8 temporary path");
    let cases: [(&str, &[&str], &[&str], usize); 2] = [
        ("demo", &["demo"], &["Card payments declined", "18 events"], 25),
        ("open, 5 000 events", &["open", big_arg], &["5,000 events"], 9),
    ];
    for (name, args, wait_for, runs) in cases {
        let runs = timing_runs.map_or(1, |n| n.min(runs).max(1));
        let mut times = Vec::new();
        for _ in 0..runs {
            let home = home();
            let mut tui = match &bin {
                Some(bin) => spawn_binary(bin, home.path(), args, W, H, &[]),
                None => spawn(home.path(), args, W, H),
            };
            times.push(tui.time_until(wait_for));
            tui.send("q");
            assert_exit_ok(&tui.wait_exit());
        }
        if timing_runs.is_none() {
            continue;
        }
        times.sort();
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        eprintln!(
            "{name}: spawn to first screen at {W}x{H}, {runs} runs of {}: min {:.1} ms, median {:.1} ms, max {:.1} ms",
            bin.as_ref().map_or("the debug binary".into(), |b| b.display().to_string()),
            ms(times[0]),
            ms(times[runs / 2]),
            ms(times[runs - 1])
        );
    }
}

/// A valid review with `events` events, a minute apart.
fn big_review(events: usize) -> String {
    let mut text = String::from(
        "waterline = 1\n\n[incident]\ntitle = \"A very long review\"\nseverity = \"SEV2\"\n",
    );
    let start = chrono::DateTime::parse_from_rfc3339("2026-03-06T09:00:00+00:00").expect("time");
    for i in 1..=events {
        let at = (start + chrono::Duration::minutes(i as i64)).to_rfc3339();
        text.push_str(&format!(
            "\n[[event]]\nid = \"e{i}\"\nat = {at}\nkind = \"observation\"\n\
             text = \"Error rate on the checkout hosts still above the alert threshold ({i})\"\n\
             source = \"dashboard checkout-errors, panel 3\"\n"
        ));
    }
    text
}
