//! `waterline export`: a review as the report to publish — Markdown (the default), one
//! self-contained HTML page, or JSON with every analysis result — with names replaced by
//! roles on request. How many mentions were replaced goes to standard error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::policy::DuePolicy;
use crate::export::{self, ExtraName, Format, Options, words};
use crate::store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The review file (.toml)
    pub path: PathBuf,
    /// markdown for a wiki or a repository, html for one page to attach, print or open
    /// offline, json for tools (see docs/EXPORT.md)
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ExportFormat,
    /// Replace every person's name with their role, everywhere (two with one role become
    /// "SRE 1", "SRE 2"); counts per role go to standard error
    #[arg(long)]
    pub redact: bool,
    /// More names to hide, one a line: `Name`, or `Name = role`. Implies --redact
    #[arg(long, value_name = "FILE")]
    pub redact_names: Option<PathBuf>,
    /// List each classified act, not only the counts by outcome
    #[arg(long)]
    pub include_behaviours: bool,
    /// List the wording findings kept on purpose, with their reasons
    #[arg(long)]
    pub include_dismissed: bool,
    /// Add what the team learns across the reviews in DIR (as `waterline insights`) to a
    /// Markdown or HTML report
    #[arg(long, value_name = "DIR")]
    pub insights: Option<PathBuf>,
    /// Write the report to FILE, atomically; `-` (the default) is standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Html,
    Json,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Html => Format::Html,
            ExportFormat::Json => Format::Json,
        }
    }
}

/// Runs the command. `config_names` are `[export] redact_names` from config.toml.
pub fn run(args: &Args, config_names: &[String], policy: &DuePolicy) -> anyhow::Result<ExitCode> {
    let loaded = match store::load(&args.path) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut extra_names: Vec<ExtraName> =
        config_names.iter().filter_map(|n| ExtraName::parse(n)).collect();
    if let Some(file) = &args.redact_names {
        match std::fs::read_to_string(file) {
            Ok(text) => extra_names.extend(ExtraName::parse_all(&text)),
            Err(e) => {
                eprintln!("waterline: {}: {e}; no report was written", file.display());
                return Ok(ExitCode::from(2));
            }
        }
    }
    let output = args.output.as_deref().filter(|o| *o != Path::new("-"));
    if let Some(out) = output
        && same_file(out, &args.path)
    {
        eprintln!(
            "waterline: {} is the review itself; write the report to a file of its own",
            out.display()
        );
        return Ok(ExitCode::from(2));
    }
    let options = Options {
        redact: args.redact || args.redact_names.is_some(),
        extra_names,
        include_behaviours: args.include_behaviours,
        include_dismissed: args.include_dismissed,
        policy: policy.clone(),
    };
    let name = export::review_name(&args.path);
    let mut report = export::render(&loaded.session, &name, args.format.into(), &options);
    if let Some(dir) = &args.insights {
        let (format, redact) = (args.format.into(), options.redact);
        match super::insights::add_to_report(&report.text, dir, format, redact, policy) {
            Ok(text) => report.text = text,
            Err(message) => {
                eprintln!("waterline: {message}; no report was written");
                return Ok(ExitCode::from(2));
            }
        }
    }
    match output {
        Some(out) => {
            if let Err(e) = store::write_atomic(out, report.text.as_bytes()) {
                eprintln!("waterline: could not write {}: {e}", out.display());
                return Ok(ExitCode::from(2));
            }
        }
        None => super::print(&report.text)?,
    }
    if let Some(counts) = &report.redactions {
        eprintln!("waterline: {}", words::redactions(counts));
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether two paths name one file (both must exist to be the same).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
