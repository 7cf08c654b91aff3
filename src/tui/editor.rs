//! Long fields in the person's own editor, as `git commit` does: hand over the terminal,
//! wait, take it back, read the file.

use std::io::Write;
use std::process::Command;

use crate::tui::terminal::TerminalGuard;

/// `$VISUAL`, else `$EDITOR`, else `vi`; may carry arguments (`code --wait`).
fn editor_command() -> Vec<String> {
    let chosen = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    chosen.split_whitespace().map(str::to_string).collect()
}

pub fn edit(text: &str, guard: &mut TerminalGuard) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("waterline-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("could not make a file for the editor: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("could not write the file for the editor: {e}"))?;
    let command = editor_command();
    let Some((program, args)) = command.split_first() else {
        return Err("no editor is set: set $VISUAL or $EDITOR".into());
    };
    guard.suspend();
    let status = Command::new(program).args(args).arg(file.path()).status();
    guard.resume().map_err(|e| format!("could not take the terminal back: {e}"))?;
    match status {
        Ok(s) if s.success() => std::fs::read_to_string(file.path())
            .map_err(|e| format!("could not read the edited text: {e}")),
        Ok(s) => Err(format!("{program} exited with {s}; the field is unchanged")),
        Err(e) => Err(format!("could not start {program}: {e}; set $VISUAL or $EDITOR")),
    }
}
