//! The follow-up view: open actions across the reviews in the data folder, grouped by team
//! and owner, overdue first within each, with the selected action in full beside them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::analysis::followup::{Urgency, urgency};
use crate::tui::app::Model;
use crate::tui::messages;
use crate::tui::render::Drawn;
use crate::tui::screens::followup::state::{FollowUpView, Row};
use crate::tui::steps::actions::view::due_label;
use crate::tui::widgets::{footer, truncate};

/// From this width the details sit to the right; below it, under the list.
const SIDE_BY_SIDE: u16 = 100;

pub fn render(model: &Model, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let theme = &model.theme;
    let [header, body, notice_row, footer_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(4),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(" waterline — follow-up: open actions across reviews").style(theme.header),
        header,
    );
    let empty = FollowUpView::default();
    let view = model.follow_up.as_ref().unwrap_or(&empty);
    let (main, side) = if area.width >= SIDE_BY_SIDE {
        let [main, side] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(38)]).areas(body);
        (main, side)
    } else {
        let [main, side] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(6)]).areas(body);
        (main, side)
    };
    list(model, view, frame, main, drawn);
    let block = Block::bordered().title(" Selected ").border_style(theme.border);
    frame.render_widget(
        Paragraph::new(details(model, view)).wrap(Wrap { trim: false }).block(block),
        side,
    );
    if let Some(notice) = footer::notice(model) {
        frame.render_widget(Paragraph::new(notice), notice_row);
    }
    frame.render_widget(Paragraph::new(footer::line(model, area.width)), footer_row);
}

fn list(model: &Model, view: &FollowUpView, frame: &mut Frame, area: Rect, drawn: &mut Drawn) {
    let theme = &model.theme;
    let today = model.today();
    let action_rows = view.action_rows();
    let overdue = (action_rows.iter().filter_map(|r| view.action_at(*r)))
        .filter(|(_, a)| urgency(a, today) == Some(Urgency::Overdue))
        .count();
    // While the reviews are read, counts of what was there before would mislead.
    let title = if view.loading {
        " Follow-up ".to_string()
    } else {
        format!(
            " Follow-up · {} · {} overdue · {} ",
            messages::count(action_rows.len(), "action", "actions"),
            messages::grouped(overdue),
            messages::count(view.reviews.len(), "review", "reviews")
        )
    };
    let block = Block::bordered().title(title).border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if view.loading {
        frame.render_widget(Paragraph::new(messages::LIBRARY_LOADING).style(theme.dim), inner);
        return;
    }
    if action_rows.is_empty() {
        let lines: Vec<Line> =
            messages::EMPTY_FOLLOW_UP.iter().map(|t| Line::raw(format!("  {t}"))).collect();
        let text = Paragraph::new(lines).style(theme.dim).wrap(Wrap { trim: false });
        frame.render_widget(text, inner);
        return;
    }
    let width = usize::from(inner.width);
    let selected_row = action_rows.get(view.selected).copied();
    let mut lines: Vec<(Line, usize)> = Vec::new();
    for (r, row) in view.rows.iter().enumerate() {
        match row {
            Row::Team(team) => {
                let team = if team.is_empty() { "(no team)" } else { team.as_str() };
                lines.push((Line::styled(team.to_string(), theme.title), r));
            }
            Row::Owner(owner) => {
                let owner = if owner.is_empty() { "(no owner)" } else { owner.as_str() };
                lines.push((Line::styled(format!("  {owner}"), theme.key), r));
            }
            Row::Action { .. } => {
                let Some((review, a)) = view.action_at(r) else { continue };
                let chosen = Some(r) == selected_row;
                let cursor = if chosen { "▶" } else { " " };
                let title = &view.reviews[review].1.incident.title;
                let first = format!(
                    "  {cursor} {} {:<12} {:<16} {} · {title}",
                    a.status.glyph(),
                    a.status.label(),
                    due_label(a, today),
                    a.id
                );
                let second = format!("      {}", a.text.replace('\n', " "));
                for text in [first, second] {
                    let text = truncate(&text, width);
                    let line = if chosen {
                        let pad = width.saturating_sub(text.width());
                        Line::styled(format!("{text}{}", " ".repeat(pad)), theme.selected)
                    } else {
                        Line::raw(text)
                    };
                    lines.push((line, r));
                }
            }
        }
    }
    let height = usize::from(inner.height).max(1);
    let first = lines.iter().position(|(_, r)| Some(*r) == selected_row).unwrap_or(0);
    let mut offset = view.offset.min(first.saturating_sub(2));
    if first + 2 > offset + height {
        offset = first + 2 - height;
    }
    drawn.follow_up = Some(offset);
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).map(|(l, _)| l).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn details(model: &Model, view: &FollowUpView) -> Vec<Line<'static>> {
    let theme = &model.theme;
    let Some((review, a)) = view.selected() else { return Vec::new() };
    let (path, session) = &view.reviews[review];
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut lines = vec![
        Line::styled(session.incident.title.clone(), theme.title),
        Line::styled(file, theme.dim),
        Line::from(vec![
            Span::styled(format!("{} ", a.id), theme.key),
            Span::raw(format!("{} {}", a.status.glyph(), a.status.label())),
        ]),
    ];
    lines.extend(a.text.lines().map(|l| Line::raw(l.to_string())));
    let mut field = |name: &str, value: &str| {
        if !value.trim().is_empty() {
            lines.push(Line::styled(format!("{name}: {}", value.trim()), theme.dim));
        }
    };
    field("due", &due_label(a, model.today()));
    field("ticket", &a.ticket);
    field("evidence", &a.verification);
    if let Some(age) = crate::analysis::followup::age_days(session, model.today()) {
        field("age", &format!("{age} days since the incident"));
    }
    lines
}
