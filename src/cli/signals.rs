//! Signals that must not cost a review. A file-size limit (`ulimit -f`) turns into an
//! ordinary save error instead of killing the process; a request to end (SIGTERM, or
//! SIGHUP when an SSH session closes) becomes a flag the console loop polls, so it can
//! save or rescue pending edits and restore the terminal before it leaves.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Why the process was asked to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndRequest {
    /// SIGTERM: a shutdown, `kill`, a service manager.
    Terminate,
    /// SIGHUP: the terminal went away (a closed SSH session, a closed window).
    HangUp,
}

/// Makes writing past the file-size limit fail with EFBIG, which a save reports, instead
/// of SIGXFSZ ending the process with the terminal still in the alternate screen and a
/// temporary file left behind. Call once, at start. A handler (not "ignore") is used so
/// that programs started from here, like `$EDITOR`, get the default behaviour back.
pub fn survive_file_size_limit() -> io::Result<()> {
    #[cfg(unix)]
    {
        let hit = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGXFSZ, hit)?;
    }
    Ok(())
}

/// SIGTERM and SIGHUP, caught as flags for the console loop to poll. A second signal of
/// the same kind, while the first is still pending, ends the process at once (exit code
/// 1), so a loop that has stopped polling can still be ended.
///
/// Install this only where a loop polls it: installed, these signals no longer end the
/// process by themselves.
#[derive(Debug)]
pub struct EndRequests {
    terminate: Arc<AtomicBool>,
    hang_up: Arc<AtomicBool>,
}

impl EndRequests {
    pub fn install() -> io::Result<Self> {
        let requests = EndRequests {
            terminate: Arc::new(AtomicBool::new(false)),
            hang_up: Arc::new(AtomicBool::new(false)),
        };
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGTERM};
            use signal_hook::flag;
            for (signal, flag_set) in [(SIGTERM, &requests.terminate), (SIGHUP, &requests.hang_up)]
            {
                // Registered first, so it sees the flag before this signal sets it.
                flag::register_conditional_shutdown(signal, 1, Arc::clone(flag_set))?;
                flag::register(signal, Arc::clone(flag_set))?;
            }
        }
        Ok(requests)
    }

    /// The pending request, if any; taking it clears it.
    pub fn take(&self) -> Option<EndRequest> {
        if self.hang_up.swap(false, Ordering::SeqCst) {
            Some(EndRequest::HangUp)
        } else if self.terminate.swap(false, Ordering::SeqCst) {
            Some(EndRequest::Terminate)
        } else {
            None
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn sigterm_and_sighup_become_requests_instead_of_ending_the_process() {
        let requests = EndRequests::install().unwrap();
        assert_eq!(requests.take(), None);
        signal_hook::low_level::raise(signal_hook::consts::SIGTERM).unwrap();
        assert_eq!(requests.take(), Some(EndRequest::Terminate));
        assert_eq!(requests.take(), None, "taking a request clears it");
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).unwrap();
        assert_eq!(requests.take(), Some(EndRequest::HangUp));
    }
}
