//! The command line as a shell user meets it: help, version, completions, bad input.

use std::process::Command;

fn waterline(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(args)
        .env("WATERLINE_HOME", home.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn version_and_help_work_on_every_command() {
    let v = waterline(&["--version"]);
    assert!(v.status.success());
    assert!(stdout(&v).starts_with("waterline "), "{}", stdout(&v));
    for sub in [
        "new",
        "open",
        "demo",
        "actions",
        "completions",
        "man",
        "insights",
        "merge",
        "schema",
        "lsp",
    ] {
        let h = waterline(&[sub, "--help"]);
        assert!(h.status.success(), "{sub} --help");
        assert!(stdout(&h).contains("Usage: waterline"), "{sub}: {}", stdout(&h));
        assert!(waterline(&[sub, "--version"]).status.success(), "{sub} --version");
    }
}

#[test]
fn an_unknown_option_is_a_usage_error_with_exit_code_2() {
    let o = waterline(&["--frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--frobnicate"));
}

#[test]
fn an_unknown_template_lists_the_ones_that_exist() {
    let o = waterline(&["new", "Title", "--template", "postmortem"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("near-miss") && err.contains("self-review"), "{err}");
}

#[test]
fn opening_a_missing_file_says_so_and_exits_2() {
    let o = waterline(&["open", "no-such-review.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-review.toml"), "{}", stderr(&o));
}

#[test]
fn completions_and_man_page_are_generated_from_the_command_line_definition() {
    let bash = waterline(&["completions", "bash"]);
    assert!(bash.status.success());
    assert!(stdout(&bash).contains("waterline") && stdout(&bash).contains("demo"));
    let man = waterline(&["man"]);
    assert!(man.status.success());
    assert!(stdout(&man).contains(".TH waterline"));
}

fn waterline_in(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let home = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_waterline"))
        .args(args)
        .env("WATERLINE_HOME", home.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("written");
    child.wait_with_output().expect("finishes")
}

#[test]
fn lint_reads_standard_input_and_points_at_the_words() {
    let o =
        waterline_in(&["lint"], "All good here.\nThe engineer should have checked the config.\n");
    assert_eq!(o.status.code(), Some(0), "warnings alone do not fail lint");
    let out = stdout(&o);
    assert!(out.contains("-:2:14: warning[counterfactual-should-have]"), "{out}");
    assert!(out.contains("^^^^^^^^^^^"), "the span is underlined: {out}");
    assert!(out.contains("= help: "), "{out}");
}

#[test]
fn lint_json_has_the_documented_fields() {
    let o = waterline_in(&["lint", "--format", "json", "-"], "Dev was careless.\n");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let f = &v["findings"][0];
    for key in [
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "category",
        "severity",
        "matched",
        "message",
        "suggestion",
    ] {
        assert!(!f[key].is_null(), "{key} missing in {f}");
    }
    assert_eq!(f["matched"], "careless");
}

#[test]
fn check_reports_the_gate_and_fails_a_published_review_that_does_not_pass() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.toml");
    std::fs::write(&path, "waterline = 1\n[incident]\ntitle = \"T\"\nstatus = \"reviewed\"\n")
        .expect("written");
    let o = waterline(&["check", "--format", "json", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let file = &v["files"][0];
    assert_eq!(file["gate"]["passed"], false);
    assert_eq!(file["gate"]["score"][1], 8);
    assert!(file["findings"].as_array().expect("list").iter().any(|f| f["category"] == "gate"));
}

#[test]
fn check_of_the_demo_passes_without_strict_and_fails_with_it() {
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.toml");
    assert_eq!(waterline(&["check", demo]).status.code(), Some(0));
    assert_eq!(waterline(&["check", "--strict", demo]).status.code(), Some(1));
}

#[test]
fn check_of_an_unreadable_file_exits_2_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "waterline = 1\n[incident]\ntitle = 3\n").expect("written");
    let o = waterline(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.toml:3:"), "{}", stderr(&o));
}

#[test]
fn a_user_lexicon_in_the_config_folder_switches_a_rule_off_and_a_broken_one_says_so() {
    use std::io::Write;
    let home = tempfile::tempdir().expect("temp dir");
    let run = |text: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_waterline"))
            .args(["lint", "--format", "json"])
            .env("WATERLINE_HOME", home.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        child.stdin.take().expect("stdin").write_all(text.as_bytes()).expect("written");
        child.wait_with_output().expect("finishes")
    };
    let sentence = "The engineer should have checked the config.\n";
    let before = run(sentence);
    assert!(stdout(&before).contains("counterfactual-should-have"));
    std::fs::write(
        home.path().join("lexicon.toml"),
        "disable = [\"counterfactual-should-have\"]\n",
    )
    .expect("written");
    let after = run(sentence);
    assert!(!stdout(&after).contains("counterfactual-should-have"), "{}", stdout(&after));
    std::fs::write(home.path().join("lexicon.toml"), "disable = [\n").expect("written");
    let broken = run(sentence);
    assert!(stderr(&broken).contains("lexicon.toml"), "{}", stderr(&broken));
    assert!(stdout(&broken).contains("counterfactual-should-have"), "built-in rules still apply");
}

/// A text long enough to be linted in many pieces on every core: the output must be
/// exactly what one pass over it gives, joined in order, in JSON and as text.
#[test]
fn a_long_text_lints_as_one_pass_would() {
    use waterline::analysis::language::{Finding, LintContext, Severity, lint};
    let paragraphs = [
        "The engineer should have checked the config before the deploy.",
        "He was careless and \"rushed the change\" through review.",
        "Root cause: human error during a manual failover.",
        "The dashboard showed a global average, which hid the spike.",
        "`should have` is quoted here, and so is ‘she forgot’.",
        "We failed to page the on-call engineer; nobody knew why.",
    ];
    let separators = ["\n\n", "\n \n", "\n\u{a0}\n", "\n", " "];
    let mut text = String::new();
    for i in 0..24_000 {
        text.push_str(paragraphs[i % paragraphs.len()]);
        text.push_str(separators[(i / 3) % separators.len()]);
    }
    assert!(text.len() > 1_000_000, "several pieces of 256 KB");
    let found = lint(&text, &LintContext::default());
    assert!(found.len() > 10_000);

    #[derive(serde::Serialize)]
    struct Output<'a> {
        path: &'a str,
        findings: &'a [Finding],
    }
    let json = waterline_in(&["lint", "--format", "json", "-"], &text);
    let whole = waterline::cli::visible::json(&Output { path: "-", findings: &found });
    assert_eq!(stdout(&json), format!("{}\n", whole.expect("json")));

    let plain = waterline_in(&["lint", "-"], &text);
    let count = |s: Severity| found.iter().filter(|f| f.severity == s).count();
    let summary = format!(
        "{} error(s), {} warning(s), {} note(s)\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    let out = stdout(&plain);
    assert!(out.ends_with(&summary), "{}", &out[out.len().saturating_sub(200)..]);
    let located = out.lines().filter(|l| l.starts_with("-:")).count();
    assert_eq!(located, found.len(), "one located report per finding");
}
