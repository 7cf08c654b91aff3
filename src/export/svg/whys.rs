//! The Five Whys as an indented tree: the incident on top, each answer in a box under the
//! one it explains, joined by elbow lines. Answers that reached a system condition have a
//! heavy outline and a ● before their id, so the mark does not depend on colour.

use std::collections::HashMap;

use super::super::content::Content;
use super::super::words as w;
use super::{SMALL, Svg, TEXT, wrap};

const WIDTH: i32 = 960;
const MARGIN: i32 = 12;
const INDENT: i32 = 30;
/// Beyond this depth boxes stop moving right, so a deep tree keeps readable boxes.
const MAX_INDENT: usize = 14;
const GAP: i32 = 10;
const LINE: i32 = 17;
/// Enough for any answer: the figure is where the tree's text is read.
const MAX_LINES: usize = 12;

struct Placed {
    x: i32,
    y: i32,
    h: i32,
}

/// The tree, or `None` when there are no published answers.
pub(in super::super) fn draw(c: &Content) -> Option<String> {
    if c.whys.is_empty() {
        return None;
    }
    // Lay out first, then draw: the height is known only at the end.
    let mut boxes: Vec<(Placed, Vec<String>, Vec<String>, &str)> = Vec::new();
    let mut y = MARGIN;
    let hub_lines = wrap(&c.title, WIDTH - 2 * MARGIN - 24, TEXT, 2);
    let hub = Placed { x: MARGIN, y, h: 16 + LINE * hub_lines.len() as i32 };
    y += hub.h + GAP;
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, why) in c.whys.iter().enumerate() {
        let x = MARGIN + INDENT * (why.depth.min(MAX_INDENT) as i32 + 1);
        let inner = WIDTH - MARGIN - x - 24;
        let mark =
            if why.system_condition { format!("{} ", w::CONDITION_MARK) } else { String::new() };
        let lines = wrap(&format!("{mark}{} · {}", why.id, why.text), inner, TEXT, MAX_LINES);
        let note = if why.note.is_empty() { Vec::new() } else { wrap(&why.note, inner, SMALL, 2) };
        let h = 14 + LINE * lines.len() as i32 + 15 * note.len() as i32;
        let class = if why.system_condition { "d-cond" } else { "d-box" };
        boxes.push((Placed { x, y, h }, lines, note, class));
        index.insert(why.id.as_str(), i);
        y += h + GAP;
    }
    let height = y - GAP + MARGIN;
    let (title, desc) = words(c);
    let mut svg = Svg::new("whys-tree", WIDTH, height, &title, &desc);

    // Elbows: down from the parent's left side, then across to the child.
    for (why, (b, ..)) in c.whys.iter().zip(&boxes) {
        let parent = match why.parent.as_deref().and_then(|p| index.get(p)) {
            Some(&p) => &boxes[p].0,
            None => &hub,
        };
        let (px, py) = (parent.x + 14, parent.y + parent.h);
        let cy = b.y + b.h.min(34) / 2;
        svg.path(&format!("M{px} {py} V{cy} H{}", b.x), "d-line");
    }
    svg.rect(hub.x, hub.y, WIDTH - 2 * MARGIN, hub.h, "d-hub");
    svg.lines(hub.x + 12, hub.y + 8 + LINE - 4, LINE, &hub_lines, "d-text d-strong");
    for (b, lines, note, class) in &boxes {
        svg.rect(b.x, b.y, WIDTH - MARGIN - b.x, b.h, class);
        svg.lines(b.x + 12, b.y + 7 + LINE - 4, LINE, lines, "d-text");
        let note_y = b.y + 7 + LINE * lines.len() as i32 + 11;
        svg.lines(b.x + 12, note_y, 15, note, "d-small");
    }
    Some(svg.finish())
}

fn words(c: &Content) -> (String, String) {
    let conditions = c.whys.iter().filter(|y| y.system_condition).count();
    let title = format!(
        "{}: {} answers, {conditions} reaching a system condition",
        w::DIAGRAM_WHYS,
        c.whys.len()
    );
    let chain: Vec<String> = (c.whys.iter())
        .map(|y| {
            let under = y.parent.as_deref().unwrap_or("the incident");
            let mark = if y.system_condition { " (system condition)" } else { "" };
            format!("{} under {under}: {}{mark}", y.id, y.text)
        })
        .collect();
    (title, chain.join("; "))
}
