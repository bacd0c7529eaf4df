//! The `dyads` command-line tool: a thin front end over the dyads libraries.

mod ingest;
mod inputs;
mod inspect;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// dyads: who did what to whom, when and where, from news articles.
#[derive(Parser, Debug)]
#[command(name = "dyads", version, about, long_about = None)]
struct Cli {
    /// SQLite database file (created if missing).
    #[arg(long, global = true, default_value = "dyads.db", env = "DYADS_DB")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

/// Input format, when it should not be detected from the name and content.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// Plain text pasted from a web page.
    Text,
    /// An HTML page.
    Html,
    /// JSON lines, one article per line.
    Jsonl,
    /// RSS 2.0 or Atom feed.
    Feed,
    /// WARC or WARC.gz.
    Warc,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read articles, clean them and store them in the database.
    ///
    /// PATH may be a file, a directory (read recursively; only files ending
    /// in .txt, .text, .html, .htm, .xhtml, .jsonl, .ndjson, .json, .rss,
    /// .atom, .xml, .warc or .warc.gz are taken from directories), a glob pattern
    /// (quoted, e.g. 'news/*.html') or `-` for standard input. Formats are
    /// detected from the name and content: .txt plain text, .html pages,
    /// .jsonl JSON lines, .rss/.atom/.xml feeds, .warc/.warc.gz archives.
    /// Bad inputs are reported with file and place and skipped; the exit
    /// status is 1 when any input failed, 0 otherwise.
    Ingest {
        /// Files, directories, glob patterns, or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Force the input format instead of detecting it.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Largest input file in bytes; larger files are refused.
        #[arg(long, default_value_t = 64 << 20)]
        max_bytes: usize,
        /// Do not print one line per failed input.
        #[arg(long, short)]
        quiet: bool,
    },
    /// List stored documents.
    Docs {
        /// One JSON object per document (with text and sentences).
        #[arg(long)]
        json: bool,
        /// Include superseded versions.
        #[arg(long)]
        all_versions: bool,
    },
    /// Show one document: metadata, clean text and sentences.
    Show {
        /// Document id (see `dyads docs`).
        id: i64,
        /// As one JSON object.
        #[arg(long)]
        json: bool,
        /// Also list tokens.
        #[arg(long)]
        tokens: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest {
            paths,
            format,
            max_bytes,
            quiet,
        } => ingest::run(&cli.db, &paths, format.map(to_format), max_bytes, quiet),
        Command::Docs { json, all_versions } => {
            inspect::docs(&cli.db, json, all_versions).map(|_| ExitCode::SUCCESS)
        }
        Command::Show { id, json, tokens } => {
            inspect::show(&cli.db, id, json, tokens).map(|_| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn to_format(f: FormatArg) -> dyads_text::Format {
    use dyads_text::Format;
    match f {
        FormatArg::Text => Format::Text,
        FormatArg::Html => Format::Html,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Feed => Format::Feed,
        FormatArg::Warc => Format::Warc,
    }
}
