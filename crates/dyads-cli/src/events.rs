//! `dyads events`: the stored event mentions, as a table or JSON lines.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::Value;

use dyads_store::{EventFilter, StoredEvent};

use crate::inspect::open;

/// Prints the events that pass `filter`.
pub fn run(db: &Path, filter: &EventFilter, json: bool) -> Result<()> {
    let store = open(db)?;
    let events = store.events(filter)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if json {
        for e in &events {
            writeln!(out, "{}", event_json(e))?;
        }
        out.flush()?;
        return Ok(());
    }
    writeln!(
        out,
        "{:>6}  {:>4}  {:>4}  {:<10}  {:<5}  {:<11}  {:<14}  {:<12}  rule",
        "id", "doc", "sent", "date", "cameo", "plover", "source->target", "modality"
    )?;
    for e in &events {
        let r = &e.row;
        let side = |code: &Option<String>, country: &Option<String>| {
            country
                .clone()
                .or_else(|| code.clone())
                .unwrap_or_else(|| "-".into())
        };
        writeln!(
            out,
            "{:>6}  {:>4}  {:>4}  {:<10}  {:<5}  {:<11}  {:<14}  {:<12}  {}",
            e.id,
            e.doc_id,
            r.sentence,
            r.date.as_deref().unwrap_or("-"),
            r.cameo,
            r.plover.as_deref().unwrap_or("-"),
            format!(
                "{}{}{}",
                side(&r.source_code, &r.source_country),
                if r.reciprocal { "<>" } else { "->" },
                side(&r.target_code, &r.target_country)
            ),
            r.modality,
            r.rule
        )?;
    }
    writeln!(out, "{} events", events.len())?;
    out.flush()?;
    Ok(())
}

/// The coder's event object with the stored ids in `id` and `doc_id`.
fn event_json(e: &StoredEvent) -> Value {
    let mut v: Value = serde_json::from_str(&e.row.json).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert("id".into(), Value::from(e.id));
        map.insert("doc_id".into(), Value::from(e.doc_id));
    } else {
        v = serde_json::json!({"id": e.id, "doc_id": e.doc_id});
    }
    v
}
