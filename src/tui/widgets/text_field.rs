//! One line (or a few) of editable text: ratatui-textarea underneath, our keys on top.

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{Input, Key, TextArea, WrapMode};

use crate::tui::keymap::{KeyCode, KeyInput};

/// The editing keys of every text field, as help and the docs list them: readline's, as
/// people know them from a shell. The form's own keys (Enter, Tab, Esc…) come from the keymap.
pub const TEXT_KEYS: [(&str, &str); 9] = [
    ("Ctrl-A  Home", "to the start of the line"),
    ("Ctrl-E  End", "to the end of the line"),
    ("Alt-B  Ctrl-←", "back one word"),
    ("Alt-F  Ctrl-→", "forward one word"),
    ("Ctrl-U", "delete to the start of the line"),
    ("Ctrl-K", "delete to the end of the line"),
    ("Ctrl-W  Alt-Backspace", "delete the word before the cursor"),
    ("Alt-D", "delete the word after the cursor"),
    ("Ctrl-B  Ctrl-F", "back / forward one character"),
];

#[derive(Debug, Clone)]
pub struct TextField {
    area: TextArea<'static>,
}

impl TextField {
    pub fn new(initial: &str, placeholder: &str) -> Self {
        let lines: Vec<String> = initial.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_placeholder_text(placeholder);
        area.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
        area.set_cursor_line_style(Style::default());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        TextField { area }
    }

    /// Applies one key; returns whether the text changed.
    pub fn input(&mut self, key: KeyInput) -> bool {
        let key_code = match key.code {
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            // Enter, Tab and Esc are commands of the form, never text.
            _ => return false,
        };
        // ratatui-textarea binds Ctrl-U to undo; in a terminal it clears to the line's start.
        if key_code == Key::Char('u') && key.ctrl && !key.alt {
            return self.area.delete_line_by_head();
        }
        self.area.input(Input { key: key_code, ctrl: key.ctrl, alt: key.alt, shift: false })
    }

    /// Inserts already-cleaned text at the cursor.
    pub fn insert(&mut self, text: &str) {
        self.area.insert_str(text);
    }

    /// Replaces the whole text (after editing it in an external editor); undoable.
    pub fn replace(&mut self, text: &str) {
        self.area.select_all();
        self.area.cut();
        self.area.insert_str(text);
    }

    pub fn new_line(&mut self) {
        self.area.insert_newline();
    }

    pub fn undo(&mut self) -> bool {
        self.area.undo()
    }

    pub fn redo(&mut self) -> bool {
        self.area.redo()
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    pub fn placeholder(&self) -> &str {
        self.area.placeholder_text()
    }

    /// The editor widget, styled for focus. Rendering takes it by reference.
    pub fn widget(&self, focused: bool, base: Style, cursor: Style) -> TextArea<'static> {
        let mut area = self.area.clone();
        area.set_style(base);
        area.set_cursor_style(if focused { cursor } else { base });
        area
    }
}
