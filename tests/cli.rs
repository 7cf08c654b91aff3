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
    for sub in ["new", "open", "demo", "actions", "completions", "man"] {
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
