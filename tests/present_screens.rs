//! Presentation mode as a room sees it, at 80×24 and 120×40, on every step and in every
//! theme; and the mono theme telling selection, focus and problems apart without colour.
//! Names follow `screen__state__WxH`.

mod common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use waterline::model::{Mode, Session, Why, WhyTreeEdit};
use waterline::tui::app::{Model, update};
use waterline::tui::intent::Intent;
use waterline::tui::steps::Step;
use waterline::tui::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots at each size, after checking that each shows what matters (`shows`): the
/// selection, the glyphs, the keys on offer.
fn both_sizes(name: &str, m: &Model, shows: &[&str]) {
    for (w, h) in SIZES {
        let screen = draw(m, w, h);
        assert_shows(&screen, shows, &format!("{name} at {w}x{h}"));
        insta::assert_snapshot!(format!("{name}__{w}x{h}"), screen);
    }
}

/// The demo in presentation mode, on `step`.
fn presenting(step: Step) -> Model {
    let mut m = open(demo_session());
    keys(&mut m, "P");
    update(&mut m, Intent::GoToStep(step));
    m
}

fn select_why(m: &mut Model, id: &str) {
    m.doc.as_mut().expect("open").whys.selected = Some(id.to_string());
}

/// The demo with one more answer under w12, a wrong turn not yet asked again.
fn with_a_wrong_turn() -> Session {
    let mut s = demo_session();
    let turn = Why::new("w18", None, "The engineer was careless with the change log");
    s.whys.add_child(Some("w14"), turn).expect("w14 exists");
    s
}

#[test]
fn every_step_in_presentation_mode() {
    for step in Step::ALL {
        both_sizes(
            &format!("present__{}", step.key()),
            &presenting(step),
            &[step.title(), " P usual view "],
        );
    }
}

#[test]
fn the_item_under_discussion_changes_with_the_selection() {
    let mut m = presenting(Step::Timeline);
    keys(&mut m, "jjjjjj");
    both_sizes("present__timeline_detection", &m, &[" Tab next step ", " P usual view "]);

    let mut m = open(with_a_wrong_turn());
    keys(&mut m, "P2");
    select_why(&mut m, "w18");
    both_sizes("present__whys_wrong_turn", &m, &[" Tab next step ", " P usual view "]);

    let mut m = presenting(Step::Factors);
    keys(&mut m, "jj");
    both_sizes("present__factors_third", &m, &[" Tab next step ", " P usual view "]);
}

#[test]
fn the_classifier_gets_the_room_while_presenting() {
    let mut m = presenting(Step::Behaviours);
    keys(&mut m, "c");
    both_sizes(
        "present__behaviours_classifier",
        &m,
        &["▶ Make the procedure workable", " P usual view "],
    );
}

#[test]
fn cards_cycle_while_presenting() {
    let mut m = presenting(Step::Timeline);
    keys(&mut m, "]]");
    both_sizes("present__timeline_second_question", &m, &[" ] card "]);
}

#[test]
fn a_self_review_speaks_in_the_first_person() {
    let mut s = demo_session();
    s.incident.mode = Mode::SelfReview;
    let mut m = open(s);
    keys(&mut m, "P");
    both_sizes("present__self_review_timeline", &m, &[" ] card "]);
    keys(&mut m, "]]]");
    both_sizes("present__self_review_third_question", &m, &[" ] card "]);
}

#[test]
fn the_incident_form_shows_roles_not_names_while_presenting() {
    let mut m = presenting(Step::Timeline);
    keys(&mut m, "i");
    both_sizes("present__incident_form", &m, &["▶ Title", "Incident details"]);
    let screen = draw(&m, 120, 40);
    for name in ["Priya", "Sarah", "Jonas", "Amara"] {
        assert!(!screen.contains(name), "{name} is not on the shared screen:\n{screen}");
    }
    assert!(screen.contains("payments engineer, on-call SRE"), "{screen}");
}

#[test]
fn the_masked_participants_take_no_typing_and_keep_their_names() {
    let mut m = presenting(Step::Timeline);
    keys(&mut m, "i");
    for _ in 0..7 {
        tab(&mut m);
    }
    let Some(waterline::tui::app::Overlay::Form(form)) = &m.overlay else { panic!("a form") };
    assert_eq!(form.focused().map(|f| f.label), Some("Participants"));
    keys(&mut m, "Zoe");
    update(&mut m, Intent::Paste("Ann (SRE)".into()));
    enter(&mut m);
    assert!(m.overlay.is_none(), "the form was saved");
    let people = &session(&m).incident.participants;
    assert_eq!(people.len(), 5);
    assert_eq!(people[0].name, "Priya");
    assert!(people.iter().all(|p| p.name != "Zoe" && p.name != "Ann"));
}

#[test]
fn leaving_presentation_mode_restores_the_console() {
    let mut m = presenting(Step::Timeline);
    keys(&mut m, "P");
    assert!(!m.present.on);
    assert_eq!(m.theme.name, waterline::tui::theme::ThemeName::Mono);
    let screen = draw(&m, 80, 24);
    assert!(screen.contains("Timeline · 18 events"), "{screen}");
}

// ── Themes ──────────────────────────────────────────────────────────────────────────

/// The screen, then its styles: a letter per distinct style, and a legend of the letters.
fn draw_styled(m: &Model, width: u16, height: u16) -> String {
    let buffer = buffer(m, width, height);
    let mut styles: Vec<Style> = Vec::new();
    let mut grid = String::new();
    for y in 0..height {
        let row: String = (0..width)
            .map(|x| {
                let style = buffer[(x, y)].style();
                let i = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
                    styles.push(style);
                    styles.len() - 1
                });
                char::from(b'A' + (i as u8 % 26))
            })
            .collect();
        grid.push_str(&row);
        grid.push('\n');
    }
    let legend: Vec<String> = styles
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "{} fg {:?} bg {:?} {:?}",
                char::from(b'A' + i as u8 % 26),
                s.fg.unwrap_or(Color::Reset),
                s.bg.unwrap_or(Color::Reset),
                s.add_modifier
            )
        })
        .collect();
    format!("{}\n{}\n{grid}", draw(m, width, height), legend.join("\n"))
}

fn buffer(m: &Model, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| _ = waterline::tui::render::render(m, frame)).expect("draws");
    terminal.backend().buffer().clone()
}

fn on_wrong_turn(theme: Theme, present: bool) -> Model {
    let mut m = open(with_a_wrong_turn());
    m.theme = theme;
    if present {
        keys(&mut m, "P");
    }
    keys(&mut m, "2");
    select_why(&mut m, "w18");
    m
}

#[test]
fn every_theme_styles_the_same_screen() {
    let themes = [
        ("default", Theme::default_theme()),
        ("high_contrast", Theme::high_contrast()),
        ("mono", Theme::mono()),
    ];
    for (name, theme) in themes {
        for present in [false, true] {
            let m = on_wrong_turn(theme, present);
            let screen = if present { "present" } else { "console" };
            for (w, h) in SIZES {
                let snap = format!("{screen}__whys_wrong_turn_{name}__{w}x{h}");
                insta::assert_snapshot!(snap, draw_styled(&m, w, h));
            }
        }
    }
}

#[test]
fn presenting_uses_high_contrast_unless_the_console_is_mono() {
    let m = on_wrong_turn(Theme::default_theme(), true);
    assert_eq!(m.theme.name, waterline::tui::theme::ThemeName::HighContrast);
    let m = on_wrong_turn(Theme::mono(), true);
    assert_eq!(m.theme.name, waterline::tui::theme::ThemeName::Mono);
}

// ── Mono: meaning without colour ────────────────────────────────────────────────────

fn cells_with(buffer: &Buffer, symbol: &str) -> Vec<(u16, u16)> {
    let area = buffer.area;
    (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer[(x, y)].symbol() == symbol)
        .collect()
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect()
}

#[test]
fn mono_tells_selection_focus_and_problems_apart_without_colour() {
    for present in [false, true] {
        let m = on_wrong_turn(Theme::mono(), present);
        for (w, h) in SIZES {
            let b = buffer(&m, w, h);
            let at = format!("present={present} {w}x{h}");
            // No colour anywhere: everything below is carried by glyphs and modifiers.
            for (x, y) in (0..h).flat_map(|y| (0..w).map(move |x| (x, y))) {
                let c = &b[(x, y)];
                assert!(c.fg == Color::Reset && c.bg == Color::Reset, "{at}: colour at {x},{y}");
            }
            let rows_with = |text: &str| -> Vec<u16> {
                (0..h).filter(|&y| row_text(&b, y).contains(text)).collect()
            };
            let reversed = |y: u16| {
                (0..w).any(|x| b[(x, y)].style().add_modifier.contains(Modifier::REVERSED))
            };
            // Selection: where the tree is on screen, the selected answer has ▶ and reverse
            // video, and no other answer is reversed. (At 80×24 presentation mode shows the
            // selected answer itself, large, instead of the tree.)
            let tree = !(present && w < 100);
            if tree {
                let cursor = rows_with("▶ ");
                let first = rows_with("w18")
                    .into_iter()
                    .find(|y| row_text(&b, *y).starts_with("│▶"))
                    .unwrap_or_else(|| panic!("{at}: ▶ marks the selected answer"));
                assert!(cursor.iter().all(|y| *y == first), "{at}: one ▶ in the tree");
                assert!(reversed(first), "{at}: the selection is in reverse video");
                let other = rows_with("w13");
                assert!(other.iter().all(|&y| !reversed(y)), "{at}: only the selection");
            } else {
                assert!(rows_with("Answer 15 of 18").len() == 1, "{at}: which answer is shown");
            }
            // A wrong turn carries ⚠, in the tree and in the details beside it.
            assert!(!rows_with("⚠ wrong turn").is_empty(), "{at}: the wrong turn is named");
            if tree {
                let in_tree =
                    rows_with("⚠ w18").into_iter().any(|y| row_text(&b, y).starts_with("│▶"));
                assert!(in_tree, "{at}: ⚠ beside the wrong turn in the tree");
            }
            // Focus: the focused pane's border is bold, the other's is not.
            let corners = cells_with(&b, "┌");
            let bold = |&(x, y): &(u16, u16)| b[(x, y)].modifier.contains(Modifier::BOLD);
            assert!(corners.iter().any(bold), "{at}: a focused (bold) border");
            assert!(corners.iter().any(|c| !bold(c)), "{at}: an unfocused (plain) border");
        }
    }
}

#[test]
fn mono_marks_the_focused_field_of_a_form_without_colour() {
    let mut m = open(demo_session());
    keys(&mut m, "P");
    keys(&mut m, "i");
    let b = buffer(&m, 80, 24);
    let marker = cells_with(&b, "▶")
        .into_iter()
        .find(|&(_, y)| row_text(&b, y).contains("Title"))
        .expect("the focused field has ▶");
    let label = (marker.0..80).find(|&x| b[(x, marker.1)].symbol() == "T").expect("label");
    assert!(b[(label, marker.1)].modifier.contains(Modifier::BOLD), "the focused label is bold");
    let other = cells_with(&b, "S")
        .into_iter()
        .find(|&(_, y)| row_text(&b, y).contains("Severity"))
        .expect("another field");
    assert!(!b[other].modifier.contains(Modifier::BOLD), "other labels are not");
}

/// The rows of the bordered box whose top border holds `title`, between its side borders.
fn box_rows(screen: &str, title: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(top) = lines.iter().position(|l| l.contains(title)) else {
        panic!("no box titled {title:?}:\n{screen}")
    };
    let left = lines[top].chars().position(|c| c == '┌').expect("a box corner");
    let mut rows = Vec::new();
    for line in &lines[top + 1..] {
        let chars: Vec<char> = line.chars().skip(left).collect();
        if chars.first() != Some(&'│') {
            break;
        }
        let inner: String = chars[1..].iter().take_while(|c| **c != '│').collect();
        rows.push(inner);
    }
    rows
}

/// A row is cut mid-word when its last cell, against the right border, is part of a word;
/// free text may end in "…", which says so.
fn assert_no_word_cut(screen: &str, title: &str) {
    for row in box_rows(screen, title) {
        let last = row.chars().last().unwrap_or(' ');
        assert!(last == ' ' || last == '…', "{title}: a row is cut: {row:?}\n{screen}");
    }
}

#[test]
fn presenting_actions_at_80x24_drops_columns_rather_than_cutting_words() {
    let m = presenting(Step::Actions);
    let screen = draw(&m, 80, 24);
    assert_no_word_cut(&screen, "┌ Actions");
    // Every visible action's status word is whole, the columns kept are named whole, and
    // the legend under the list ends where it should.
    for a in &session(&m).actions {
        if screen.contains(&format!(" {:<4} ", a.id)) || screen.contains(&format!("▶{:<4} ", a.id))
        {
            let status = format!("{} {}", a.status.glyph(), a.status.label());
            assert!(screen.contains(&status), "{} shows {status:?} whole:\n{screen}", a.id);
        }
    }
    assert_shows(&screen, &["S M A R S", "status", "◐ in progress", "✗ fail ─"], "actions");
    insta::assert_snapshot!("present__actions_columns__80x24", screen);
}

#[test]
fn presenting_the_review_at_80x24_shows_whole_words() {
    let m = presenting(Step::Review);
    let screen = draw(&m, 80, 24);
    assert_no_word_cut(&screen, "┌ Review");
    assert_shows(&screen, &["Status draft", "Detection and resolution times"], "review");
    assert!(!screen.contains("reviewed needs"), "the long hint is dropped, not cut:\n{screen}");
    insta::assert_snapshot!("present__review_whole_words__80x24", screen);
}
