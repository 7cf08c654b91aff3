//! The home screen: reviews in the data folder, newest change first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use crate::tui::app::Model;
use crate::tui::intent::Intent;
use crate::tui::widgets::footer;

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let theme = &model.theme;
    let [header, body, notice_row, footer_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(" waterline — blameless postmortems").style(theme.header),
        header,
    );
    let listings = &model.home.listings;
    let block = Block::bordered()
        .title(format!(" Reviews · {} ", listings.len()))
        .border_style(theme.border);
    if listings.is_empty() {
        let key = |a: Intent| {
            model.keymap.key_for(&model.contexts(), &a).map(|k| k.to_string()).unwrap_or_default()
        };
        let lines = vec![
            Line::raw(""),
            Line::raw("  No reviews here yet."),
            Line::raw(""),
            Line::raw(format!("  Press {} to start a new review,", key(Intent::NewReview))),
            Line::raw(format!(
                "  or {} to look around the example review first.",
                key(Intent::OpenDemo)
            )),
            Line::raw(""),
            Line::styled("  From a shell: waterline new \"Payment API errors\"", theme.dim),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), body);
    } else {
        let rows = listings.iter().map(|l| {
            let changed = l
                .modified
                .map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t).format("%Y-%m-%d %H:%M").to_string()
                })
                .unwrap_or_default();
            match &l.summary {
                Ok(s) => Row::new(vec![
                    Cell::from(s.title.clone()),
                    Cell::from(s.severity.clone()),
                    Cell::from(s.status.as_str()),
                    Cell::from(changed),
                    Cell::from(s.open_actions.to_string()),
                ]),
                Err(_) => Row::new(vec![
                    Cell::from(format!("⚠ {} — cannot be read", file_name(&l.path))),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(changed),
                    Cell::from(""),
                ])
                .style(theme.problem),
            }
        });
        let table = Table::new(
            rows,
            [
                Constraint::Min(20),
                Constraint::Length(9),
                Constraint::Length(10),
                Constraint::Length(16),
                Constraint::Length(5),
            ],
        )
        .header(
            Row::new(vec!["Title", "Severity", "Status", "Last change", "Open"]).style(theme.title),
        )
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶ ")
        .block(block);
        let mut state = TableState::default().with_selected(Some(model.home.selected));
        frame.render_stateful_widget(table, body, &mut state);
    }
    if let Some(notice) = &model.notice {
        let style = if notice.problem { theme.problem } else { theme.dim };
        frame.render_widget(Paragraph::new(notice.text.clone()).style(style), notice_row);
    }
    frame.render_widget(Paragraph::new(footer::line(model, area.width)), footer_row);
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
