//! The example review as the three reports a facilitator publishes, with and without
//! names: what each must say and leave out, then the whole of it as a reviewed snapshot.

mod export_support;

use export_support::{demo, render, versionless};
use waterline::export::Format;

const NAMES: [&str; 8] = ["Priya", "Dev", "Sarah", "Jonas", "Amara", "Marta", "Kenji", "Sarah"];

#[test]
fn markdown_of_the_demo_reads_as_a_postmortem() {
    let md = render(&demo(), Format::Markdown, false);
    assert!(md.starts_with("<!-- waterline-export:"), "the marker comes first");
    assert!(md.contains("\n# Card payments declined after an auth config change\n"));
    for heading in [
        "## People",
        "## Summary",
        "## Impact",
        "## Timeline",
        "## Five Whys",
        "## Contributing factors",
        "## Action items",
        "## Behaviours",
        "## Lessons",
        "## Review gate",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "{heading}");
    }
    assert!(md.contains("| Detected | 2026-03-06 09:31 | 19m — time to detect |"));
    assert!(
        md.contains("| e7 | 09:31 | ⚑ detected | detection |"),
        "milestones are marked on their event"
    );
    // The wrong turn is not published as a statement; the count is.
    assert!(!md.contains("was tired"));
    assert!(md.contains("1 answer that stopped at a person was asked again in system terms"));
    // Behaviours are counts unless asked for; acts never name anyone anyway.
    assert!(md.contains("| at-risk (drift) | 1 |"));
    assert!(!md.contains("Merged and deployed the key-rotation config change"));
    assert!(md.contains("### Where we got lucky"));
    assert!(md.contains("**7 of 8 — not ready yet**"));
    assert_eq!(md.matches("```mermaid").count(), 2);
    insta::assert_snapshot!("markdown", versionless(&md));
}

#[test]
fn redacted_markdown_of_the_demo_names_roles_only() {
    let md = render(&demo(), Format::Markdown, true);
    for name in NAMES {
        assert!(!md.contains(name), "{name} is still in the report");
    }
    assert!(md.contains("- payments engineer\n- on-call SRE\n"), "participants by role");
    assert!(md.contains("Facilitator: facilitator (SRE, not involved in the response)"));
    assert!(md.contains("| a2 | Roll config changes out"), "actions stay");
    assert!(
        md.contains("| Platform | action owner | 2026-03-21 |"),
        "an owner who was not in the room is hidden too"
    );
    insta::assert_snapshot!("markdown_redacted", versionless(&md));
}

#[test]
fn html_of_the_demo_is_one_page_with_its_own_diagrams() {
    let html = render(&demo(), Format::Html, false);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta name=\"waterline-export\" content=\"waterline-export:"));
    assert!(html.contains("default-src 'none'"), "nothing may be fetched or run");
    assert!(!html.contains("<script"));
    assert!(!html.contains("<link") && !html.contains("<img"), "nothing outside the file");
    assert_eq!(html.matches("<svg ").count(), 3, "timeline strip, whys tree, factors figure");
    assert_eq!(html.matches("<title id=").count(), 3, "every diagram has a title");
    assert!(html.contains("@media print") && html.contains("break-inside: avoid"));
    assert!(html.contains("prefers-color-scheme: dark"));
    assert!(html.contains("<th scope=\"col\">What happened</th>"));
    assert!(!html.contains("was tired"));
    insta::assert_snapshot!("html", versionless(&html));
}

#[test]
fn redacted_html_of_the_demo_names_roles_only() {
    let html = render(&demo(), Format::Html, true);
    for name in NAMES {
        assert!(!html.contains(name), "{name} is still in the page");
    }
    insta::assert_snapshot!("html_redacted", versionless(&html));
}

#[test]
fn json_of_the_demo_carries_the_review_and_every_analysis_result() {
    let text = render(&demo(), Format::Json, false);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["export"]["version"], 1);
    assert_eq!(
        json["review"]["incident"]["title"],
        "Card payments declined after an auth config change"
    );
    assert_eq!(json["review"]["events"].as_array().map(Vec::len), Some(18));
    assert_eq!(json["review"]["events"][6]["milestones"][0], "detected");
    assert_eq!(json["review"]["behaviours"], serde_json::Value::Null, "acts only when asked");
    assert_eq!(json["review"]["lessons"]["lucky"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["analysis"]["gate"]["score"], serde_json::json!([7, 8]));
    assert_eq!(json["analysis"]["durations"]["time_to_resolve"]["seconds"], 7380);
    assert_eq!(json["analysis"]["whys"]["wrong_turns_reframed"], 1);
    let a5 = &json["analysis"]["actions"][4];
    assert_eq!(a5["id"], "a5");
    assert_eq!(a5["criteria"]["realistic"]["result"], "warn");
    assert_eq!(a5["strength"], "tooling");
    let f5 = &json["analysis"]["coverage"]["factors"][4];
    assert_eq!((f5["id"].as_str(), f5["covered"].as_bool()), (Some("f5"), Some(false)));
    let outcomes = json["analysis"]["behaviours"]["outcomes"].as_array().expect("outcomes");
    let counted: Vec<&str> =
        outcomes.iter().filter(|o| o["count"] != 0).filter_map(|o| o["id"].as_str()).collect();
    assert_eq!(counted, ["human-error", "at-risk-drift"]);
    assert!(json["analysis"]["findings"].as_array().is_some_and(|f| !f.is_empty()));
    insta::assert_snapshot!("json", versionless(&text));
}

#[test]
fn redacted_json_of_the_demo_names_roles_only() {
    let text = render(&demo(), Format::Json, true);
    for name in NAMES {
        assert!(!text.contains(name), "{name} is still in the JSON");
    }
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["export"]["redacted"], true);
    assert_eq!(json["review"]["incident"]["participants"][1]["name"], "on-call SRE");
    insta::assert_snapshot!("json_redacted", versionless(&text));
}

#[test]
fn the_same_review_gives_the_same_bytes() {
    for format in waterline::export::Format::ALL {
        for redact in [false, true] {
            assert_eq!(
                render(&demo(), format, redact),
                render(&demo(), format, redact),
                "{format:?}"
            );
        }
    }
}
