//! Drawing the Insights view: contributing factors per quarter (a bar chart, counts written
//! on the bars), conditions that recur (a table), follow-through in words, and time to
//! resolve by severity (sparklines with the latest figure beside them), readable without
//! colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Block, Paragraph, Row, Sparkline, Table, Wrap};

use crate::analysis::insights::{Insights, SeverityTimes};
use crate::model::text::sanitize_line;
use crate::tui::app::Model;
use crate::tui::messages::count;
use crate::tui::theme::Theme;
use crate::tui::widgets::{footer, truncate};

/// From this width follow-through sits beside the recurring conditions.
const SIDE_BY_SIDE: u16 = 100;

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let view = model.insights.as_ref();
    let found = view.and_then(|v| v.found.as_ref());
    let [header, chart, middle, times, notice_row, footer_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if area.height >= 30 { 12 } else { 7 }),
        Constraint::Min(5),
        Constraint::Length(times_height(found)),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = match found {
        Some(f) => {
            format!(" waterline — insights across {}", count(f.reviews, "review", "reviews"))
        }
        None => " waterline — insights".to_string(),
    };
    frame.render_widget(Paragraph::new(title).style(theme.header), header);
    let Some(found) = found else {
        let text = if view.is_some_and(|v| v.loading) { "  Reading the reviews…" } else { "" };
        frame.render_widget(Paragraph::new(text).style(theme.dim), middle);
        frame.render_widget(Paragraph::new(footer::line(model, area.width)), footer_row);
        return;
    };
    factors(theme, found, frame, chart);
    if area.width >= SIDE_BY_SIDE {
        let [left, right] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(44)]).areas(middle);
        recurring(theme, found, frame, left);
        follow_through(theme, found, frame, right);
    } else {
        let [left, right] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(5)]).areas(middle);
        recurring(theme, found, frame, left);
        follow_through(theme, found, frame, right);
    }
    response_times(theme, &found.response_times, frame, times);
    if let Some(unreadable) = view.map(|v| v.unreadable).filter(|n| *n > 0) {
        let text = format!("⚠ {} could not be read", count(unreadable, "file", "files"));
        frame.render_widget(Paragraph::new(text).style(theme.problem), notice_row);
    }
    frame.render_widget(Paragraph::new(footer::line(model, area.width)), footer_row);
}

fn times_height(found: Option<&Insights>) -> u16 {
    let severities = found.map_or(0, |f| f.response_times.len()) as u16;
    severities.clamp(1, 4) + 2
}

/// Factors per quarter: one bar a quarter, its count on it; the latest quarters that fit.
fn factors(theme: &Theme, found: &Insights, frame: &mut Frame, area: Rect) {
    let block =
        Block::bordered().title(" Contributing factors per quarter ").border_style(theme.border);
    let room = usize::from(area.width.saturating_sub(2) / 8).max(1);
    let quarters = &found.factors_by_quarter;
    let shown = &quarters[quarters.len().saturating_sub(room)..];
    let bars: Vec<Bar> = shown
        .iter()
        .map(|q| Bar::with_label(q.quarter.clone(), q.total as u64).text_value(q.total.to_string()))
        .collect();
    let chart = BarChart::new(bars)
        .block(block)
        .bar_width(7)
        .bar_gap(1)
        .bar_style(theme.title)
        .value_style(theme.selected)
        .label_style(theme.dim);
    frame.render_widget(chart, area);
}

/// Conditions that recur: category, the words they share, how many reviews, their actions.
fn recurring(theme: &Theme, found: &Insights, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(" Conditions that recur ").border_style(theme.border);
    if found.recurring.is_empty() {
        let text = Paragraph::new("  No condition seen in more than one review.").style(theme.dim);
        frame.render_widget(text.block(block), area);
        return;
    }
    let words_room = usize::from(area.width.saturating_sub(2 + 12 + 8 + 3)).max(8);
    let rows: Vec<Row> = found
        .recurring
        .iter()
        .map(|r| {
            let words = truncate(&sanitize_line(&r.shared.join(" ")), words_room);
            Row::new(vec![r.category.as_str().to_string(), words, r.reviews.to_string()])
        })
        .collect();
    let table =
        Table::new(rows, [Constraint::Length(12), Constraint::Min(8), Constraint::Length(7)])
            .header(Row::new(vec!["category", "shared words", "reviews"]).style(theme.title))
            .block(block);
    frame.render_widget(table, area);
}

fn follow_through(theme: &Theme, found: &Insights, frame: &mut Frame, area: Rect) {
    let f = &found.follow_through;
    let share = f
        .share_in_window
        .map(|s| format!("{:.0}% verified within the policy window", s * 100.0))
        .unwrap_or_else(|| "no window has closed yet".to_string());
    let median = f
        .median_days_to_verified
        .map(|d| format!("median {d:.0} days to verified"))
        .unwrap_or_else(|| "no verified day recorded".to_string());
    let overdue = if f.overdue_by_team.is_empty() {
        "nothing overdue".to_string()
    } else {
        let teams: Vec<String> = (f.overdue_by_team.iter())
            .map(|(team, n)| {
                let team = if team.is_empty() { "no team" } else { team.as_str() };
                format!("{} {n}", sanitize_line(team))
            })
            .collect();
        format!("overdue: {}", teams.join(", "))
    };
    let lines = vec![
        Line::raw(format!("{} committed · {} verified", f.committed, f.verified)),
        Line::raw(share),
        Line::raw(median),
        Line::raw(overdue),
    ];
    let block = Block::bordered().title(" Follow-through ").border_style(theme.border);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), area);
}

/// Time to resolve per severity over the quarters, with the latest median in words.
fn response_times(theme: &Theme, times: &[SeverityTimes], frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(" Time to resolve by severity ").border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = Layout::vertical(vec![Constraint::Length(1); times.len().min(4)]).split(inner);
    for (severity, row) in times.iter().zip(rows.iter()) {
        let [label, line, latest] =
            Layout::horizontal([Constraint::Length(6), Constraint::Min(8), Constraint::Length(16)])
                .areas(*row);
        let data: Vec<u64> =
            severity.quarters.iter().map(|q| q.ttr_minutes.unwrap_or(0.0).round() as u64).collect();
        let last = severity.quarters.iter().rev().find_map(|q| q.ttr_minutes);
        frame.render_widget(
            Paragraph::new(sanitize_line(&severity.severity)).style(theme.title),
            label,
        );
        frame.render_widget(Sparkline::default().data(data).style(theme.base), line);
        let text = last.map(|m| format!(" latest {}", minutes(m))).unwrap_or_default();
        frame.render_widget(Paragraph::new(text).style(theme.dim), latest);
    }
}

fn minutes(m: f64) -> String {
    let m = m.round() as i64;
    if m >= 60 { format!("{}h {:02}m", m / 60, m % 60) } else { format!("{m}m") }
}
