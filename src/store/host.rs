//! Who and where this process runs, and whether another process on this host still runs:
//! what a lock record says about its writer, and what tells a stale lock from a live one.

/// This machine's name, as other hosts sharing the folder would see it in a lock record.
pub(super) fn host_name() -> String {
    let name = platform::host_name().unwrap_or_default();
    let name = crate::model::text::sanitize_line(&name);
    if name.is_empty() { "unknown-host".to_string() } else { name }
}

/// The person running waterline: `USER`, else `LOGNAME` / `USERNAME`, else the user id.
pub(super) fn user_name() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .map(|name| crate::model::text::sanitize_line(&name))
        .find(|name| !name.is_empty())
        .unwrap_or_else(platform::user_fallback)
}

/// Whether process `pid` on this host still runs. When that cannot be known, it is taken
/// to run: a lock is never treated as stale on a guess.
pub(super) fn process_alive(pid: u32) -> bool {
    platform::process_alive(pid)
}

#[cfg(unix)]
mod platform {
    pub fn host_name() -> Option<String> {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for writes of its whole length, which is passed along.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc != 0 {
            return None;
        }
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        Some(String::from_utf8_lossy(&buf[..end]).into_owned())
    }

    pub fn user_fallback() -> String {
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() };
        format!("uid {uid}")
    }

    pub fn process_alive(pid: u32) -> bool {
        // 0 and negative ids name process groups to `kill`, never one process.
        let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
        if pid <= 0 {
            return false;
        }
        // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
        let rc = unsafe { libc::kill(pid, 0) };
        // EPERM: it exists but belongs to someone else.
        rc == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
}

#[cfg(not(unix))]
mod platform {
    pub fn host_name() -> Option<String> {
        std::env::var("COMPUTERNAME").ok()
    }

    pub fn user_fallback() -> String {
        "unknown-user".to_string()
    }

    pub fn process_alive(_pid: u32) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_an_ended_child_is_not() {
        assert!(process_alive(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!process_alive(pid));
        assert!(!process_alive(0), "0 names a process group, not a process");
    }

    #[test]
    fn host_and_user_are_never_empty() {
        assert!(!host_name().is_empty());
        assert!(!user_name().is_empty());
    }
}
