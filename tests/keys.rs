//! Every key the footer or the help overlay offers does something. For each key context
//! the console can be in, the console is put in that context (on the example review, with
//! the selection in the middle of a list so that every movement has somewhere to go), each
//! key the keymap reaches there is pressed on a fresh copy, and the model must change or an
//! effect must be asked for. A handler that swallowed a key, or a mode whose keys were
//! bound in the wrong context, fails here.

mod common;

use std::path::PathBuf;

use common::*;
use waterline::model::{Behaviour, Session};
use waterline::tui::app::{Model, Overlay, update};
use waterline::tui::intent::Intent;
use waterline::tui::keymap::{KeyCode, KeyContext, KeyInput};
use waterline::tui::screens::export::state::{Chosen, ReplaceQuestion};
use waterline::tui::screens::sharing::state::{DiskConflict, FileNews, Holding};
use waterline::tui::steps::Step;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/followup");

/// The state behind everything a person could notice: the review, each step's selection
/// and mode, the overlay, the notice line, the screen.
fn fingerprint(m: &Model) -> String {
    let overlay = match &m.overlay {
        None => String::new(),
        Some(Overlay::Help { scroll }) => format!("help {scroll}"),
        Some(Overlay::Form(form)) => format!("{form:?}"),
        Some(Overlay::Pick(list)) => format!("{list:?}"),
        Some(Overlay::PasteOffer { events, form, .. }) => format!("{events:?}{form:?}"),
        Some(Overlay::ReplaceReport(question)) => format!("{question:?}"),
        Some(Overlay::Question(question)) => format!("{question:?}"),
        Some(Overlay::Import(screen)) => format!("{screen:?}"),
        Some(Overlay::Conflicts) => "conflicts".into(),
    };
    let doc = m.doc.as_ref().map(|d| {
        format!(
            "{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
            d.session,
            d.step,
            d.timeline.selected,
            d.whys,
            d.factors,
            d.behaviours,
            d.actions.mode,
            d.actions.selected,
            d.review.selected,
            d.cards,
            d.conflicts
        )
    });
    let follow_up = m.follow_up.as_ref().map(|v| (v.selected, format!("{:?}", v.reviews)));
    let insights = m.insights.as_ref().map(|v| (v.scroll, v.back));
    format!(
        "{overlay}{doc:?}{follow_up:?}{insights:?}{:?}{:?}{}{:?}{:?}",
        m.screen, m.notice, m.home.selected, m.present.on, m.home.filter
    )
}

fn press_all(m: &mut Model, list: &[KeyInput]) {
    for k in list {
        m.press(*k);
    }
}

fn down(n: usize) -> Vec<KeyInput> {
    vec![KeyInput::plain(KeyCode::Down); n]
}

/// The example review with three more acts, none classified yet (b3, b4, b5).
fn review() -> Session {
    let mut s = demo_session();
    for (id, act) in [
        ("b3", "Pushed the config to every host at once"),
        ("b4", "Disabled the freeze check to ship during the freeze"),
        ("b5", "Skipped the canary stage"),
    ] {
        s.behaviours.push(Behaviour { id: id.into(), act: act.into(), ..Behaviour::default() });
    }
    s
}

fn on_step(step: char, moves: usize) -> Model {
    let mut m = open(review());
    keys(&mut m, &step.to_string());
    press_all(&mut m, &down(moves));
    m
}

fn library() -> Vec<(PathBuf, Session)> {
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(FIXTURES).expect("fixtures").map(|e| e.expect("entry").path()).collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let session = waterline::store::load(&p).expect("fixture loads").session;
            (p, session)
        })
        .collect()
}

/// The Behaviours step with the classifier open on b4 (the reckless-sounding act).
fn classifying() -> Model {
    let mut m = on_step('4', 3);
    keys(&mut m, "c");
    m
}

/// One way the console can be, and how to get there.
struct Case {
    name: &'static str,
    context: KeyContext,
    setup: fn() -> Model,
}

fn cases() -> Vec<Case> {
    vec![
        Case { name: "home", context: KeyContext::Home, setup: home },
        Case {
            name: "home filter",
            context: KeyContext::HomeFilter,
            setup: || {
                let mut m = home();
                keys(&mut m, "/");
                m
            },
        },
        Case { name: "follow-up", context: KeyContext::FollowUp, setup: follow_up },
        Case {
            name: "timeline",
            context: KeyContext::Step(Step::Timeline),
            setup: || on_step('1', 5),
        },
        Case { name: "whys", context: KeyContext::Step(Step::Whys), setup: || on_step('2', 1) },
        Case {
            name: "factors",
            context: KeyContext::Step(Step::Factors),
            setup: || on_step('3', 2),
        },
        Case {
            name: "behaviours",
            context: KeyContext::Step(Step::Behaviours),
            setup: || on_step('4', 2),
        },
        Case {
            name: "classifier",
            context: KeyContext::Classifier,
            setup: || {
                let mut m = classifying();
                keys(&mut m, "n");
                m
            },
        },
        Case {
            name: "outcome",
            context: KeyContext::Outcome,
            setup: || {
                let mut m = classifying();
                keys(&mut m, "nnnynj");
                m
            },
        },
        Case {
            name: "reckless outcome",
            context: KeyContext::RecklessOutcome,
            setup: || {
                let mut m = classifying();
                keys(&mut m, "nnyyyyy");
                m
            },
        },
        Case {
            name: "behaviour summary",
            context: KeyContext::BehaviourSummary,
            setup: || {
                let mut m = on_step('4', 0);
                keys(&mut m, "s");
                m
            },
        },
        Case {
            name: "actions",
            context: KeyContext::Step(Step::Actions),
            setup: || on_step('5', 2),
        },
        Case {
            name: "meeting",
            context: KeyContext::Meeting,
            setup: || {
                let mut m = on_step('5', 0);
                keys(&mut m, "mn");
                m
            },
        },
        Case {
            name: "meeting summary",
            context: KeyContext::MeetingSummary,
            setup: || {
                let mut m = on_step('5', 0);
                keys(&mut m, "mnnnnnnnn");
                m
            },
        },
        Case {
            name: "recurrence",
            context: KeyContext::Recurrence,
            setup: || {
                let mut m = on_step('5', 0);
                update(&mut m, Intent::Library { reviews: library(), unreadable: 0 });
                keys(&mut m, "rjj");
                m
            },
        },
        Case { name: "review", context: KeyContext::Step(Step::Review), setup: || on_step('6', 2) },
        Case {
            name: "form",
            context: KeyContext::Form,
            setup: || {
                let mut m = on_step('1', 0);
                keys(&mut m, "a");
                tab(&mut m);
                tab(&mut m);
                keys(&mut m, "Config pushed");
                m
            },
        },
        Case {
            name: "paste offer",
            context: KeyContext::PasteOffer,
            setup: || {
                let mut m = on_step('1', 0);
                update(&mut m, Intent::Paste("09:00 paged\n09:05 rolled back".into()));
                m
            },
        },
        Case {
            name: "pick",
            context: KeyContext::Pick,
            setup: || {
                let mut m = on_step('2', 3);
                keys(&mut m, "mj");
                m
            },
        },
        Case {
            name: "pick several",
            context: KeyContext::PickSeveral,
            setup: || {
                let mut m = on_step('3', 0);
                keys(&mut m, "wj");
                m
            },
        },
        Case { name: "following", context: KeyContext::Following, setup: || following(false) },
        Case { name: "take over", context: KeyContext::TakeOver, setup: || following(true) },
        Case {
            name: "conflict",
            context: KeyContext::Conflict,
            setup: || {
                let mut m = on_step('1', 0);
                keys(&mut m, "S");
                let _ = update(&mut m, Intent::Tick);
                let refused = FileNews::Refused {
                    conflict: DiskConflict::Changed,
                    message: "changed on disk".into(),
                };
                update(&mut m, Intent::File(refused));
                m
            },
        },
        Case {
            name: "replace a file with a report",
            context: KeyContext::Confirm,
            setup: || {
                let mut m = on_step('6', 0);
                let chosen = Chosen { format: waterline::export::Format::Markdown, redact: false };
                let path = std::env::temp_dir().join("waterline-keys-not-a-report.md");
                m.overlay = Some(Overlay::ReplaceReport(ReplaceQuestion { path, chosen }));
                m
            },
        },
        Case {
            name: "import path",
            context: KeyContext::ImportPath,
            setup: || {
                let mut m = on_step('1', 0);
                keys(&mut m, "Itests/fixtures/import/sys");
                m
            },
        },
        Case {
            name: "insights",
            context: KeyContext::Insights,
            setup: || {
                let mut m = model();
                keys(&mut m, "s");
                let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/insights");
                let reviews = (waterline::store::load_all(std::path::Path::new(dir)).into_iter())
                    .map(|(p, l)| (p, l.expect("fixture loads").session))
                    .collect();
                update(&mut m, Intent::Library { reviews, unreadable: 0 });
                // Drawn small, so the view scrolls and its chart has earlier quarters.
                show(&mut m, 80, 24);
                m
            },
        },
        Case { name: "conflicts", context: KeyContext::Conflicts, setup: conflicted },
        Case { name: "import", context: KeyContext::Import, setup: || importing("") },
        Case {
            name: "import filter",
            context: KeyContext::ImportFilter,
            setup: || importing("/a"),
        },
        Case {
            name: "help",
            context: KeyContext::Help,
            setup: || {
                let mut m = on_step('1', 0);
                keys(&mut m, "?");
                press_all(&mut m, &down(2));
                m
            },
        },
    ]
}

/// A review another waterline writes; `stale` when its lock can be taken over.
fn following(stale: bool) -> Model {
    let mut m = on_step('1', 0);
    let holding = Holding::Follower { holder: "held by sam@laptop".into(), stale };
    update(&mut m, Intent::File(FileNews::Holding(holding)));
    m
}

/// The import screen on a log, read to its end, with the cursor on its second line and
/// then `then` typed.
fn importing(then: &str) -> Model {
    let mut m = on_step('1', 0);
    keys(&mut m, "Itests/fixtures/import/syslog.log");
    enter(&mut m);
    keys(&mut m, "j");
    keys(&mut m, then);
    while waterline::tui::screens::import::update::working(&m) {
        update(&mut m, Intent::ImportWork);
    }
    m
}

/// The example review with two merge conflicts (action a1, event e2), opened on them.
fn conflicted() -> Model {
    let base = review();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.actions[0].text = "Validate every payment config file in the deploy pipeline".into();
    theirs.actions[0].text = "Reject unknown auth values in payment config".into();
    ours.events[1].text = "Alert on the payments dashboard".into();
    theirs.events[1].text = "Alert paged the on-call engineer".into();
    let merged = waterline::merge::merge(&base, &ours, &theirs).expect("merges").session;
    let mut m = open(merged);
    keys(&mut m, "j");
    m
}

fn home() -> Model {
    let mut m = model();
    let listing = |title: &str| waterline::store::Listing {
        path: format!("{title}.toml").into(),
        modified: None,
        summary: Err(format!("{title}.toml:1:1: not read in this test")),
    };
    update(
        &mut m,
        Intent::Listed { listings: vec![listing("a"), listing("b"), listing("c")], left: 0 },
    );
    press_all(&mut m, &down(1));
    m
}

fn follow_up() -> Model {
    let mut m = model();
    m.clock = || chrono::DateTime::parse_from_rfc3339("2026-04-01T09:00:00Z").expect("time");
    keys(&mut m, "f");
    update(&mut m, Intent::Library { reviews: library(), unreadable: 0 });
    press_all(&mut m, &down(1));
    m
}

/// Going to the step already shown is the one key that by its nature leaves all as it was.
fn exempt(m: &Model, intent: &Intent) -> bool {
    matches!(intent, Intent::GoToStep(step) if m.doc.as_ref().is_some_and(|d| d.step == *step))
}

#[test]
fn every_key_offered_in_every_context_does_something() {
    let mut dead = Vec::new();
    let mut tried = 0;
    let mut covered = Vec::new();
    for case in cases() {
        let probe = (case.setup)();
        let contexts = probe.contexts();
        assert_eq!(contexts.first(), Some(&case.context), "{} is set up in its context", case.name);
        covered.push(case.context);
        // The case's own context, and what every screen shares; a context stacked under
        // another (a reckless outcome over the outcome) is tried in its own case.
        let own = [case.context, KeyContext::Console, KeyContext::Global];
        for (keys, intent) in probe.offered() {
            for key in keys {
                let bound_here = own.iter().any(|c| {
                    probe.keymap.in_context(*c).any(|b| b.key == key && b.intent == intent)
                });
                if !bound_here || exempt(&probe, &intent) {
                    continue;
                }
                let mut m = (case.setup)();
                // Redo needs something undone first; a movement needs room to move, so one
                // towards the end starts at the first item and one towards the start at the last.
                match intent {
                    Intent::Redo => _ = update(&mut m, Intent::Undo),
                    Intent::Down | Intent::PageDown | Intent::Bottom => {
                        _ = update(&mut m, Intent::Top)
                    }
                    Intent::Up | Intent::PageUp | Intent::Top => _ = update(&mut m, Intent::Bottom),
                    Intent::LaterQuarters => _ = update(&mut m, Intent::EarlierQuarters),
                    _ => {}
                }
                let before = fingerprint(&m);
                let effects = m.press(key);
                tried += 1;
                if effects.is_empty() && fingerprint(&m) == before {
                    dead.push(format!("{}: {key} ({})", case.name, intent.name().unwrap_or("?")));
                }
            }
        }
    }
    assert!(dead.is_empty(), "keys offered that do nothing:\n{}", dead.join("\n"));
    assert!(tried > 200, "{tried} keys tried");
    let missing: Vec<_> = KeyContext::all()
        .filter(|c| !covered.contains(c) && !matches!(c, KeyContext::Global | KeyContext::Console))
        .map(|c| c.name())
        .collect();
    assert!(missing.is_empty(), "contexts with no case here: {missing:?}");
}

#[test]
fn the_footer_shows_only_keys_the_keymap_reaches_here() {
    for case in cases() {
        let m = (case.setup)();
        let footer = draw(&m, 200, 40).lines().last().unwrap_or_default().to_string();
        let offered: Vec<String> =
            m.offered().iter().filter_map(|(_, i)| i.short()).map(str::to_string).collect();
        for entry in footer.split("  ").map(str::trim).filter(|e| !e.is_empty()) {
            // The four milestone keys share one entry.
            if entry.ends_with(" milestones") {
                continue;
            }
            let label = entry.split_once(' ').map_or("", |(_, label)| label);
            assert!(
                offered.iter().any(|o| o == label),
                "{}: the footer offers “{entry}”, which no key reaches here",
                case.name
            );
        }
    }
}

#[test]
fn park_is_reached_from_every_step() {
    let o = KeyInput::char('o');
    for step in Step::ALL {
        let mut m = open(review());
        update(&mut m, Intent::GoToStep(step));
        assert_eq!(m.keymap.resolve(&m.contexts(), o), Some(Intent::Park), "{step:?}");
        m.press(o);
        assert!(
            matches!(&m.overlay, Some(Overlay::Form(f)) if f.title.contains("Park")),
            "o opens the park form on {step:?}"
        );
    }
}
