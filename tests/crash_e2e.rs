//! Killed mid-edit: the real binary in a pseudo-terminal gets SIGKILL at varied moments
//! (mid-typing, just after an edit, after the header said "saved"); after every kill the
//! file loads and holds every edit the header had reported as saved.
//! 40 kills by default (each is a fresh start of the debug binary); `WATERLINE_CRASH_KILLS=200
//! cargo test --test crash_e2e` runs the longer round written in docs/RELIABILITY.md.

mod e2e_support;

use e2e_support::*;

/// A small deterministic generator, so a failing round can be replayed from its seed.
struct Moments(u64);

impl Moments {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn header(screen: &str) -> &str {
    screen.lines().next().unwrap_or_default()
}

#[test]
fn every_edit_the_header_reported_saved_survives_sigkill() {
    let kills: u64 =
        std::env::var("WATERLINE_CRASH_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
    let seed: u64 =
        std::env::var("WATERLINE_CRASH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5eed);
    let mut moments = Moments(seed | 1);
    let home = tempfile::Builder::new().prefix("waterline-crash-").tempdir().expect("a folder");
    let first = spawn(home.path(), &["new", "Crash"], 100, 30);
    first.wait_for(&["Crash", "No events yet"]);
    first.signal("KILL");
    let _ = first.wait_exit();
    let path = only_review(home.path());
    let path_arg = path.to_string_lossy().into_owned();
    // Edits the header has shown as saved, by text.
    let mut confirmed: Vec<String> = Vec::new();
    let mut added: Vec<String> = Vec::new();
    let mut next = 0u64;
    for kill in 0..kills {
        let mut tui = spawn(home.path(), &["open", &path_arg], 100, 30);
        tui.wait_for(&["Crash"]);
        // Kill after a random number of steps: 0 kills at once; each step is one keystroke
        // group of an edit; the last waits for the header to say "saved".
        let steps = moments.next(7);
        for step in 0..steps {
            match step % 3 {
                0 => {
                    tui.send("a");
                    tui.wait_for(&["Add event"]);
                }
                1 => {
                    next += 1;
                    let text = format!("Event {next}");
                    tui.send(&format!("10:00{TAB}{TAB}{text}{ENTER}"));
                    tui.wait_until("the event to show", |s| {
                        !s.contains("Add event") && s.contains(&text)
                    });
                    added.push(text);
                }
                _ => {
                    if moments.next(2) == 0 {
                        tui.wait_until("the header to say saved", |s| {
                            let h = header(s);
                            h.contains("saved ") && !h.contains("saving")
                        });
                    }
                }
            }
            let screen = tui.screen();
            let h = header(&screen);
            if h.contains("saved ") && !h.contains("saving") && !screen.contains("Add event") {
                confirmed.clone_from(&added);
            }
        }
        tui.signal("KILL");
        let _ = tui.wait_exit();
        let loaded = waterline::store::load(&path)
            .unwrap_or_else(|e| panic!("kill {kill} (seed {seed}): the file loads: {e}"));
        let on_disk: Vec<String> = loaded.session.events.iter().map(|e| e.text.clone()).collect();
        for text in &confirmed {
            assert!(
                on_disk.contains(text),
                "kill {kill} (seed {seed}): {text} was reported saved but is not on disk"
            );
        }
        // What is on disk is now what the next run starts from.
        added = on_disk.clone();
        confirmed = on_disk;
    }
    assert!(!confirmed.is_empty(), "some edits were saved over {kills} kills");
}
