//! Taking over the terminal and always giving it back: on normal exit, on error, and on
//! panic (the hook restores first, then lets the previous hook print the message).

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

/// Restores the terminal when dropped.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
    /// Mouse capture is on (config `mouse = true`), and comes back after the editor.
    mouse: bool,
}

impl TerminalGuard {
    /// Takes the terminal: once per run, so the panic hooks are installed once.
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        let terminal = ratatui::try_init()?;
        // Without bracketed paste a paste arrives as keystrokes, each newline an Enter.
        execute!(io::stdout(), EnableBracketedPaste)?;
        Ok(TerminalGuard { terminal, mouse: false })
    }

    /// Clicks and the wheel reach the console (and copy and paste need Shift in most
    /// terminals, which is why this is off unless asked for).
    pub fn capture_mouse(&mut self) -> io::Result<()> {
        self.mouse = true;
        execute!(io::stdout(), EnableMouseCapture)
    }
}

impl TerminalGuard {
    /// Gives the terminal back for a while (an external editor).
    pub fn suspend(&mut self) {
        restore();
    }

    /// Takes it again and redraws everything. The same terminal is kept, so no second
    /// panic hook is installed however often the editor comes and goes.
    pub fn resume(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        self.terminal.clear()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Undoes everything `enter` did. Safe to call more than once.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    // Not `ratatui::restore`: it reports a failure on standard error, which panics when the
    // terminal has gone, and a panic here would end the program before the lock is let go.
    let _ = ratatui::try_restore();
    let _ = io::stdout().flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
