//! The console's body in presentation mode: the step's name and the item under discussion
//! in big letters, then the item in full beside the current prompt card; on a large screen
//! the step's own list too. Names in what is drawn here are shown as roles.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::tui::app::{Doc, Model};
use crate::tui::facilitation::agenda::{CLOCK, OVER};
use crate::tui::facilitation::cards;
use crate::tui::intent::Intent;
use crate::tui::mouse::Zones;
use crate::tui::render::Drawn;
use crate::tui::screens::present::state::as_roles;
use crate::tui::steps;
use crate::tui::steps::Step;
use crate::tui::steps::behaviours::state::BehavioursMode;
use crate::tui::steps::factors::picture::headline;
use crate::tui::steps::whys::state::{selected as selected_why, visible};
use crate::tui::widgets::wrap;

/// Quadrant pixels: a letter is 4 columns wide and 4 rows tall.
const BIG: u16 = 4;
const LETTER_W: u16 = 4;
/// From this size the step's own list is shown too.
const LIST_WIDTH: u16 = 100;
const LIST_HEIGHT: u16 = 12;
const CARD_WIDTH: u16 = 36;

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    // The classifier and the summary are the item themselves: they get the room.
    let classifier =
        doc.step == Step::Behaviours && !matches!(doc.behaviours.mode, BehavioursMode::List);
    let label = if classifier || area.height < 18 { None } else { item_label(doc) };
    let step_rows = if area.height >= 12 { BIG + 2 } else { 0 };
    // The box below has a border of its own, so no blank row under the label.
    let item_rows = if label.is_some() { BIG } else { 0 };
    let [step_band, item_band, rest] = Layout::vertical([
        Constraint::Length(step_rows),
        Constraint::Length(item_rows),
        Constraint::Min(3),
    ])
    .areas(area);
    if step_rows > 0 {
        step_heading(model, doc, frame, Rect { y: step_band.y + 1, height: BIG, ..step_band });
    }
    if let Some(label) = label {
        big(model, &label, frame, item_band);
    }
    // Steps still being built have no item to detail: their own view stands in.
    let has_details = !matches!(doc.step, Step::Actions | Step::Review);
    if classifier {
        steps::behaviours::view::render(model, doc, frame, rest, drawn);
    } else if rest.width >= LIST_WIDTH && rest.height >= LIST_HEIGHT {
        let [list, side] =
            Layout::horizontal([Constraint::Min(50), Constraint::Length(CARD_WIDTH + 8)])
                .areas(rest);
        main_view(model, doc, frame, list, drawn);
        let card_rows = if has_details { card_height(doc, side.width) } else { side.height };
        let [card_area, details_area] =
            Layout::vertical([Constraint::Length(card_rows), Constraint::Min(0)]).areas(side);
        card(model, doc, frame, card_area);
        if has_details {
            details(model, doc, frame, details_area);
        }
    } else {
        // The card is read out: it gets the width it needs to be whole, if it can.
        let widest = rest.width.saturating_sub(24).max(CARD_WIDTH);
        let card_width = (CARD_WIDTH.max(rest.width / 2)..widest)
            .find(|w| card_height(doc, *w) <= rest.height)
            .unwrap_or(widest);
        let [details_area, card_area] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(card_width)]).areas(rest);
        if has_details {
            details(model, doc, frame, details_area);
        } else {
            main_view(model, doc, frame, details_area, drawn);
        }
        card(model, doc, frame, card_area);
    }
}

/// The footer while presenting: only the keys the room sees used, and help.
pub fn footer(model: &Model) -> Line<'static> {
    let theme = &model.theme;
    let ctx = model.contexts();
    let words = &cards::words().present;
    let entries = [
        (Intent::NextStep, Intent::NextStep.short().unwrap_or_default()),
        (Intent::NextCard, Intent::NextCard.short().unwrap_or_default()),
        (Intent::TogglePresent, words.leave.as_str()),
        (Intent::ToggleHelp, Intent::ToggleHelp.short().unwrap_or_default()),
    ];
    let mut spans = Vec::new();
    for (action, label) in entries {
        if let Some(key) = model.keymap.key_for(&ctx, &action) {
            spans.push(Span::styled(format!(" {key}"), theme.key));
            spans.push(Span::styled(format!(" {label}  "), theme.dim));
        }
    }
    Line::from(spans)
}

/// The step's name large, and beside it where the room is: step n of 6, and its timebox.
fn step_heading(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let name = doc.step.title();
    let name_w = LETTER_W * name.chars().count() as u16;
    let [big_area, _, info] = Layout::horizontal([
        Constraint::Length(name_w + 2),
        Constraint::Length(4),
        Constraint::Min(0),
    ])
    .areas(area);
    big(model, name, frame, big_area);
    let words = &cards::words().present;
    let total = Step::ALL.len().to_string();
    let n = (doc.step.index() + 1).to_string();
    let a = &doc.agenda;
    let spent = a.minutes_on(doc.step);
    let over = a.is_over(doc.step, &model.timeboxes);
    let (glyph, style) = if over { (OVER, theme.problem) } else { (CLOCK, theme.title) };
    let limit = model.timeboxes.get(doc.step);
    let time = match limit {
        Some(m) => format!("{glyph} {spent} {} {m} min", words.of),
        None => format!("{glyph} {spent} min"),
    };
    let mut lines = vec![
        Line::styled(cards::fill(&words.step_of, &[("n", &n), ("total", &total)]), theme.dim),
        Line::styled(time, style),
    ];
    if let Some(m) = limit {
        // Filled and empty cells, so the bar reads without colour.
        let width = usize::from(info.width.min(20));
        let filled = (usize::try_from(spent).unwrap_or(0) * width / m.max(1) as usize).min(width);
        let bar = format!("{}{}", "▰".repeat(filled), "▱".repeat(width - filled));
        lines.push(Line::styled(bar, style));
    }
    let clock = crate::tui::facilitation::agenda::clock(a.meeting_seconds());
    lines.push(Line::styled(format!("{} {CLOCK} {clock}", words.clock), theme.dim));
    frame.render_widget(Paragraph::new(lines), info);
}

/// One line of big letters, shortened at a word to what fits, indented by up to two
/// columns when there is room for them.
fn big(model: &Model, text: &str, frame: &mut Frame, area: Rect) {
    let text = fit(text, usize::from(area.width / LETTER_W));
    let used = LETTER_W.saturating_mul(u16::try_from(text.chars().count()).unwrap_or(u16::MAX));
    let indent = area.width.saturating_sub(used).min(2);
    let widget = BigText::builder()
        .pixel_size(PixelSize::Quadrant)
        .style(model.theme.title)
        .lines(vec![Line::raw(text)])
        .build();
    frame.render_widget(widget, Rect { x: area.x + indent, width: area.width - indent, ..area });
}

/// `text` in at most `room` letters: whole words, then `...` (the big font has no `…`).
fn fit(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = if out.is_empty() { word.to_string() } else { format!("{out} {word}") };
        if next.chars().count() + 3 > room {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        out = text.chars().take(room.saturating_sub(3)).collect();
    }
    format!("{}...", out.trim_end_matches([',', ';', ':', '.']))
}

/// The item under discussion, as a short label.
fn item_label(doc: &Doc) -> Option<String> {
    let s = &doc.session;
    let label = match doc.step {
        Step::Timeline => {
            let offset = crate::model::zone::review_offset(s);
            let at = |e: &crate::model::Event| crate::model::zone::clock(&e.at, offset);
            doc.selected_event().map(|e| format!("{} {}", at(e), e.kind.as_str()))?
        }
        Step::Whys => {
            selected_why(doc).map(|w| headline(&w.text.replace('\n', " ")).to_string())?
        }
        Step::Factors => {
            steps::factors::state::selected(doc).map(|f| headline(&f.text).to_string())?
        }
        Step::Behaviours => doc.selected_behaviour().map(|b| headline(&b.act).to_string())?,
        Step::Actions => doc.selected_action().map(|a| headline(&a.text).to_string())?,
        Step::Review => headline(&s.incident.title).to_string(),
    };
    Some(as_roles(&s.incident.participants, &label))
}

/// The item's state, as the step's list marks it (a wrong turn ⚠, a condition ●…).
fn item_glyph(doc: &Doc) -> Option<&'static str> {
    match doc.step {
        Step::Whys => {
            let w = selected_why(doc)?;
            let states = crate::analysis::whys::states(&doc.session);
            Some(steps::whys::view::glyph(states.get(&w.id), w)).filter(|g| *g != "·")
        }
        Step::Factors => {
            let f = steps::factors::state::selected(doc)?;
            let covered = crate::analysis::coverage::factor_checks(&doc.session, f).is_empty();
            Some(if covered { "✓" } else { "⚠" })
        }
        _ => None,
    }
}

/// "Event 7 of 18": where the selected item sits, for the details' title.
fn position(doc: &Doc) -> Option<String> {
    let s = &doc.session;
    let (n, total) = match doc.step {
        Step::Timeline => (doc.timeline.selected + 1, s.events.len()),
        Step::Whys => {
            let id = selected_why(doc).map(|w| w.id.clone());
            let rows = visible(doc);
            let at = rows.iter().position(|(w, _)| Some(&w.id) == id.as_ref()).unwrap_or(0);
            (at + 1, rows.len())
        }
        Step::Factors => (doc.factors.selected + 1, s.factors.len()),
        Step::Behaviours => (doc.behaviours.selected + 1, s.behaviours.len()),
        Step::Actions => (doc.actions.selected + 1, s.actions.len()),
        Step::Review => (0, 0),
    };
    let template = cards::words().present.items.get(doc.step.key())?;
    Some(cards::fill(template, &[("n", &n.to_string()), ("total", &total.to_string())]))
}

/// The step's usual list (or what stands in for a step still being built).
fn main_view(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    match doc.step {
        Step::Timeline => steps::timeline::view::render(model, doc, frame, area, drawn),
        Step::Whys => steps::whys::view::render(model, doc, frame, area, drawn),
        Step::Factors => steps::factors::view::render(model, doc, frame, area, drawn),
        Step::Behaviours => steps::behaviours::view::render(model, doc, frame, area, drawn),
        Step::Actions => steps::actions::view::render(model, doc, frame, area, drawn),
        Step::Review => {
            steps::review::view::render(model, doc, frame, area, drawn);
            return;
        }
    }
    drawn.zones.list = Some(Zones::list_inside(area));
}

/// The selected item in full, with what the step knows about it.
fn details(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let width = usize::from(area.width.saturating_sub(4));
    let mut lines: Vec<Line<'static>> = match doc.step {
        Step::Timeline => steps::timeline::view::side(model, doc),
        Step::Whys => {
            let mut lines: Vec<Line> = selected_why(doc)
                .map(|w| vec![Line::styled(w.text.clone(), theme.title), Line::raw("")])
                .unwrap_or_default();
            lines.extend(steps::whys::view::side(model, doc));
            lines
        }
        Step::Factors => steps::factors::view::side(model, doc, width),
        Step::Behaviours => steps::behaviours::view::side(model, doc, area.height),
        Step::Actions | Step::Review => Vec::new(),
    };
    let people = &doc.session.incident.participants;
    for line in &mut lines {
        for span in &mut line.spans {
            span.content = as_roles(people, &span.content).into();
        }
    }
    let glyph = item_glyph(doc).map(|g| format!("{g} ")).unwrap_or_default();
    let title = position(doc).map(|p| format!(" {glyph}{p} ")).unwrap_or_default();
    let block =
        Block::bordered().title(title).padding(Padding::horizontal(1)).border_style(theme.border);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}

/// The current prompt card, in bold: it is what the facilitator reads out.
fn card(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let (card, i, n) = doc.cards.current(doc.step, doc.session.incident.mode);
    let lines: Vec<Line> =
        card.text.lines().map(|l| Line::styled(l.to_string(), theme.title)).collect();
    let block = Block::bordered()
        .title(format!(" {} · {}/{} ", card.title, i + 1, n))
        .padding(Padding::horizontal(1))
        .border_style(theme.border_focus);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), area);
}

/// Rows the card needs at `width`, borders included.
fn card_height(doc: &Doc, width: u16) -> u16 {
    let (card, _, _) = doc.cards.current(doc.step, doc.session.incident.mode);
    let rows = wrap(&card.text, usize::from(width.saturating_sub(4))).len();
    u16::try_from(rows + 2).unwrap_or(u16::MAX)
}
