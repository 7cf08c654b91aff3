//! `waterline insights`: what a team learns across reviews, as text for people, Markdown
//! for a report, or JSON for tools. The numbers come from `analysis::insights`.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Duration, NaiveDate};

use crate::analysis::insights::{Insights, Review, insights};
use crate::analysis::policy::DuePolicy;
use crate::model::text::sanitize_line;
use crate::model::timeline::format_duration;
use crate::store;

/// How `insights` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InsightsFormat {
    Text,
    Json,
    Markdown,
}

pub struct Request {
    pub dir: PathBuf,
    pub since: Option<NaiveDate>,
    pub today: NaiveDate,
    pub format: InsightsFormat,
    pub policy: DuePolicy,
}

pub fn run(r: &Request) -> anyhow::Result<ExitCode> {
    if !r.dir.is_dir() {
        let dir = r.dir.display().to_string();
        eprintln!("waterline: {} is not a folder of reviews", super::visible::visible(&dir));
        return Ok(ExitCode::from(2));
    }
    let found = insights(&read(&r.dir), r.today, r.since, &r.policy);
    let out = match r.format {
        InsightsFormat::Json => super::visible::json(&found)? + "\n",
        InsightsFormat::Text => text(&found),
        InsightsFormat::Markdown => markdown(&found),
    };
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The reviews in `dir`; each file that cannot be read is named on standard error and left
/// out.
pub fn read(dir: &Path) -> Vec<Review> {
    let mut reviews: Vec<Review> = Vec::new();
    for (path, loaded) in store::load_all(dir) {
        match loaded {
            Ok(loaded) => reviews.push((path, loaded.session)),
            Err(e) => {
                eprintln!("waterline: {} (left out)", super::visible::visible(&e.to_string()))
            }
        }
    }
    reviews
}

const BAR_WIDTH: usize = 30;
const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One line of a sparkline: each value scaled between the series' least and most; `·` for
/// a quarter with no value.
pub fn sparkline(values: &[Option<f64>]) -> String {
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let (lo, hi) = known.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    (values.iter())
        .map(|v| match v {
            None => '·',
            Some(_) if hi <= lo => SPARKS[3],
            Some(v) => SPARKS[(((v - lo) / (hi - lo)) * 7.0).round().clamp(0.0, 7.0) as usize],
        })
        .collect()
}

fn minutes(m: Option<f64>) -> String {
    m.map_or("–".into(), |m| format_duration(Duration::seconds((m * 60.0).round() as i64)))
}

fn percent(share: Option<f64>) -> String {
    share.map_or("–".into(), |s| format!("{:.0}%", s * 100.0))
}

fn days(d: Option<f64>) -> String {
    d.map_or("–".into(), |d| if d.fract() == 0.0 { format!("{d:.0}") } else { format!("{d:.1}") })
}

fn severity(s: &str) -> String {
    if s.is_empty() { "(no severity)".into() } else { sanitize_line(s) }
}

fn team(t: &str) -> String {
    if t.is_empty() { "(no team)".into() } else { sanitize_line(t) }
}

fn heading(i: &Insights) -> String {
    let since = i.since.map_or(String::new(), |d| format!(", since {d}"));
    let mut line = format!("{} reviews{since}, as of {}", i.reviews, i.today);
    if i.without_start > 0 {
        line.push_str(&format!(
            " ({} without a start time, left out of the figures over time)",
            i.without_start
        ));
    }
    line
}

/// The report for a terminal: bars and sparklines drawn with characters, no colour.
pub fn text(i: &Insights) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Insights: {}\n", heading(i));

    let _ = writeln!(o, "Contributing factors by quarter");
    let most = i.factors_by_quarter.iter().map(|q| q.total).max().unwrap_or(0).max(1);
    for q in &i.factors_by_quarter {
        let bar = "█".repeat((q.total * BAR_WIDTH).div_ceil(most));
        let parts: Vec<String> = (q.by_category.iter())
            .filter(|(_, n)| *n > 0)
            .map(|(c, n)| format!("{} {n}", c.as_str()))
            .collect();
        let _ =
            writeln!(o, "  {}  {bar:<BAR_WIDTH$} {:>3}  {}", q.quarter, q.total, parts.join(" · "));
    }
    if i.factors_by_quarter.is_empty() {
        let _ = writeln!(o, "  no reviews with a start time");
    }

    let _ = writeln!(o, "\nConditions that recur");
    for r in &i.recurring {
        let _ = writeln!(
            o,
            "  ↻ {}, in {} reviews — shared words: {}",
            r.category.as_str(),
            r.reviews,
            r.shared.join(", ")
        );
        for f in &r.factors {
            let day = f.day.map_or("          ".into(), |d| d.to_string());
            let actions: Vec<String> = f
                .actions
                .iter()
                .map(|(id, s)| format!("{id} {} {}", s.glyph(), s.label()))
                .collect();
            let actions = if actions.is_empty() { "no action".into() } else { actions.join(", ") };
            let _ = writeln!(
                o,
                "      {day}  {}  {} — {actions}",
                sanitize_line(&f.factor),
                sanitize_line(&f.text)
            );
            let _ = writeln!(o, "                    in “{}”", sanitize_line(&f.review));
        }
        let _ = writeln!(o, "      actions: {}", action_counts(&r.actions));
    }
    if i.recurring.is_empty() {
        let _ = writeln!(o, "  none found: no factor matches one of another review");
    }

    let f = &i.follow_through;
    let _ = writeln!(o, "\nFollow-through on committed actions ({})", f.committed);
    let _ = writeln!(
        o,
        "  verified within the policy window: {} of {} whose window has ended ({})",
        f.verified_in_window,
        f.window_closed,
        percent(f.share_in_window)
    );
    let _ = writeln!(
        o,
        "  median days from the incident to verified: {} ({} verified, {} without a verified_on day)",
        days(f.median_days_to_verified),
        f.verified,
        f.verified_undated
    );
    let overdue: Vec<String> =
        f.overdue_by_team.iter().map(|(t, n)| format!("{} {n}", team(t))).collect();
    let _ = writeln!(
        o,
        "  overdue by team: {}",
        if overdue.is_empty() { "none".into() } else { overdue.join(" · ") }
    );

    let _ =
        writeln!(o, "\nTime to detect, mitigate, resolve (median per quarter, earliest → latest)");
    for s in &i.response_times {
        let first = s.quarters.first().map_or("", |q| q.quarter.as_str());
        let last = s.quarters.last().map_or("", |q| q.quarter.as_str());
        let _ = writeln!(
            o,
            "  {}  {} quarters, {first} … {last}",
            severity(&s.severity),
            s.quarters.len()
        );
        type Pick = fn(&crate::analysis::insights::QuarterTimes) -> Option<f64>;
        let rows: [(&str, Pick); 3] = [
            ("detect", |q| q.ttd_minutes),
            ("mitigate", |q| q.ttm_minutes),
            ("resolve", |q| q.ttr_minutes),
        ];
        for (label, pick) in rows {
            let values: Vec<Option<f64>> = s.quarters.iter().map(pick).collect();
            let (a, b) = (values.first().copied().flatten(), values.last().copied().flatten());
            let _ = writeln!(
                o,
                "    {label:<9}{}  {} → {}",
                sparkline(&values),
                minutes(a),
                minutes(b)
            );
        }
    }

    let _ = writeln!(o, "\nWording kept on purpose most often");
    for k in &i.kept_wording {
        let words: Vec<String> =
            k.matched.iter().map(|m| format!("“{}”", sanitize_line(m))).collect();
        let _ = writeln!(
            o,
            "  {}  kept {} times in {} reviews: {}",
            sanitize_line(&k.rule),
            k.count,
            k.reviews,
            words.join(", ")
        );
        for (reason, n) in &k.reasons {
            let _ = writeln!(o, "      ×{n} {}", sanitize_line(reason));
        }
    }
    if i.kept_wording.is_empty() {
        let _ = writeln!(o, "  none");
    }
    o
}

fn action_counts(counts: &[(crate::model::ActionStatus, usize)]) -> String {
    if counts.is_empty() {
        return "none".into();
    }
    counts.iter().map(|(s, n)| format!("{n} {}", s.label())).collect::<Vec<_>>().join(", ")
}

/// A table cell or list item: one line, nothing in it read as Markdown or HTML.
fn cell(s: &str) -> String {
    crate::export::escape::md_cell(&sanitize_line(s))
}

/// The report as Markdown, for a wiki page or the publishing export.
pub fn markdown(i: &Insights) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Insights across reviews\n\n{}.\n", heading(i));
    let _ = writeln!(o, "## Contributing factors by quarter\n");
    let used = crate::analysis::insights::categories_used(&i.factors_by_quarter);
    let names: Vec<&str> = used.iter().map(|c| c.as_str()).collect();
    let _ = writeln!(o, "| quarter | reviews | factors | {} |", names.join(" | "));
    let _ = writeln!(o, "|---|---:|---:|{}", "---:|".repeat(used.len()));
    for q in &i.factors_by_quarter {
        let counts: Vec<String> = (used.iter())
            .map(|c| q.by_category.iter().find(|(x, _)| x == c).map_or(0, |(_, n)| *n).to_string())
            .collect();
        let _ =
            writeln!(o, "| {} | {} | {} | {} |", q.quarter, q.reviews, q.total, counts.join(" | "));
    }

    let _ = writeln!(o, "\n## Conditions that recur\n");
    for r in &i.recurring {
        let _ = writeln!(
            o,
            "- **{}**, in {} reviews (shared words: {}); actions: {}",
            r.category.as_str(),
            r.reviews,
            r.shared.join(", "),
            action_counts(&r.actions)
        );
        for f in &r.factors {
            let day = f.day.map_or("no date".into(), |d| d.to_string());
            let actions: Vec<String> =
                f.actions.iter().map(|(id, s)| format!("{id} {}", s.label())).collect();
            let _ = writeln!(
                o,
                "  - {day} · {} · {} `{}`: {} ({})",
                cell(&f.review),
                cell(
                    &f.path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                ),
                cell(&f.factor),
                cell(&f.text),
                if actions.is_empty() { "no action".into() } else { actions.join(", ") }
            );
        }
    }
    if i.recurring.is_empty() {
        let _ = writeln!(o, "None found.");
    }

    let f = &i.follow_through;
    let _ = writeln!(o, "\n## Follow-through\n");
    let _ = writeln!(o, "| measure | value |\n|---|---:|");
    let _ = writeln!(o, "| committed actions | {} |", f.committed);
    let _ = writeln!(
        o,
        "| verified within the policy window | {} of {} ({}) |",
        f.verified_in_window,
        f.window_closed,
        percent(f.share_in_window)
    );
    let _ = writeln!(
        o,
        "| median days from the incident to verified | {} |",
        days(f.median_days_to_verified)
    );
    let _ = writeln!(o, "| verified without a `verified_on` day | {} |", f.verified_undated);
    for (t, n) in &f.overdue_by_team {
        let _ = writeln!(o, "| overdue: {} | {n} |", cell(&team(t)));
    }

    let _ = writeln!(o, "\n## Time to detect, mitigate, resolve\n");
    for s in &i.response_times {
        let _ = writeln!(o, "### {}\n", cell(&severity(&s.severity)));
        let _ = writeln!(
            o,
            "| quarter | reviews | detect | mitigate | resolve |\n|---|---:|---:|---:|---:|"
        );
        for q in &s.quarters {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                q.quarter,
                q.reviews,
                minutes(q.ttd_minutes),
                minutes(q.ttm_minutes),
                minutes(q.ttr_minutes)
            );
        }
        let _ = writeln!(o);
    }

    let _ = writeln!(o, "## Wording kept on purpose\n");
    let _ = writeln!(o, "| rule | kept | reviews | words | reasons |\n|---|---:|---:|---|---|");
    for k in &i.kept_wording {
        let reasons: Vec<String> =
            k.reasons.iter().map(|(r, n)| format!("{} (×{n})", cell(r))).collect();
        let words: Vec<String> = k.matched.iter().map(|m| cell(m)).collect();
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} | {} |",
            cell(&k.rule),
            k.count,
            k.reviews,
            words.join(", "),
            reasons.join("; ")
        );
    }
    o
}

/// `report` (a review exported as Markdown or HTML) with the insights across the reviews in
/// `dir` at its end, as of today. Refused for JSON (`waterline insights --format json` is
/// that), and with redaction: insights quote other reviews' titles, factors and teams as
/// written, which names-to-roles of one review cannot vouch for.
pub fn add_to_report(
    report: &str,
    dir: &Path,
    format: crate::export::Format,
    redact: bool,
    policy: &DuePolicy,
) -> Result<String, String> {
    use crate::export::Format;
    let shown = dir.display().to_string();
    let shown = super::visible::visible(&shown);
    if redact {
        return Err("--insights quotes other reviews as written and cannot be redacted; \
                    export without one of --insights and --redact"
            .into());
    }
    if !dir.is_dir() {
        return Err(format!("{shown} is not a folder of reviews"));
    }
    let today = chrono::Local::now().date_naive();
    let found = insights(&read(dir), today, None, policy);
    match format {
        Format::Markdown => Ok(format!("{}\n{}", report.trim_end(), markdown_section(&found))),
        Format::Html => match report.rfind("</main>") {
            Some(at) => Ok(format!("{}{}{}", &report[..at], html_section(&found), &report[at..])),
            None => Err("the HTML report has no place for insights".into()),
        },
        Format::Json => Err("--insights is for Markdown and HTML reports; \
                             `waterline insights --format json` gives them to tools"
            .into()),
    }
}

/// The Markdown report one heading level down, as a section of a published review.
pub fn markdown_section(i: &Insights) -> String {
    (markdown(i).lines())
        .map(|line| if line.starts_with('#') { format!("#{line}\n") } else { format!("{line}\n") })
        .collect()
}

/// The report as a section of the HTML export: its tables, every text escaped.
pub fn html_section(i: &Insights) -> String {
    use crate::export::escape::html;
    let mut o = String::new();
    let _ = writeln!(o, "<section id=\"insights\" aria-labelledby=\"h-insights\">");
    let _ = writeln!(o, "<h2 id=\"h-insights\">Insights across reviews</h2>");
    let _ = writeln!(o, "<p>{}.</p>", html(&sanitize_line(&heading(i))));
    let used = crate::analysis::insights::categories_used(&i.factors_by_quarter);
    let mut head = vec!["quarter", "reviews", "factors"];
    head.extend(used.iter().map(|c| c.as_str()));
    let rows: Vec<Vec<String>> = (i.factors_by_quarter.iter())
        .map(|q| {
            let mut row = vec![q.quarter.clone(), q.reviews.to_string(), q.total.to_string()];
            row.extend(used.iter().map(|c| {
                q.by_category.iter().find(|(x, _)| x == c).map_or(0, |(_, n)| *n).to_string()
            }));
            row
        })
        .collect();
    html_table(&mut o, "Contributing factors by category, per quarter", &head, &rows);

    let _ = writeln!(o, "<h3>Conditions that recur</h3>");
    if i.recurring.is_empty() {
        let _ = writeln!(o, "<p>None found.</p>");
    } else {
        let _ = writeln!(o, "<ul>");
        for r in &i.recurring {
            let _ = writeln!(
                o,
                "<li><strong>{}</strong>, in {} reviews (shared words: {}); actions: {}<ul>",
                r.category.as_str(),
                r.reviews,
                html(&sanitize_line(&r.shared.join(", "))),
                action_counts(&r.actions)
            );
            for f in &r.factors {
                let day = f.day.map_or("no date".into(), |d| d.to_string());
                let actions: Vec<String> =
                    f.actions.iter().map(|(id, s)| format!("{id} {}", s.label())).collect();
                let actions =
                    if actions.is_empty() { "no action".into() } else { actions.join(", ") };
                let _ = writeln!(
                    o,
                    "<li>{day} · {} · <code>{}</code>: {} ({})</li>",
                    html(&sanitize_line(&f.review)),
                    html(&sanitize_line(&f.factor)),
                    html(&sanitize_line(&f.text)),
                    html(&sanitize_line(&actions))
                );
            }
            let _ = writeln!(o, "</ul></li>");
        }
        let _ = writeln!(o, "</ul>");
    }

    let f = &i.follow_through;
    let mut rows = vec![
        vec!["committed actions".to_string(), f.committed.to_string()],
        vec![
            "verified within the policy window".into(),
            format!(
                "{} of {} ({})",
                f.verified_in_window,
                f.window_closed,
                percent(f.share_in_window)
            ),
        ],
        vec!["median days from the incident to verified".into(), days(f.median_days_to_verified)],
        vec!["verified without a verified_on day".into(), f.verified_undated.to_string()],
    ];
    rows.extend(
        f.overdue_by_team.iter().map(|(t, n)| vec![format!("overdue: {}", team(t)), n.to_string()]),
    );
    html_table(&mut o, "Follow-through", &["measure", "value"], &rows);

    for s in &i.response_times {
        let rows: Vec<Vec<String>> = (s.quarters.iter())
            .map(|q| {
                vec![
                    q.quarter.clone(),
                    q.reviews.to_string(),
                    minutes(q.ttd_minutes),
                    minutes(q.ttm_minutes),
                    minutes(q.ttr_minutes),
                ]
            })
            .collect();
        let caption = format!("Time to detect, mitigate, resolve: {}", severity(&s.severity));
        html_table(
            &mut o,
            &caption,
            &["quarter", "reviews", "detect", "mitigate", "resolve"],
            &rows,
        );
    }

    let rows: Vec<Vec<String>> = (i.kept_wording.iter())
        .map(|k| {
            let reasons: Vec<String> =
                k.reasons.iter().map(|(r, n)| format!("{} (×{n})", sanitize_line(r))).collect();
            vec![
                sanitize_line(&k.rule),
                k.count.to_string(),
                k.reviews.to_string(),
                sanitize_line(&k.matched.join(", ")),
                reasons.join("; "),
            ]
        })
        .collect();
    let head = ["rule", "kept", "reviews", "words", "reasons"];
    html_table(&mut o, "Wording kept on purpose", &head, &rows);
    let _ = writeln!(o, "</section>");
    o
}

/// A captioned table; every cell escaped here.
fn html_table(o: &mut String, caption: &str, head: &[&str], rows: &[Vec<String>]) {
    use crate::export::escape::html;
    let _ = writeln!(o, "<table>\n<caption>{}</caption>\n<thead><tr>", html(caption));
    for h in head {
        let _ = write!(o, "<th scope=\"col\">{}</th>", html(h));
    }
    let _ = writeln!(o, "</tr></thead>\n<tbody>");
    for row in rows {
        let _ = write!(o, "<tr>");
        for c in row {
            let _ = write!(o, "<td>{}</td>", html(c));
        }
        let _ = writeln!(o, "</tr>");
    }
    let _ = writeln!(o, "</tbody>\n</table>");
}
