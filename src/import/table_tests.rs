//! CSV and JSON Lines: columns by name, quoting, times in cells, what is refused.
use super::*;
use crate::import::stamp::DatePart;

fn entries(parser: &mut dyn FnMut(&str, u64) -> Step<'static>, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match parser(line, i as u64 + 1) {
            Step::Entry(raw) => out.push(format!(
                "{}|{}|{}",
                raw.line,
                raw.text,
                raw.detail.as_deref().unwrap_or("-")
            )),
            Step::Problem { line, reason, .. } => out.push(format!("{line}!{reason}")),
            Step::Stop(message) => {
                out.push(format!("stop: {message}"));
                break;
            }
            _ => {}
        }
    }
    out
}

fn csv(fields: Fields, text: &str) -> Vec<String> {
    let mut parser = CsvParser::new(fields);
    let mut out = entries(&mut |line, n| parser.line(line, n).into_owned(), text);
    if let Some(Step::Problem { line, reason, .. }) = parser.finish() {
        out.push(format!("{line}!{reason}"));
    }
    out
}

fn jsonl(fields: Fields, text: &str) -> Vec<String> {
    let mut parser = JsonlParser::new(fields);
    entries(&mut |line, n| parser.line(line, n).into_owned(), text)
}

#[test]
fn csv_finds_usual_columns_and_reads_quoted_cells() {
    let text = "Timestamp,Service,Message,Severity\n\
                2026-03-02T09:12:00Z,payments,\"Error rate above 5%, paging\",critical\n\
                2026-03-02T09:14:00Z,payments,\"He said \"\"rollback\"\"\",info\n\
                \n\
                2026-03-02T09:15:00Z,,no service,info\n";
    assert_eq!(
        csv(Fields::default(), text),
        [
            "2|Error rate above 5%, paging|payments",
            "3|He said \"rollback\"|payments",
            "5|no service|-"
        ]
    );
}

#[test]
fn csv_columns_can_be_named_and_any_delimiter_is_sniffed() {
    let fields =
        Fields { time: Some("when".into()), text: Some("what".into()), source: Some("who".into()) };
    let text = "who;when;what\nalertmanager;2026-03-02 09:12;disk 91% full\n";
    assert_eq!(csv(fields, text), ["2|disk 91% full|alertmanager"]);
    let tabs = "time\ttext\n1772442720\tfrom epoch seconds\n";
    assert_eq!(csv(Fields::default(), tabs), ["2|from epoch seconds|-"]);
}

#[test]
fn csv_quoted_field_may_span_lines() {
    let text =
        "time,text\n2026-03-02T09:12:00Z,\"first line\nsecond line\"\n2026-03-02T09:13:00Z,next\n";
    assert_eq!(csv(Fields::default(), text), ["2|first line\nsecond line|-", "4|next|-"]);
}

#[test]
fn csv_reports_rows_it_cannot_read_with_their_line() {
    let text = "time,text\nsoon,what\n2026-03-02T09:12:00Z,\n2026-03-02T09:13:00Z\n2026-03-02T09:14:00Z,\"never closed\n";
    let got = csv(Fields::default(), text);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got[0].starts_with("2!“soon” is not a time"), "{got:?}");
    assert_eq!(got[1], "3!a time with no text after it");
    assert_eq!(got[2], "4!a time with no text after it");
    assert!(got[3].starts_with("5!a quoted field"), "{got:?}");
}

#[test]
fn csv_without_a_time_column_stops_with_the_columns_it_has() {
    let got = csv(Fields::default(), "name,comment\nx,y\n");
    assert_eq!(got.len(), 1);
    assert!(
        got[0].starts_with("stop: no column for the time; its columns are: name, comment"),
        "{got:?}"
    );
    assert!(got[0].contains("--columns"), "{got:?}");
    let named = Fields { time: Some("missing".into()), ..Fields::default() };
    assert!(csv(named, "time,text\n")[0].starts_with("stop: no column for the time"));
}

#[test]
fn jsonl_reads_usual_fields_nested_paths_and_epochs() {
    let text = r#"{"@timestamp":"2026-03-02T09:12:00.120Z","message":"pool exhausted","host":"db-1"}
{"ts":1772442780,"msg":"epoch seconds"}
{"time":1772442780500,"text":"epoch millis"}
"#;
    assert_eq!(
        jsonl(Fields::default(), text),
        ["1|pool exhausted|db-1", "2|epoch seconds|-", "3|epoch millis|-"]
    );
    let fields =
        Fields { time: Some("event.created".into()), text: Some("log.msg".into()), source: None };
    let nested = r#"{"event":{"created":"2026-03-02 09:12:00"},"log":{"msg":"nested"}}"#;
    assert_eq!(jsonl(fields, nested), ["1|nested|-"]);
}

#[test]
fn jsonl_reports_lines_it_cannot_read() {
    let text = "not json\n[1,2]\n{\"message\":\"no time\"}\n{\"time\":\"later\",\"message\":\"x\"}\n{\"time\":\"2026-03-02T09:12:00Z\"}\n";
    let got = jsonl(Fields::default(), text);
    assert!(got[0].starts_with("1!not JSON"), "{got:?}");
    assert_eq!(got[1], "2!not a JSON object");
    assert!(got[2].starts_with("3!no time in field"), "{got:?}");
    assert!(got[3].starts_with("4!“later” is not a time"), "{got:?}");
    assert!(got[4].starts_with("5!no text in field"), "{got:?}");
}

#[test]
fn time_value_reads_stamps_and_epochs_by_size() {
    let instant = |s: &str| match time_value(s) {
        Some(When::Instant(t)) => t.to_rfc3339(),
        other => panic!("{s:?}: {other:?}"),
    };
    assert_eq!(instant("1772442720"), "2026-03-02T09:12:00+00:00");
    assert_eq!(instant("1772442720.5"), "2026-03-02T09:12:00.500+00:00");
    assert_eq!(instant("1772442720123"), "2026-03-02T09:12:00.123+00:00");
    assert_eq!(instant("1772442720123456"), "2026-03-02T09:12:00.123456+00:00");
    assert!(matches!(
        time_value("2026-03-02 09:12"),
        Some(When::Wall { date: DatePart::Full(_), .. })
    ));
    for bad in ["", "-5", "1e9", "12abc", "soon", "NaN"] {
        assert_eq!(time_value(bad), None, "{bad:?}");
    }
}

#[test]
fn split_record_handles_edges() {
    let cells = |s: &str| {
        split_record(s, b',').map(|v| v.into_iter().map(Cow::into_owned).collect::<Vec<_>>())
    };
    assert_eq!(cells("a,b,"), Some(vec!["a".into(), "b".into(), String::new()]));
    assert_eq!(cells(""), Some(vec![String::new()]));
    assert_eq!(cells("\"a,b\",c"), Some(vec!["a,b".into(), "c".into()]));
    assert_eq!(cells("\"open,c"), None);
    assert_eq!(cells("\"x\"y,z"), Some(vec!["xy".into(), "z".into()]));
    assert_eq!(cells("é,\"ü\""), Some(vec!["é".into(), "ü".into()]));
}
