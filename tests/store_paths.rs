//! Where reviews live. One test in its own binary, because it sets an environment variable.

use std::path::PathBuf;

use waterline::store;

#[test]
fn waterline_home_overrides_both_folders_and_empty_means_unset() {
    // SAFETY: this binary has a single test, so no other thread reads the environment.
    unsafe { std::env::set_var("WATERLINE_HOME", "/tmp/waterline-reviews") };
    assert_eq!(store::data_dir(), Some(PathBuf::from("/tmp/waterline-reviews")));
    assert_eq!(store::config_dir(), Some(PathBuf::from("/tmp/waterline-reviews")));

    unsafe { std::env::set_var("WATERLINE_HOME", "") };
    let data = store::data_dir();
    assert_ne!(data, Some(PathBuf::new()));
    // Without the override the platform folders are used, named for the program.
    if let (Some(data), Some(config)) = (data, store::config_dir()) {
        assert!(data.to_string_lossy().contains("waterline"), "{}", data.display());
        assert!(config.to_string_lossy().contains("waterline"), "{}", config.display());
    }
}
