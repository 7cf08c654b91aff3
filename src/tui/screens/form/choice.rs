//! A choice field drawn as its whole list of options, the chosen one in brackets and the
//! letter that picks each underlined — so nobody has to guess which letter is which.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::messages;
use crate::tui::screens::form::Choice;
use crate::tui::theme::Theme;

/// The options on each row: greedy, in order, each `[label]` or ` label ` wide.
pub fn layout(options: &[Choice], width: usize) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0;
    for (i, option) in options.iter().enumerate() {
        let w = option.label.width() + 2;
        if used + w > width && used > 0 {
            rows.push(Vec::new());
            used = 0;
        }
        if let Some(row) = rows.last_mut() {
            row.push(i);
        }
        used += w;
    }
    rows
}

/// The rows of the list, styled: the chosen option in brackets and `theme.selected`, each
/// letter underlined and bold (readable without colour), and how to choose when it fits.
pub fn lines(options: &[Choice], index: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let rows = layout(options, width);
    let last = rows.len().saturating_sub(1);
    (rows.into_iter().enumerate())
        .map(|(r, row)| {
            let mut spans = Vec::new();
            let mut used = 0;
            for i in row {
                let Some(option) = options.get(i) else { continue };
                let chosen = i == index;
                let style = if chosen { theme.selected } else { theme.base };
                let (open, close) = if chosen { ("[", "]") } else { (" ", " ") };
                spans.push(Span::styled(open, style));
                spans.extend(label_spans(option, style));
                spans.push(Span::styled(close, style));
                used += option.label.width() + 2;
            }
            let hint = format!("  {}", messages::CHOICE_HINT);
            if r == last && used + hint.width() <= width {
                spans.push(Span::styled(hint, theme.dim));
            }
            Line::from(spans)
        })
        .collect()
}

/// The label in `style`, its letter also underlined and bold.
fn label_spans(option: &Choice, style: Style) -> Vec<Span<'static>> {
    let Some(at) = option.letter_at() else {
        return vec![Span::styled(option.label.clone(), style)];
    };
    let mark = style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
    let mut spans = Vec::new();
    let before: String = option.label.chars().take(at).collect();
    let letter: String = option.label.chars().skip(at).take(1).collect();
    let after: String = option.label.chars().skip(at + 1).collect();
    if !before.is_empty() {
        spans.push(Span::styled(before, style));
    }
    spans.push(Span::styled(letter, mark));
    if !after.is_empty() {
        spans.push(Span::styled(after, style));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::screens::form::assign_letters;

    fn options(labels: &[&str]) -> Vec<Choice> {
        let mut options: Vec<Choice> = labels.iter().map(|l| Choice::plain(*l)).collect();
        assign_letters(&mut options);
        options
    }

    #[test]
    fn letters_are_unique_and_first_letters_come_first() {
        let o = options(&["change", "documentation", "capacity", "dependency", "communication"]);
        let letters: Vec<Option<char>> = o.iter().map(|c| c.letter).collect();
        assert_eq!(letters, [Some('c'), Some('d'), Some('a'), Some('e'), Some('o')]);
    }

    #[test]
    fn rows_never_exceed_the_width() {
        let o = options(&["trigger", "change", "detection", "alert", "action", "decision"]);
        for width in 10..60 {
            for row in layout(&o, width) {
                let w: usize = row.iter().map(|i| o[*i].label.width() + 2).sum();
                assert!(w <= width || row.len() == 1, "{width}: {row:?}");
            }
        }
    }
}
