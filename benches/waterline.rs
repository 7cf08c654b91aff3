//! What a live room and a big review cost: reading and writing the file, reading typed
//! times, a keystroke in the console, drawing the timeline, opening the demo.
//!
//! `cargo bench` runs everything; `cargo bench -- console` runs one group. Results and what
//! they mean for a person: docs/PERFORMANCE.md.

#[path = "support/console.rs"]
mod console_model;

use std::path::{Path, PathBuf};

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use waterline::model::time_entry::{TimeContext, parse_time};
use waterline::model::{
    ActionItem, ActionKind, ActionStatus, Category, Event, EventKind, Factor, Session, Timestamp,
    Why,
};
use waterline::store;
use waterline::tui::app::{Model, update};
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyInput, Keymap};
use waterline::tui::render::render;

// Counts allocations too: a whole-session copy shows up as megabytes here.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

/// Session sizes: a short review, a long day, a very big hand-merged log.
const SIZES: [usize; 3] = [20, 1_000, 5_000];
const BIG: usize = 5_000;

// ---------------------------------------------------------------------------------------
// Sessions built in code: realistic text, every kind, some sources and known-then notes,
// a few whys, factors and actions that refer to events.

const TEXTS: [&str; 12] = [
    "Checkout error-rate alert fires at 38% for the eu-west payment hosts",
    "On-call SRE paged and acknowledges within two minutes",
    "Deploy #4411 pushes the new auth settings to every payment host at once",
    "Support lead reports a jump in declined cards from the help desk queue",
    "Status page updated: investigating elevated card payment failures",
    "Rollback of the auth settings started on the first host group",
    "Card processor answers 401 to unauthenticated requests",
    "Incident commander decides to pause all deploys to payments",
    "Error rate back under 1% after the rollback completes",
    "Runbook section for payment errors links to a dashboard that was removed",
    "Customer success posts an update in the #incidents channel",
    "Dashboards show the retry queue draining; no data loss expected",
];

fn at(minutes: i64) -> Timestamp {
    let start = chrono::DateTime::parse_from_rfc3339("2026-03-06T09:00:00+00:00").expect("time");
    start + chrono::Duration::seconds(minutes * 37)
}

fn session(events: usize) -> Session {
    let mut s = Session::new("Card payments declined after an auth config change");
    s.incident.severity = "SEV1".into();
    s.incident.summary = "Card payments failed for two hours after a config change.".into();
    s.incident.started_at = Some(at(0));
    s.incident.detected_at = Some(at(events as i64 / 4));
    s.incident.facilitator = "Priya".into();
    for i in 0..events {
        s.events.push(Event {
            id: format!("e{}", i + 1),
            at: at(i as i64),
            kind: EventKind::ALL[i % EventKind::ALL.len()],
            text: format!("{} ({})", TEXTS[i % TEXTS.len()], i + 1),
            source: if i % 3 == 0 { format!("deploy log #{}", 4000 + i) } else { String::new() },
            known_then: if i % 7 == 0 {
                "Looked like a routine key rotation at the time".into()
            } else {
                String::new()
            },
            extra: Default::default(),
        });
    }
    for i in 0..5 {
        s.whys.push(Why {
            id: format!("w{}", i + 1),
            parent: (i > 0).then(|| format!("w{i}")),
            text: "The config schema changed and the old values became invalid".into(),
            system_condition: i == 3,
            ..Why::default()
        });
    }
    for i in 0..3 {
        s.factors.push(Factor {
            id: format!("f{}", i + 1),
            text: "No validation of config changes before deploy".into(),
            category: Category::ALL[i],
            whys: vec![format!("w{}", i + 2)],
            events: vec!["e1".into(), format!("e{}", events.min(3 + i))],
            ..Factor::default()
        });
    }
    for i in 0..4 {
        s.actions.push(ActionItem {
            id: format!("a{}", i + 1),
            text: "Add a pre-deploy hook that validates the config schema".into(),
            team: "Platform".into(),
            owner: "Sarah".into(),
            status: ActionStatus::Open,
            kind: Some(ActionKind::Prevent),
            factors: vec![format!("f{}", i % 3 + 1)],
            ..ActionItem::default()
        });
    }
    s
}

fn text_of(events: usize) -> String {
    let text = store::to_toml(&session(events));
    // The benchmark is only meaningful if the text is a valid review.
    store::parse(Path::new("bench.toml"), &text).expect("the built session reads back");
    text
}

// ---------------------------------------------------------------------------------------
// Console models, as `tests/common` builds them.

fn fixed_now() -> Timestamp {
    at(BIG as i64 + 60)
}

fn open(session: Session) -> Model {
    console_model::open(session, fixed_now)
}

fn press(m: &mut Model, code: KeyCode) {
    black_box(m.press(KeyInput::plain(code)));
}

fn type_str(m: &mut Model, text: &str) {
    for c in text.chars() {
        black_box(m.press(KeyInput::char(c)));
    }
}

/// The add-event form filled in, one Enter away from adding the event.
fn filled_form(session: &Session) -> Model {
    let mut m = open(session.clone());
    type_str(&mut m, "a");
    type_str(&mut m, "14:32");
    press(&mut m, KeyCode::Tab);
    press(&mut m, KeyCode::Tab);
    type_str(&mut m, "Alert fired on checkout latency");
    m
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("test terminal")
}

// ---------------------------------------------------------------------------------------

/// The session file: what opening a review and every autosave cost.
mod store_file {
    use super::*;

    #[divan::bench(args = SIZES, max_time = 3)]
    fn parse(bencher: Bencher, events: usize) {
        let text = text_of(events);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| store::parse(Path::new("bench.toml"), black_box(&text)).map(|l| l.session));
    }

    /// One plain `toml` parse of the same text, for scale: `store::parse` parses the text
    /// three times (the version header, the typed format with spans, a plain table for
    /// unknown fields); `store::save` parses the file it replaces once (its version) and
    /// what it is about to write three times (the check that it will open again).
    #[divan::bench(args = SIZES, max_time = 3)]
    fn toml_table_only(bencher: Bencher, events: usize) {
        let text = text_of(events);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| black_box(&text).parse::<toml::Table>().expect("valid TOML"));
    }

    #[divan::bench(args = SIZES, max_time = 3)]
    fn to_toml(bencher: Bencher, events: usize) {
        let s = session(events);
        bencher
            .counter(BytesCount::of_str(&store::to_toml(&s)))
            .bench(|| store::to_toml(black_box(&s)));
    }

    /// What the runner does on an autosave, on the console's own thread: check the old
    /// file's version, serialise, check the text reads back, write it atomically (temp
    /// file, fsync, rename, fsync the folder). Depends on the disk.
    #[divan::bench(args = SIZES, sample_count = 30, max_time = 3)]
    fn save(bencher: Bencher, events: usize) {
        let s = session(events);
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("review.toml");
        bencher.bench(|| store::save(&path, black_box(&s)).expect("saves"));
    }
}

/// Reading typed times, one form at a time.
mod time_entry {
    use super::*;

    const FORMS: [&str; 9] = [
        "14:32",
        "14:32:05",
        "09:12 UTC",
        "09:12 +02:00",
        "+5m",
        "-1h30m",
        "2026-03-02 14:32",
        "2026-03-02T14:32:00Z",
        "25:99",
    ];

    fn ctx() -> TimeContext {
        TimeContext { now: at(120), selected: Some(at(100)), reference: Some(at(100)) }
    }

    #[divan::bench(args = FORMS)]
    fn parse_time(input: &str) -> bool {
        let ctx = ctx();
        super::parse_time(black_box(input), &ctx).is_ok()
    }

    /// The whole mix, as a room would type it.
    #[divan::bench]
    fn mix() -> usize {
        let ctx = ctx();
        FORMS.iter().filter(|f| super::parse_time(black_box(f), &ctx).is_ok()).count()
    }
}

/// A keystroke in a review of 5 000 events, through `Model::press` and `update`.
mod console {
    use super::*;

    /// One letter typed into the add form's text field (the time preview is recomputed
    /// after every key). Measured as a pair: the letter, then Backspace.
    #[divan::bench]
    fn type_letter_and_backspace_in_form(bencher: Bencher) {
        let mut m = open(session(BIG));
        type_str(&mut m, "a");
        press(&mut m, KeyCode::Tab);
        press(&mut m, KeyCode::Tab);
        bencher.bench_local(|| {
            type_str(&mut m, "x");
            press(&mut m, KeyCode::Backspace);
        });
    }

    /// Moving the selection: j then k.
    #[divan::bench]
    fn move_down_and_up(bencher: Bencher) {
        let mut m = open(session(BIG));
        bencher.bench_local(|| type_str(&mut m, "jk"));
    }

    /// The Enter that adds the event: one undo snapshot, the event, the time sort.
    #[divan::bench(sample_count = 40, sample_size = 1)]
    fn enter_adds_event(bencher: Bencher) {
        let s = session(BIG);
        bencher.with_inputs(|| filled_form(&s)).bench_local_refs(|m| press(m, KeyCode::Enter));
    }

    /// The whole add: a, 14:32, Tab, Tab, 31 letters, Enter (40 keys).
    #[divan::bench(sample_count = 40, sample_size = 1)]
    fn add_event_all_keys(bencher: Bencher) {
        let s = session(BIG);
        bencher.with_inputs(|| open(s.clone())).bench_local_refs(|m| {
            type_str(m, "a14:32");
            press(m, KeyCode::Tab);
            press(m, KeyCode::Tab);
            type_str(m, "Alert fired on checkout latency");
            press(m, KeyCode::Enter);
        });
    }

    /// Undo after an add: the previous snapshot comes back.
    #[divan::bench(sample_count = 40, sample_size = 1)]
    fn undo_after_add(bencher: Bencher) {
        let s = session(BIG);
        bencher
            .with_inputs(|| {
                let mut m = filled_form(&s);
                press(&mut m, KeyCode::Enter);
                m
            })
            .bench_local_refs(|m| type_str(m, "u"));
    }

    /// The autosave tick with a change pending: `update` copies the session into the
    /// save effect (the write itself is `store_file::save`).
    #[divan::bench(sample_count = 40, sample_size = 1)]
    fn autosave_tick(bencher: Bencher) {
        let s = session(BIG);
        bencher
            .with_inputs(|| {
                let mut m = filled_form(&s);
                press(&mut m, KeyCode::Enter);
                m
            })
            .bench_local_refs(|m| update(m, Intent::Tick));
    }
}

/// Drawing the console into a 120×40 test backend (render, then ratatui's diff).
mod draw {
    use super::*;

    #[divan::bench(args = [20, 5_000])]
    fn timeline_top(bencher: Bencher, events: usize) {
        let m = open(session(events));
        let mut t = terminal(120, 40);
        bencher.bench_local(|| {
            t.draw(|f| _ = render(&m, f)).expect("draws");
        });
    }

    /// The selection on the last event, so the list is scrolled to the end.
    #[divan::bench(args = [5_000])]
    fn timeline_bottom(bencher: Bencher, events: usize) {
        let mut m = open(session(events));
        type_str(&mut m, "G");
        let mut t = terminal(120, 40);
        bencher.bench_local(|| {
            t.draw(|f| _ = render(&m, f)).expect("draws");
        });
    }

    /// The add form open over the timeline, as while typing.
    #[divan::bench(args = [5_000])]
    fn add_form_over_timeline(bencher: Bencher, events: usize) {
        let mut m = open(session(events));
        type_str(&mut m, "a14:32");
        let mut t = terminal(120, 40);
        bencher.bench_local(|| {
            t.draw(|f| _ = render(&m, f)).expect("draws");
        });
    }

    /// A keystroke as the person sees it: the key, then the next frame.
    #[divan::bench(args = [5_000])]
    fn keystroke_and_frame(bencher: Bencher, events: usize) {
        let mut m = open(session(events));
        let mut t = terminal(120, 40);
        let mut down = true;
        bencher.bench_local(|| {
            type_str(&mut m, if down { "j" } else { "k" });
            down = !down;
            t.draw(|f| _ = render(&m, f)).expect("draws");
        });
    }
}

/// `waterline demo` without the terminal: read the built-in example, open it, first frame.
mod demo {
    use super::*;

    #[divan::bench]
    fn parse_only() -> Session {
        store::parse(Path::new("demo.toml"), black_box(waterline::assets::DEMO))
            .expect("the demo loads")
            .session
    }

    #[divan::bench]
    fn open_and_first_frame_100x30() -> Terminal<TestBackend> {
        let loaded = store::parse(Path::new("demo.toml"), black_box(waterline::assets::DEMO))
            .expect("the demo loads");
        let (keymap, _) = Keymap::load(None);
        let mut m = Model::new(keymap, fixed_now);
        update(
            &mut m,
            Intent::Loaded {
                path: PathBuf::from("demo.toml"),
                result: Ok(Box::new(loaded)),
                demo: true,
            },
        );
        let mut t = terminal(100, 30);
        t.draw(|f| _ = render(&m, f)).expect("draws");
        t
    }
}
