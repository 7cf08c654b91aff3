//! The review format's JSON Schema: the committed copy is what `waterline schema` prints,
//! and a real validator (Python's `jsonschema`) accepts the demo, the templates and every
//! fixture that loads, and refuses the fixtures whose shape is wrong.

mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn the_committed_schema_is_what_the_command_prints() {
    let out = Command::new(env!("CARGO_BIN_EXE_waterline")).arg("schema").output().unwrap();
    assert!(out.status.success());
    let committed =
        std::fs::read_to_string(Path::new(ROOT).join("docs/review.schema.json")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        committed,
        "docs/review.schema.json is out of date: run `waterline schema > docs/review.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
}

/// TOML as JSON, the way an editor's TOML language server sees it: date-times as strings.
fn to_json(value: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => J::from(*f),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// Runs Draft 7 validation over each (name, document); returns the names that failed.
fn invalid(schema: &Path, documents: &[(String, serde_json::Value)], dir: &Path) -> Vec<String> {
    let list = dir.join("documents.json");
    let docs: serde_json::Map<String, serde_json::Value> = documents.iter().cloned().collect();
    std::fs::write(&list, serde_json::to_string(&docs).unwrap()).unwrap();
    let script = "import json, sys\n\
        from jsonschema import Draft7Validator\n\
        schema = json.load(open(sys.argv[1]))\n\
        Draft7Validator.check_schema(schema)\n\
        v = Draft7Validator(schema)\n\
        for name, doc in json.load(open(sys.argv[2])).items():\n\
        \x20   errors = list(v.iter_errors(doc))\n\
        \x20   if errors:\n\
        \x20       print(name + '\\t' + errors[0].message)\n";
    let out = Command::new("python3").args(["-c", script]).arg(schema).arg(&list).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn the_demo_and_every_valid_fixture_validate_and_bad_shapes_do_not() {
    if !tools::require("python3", &["-c", "import jsonschema"]) {
        return;
    }
    let root = Path::new(ROOT);
    let mut files = vec![root.join("assets/demo.toml")];
    toml_files(&root.join("assets/templates"), &mut files);
    toml_files(&root.join("tests/fixtures"), &mut files);
    let mut valid = Vec::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        if waterline::store::parse(path, &text).is_ok() {
            let table: toml::Value = toml::from_str(&text).unwrap();
            valid.push((path.strip_prefix(root).unwrap().display().to_string(), to_json(&table)));
        }
    }
    assert!(valid.len() >= 10, "the demo, templates and fixtures: {}", valid.len());
    let dir = tempfile::tempdir().unwrap();
    let schema = root.join("docs/review.schema.json");
    assert_eq!(invalid(&schema, &valid, dir.path()), Vec::<String>::new());

    // Files the reader refuses for their shape: the schema flags them in the editor too.
    let wrong = [
        "wrong_type",
        "unknown_kind",
        "missing_title",
        "missing_incident",
        "version_text",
        "version_zero",
        "empty_title",
        "bad_due_date",
        "time_without_offset",
        "date_only_time",
        "participant_without_name",
        "missing_event_time",
    ];
    let bad: Vec<(String, serde_json::Value)> = wrong
        .iter()
        .map(|name| {
            let text =
                std::fs::read_to_string(root.join(format!("tests/fixtures/malformed/{name}.toml")))
                    .unwrap();
            (name.to_string(), to_json(&toml::from_str(&text).unwrap()))
        })
        .collect();
    let mut refused = invalid(&schema, &bad, dir.path());
    refused.sort();
    let mut expected: Vec<String> = wrong.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(refused, expected);
}
