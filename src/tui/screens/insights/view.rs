//! Drawing the Insights view: contributing factors by category per quarter (a grouped bar
//! chart), conditions that recur, follow-through, response times by severity (sparklines)
//! and the wording kept on purpose most often, readable without colour. The sections are
//! stacked; when they do not fit, the view scrolls.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use crate::analysis::insights::Insights;
use crate::tui::app::Model;
use crate::tui::intent::Intent;
use crate::tui::render::Drawn;
use crate::tui::screens::insights::{chart, sections, words};
use crate::tui::theme::Theme;
use crate::tui::widgets::footer;

/// From this width follow-through sits beside the recurring conditions.
const SIDE_BY_SIDE: u16 = 100;
/// Follow-through's width beside the recurring conditions.
const SIDE: u16 = 50;

pub fn render(model: &Model, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let theme = &model.theme;
    let view = model.insights.as_ref();
    let found = view.and_then(|v| v.found.as_ref());
    let [header, body, notice_row, footer_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = found
        .map_or_else(|| words::TITLE.to_string(), |f| words::title(f.reviews, f.without_start));
    frame.render_widget(Paragraph::new(title).style(theme.header), header);
    frame.render_widget(Paragraph::new(footer::line(model, area.width)), footer_row);
    let Some(found) = found else {
        let text = if view.is_some_and(|v| v.loading) { words::READING } else { "" };
        frame.render_widget(Paragraph::new(text).style(theme.dim), body);
        return;
    };
    let keys = format!(
        "{} {}",
        model.key_hint(&Intent::EarlierQuarters),
        model.key_hint(&Intent::LaterQuarters)
    );
    let window = (view.map_or(0, |v| v.back), keys.as_str());
    let content = content(theme, found, window, body.width, body.height);
    let total = content.area.height;
    let most = total.saturating_sub(body.height);
    let scroll = view.map_or(0, |v| v.scroll).min(most);
    drawn.insights_scroll = Some((most, chart::most_back(&found.factors_by_quarter, body.width)));
    let out = frame.buffer_mut();
    for y in 0..body.height.min(total - scroll) {
        for x in 0..body.width {
            out[(body.x + x, body.y + y)] = content[(x, y + scroll)].clone();
        }
    }
    let mut notice = Vec::new();
    if let Some(unreadable) = view.map(|v| v.unreadable).filter(|n| *n > 0) {
        notice.push(words::unreadable(unreadable));
    }
    if most > 0 {
        let last = (scroll + body.height).min(total);
        notice.push(words::scrolled(scroll + 1, last, total));
    }
    let style = if view.is_some_and(|v| v.unreadable > 0) { theme.problem } else { theme.dim };
    frame.render_widget(Paragraph::new(notice.join("   ")).style(style), notice_row);
}

/// Every section, drawn one under the other at `width`, at least `height` rows tall: spare
/// rows make the bars taller.
fn content(
    theme: &Theme,
    found: &Insights,
    window: (usize, &str),
    width: u16,
    height: u16,
) -> Buffer {
    let wide = width >= SIDE_BY_SIDE;
    let follow = sections::follow_through_height(found, if wide { SIDE } else { width });
    let middle = if wide {
        sections::recurring_height(found).max(follow)
    } else {
        sections::recurring_height(found) + follow
    };
    let below = middle + sections::times_height(found) + sections::kept_height(found);
    let mut bars = 5;
    let spare = height
        .saturating_sub(chart::height(&found.factors_by_quarter, width, bars, window.0) + below);
    bars += spare.min(5);
    let chart_height = chart::height(&found.factors_by_quarter, width, bars, window.0);
    let total = (chart_height + below).max(height);
    let mut buf = Buffer::empty(Rect::new(0, 0, width, total));
    let [chart_area, middle_area, times_area, kept_area, _] = Layout::vertical([
        Constraint::Length(chart_height),
        Constraint::Length(middle),
        Constraint::Length(sections::times_height(found)),
        Constraint::Length(sections::kept_height(found)),
        Constraint::Min(0),
    ])
    .areas(buf.area);
    chart::render(theme, &found.factors_by_quarter, window, &mut buf, chart_area);
    let [recurring, follow] = if wide {
        Layout::horizontal([Constraint::Min(40), Constraint::Length(SIDE)]).areas(middle_area)
    } else {
        Layout::vertical([Constraint::Min(3), Constraint::Length(follow)]).areas(middle_area)
    };
    sections::recurring(theme, found, &mut buf, recurring);
    sections::follow_through(theme, found, &mut buf, follow);
    sections::response_times(theme, &found.response_times, &mut buf, times_area);
    sections::kept_wording(theme, found, &mut buf, kept_area);
    buf
}
