//! The command line: parses arguments, runs non-interactive commands, starts the console.

pub mod actions;
pub mod annotation;
pub mod check;
pub mod config;
pub mod export;
pub mod github;
pub mod import;
mod import_report;
pub mod insights;
mod json_elements;
pub mod lint;
mod lint_json;
pub mod merge;
pub mod report;
pub mod sarif;
pub mod signals;
pub mod visible;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::{assets, store, tui};

#[derive(Debug, Parser)]
#[command(
    name = "waterline",
    version,
    about = "A terminal console for blameless postmortems",
    long_about = "A terminal console for blameless postmortems.\n\n\
        With no command, lists the reviews in the data folder (WATERLINE_HOME overrides it).",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Presentation mode, for a shared screen: big headings, high contrast, fewer hints,
    /// participants shown as their roles (P switches it in the console)
    #[arg(long, global = true)]
    pub present: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new review and open it
    New {
        /// What happened, in a few words (asked for when left out)
        title: Option<String>,
        /// The form to start from
        #[arg(long, default_value = "standard", value_parser = assets::TEMPLATE_NAMES)]
        template: String,
    },
    /// Open a review file
    Open {
        /// A session file (.toml)
        path: PathBuf,
        /// Only follow it: read-only, showing the writer's saves as they land (e.g. over SSH)
        #[arg(long)]
        follow: bool,
    },
    /// Open the built-in example review (on a copy; nothing of yours is touched)
    Demo,
    /// List every committed action across the reviews: overdue first, then due soon.
    /// Exits 1 when something is overdue, so it can run from cron or CI.
    Actions {
        /// A folder of review files (default: the data folder)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Only this owner's actions (compared without case)
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// Only this team's actions (compared without case)
        #[arg(long, value_name = "TEAM")]
        team: Option<String>,
        /// Only overdue actions
        #[arg(long)]
        overdue: bool,
        /// text for people, json for tools (see docs/CLI.md)
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Count as of this date instead of today (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        today: Option<chrono::NaiveDate>,
    },
    /// Check wording in plain text or Markdown for blame, hindsight and counterfactuals
    Lint {
        /// Text or Markdown files (.md skips code); `-` or nothing reads standard input
        paths: Vec<PathBuf>,
        /// text for people, json for tools (one file), sarif for code scanning, github for
        /// GitHub Actions annotations (see docs/CLI.md)
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Every check on review files: wording, the Five Whys, coverage, behaviours, actions
    /// and the review gate. Exits 1 on an error (on a warning too with --strict)
    Check {
        /// One or more review files
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// text for people, json for tools, sarif for code scanning, github for GitHub
        /// Actions annotations (see docs/CLI.md)
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Fail on warnings as well as errors
        #[arg(long)]
        strict: bool,
    },
    /// Add timeline events from a log, journald JSON, a Slack export, a chat transcript,
    /// CSV or JSON Lines. Exits 1 when nothing in the file could be read
    Import(import::Args),
    /// Publish a review: Markdown (the default), one self-contained HTML page, or JSON with
    /// every analysis result; --redact replaces names with roles
    Export(export::Args),
    /// Print a shell completion script for bash, zsh, fish, elvish or powershell
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output
    Man,
    /// Git's merge driver for review files: merges item by item and writes the result over
    /// OURS. Items changed on both sides are kept in the file as [[conflict]] entries.
    /// Exits 0 when clean, 1 on conflicts (see docs/GIT.md)
    Merge {
        /// The common ancestor (git's %O; empty when both sides added the file)
        base: PathBuf,
        /// Our version, replaced by the merged review (git's %A)
        ours: PathBuf,
        /// Their version (git's %B)
        theirs: PathBuf,
        /// The file's path in the repository, for messages (git's %P)
        name: Option<String>,
    },
    /// What a team learns across reviews: factors by category over time, conditions that
    /// recur, follow-through on actions, time to detect / mitigate / resolve, wording kept
    /// on purpose (see docs/CLI.md)
    Insights {
        /// A folder of review files (default: the data folder)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Only reviews whose incident started on or after this date (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        since: Option<chrono::NaiveDate>,
        /// text for people, markdown for a report, json for tools
        #[arg(long, value_enum, default_value = "text")]
        format: insights::InsightsFormat,
        /// Count as of this date instead of today (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        today: Option<chrono::NaiveDate>,
    },
    /// Print the JSON Schema of the review format, for editors with a TOML language server
    /// (also in docs/review.schema.json)
    Schema,
    /// A language server on standard input and output: blame and hindsight wording in
    /// Markdown and text, and every check in review files, as you type (see docs/EDITORS.md)
    Lsp,
}

/// How a command prints what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// SARIF 2.1.0, for code-scanning (`check` and `lint`)
    Sarif,
    /// GitHub Actions annotations, as workflow commands (`check` and `lint`)
    Github,
}

/// Writes to standard output, so a closed pipe (`| head`) ends the command quietly.
pub fn print(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes `value` as pretty JSON and a newline to standard output (see [`write_json`]).
pub fn print_json<T: serde::Serialize>(value: &T) -> std::io::Result<()> {
    write_json(std::io::stdout().lock(), value)
}

/// Writes `value` as pretty JSON and a newline to `out`, as it is serialised (no copy of
/// the whole text in memory), with every control escaped as [`visible::json`] does. The
/// serialiser's many small writes are gathered first: the escaping writer then checks
/// 64 KB at a time, not each token.
pub fn write_json<T: serde::Serialize>(out: impl std::io::Write, value: &T) -> std::io::Result<()> {
    use std::io::Write;
    let escaped = visible::JsonWriter::new(out);
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, escaped);
    serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Runs the program; the binary's whole job is to call this.
pub fn main() -> ExitCode {
    // Before anything can write a file; a failure only means the default stays.
    let _ = signals::survive_file_size_limit();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version itself, and exits 2 on a usage error. A usage
            // error quotes the arguments, which can hold anything a script passed along.
            // Its styled output passes them to a terminal raw, so then the message is shown
            // plain (`render` without styles), with every control made visible.
            let hostile = std::env::args_os()
                .any(|a| visible::visible(&a.to_string_lossy()) != a.to_string_lossy());
            if e.use_stderr() && hostile {
                let plain = e.render().to_string();
                let lines: Vec<_> = plain.lines().map(visible::visible).collect();
                eprintln!("{}", lines.join("\n"));
            } else {
                let _ = e.print();
            }
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error worth reporting.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("waterline: {}", visible::visible(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// `lint` over any number of documents: one at a time for text, all in one report for
/// sarif and github; JSON describes one document.
fn lint_paths(paths: &[PathBuf], format: Format) -> anyhow::Result<ExitCode> {
    match (format, paths) {
        (Format::Sarif | Format::Github, _) => annotation::lint_files(paths, format),
        (_, []) => lint::run(None, format),
        (_, [one]) => lint::run(Some(one), format),
        (Format::Json, _) => {
            eprintln!("waterline: --format json takes one file; use sarif for several");
            Ok(ExitCode::from(2))
        }
        (_, several) => {
            let mut worst = ExitCode::SUCCESS;
            for path in several {
                let code = lint::run(Some(path), format)?;
                if code != ExitCode::SUCCESS && worst != ExitCode::from(2) {
                    worst = code;
                }
            }
            Ok(worst)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data_dir = store::data_dir();
    let mut config = config::load(store::config_dir().as_deref());
    let lexicon_messages = config::load_lexicon(store::config_dir().as_deref());
    if matches!(cli.command, Some(Command::Lint { .. } | Command::Check { .. } | Command::Lsp)) {
        for message in &lexicon_messages {
            eprintln!("waterline: {}", visible::visible(message));
        }
    }
    config.messages.extend(lexicon_messages);
    let mut following = false;
    crate::analysis::actions::use_known_teams(config.teams.clone());
    let start = match cli.command {
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "waterline", &mut script);
            std::io::Write::write_all(&mut std::io::stdout(), &script)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command).render(&mut std::io::stdout())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Insights { dir, since, format, today }) => {
            let Some(dir) = dir.or_else(|| data_dir.clone()) else {
                eprintln!(
                    "waterline: no data folder is known on this system; set WATERLINE_HOME or give --dir"
                );
                return Ok(ExitCode::from(2));
            };
            let request = insights::Request {
                dir,
                since,
                today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
                format,
                policy: config.policy,
            };
            return insights::run(&request);
        }
        Some(Command::Lsp) => {
            crate::lsp::run(config.policy)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Schema) => {
            print(&store::schema::json_schema_text())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Merge { base, ours, theirs, name }) => {
            let request =
                merge::Request { base: &base, ours: &ours, theirs: &theirs, name: name.as_deref() };
            return merge::run(&request);
        }
        Some(Command::Lint { paths, format }) => return lint_paths(&paths, format),
        Some(Command::Import(args)) => return import::run(args),
        Some(Command::Check { paths, format, strict }) => {
            return check::run(&paths, format, strict, &config.policy);
        }
        Some(Command::Actions { format: Format::Sarif | Format::Github, .. }) => {
            eprintln!(
                "waterline: actions prints text or json; sarif and github are for check and lint"
            );
            return Ok(ExitCode::from(2));
        }
        Some(Command::Export(args)) => {
            return export::run(&args, &config.redact_names, &config.policy);
        }
        Some(Command::Actions { dir, owner, team, overdue, format, today }) => {
            let Some(dir) = dir.or_else(|| data_dir.clone()) else {
                eprintln!(
                    "waterline: no data folder is known on this system; set WATERLINE_HOME or give --dir"
                );
                return Ok(ExitCode::from(2));
            };
            let request = actions::Request {
                dir,
                filter: crate::analysis::followup::Filter { owner, team, overdue_only: overdue },
                format,
                today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
                policy: config.policy,
            };
            return actions::run(&request);
        }
        None => tui::Start::Home,
        Some(Command::Demo) => tui::Start::Demo,
        Some(Command::Open { path, follow }) => {
            // A file that cannot be read is reported here, where the message stays on screen.
            // The review stays claimed while the console runs: a second waterline opening
            // it is told who writes it, and opens it read-only.
            following = follow;
            let opened = if follow {
                store::ReviewFile::follow(&path, config.lock)
            } else {
                store::ReviewFile::open_asking(&path, config.lock)
            };
            match opened {
                Ok((review, loaded)) => tui::Start::Held(Box::new(review), Box::new(loaded)),
                Err(e) => {
                    eprintln!("{}", visible::visible(&e.to_string()));
                    return Ok(ExitCode::from(2));
                }
            }
        }
        Some(Command::New { title: None, template }) => tui::Start::NewReview { template },
        Some(Command::New { title: Some(title), template }) => {
            let dir = data_dir.clone().ok_or_else(|| {
                anyhow::anyhow!("no data folder is known on this system; set WATERLINE_HOME")
            })?;
            let title = crate::model::text::sanitize_line(&title);
            if title.is_empty() {
                eprintln!("waterline: a review needs a title — a few words about what happened");
                return Ok(ExitCode::from(2));
            }
            let path =
                tui::effects::create_review(&dir, &title, &template).map_err(anyhow::Error::msg)?;
            eprintln!("New review: {}", visible::visible(&path.display().to_string()));
            tui::Start::Open(path)
        }
    };
    let settings = tui::Settings {
        keys: config.keys,
        theme: config.theme,
        messages: config.messages,
        timeboxes: config.timeboxes,
        mouse: config.mouse,
        present: cli.present,
        policy: config.policy,
        lock: config.lock,
        follow: following,
    };
    let ended = tui::run(start, data_dir, settings);
    if let Some(line) = ended? {
        // The terminal may be gone (the console ended on a hang-up): nothing to tell then.
        let _ = std::io::Write::write_fmt(
            &mut std::io::stderr(),
            format_args!("{}\n", visible::visible(&line)),
        );
    }
    Ok(ExitCode::SUCCESS)
}
