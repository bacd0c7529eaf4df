//! Event records across sources: `dyads records`, `dyads record ID`,
//! `dyads merge`, `dyads split`, `dyads contradictions`, `dyads dyad`,
//! `dyads timeline` and `dyads network`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use dyads_store::{Period, Record, RecordFilter};

use crate::inspect::open;

fn out() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

fn side(name: &Option<String>, country: &Option<String>) -> String {
    match (name, country) {
        (Some(n), Some(c)) if n != c => format!("{n} ({c})"),
        (Some(n), _) => n.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => "-".into(),
    }
}

/// `start..end`, `start` alone when they are one day, or `-`.
fn span(start: &Option<String>, end: &Option<String>) -> String {
    match (start, end) {
        (Some(a), Some(b)) if a != b => format!("{a}..{b}"),
        (Some(a), _) => a.clone(),
        _ => "-".into(),
    }
}

fn dates(r: &Record) -> String {
    span(&r.date, &r.date_end)
}

/// A contradiction value's source: its outlet, else its document.
fn source_of(v: &serde_json::Value) -> String {
    v["outlet"]
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| format!("document {}", v["doc_id"]))
}

fn print_records(records: &[Record], json: bool) -> Result<()> {
    let mut o = out();
    if json {
        for r in records {
            writeln!(o, "{}", serde_json::to_string(r)?)?;
        }
        o.flush()?;
        return Ok(());
    }
    writeln!(
        o,
        "{:>6}  {:<22}  {:<5}  {:<11}  {:<10}  {:>4}  {:>4}  source -> target",
        "id", "date", "cameo", "plover", "modality", "ment", "docs"
    )?;
    for r in records {
        writeln!(
            o,
            "{:>6}  {:<22}  {:<5}  {:<11}  {:<10}  {:>4}  {:>4}  {} -> {}",
            r.id,
            dates(r),
            r.cameo,
            r.plover.as_deref().unwrap_or("-"),
            r.modality,
            r.mentions,
            r.documents,
            side(&r.source, &r.source_country),
            side(&r.target, &r.target_country)
        )?;
    }
    writeln!(o, "{} records", records.len())?;
    o.flush()?;
    Ok(())
}

/// `dyads records` (and `dyads timeline ACTOR`, which is the same list
/// for one actor, oldest first).
pub fn list(db: &Path, filter: &RecordFilter, json: bool, oldest_first: bool) -> Result<()> {
    let store = open(db)?;
    let mut records = store.records(filter)?;
    if oldest_first {
        records.reverse();
    }
    print_records(&records, json)
}

/// `dyads record ID`: the record, each mention with its source's sentence
/// and why it joined, and the contradictions.
pub fn show(db: &Path, id: i64, json: bool) -> Result<()> {
    let store = open(db)?;
    let d = store.record(id)?;
    let mut o = out();
    if json {
        writeln!(o, "{}", serde_json::to_string(&d)?)?;
        o.flush()?;
        return Ok(());
    }
    let r = &d.record;
    writeln!(
        o,
        "record {}: {} {} ({}), {}, {}: {} -> {}",
        r.id,
        r.cameo,
        r.plover.as_deref().unwrap_or("-"),
        r.modality,
        dates(r),
        format_args!("{} mentions in {} documents", r.mentions, r.documents),
        side(&r.source, &r.source_country),
        side(&r.target, &r.target_country)
    )?;
    for m in &d.mention_list {
        writeln!(
            o,
            "\n  mention {} (document {}{}), date {}:",
            m.event_id,
            m.doc_id,
            m.outlet
                .as_deref()
                .map(|x| format!(", {x}"))
                .unwrap_or_default(),
            span(&m.date, &m.date_end)
        )?;
        writeln!(o, "    {}", m.sentence.trim())?;
        match (&m.linked_to, &m.reason) {
            (Some(j), Some(why)) => writeln!(o, "    joined via mention {j}: {why}")?,
            _ => writeln!(o, "    first mention of the record")?,
        }
    }
    for c in &d.contradictions {
        writeln!(o, "\n  contradiction on {}:", c.field)?;
        for v in c.values.as_array().into_iter().flatten() {
            writeln!(
                o,
                "    {} says {} (mention {}): {}",
                source_of(v),
                v["value"].as_str().unwrap_or("-"),
                v["event_id"],
                v["words"].as_str().unwrap_or("").trim()
            )?;
        }
    }
    o.flush()?;
    Ok(())
}

/// `dyads merge [--rebuild]`.
pub fn merge(db: &Path, rebuild: bool) -> Result<()> {
    let mut store = open(db)?;
    let s = if rebuild {
        store.rebuild_records()?
    } else {
        store.merge_records()?
    };
    eprintln!(
        "dyads merge: {} blocks, {} mentions -> {} records; {} contradictions",
        s.blocks, s.mentions, s.records, s.contradictions
    );
    Ok(())
}

/// `dyads split RECORD EVENT...`.
pub fn split(db: &Path, record: i64, events: &[i64]) -> Result<()> {
    let mut store = open(db)?;
    let s = store.split_record(record, events)?;
    let new = store.record_of_event(events.first().copied().unwrap_or_default())?;
    eprintln!(
        "dyads split: record {record} split; the mentions given are now in record {}; {} records in the block",
        new.map_or("-".to_string(), |n| n.to_string()),
        s.records
    );
    Ok(())
}

/// `dyads contradictions`.
pub fn contradictions(db: &Path, json: bool) -> Result<()> {
    let store = open(db)?;
    let all = store.contradictions()?;
    let mut o = out();
    for c in &all {
        if json {
            writeln!(o, "{}", serde_json::to_string(c)?)?;
            continue;
        }
        let vals: Vec<String> = c
            .values
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| format!("{}: {}", source_of(v), v["value"].as_str().unwrap_or("-")))
            .collect();
        writeln!(o, "record {} {}: {}", c.record_id, c.field, vals.join("; "))?;
    }
    if !json {
        writeln!(o, "{} contradictions", all.len())?;
    }
    o.flush()?;
    Ok(())
}

/// Output form of `dyads dyad`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesFormat {
    /// Aligned columns.
    Table,
    /// JSON lines.
    Json,
    /// CSV with a header.
    Csv,
}

/// `dyads dyad A B`.
pub fn dyad(
    db: &Path,
    a: &str,
    b: &str,
    by: Period,
    all: bool,
    format: SeriesFormat,
) -> Result<()> {
    let store = open(db)?;
    let rows = store.dyad_series(a, b, by, !all)?;
    let mut o = out();
    match format {
        SeriesFormat::Json => {
            for r in &rows {
                writeln!(o, "{}", serde_json::to_string(r)?)?;
            }
        }
        SeriesFormat::Csv => {
            writeln!(o, "period,plover,quad,count,goldstein_sum,goldstein_mean")?;
            for r in &rows {
                writeln!(
                    o,
                    "{},{},{},{},{:.1},{:.2}",
                    r.period,
                    r.plover,
                    r.quad.map(|q| q.to_string()).unwrap_or_default(),
                    r.count,
                    r.goldstein_sum,
                    r.goldstein_mean
                )?;
            }
        }
        SeriesFormat::Table => {
            writeln!(
                o,
                "{:<10}  {:<12}  {:>4}  {:>5}  {:>8}  {:>6}",
                "period", "plover", "quad", "count", "gold.sum", "mean"
            )?;
            for r in &rows {
                writeln!(
                    o,
                    "{:<10}  {:<12}  {:>4}  {:>5}  {:>8.1}  {:>6.2}",
                    r.period,
                    r.plover,
                    r.quad.map(|q| q.to_string()).unwrap_or_default(),
                    r.count,
                    r.goldstein_sum,
                    r.goldstein_mean
                )?;
            }
            writeln!(
                o,
                "{a} and {b}, either direction, {} records",
                rows.iter().map(|r| r.count).sum::<i64>()
            )?;
        }
    }
    o.flush()?;
    Ok(())
}

/// `dyads network [--json|--dot]`.
pub fn network(db: &Path, json: bool, dot: bool, all: bool) -> Result<()> {
    let store = open(db)?;
    let edges = store.network(!all)?;
    let mut o = out();
    if dot {
        writeln!(o, "digraph dyads {{")?;
        for e in &edges {
            let colour = if e.conflict > e.cooperation {
                "red"
            } else {
                "darkgreen"
            };
            writeln!(
                o,
                "  {:?} -> {:?} [penwidth={}, color={colour}, label=\"+{} -{} ({:.1})\"];",
                e.source,
                e.target,
                1 + (e.cooperation + e.conflict).min(9),
                e.cooperation,
                e.conflict,
                e.goldstein_sum
            )?;
        }
        writeln!(o, "}}")?;
    } else if json {
        for e in &edges {
            writeln!(o, "{}", serde_json::to_string(e)?)?;
        }
    } else {
        writeln!(
            o,
            "{:<20}  {:<20}  {:>5}  {:>5}  {:>8}",
            "source", "target", "coop", "confl", "gold.sum"
        )?;
        for e in &edges {
            writeln!(
                o,
                "{:<20}  {:<20}  {:>5}  {:>5}  {:>8.1}",
                e.source, e.target, e.cooperation, e.conflict, e.goldstein_sum
            )?;
        }
    }
    o.flush()?;
    Ok(())
}

/// `dyads stories [--json]`.
pub fn stories(db: &Path, json: bool) -> Result<()> {
    let store = open(db)?;
    let all = store.stories()?;
    let mut o = out();
    for s in &all {
        if json {
            writeln!(o, "{}", serde_json::to_string(s)?)?;
            continue;
        }
        writeln!(
            o,
            "{:>6}  {:<23}  {:>3} records  {:>3} docs  {:<20}  {}",
            s.id,
            span(&s.start, &s.end),
            s.timeline.len(),
            s.documents.len(),
            s.participants.join(", "),
            s.title.as_deref().unwrap_or("-")
        )?;
    }
    if !json {
        writeln!(o, "{} stories", all.len())?;
    }
    o.flush()?;
    Ok(())
}

/// `dyads story ID [--json]`: the story and its timeline of records.
pub fn story(db: &Path, id: i64, json: bool) -> Result<()> {
    let store = open(db)?;
    let s = store.story(id)?;
    if json {
        let mut o = out();
        writeln!(o, "{}", serde_json::to_string(&s)?)?;
        o.flush()?;
        return Ok(());
    }
    {
        let mut o = out();
        writeln!(
            o,
            "story {}: {}\n  {} .. {}; participants: {}; documents: {}\n",
            s.id,
            s.title.as_deref().unwrap_or("-"),
            s.start.as_deref().unwrap_or("?"),
            s.end.as_deref().unwrap_or("?"),
            s.participants.join(", "),
            s.documents
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        o.flush()?;
    }
    print_records(&s.timeline, false)
}
