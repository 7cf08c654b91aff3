//! The Markdown report's two diagrams as Mermaid flowcharts: the Five Whys tree, and the
//! incident in the middle with its factors around it and each factor's actions beside it.
//! Node ids are made here (`n3`, `f2`), never taken from the file, and every label goes
//! through [`mermaid_label`], so no text in the review can change the diagram's shape.

use std::collections::HashMap;
use std::fmt::Write;

use super::content::Content;
use super::escape::{first_clause, mermaid_label, shorten};
use super::words as w;

const WHY_LABEL: usize = 110;
const TITLE_LABEL: usize = 70;
const FACTOR_LABEL: usize = 70;
const ACTION_LABEL: usize = 60;

/// `flowchart TD`: the incident on top, each answer under the one it explains.
pub(super) fn whys(c: &Content) -> String {
    let mut out = String::from("flowchart TD\n");
    let _ = writeln!(out, "  incident([\"{}\"])", label(&c.title, TITLE_LABEL));
    let index: HashMap<&str, usize> =
        c.whys.iter().enumerate().map(|(i, y)| (y.id.as_str(), i)).collect();
    let mut conditions = Vec::new();
    for (i, y) in c.whys.iter().enumerate() {
        let mark =
            if y.system_condition { format!("{} ", w::CONDITION_MARK) } else { String::new() };
        let text = format!("{mark}{} · {}", y.id, shorten(&y.text, WHY_LABEL));
        let _ = writeln!(out, "  n{i}[\"{}\"]", mermaid_label(&text));
        let from = match y.parent.as_deref().and_then(|p| index.get(p)) {
            Some(p) => format!("n{p}"),
            None => "incident".to_string(),
        };
        let _ = writeln!(out, "  {from} --> n{i}");
        if y.system_condition {
            conditions.push(format!("n{i}"));
        }
    }
    if !conditions.is_empty() {
        out.push_str("  classDef condition stroke-width:3px,font-weight:bold\n");
        let _ = writeln!(out, "  class {} condition", conditions.join(","));
    }
    out
}

/// `flowchart LR`: half the factors to the left of the incident, half to the right, each
/// with its committed actions further out (or a note that there is none).
pub(super) fn factors(c: &Content) -> String {
    let mut out = String::from("flowchart LR\n");
    let _ = writeln!(out, "  incident([\"{}\"])", label(&c.title, TITLE_LABEL));
    let left = c.factors.len().div_ceil(2);
    let mut dashed = Vec::new();
    for (i, f) in c.factors.iter().enumerate() {
        let text = format!("{} · {}", f.id, shorten(first_clause(&f.text), FACTOR_LABEL));
        let _ = writeln!(out, "  f{i}[\"{}\"]", mermaid_label(&text));
        let on_left = i < left;
        link(&mut out, on_left, "incident", &format!("f{i}"));
        let mut outer: Vec<(String, String)> = Vec::new();
        for (j, id) in f.actions.iter().enumerate() {
            let text =
                c.action(id).map_or(String::new(), |a| shorten(&a.text, ACTION_LABEL).into_owned());
            outer.push((format!("f{i}a{j}"), format!("{id} · {text}")));
        }
        if outer.is_empty() {
            let note = if f.accepted_risk.is_empty() { w::NO_ACTION_YET } else { w::RISK_ACCEPTED };
            outer.push((format!("f{i}x"), note.to_string()));
            dashed.push(format!("f{i}x"));
        }
        for (node, text) in outer {
            let _ = writeln!(out, "  {node}[\"{}\"]", mermaid_label(&text));
            link(&mut out, on_left, &format!("f{i}"), &node);
        }
    }
    out.push_str("  classDef hub stroke-width:3px,font-weight:bold\n  class incident hub\n");
    if !dashed.is_empty() {
        out.push_str("  classDef open stroke-dasharray:5 4\n");
        let _ = writeln!(out, "  class {} open", dashed.join(","));
    }
    out
}

/// A line between `inner` (nearer the incident) and `outer`: written outer-first on the
/// left so the layout puts it to the left, inner-first on the right.
fn link(out: &mut String, on_left: bool, inner: &str, outer: &str) {
    if on_left {
        let _ = writeln!(out, "  {outer} --- {inner}");
    } else {
        let _ = writeln!(out, "  {inner} --- {outer}");
    }
}

fn label(text: &str, max: usize) -> String {
    mermaid_label(&shorten(text, max))
}
