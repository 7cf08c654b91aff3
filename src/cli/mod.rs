//! The command line: parses arguments, runs non-interactive commands, starts the console.

pub mod actions;
pub mod check;
pub mod config;
pub mod lint;
pub mod report;

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
        /// A text or Markdown file (.md skips code); `-` or nothing reads standard input
        path: Option<PathBuf>,
        /// text for people, json for tools (see docs/CLI.md)
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Every check on review files: wording, the Five Whys, coverage, behaviours, actions
    /// and the review gate. Exits 1 on an error (on a warning too with --strict)
    Check {
        /// One or more review files
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// text for people, json for tools (see docs/CLI.md)
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Fail on warnings as well as errors
        #[arg(long)]
        strict: bool,
    },
    /// Print a shell completion script for bash, zsh, fish, elvish or powershell
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output
    Man,
}

/// How a command prints what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Writes to standard output, so a closed pipe (`| head`) ends the command quietly.
pub fn print(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes `value` as pretty JSON and a newline to standard output, as it is serialised
/// (no copy of the whole text in memory).
pub fn print_json<T: serde::Serialize>(value: &T) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Runs the program; the binary's whole job is to call this.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version itself, and exits 2 on a usage error.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error worth reporting.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("waterline: {e:#}");
            ExitCode::from(2)
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
    if matches!(cli.command, Some(Command::Lint { .. } | Command::Check { .. })) {
        for message in &lexicon_messages {
            eprintln!("waterline: {message}");
        }
    }
    config.messages.extend(lexicon_messages);
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
        Some(Command::Lint { path, format }) => return lint::run(path.as_deref(), format),
        Some(Command::Check { paths, format, strict }) => {
            return check::run(&paths, format, strict, &config.policy);
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
        Some(Command::Open { path }) => {
            // A file that cannot be read is reported here, where the message stays on screen.
            match store::load(&path) {
                Ok(loaded) => tui::Start::Loaded(path, Box::new(loaded)),
                Err(e) => {
                    eprintln!("{e}");
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
            eprintln!("New review: {}", path.display());
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
    };
    if let Some(line) = tui::run(start, data_dir, settings)? {
        eprintln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
