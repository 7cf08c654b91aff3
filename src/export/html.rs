//! The report as one self-contained web page: inline CSS (light, dark and print), the
//! diagrams drawn as inline SVG, no script and nothing to fetch — it opens from disk during
//! an outage and prints to A4 or Letter. Headings, captions and header cells are marked up
//! so a screen reader can move through it.

use std::fmt::Write;

use super::content::{ActionRow, Content};
use super::escape::{html, html_block};
use super::{GENERATOR, svg, words as w};
use crate::analysis::actions::{Criterion, Verdict};
use crate::model::LessonKind;
use crate::model::timeline::format_duration;

const STYLE: &str = include_str!("report.css");

pub(super) fn render(c: &Content) -> String {
    let mut out = String::with_capacity(16_384 + c.events.len() * 400);
    head(&mut out, c);
    out.push_str("<main>\n");
    header(&mut out, c);
    people(&mut out, c);
    prose(&mut out, "summary", w::SUMMARY, &c.summary);
    prose(&mut out, "impact", w::IMPACT, &c.impact);
    timeline(&mut out, c);
    whys(&mut out, c);
    factors(&mut out, c);
    actions(&mut out, c);
    behaviours(&mut out, c);
    lessons(&mut out, c);
    parked(&mut out, c);
    dismissed(&mut out, c);
    gate(&mut out, c);
    let _ = write!(
        out,
        "</main>\n<footer><p>{}</p></footer>\n</body>\n</html>\n",
        html(&w::exported_by(GENERATOR))
    );
    out
}

fn head(out: &mut String, c: &Content) {
    // The marker goes first, where a later export looks for it.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"waterline-export\" content=\"{}\">\n\
         <meta name=\"generator\" content=\"waterline {GENERATOR}\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        html(&c.marker),
        html(&c.title)
    );
}

fn section(out: &mut String, id: &str, heading: &str) {
    let _ = write!(
        out,
        "<section aria-labelledby=\"h-{id}\">\n<h2 id=\"h-{id}\">{}</h2>\n",
        html(heading)
    );
}

fn end(out: &mut String) {
    out.push_str("</section>\n");
}

/// How a table is shown: full width or as wide as its content; whether its caption shows
/// (under a heading that already names it, only screen readers need it).
#[derive(Clone, Copy)]
struct Look {
    compact: bool,
    caption: bool,
}

const WIDE: Look = Look { compact: false, caption: false };
const SMALL: Look = Look { compact: true, caption: false };

/// A table with a caption and column headers; `cells` are HTML already.
fn table(
    out: &mut String,
    look: Look,
    caption: &str,
    headers: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) {
    table_open(out, look, caption, headers);
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&cell);
        }
        out.push_str("</tr>\n");
    }
    table_close(out);
}

/// A table up to its first row, for rows written straight into `out`.
fn table_open(out: &mut String, look: Look, caption: &str, headers: &[&str]) {
    let _ = write!(
        out,
        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{0}\">\n<table{1}>\n<caption{2}>{0}</caption>\n<thead><tr>",
        html(caption),
        if look.compact { " class=\"compact\"" } else { "" },
        if look.caption { "" } else { " class=\"sr\"" },
    );
    for h in headers {
        let _ = write!(out, "<th scope=\"col\">{h}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn table_close(out: &mut String) {
    out.push_str("</tbody>\n</table>\n</div>\n");
}

fn td(text: &str) -> String {
    format!("<td>{}</td>", lines(text))
}

/// Text with its line breaks kept.
fn lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_lines(&mut out, text);
    out
}

/// [`lines`], appended to `out`.
fn push_lines(out: &mut String, text: &str) {
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        out.push_str(&html(line.trim()));
    }
}

fn header(out: &mut String, c: &Content) {
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", html(&c.title));
    let mut facts = Vec::new();
    if !c.severity.is_empty() {
        facts.push(format!("<b>{}</b> {}", w::SEVERITY, html(&c.severity)));
    }
    facts.push(format!("<b>{}</b> {}", w::STATUS, c.status.as_str()));
    facts.push(format!("<b>{}</b> {}", w::REVIEW, w::mode(c.mode)));
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| html(t).into_owned()).collect();
        facts.push(format!("<b>{}</b> {}", w::TAGS, tags.join(", ")));
    }
    let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join(" · "));
    if c.milestones.iter().any(|m| m.at.is_some()) {
        let rows = c.milestones.iter().map(|m| {
            let when = m.at.map(|t| c.when(t)).unwrap_or_else(|| "—".into());
            let since = m
                .since_start
                .map(|d| format!("{} — {}", format_duration(d), w::time_to(m.milestone)))
                .unwrap_or_default();
            vec![
                format!("<th scope=\"row\">{}</th>", w::milestone(m.milestone)),
                td(&when),
                td(&since),
            ]
        });
        let time = format!("{} ({})", w::TIME, c.zone());
        let look = Look { compact: true, caption: true };
        table(out, look, w::MILESTONES, &[w::MILESTONE, &time, w::SINCE_START], rows);
    }
    out.push_str("</header>\n");
}

fn people(out: &mut String, c: &Content) {
    if c.participants.is_empty() && c.facilitator.is_empty() {
        return;
    }
    section(out, "people", w::PEOPLE);
    if !c.facilitator.is_empty() {
        let _ = writeln!(out, "<p><b>{}</b>: {}</p>", w::FACILITATOR, html(&c.facilitator));
    }
    if c.redacted {
        out.push_str("<ul>\n");
        for p in &c.participants {
            let _ = writeln!(out, "<li>{}</li>", html(&p.name));
        }
        let _ = writeln!(out, "</ul>\n<p class=\"note\">{}</p>", w::NAMES_HIDDEN);
    } else if !c.participants.is_empty() {
        let rows = c.participants.iter().map(|p| vec![td(&p.role), td(&p.name)]);
        table(out, SMALL, w::PEOPLE, &[w::ROLE, w::NAME], rows);
    }
    end(out);
}

fn prose(out: &mut String, id: &str, heading: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    section(out, id, heading);
    out.push_str(&html_block(text));
    end(out);
}

fn figure(out: &mut String, svg: Option<String>) {
    if let Some(svg) = svg {
        let _ = write!(out, "<figure>\n{svg}</figure>\n");
    }
}

fn timeline(out: &mut String, c: &Content) {
    section(out, "timeline", w::TIMELINE);
    if c.events.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w::NO_EVENTS);
    } else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", html(&w::times_in(&c.zone())));
    }
    figure(out, svg::timeline(c));
    if !c.events.is_empty() {
        let headers =
            [w::ID, w::TIME, w::MILESTONE, w::KIND, w::WHAT_HAPPENED, w::SOURCE, w::KNOWN_THEN];
        // The longest table of a big review: rows written straight into the output.
        table_open(out, WIDE, w::TIMELINE, &headers);
        for (day, time, e) in c.timeline() {
            let _ =
                write!(out, "<tr><td class=\"narrow\">{}</td><td class=\"narrow\">", html(&e.id));
            if let Some(day) = day {
                let _ = write!(out, "<span class=\"day\">{}</span>", html(&day));
            }
            let _ = write!(out, "{time}</td><td class=\"milestone\">");
            for (i, m) in e.milestones.iter().enumerate() {
                let space = if i > 0 { " " } else { "" };
                let _ =
                    write!(out, "{space}{} {}", w::MILESTONE_MARK, w::milestone(*m).to_lowercase());
            }
            let _ = write!(out, "</td><td class=\"narrow\">{}</td>", e.kind.as_str());
            for text in [&e.text, &e.source, &e.known_then] {
                out.push_str("<td>");
                push_lines(out, text);
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        table_close(out);
    }
    end(out);
}

fn whys(out: &mut String, c: &Content) {
    section(out, "whys", w::WHYS);
    if c.whys.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w::NO_WHYS);
    } else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", html(w::WHYS_INTRO));
        figure(out, svg::whys(c));
    }
    if let Some(line) = w::asked_again(c.turns_reframed, c.turns_open) {
        let _ = writeln!(out, "<p>{}</p>", html(&line));
    }
    end(out);
}

fn factors(out: &mut String, c: &Content) {
    section(out, "factors", w::FACTORS);
    if c.factors.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w::NO_FACTORS);
        end(out);
        return;
    }
    let _ = writeln!(out, "<p class=\"note\">{}</p>", html(w::FACTORS_INTRO));
    figure(out, svg::factors(c));
    let rows = c.factors.iter().map(|f| {
        let mut evidence = Vec::new();
        if !f.events.is_empty() {
            evidence.push(format!("events {}", f.events.join(", ")));
        }
        if !f.whys.is_empty() {
            evidence.push(format!("whys {}", f.whys.join(", ")));
        }
        let mut actions = if !f.actions.is_empty() {
            f.actions.join(", ")
        } else if !f.accepted_risk.is_empty() {
            w::RISK_ACCEPTED.to_string()
        } else {
            w::NO_ACTION_YET.to_string()
        };
        if !f.ideas.is_empty() {
            actions.push_str(&format!(" (ideas: {})", f.ideas.join(", ")));
        }
        vec![
            format!("<td class=\"narrow\">{}</td>", html(&f.id)),
            td(&f.text),
            format!("<td class=\"narrow\">{}</td>", f.category.as_str()),
            td(&evidence.join(" · ")),
            td(&actions),
        ]
    });
    table(out, WIDE, w::FACTORS, &[w::ID, w::FACTOR, w::CATEGORY, w::EVIDENCE, w::ACTIONS], rows);
    let accepted: Vec<_> = c.factors.iter().filter(|f| !f.accepted_risk.is_empty()).collect();
    if !accepted.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", w::ACCEPTED_RISKS);
        for f in accepted {
            let _ = writeln!(
                out,
                "<li><span class=\"id\">{}</span> {} — {}</li>",
                html(&f.id),
                html(&f.text),
                html(&f.accepted_risk)
            );
        }
        out.push_str("</ul>\n");
    }
    end(out);
}

fn actions(out: &mut String, c: &Content) {
    section(out, "actions", w::ACTIONS);
    let (committed, ideas, wont) = c.actions_by_commitment();
    if committed.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w::NO_ACTIONS);
    } else {
        let abbr: Vec<String> = (Criterion::ALL.iter())
            .map(|k| format!("<abbr title=\"{0}\">{1}</abbr>", k.label(), &k.label()[..2]))
            .collect();
        let mut headers =
            vec![w::ID, w::ACTION, w::KIND, w::TEAM, w::OWNER, w::DUE, w::STATUS, w::STRENGTH];
        headers.extend(abbr.iter().map(String::as_str));
        table(out, WIDE, w::ACTIONS, &headers, committed.iter().map(|a| row(a)));
        let needs: Vec<String> = committed.iter().flat_map(|a| needs_work(a)).collect();
        if !needs.is_empty() {
            let _ = writeln!(out, "<p>{}</p>\n<ul>", w::CHECKS_NEED_WORK);
            for line in needs {
                let _ = writeln!(out, "<li>{line}</li>");
            }
            out.push_str("</ul>\n");
        }
    }
    if !ideas.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", w::IDEAS);
        for a in ideas {
            let who: Vec<String> = [&a.team, &a.owner]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| html(s).into_owned())
                .collect();
            let who =
                if who.is_empty() { String::new() } else { format!(" — {}", who.join(" · ")) };
            let _ = writeln!(
                out,
                "<li><span class=\"id\">{}</span> {}{who}</li>",
                html(&a.id),
                html(&a.text)
            );
        }
        out.push_str("</ul>\n");
    }
    if !wont.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", w::WONT_DO);
        for a in wont {
            let _ = writeln!(
                out,
                "<li><span class=\"id\">{}</span> {} — {}: {}</li>",
                html(&a.id),
                html(&a.text),
                w::DECISION,
                html(&a.decision)
            );
        }
        out.push_str("</ul>\n");
    }
    end(out);
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Warn => "warn",
        Verdict::Fail => "fail",
    }
}

fn row(a: &ActionRow) -> Vec<String> {
    let mut cells = vec![
        format!("<td class=\"narrow\">{}</td>", html(&a.id)),
        td(&a.text),
        format!("<td class=\"narrow\">{}</td>", a.kind.map_or("", |k| k.as_str())),
        td(&a.team),
        td(&a.owner),
        format!("<td class=\"narrow\">{}</td>", a.due.map(|d| d.to_string()).unwrap_or_default()),
        format!("<td class=\"narrow\">{} {}</td>", a.status.glyph(), a.status.label()),
        td(a.strength.label()),
    ];
    for (criterion, check) in a.checks.all() {
        let v = check.result;
        cells.push(format!(
            "<td class=\"check {}\" title=\"{}: {}\">{}<span class=\"sr\"> {}</span></td>",
            verdict_class(v),
            criterion.label(),
            html(&check.reason),
            v.glyph(),
            v.as_str()
        ));
    }
    cells
}

fn needs_work(a: &ActionRow) -> Vec<String> {
    (a.checks.all().iter())
        .filter(|(_, k)| k.result != Verdict::Pass)
        .map(|(criterion, k)| {
            format!(
                "<span class=\"id\">{}</span> <span class=\"{}\">{}</span> {}: {}",
                html(&a.id),
                verdict_class(k.result),
                k.result.glyph(),
                criterion.label(),
                html(&k.reason)
            )
        })
        .collect()
}

fn behaviours(out: &mut String, c: &Content) {
    let b = &c.behaviours;
    let counted: Vec<_> = b.outcomes.iter().filter(|o| o.count > 0).collect();
    if counted.is_empty() && b.unclassified == 0 {
        return;
    }
    section(out, "behaviours", w::BEHAVIOURS);
    let _ = writeln!(out, "<p class=\"note\">{}</p>", html(w::BEHAVIOURS_INTRO));
    if !counted.is_empty() {
        let rows = counted.iter().map(|o| vec![td(&o.label), format!("<td>{}</td>", o.count)]);
        table(out, SMALL, w::BEHAVIOURS, &[w::OUTCOME, w::ACTS], rows);
    }
    if b.unclassified > 0 {
        let _ = writeln!(out, "<p>{}</p>", w::unclassified(b.unclassified));
    }
    if let Some(acts) = &b.acts {
        let rows = acts.iter().map(|a| {
            let outcome =
                if a.outcome_label.is_empty() { w::NOT_CLASSIFIED } else { &a.outcome_label };
            vec![
                format!("<td class=\"narrow\">{}</td>", html(&a.id)),
                td(&a.act),
                td(&a.context),
                td(outcome),
                td(&a.actions.join(", ")),
            ]
        });
        table(out, WIDE, w::ACTS, &[w::ID, w::ACT, w::CONTEXT, w::OUTCOME, w::ACTIONS], rows);
    }
    end(out);
}

fn lessons(out: &mut String, c: &Content) {
    if c.lessons_empty() {
        return;
    }
    section(out, "lessons", w::LESSONS);
    for kind in LessonKind::ALL {
        let list = match kind {
            LessonKind::WentWell => &c.lessons.went_well,
            LessonKind::WentWrong => &c.lessons.went_wrong,
            LessonKind::Lucky => &c.lessons.lucky,
        };
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", w::lesson(kind, c.mode));
        for lesson in list {
            let _ = writeln!(out, "<li>{}</li>", lines(lesson));
        }
        out.push_str("</ul>\n");
    }
    end(out);
}

fn parked(out: &mut String, c: &Content) {
    if c.parked.is_empty() {
        return;
    }
    section(out, "parked", w::PARKED);
    out.push_str("<ul>\n");
    for p in &c.parked {
        let on = w::parked_on(&p.step);
        let on = if on.is_empty() {
            on
        } else {
            format!(" <span class=\"note\">— {}</span>", html(&on))
        };
        let _ = writeln!(out, "<li>{}{on}</li>", lines(&p.text));
    }
    out.push_str("</ul>\n");
    end(out);
}

fn dismissed(out: &mut String, c: &Content) {
    let Some(list) = c.dismissed.as_ref().filter(|l| !l.is_empty()) else { return };
    section(out, "dismissed", w::DISMISSED);
    let rows = list.iter().map(|d| vec![td(&d.item), td(&d.field), td(&d.matched), td(&d.reason)]);
    table(out, WIDE, w::DISMISSED, &[w::ITEM, w::FIELD, w::WORDS, w::REASON], rows);
    end(out);
}

fn gate(out: &mut String, c: &Content) {
    let g = &c.gate;
    section(out, "gate", w::GATE);
    let _ = writeln!(
        out,
        "<p><b>{}</b></p>\n<ul class=\"gate\">",
        html(&w::gate_score(g.score[0], g.score[1], g.passed))
    );
    for criterion in &g.criteria {
        let (glyph, class, word) =
            if criterion.passed { ("✓", "pass", "met") } else { ("✗", "fail", "not met") };
        let _ = write!(
            out,
            "<li><span class=\"{class}\">{glyph}</span><span class=\"sr\"> {word}:</span> {}",
            html(criterion.label)
        );
        if !criterion.missing.is_empty() {
            out.push_str("\n<ul>\n");
            for m in &criterion.missing {
                let _ = writeln!(out, "<li>{}: {}</li>", html(&m.item), html(&m.message));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    if !c.gate_override.is_empty() {
        let _ = writeln!(out, "<p>{} {}</p>", w::GATE_OVERRIDE, html(&c.gate_override));
    }
    end(out);
}
