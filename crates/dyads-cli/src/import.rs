//! `dyads import`: our own JSON lines exports back into a store.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use dyads_export::import::{read_line, ImportRow};
use dyads_store::Store;

/// Arguments of `dyads import`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSON lines files written by `dyads export --format jsonl` (tables
    /// documents, actors, mentions), in any order; the mentions are then
    /// merged into event records as at ingest (the events and stories
    /// tables are rebuilt, not read).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// The kind of rows a file holds, from its first line: documents first,
/// then actors, then mentions, so every row finds its document.
fn rank(path: &Path) -> Result<u8> {
    let f = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    for line in BufReader::new(f).lines() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        return Ok(match read_line(&line) {
            Ok(ImportRow::Document(_)) => 0,
            Ok(ImportRow::Actor(_)) => 1,
            Ok(ImportRow::Mention(_)) => 2,
            Err(_) => 3,
        });
    }
    Ok(3)
}

#[derive(Default)]
struct Counts {
    added: [u64; 3],
    skipped: [u64; 3],
    failed: u64,
}

/// Runs `dyads import`: every row is stored under its exported id; rows
/// whose id is taken (or whose document is missing) are skipped; lines that
/// cannot be read are reported with file and line and skipped (exit 1).
pub fn run(db: &Path, args: Args) -> Result<ExitCode> {
    let mut store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let mut files = Vec::new();
    for p in &args.files {
        files.push((rank(p)?, p.clone()));
    }
    files.sort_by_key(|(r, _)| *r);
    let mut counts = Counts::default();
    store.in_transaction(|s| {
        s.defer_foreign_keys()?;
        for (_, path) in &files {
            import_file(s, path, &mut counts).map_err(|e| match e {
                Failure::Store(e) => e,
                Failure::Io(e) => dyads_store::Error {
                    kind: dyads_store::ErrorKind::Corrupt(format!("{}: {e}", path.display())),
                    db: db.display().to_string(),
                },
            })?;
        }
        Ok(())
    })?;
    let [d, a, m] = counts.added;
    let [sd, sa, sm] = counts.skipped;
    // Imported mentions join event records as ingested ones do.
    let merged = store.merge_records()?;
    eprintln!(
        "dyads import: {d} documents, {a} actors, {m} mentions added; {} already present or \
         without their document; {} lines failed; {} event records",
        sd + sa + sm,
        counts.failed,
        merged.records
    );
    Ok(if counts.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

enum Failure {
    Store(dyads_store::Error),
    Io(std::io::Error),
}

fn import_file(s: &Store, path: &Path, counts: &mut Counts) -> std::result::Result<(), Failure> {
    let f = File::open(path).map_err(Failure::Io)?;
    for (i, line) in BufReader::new(f).lines().enumerate() {
        let line = line.map_err(Failure::Io)?;
        if line.trim().is_empty() {
            continue;
        }
        let row = match read_line(&line) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{}:line {}: {e}", path.display(), i + 1);
                counts.failed += 1;
                continue;
            }
        };
        let (k, added) = match row {
            ImportRow::Document(d) => (0, s.import_document(&d).map_err(Failure::Store)?),
            ImportRow::Actor(a) => (
                1,
                s.has_document(a.doc_id).map_err(Failure::Store)?
                    && s.import_actor(&a).map_err(Failure::Store)?,
            ),
            ImportRow::Mention(m) => (
                2,
                s.has_document(m.doc_id).map_err(Failure::Store)?
                    && s.import_mention(&m).map_err(Failure::Store)?,
            ),
        };
        if added {
            counts.added[k] += 1;
        } else {
            counts.skipped[k] += 1;
        }
    }
    Ok(())
}
