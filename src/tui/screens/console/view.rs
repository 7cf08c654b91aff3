//! The console frame: header, stepper, the step's main pane, the side pane, the footer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::analysis::readiness;
use crate::model::timeline::{format_duration, time_to};
use crate::model::{ItemRef, Milestone};
use crate::tui::app::{Doc, Model};
use crate::tui::facilitation::{cards, prompts};
use crate::tui::mouse::Zones;
use crate::tui::render::Drawn;
use crate::tui::steps;
use crate::tui::steps::Step;
use crate::tui::widgets::{footer, stepper, truncate};
use unicode_width::UnicodeWidthStr;

/// From this width the side pane sits to the right; below it, under the main pane.
const SIDE_BY_SIDE: u16 = 100;

pub fn render(model: &Model, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let Some(doc) = model.doc.as_ref() else { return };
    let banner = banner(model, doc);
    let [header, stepper_row, banner_row, body, notice_row, footer_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        // A long banner (who holds the review, how to write) takes up to three rows rather
        // than lose its end.
        Constraint::Length(banner.as_ref().map_or(0, |b| banner_rows(b, area.width))),
        Constraint::Min(4),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let clock = crate::tui::facilitation::agenda::header(model).unwrap_or_default();
    // On a narrow screen the meeting clock moves to the stepper's row, so the header keeps
    // the incident's own times.
    let stepper_line = stepper::line(model, area.width);
    let notice_width = model.notice.as_ref().map_or(0, |n| n.text.width() + 3);
    let clock_fits_below = usize::from(area.width) >= notice_width + clock.width() + 2;
    // While a long notice is showing, the clock waits rather than push the times out.
    let (header_clock, lower_clock) = match (area.width < 100, clock_fits_below) {
        (true, true) => ("", clock.as_str()),
        (true, false) => ("", ""),
        (false, _) => (clock.as_str(), ""),
    };
    frame.render_widget(
        Paragraph::new(header_line(doc, header_clock, area.width)).style(model.theme.header),
        header,
    );
    frame.render_widget(Paragraph::new(stepper_line), stepper_row);
    drawn.zones.stepper = Some(stepper_row);
    if let Some(banner) = banner {
        let banner = Paragraph::new(banner).wrap(Wrap { trim: true });
        frame.render_widget(banner.style(model.theme.problem), banner_row);
    }
    // The big answer and the picture are for the room: they take the whole body.
    if doc.step == Step::Whys && doc.whys.big {
        steps::whys::big::render(model, doc, frame, body);
    } else if doc.step == Step::Factors && doc.factors.picture {
        steps::factors::picture::render(model, doc, frame, body);
    } else if model.present.on {
        crate::tui::screens::present::view::render(model, doc, frame, body, drawn);
    } else {
        body_with_side(model, doc, frame, body, area.width, drawn);
    }
    if let Some(notice) = crate::tui::widgets::footer::notice(model) {
        frame.render_widget(Paragraph::new(notice), notice_row);
    }
    if !lower_clock.is_empty() {
        // Right-aligned on the notice row; a notice always leaves it room (checked above).
        let clock = Paragraph::new(format!("{lower_clock} ")).style(model.theme.dim);
        frame.render_widget(clock.alignment(ratatui::layout::Alignment::Right), notice_row);
    }
    let hints = if model.present.on {
        crate::tui::screens::present::view::footer(model)
    } else {
        footer::line(model, area.width)
    };
    frame.render_widget(Paragraph::new(hints), footer_row);
}

fn body_with_side(
    model: &Model,
    doc: &Doc,
    frame: &mut Frame,
    body: Rect,
    width: u16,
    drawn: &mut Drawn,
) {
    let (main, side) = if width >= SIDE_BY_SIDE {
        let [main, side] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(38)]).areas(body);
        (main, side)
    } else {
        let side_rows = if body.height >= 16 { 7 } else { 5 };
        let [main, side] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(side_rows)]).areas(body);
        (main, side)
    };
    drawn.zones.list = Some(Zones::list_inside(main));
    match doc.step {
        Step::Timeline => steps::timeline::view::render(model, doc, frame, main, drawn),
        Step::Behaviours => steps::behaviours::view::render(model, doc, frame, main, drawn),
        Step::Whys => steps::whys::view::render(model, doc, frame, main, drawn),
        Step::Factors => steps::factors::view::render(model, doc, frame, main, drawn),
        Step::Review => steps::review::view::render(model, doc, frame, main, drawn),
        Step::Actions => steps::actions::view::render(model, doc, frame, main, drawn),
    }
    render_side(model, doc, frame, side);
}

/// Title on the left, shortened if need be; the meeting clock, severity, status, times and
/// save state on the right, because those change during the review and must stay visible.
fn header_line(doc: &Doc, clock: &str, width: u16) -> Line<'static> {
    let i = &doc.session.incident;
    let mut right = Vec::new();
    if !clock.is_empty() {
        right.push(clock.to_string());
    }
    if !i.severity.is_empty() {
        right.push(i.severity.clone());
    }
    let mut status = i.status.as_str().to_string();
    // A published review whose gate broke says so wherever the person is, on any width.
    let gate = doc.derived.gate.as_ref().map(|(_, g)| g);
    if gate.is_some_and(|g| readiness::published_but_broken(&doc.session, g).is_some()) {
        right.push(format!("{status} ⚠ gate broke"));
        status.clear();
    }
    let base = right.clone();
    let times: Vec<String> =
        [(Milestone::Detected, "TTD"), (Milestone::Mitigated, "TTM"), (Milestone::Resolved, "TTR")]
            .into_iter()
            .filter_map(|(m, label)| {
                time_to(i, m).map(|d| format!("{label} {}", format_duration(d)))
            })
            .collect();
    if !times.is_empty() {
        right.push(times.join(" · "));
    }
    // On a narrow screen the quiet parts give way first, so the title stays readable.
    let state = save_state(doc);
    let wanted = i.title.width().min(30);
    let fits = |parts: &[String]| {
        usize::from(width) >= parts.iter().map(|p| p.width() + 3).sum::<usize>() + wanted + 3
    };
    let quiet = doc.last_saved.is_none() && !doc.dirty && state == "up to date";
    let with_all: Vec<String> = [right.clone(), vec![status.clone(), state.clone()]]
        .concat()
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    // The incident's times give way before the clock and the save state.
    let right = if fits(&with_all) {
        with_all
    } else if !quiet && fits(&[right.clone(), vec![state.clone()]].concat()) {
        [right, vec![state]].concat()
    } else if quiet && fits(&right) {
        right
    } else if quiet {
        base
    } else {
        [base, vec![state]].concat()
    };
    let right = format!(" {} ", right.join(" │ "));
    let room = usize::from(width).saturating_sub(right.width() + 2);
    let title = truncate(&i.title, room);
    let pad = room.saturating_sub(title.width());
    Line::from(format!(" {title}{}│{right}", " ".repeat(pad + 1)))
}

fn save_state(doc: &Doc) -> String {
    if doc.holding.may_ask_to_write() {
        "FOLLOWING".into()
    } else if doc.read_only {
        "READ-ONLY".into()
    } else if doc.save_error.is_some() {
        "⚠ NOT SAVED".into()
    } else if doc.demo {
        "demo copy".into()
    } else if doc.dirty || doc.saves_in_flight > 0 {
        // Never an older "saved" while an edit is not on disk yet.
        "saving…".into()
    } else if let Some(at) = doc.last_saved {
        format!("saved {}", at.format("%H:%M:%S"))
    } else {
        "up to date".into()
    }
}

/// Rows for the banner: one if it fits, else enough for word wrapping (at most three).
fn banner_rows(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let needed = if text.width() <= width { 1 } else { text.width() / width + 1 };
    u16::try_from(needed.min(3)).unwrap_or(3)
}

/// A persistent line for what must not be missed: a change on disk waiting on a choice, a
/// failing save, who writes the review when this console does not, merge conflicts left.
fn banner(model: &Model, doc: &Doc) -> Option<String> {
    use crate::tui::screens::sharing::words;
    if let Some(conflict) = doc.conflict {
        return Some(words::conflict_banner(conflict).to_string());
    }
    if let Some(error) = &doc.save_error {
        return Some(format!("⚠ {error} — changes are kept in memory and saving is retried."));
    }
    words::banner(&doc.holding, &model.key_hint(&crate::tui::intent::Intent::TakeOver)).or_else(
        || {
            let n = crate::tui::screens::conflicts::left(model);
            let key = model.key_hint(&crate::tui::intent::Intent::ShowConflicts);
            (n > 0).then(|| crate::tui::screens::conflicts::words::header_banner(n, &key))
        },
    )
}

/// The selected item's flagged wording, first in the side pane: the words, why, and the
/// question to ask instead. Wrong turns in the Whys have their own re-asking.
fn wording_lines(model: &Model, doc: &Doc) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let item = match doc.step {
        Step::Timeline => doc.selected_event().map(|e| ItemRef::event(&e.id)),
        Step::Factors => steps::factors::state::selected(doc).map(|f| ItemRef::factor(&f.id)),
        Step::Behaviours => doc.selected_behaviour().map(|b| ItemRef::behaviour(&b.id)),
        Step::Actions => doc.selected_action().map(|a| ItemRef::action(&a.id)),
        Step::Whys | Step::Review => None,
    };
    let Some(item) = item else { return Vec::new() };
    if doc.checking() {
        let checking = Line::styled(crate::tui::messages::CHECKING_WORDING, theme.dim);
        return vec![checking, Line::raw("")];
    }
    // From the kept overview: the item's findings without linting the review again.
    let overview = doc.overview(&model.policy);
    let found: Vec<_> = (overview.language.iter())
        .filter(|f| f.item == item)
        .filter(|f| f.finding.severity >= crate::analysis::language::Severity::Warning)
        .collect();
    let mut lines = Vec::new();
    for f in &found {
        let head = format!("⚑ “{}” in {}: {}", f.finding.matched, f.field, f.finding.message);
        lines.push(Line::styled(head, theme.problem));
        lines.push(Line::raw(format!("? {}", f.finding.suggestion)));
    }
    if !found.is_empty() {
        lines.push(Line::styled(crate::tui::messages::KEEP_WORDING_HINT, theme.dim));
        lines.push(Line::raw(""));
    }
    lines
}

fn render_side(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let prompt = prompts::for_step(doc.step);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = match doc.step {
        Step::Timeline => steps::timeline::view::side(model, doc),
        Step::Whys => steps::whys::view::side(model, doc),
        Step::Factors => steps::factors::view::side(model, doc, width),
        Step::Behaviours => {
            steps::behaviours::view::side(model, doc, area.height.saturating_sub(2))
        }
        Step::Review => steps::review::view::side(model, doc),
        Step::Actions => steps::actions::view::side(model, doc),
    };
    lines.splice(0..0, wording_lines(model, doc));
    if matches!(doc.step, Step::Timeline | Step::Whys | Step::Factors) || !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    lines.extend(cards::side(model, doc));
    let block = Block::bordered().title(format!(" {} ", prompt.title)).border_style(theme.border);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}
