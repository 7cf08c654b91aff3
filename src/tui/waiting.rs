//! Waiting for the next key without trusting the terminal to still be there. When the
//! terminal goes away (a closed SSH session, a killed tmux pane) crossterm's reader finds
//! the terminal always readable with nothing to read and retries forever, so its `poll`
//! never returns: the review could not be written and a core would stay busy. Here the
//! wait is on the terminal itself, and a hang-up is news of its own.

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event;

/// What a wait found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// An event is ready to read.
    Ready,
    /// Nothing came before the time was up.
    Nothing,
}

/// A resize arrives as a signal crossterm notices only when asked: waits are cut into
/// slices this long so it is asked often enough that a resize shows at once.
const SLICE: Duration = Duration::from_millis(50);

/// Waits up to `timeout` for a key, a paste, a click or a resize. A terminal that hung up
/// is an error (`UnexpectedEof`), never a wait.
pub fn wait(timeout: Duration) -> io::Result<Wait> {
    if !terminal_is_input() {
        return polled(event::poll(timeout)?);
    }
    let deadline = Instant::now() + timeout;
    loop {
        if hung_up() {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal has gone"));
        }
        if event::poll(Duration::ZERO)? {
            return Ok(Wait::Ready);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(Wait::Nothing);
        }
        if input_waiting() {
            // Bytes crossterm has not taken yet (it reads in pieces): wait rather than
            // asking again at once, which would keep a core busy until the next key.
            std::thread::sleep(left.min(SLICE));
        } else {
            input_or_hang_up(left.min(SLICE));
        }
    }
}

fn polled(ready: bool) -> io::Result<Wait> {
    Ok(if ready { Wait::Ready } else { Wait::Nothing })
}

/// Notes, while the terminal is surely there, whether keys come on standard input.
pub fn watch() {
    terminal_is_input();
}

/// Whether the terminal the keys come from has gone (hung up). Unknown when keys do not
/// come on standard input: then it is taken to be there.
pub fn terminal_gone() -> bool {
    terminal_is_input() && hung_up()
}

/// Once the terminal has gone, what would still be written to it (restoring its modes,
/// showing the cursor, a last message) goes nowhere: a write to a closed terminal fails,
/// and a failed message on standard error would end the program before the review's
/// lock is let go.
#[cfg(unix)]
pub fn let_go_of_terminal() {
    // SAFETY: opening /dev/null and duplicating it onto the standard descriptors.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
        if null >= 0 {
            for fd in [libc::STDOUT_FILENO, libc::STDERR_FILENO] {
                libc::dup2(null, fd);
            }
            libc::close(null);
        }
    }
}

#[cfg(not(unix))]
pub fn let_go_of_terminal() {}

/// Whether keys come on standard input, as crossterm reads them when it is a terminal.
/// Asked once: a terminal that has hung up no longer answers as a terminal.
#[cfg(unix)]
fn terminal_is_input() -> bool {
    static IS_TERMINAL: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    // SAFETY: isatty only inspects the descriptor.
    *IS_TERMINAL.get_or_init(|| unsafe { libc::isatty(libc::STDIN_FILENO) == 1 })
}

/// Whether the terminal has hung up: a closed terminal reports it at once.
#[cfg(unix)]
fn hung_up() -> bool {
    let (ready, revents) = poll_input(0);
    ready && revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Whether input is waiting to be read, without waiting for it.
#[cfg(unix)]
fn input_waiting() -> bool {
    let (ready, revents) = poll_input(0);
    ready && revents & libc::POLLIN != 0
}

/// Sleeps until input is waiting, the terminal hangs up, or `time` has passed.
#[cfg(unix)]
fn input_or_hang_up(time: Duration) {
    let ms = i32::try_from(time.as_millis()).unwrap_or(i32::MAX);
    poll_input(ms);
}

#[cfg(unix)]
fn poll_input(ms: i32) -> (bool, libc::c_short) {
    let mut fd = libc::pollfd { fd: libc::STDIN_FILENO, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd, for the length given.
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    (n > 0, fd.revents)
}

#[cfg(not(unix))]
fn terminal_is_input() -> bool {
    false
}

#[cfg(not(unix))]
fn hung_up() -> bool {
    false
}

#[cfg(not(unix))]
fn input_waiting() -> bool {
    false
}

#[cfg(not(unix))]
fn input_or_hang_up(_: Duration) {}
