//! Small pieces shared by screens.

pub mod footer;
pub mod stepper;
pub mod text_field;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Shortens `text` to `room` columns, ending in `…` when something was cut.
pub fn truncate(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if room > 0 {
        out.push('…');
    }
    out
}
