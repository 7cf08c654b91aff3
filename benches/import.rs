//! Import throughput: a generated 1,000,000-line syslog file (about 95 MB) read from disk,
//! parsed, times placed, text cleaned — with no filter, with `--grep`, and in a named zone —
//! and the console preview's indexing and a window deep in a 100,000-line file.
//!
//! `cargo bench --bench import` — divan prints time and bytes per second, one thread.
//! `WATERLINE_SYSLOG_OUT=FILE cargo bench --bench import` also writes the generated file to
//! FILE, so the command itself can be timed on it (docs/PERFORMANCE.md).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::counter::BytesCount;
use waterline::import::preview::Preview;
use waterline::import::review::Seen;
use waterline::import::{Choice, Fields, Filter, Item, Reader, Settings};
use waterline::model::zone::Zone;

const LINES: usize = 1_000_000;

fn main() {
    if let Ok(out) = std::env::var("WATERLINE_SYSLOG_OUT") {
        write_syslog(Path::new(&out), LINES).expect("the syslog file is writable");
    }
    divan::main();
}

/// The generated file, written once into cargo's temporary folder for benchmarks.
fn syslog() -> &'static (PathBuf, u64) {
    static FILE: OnceLock<(PathBuf, u64)> = OnceLock::new();
    FILE.get_or_init(|| {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-bench-syslog.log");
        // Written once and kept: renamed into place only when whole.
        if !path.is_file() {
            let part = path.with_extension("part");
            write_syslog(&part, LINES).expect("written");
            std::fs::rename(&part, &path).expect("renamed");
        }
        let size = std::fs::metadata(&path).expect("written").len();
        (path, size)
    })
}

fn settings(zone: &str) -> Settings {
    let reference = chrono::DateTime::parse_from_rfc3339("2026-03-02T00:00:00Z").expect("a time");
    Settings { zone: Zone::parse(zone).expect("a zone"), reference, fields: Fields::default() }
}

/// Reads the whole file: every line parsed, its time placed, its text cleaned; returns
/// the events read.
fn parse(path: &Path, zone: &str, filter: Filter) -> u64 {
    let reader = Reader::open(path, Choice::Auto, &settings(zone), filter).expect("opens");
    reader.filter(|item| matches!(item, Item::Event(_))).count() as u64
}

/// As `waterline import --dry-run` reads (without printing): also finds duplicates.
fn dry_run(path: &Path, zone: &str, filter: Filter) -> u64 {
    let reader = Reader::open(path, Choice::Auto, &settings(zone), filter).expect("opens");
    let mut seen = Seen::default();
    let mut kept = 0;
    for item in reader {
        if let Item::Event(c) = item
            && seen.first_time(&c.at, &c.text)
        {
            kept += 1;
        }
    }
    kept
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn parse_1m_syslog_lines(bencher: divan::Bencher) {
    let (path, size) = syslog();
    bencher.counter(BytesCount::new(*size)).bench(|| parse(path, "UTC", Filter::default()));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn parse_1m_syslog_lines_in_europe_berlin(bencher: divan::Bencher) {
    let (path, size) = syslog();
    bencher
        .counter(BytesCount::new(*size))
        .bench(|| parse(path, "Europe/Berlin", Filter::default()));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn dry_run_1m_syslog_lines(bencher: divan::Bencher) {
    let (path, size) = syslog();
    bencher.counter(BytesCount::new(*size)).bench(|| dry_run(path, "UTC", Filter::default()));
}

/// `--dry-run --grep 'auth.*401'`: one line in ten matches.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn dry_run_grep_1m_syslog_lines(bencher: divan::Bencher) {
    let (path, size) = syslog();
    let grep = regex::Regex::new("auth.*401").expect("a pattern");
    bencher
        .counter(BytesCount::new(*size))
        .bench(|| dry_run(path, "UTC", Filter { grep: Some(grep.clone()), ..Filter::default() }));
}

/// The console opening a 100,000-line log: the whole index, then a window deep inside.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn preview_index_100k_lines(bencher: divan::Bencher) {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-bench-100k.log");
    write_syslog(&path, 100_000).expect("written");
    let size = std::fs::metadata(&path).expect("written").len();
    bencher.counter(BytesCount::new(size)).bench(|| {
        let mut preview = Preview::open(&path, Choice::Auto, &settings("UTC")).expect("opens");
        preview.index_all().expect("indexed")
    });
}

#[divan::bench(sample_count = 20)]
fn preview_window_of_40_rows(bencher: divan::Bencher) {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-bench-100k.log");
    write_syslog(&path, 100_000).expect("written");
    let mut preview = Preview::open(&path, Choice::Auto, &settings("UTC")).expect("opens");
    preview.index_all().expect("indexed");
    bencher.bench(|| preview.window(divan::black_box(73_310), 40).expect("read"));
}

const HOSTS: [&str; 6] = ["pay-1", "pay-2", "pay-3", "web-1", "web-2", "db-1"];
const PROGRAMS: [&str; 5] =
    ["payment-api[2210]", "nginx[812]", "deployd[4411]", "postgres[930]", "alertmanager[870]"];
const MESSAGES: [&str; 10] = [
    "WARN auth: key id not found, falling back to the previous key set",
    "ERROR upstream auth returned 401 for /v1/charge request_id=",
    "INFO GET /health 200 in 3ms from 10.0.4.17 request_id=",
    "INFO POST /v1/charge 200 in 48ms amount=1299 currency=EUR request_id=",
    "WARN pool: 48 of 50 connections in use, waiting requests=",
    "connection from 10.0.7.31 port 51422 accepted, session=",
    "checkpoint complete: wrote 1825 buffers (11.1%); sync files=",
    "firing: PaymentErrorRate > 5% for 5m, group key=",
    "rolling out auth-config to the next batch of hosts, batch=",
    "upstream timed out (110: Connection timed out) while reading response header, client=",
];

/// Lines like a busy host's syslog: a second a dozen lines, ten kinds of message.
fn write_syslog(path: &Path, lines: usize) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for i in 0..lines {
        let seconds = i / 12;
        let (day, hour, minute, second) =
            (2 + seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        writeln!(
            out,
            "Mar {day:>2} {hour:02}:{minute:02}:{second:02} {} {}: {}{:08x}",
            HOSTS[i % HOSTS.len()],
            PROGRAMS[i / 7 % PROGRAMS.len()],
            MESSAGES[(i * 7 + i / 13) % MESSAGES.len()],
            i.wrapping_mul(2_654_435_761) % 0xffff_ffff
        )?;
    }
    out.flush()
}
