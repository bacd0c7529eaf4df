//! `dyads docs` and `dyads show`: looking at what is stored.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Value};

use dyads_store::{Store, StoredDoc};

pub fn open(db: &Path) -> Result<Store> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no database here; run `dyads ingest PATH...` first or pass --db",
            db.display()
        );
    }
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

/// The JSON form of a stored document (the keys `dyads docs --json` and
/// `dyads show --json` promise).
pub fn doc_json(d: &StoredDoc, with_tokens: bool) -> Value {
    let m = &d.doc.meta;
    let mut v = json!({
        "id": d.id,
        "title": m.title,
        "published": m.published.as_ref().map(|p| &p.value),
        "published_precision": m.published.as_ref().map(|p| p.precision.as_str()),
        "authors": m.authors,
        "outlet": m.outlet,
        "dateline_place": m.dateline_place,
        "language": m.language,
        "url": m.url,
        "external_id": m.external_id,
        "source_path": d.origin.source_path,
        "format": d.origin.format,
        "position": d.origin.position,
        "version": d.version,
        "superseded_by": d.superseded_by,
        "content_hash": d.doc.content_hash,
        "text": d.doc.text,
        "sentences": d.doc.sentences.iter().map(|s| json!({"start": s.span.start, "end": s.span.end})).collect::<Vec<_>>(),
    });
    if with_tokens {
        v["tokens"] = d
            .doc
            .tokens
            .iter()
            .map(|t| json!({"start": t.span.start, "end": t.span.end, "kind": t.kind}))
            .collect();
    }
    v
}

/// `dyads docs`.
pub fn docs(db: &Path, json: bool, all_versions: bool) -> Result<()> {
    let store = open(db)?;
    let list = store.list(all_versions)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        for s in &list {
            let d = store.get(s.id)?;
            writeln!(out, "{}", doc_json(&d, false))?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "{:>5}  {:<10}  {:>4}  {:<24}  {:<22}  title",
        "id", "published", "sent", "outlet", "authors"
    )?;
    for s in &list {
        let date = s.published.as_deref().unwrap_or("-");
        writeln!(
            out,
            "{:>5}  {:<10}  {:>4}  {:<24}  {:<22}  {}{}",
            s.id,
            date.get(..10).unwrap_or(date),
            s.sentence_count,
            clip(s.outlet.as_deref().unwrap_or("-"), 24),
            clip(
                &if s.authors.is_empty() {
                    "-".to_string()
                } else {
                    s.authors.join(", ")
                },
                22
            ),
            s.title.as_deref().unwrap_or("(no title)"),
            match s.superseded_by {
                Some(n) => format!("  [v{}, superseded by {n}]", s.version),
                None if s.version > 1 => format!("  [v{}]", s.version),
                None => String::new(),
            }
        )?;
    }
    Ok(())
}

/// `dyads show ID`.
pub fn show(db: &Path, id: i64, json: bool, tokens: bool) -> Result<()> {
    let store = open(db)?;
    let d = store.get(id)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        writeln!(out, "{}", doc_json(&d, tokens))?;
        return Ok(());
    }
    let m = &d.doc.meta;
    let field = |v: Option<&str>| v.unwrap_or("-").to_string();
    writeln!(out, "id:          {}", d.id)?;
    writeln!(out, "title:       {}", field(m.title.as_deref()))?;
    writeln!(
        out,
        "published:   {}",
        m.published
            .as_ref()
            .map(|p| format!("{} ({})", p.value, p.precision.as_str()))
            .unwrap_or_else(|| "-".into())
    )?;
    writeln!(
        out,
        "authors:     {}",
        if m.authors.is_empty() {
            "-".into()
        } else {
            m.authors.join(", ")
        }
    )?;
    writeln!(out, "outlet:      {}", field(m.outlet.as_deref()))?;
    writeln!(out, "dateline:    {}", field(m.dateline_place.as_deref()))?;
    writeln!(out, "language:    {}", field(m.language.as_deref()))?;
    writeln!(out, "url:         {}", field(m.url.as_deref()))?;
    writeln!(
        out,
        "source:      {} ({}{})",
        field(d.origin.source_path.as_deref()),
        d.origin.format,
        if d.origin.position > 0 {
            format!(" #{}", d.origin.position)
        } else {
            String::new()
        }
    )?;
    writeln!(
        out,
        "version:     {}{}",
        d.version,
        d.superseded_by
            .map(|n| format!(", superseded by {n}"))
            .unwrap_or_default()
    )?;
    writeln!(out, "\n{}\n", d.doc.text)?;
    writeln!(out, "sentences ({}):", d.doc.sentences.len())?;
    for (i, s) in d.doc.sentences.iter().enumerate() {
        writeln!(
            out,
            "{i:>4} [{}..{}] {}",
            s.span.start,
            s.span.end,
            s.span.slice(&d.doc.text)
        )?;
        if tokens {
            let toks: Vec<&str> = d
                .doc
                .sentence_tokens(i)
                .iter()
                .map(|t| t.span.slice(&d.doc.text))
                .collect();
            writeln!(out, "       {}", toks.join(" | "))?;
        }
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n.saturating_sub(1)).collect();
        c.push('…');
        c
    }
}
