//! `dyads ingest`: read, clean and store articles, reporting bad inputs.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use dyads_store::Store;
use dyads_text::{Document, Format, Limits};

use crate::coding::{Coding, CODER};
use crate::inputs::{expand, Input};

/// Counts for the summary line.
#[derive(Default, Debug)]
struct Tally {
    inputs: usize,
    articles: usize,
    new: usize,
    versions: usize,
    unchanged: usize,
    failed: usize,
    bytes: u64,
    coded: usize,
    events: usize,
}

/// Runs the ingest command; returns exit status 1 when any input failed.
pub fn run(
    db: &Path,
    paths: &[String],
    format: Option<Format>,
    max_bytes: usize,
    quiet: bool,
    code: bool,
) -> Result<ExitCode> {
    let mut coding = Coding::default();
    let mut store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let (inputs, missing) = expand(paths);
    let mut tally = Tally::default();
    for m in &missing {
        report(quiet, m);
        tally.failed += 1;
    }
    let limits = Limits {
        max_input_bytes: max_bytes,
        ..Limits::default()
    };
    let bar = if std::io::stderr().is_terminal() && inputs.len() > 1 {
        ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} inputs {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    for input in &inputs {
        tally.inputs += 1;
        let name = input.name();
        match read_bytes(input, max_bytes) {
            Ok(bytes) => {
                tally.bytes += bytes.len() as u64;
                let stored = ingest_one(
                    &mut store,
                    &name,
                    &bytes,
                    format,
                    &limits,
                    &mut tally,
                    |m| bar.suspend(|| report(quiet, m)),
                )?;
                if code {
                    for (id, doc) in stored {
                        if store.coded_by(id)?.as_deref() == Some(CODER) {
                            continue;
                        }
                        tally.events += coding.code(&mut store, id, &doc)?;
                        tally.coded += 1;
                    }
                }
            }
            Err(m) => {
                tally.failed += 1;
                bar.suspend(|| report(quiet, &format!("{name}: {m}")));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    // Mentions of the same event across sources become one record.
    let merged = if code {
        Some(store.merge_records()?)
    } else {
        None
    };
    eprintln!(
        "dyads ingest: {} inputs ({:.1} MB), {} articles: {} new, {} new versions, {} unchanged; {} coded ({} events{}); {} failed",
        tally.inputs,
        tally.bytes as f64 / 1e6,
        tally.articles,
        tally.new,
        tally.versions,
        tally.unchanged,
        tally.coded,
        tally.events,
        merged
            .map(|m| format!(
                ", {} records and {} contradictions in the {} blocks merged",
                m.records, m.contradictions, m.blocks
            ))
            .unwrap_or_default(),
        tally.failed
    );
    Ok(if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads one input whole, refusing files over the limit before reading them.
fn read_bytes(input: &Input, max_bytes: usize) -> std::result::Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    let limit = max_bytes as u64 + 1;
    let read = match input {
        Input::Stdin => std::io::stdin().lock().take(limit).read_to_end(&mut buf),
        Input::File(p) => {
            let f = std::fs::File::open(p).map_err(|e| format!("cannot read: {e}"))?;
            if let Ok(m) = f.metadata() {
                if m.len() > max_bytes as u64 {
                    return Err(format!(
                        "input of {} bytes is over the limit of {max_bytes} bytes",
                        m.len()
                    ));
                }
            }
            f.take(limit).read_to_end(&mut buf)
        }
    };
    read.map_err(|e| format!("cannot read: {e}"))?;
    // A stream longer than the limit: let the reader report it as too large.
    Ok(buf)
}

/// Reads, cleans and stores the articles of one input, in one transaction
/// (`dyads_server::ingest::store_articles`); returns the stored documents
/// (new, new versions and unchanged ones) with their ids, for coding.
fn ingest_one(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
    limits: &Limits,
    tally: &mut Tally,
    report: impl FnMut(&str),
) -> Result<Vec<(i64, Document)>> {
    let mut t = dyads_server::ingest::Tally::default();
    let stored =
        dyads_server::ingest::store_articles(store, name, bytes, format, limits, &mut t, report)?;
    tally.articles += t.articles;
    tally.new += t.new;
    tally.versions += t.versions;
    tally.unchanged += t.unchanged;
    tally.failed += t.failed;
    Ok(stored)
}

fn report(quiet: bool, message: &str) {
    if !quiet {
        eprintln!("error: {message}");
    }
}
