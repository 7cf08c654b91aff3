//! The house rule: only the console knows about the terminal. The document, its checks
//! and its storage compile and test without ratatui or crossterm.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_console_names_the_terminal_libraries() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 10, "found the source files");
    let offenders: Vec<String> = files
        .iter()
        .filter(|p| !p.starts_with(src.join("tui")))
        .filter(|p| {
            let text = fs::read_to_string(p).unwrap_or_default();
            ["ratatui", "crossterm"].iter().any(|lib| text.contains(lib))
        })
        .map(|p| p.strip_prefix(&src).unwrap_or(p).display().to_string())
        .collect();
    assert!(offenders.is_empty(), "terminal libraries named outside src/tui: {offenders:?}");
}

#[test]
fn main_only_hands_over() {
    let main = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs"))
        .expect("main.rs is readable");
    assert!(main.lines().count() <= 40, "main.rs is {} lines", main.lines().count());
}
