//! `dyads export`: the store's tables as CSV, JSON lines or Parquet.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::ValueEnum;

use dyads_export::tables::{self, Selection};
use dyads_store::EventFilter;

use crate::inspect::open;

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// CSV (RFC 4180 quoting, header line).
    Csv,
    /// JSON lines, one object per row.
    Jsonl,
    /// Apache Parquet (Snappy).
    Parquet,
}

impl ExportFormat {
    fn ext(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Parquet => "parquet",
        }
    }
}

/// Which table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    /// One row per event record: mentions merged across sources (GDELT 2.0
    /// columns first, with real mention, source and article counts).
    Events,
    /// One row per event mention (GDELT 2.0 columns first).
    Mentions,
    /// One row per story: its title, dates, participants, documents and
    /// event records.
    Stories,
    /// One row per resolved actor per document.
    Actors,
    /// Document metadata (and, in JSON lines, text and layout).
    Documents,
    /// PLOVER-style records, one per mention.
    Plover,
}

impl TableArg {
    fn name(self) -> &'static str {
        match self {
            TableArg::Events => "events",
            TableArg::Mentions => "mentions",
            TableArg::Stories => "stories",
            TableArg::Actors => "actors",
            TableArg::Documents => "documents",
            TableArg::Plover => "plover",
        }
    }
}

/// Arguments of `dyads export`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The table to export (default: every table, into the --out directory).
    #[arg(long, value_enum)]
    pub table: Option<TableArg>,
    /// Output file for one table (default: standard output), or directory
    /// (written as DIR/TABLE.EXT; required without --table).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Mentions and PLOVER: only this modality (asserted, future, ...).
    #[arg(long)]
    pub modality: Option<String>,
    /// Mentions and PLOVER: only events with this country (ISO alpha-3) as
    /// source or target. Actors: only actors of this country.
    #[arg(long)]
    pub country: Option<String>,
    /// Only events dated (documents: published) on or after this date.
    #[arg(long)]
    pub since: Option<String>,
    /// Only events dated (documents: published) on or before this date.
    #[arg(long)]
    pub until: Option<String>,
}

/// Runs `dyads export`.
pub fn run(db: &Path, args: Args) -> Result<ExitCode> {
    let store = open(db)?;
    let sel = Selection {
        filter: EventFilter {
            modality: args.modality,
            country: args.country,
            since: args.since,
            until: args.until,
            ..EventFilter::default()
        },
        coder: ("dyads".into(), env!("CARGO_PKG_VERSION").into()),
        full: args.format == ExportFormat::Jsonl,
    };
    let names: Vec<&str> = match args.table {
        Some(t) => vec![t.name()],
        None => tables::NAMES.to_vec(),
    };
    let dir = match (&args.out, args.table) {
        (Some(p), None) => Some(p.clone()),
        (Some(p), Some(_)) if p.is_dir() => Some(p.clone()),
        (None, None) => {
            anyhow::bail!("--out DIR is needed to export every table (or pick one with --table)")
        }
        _ => None,
    };
    if let Some(d) = &dir {
        std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
    }
    for name in names {
        let Some(table) = tables::table(&store, name, &sel) else {
            anyhow::bail!("unknown table {name}");
        };
        let start = Instant::now();
        let target = dir
            .as_ref()
            .map(|d| d.join(format!("{name}.{}", args.format.ext())))
            .or_else(|| args.out.clone());
        let rows = match &target {
            Some(path) => {
                let f =
                    File::create(path).with_context(|| format!("creating {}", path.display()))?;
                write(table, args.format, BufWriter::with_capacity(1 << 20, f))
                    .with_context(|| format!("writing {}", path.display()))?
            }
            None => write(table, args.format, BufWriter::new(std::io::stdout()))
                .context("writing to standard output")?,
        };
        let secs = start.elapsed().as_secs_f64();
        let size = target
            .as_ref()
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| format!(", {} bytes", m.len()))
            .unwrap_or_default();
        eprintln!(
            "{name}: {rows} rows{} in {secs:.2} s ({:.0} rows/s){size}",
            target
                .as_ref()
                .map(|p| format!(" -> {}", p.display()))
                .unwrap_or_default(),
            rows as f64 / secs.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn write<W: Write + Send>(
    table: dyads_export::Table<'_>,
    format: ExportFormat,
    mut out: W,
) -> Result<u64> {
    let n = match format {
        ExportFormat::Csv => dyads_export::write_csv(table, &mut out)?,
        ExportFormat::Jsonl => dyads_export::write_jsonl(table, &mut out)?,
        ExportFormat::Parquet => dyads_export::write_parquet(table, &mut out)?,
    };
    out.flush()?;
    Ok(n)
}
