//! Every key, by where it works — generated from the keymap, so it is never out of date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::app::Model;
use crate::tui::intent::Intent;
use crate::tui::keymap::{KeyContext, KeyInput};
use crate::tui::messages;
use crate::tui::screens::conflicts;
use crate::tui::widgets::text_field::TEXT_KEYS;

pub fn render(model: &Model, frame: &mut Frame, area: Rect, scroll: u16) {
    let theme = &model.theme;
    // The keys of where the person is now, most general first; a key shadowed by a more
    // specific context is not listed under the context it no longer reaches. Then the
    // keys of a form, which the person can open from here.
    let here = model.screen_contexts();
    let mut lines = Vec::new();
    for context in here.iter().rev().copied().chain([KeyContext::Form]) {
        let mut entries: Vec<(Vec<KeyInput>, String)> = Vec::new();
        let reaches = |b: &crate::tui::keymap::Binding| {
            context == KeyContext::Form
                || model.keymap.resolve(&here, b.key).as_ref() == Some(&b.intent)
        };
        // Merge conflicts are offered only while the review has some.
        let offered = |b: &crate::tui::keymap::Binding| {
            b.intent != Intent::ShowConflicts || conflicts::left(model) > 0
        };
        for b in model.keymap.in_context(context).filter(|b| reaches(b) && offered(b)) {
            let help = b.intent.help().unwrap_or("").to_string();
            match entries.iter_mut().find(|(_, h)| *h == help) {
                Some((keys, _)) => keys.push(b.key),
                None => entries.push((vec![b.key], help)),
            }
        }
        if entries.is_empty() {
            continue;
        }
        lines.push(Line::styled(context.title(), theme.title));
        for (keys, help) in entries {
            let keys = keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(" ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<18}"), theme.key),
                Span::raw(help),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(messages::TEXT_KEYS_TITLE, theme.title));
    for (keys, help) in TEXT_KEYS {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<22}"), theme.key),
            Span::raw(help),
        ]));
    }
    let popup = centered(area, 72, area.height.saturating_sub(2));
    let block = Block::bordered()
        .title(" Keys · Esc or ? to close · ↑↓ to scroll ")
        .border_style(theme.border_focus);
    frame.render_widget(Clear, popup);
    // Scrolling stops at the last line rather than running into empty space.
    let visible = usize::from(popup.height.saturating_sub(2));
    let most = u16::try_from(lines.len().saturating_sub(visible)).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll.min(most), 0)), popup);
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
