//! The picture from the domain source: the incident in the middle and its contributing
//! factors around it, each an intervention point with its count of actions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Line as Spoke};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::analysis::coverage::{action_count, factor_checks};
use crate::model::Factor;
use crate::tui::app::{Doc, Model};
use crate::tui::widgets::{truncate, wrap};

/// Grid cells (row, column) around the centre, chosen so any count looks balanced.
fn slots(n: usize) -> &'static [(u16, u16)] {
    const TL: (u16, u16) = (0, 0);
    const TM: (u16, u16) = (0, 1);
    const TR: (u16, u16) = (0, 2);
    const ML: (u16, u16) = (1, 0);
    const MR: (u16, u16) = (1, 2);
    const BL: (u16, u16) = (2, 0);
    const BM: (u16, u16) = (2, 1);
    const BR: (u16, u16) = (2, 2);
    match n {
        0 => &[],
        1 => &[TM],
        2 => &[ML, MR],
        3 => &[TM, BL, BR],
        4 => &[TM, ML, MR, BM],
        5 => &[TL, TR, ML, MR, BM],
        6 => &[TL, TR, ML, MR, BL, BR],
        7 => &[TL, TM, TR, ML, MR, BL, BR],
        _ => &[TL, TM, TR, ML, MR, BL, BM, BR],
    }
}

const GAP_X: u16 = 4;
const GAP_Y: u16 = 1;

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let block = Block::bordered()
        .title(" Contributing factors · each one a place to intervene · p for the list ")
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let factors = &doc.session.factors;
    let cell_w = inner.width.saturating_sub(2 * GAP_X) / 3;
    let cell_h = inner.height.saturating_sub(2 * GAP_Y) / 3;
    if cell_w < 8 || cell_h < 3 {
        return;
    }
    let cell = |(r, c): (u16, u16)| Rect {
        x: inner.x + c * (cell_w + GAP_X),
        y: inner.y + r * (cell_h + GAP_Y),
        width: cell_w,
        height: cell_h,
    };
    let slots = slots(factors.len());
    let centre = cell((1, 1));
    // Spokes first; the boxes are drawn over them, so only the part between boxes shows.
    let (w, h) = (f64::from(inner.width), f64::from(inner.height));
    let mid = |r: Rect| {
        (
            f64::from(r.x - inner.x) + f64::from(r.width) / 2.0,
            h - f64::from(r.y - inner.y) - f64::from(r.height) / 2.0,
        )
    };
    let (cx, cy) = mid(centre);
    let ends: Vec<(f64, f64)> = slots.iter().map(|s| mid(cell(*s))).collect();
    let colour = if theme.name == crate::tui::theme::ThemeName::Mono {
        Color::Reset
    } else {
        Color::DarkGray
    };
    let canvas =
        Canvas::default().marker(Marker::Braille).x_bounds([0.0, w]).y_bounds([0.0, h]).paint(
            move |ctx| {
                for (x, y) in &ends {
                    ctx.draw(&Spoke { x1: cx, y1: cy, x2: *x, y2: *y, color: colour });
                }
            },
        );
    frame.render_widget(canvas, inner);
    let incident = &doc.session.incident.title;
    let width = usize::from(centre.width.saturating_sub(2));
    let mut lines: Vec<Line> =
        clipped(wrap(incident, width), usize::from(centre.height.saturating_sub(3)), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.title))
            .collect();
    lines.push(Line::styled(format!("{} factors", factors.len()), theme.dim));
    let centre = fit(centre, lines.len());
    frame.render_widget(Clear, centre);
    frame.render_widget(
        Paragraph::new(lines).centered().block(
            Block::bordered()
                .border_type(BorderType::Double)
                .title(" Incident ")
                .border_style(theme.title),
        ),
        centre,
    );
    let more = factors.len().saturating_sub(slots.len());
    for (i, slot) in slots.iter().enumerate() {
        let area = cell(*slot);
        if more > 0 && i + 1 == slots.len() {
            let text = format!("+{} more factors · p shows the list", more + 1);
            let area = fit(area, 2);
            frame.render_widget(Clear, area);
            frame.render_widget(
                Paragraph::new(text).block(Block::bordered()).style(theme.dim),
                area,
            );
            continue;
        }
        factor_box(model, doc, &factors[i], i == doc.factors.selected, frame, area);
    }
}

fn factor_box(model: &Model, doc: &Doc, f: &Factor, selected: bool, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let covered = factor_checks(&doc.session, f).is_empty();
    let width = usize::from(area.width.saturating_sub(2));
    let room = usize::from(area.height.saturating_sub(3)).max(1);
    let mut lines: Vec<Line> =
        clipped(wrap(headline(&f.text), width), room, width).into_iter().map(Line::raw).collect();
    let n = action_count(&doc.session, &f.id);
    let status = match (n, f.accepted_risk.is_empty(), covered) {
        (0, false, _) => "≈ risk accepted".to_string(),
        (0, true, _) => "⚠ no action yet".to_string(),
        (1, _, true) => "⚑ 1 action".to_string(),
        (n, _, true) => format!("⚑ {n} actions"),
        (n, _, false) => format!("⚑ {n} · ⚠ see list"),
    };
    lines.push(Line::styled(status, if covered { theme.good } else { theme.problem }));
    let area = fit(area, lines.len());
    frame.render_widget(Clear, area);
    let marker = if selected { "▶ " } else { "" };
    let border = if selected { theme.border_focus } else { theme.border };
    let block = Block::bordered()
        .title(format!(" {marker}{} {} ", f.id, f.category.as_str()))
        .border_style(border);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A box just tall enough for `lines` inside its borders, centred in its cell.
fn fit(cell: Rect, lines: usize) -> Rect {
    let height = (lines as u16 + 2).min(cell.height);
    Rect { y: cell.y + (cell.height - height) / 2, height, ..cell }
}

/// The factor's first clause (before a colon, semicolon or dash), as in the figure's short
/// labels; the whole text when there is no such clause.
pub fn headline(text: &str) -> &str {
    let text = text.trim();
    [":", ";", " — ", " - "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .map(|at| &text[..at])
        .filter(|head| head.chars().count() >= 8)
        .unwrap_or(text)
}

/// At most `rows` lines, the last ending in `…` when some were left out.
fn clipped(mut lines: Vec<String>, rows: usize, width: usize) -> Vec<String> {
    let rows = rows.max(1);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last}…"), width);
        }
    }
    lines
}
