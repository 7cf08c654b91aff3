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
    /// The terminal has gone, or cannot be read.
    Gone,
}

/// A resize arrives as a signal crossterm notices only when asked: waits are cut into
/// slices this long so it is asked often enough that a resize shows at once.
const SLICE: Duration = Duration::from_millis(50);

/// Waits up to `timeout` for a key, a paste, a click or a resize.
pub fn wait(timeout: Duration) -> Wait {
    if !terminal_is_input() {
        return from(event::poll(timeout));
    }
    let deadline = Instant::now() + timeout;
    loop {
        if hung_up() {
            return Wait::Gone;
        }
        match from(event::poll(Duration::ZERO)) {
            Wait::Nothing => {}
            found => return found,
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Wait::Nothing;
        }
        input_or_hang_up(left.min(SLICE));
    }
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

fn from(polled: io::Result<bool>) -> Wait {
    match polled {
        Ok(true) => Wait::Ready,
        Ok(false) => Wait::Nothing,
        Err(_) => Wait::Gone,
    }
}

/// Whether keys come on standard input, as crossterm reads them when it is a terminal.
#[cfg(unix)]
fn terminal_is_input() -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(libc::STDIN_FILENO) == 1 }
}

/// Whether the terminal has hung up: a closed terminal reports it at once.
#[cfg(unix)]
fn hung_up() -> bool {
    let (ready, revents) = poll_input(0);
    ready && revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
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
fn input_or_hang_up(_: Duration) {}
