//! The Whys and Factors steps as they look at 80×24 and 120×40: TestBackend + insta.
//! Names follow `screen__state__WxH`.

mod common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use waterline::model::{Participant, Session, Why, WhyTreeEdit};
use waterline::tui::app::Model;
use waterline::tui::render::render;

fn draw(m: &Model, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| _ = render(m, frame)).expect("draws");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let line: String = (0..width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Snapshots at both sizes, after checking that each shows what matters (`shows`): the
/// selection, the glyphs, the keys on offer.
fn both_sizes(name: &str, m: &Model, shows: &[&str]) {
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(m, w, h);
        assert_shows(&screen, shows, &format!("{name} at {w}x{h}"));
        insta::assert_snapshot!(format!("{name}__{w}x{h}"), screen);
    }
}

fn with_whys(whys: Vec<(&str, Option<&str>, &str)>) -> Session {
    let mut s = Session::new("Checkout errors after a feature-flag change");
    s.incident.participants = vec![Participant { name: "Ali".into(), role: "on-call".into() }];
    for (id, parent, text) in whys {
        s.whys.add_child(parent, Why::new(id, None, text)).expect("parent exists");
    }
    s
}

fn on_whys(s: Session, select: &str) -> Model {
    let mut m = open(s);
    keys(&mut m, "2");
    if let Some(doc) = m.doc.as_mut() {
        doc.whys.selected = Some(select.to_string());
    }
    m
}

#[test]
fn whys_deep_tree() {
    let ids: Vec<String> = (1..=14).map(|i| format!("w{i}")).collect();
    let mut whys = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let parent = i.checked_sub(1).map(|p| ids[p].as_str());
        whys.push((id.as_str(), parent, "Because the layer below allowed it"));
    }
    let mut s = with_whys(whys);
    s.whys[13].system_condition = true;
    both_sizes("whys__deep_tree", &on_whys(s, "w14"), &["● w14", " a why? "]);
}

#[test]
fn whys_wide_tree() {
    let mut whys = vec![("w1", None, "A flag change enabled the new tax engine for every user")];
    let children = [
        ("w2", "The picker defaults to everyone"),
        ("w3", "Staging and production presets look alike"),
        ("w4", "No canary for flag changes"),
        ("w5", "The error alert waits four minutes"),
        ("w6", "The runbook names the old flag service"),
        ("w7", "Flag changes need no review"),
        ("w8", "The tax engine fails open"),
        ("w9", "Support had no way to see flag changes"),
    ];
    for (id, text) in children {
        whys.push((id, Some("w1"), text));
    }
    whys.push(("w10", Some("w2"), "The flag tool was built for internal tests"));
    whys.push(("w11", Some("w4"), "Ali was rushed and should have checked the cohort"));
    let mut s = with_whys(whys);
    s.whys.iter_mut().filter(|w| ["w10", "w5", "w7"].contains(&w.id.as_str())).for_each(|w| {
        w.system_condition = true;
    });
    both_sizes("whys__wide_tree_wrong_turn", &on_whys(s, "w11"), &["⚠ w11", " a why? "]);
}

#[test]
fn whys_long_wrapped_answers() {
    let long = "The deploy pipeline has a single stage for configuration: every change, \
        whatever its size or risk, goes to all twenty-four payment hosts at the same moment, \
        and nothing watches the error rate afterwards to roll it back automatically";
    let s = with_whys(vec![
        ("w1", None, long),
        ("w2", Some("w1"), long),
        ("w3", Some("w2"), "Short one"),
        ("w4", Some("w1"), long),
    ]);
    both_sizes("whys__long_answers", &on_whys(s, "w2"), &["▶   ├─ · w2"]);
}

#[test]
fn whys_demo_with_a_reframed_wrong_turn() {
    both_sizes("whys__demo_reframed", &on_whys(demo_session(), "w17"), &["↻ w17", "▶"]);
}

#[test]
fn whys_big_view() {
    let mut m = on_whys(demo_session(), "w5");
    keys(&mut m, "b");
    both_sizes(
        "whys__big_view",
        &m,
        &["Five Whys · for the room", "● w5 why 5 of this branch", " b big "],
    );
}

#[test]
fn whys_big_view_short_answer() {
    let mut m = on_whys(demo_session(), "w6");
    keys(&mut m, "b");
    both_sizes("whys__big_view_short", &m, &["Five Whys · for the room", " b big "]);
}

#[test]
fn whys_empty() {
    both_sizes(
        "whys__empty",
        &on_whys(Session::new("Checkout errors"), ""),
        &["No answers yet. Press a to ask why", " a why? "],
    );
}

#[test]
fn whys_form_flags_a_wrong_turn_as_it_is_typed() {
    let mut m = on_whys(demo_session(), "w16");
    keys(&mut m, "aThe on-call forgot to check the dashboard");
    both_sizes(
        "whys__form_wrong_turn",
        &m,
        &["▶ Answer", "✗ “forgot” lands on a person", " Enter save "],
    );
}

#[test]
fn whys_move_picker() {
    let mut m = on_whys(demo_session(), "w13");
    keys(&mut m, "m");
    both_sizes("whys__move_picker", &m, &["▶    w12", " Enter save "]);
}

#[test]
fn factors_list() {
    let mut m = open(demo_session());
    keys(&mut m, "3jjjj");
    both_sizes("factors__list", &m, &["▶⚠ f5", " a add ", " w whys "]);
}

#[test]
fn factors_picture() {
    let mut m = open(demo_session());
    keys(&mut m, "3p");
    both_sizes("factors__picture", &m, &["▶ f1", "Incident"]);
}

#[test]
fn factors_form() {
    let mut m = open(demo_session());
    keys(&mut m, "3e");
    both_sizes("factors__form", &m, &["▶ Contributing factor", " Enter save "]);
}

#[test]
fn factors_evidence_picker() {
    let mut m = open(demo_session());
    keys(&mut m, "3w");
    both_sizes("factors__whys_picker", &m, &["▶[ ] w1", " Space tick "]);
}

#[test]
fn factors_empty_list_and_picture() {
    let mut m = open(Session::new("Checkout errors"));
    keys(&mut m, "3");
    both_sizes("factors__empty", &m, &[" a add ", " p picture "]);
    keys(&mut m, "p");
    both_sizes("factors__empty_picture", &m, &["0 factors", " p picture "]);
}
