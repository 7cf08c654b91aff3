//! A review made of hostile text exports to HTML whose every tag is one waterline wrote,
//! JSON that parses back to the text as typed (less control characters), and Mermaid
//! whose every line has the shape waterline gives it. Private notes never appear.

mod export_support;

use export_support::{demo, fixtures, hostile, render};
use waterline::export::{self, Format, Options};

const TAGS: [&str; 38] = [
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "section",
    "h1",
    "h2",
    "h3",
    "p",
    "b",
    "br",
    "ul",
    "li",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "abbr",
    "figure",
    "svg",
    "desc",
    "rect",
    "line",
    "path",
    "text",
    "figcaption",
    "i",
];
const ENTITIES: [&str; 5] = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

/// Every tag in `html`: its name and attribute names. Panics on anything that is not a
/// well-formed tag with double-quoted attributes, or a stray `>` or `&` in text.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        check_text(&rest[..open]);
        rest = &rest[open + 1..];
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/' && !rest.starts_with('/'))
            .unwrap_or(rest.len());
        let closing = rest.starts_with('/');
        let name = rest[..name_len].trim_start_matches('/').to_string();
        rest = &rest[name_len..];
        let mut attributes = Vec::new();
        if name == "!DOCTYPE" {
            let close = rest.find('>').expect("doctype is closed");
            assert_eq!(&rest[..close], " html");
            rest = &rest[close + 1..];
            out.push((name, attributes));
            continue;
        }
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix("/>").or_else(|| rest.strip_prefix('>')) {
                rest = r;
                break;
            }
            let eq = rest.find('=').unwrap_or_else(|| {
                panic!("attribute without a value at {:?}", &rest[..rest.len().min(60)])
            });
            let attribute = rest[..eq].to_string();
            assert!(
                attribute.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "odd attribute {attribute:?}"
            );
            let value = rest[eq + 1..]
                .strip_prefix('"')
                .unwrap_or_else(|| panic!("unquoted value for {attribute}"));
            let end = value.find('"').unwrap_or_else(|| panic!("unclosed value for {attribute}"));
            assert!(
                !value[..end].contains(['<', '>']),
                "markup inside {attribute}: {:?}",
                &value[..end]
            );
            attributes.push(attribute);
            rest = &value[end + 1..];
        }
        if name == "style" && !closing {
            // The stylesheet is waterline's own; skip to its end.
            let close = rest.find("</style>").expect("style is closed");
            rest = &rest[close..];
        }
        out.push((name, attributes));
    }
    check_text(rest);
    out
}

fn check_text(text: &str) {
    assert!(!text.contains('>'), "a bare > in text: {text:?}");
    for (at, _) in text.match_indices('&') {
        assert!(
            ENTITIES.iter().any(|e| text[at..].starts_with(e)),
            "a bare & in text: {:?}",
            &text[at..]
        );
    }
}

#[test]
fn every_tag_in_the_hostile_html_is_one_waterline_writes() {
    for redact in [false, true] {
        let html = render(&hostile(), Format::Html, redact);
        for (name, attributes) in tags(&html) {
            assert!(TAGS.contains(&name.as_str()), "tag <{name}> came from user text");
            assert!(
                !attributes.iter().any(|a| a.starts_with("on")),
                "<{name}> has an event handler"
            );
        }
        assert!(
            html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"),
            "the title is shown as typed"
        );
        assert!(html.contains("&lt;/svg&gt;&lt;svg onload=alert(1)&gt;"));
    }
}

#[test]
fn the_demo_html_is_well_formed_too() {
    let tags = tags(&render(&demo(), Format::Html, false));
    assert!(tags.iter().all(|(name, _)| TAGS.contains(&name.as_str())));
}

#[test]
fn hostile_json_parses_back_to_the_text_as_typed() {
    let text = render(&hostile(), Format::Json, false);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let review = &json["review"];
    assert_eq!(
        review["incident"]["title"],
        "# </title><script>alert('title')</script> | `end` [x](javascript:alert(1))"
    );
    assert_eq!(
        review["events"][0]["text"],
        "Deploy | with a pipe and `backticks` and **stars** and _under_ and ~~strike~~"
    );
    assert_eq!(review["events"][2]["text"], "Line one\nline two\n\n# line after a blank");
    assert_eq!(review["events"][3]["id"], "e4");
    // Control characters and direction overrides are gone, the words stay.
    assert_eq!(review["incident"]["impact"], "Direction override and a bell and colour");
    assert!(!text.contains("\\u001b") && !text.contains('\u{202E}') && !text.contains("\\u0007"));
}

#[test]
fn mermaid_blocks_keep_their_shape_whatever_the_labels_say() {
    let md = render(&hostile(), Format::Markdown, false);
    let blocks: Vec<&str> =
        md.split("```mermaid\n").skip(1).filter_map(|b| b.split("```").next()).collect();
    assert_eq!(blocks.len(), 2);
    for block in blocks {
        for line in block.lines().skip(1) {
            let line = line.trim();
            let shaped = if let Some((id, label)) =
                line.split_once("[\"").or_else(|| line.split_once("([\""))
            {
                let label = label.trim_end_matches("\"])").trim_end_matches("\"]");
                id.chars().all(|c| c.is_ascii_alphanumeric() || c == '(') && !label.contains('"')
            } else if let Some((from, to)) =
                line.split_once(" --> ").or_else(|| line.split_once(" --- "))
            {
                [from, to].iter().all(|id| id.chars().all(|c| c.is_ascii_alphanumeric()))
            } else {
                line.starts_with("classDef ") || line.starts_with("class ")
            };
            assert!(shaped, "a line of unexpected shape: {line:?}");
        }
    }
}

#[test]
fn private_notes_and_wrong_turns_are_never_published() {
    for format in Format::ALL {
        for redact in [false, true] {
            let options = Options {
                redact,
                include_behaviours: true,
                include_dismissed: true,
                ..Options::default()
            };
            let text = export::render(&hostile(), "hostile.toml", format, &options).text;
            assert!(!text.contains("PRIVATE-NOTE-NEVER-PUBLISHED"), "{format:?}");
            assert!(
                !text.contains("careless with the query"),
                "{format:?}: a wrong turn as a statement"
            );
            assert!(
                !text.contains("Reframed from"),
                "{format:?}: a note that quotes the wrong turn"
            );
        }
    }
}

#[test]
fn behaviours_and_dismissed_wording_only_when_asked() {
    let session = hostile();
    let plain = export::render(&session, "h.toml", Format::Markdown, &Options::default()).text;
    assert!(!plain.contains("Ran the query") && !plain.contains("Quoting"));
    let options =
        Options { include_behaviours: true, include_dismissed: true, ..Options::default() };
    let full = export::render(&session, "h.toml", Format::Markdown, &options).text;
    assert!(full.contains("Ran the query \\<script\\>x\\</script\\> against production"));
    assert!(full.contains("## Wording kept on purpose"));
    assert!(full.contains("Quoting \\<the\\> room \\| verbatim"));
}

#[test]
fn every_fixture_exports_the_same_bytes_twice() {
    for (path, session) in fixtures() {
        for format in Format::ALL {
            let once = render(&session, format, true);
            assert_eq!(once, render(&session, format, true), "{} {format:?}", path.display());
        }
    }
}
