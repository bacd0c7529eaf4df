//! `dyads explain ID`: why an event was coded: its sentence with the
//! evidence marked, the actors, and the lexicon entry that fired; and the
//! record it was merged into, with why it joined and which mentions joined
//! through it.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use dyads_lexicon::events::EventLexicon;

use crate::inspect::open;

/// Prints the explanation of stored event `id`.
pub fn run(db: &Path, id: i64) -> Result<()> {
    let store = open(db)?;
    let event = store.event(id)?;
    let stored = store.get(event.doc_id)?;
    let doc = &stored.doc;
    let r = &event.row;
    let json: Value = serde_json::from_str(&r.json).unwrap_or(Value::Null);
    let lexicon = EventLexicon::builtin().context("loading the event lexicon")?;
    let mut out = String::new();
    let title = doc.meta.title.as_deref().unwrap_or("(no title)");
    let _ = writeln!(
        out,
        "event {id}: document {} \"{title}\", sentence {}",
        event.doc_id, r.sentence
    );
    let code_name = lexicon
        .code(&r.cameo)
        .map(|c| c.name.as_str())
        .unwrap_or("?");
    let _ = writeln!(
        out,
        "  CAMEO {} ({code_name}), PLOVER {}{}, Goldstein {}, quad {}",
        r.cameo,
        r.plover.as_deref().unwrap_or("-"),
        r.mode
            .as_deref()
            .map(|m| format!(" / {m}"))
            .unwrap_or_default(),
        r.goldstein.map_or("-".into(), |g| g.to_string()),
        r.quad.map_or("-".into(), |q| q.to_string()),
    );
    let _ = writeln!(
        out,
        "  modality {}{}; date {} {}",
        r.modality,
        if r.reciprocal { ", reciprocal" } else { "" },
        match (&r.date, &r.date_end) {
            (Some(a), Some(b)) if a != b => format!("{a}..{b}"),
            (Some(a), _) => a.clone(),
            _ => "-".into(),
        },
        r.date_precision
            .as_deref()
            .map(|p| format!("({p})"))
            .unwrap_or_default()
    );
    for side in ["source", "target"] {
        let _ = writeln!(out, "  {side}: {}", actors(&json[side]));
    }
    if let Some(place) = json["location"].as_object() {
        let _ = writeln!(
            out,
            "  place: {} ({})",
            place.get("text").and_then(Value::as_str).unwrap_or("?"),
            place.get("country").and_then(Value::as_str).unwrap_or("?")
        );
    }
    let sentence = usize::try_from(r.sentence)
        .ok()
        .and_then(|i| doc.sentences.get(i))
        .map(|s| s.span);
    let (ev_start, ev_end) = (r.evidence.start as usize, r.evidence.end as usize);
    match sentence.and_then(|s| {
        let (a, b) = (s.start as usize, s.end as usize);
        let (x, y) = (ev_start.clamp(a, b), ev_end.clamp(a, b));
        Some((
            doc.text.get(a..x)?,
            doc.text.get(x..y)?,
            doc.text.get(y..b)?,
        ))
    }) {
        Some((before, evidence, after)) => {
            let _ = writeln!(out, "  sentence: {before}[[{evidence}]]{after}");
        }
        None => {
            let _ = writeln!(out, "  sentence: (not found in the stored text)");
        }
    }
    let _ = writeln!(
        out,
        "  evidence: bytes {ev_start}..{ev_end} of the clean text"
    );
    match lexicon.entry(&r.rule) {
        Some(e) => {
            let _ = writeln!(
                out,
                "  rule: {} ({:?} entry on `{}`, events.tsv line {}); its example: {}",
                e.id, e.kind, e.lemma, e.line, e.example.text
            );
        }
        None => {
            let _ = writeln!(out, "  rule: {} (not in this lexicon)", r.rule);
        }
    }
    // The record it belongs to: why it joined, and the other mentions.
    if let Some(rid) = store.record_of_event(id)? {
        let d = store.record(rid)?;
        let _ = writeln!(
            out,
            "  record {rid}: {} mentions in {} documents (`dyads record {rid}`)",
            d.record.mentions, d.record.documents
        );
        for m in &d.mention_list {
            if m.event_id == id {
                match (&m.linked_to, &m.reason) {
                    (Some(j), Some(why)) => {
                        let _ = writeln!(out, "    joined via mention {j}: {why}");
                    }
                    _ => {
                        let _ = writeln!(out, "    first mention of the record");
                    }
                }
            } else if m.linked_to == Some(id) {
                let _ = writeln!(
                    out,
                    "    mention {} (document {}) joined via this one: {}",
                    m.event_id,
                    m.doc_id,
                    m.reason.as_deref().unwrap_or("-")
                );
            }
        }
    }
    print!("{out}");
    Ok(())
}

/// `text -> canonical [code]` for one actor or a compound.
fn actors(v: &Value) -> String {
    let one = |a: &Value| {
        let s = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or("-").to_string();
        format!(
            "\"{}\" -> {} [{}]{}{}",
            s("text"),
            s("canonical"),
            s("code"),
            a.get("role")
                .and_then(Value::as_str)
                .map(|r| format!(", {r}"))
                .unwrap_or_default(),
            if a.get("implicit").and_then(Value::as_bool) == Some(true) {
                " (implicit: not named in the sentence; the article's counterpart)"
            } else {
                ""
            }
        )
    };
    match v {
        Value::Null => "none".into(),
        Value::Array(list) => list.iter().map(one).collect::<Vec<_>>().join(" + "),
        other => one(other),
    }
}
