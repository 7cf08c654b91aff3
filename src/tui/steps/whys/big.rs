//! The selected answer large, for a room reading a shared screen: its chain of parents as a
//! breadcrumb above, the answer in big letters, and in full below when it does not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::view::{breadcrumb, glyph};
use crate::model::WhyTree;
use crate::tui::app::{Doc, Model};
use crate::tui::steps::whys::state::selected;
use crate::tui::widgets::wrap;

/// Quadrant pixels: each letter is 4 columns wide and 4 rows tall.
const CELL_W: usize = 4;
const CELL_H: usize = 4;

pub fn render(model: &Model, doc: &Doc, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let block = Block::bordered()
        .title(" Five Whys · for the room · b back to the tree · ↑↓ other answers ")
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(w) = selected(doc) else {
        frame.render_widget(Paragraph::new("No answer selected.").style(theme.dim), inner);
        return;
    };
    let width = usize::from(inner.width);
    let mut rows = usize::from(inner.height);
    let crumbs = breadcrumb(doc, &w.id, width);
    let crumb_rows = crumbs.len().min(3).min(rows);
    let mut y = inner.y;
    let lines: Vec<Line> =
        crumbs.into_iter().take(crumb_rows).map(|c| Line::styled(c, theme.dim)).collect();
    frame.render_widget(Paragraph::new(lines), Rect { y, height: crumb_rows as u16, ..inner });
    y += crumb_rows as u16;
    rows -= crumb_rows;
    let overview = doc.overview(&model.policy);
    let state = &overview.states;
    let depth = doc.session.whys.depth(&w.id);
    let label = Line::from(vec![
        Span::styled(format!("{} {} ", glyph(state.get(&w.id), w), w.id), theme.key),
        Span::styled(crate::tui::messages::why_number(depth), theme.dim),
    ]);
    if rows == 0 {
        return;
    }
    frame.render_widget(Paragraph::new(label), Rect { y, height: 1, ..inner });
    y += 1;
    rows -= 1;
    // The big letters take what is left; if the answer does not fit, it is also shown in
    // full, in normal letters, underneath.
    let text = w.text.replace('\n', " ");
    let per_line = (width / CELL_W).max(4);
    let big_lines = wrap(&text, per_line);
    let full = wrap(&text, width.max(1));
    let fits = big_lines.len() * CELL_H <= rows;
    let spare = if fits { 0 } else { full.len().min(rows / 3) + 1 };
    let shown = (rows.saturating_sub(spare) / CELL_H).min(big_lines.len());
    let mut big: Vec<Line> = big_lines.iter().take(shown).map(|l| Line::raw(l.clone())).collect();
    if shown < big_lines.len()
        && let Some(last) = big.last_mut()
    {
        // The 8×8 font has no ellipsis character; three dots say the same.
        let cut: String = last.to_string().chars().take(per_line - 3).collect();
        *last = Line::raw(format!("{}...", cut.trim_end()));
    }
    let big_height = (shown * CELL_H) as u16;
    // Centred in the space left, so the answer sits where the room looks.
    let used = shown * CELL_H + if fits { 0 } else { full.len() + 1 };
    y += (rows.saturating_sub(used) / 2) as u16;
    if shown > 0 {
        let widget = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(theme.title)
            .lines(big)
            .build();
        frame.render_widget(widget, Rect { y, height: big_height, ..inner });
    }
    y += big_height;
    if !fits {
        let height = inner.bottom().saturating_sub(y + 1);
        let rest = Rect { y: y + 1, height, ..inner };
        frame.render_widget(Paragraph::new(text).style(theme.base).wrap(Wrap { trim: true }), rest);
    }
}
