//! `cargo xtask bench-ingest`: ingest speed and memory on a generated corpus.

use std::time::Instant;

use anyhow::{ensure, Result};

use dyads_store::{Origin, Store};
use dyads_text::{clean, read_input, Limits};

use crate::corpus;

/// Peak resident memory of this process in kB (Linux), if known.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Generates `n` articles, reads and cleans them, then stores them.
pub fn ingest(n: usize, db: Option<String>) -> Result<()> {
    let t0 = Instant::now();
    let articles = corpus::generate(n, 42);
    let bytes: usize = articles.iter().map(|(_, a)| a.len()).sum();
    println!(
        "generated {n} articles, {:.1} MB, in {:.2}s",
        bytes as f64 / 1e6,
        t0.elapsed().as_secs_f64()
    );

    let limits = Limits::default();
    let t = Instant::now();
    let mut docs = Vec::with_capacity(n);
    let (mut sentences, mut tokens) = (0usize, 0usize);
    for (name, text) in &articles {
        for a in read_input(name, text.as_bytes(), None, &limits) {
            let a = a?;
            let d = clean(&a)?;
            sentences += d.sentences.len();
            tokens += d.tokens.len();
            docs.push((a, d));
        }
    }
    let secs = t.elapsed().as_secs_f64();
    ensure!(
        docs.len() == n,
        "expected {n} documents, got {}",
        docs.len()
    );
    ensure!(sentences > n * 10, "too few sentences: {sentences}");
    println!(
        "read+clean+segment: {n} docs in {secs:.2}s = {:.0} docs/s, {:.1} MB/s (one core); {sentences} sentences, {tokens} tokens",
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );

    let path = db.unwrap_or_else(|| {
        std::env::temp_dir()
            .join(format!("dyads-bench-{}.db", std::process::id()))
            .display()
            .to_string()
    });
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(std::path::Path::new(&path))?;
    let t = Instant::now();
    for chunk in docs.chunks(500) {
        store.in_transaction(|s| {
            for (a, d) in chunk {
                let origin = Origin {
                    source_path: a.source_path.clone(),
                    format: "text".into(),
                    position: a.position,
                };
                s.insert(d, &origin, &a.content)?;
            }
            Ok(())
        })?;
    }
    let secs_store = t.elapsed().as_secs_f64();
    let (stored, stored_sentences) = store.counts()?;
    ensure!(stored as usize == n, "stored {stored} of {n}");
    ensure!(
        stored_sentences as usize == sentences,
        "stored sentences differ"
    );
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "store (SQLite, WAL, 500 per transaction): {n} docs in {secs_store:.2}s = {:.0} docs/s; database {:.1} MB",
        n as f64 / secs_store,
        size as f64 / 1e6
    );
    let total = secs + secs_store;
    println!(
        "ingest total: {:.0} docs/s, {:.1} MB/s; peak RSS {} MB (whole corpus held in memory)",
        n as f64 / total,
        bytes as f64 / 1e6 / total,
        peak_rss_kb()
            .map(|k| (k / 1024).to_string())
            .unwrap_or_else(|| "?".into())
    );
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    Ok(())
}
