//! The Markdown report read back by a CommonMark parser (with GitHub's tables): headings,
//! tables with the right columns and rows, Mermaid blocks fenced as `mermaid` — and user
//! text, however hostile, arriving as text and nothing else.

mod export_support;

use export_support::{demo, hostile, render};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use waterline::export::Format;

/// What a reader of the rendered page would find.
#[derive(Default, Debug)]
struct Read {
    headings: Vec<(HeadingLevel, String)>,
    /// Per table: the header's cells, then each body row's cell count.
    tables: Vec<(Vec<String>, Vec<usize>)>,
    code_blocks: Vec<(String, String)>,
    html: Vec<String>,
    links: Vec<String>,
    text: String,
}

fn read(md: &str) -> Read {
    let mut r = Read::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut code: Option<(String, String)> = None;
    let mut in_head = false;
    let mut row_cells = 0;
    let mut cell = String::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                r.headings.extend(heading.take());
                r.text.push('\n');
            }
            Event::Start(Tag::Table(_)) => r.tables.push((Vec::new(), Vec::new())),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => row_cells = 0,
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = r.tables.last_mut() {
                    t.1.push(row_cells);
                }
            }
            Event::Start(Tag::TableCell) => cell.clear(),
            Event::End(TagEnd::TableCell) => {
                r.text.push('\n');
                row_cells += 1;
                if in_head && let Some(t) = r.tables.last_mut() {
                    t.0.push(cell.clone());
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => "(indented)".to_string(),
                };
                code = Some((info, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => r.code_blocks.extend(code.take()),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                r.links.push(dest_url.to_string());
            }
            Event::Html(h) | Event::InlineHtml(h) => r.html.push(h.to_string()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, body)) = code.as_mut() {
                    body.push_str(&t);
                } else {
                    if let Some((_, h)) = heading.as_mut() {
                        h.push_str(&t);
                    }
                    cell.push_str(&t);
                    r.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => r.text.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Item) => r.text.push('\n'),
            _ => {}
        }
    }
    r
}

fn h2s(r: &Read) -> Vec<&str> {
    r.headings.iter().filter(|(l, _)| *l == HeadingLevel::H2).map(|(_, t)| t.as_str()).collect()
}

#[test]
fn demo_headings_are_the_report_s_sections_in_order() {
    let r = read(&render(&demo(), Format::Markdown, false));
    let h1: Vec<&str> = r
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H1)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(h1, ["Card payments declined after an auth config change"]);
    assert_eq!(
        h2s(&r),
        [
            "People",
            "Summary",
            "Impact",
            "Timeline",
            "Five Whys",
            "Contributing factors",
            "Action items",
            "Behaviours",
            "Lessons",
            "Review gate"
        ]
    );
    let h3: Vec<&str> = r
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H3)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h3,
        ["Ideas, not committed", "What went well", "What went wrong", "Where we got lucky"]
    );
}

#[test]
fn demo_tables_have_their_columns_and_one_row_per_item() {
    let session = demo();
    let r = read(&render(&session, Format::Markdown, false));
    let table = |first: &str, second: &str| {
        r.tables
            .iter()
            .find(|(head, _)| {
                head.first().map(String::as_str) == Some(first)
                    && head.get(1).map(String::as_str) == Some(second)
            })
            .unwrap_or_else(|| panic!("no table headed {first} | {second}: {:?}", r.tables))
    };
    let (head, rows) = table("Id", "Time");
    assert_eq!(
        head,
        &["Id", "Time", "Milestone", "Kind", "What happened", "Source", "Known at the time"]
    );
    assert_eq!(rows.len(), session.events.len(), "one row per event");
    assert!(rows.iter().all(|n| *n == 7), "every timeline row has 7 cells: {rows:?}");

    let (head, rows) = table("Id", "Action");
    assert_eq!(head.len(), 13, "{head:?}");
    assert_eq!(&head[8..], ["Specific", "Measurable", "Assignable", "Realistic", "Systemic"]);
    let committed = session
        .actions
        .iter()
        .filter(|a| a.status.is_committed() && a.status.as_str() != "wont-do")
        .count();
    assert_eq!(rows.len(), committed);
    assert!(rows.iter().all(|n| *n == 13));

    let (head, rows) = table("Id", "Factor");
    assert_eq!(head, &["Id", "Factor", "Category", "Evidence", "Action items"]);
    assert_eq!(rows.len(), session.factors.len());

    let (_, rows) = table("Milestone", "Time (UTC)");
    assert_eq!(rows.len(), 4);
}

#[test]
fn demo_diagrams_are_fenced_as_mermaid() {
    let r = read(&render(&demo(), Format::Markdown, false));
    let infos: Vec<&str> = r.code_blocks.iter().map(|(info, _)| info.as_str()).collect();
    assert_eq!(infos, ["mermaid", "mermaid"]);
    assert!(r.code_blocks[0].1.starts_with("flowchart TD\n"));
    assert!(r.code_blocks[1].1.starts_with("flowchart LR\n"));
    // One node per published answer, plus the incident.
    let nodes = r.code_blocks[0]
        .1
        .lines()
        .filter(|l| l.trim_start().starts_with('n') && l.contains("[\""))
        .count();
    assert_eq!(nodes, 16);
}

#[test]
fn hostile_text_adds_no_heading_table_link_html_or_code_of_its_own() {
    let r = read(&render(&hostile(), Format::Markdown, false));
    assert_eq!(r.headings.iter().filter(|(l, _)| *l == HeadingLevel::H1).count(), 1);
    assert_eq!(
        h2s(&r),
        [
            "People",
            "Summary",
            "Impact",
            "Timeline",
            "Five Whys",
            "Contributing factors",
            "Action items",
            "Behaviours",
            "Lessons",
            "Parking lot",
            "Review gate"
        ]
    );
    // The only HTML is the export marker and the line breaks inside table cells.
    for h in &r.html {
        assert!(
            h.starts_with("<!-- waterline-export:") || h == "<br>",
            "HTML from user text: {h:?}"
        );
    }
    // Links only where text already was a plain web address (GitHub would link it too).
    assert!(r.links.is_empty(), "links from user text: {:?}", r.links);
    let infos: Vec<&str> = r.code_blocks.iter().map(|(info, _)| info.as_str()).collect();
    assert_eq!(infos, ["mermaid", "mermaid"], "no code block from indented or fenced text");
    // Every table keeps its shape although cells hold pipes.
    for (head, rows) in &r.tables {
        assert!(rows.iter().all(|n| *n == head.len()), "{head:?}: {rows:?}");
    }
}

#[test]
fn hostile_text_arrives_as_the_text_that_was_typed() {
    let r = read(&render(&hostile(), Format::Markdown, false));
    let title = &r.headings[0].1;
    assert_eq!(title, "# </title><script>alert('title')</script> | `end` [x](javascript:alert(1))");
    for typed in [
        "# Not a heading",
        "> not a quote",
        "- not a list",
        "1. not a numbered list",
        "<div onclick=\"alert(1)\">not html</div> &amp; not an entity",
        "Deploy | with a pipe and `backticks` and **stars** and _under_ and ~~strike~~",
        "<img src=x onerror=alert(1)> ![pixel](https://tracker.invalid/p.png)",
        "[lucky](javascript:alert(1)) link",
        "# heading-like lesson",
    ] {
        assert!(r.text.contains(typed), "{typed:?} not shown as typed in:\n{}", r.text);
    }
    assert!(
        !r.text.contains('\u{202E}') && !r.text.contains('\u{7}') && !r.text.contains('\u{1b}')
    );
    assert!(r.text.contains("Direction override and a bell and colour"));
}

#[test]
fn a_self_review_s_lessons_are_headed_in_the_first_person() {
    let session = export_support::load(&export_support::fixtures_dir().join("lessons.toml"));
    let r = read(&render(&session, Format::Markdown, false));
    let h3: Vec<&str> = r
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H3)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(h3, ["What went well for me", "What went wrong for me", "Where I got lucky"]);
    assert!(r.text.contains("I had no dashboard that split latency by index"));
}
