//! config.toml: a broken file never stops the console; each problem names where it is.

use std::fs;

use waterline::cli::config::load;
use waterline::tui::theme::ThemeName;

fn with_config(text: &str) -> waterline::cli::config::Config {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("config.toml"), text).expect("write config");
    load(Some(dir.path()))
}

#[test]
fn a_missing_config_is_simply_the_defaults() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = load(Some(dir.path()));
    assert!(config.messages.is_empty());
    assert!(config.keys.is_none() && config.theme.is_none());
}

#[test]
fn theme_and_keys_are_read() {
    let config = with_config("theme = \"high-contrast\"\n[keys.timeline]\n\"n\" = \"add_event\"\n");
    assert!(config.messages.is_empty(), "{:?}", config.messages);
    assert_eq!(config.theme, Some(ThemeName::HighContrast));
    assert!(config.keys.is_some());
}

#[test]
fn broken_toml_names_the_line_and_falls_back_to_the_defaults() {
    let config = with_config("theme = \"mono\"\n[keys\n");
    assert_eq!(config.messages.len(), 1);
    assert!(config.messages[0].contains("config.toml:2:"), "{}", config.messages[0]);
    assert!(config.messages[0].contains("using the defaults"));
    assert!(config.theme.is_none());
}

#[test]
fn unknown_theme_and_unknown_settings_are_reported_not_fatal() {
    let config = with_config("theme = \"neon\"\ncolour = \"blue\"\n");
    assert_eq!(config.messages.len(), 2, "{:?}", config.messages);
    assert!(config.messages.iter().any(|m| m.contains("neon") && m.contains("high-contrast")));
    assert!(config.messages.iter().any(|m| m.contains("`colour`")));
}

#[test]
fn every_bindable_action_is_documented_in_config_md() {
    let doc = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/CONFIG.md"))
        .expect("docs/CONFIG.md");
    for b in waterline::tui::intent::BINDABLES.iter() {
        assert!(doc.contains(&format!("`{}`", b.name)), "docs/CONFIG.md lacks `{}`", b.name);
    }
}

#[test]
fn the_severity_policy_is_read_on_top_of_the_defaults() {
    let config =
        with_config("[policy]\ndue_days = { SEV1 = 7, \"near miss\" = 90, default = 45 }\n");
    assert!(config.messages.is_empty(), "{:?}", config.messages);
    assert_eq!(config.policy.days_for("SEV1"), 7);
    assert_eq!(config.policy.days_for("SEV2"), 30, "built-in entries stay");
    assert_eq!(config.policy.days_for("Near Miss"), 90);
    assert_eq!(config.policy.days_for("SEV4"), 45);
}

#[test]
fn a_bad_policy_entry_is_reported_and_the_default_kept() {
    let config = with_config("[policy]\ndue_days = { SEV1 = -3, SEV2 = \"soon\" }\nwindow = 4\n");
    assert_eq!(config.messages.len(), 3, "{:?}", config.messages);
    assert!(config.messages.iter().any(|m| m.contains("due_days.SEV1")));
    assert!(config.messages.iter().any(|m| m.contains("`window`")));
    assert_eq!(config.policy.days_for("SEV1"), 15);
    assert_eq!(config.policy.days_for("SEV2"), 30);
}

#[test]
fn the_lock_age_is_read_and_a_bad_one_is_reported() {
    let config = with_config("[lock]\nstale_after_minutes = 90\n");
    assert!(config.messages.is_empty(), "{:?}", config.messages);
    assert_eq!(config.lock.stale_after, std::time::Duration::from_secs(90 * 60));

    let config = with_config("[lock]\nstale_after_minutes = 0\nwait = true\n");
    assert_eq!(config.messages.len(), 2, "{:?}", config.messages);
    assert!(config.messages.iter().any(|m| m.contains("`wait` is not a setting")));
    assert!(config.messages.iter().any(|m| m.contains("from 1 to 10080; using 30")));
    assert_eq!(config.lock, Default::default());
}

#[test]
fn real_team_names_are_read_and_bad_ones_reported() {
    let config = with_config("[teams]\nnames = [\"Ops\", 3, \" Infrastructure \"]\n");
    assert_eq!(config.teams, ["Ops", "Infrastructure"]);
    assert_eq!(config.messages.len(), 1, "{:?}", config.messages);
    assert!(config.messages[0].contains("[teams]"), "{}", config.messages[0]);
    let config = with_config("[teams]\nops = true\n");
    assert!(config.teams.is_empty());
    assert!(config.messages.iter().any(|m| m.contains("names = [")), "{:?}", config.messages);
}
