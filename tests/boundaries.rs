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

/// The layers below the console, by folder. `export` and `import` are checked from the day
/// they exist.
const CORE: [&str; 5] = ["model", "analysis", "store", "export", "import"];

#[test]
fn the_core_layers_never_reach_into_the_console() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut checked = 0;
    for layer in CORE {
        let dir = src.join(layer);
        let mut files = Vec::new();
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
        // A layer may also be a single file (`src/export.rs`).
        let single = src.join(format!("{layer}.rs"));
        if single.is_file() {
            files.push(single);
        }
        for path in files {
            checked += 1;
            let text = fs::read_to_string(&path).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if names_the_console(code) {
                    let shown = path.strip_prefix(&src).unwrap_or(&path).display().to_string();
                    offenders.push(format!("{shown}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(checked > 20, "found the core's source files ({checked})");
    assert!(offenders.is_empty(), "the console named below it:\n{}", offenders.join("\n"));
}

/// `crate::tui`, `super::tui`, `tui::…`, `waterline::tui` — any path into the console.
fn names_the_console(code: &str) -> bool {
    let bytes = code.as_bytes();
    code.match_indices("tui").any(|(at, _)| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + 3).copied();
        let word_start = !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
        let path_before = at >= 2 && &code[at - 2..at] == "::";
        let path_after = after == Some(b':') && bytes.get(at + 4) == Some(&b':');
        word_start && (path_before || path_after)
    })
}

#[test]
fn the_console_path_check_catches_every_spelling() {
    for code in
        ["use crate::tui::app::Model;", "crate::tui::theme::Theme", "use super::tui;", "tui::run()"]
    {
        assert!(names_the_console(code), "{code}");
    }
    for code in ["let tuition = 1;", "mytui::x", "\"tui\"", "struct Tui;"] {
        assert!(!names_the_console(code), "{code}");
    }
}

#[test]
fn main_only_hands_over() {
    let main = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs"))
        .expect("main.rs is readable");
    assert!(main.lines().count() <= 40, "main.rs is {} lines", main.lines().count());
}
