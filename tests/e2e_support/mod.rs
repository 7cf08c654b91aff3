//! Running the real binary in a pseudo-terminal: a reader thread feeds every byte the
//! program writes into a `vt100::Parser` (and keeps the raw bytes), and tests wait on what
//! the screen shows, with a deadline, never with fixed sleeps.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long anything may take before the test fails (the debug binary on a busy machine).
pub const DEADLINE: Duration = Duration::from_secs(10);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(20);

pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const ESC: &str = "\x1b";

/// The program running in a pseudo-terminal.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    eof: Arc<AtomicBool>,
    /// Asks the reader thread to let go of the terminal, so it can be closed.
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open until the end: closing the master hangs the program up.
    master: Option<Box<dyn MasterPty + Send>>,
    exited: Option<ExitStatus>,
    cols: u16,
    rows: u16,
    /// Just before the program was started.
    pub started: Instant,
}

/// What is left after the program exited.
pub struct Exited {
    pub status: ExitStatus,
    /// Every byte the program wrote to the terminal.
    pub raw: Vec<u8>,
    /// The screen as the terminal shows it after the exit.
    pub screen: String,
    pub alternate_screen: bool,
    pub bracketed_paste: bool,
    pub cursor_hidden: bool,
    /// The terminal's local modes after the exit (`ICANON | ECHO …`), in `Debug` form.
    pub local_modes: Option<String>,
}

/// Starts `waterline ARGS` at `cols`×`rows` with `WATERLINE_HOME=home`, `NO_COLOR=1` and
/// `TERM=xterm-256color`.
pub fn spawn(home: &Path, args: &[&str], cols: u16, rows: u16) -> Tui {
    spawn_with_env(home, args, cols, rows, &[])
}

pub fn spawn_with_env(
    home: &Path,
    args: &[&str],
    cols: u16,
    rows: u16,
    env: &[(&str, &OsStr)],
) -> Tui {
    spawn_binary(Path::new(env!("CARGO_BIN_EXE_waterline")), home, args, cols, rows, env)
}

/// Like [`spawn_with_env`], with another build of the binary (for timing runs).
pub fn spawn_binary(
    bin: &Path,
    home: &Path,
    args: &[&str],
    cols: u16,
    rows: u16,
    env: &[(&str, &OsStr)],
) -> Tui {
    let pty = native_pty_system()
        .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal opens");
    let mut cmd = CommandBuilder::new(bin);
    cmd.args(args);
    cmd.cwd(home);
    cmd.env("WATERLINE_HOME", home);
    cmd.env("NO_COLOR", "1");
    cmd.env("TERM", "xterm-256color");
    for name in ["COLORTERM", "VISUAL", "EDITOR"] {
        cmd.env_remove(name);
    }
    for (name, value) in env {
        cmd.env(name, value);
    }
    let started = Instant::now();
    let child = pty.slave.spawn_command(cmd).expect("the binary starts");
    // Only the child may hold the slave: then reading the master ends when the child exits.
    drop(pty.slave);
    let master = pty.master;
    let mut reader = master.try_clone_reader().expect("the master can be read");
    let writer = master.take_writer().expect("the master can be written");

    let rows_nz = NonZeroU16::new(rows).expect("rows > 0");
    let cols_nz = NonZeroU16::new(cols).expect("cols > 0");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(rows_nz, cols_nz, 0)));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let eof = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let master_fd = master.as_raw_fd();
    let thread = {
        let (parser, raw, eof, stop) = (parser.clone(), raw.clone(), eof.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                // Reads only once something is there, so a stop request is seen in time.
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Some(fd) = master_fd
                    && !readable(fd, POLL)
                {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        lock(&raw).extend_from_slice(&buf[..n]);
                        lock(&parser).process(&buf[..n]);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // EIO: the child exited and the slave side is closed. That is the end.
                    Err(_) => break,
                }
            }
            eof.store(true, Ordering::SeqCst);
        })
    };
    Tui {
        parser,
        raw,
        eof,
        stop,
        reader: Some(thread),
        writer: Some(writer),
        child,
        master: Some(master),
        exited: None,
        cols,
        rows,
        started,
    }
}

/// Whether `fd` has something to read (or has ended) within `wait`.
fn readable(fd: std::os::fd::RawFd, wait: Duration) -> bool {
    let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, for the length given.
    unsafe { libc::poll(&mut poll, 1, ms) != 0 }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic in another test thread must not hide this test's own failure.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn screen_text(parser: &vt100::Parser) -> String {
    let screen = parser.screen();
    let (_, cols) = screen.size();
    let mut out = String::new();
    for row in screen.rows(0, cols.get()) {
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

impl Tui {
    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the program has a process id")
    }

    /// Sends `signal` (a name `kill` knows: HUP, TERM, KILL) to the program.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("the program has a process id");
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{signal} {pid} worked");
    }

    /// The screen as a person sees it now, one line per row.
    pub fn screen(&self) -> String {
        screen_text(&lock(&self.parser))
    }

    /// Sends bytes as if typed (or pasted) at the keyboard.
    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("the terminal is still open");
        writer.write_all(bytes.as_bytes()).expect("keys reach the terminal");
        writer.flush().expect("keys reach the terminal");
    }

    /// Waits until the screen satisfies `check`; fails with the screen after the deadline.
    pub fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                let raw_len = lock(&self.raw).len();
                panic!(
                    "waited {:?} for {what}; the screen ({}×{}, {raw_len} bytes received) shows:\n{screen}",
                    DEADLINE, self.cols, self.rows
                );
            }
            if self.eof.load(Ordering::SeqCst) {
                // Nothing more will arrive: one last look, then fail.
                let screen = self.screen();
                assert!(
                    check(&screen),
                    "the program ended while waiting for {what}; the screen shows:\n{screen}"
                );
                return screen;
            }
            std::thread::sleep(POLL);
        }
    }

    /// How long after the start `texts` were all on screen, looking every millisecond: for
    /// timing runs, not for tests.
    pub fn time_until(&self, texts: &[&str]) -> Duration {
        let start = Instant::now();
        loop {
            if texts.iter().all(|t| self.screen().contains(t)) {
                return self.started.elapsed();
            }
            assert!(start.elapsed() < DEADLINE, "{texts:?} never shown:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Sends `bytes` and waits until `text` is on screen, looking every 100 µs: how long a
    /// key takes to show, seen from the terminal. For timing runs, not for tests.
    pub fn time_to_show(&mut self, bytes: &str, text: &str) -> Duration {
        let sent = Instant::now();
        self.send(bytes);
        loop {
            if self.screen().contains(text) {
                return sent.elapsed();
            }
            assert!(sent.elapsed() < DEADLINE, "{text:?} never shown:\n{}", self.screen());
            std::thread::sleep(Duration::from_micros(100));
        }
    }

    /// Waits until every one of `texts` is on screen.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?} on screen"), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// Waits until `text` is no longer on screen.
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to disappear"), |s| !s.contains(text))
    }

    /// Sends Esc on its own and waits for the screen to change: a lone ESC is only read as
    /// the Esc key when nothing follows it at once.
    pub fn press_esc(&mut self) -> String {
        let before = self.screen();
        self.send(ESC);
        self.wait_until("the screen to change after Esc", |s| s != before)
    }

    /// Closes the terminal as a dropped SSH connection or a killed tmux pane does (every
    /// handle on it let go), then waits for the program to exit.
    pub fn hang_up(mut self) -> ExitStatus {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the reader thread ends cleanly");
        }
        self.writer.take();
        self.master.take();
        let start = Instant::now();
        let status = loop {
            match self.child.try_wait().expect("the child's status can be read") {
                Some(status) => break status,
                None if start.elapsed() > DEADLINE => {
                    panic!("the program was still running {DEADLINE:?} after its terminal closed")
                }
                None => std::thread::sleep(POLL),
            }
        };
        self.exited = Some(status.clone());
        status
    }

    /// Waits for the program to exit and for its last output to be read.
    pub fn wait_exit(mut self) -> Exited {
        let start = Instant::now();
        let status = loop {
            match self.child.try_wait().expect("the child's status can be read") {
                Some(status) => break status,
                None if start.elapsed() > DEADLINE => panic!(
                    "waited {DEADLINE:?} for the program to exit; the screen shows:\n{}",
                    self.screen()
                ),
                None => std::thread::sleep(POLL),
            }
        };
        self.exited = Some(status.clone());
        while !self.eof.load(Ordering::SeqCst) {
            assert!(
                start.elapsed() < DEADLINE,
                "the program exited but its terminal output did not end"
            );
            std::thread::sleep(POLL);
        }
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the reader thread ends cleanly");
        }
        let local_modes = self
            .master
            .as_ref()
            .and_then(|m| m.get_termios())
            .map(|t| format!("{:?}", t.local_flags));
        let parser = lock(&self.parser);
        let screen = parser.screen();
        Exited {
            status,
            raw: lock(&self.raw).clone(),
            screen: screen_text(&parser),
            alternate_screen: screen.alternate_screen(),
            bracketed_paste: screen.bracketed_paste(),
            cursor_hidden: screen.hide_cursor(),
            local_modes,
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if self.exited.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The writer sends an end-of-file when dropped; the program is gone by now.
        self.writer.take();
        self.master.take();
    }
}

/// The review files in a data folder (every `.toml` except `config.toml`).
pub fn review_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .filter(|p| p.file_name().is_some_and(|n| n != "config.toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The one review in a data folder.
pub fn only_review(dir: &Path) -> PathBuf {
    let files = review_files(dir);
    assert_eq!(files.len(), 1, "one review in {}: {files:?}", dir.display());
    files.into_iter().next().expect("one file")
}
