//! The report as Markdown that renders on GitHub and GitLab and pastes into a wiki: tables,
//! nested lists, and Mermaid blocks for the Five Whys and the contributing factors.

use std::fmt::Write;

use super::content::{ActionRow, Content};
use super::escape::{md_block, md_cell, md_inline, push_md_cell};
use super::{GENERATOR, mermaid, words as w};
use crate::analysis::actions::Criterion;
use crate::model::{LessonKind, Milestone};

pub(super) fn render(c: &Content) -> String {
    let mut out = String::with_capacity(4096 + c.events.len() * 200);
    let _ = writeln!(out, "<!-- {} -->\n", c.marker);
    header(&mut out, c);
    people(&mut out, c);
    prose(&mut out, w::SUMMARY, &c.summary);
    prose(&mut out, w::IMPACT, &c.impact);
    timeline(&mut out, c);
    whys(&mut out, c);
    factors(&mut out, c);
    actions(&mut out, c);
    behaviours(&mut out, c);
    lessons(&mut out, c);
    parked(&mut out, c);
    dismissed(&mut out, c);
    gate(&mut out, c);
    let _ = writeln!(out, "---\n\n{}", md_inline(&w::exported_by(GENERATOR)));
    out
}

fn header(out: &mut String, c: &Content) {
    let _ = writeln!(out, "# {}\n", md_heading(&c.title));
    let mut facts = Vec::new();
    if !c.severity.is_empty() {
        facts.push(format!("**{}** {}", w::SEVERITY, md_inline(&c.severity)));
    }
    facts.push(format!("**{}** {}", w::STATUS, c.status.as_str()));
    facts.push(format!("**{}** {}", w::REVIEW, w::mode(c.mode)));
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| md_inline(t)).collect();
        facts.push(format!("**{}** {}", w::TAGS, tags.join(", ")));
    }
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    if c.milestones.iter().all(|m| m.at.is_none()) {
        return;
    }
    let _ = writeln!(out, "| {} | {} ({}) | {} |", w::MILESTONE, w::TIME, c.zone(), w::SINCE_START);
    out.push_str("|---|---|---|\n");
    for m in &c.milestones {
        let when = m.at.map(|t| c.when(t)).unwrap_or_else(|| "—".into());
        let since = match m.since_start {
            Some(d) => format!(
                "{} — {}",
                crate::model::timeline::format_duration(d),
                w::time_to(m.milestone)
            ),
            None => String::new(),
        };
        let _ = writeln!(out, "| {} | {when} | {since} |", w::milestone(m.milestone));
    }
    out.push('\n');
}

/// A heading's text: a `#` after a space would otherwise close the heading early.
fn md_heading(text: &str) -> String {
    let inline = md_inline(text);
    let mut out = String::with_capacity(inline.len() + 4);
    let mut prev = ' ';
    for c in inline.chars() {
        if c == '#' && prev == ' ' {
            out.push('\\');
        }
        out.push(c);
        prev = c;
    }
    out
}

fn people(out: &mut String, c: &Content) {
    if c.participants.is_empty() && c.facilitator.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", w::PEOPLE);
    if !c.facilitator.is_empty() {
        let _ = writeln!(out, "{}: {}\n", w::FACILITATOR, md_inline(&c.facilitator));
    }
    if c.participants.is_empty() {
        return;
    }
    if c.redacted {
        for p in &c.participants {
            let _ = writeln!(out, "- {}", md_inline(&p.name));
        }
        let _ = writeln!(out, "\n{}\n", w::NAMES_HIDDEN);
    } else {
        let _ = writeln!(out, "| {} | {} |\n|---|---|", w::ROLE, w::NAME);
        for p in &c.participants {
            let _ = writeln!(out, "| {} | {} |", md_cell(&p.role), md_cell(&p.name));
        }
        out.push('\n');
    }
}

fn prose(out: &mut String, heading: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    let _ = writeln!(out, "## {heading}\n\n{}\n", md_block(text));
}

fn timeline(out: &mut String, c: &Content) {
    let _ = writeln!(out, "## {}\n", w::TIMELINE);
    if c.events.is_empty() {
        let _ = writeln!(out, "{}\n", w::NO_EVENTS);
        return;
    }
    let _ = writeln!(out, "{}\n", w::times_in(&c.zone()));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|",
        w::ID,
        w::TIME,
        w::MILESTONE,
        w::KIND,
        w::WHAT_HAPPENED,
        w::SOURCE,
        w::KNOWN_THEN
    );
    // The longest table of a big review: written straight into the output.
    for (day, time, e) in c.timeline() {
        out.push_str("| ");
        push_md_cell(out, &e.id);
        out.push_str(" | ");
        if let Some(day) = day {
            let _ = write!(out, "**{day}** ");
        }
        out.push_str(&time);
        out.push_str(" | ");
        for (i, m) in e.milestones.iter().enumerate() {
            let space = if i > 0 { " " } else { "" };
            let _ = write!(out, "{space}{} {}", w::MILESTONE_MARK, milestone_word(*m));
        }
        let _ = write!(out, " | {} | ", e.kind.as_str());
        push_md_cell(out, &e.text);
        out.push_str(" | ");
        push_md_cell(out, &e.source);
        out.push_str(" | ");
        push_md_cell(out, &e.known_then);
        out.push_str(" |\n");
    }
    out.push('\n');
}

fn milestone_word(m: Milestone) -> String {
    w::milestone(m).to_lowercase()
}

fn whys(out: &mut String, c: &Content) {
    let _ = writeln!(out, "## {}\n", w::WHYS);
    if c.whys.is_empty() {
        let _ = writeln!(out, "{}\n", w::NO_WHYS);
    } else {
        let _ = writeln!(out, "{}\n", w::WHYS_INTRO);
        for y in &c.whys {
            let indent = "  ".repeat(y.depth);
            let mark =
                if y.system_condition { format!("{} ", w::CONDITION_MARK) } else { String::new() };
            let _ = write!(out, "{indent}- {mark}**{}** {}", md_inline(&y.id), md_inline(&y.text));
            if y.system_condition {
                let _ = write!(out, " — *{}*", w::CONDITION);
            }
            if !y.note.is_empty() {
                let _ = write!(out, " \\\n{indent}  *{}*", md_inline(&y.note));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    if let Some(line) = w::asked_again(c.turns_reframed, c.turns_open) {
        let _ = writeln!(out, "{line}\n");
    }
    if !c.whys.is_empty() {
        let _ = writeln!(out, "```mermaid\n{}```\n", mermaid::whys(c));
    }
}

fn factors(out: &mut String, c: &Content) {
    let _ = writeln!(out, "## {}\n", w::FACTORS);
    if c.factors.is_empty() {
        let _ = writeln!(out, "{}\n", w::NO_FACTORS);
        return;
    }
    let _ = writeln!(out, "{}\n", w::FACTORS_INTRO);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        w::ID,
        w::FACTOR,
        w::CATEGORY,
        w::EVIDENCE,
        w::ACTIONS
    );
    for f in &c.factors {
        let mut evidence = Vec::new();
        if !f.events.is_empty() {
            evidence.push(format!("events {}", md_cell(&f.events.join(", "))));
        }
        if !f.whys.is_empty() {
            evidence.push(format!("whys {}", md_cell(&f.whys.join(", "))));
        }
        let actions = if !f.actions.is_empty() {
            md_cell(&f.actions.join(", "))
        } else if !f.accepted_risk.is_empty() {
            w::RISK_ACCEPTED.to_string()
        } else {
            w::NO_ACTION_YET.to_string()
        };
        let ideas = if f.ideas.is_empty() {
            String::new()
        } else {
            format!(" (ideas: {})", md_cell(&f.ideas.join(", ")))
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {actions}{ideas} |",
            md_cell(&f.id),
            md_cell(&f.text),
            f.category.as_str(),
            evidence.join(" · ")
        );
    }
    out.push('\n');
    let accepted: Vec<_> = c.factors.iter().filter(|f| !f.accepted_risk.is_empty()).collect();
    if !accepted.is_empty() {
        let _ = writeln!(out, "### {}\n", w::ACCEPTED_RISKS);
        for f in accepted {
            let _ = writeln!(
                out,
                "- **{}** {} — {}",
                md_inline(&f.id),
                md_inline(&f.text),
                md_inline(&f.accepted_risk)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "```mermaid\n{}```\n", mermaid::factors(c));
}

fn actions(out: &mut String, c: &Content) {
    let _ = writeln!(out, "## {}\n", w::ACTIONS);
    let (committed, ideas, wont) = c.actions_by_commitment();
    if committed.is_empty() {
        let _ = writeln!(out, "{}\n", w::NO_ACTIONS);
    } else {
        let criteria: Vec<&str> = Criterion::ALL.iter().map(|k| k.label()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|{}",
            w::ID,
            w::ACTION,
            w::KIND,
            w::TEAM,
            w::OWNER,
            w::DUE,
            w::STATUS,
            w::STRENGTH,
            criteria.join(" | "),
            "---|".repeat(criteria.len())
        );
        for a in &committed {
            row(out, a);
        }
        out.push('\n');
        let needs_work: Vec<String> = committed.iter().flat_map(|a| needs_work(a)).collect();
        if !needs_work.is_empty() {
            let _ = writeln!(out, "{}\n", w::CHECKS_NEED_WORK);
            for line in needs_work {
                let _ = writeln!(out, "- {line}");
            }
            out.push('\n');
        }
    }
    if !ideas.is_empty() {
        let _ = writeln!(out, "### {}\n", w::IDEAS);
        for a in ideas {
            let _ = writeln!(out, "- **{}** {}{}", md_inline(&a.id), md_inline(&a.text), who(a));
        }
        out.push('\n');
    }
    if !wont.is_empty() {
        let _ = writeln!(out, "### {}\n", w::WONT_DO);
        for a in wont {
            let _ = writeln!(
                out,
                "- **{}** {} — {}: {}",
                md_inline(&a.id),
                md_inline(&a.text),
                w::DECISION,
                md_inline(&a.decision)
            );
        }
        out.push('\n');
    }
}

fn row(out: &mut String, a: &ActionRow) {
    let checks: Vec<String> = a
        .checks
        .all()
        .iter()
        .map(|(_, k)| format!("{} {}", k.result.glyph(), k.result.as_str()))
        .collect();
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        md_cell(&a.id),
        md_cell(&a.text),
        a.kind.map_or("", |k| k.as_str()),
        md_cell(&a.team),
        md_cell(&a.owner),
        a.due.map(|d| d.to_string()).unwrap_or_default(),
        a.status.label(),
        a.strength.label(),
        checks.join(" | ")
    );
}

fn needs_work(a: &ActionRow) -> Vec<String> {
    (a.checks.all().iter())
        .filter(|(_, k)| k.result != crate::analysis::actions::Verdict::Pass)
        .map(|(criterion, k)| {
            format!(
                "**{}** {} {}: {}",
                md_inline(&a.id),
                k.result.glyph(),
                criterion.label(),
                md_inline(&k.reason)
            )
        })
        .collect()
}

fn who(a: &ActionRow) -> String {
    let parts: Vec<String> =
        [&a.team, &a.owner].iter().filter(|s| !s.is_empty()).map(|s| md_inline(s)).collect();
    if parts.is_empty() { String::new() } else { format!(" — {}", parts.join(" · ")) }
}

fn behaviours(out: &mut String, c: &Content) {
    let b = &c.behaviours;
    let counted: Vec<_> = b.outcomes.iter().filter(|o| o.count > 0).collect();
    if counted.is_empty() && b.unclassified == 0 {
        return;
    }
    let _ = writeln!(out, "## {}\n\n{}\n", w::BEHAVIOURS, w::BEHAVIOURS_INTRO);
    if !counted.is_empty() {
        let _ = writeln!(out, "| {} | {} |\n|---|---|", w::OUTCOME, w::ACTS);
        for o in counted {
            let _ = writeln!(out, "| {} | {} |", md_cell(&o.label), o.count);
        }
        out.push('\n');
    }
    if b.unclassified > 0 {
        let _ = writeln!(out, "{}\n", w::unclassified(b.unclassified));
    }
    if let Some(acts) = &b.acts {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            w::ID,
            w::ACT,
            w::CONTEXT,
            w::OUTCOME,
            w::ACTIONS
        );
        for a in acts {
            let outcome =
                if a.outcome_label.is_empty() { w::NOT_CLASSIFIED } else { &a.outcome_label };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md_cell(&a.id),
                md_cell(&a.act),
                md_cell(&a.context),
                md_cell(outcome),
                md_cell(&a.actions.join(", "))
            );
        }
        out.push('\n');
    }
}

fn lessons(out: &mut String, c: &Content) {
    if c.lessons_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", w::LESSONS);
    for kind in LessonKind::ALL {
        let list = match kind {
            LessonKind::WentWell => &c.lessons.went_well,
            LessonKind::WentWrong => &c.lessons.went_wrong,
            LessonKind::Lucky => &c.lessons.lucky,
        };
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", w::lesson(kind, c.mode));
        for lesson in list {
            let _ = writeln!(out, "- {}", md_inline(lesson));
        }
        out.push('\n');
    }
}

fn parked(out: &mut String, c: &Content) {
    if c.parked.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", w::PARKED);
    for p in &c.parked {
        let on = w::parked_on(&p.step);
        let on = if on.is_empty() { on } else { format!(" — *{}*", md_inline(&on)) };
        let _ = writeln!(out, "- {}{on}", md_inline(&p.text));
    }
    out.push('\n');
}

fn dismissed(out: &mut String, c: &Content) {
    let Some(list) = c.dismissed.as_ref().filter(|l| !l.is_empty()) else { return };
    let _ = writeln!(
        out,
        "## {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
        w::DISMISSED,
        w::ITEM,
        w::FIELD,
        w::WORDS,
        w::REASON
    );
    for d in list {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md_cell(&d.item),
            md_cell(&d.field),
            md_cell(&d.matched),
            md_cell(&d.reason)
        );
    }
    out.push('\n');
}

fn gate(out: &mut String, c: &Content) {
    let g = &c.gate;
    let _ = writeln!(
        out,
        "## {}\n\n**{}**\n",
        w::GATE,
        w::gate_score(g.score[0], g.score[1], g.passed)
    );
    for criterion in &g.criteria {
        let glyph = if criterion.passed { "✓" } else { "✗" };
        let _ = writeln!(out, "- {glyph} {}", criterion.label);
        for m in &criterion.missing {
            let _ = writeln!(out, "  - {}: {}", md_inline(&m.item), md_inline(&m.message));
        }
    }
    out.push('\n');
    if !c.gate_override.is_empty() {
        let _ = writeln!(out, "{} {}\n", w::GATE_OVERRIDE, md_inline(&c.gate_override));
    }
}
