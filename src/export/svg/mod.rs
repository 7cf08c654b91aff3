//! waterline's own diagrams for the HTML report, as inline SVG: the timeline strip, the
//! Five Whys tree and the contributing factors. Drawn from [`Content`] alone, in whole
//! pixels, so the same review draws the same bytes. Colours come from CSS classes, so the
//! page's light, dark and print styles apply to the diagrams too.

mod factors;
mod timeline;
mod whys;

use std::fmt::Write;

use super::escape::html;

pub(super) use factors::draw as factors;
pub(super) use timeline::draw as timeline;
pub(super) use whys::draw as whys;

/// The text size diagrams are laid out for, in pixels.
const TEXT: i32 = 13;
const SMALL: i32 = 11;

/// An SVG document being written.
struct Svg {
    out: String,
}

impl Svg {
    /// Opens `<svg>` with its accessible name: `<title>` and `<desc>`, referenced by id.
    fn new(id: &str, width: i32, height: i32, title: &str, desc: &str) -> Svg {
        let mut out = String::with_capacity(4096);
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"diagram\">\
             <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
            html(title),
            html(desc)
        );
        Svg { out }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, class: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"6\" class=\"{class}\"/>"
        );
    }

    fn line(&mut self, x1: i32, y1: i32, x2: i32, y2: i32, class: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" class=\"{class}\"/>"
        );
    }

    fn path(&mut self, d: &str, class: &str) {
        let _ = writeln!(self.out, "<path d=\"{d}\" class=\"{class}\"/>");
    }

    /// One line of text at its baseline; `anchor` is `start`, `middle` or `end`.
    fn text(&mut self, x: i32, y: i32, text: &str, class: &str, anchor: &str) {
        let anchor =
            if anchor == "start" { String::new() } else { format!(" text-anchor=\"{anchor}\"") };
        let _ = writeln!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" class=\"{class}\"{anchor}>{}</text>",
            html(text)
        );
    }

    /// Lines of text from `y` (the first baseline), `step` apart.
    fn lines(&mut self, x: i32, y: i32, step: i32, lines: &[String], class: &str) {
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + step * i as i32, line, class, "start");
        }
    }
}

/// About how wide `text` is at `size` pixels in a sans-serif face: generous (wide faces
/// such as DejaVu Sans, bold), so text measured here fits the box drawn for it.
fn width(text: &str, size: i32) -> i32 {
    let em: f32 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|'
            | ' ' => 0.36,
            'm' | 'w' | 'M' | 'W' | '@' | '%' | '—' => 0.98,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.72,
            c if c.is_ascii() => 0.62,
            // Wide scripts and symbols take about a whole em.
            c if (c as u32) >= 0x1100 => 1.0,
            _ => 0.6,
        })
        .sum();
    (em * size as f32).ceil() as i32
}

/// `text` wrapped into lines no wider than `max` pixels, at most `max_lines` of them; the
/// last one ends in `…` when the text did not fit.
fn wrap(text: &str, max: i32, size: i32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate =
            if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if width(&candidate, size) <= max {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word longer than the line is cut where it must be.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece, size) > max {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        current = piece;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && width(&format!("{last} …"), size) > max {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_line_within_the_width() {
        let text = "The deploy pipeline has no canary stage for config: a change goes to all hosts";
        let lines = wrap(text, 160, TEXT, 10);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, TEXT) <= 160), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn wrap_cuts_long_words_and_ends_a_cut_text_with_an_ellipsis() {
        let lines = wrap(&"x".repeat(200), 100, TEXT, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| width(l, TEXT) <= 100), "{lines:?}");
    }

    #[test]
    fn svg_text_is_escaped_and_titled() {
        let mut svg = Svg::new("d", 10, 10, "A <b> title", "desc & more");
        svg.text(0, 0, "</svg><script>", "t", "start");
        let out = svg.finish();
        assert!(out.contains("<title id=\"d-title\">A &lt;b&gt; title</title>"));
        assert!(out.contains("&lt;/svg&gt;&lt;script&gt;"));
        assert_eq!(out.matches("</svg>").count(), 1);
    }
}
