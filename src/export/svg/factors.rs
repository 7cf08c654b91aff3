//! The contributing factors around the incident, in the spirit of the domain's picture:
//! the incident in the middle, half the factors on each side joined to it, and each
//! factor's committed actions further out beside it — or a dashed box saying there is none.

use super::super::content::{Content, FactorRow};
use super::super::escape::first_clause;
use super::super::words as w;
use super::{SMALL, Svg, TEXT, wrap};

const MARGIN: i32 = 10;
const ACTION_W: i32 = 200;
const FACTOR_W: i32 = 190;
const HUB_W: i32 = 170;
const GAP: i32 = 28;
const STACK: i32 = 8;
const SLOT_GAP: i32 = 16;

const LEFT_ACTIONS: i32 = MARGIN;
const LEFT_FACTORS: i32 = LEFT_ACTIONS + ACTION_W + GAP;
const HUB_X: i32 = LEFT_FACTORS + FACTOR_W + GAP;
const RIGHT_FACTORS: i32 = HUB_X + HUB_W + GAP;
const RIGHT_ACTIONS: i32 = RIGHT_FACTORS + FACTOR_W + GAP;
const WIDTH: i32 = RIGHT_ACTIONS + ACTION_W + MARGIN;

/// A factor laid out: its box, and the boxes beside it.
struct Slot {
    y: i32,
    height: i32,
    factor: (i32, Vec<String>),
    beside: Vec<(i32, Vec<String>, bool)>,
}

/// The figure, or `None` without factors.
pub(in super::super) fn draw(c: &Content) -> Option<String> {
    if c.factors.is_empty() {
        return None;
    }
    let left = c.factors.len().div_ceil(2);
    let (l, r) = c.factors.split_at(left);
    let (left_slots, left_h) = column(c, l);
    let (right_slots, right_h) = column(c, r);
    // Bold text runs wider than the estimate; leave it room.
    let hub_lines = wrap(&c.title, HUB_W - 36, TEXT, 7);
    let hub_h = 20 + 17 * hub_lines.len() as i32;
    let height = left_h.max(right_h).max(hub_h) + 2 * MARGIN;
    let hub_y = (height - hub_h) / 2;
    let (title, desc) = words(c);
    let mut svg = Svg::new("factors-figure", WIDTH, height, &title, &desc);

    for (slots, column_h, on_left) in [(&left_slots, left_h, true), (&right_slots, right_h, false)]
    {
        // Each column is centred on the hub.
        let top = (height - column_h) / 2;
        let (factor_x, beside_x) =
            if on_left { (LEFT_FACTORS, LEFT_ACTIONS) } else { (RIGHT_FACTORS, RIGHT_ACTIONS) };
        for slot in slots.iter() {
            let fy = top + slot.y + (slot.height - slot.factor.0) / 2;
            let fcy = fy + slot.factor.0 / 2;
            let (hub_edge, factor_inner, factor_outer, beside_inner) = if on_left {
                (HUB_X, factor_x + FACTOR_W, factor_x, beside_x + ACTION_W)
            } else {
                (HUB_X + HUB_W, factor_x, factor_x + FACTOR_W, beside_x)
            };
            svg.line(hub_edge, hub_y + hub_h / 2, factor_inner, fcy, "d-line");
            let stack_h: i32 = slot.beside.iter().map(|(h, ..)| h + STACK).sum::<i32>() - STACK;
            let mut by = top + slot.y + (slot.height - stack_h) / 2;
            for (h, lines, open) in &slot.beside {
                svg.line(factor_outer, fcy, beside_inner, by + h / 2, "d-line");
                svg.rect(beside_x, by, ACTION_W, *h, if *open { "d-open" } else { "d-box" });
                let class = if *open { "d-small" } else { "d-text d-action" };
                svg.lines(beside_x + 9, by + 17, 15, lines, class);
                by += h + STACK;
            }
            svg.rect(factor_x, fy, FACTOR_W, slot.factor.0, "d-box d-factor");
            let (category, text) =
                slot.factor.1.split_first().map_or((None, &[][..]), |(c, t)| (Some(c), t));
            if let Some(category) = category {
                svg.text(factor_x + 10, fy + 17, category, "d-small d-strong", "start");
            }
            svg.lines(factor_x + 10, fy + 35, 16, text, "d-text");
        }
    }
    svg.rect(HUB_X, hub_y, HUB_W, hub_h, "d-hub");
    svg.lines(HUB_X + 10, hub_y + 24, 17, &hub_lines, "d-text d-strong");
    Some(svg.finish())
}

/// The slots of one column, top to bottom, and the column's height.
fn column(c: &Content, factors: &[FactorRow]) -> (Vec<Slot>, i32) {
    let mut slots = Vec::new();
    let mut y = 0;
    for f in factors {
        let mut lines = vec![format!("{} · {}", f.id, f.category.as_str().to_uppercase())];
        lines.extend(wrap(first_clause(&f.text), FACTOR_W - 20, TEXT, 5));
        let factor_h = 26 + 16 * (lines.len() as i32 - 1) + 8;
        let mut beside: Vec<(i32, Vec<String>, bool)> = (f.actions.iter())
            .map(|id| {
                let text = c.action(id).map_or("", |a| a.text.as_str());
                let lines = wrap(&format!("{id} · {text}"), ACTION_W - 18, SMALL + 1, 3);
                (10 + 15 * lines.len() as i32, lines, false)
            })
            .collect();
        if beside.is_empty() {
            let note = if f.accepted_risk.is_empty() { w::NO_ACTION_YET } else { w::RISK_ACCEPTED };
            beside.push((26, vec![note.to_string()], true));
        }
        let stack: i32 = beside.iter().map(|(h, ..)| h + STACK).sum::<i32>() - STACK;
        let height = factor_h.max(stack);
        slots.push(Slot { y, height, factor: (factor_h, lines), beside });
        y += height + SLOT_GAP;
    }
    (slots, (y - SLOT_GAP).max(0))
}

fn words(c: &Content) -> (String, String) {
    let covered = c.factors.iter().filter(|f| !f.actions.is_empty()).count();
    let title = format!(
        "{}: {} factors, {covered} with committed actions",
        w::DIAGRAM_FACTORS,
        c.factors.len()
    );
    let each: Vec<String> = (c.factors.iter())
        .map(|f| {
            let actions = if f.actions.is_empty() {
                if f.accepted_risk.is_empty() {
                    w::NO_ACTION_YET.to_string()
                } else {
                    w::RISK_ACCEPTED.to_string()
                }
            } else {
                format!("actions {}", f.actions.join(", "))
            };
            format!("{} ({}): {} — {actions}", f.id, f.category.as_str(), f.text)
        })
        .collect();
    (title, format!("{}. {}", c.title, each.join("; ")))
}
