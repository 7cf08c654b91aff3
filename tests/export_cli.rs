//! `waterline export` from a shell: formats, `-o`, redaction counts on standard error,
//! extra names from a file, and exit code 2 with nothing written on bad input.

use std::path::Path;
use std::process::{Command, Output};

fn waterline(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(args)
        .env("WATERLINE_HOME", home)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder with a copy of the example review in it.
fn review() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("card-payments.toml");
    std::fs::write(&path, waterline::assets::DEMO).expect("write the review");
    (dir, path)
}

#[test]
fn markdown_goes_to_standard_output_by_default() {
    let (dir, path) = review();
    let o = waterline(&["export", path.to_str().unwrap()], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("\n# Card payments declined after an auth config change\n"));
    assert!(stderr(&o).is_empty(), "nothing to say without --redact: {}", stderr(&o));
}

#[test]
fn each_format_is_written_to_a_file_with_o_and_to_stdout_with_dash() {
    let (dir, path) = review();
    for (format, start) in
        [("html", "<!DOCTYPE html>"), ("json", "{"), ("markdown", "<!-- waterline-export:")]
    {
        let out = dir.path().join(format!("report.{format}"));
        let o = waterline(
            &["export", path.to_str().unwrap(), "--format", format, "-o", out.to_str().unwrap()],
            dir.path(),
        );
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
        let written = std::fs::read_to_string(&out).expect("the report is written");
        assert!(written.starts_with(start), "{format}");
        let dash = waterline(
            &["export", path.to_str().unwrap(), "--format", format, "-o", "-"],
            dir.path(),
        );
        assert_eq!(stdout(&dash), written, "{format}: the same bytes either way");
    }
}

#[test]
fn redact_says_how_many_mentions_of_each_role_it_replaced() {
    let (dir, path) = review();
    let o = waterline(&["export", path.to_str().unwrap(), "--redact"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(err.starts_with("waterline: redacted "), "{err}");
    for role in [
        "payments engineer: ",
        "on-call SRE: ",
        "platform engineer: ",
        "facilitator: ",
        "action owner: ",
    ] {
        assert!(err.contains(role), "{role} in {err}");
    }
    assert!(!stdout(&o).contains("Priya"));
}

#[test]
fn redact_names_hides_people_the_review_does_not_list() {
    let (dir, path) = review();
    let text = waterline::assets::DEMO.replace(
        "text = \"On-call SRE paged and acknowledges\"",
        "text = \"On-call SRE paged and acknowledges; Lena at the processor was told\"",
    );
    std::fs::write(&path, text).unwrap();
    let names = dir.path().join("names.txt");
    std::fs::write(&names, "# people outside the room\nLena = processor contact\n").unwrap();
    let o = waterline(
        &["export", path.to_str().unwrap(), "--redact-names", names.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !stdout(&o).contains("Lena") && !stdout(&o).contains("Priya"),
        "--redact-names implies --redact"
    );
    assert!(stdout(&o).contains("processor contact at the processor was told"));
    assert!(stderr(&o).contains("processor contact: 1"), "{}", stderr(&o));
}

#[test]
fn names_from_config_are_hidden_too() {
    let (dir, path) = review();
    let text = waterline::assets::DEMO
        .replace("text = \"First customer reports", "text = \"Omar saw the first customer reports");
    std::fs::write(&path, text).unwrap();
    std::fs::write(dir.path().join("config.toml"), "[export]\nredact_names = [\"Omar\"]\n")
        .unwrap();
    let o = waterline(&["export", path.to_str().unwrap(), "--redact"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("another person saw the first customer reports"), "{}", stdout(&o));
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let (dir, path) = review();
    let out = dir.path().join("out.md");
    let p = path.to_str().unwrap();
    let o = &out.to_str().unwrap();

    let missing = waterline(&["export", "no-such-review.toml", "-o", o], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such-review.toml"));

    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "waterline = 1\n[incident]\ntitle = \"\"\n").unwrap();
    let bad = waterline(&["export", broken.to_str().unwrap(), "-o", o], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("broken.toml:3:"), "{}", stderr(&bad));

    let names =
        waterline(&["export", p, "--redact-names", "no-such-names.txt", "-o", o], dir.path());
    assert_eq!(names.status.code(), Some(2));
    assert!(stderr(&names).contains("no-such-names.txt"));

    let format = waterline(&["export", p, "--format", "pdf"], dir.path());
    assert_eq!(format.status.code(), Some(2));
    assert!(!out.exists(), "nothing written on bad input");
}

#[test]
fn the_review_itself_is_never_the_output() {
    let (dir, path) = review();
    let before = std::fs::read(&path).unwrap();
    let o =
        waterline(&["export", path.to_str().unwrap(), "-o", path.to_str().unwrap()], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is the review itself"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn two_runs_give_the_same_bytes() {
    let (dir, path) = review();
    for format in ["markdown", "html", "json"] {
        let a = waterline(
            &["export", path.to_str().unwrap(), "--format", format, "--redact"],
            dir.path(),
        );
        let b = waterline(
            &["export", path.to_str().unwrap(), "--format", format, "--redact"],
            dir.path(),
        );
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn the_json_export_lists_the_findings_check_reports() {
    let (dir, path) = review();
    let check = waterline(&["check", path.to_str().unwrap(), "--format", "json"], dir.path());
    let export = waterline(&["export", path.to_str().unwrap(), "--format", "json"], dir.path());
    let check: serde_json::Value = serde_json::from_slice(&check.stdout).expect("check JSON");
    let export: serde_json::Value = serde_json::from_slice(&export.stdout).expect("export JSON");
    assert_eq!(export["analysis"]["findings"], check["files"][0]["findings"]);
    assert_eq!(export["analysis"]["gate"], check["files"][0]["gate"]);
}
