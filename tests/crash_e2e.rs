//! Killed mid-edit: the real binary in a pseudo-terminal gets SIGKILL at varied moments
//! (mid-typing, just after an edit, after the header said "saved"); after every kill the
//! file loads and holds every edit the header had reported as saved. Each restart finds the
//! lock the killed process left, is asked whether to take it over, and answers yes.
//! 200 kills by default; `WATERLINE_CRASH_KILLS=1000 cargo test --test crash_e2e` runs the
//! longer round written in docs/RELIABILITY.md, `WATERLINE_CRASH_SEED` another sequence.
//! The kills run in four lanes side by side, each on its own review.

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

/// The header says every edit is on disk ("saved" after an edit, "up to date" before
/// any), and no form is open with text not yet added.
fn reported_saved(screen: &str) -> bool {
    let h = header(screen);
    (h.contains("saved ") || h.contains("up to date"))
        && !h.contains("saving")
        && !screen.contains("Add event")
}

/// Started, and writing: the take-over question a killed writer leaves behind is answered.
fn ready(tui: &mut Tui) {
    let screen = tui.wait_until("the review, or the take-over question", |s| {
        s.contains("Take it over") || (s.contains("Crash") && !header(s).contains("FOLLOWING"))
    });
    if screen.contains("Take it over") {
        tui.send("y");
        tui.wait_until("this console to write", |s| {
            !s.contains("Take it over") && !header(s).contains("FOLLOWING")
        });
    }
}

/// Independent lanes, each with its own review and its own consoles: most of a kill's time
/// is spent waiting on the console (its autosave tick, its first frame), so lanes side by
/// side make a round of many kills fit in CI time without shortening any wait.
const LANES: u64 = 4;

#[test]
fn every_edit_the_header_reported_saved_survives_sigkill() {
    let kills: u64 =
        std::env::var("WATERLINE_CRASH_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let seed: u64 =
        std::env::var("WATERLINE_CRASH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5eed);
    let lanes: Vec<_> = (0..LANES)
        .map(|lane| {
            let share = kills / LANES + u64::from(lane < kills % LANES);
            std::thread::spawn(move || kill_round(lane, share, seed))
        })
        .collect();
    let (mut saved_kills, mut mid_typing, mut kept) = (0, 0, 0);
    for lane in lanes {
        let (saved, typing, on_disk) = lane.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        saved_kills += saved;
        mid_typing += typing;
        kept += on_disk;
    }
    assert!(saved_kills > 0 && mid_typing > 0, "kills came at every kind of moment");
    assert!(kept > 0, "some edits were saved over {kills} kills");
}

/// `kills` kills on one review; returns how many came after "saved", how many mid-typing,
/// and how many events the review holds at the end.
fn kill_round(lane: u64, kills: u64, seed: u64) -> (u32, u32, usize) {
    let seed = seed.wrapping_add(lane);
    let mut moments = Moments(seed | 1);
    let home = tempfile::Builder::new().prefix("waterline-crash-").tempdir().expect("a folder");
    let first = spawn(home.path(), &["new", "Crash"], 80, 24);
    first.wait_for(&["Crash", "No events yet"]);
    first.signal("KILL");
    let _ = first.wait_exit();
    let path = only_review(home.path());
    let path_arg = path.to_string_lossy().into_owned();
    let mut on_disk: Vec<String> = Vec::new();
    let mut next = 0u64;
    let (mut saved_kills, mut mid_typing) = (0, 0);
    for kill in 0..kills {
        let mut tui = spawn(home.path(), &["open", &path_arg], 80, 24);
        ready(&mut tui);
        // Edits the header has shown as saved, and every edit made, by text.
        let mut confirmed = on_disk.clone();
        let mut added = on_disk.clone();
        // A whole edit is sent at once: keys are read one at a time, in order, so the form
        // opens before its fields are typed.
        for _ in 0..moments.next(3) {
            next += 1;
            let text = format!("Event {next}");
            tui.send(&format!("a10:00{TAB}{TAB}{text}{ENTER}"));
            tui.wait_until("the event to show", |s| !s.contains("Add event") && s.contains(&text));
            added.push(text);
        }
        match moments.next(3) {
            // After the header said saved.
            0 => {
                tui.wait_until("the header to say saved", reported_saved);
                saved_kills += 1;
            }
            // Mid-typing: part of another edit's keys, then the kill at once.
            1 => {
                let keys = format!("a10:00{TAB}{TAB}Half typed {next}");
                let cut = 1 + moments.next(keys.len() as u64 - 1) as usize;
                tui.send(&keys[..cut]);
                mid_typing += 1;
            }
            // Just after the edit.
            _ => {}
        }
        if reported_saved(&tui.screen()) {
            confirmed.clone_from(&added);
        }
        tui.signal("KILL");
        let _ = tui.wait_exit();
        let at = format!("lane {lane}, kill {kill} (seed {seed})");
        let loaded =
            waterline::store::load(&path).unwrap_or_else(|e| panic!("{at}: the file loads: {e}"));
        on_disk = loaded.session.events.iter().map(|e| e.text.clone()).collect();
        for text in &confirmed {
            assert!(on_disk.contains(text), "{at}: {text} was reported saved but is not on disk");
        }
        assert!(
            !on_disk.iter().any(|t| t.starts_with("Half typed")),
            "{at}: an edit still being typed was never added"
        );
    }
    (saved_kills, mid_typing, on_disk.len())
}
