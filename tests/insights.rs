//! `waterline insights` over a dozen reviews spanning two years (tests/fixtures/insights):
//! the numbers a team would read, worked out by hand from the fixtures.

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use waterline::analysis::insights::{Insights, insights};
use waterline::analysis::policy::DuePolicy;
use waterline::model::{ActionStatus, Category};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/insights");

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn all(since: Option<&str>) -> Insights {
    let reviews: Vec<_> = waterline::store::load_all(Path::new(FIXTURES))
        .into_iter()
        .map(|(p, l)| (p, l.expect("fixture loads").session))
        .collect();
    assert_eq!(reviews.len(), 12);
    insights(&reviews, day("2026-04-01"), since.map(day), &DuePolicy::default())
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(["insights", "--dir", FIXTURES, "--today", "2026-04-01"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn factors_are_counted_by_category_for_every_quarter_of_two_years() {
    let i = all(None);
    let quarters: Vec<(&str, usize)> =
        i.factors_by_quarter.iter().map(|q| (q.quarter.as_str(), q.total)).collect();
    assert_eq!(
        quarters,
        [
            ("2024-Q2", 4),
            ("2024-Q3", 2),
            ("2024-Q4", 1),
            ("2025-Q1", 4),
            ("2025-Q2", 1),
            ("2025-Q3", 2),
            ("2025-Q4", 2),
            ("2026-Q1", 2)
        ]
    );
    let q = &i.factors_by_quarter[3];
    let count = |c: Category| q.by_category.iter().find(|(x, _)| *x == c).unwrap().1;
    assert_eq!(
        (count(Category::Tooling), count(Category::Monitoring), count(Category::Documentation)),
        (1, 2, 1)
    );
    assert_eq!(q.reviews, 2);
}

#[test]
fn recurring_conditions_are_grouped_across_reviews_with_their_actions() {
    let i = all(None);
    let groups: Vec<(Category, usize)> =
        i.recurring.iter().map(|r| (r.category, r.reviews)).collect();
    assert_eq!(
        groups,
        [
            (Category::Tooling, 3),
            (Category::Monitoring, 3),
            (Category::Monitoring, 2),
            (Category::Capacity, 2)
        ]
    );
    let config = &i.recurring[0];
    assert!(config.shared.starts_with(&[
        "config".to_string(),
        "payment".into(),
        "schema".into(),
        "validation".into()
    ]));
    assert_eq!(config.actions, [(ActionStatus::Open, 1), (ActionStatus::Verified, 2)]);
    let days: Vec<String> = config.factors.iter().map(|f| f.day.unwrap().to_string()).collect();
    assert_eq!(days, ["2024-04-10", "2025-01-14", "2025-08-18"]);
    // The certificate alert came back after two verified fixes: the third is still open.
    let certificates = &i.recurring[1];
    assert!(certificates.shared.contains(&"certificate".to_string()));
    assert_eq!(certificates.factors[2].actions, [("a1".to_string(), ActionStatus::Open)]);
}

#[test]
fn follow_through_counts_verified_in_window_median_days_and_overdue_by_team() {
    let f = all(None).follow_through;
    assert_eq!(f.committed, 17, "ideas and won't-do left out");
    assert_eq!(f.window_closed, 16, "the last review's window is still open");
    assert_eq!(f.verified_in_window, 5);
    assert!((f.share_in_window.unwrap() - 5.0 / 16.0).abs() < 1e-9);
    assert_eq!((f.verified, f.verified_undated), (8, 1));
    // 10, 11, 18, 22, 25, 43, 48 days.
    assert_eq!(f.median_days_to_verified, Some(22.0));
    assert_eq!(
        f.overdue_by_team,
        [("Payments".to_string(), 2), ("Search".into(), 2), ("Platform".into(), 1)]
    );
}

#[test]
fn response_times_are_medians_by_severity_and_quarter() {
    let i = all(None);
    let sev2 = i.response_times.iter().find(|s| s.severity == "SEV2").unwrap();
    let last = sev2.quarters.last().unwrap();
    assert_eq!(last.quarter, "2026-Q1");
    assert_eq!(last.reviews, 2);
    // (30, 10), (60, 30), (100, 60) minutes.
    assert_eq!(
        (last.ttd_minutes, last.ttm_minutes, last.ttr_minutes),
        (Some(20.0), Some(45.0), Some(80.0))
    );
    let sev1: Vec<Option<f64>> =
        i.response_times[0].quarters.iter().map(|q| q.ttd_minutes).collect();
    assert_eq!(i.response_times[0].severity, "SEV1");
    assert_eq!(sev1, [Some(10.0), Some(8.0), Some(5.0)]);
}

#[test]
fn wording_kept_most_often_comes_first_with_its_reasons() {
    let k = all(None).kept_wording;
    assert_eq!(k[0].rule, "counterfactual-should-have");
    assert_eq!((k[0].count, k[0].reviews), (3, 3));
    assert_eq!(k[0].matched, ["should have"]);
    assert_eq!(k[0].reasons[0], ("Quoting the runbook's own wording".to_string(), 2));
    assert_eq!(k[1].rule, "condescension-just");
}

#[test]
fn since_keeps_only_reviews_started_from_that_day() {
    let i = all(Some("2025-01-01"));
    assert_eq!(i.reviews, 8);
    assert_eq!(i.factors_by_quarter.first().unwrap().quarter, "2025-Q1");
    // Config validation (2025-01, 2025-08) and certificate alerts (2025-03, 2026-03) still
    // recur; the declined-card threshold and the pool size each appear once since then.
    let groups: Vec<(Category, usize)> =
        i.recurring.iter().map(|r| (r.category, r.reviews)).collect();
    assert_eq!(groups, [(Category::Tooling, 2), (Category::Monitoring, 2)]);
    let cli = run(&["--since", "2025-01-01", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(json["reviews"], 8);
}

#[test]
fn the_command_prints_text_markdown_and_json_with_the_same_numbers() {
    let text = String::from_utf8(run(&[]).stdout).unwrap();
    assert!(
        text.contains("verified within the policy window: 5 of 16 whose window has ended (31%)"),
        "{text}"
    );
    assert!(text.contains("median days from the incident to verified: 22"));
    assert!(text.contains("overdue by team: Payments 2 · Search 2 · Platform 1"));
    assert!(
        text.contains(
            "  2024-Q2  ██████████████████████████████   4  tooling 1 · monitoring 2 · process 1"
        ),
        "{text}"
    );
    assert!(text.contains("↻ tooling, in 3 reviews"));
    assert!(!text.contains('\u{1b}'), "no colour or control sequences");

    let md = String::from_utf8(run(&["--format", "markdown"]).stdout).unwrap();
    assert!(md.contains("| 2025-Q1 | 2 | 4 |"), "{md}");
    assert!(md.contains("| verified within the policy window | 5 of 16 (31%) |"));
    assert!(md.contains("| 2026-Q1 | 2 | 20m | 45m | 1h 20m |"), "{md}");

    let out = run(&["--format", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["follow_through"]["verified_in_window"], 5);
    assert_eq!(json["recurring"][0]["category"], "tooling");
    assert_eq!(json["factors_by_quarter"].as_array().unwrap().len(), 8);
}

#[test]
fn a_folder_that_does_not_exist_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(["insights", "--dir", "/nonexistent/reviews"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `export --insights DIR` over a copy of the fixtures, one factor and title made hostile.
fn export_with_insights(format: &str, more: &[&str]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(FIXTURES).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace(
                "Connection pool too small for peak",
                "<script>alert(1)</script> pool too small for peak",
            )
            .replace(
                "title = \"Payments API timeouts under load\"",
                "title = \"Payments | <b>API</b> timeouts\"",
            );
        std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    let review = dir.path().join("2025-12-01-payments-api-timeouts.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_waterline"))
        .arg("export")
        .arg(&review)
        .args(["--format", format, "--insights"])
        .arg(dir.path())
        .args(more)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (out, dir)
}

#[test]
fn the_markdown_and_html_exports_include_the_insights_escaped() {
    let (out, _dir) = export_with_insights("markdown", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).unwrap();
    let at = md.find("## Insights across reviews").expect("a section of the report");
    assert!(md[..at].contains("pool too small"), "the review itself comes first");
    let section = &md[at..];
    assert!(section.contains("### Contributing factors by quarter"), "{section}");
    assert!(section.contains("| 2025-Q1 | 2 | 4 |"), "{section}");
    assert!(section.contains("### Wording kept on purpose"));
    assert!(section.contains("counterfactual-should-have"));
    assert!(!section.contains("<script>") && !section.contains("<b>API"), "{section}");

    let (out, _dir) = export_with_insights("html", &[]);
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    let at = html.find("<section id=\"insights\"").expect("a section of the page");
    assert!(at < html.find("</main>").unwrap(), "inside the report's main part");
    assert!(html.contains("<h2 id=\"h-insights\">Insights across reviews</h2>"));
    assert!(html.contains("<td>2025-Q1</td><td>2</td><td>4</td>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; pool"), "{html}");
    assert!(!html.contains("<script>alert") && !html.contains("<b>API"));
}

#[test]
fn insights_in_a_json_or_redacted_export_are_refused_and_nothing_is_written() {
    for (format, more) in [("json", &[][..]), ("markdown", &["--redact"][..])] {
        let (out, _dir) = export_with_insights(format, more);
        assert_eq!(out.status.code(), Some(2), "{format} {more:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--insights") && err.contains("no report was written"), "{err}");
    }
}
