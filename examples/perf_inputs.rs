//! Writes the inputs `scripts/perf.sh` measures into a folder: the 20,000-event review,
//! why chains 10,000 and 40,000 deep, 11 MB of prose, 40,000 flagged lines, one 136 KB
//! line and a library of 10,000 reviews.
//!
//! `cargo run --release --example perf_inputs -- DIR`

#[path = "../benches/support/inputs.rs"]
mod inputs;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: perf_inputs DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&dir)?;
    let write = |name: &str, text: String| std::fs::write(dir.join(name), text);
    write("review-20000.toml", inputs::text_of(&inputs::big_review()))?;
    write("chain-10000.toml", inputs::text_of(&inputs::chain(10_000)))?;
    write("chain-40000.toml", inputs::text_of(&inputs::chain(40_000)))?;
    write("prose-11mb.txt", inputs::prose(11 * 1024 * 1024))?;
    write("flagged-40000.txt", inputs::flagged_lines(40_000))?;
    write("line-136kb.txt", inputs::long_line(136 * 1024))?;
    let library = dir.join("library");
    if !library.join(".complete").exists() {
        inputs::write_library(&library, 10_000)?;
        std::fs::write(library.join(".complete"), "")?;
    }
    Ok(())
}
