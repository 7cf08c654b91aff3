//! The Insights view's sections under the chart: conditions that recur (a table), follow-
//! through in words, response times by severity (sparklines with the latest figure beside
//! them) and the wording kept on purpose most often, with its reasons. Each says how many
//! rows it needs, so the view can stack them and scroll when they do not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Sparkline, Table, Widget, Wrap};

use crate::analysis::insights::{Insights, SeverityTimes};
use crate::model::text::sanitize_line;
use crate::tui::screens::insights::words;
use crate::tui::theme::Theme;
use crate::tui::widgets::truncate;
use unicode_width::UnicodeWidthStr;

/// Rules and reasons listed in the view; `waterline insights` lists them all.
const KEPT_RULES: usize = 6;
const KEPT_REASONS: usize = 3;

pub fn recurring_height(found: &Insights) -> u16 {
    // Borders and the header row, or one line to say there is none.
    if found.recurring.is_empty() { 3 } else { found.recurring.len() as u16 + 3 }
}

/// Category, the words the factors share, how many reviews, and where their actions are.
pub fn recurring(theme: &Theme, found: &Insights, buf: &mut Buffer, area: Rect) {
    let block = Block::bordered().title(words::RECURRING).border_style(theme.border);
    if found.recurring.is_empty() {
        Paragraph::new(words::NO_RECURRING).style(theme.dim).block(block).render(area, buf);
        return;
    }
    // Narrow, the actions' states are the glyphs of the Actions step: `○1 ✔2`.
    let compact = area.width < 90;
    let actions: Vec<String> = (found.recurring.iter())
        .map(|r| {
            let states: Vec<String> = (r.actions.iter())
                .filter(|(_, n)| *n > 0)
                .map(|(status, n)| match compact {
                    true => format!("{}{n}", status.glyph()),
                    false => format!("{n} {}", status.label()),
                })
                .collect();
            states.join(if compact { " " } else { " · " })
        })
        .collect();
    let longest = actions.iter().map(|a| a.width()).max().unwrap_or(0);
    let actions_room = longest.clamp(7, if compact { 12 } else { 34 });
    let words_room =
        usize::from(area.width.saturating_sub(2 + 14 + 8 + 3)).saturating_sub(actions_room).max(8);
    let rows: Vec<Row> = (found.recurring.iter().zip(actions))
        .map(|(r, actions)| {
            let shared = truncate(&sanitize_line(&r.shared.join(" ")), words_room);
            let actions = truncate(&actions, actions_room);
            Row::new(vec![r.category.as_str().to_string(), shared, r.reviews.to_string(), actions])
        })
        .collect();
    let widths = [
        Constraint::Length(14),
        Constraint::Min(8),
        Constraint::Length(8),
        Constraint::Length(actions_room as u16),
    ];
    let header = Row::new(words::RECURRING_HEADER.to_vec()).style(theme.title);
    Widget::render(Table::new(rows, widths).header(header).block(block), area, buf);
}

/// Rows for follow-through at `width`: its lines, wrapped, and the borders.
pub fn follow_through_height(found: &Insights, width: u16) -> u16 {
    let room = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = (follow_through_lines(found).iter())
        // A word that does not fit moves whole to the next row: one row to spare each.
        .map(|l| if l.width() <= room { 1 } else { l.width() / room + 2 })
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2)
}

fn follow_through_lines(found: &Insights) -> Vec<String> {
    let f = &found.follow_through;
    let share = match f.share_in_window {
        Some(s) => words::in_window(s, f.verified_in_window, f.window_closed),
        None => words::NO_WINDOW.to_string(),
    };
    let median = (f.median_days_to_verified)
        .map_or_else(|| words::NO_VERIFIED_DAY.to_string(), words::median_days);
    let overdue = if f.overdue_by_team.is_empty() {
        words::NOTHING_OVERDUE.to_string()
    } else {
        let teams: Vec<String> = (f.overdue_by_team.iter())
            .map(|(team, n)| {
                let team = if team.is_empty() { words::NO_TEAM } else { team.as_str() };
                // A team's count stays on its line when the list wraps.
                format!("{}\u{a0}{n}", sanitize_line(team))
            })
            .collect();
        words::overdue(&teams.join(", "))
    };
    vec![words::committed(f.committed, f.verified), share, median, overdue]
}

pub fn follow_through(theme: &Theme, found: &Insights, buf: &mut Buffer, area: Rect) {
    let lines: Vec<Line> = follow_through_lines(found).into_iter().map(Line::raw).collect();
    let block = Block::bordered().title(words::FOLLOW_THROUGH).border_style(theme.border);
    Paragraph::new(lines).wrap(Wrap { trim: true }).block(block).render(area, buf);
}

pub fn times_height(found: &Insights) -> u16 {
    // Borders, the column names, a row per severity.
    found.response_times.len().max(1) as u16 + 3
}

/// Per severity, three sparklines over its quarters — detect, mitigate, resolve — each
/// with its latest median written beside it.
pub fn response_times(theme: &Theme, times: &[SeverityTimes], buf: &mut Buffer, area: Rect) {
    let block = Block::bordered().title(words::TIMES).border_style(theme.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = Layout::vertical(vec![Constraint::Length(1); times.len() + 1]).split(inner);
    let columns = |row: Rect| {
        Layout::horizontal([
            Constraint::Length(6),
            Constraint::Fill(1),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ])
        .areas::<4>(row)
    };
    if let Some(head) = rows.first() {
        let [_, a, b, c] = columns(*head);
        for (name, at) in words::TIMES_HEADER.iter().zip([a, b, c]) {
            Paragraph::new(*name).style(theme.title).render(at, buf);
        }
    }
    for (severity, row) in times.iter().zip(rows.iter().skip(1)) {
        let [label, detect, mitigate, resolve] = columns(*row);
        let name = match severity.severity.as_str() {
            "" => words::NO_SEVERITY.to_string(),
            s => truncate(&sanitize_line(s), 5),
        };
        Paragraph::new(name).style(theme.title).render(label, buf);
        let medians: [Vec<Option<f64>>; 3] = [
            severity.quarters.iter().map(|q| q.ttd_minutes).collect(),
            severity.quarters.iter().map(|q| q.ttm_minutes).collect(),
            severity.quarters.iter().map(|q| q.ttr_minutes).collect(),
        ];
        for (values, at) in medians.iter().zip([detect, mitigate, resolve]) {
            sparkline(theme, values, buf, at);
        }
    }
}

/// The latest quarters that fit, and the latest median in words.
fn sparkline(theme: &Theme, values: &[Option<f64>], buf: &mut Buffer, area: Rect) {
    let [line, latest] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(8)]).areas(area);
    let room = usize::from(line.width.saturating_sub(1));
    let data: Vec<u64> = (values.iter().skip(values.len().saturating_sub(room)))
        .map(|v| v.unwrap_or(0.0).max(0.0).round() as u64)
        .collect();
    Sparkline::default().data(&data).style(theme.base).render(line, buf);
    let last = values.iter().rev().find_map(|v| *v).map(minutes).unwrap_or_default();
    Paragraph::new(last).style(theme.dim).render(latest, buf);
}

pub fn minutes(m: f64) -> String {
    let m = m.round() as i64;
    if m >= 60 { format!("{}h {:02}m", m / 60, m % 60) } else { format!("{m}m") }
}

pub fn kept_height(found: &Insights) -> u16 {
    kept_lines_count(found) as u16 + 2
}

fn kept_lines_count(found: &Insights) -> usize {
    if found.kept_wording.is_empty() {
        return 1;
    }
    let shown = &found.kept_wording[..found.kept_wording.len().min(KEPT_RULES)];
    let reasons: usize = (shown.iter())
        .map(|k| k.reasons.len().min(KEPT_REASONS) + usize::from(k.reasons.len() > KEPT_REASONS))
        .sum();
    shown.len() + reasons + usize::from(found.kept_wording.len() > KEPT_RULES)
}

/// Each rule kept, the words, how often and in how many reviews; under it, its reasons.
pub fn kept_wording(theme: &Theme, found: &Insights, buf: &mut Buffer, area: Rect) {
    let block = Block::bordered().title(words::KEPT).border_style(theme.border);
    if found.kept_wording.is_empty() {
        Paragraph::new(words::NO_KEPT).style(theme.dim).block(block).render(area, buf);
        return;
    }
    let room = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    for k in found.kept_wording.iter().take(KEPT_RULES) {
        let said: Vec<String> =
            k.matched.iter().map(|m| format!("“{}”", sanitize_line(m))).collect();
        let text = words::kept(&sanitize_line(&k.rule), &said.join(" "), k.count, k.reviews);
        lines.push(Line::styled(truncate(&text, room), theme.title));
        for (reason, n) in k.reasons.iter().take(KEPT_REASONS) {
            lines.push(Line::raw(truncate(&words::reason(*n, &sanitize_line(reason)), room)));
        }
        if k.reasons.len() > KEPT_REASONS {
            let more = words::more_reasons(k.reasons.len() - KEPT_REASONS);
            lines.push(Line::styled(more, theme.dim));
        }
    }
    if found.kept_wording.len() > KEPT_RULES {
        let more = words::more_rules(found.kept_wording.len() - KEPT_RULES);
        lines.push(Line::styled(truncate(&more, room), theme.dim));
    }
    Paragraph::new(lines).block(block).render(area, buf);
}
