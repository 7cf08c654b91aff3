//! Contributing factors by category per quarter: ratatui's grouped bar chart, one group a
//! quarter, one bar a category, each bar labelled with its category's two letters and its
//! count written on it, and a legend under it, so it reads without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Widget};

use crate::analysis::insights::{QuarterFactors, categories_used};
use crate::model::Category;
use crate::tui::screens::insights::words;
use crate::tui::theme::Theme;

/// Columns between two quarters.
const GROUP_GAP: u16 = 2;
/// A quarter's label, `2025-Q3`, fits under its group.
const LABEL: u16 = 7;

/// The two letters that label a category's bar.
pub fn short(category: Category) -> &'static str {
    let name = category.as_str();
    name.get(..2).unwrap_or(name)
}

/// What fits in `width` columns: the latest quarters, and the categories any of them has.
pub struct Plan<'a> {
    pub quarters: &'a [QuarterFactors],
    pub categories: Vec<Category>,
    pub bar_width: u16,
}

/// `back` moves the window that many quarters back from the latest.
pub fn plan(all: &[QuarterFactors], width: u16, back: usize) -> Plan<'_> {
    let end = all.len() - back.min(all.len().saturating_sub(1));
    let mut shown = 1.min(end);
    while shown < end {
        let wider = &all[end - shown - 1..end];
        if needed(wider) > width {
            break;
        }
        shown += 1;
    }
    let quarters = &all[end - shown..end];
    let categories = categories_used(quarters);
    let bar_width = bar_width(categories.len() as u16);
    Plan { quarters, categories, bar_width }
}

/// How far back the window can move at `width`: until it starts at the first quarter.
pub fn most_back(all: &[QuarterFactors], width: u16) -> usize {
    let inner = width.saturating_sub(2);
    let mut fit = 1.min(all.len());
    while fit < all.len() && needed(&all[..fit + 1]) <= inner {
        fit += 1;
    }
    all.len() - fit
}

/// Bars two columns wide, one apart; wider when there are few, so the quarter's label fits.
fn bar_width(bars: u16) -> u16 {
    let bars = bars.max(1);
    let gaps = bars - 1;
    2.max(LABEL.saturating_sub(gaps).div_ceil(bars))
}

fn group_width(bars: u16) -> u16 {
    let bars = bars.max(1);
    bars * bar_width(bars) + (bars - 1)
}

fn needed(quarters: &[QuarterFactors]) -> u16 {
    let n = quarters.len() as u16;
    n * group_width(categories_used(quarters).len() as u16) + n.saturating_sub(1) * GROUP_GAP
}

/// The legend's entries, `ch change`, packed into lines of `width`.
fn pack(categories: &[Category], width: u16) -> Vec<Vec<Category>> {
    let mut lines: Vec<Vec<Category>> = Vec::new();
    let mut line: Vec<Category> = Vec::new();
    let mut used = 0usize;
    for c in categories {
        let len = short(*c).len() + 1 + c.as_str().len() + 3;
        if used > 0 && used + len > usize::from(width) {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        line.push(*c);
        used += len;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn legend(theme: &Theme, categories: &[Category], width: u16) -> Vec<Line<'static>> {
    (pack(categories, width).into_iter())
        .map(|line| {
            let spans = line.into_iter().flat_map(|c| {
                [
                    Span::styled(format!("{} ", short(c)), theme.title),
                    Span::styled(c.as_str(), theme.dim),
                    Span::raw("   "),
                ]
            });
            Line::from(spans.collect::<Vec<_>>())
        })
        .collect()
}

/// Rows the chart takes for `bars` rows of bars at `width`.
pub fn height(all: &[QuarterFactors], width: u16, bars: u16, back: usize) -> u16 {
    let inner = width.saturating_sub(2);
    let plan = plan(all, inner, back);
    if plan.categories.is_empty() {
        return 3;
    }
    bars + 2 + pack(&plan.categories, inner).len() as u16 + 2
}

/// `keys` name the keys that move the window, for the title when not every quarter fits.
pub fn render(
    theme: &Theme,
    all: &[QuarterFactors],
    (back, keys): (usize, &str),
    buf: &mut Buffer,
    area: Rect,
) {
    let inner_width = area.width.saturating_sub(2);
    let plan = plan(all, inner_width, back);
    let title = match (plan.quarters.first(), plan.quarters.last()) {
        (Some(first), Some(last)) if plan.quarters.len() < all.len() => words::factors_window(
            &first.quarter,
            &last.quarter,
            plan.quarters.len(),
            all.len(),
            keys,
        ),
        _ => words::FACTORS.to_string(),
    };
    let block = Block::bordered().title(title).border_style(theme.border);
    let inner = block.inner(area);
    block.render(area, buf);
    if plan.categories.is_empty() {
        Paragraph::new(words::NO_FACTORS).style(theme.dim).render(inner, buf);
        return;
    }
    let legend = legend(theme, &plan.categories, inner.width);
    let [bars, key] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(legend.len() as u16)])
            .areas(inner);
    let mut chart = BarChart::default()
        .bar_width(plan.bar_width)
        .bar_gap(1)
        .group_gap(GROUP_GAP)
        .bar_style(theme.title)
        .value_style(theme.selected)
        .label_style(theme.dim);
    for q in plan.quarters {
        let bars: Vec<Bar> = (plan.categories.iter())
            .map(|c| {
                let n = q.by_category.iter().find(|(k, _)| k == c).map_or(0, |(_, n)| *n);
                Bar::default()
                    .value(n as u64)
                    .label(Line::from(short(*c)))
                    .text_value(n.to_string())
            })
            .collect();
        let label = Line::from(q.quarter.clone()).centered();
        chart = chart.data(BarGroup::default().label(label).bars(&bars));
    }
    chart.render(bars, buf);
    Paragraph::new(legend).render(key, buf);
}
