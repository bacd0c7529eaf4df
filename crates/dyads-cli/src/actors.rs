//! `dyads actors`: the resolved actors of stored documents or of article
//! files, one JSON object per actor per document, or a table.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde_json::json;

use dyads_coder::actors::{document_date, resolve, DocActors};
use dyads_lexicon::{Date, Lexicon};
use dyads_syntax::Pipeline;
use dyads_text::{clean, read_input, Document, Limits};

use crate::inputs::{expand, Input};

/// What `dyads actors` was asked.
pub struct Options {
    /// Document ids (store mode) or files (stateless mode).
    pub targets: Vec<String>,
    /// One JSON object per actor instead of a table.
    pub json: bool,
    /// PETRARCH/TABARI dictionary files or directories.
    pub dicts: Vec<PathBuf>,
    /// Use the dictionaries alone, without the built-in lexicon.
    pub dict_only: bool,
    /// Date to resolve roles on, overriding publication dates.
    pub date: Option<String>,
}

/// Runs `dyads actors`.
pub fn run(db: &Path, opts: &Options) -> Result<ExitCode> {
    let date = match &opts.date {
        Some(s) => {
            Some(Date::parse(s).with_context(|| format!("--date {s:?}: not YYYY[-MM[-DD]]"))?)
        }
        None => None,
    };
    let owned = load_dicts(&opts.dicts, opts.dict_only)?;
    let lexicon = match &owned {
        Some(l) => l,
        None => Lexicon::builtin().context("loading the built-in lexicon")?,
    };
    let pipeline = Pipeline::load().context("loading the syntax models")?;
    let ids: Vec<Option<i64>> = opts
        .targets
        .iter()
        .map(|t| t.parse::<i64>().ok().filter(|_| !Path::new(t).exists()))
        .collect();
    let stdout = std::io::stdout();
    let mut out = Printer {
        out: stdout.lock(),
        json: opts.json,
    };
    if !opts.targets.is_empty() && ids.iter().all(Option::is_none) {
        return files(&opts.targets, lexicon, &pipeline, date, &mut out);
    }
    if ids.iter().any(Option::is_none) {
        bail!("give either document ids or files, not both");
    }
    if !db.exists() {
        bail!(
            "{}: no database here; run `dyads ingest PATH...` first, pass --db, or name files",
            db.display()
        );
    }
    let store =
        dyads_store::Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let wanted: Vec<i64> = if ids.is_empty() {
        store.list(false)?.iter().map(|s| s.id).collect()
    } else {
        ids.into_iter().flatten().collect()
    };
    for id in wanted {
        let d = store.get(id).with_context(|| format!("document {id}"))?;
        let actors = run_doc(&d.doc, lexicon, &pipeline, date);
        out.doc(&json!(id), d.origin.source_path.as_deref(), &d.doc, &actors)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The dictionaries layered over the built-in lexicon (or alone); `None`
/// when there are none (the built-in lexicon is used as it is).
fn load_dicts(dicts: &[PathBuf], dict_only: bool) -> Result<Option<Lexicon>> {
    if dicts.is_empty() {
        if dict_only {
            bail!("--dict-only needs at least one --dict");
        }
        return Ok(None);
    }
    let mut files = Vec::new();
    for d in dicts {
        if d.is_dir() {
            let found = dyads_lexicon::import::dictionary_files(std::slice::from_ref(d));
            if found.is_empty() {
                bail!(
                    "{}: no actor, agent or discard dictionary here",
                    d.display()
                );
            }
            files.extend(found);
        } else {
            files.push(d.clone());
        }
    }
    let (lex, report) = Lexicon::from_dicts(&files).context("reading dictionaries")?;
    for w in report.warnings() {
        eprintln!("warning: {w}");
    }
    if dict_only {
        return Ok(Some(lex));
    }
    let builtin = Lexicon::builtin().context("loading the built-in lexicon")?;
    Ok(Some(lex.layer_over(builtin)))
}

/// Parses and resolves one document.
fn run_doc(doc: &Document, lex: &Lexicon, pipeline: &Pipeline, date: Option<Date>) -> DocActors {
    let parsed = pipeline.annotate(doc);
    resolve(doc, &parsed, lex, date.or_else(|| document_date(doc)))
}

/// Stateless mode: read, clean, parse and resolve the articles of files.
fn files(
    targets: &[String],
    lex: &Lexicon,
    pipeline: &Pipeline,
    date: Option<Date>,
    out: &mut Printer<impl Write>,
) -> Result<ExitCode> {
    let (inputs, missing) = expand(targets);
    let mut failed = !missing.is_empty();
    for m in &missing {
        eprintln!("error: {m}");
    }
    let mut n = 0u64;
    for input in inputs {
        let name = input.name();
        let bytes = match &input {
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
                    .map(|_| buf)
                    .map_err(|e| e.to_string())
            }
            Input::File(p) => std::fs::read(p).map_err(|e| e.to_string()),
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {name}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        for article in read_input(&name, &bytes, None, &Limits::default()) {
            let doc = match article.and_then(|a| clean(&a)) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("error: {e}");
                    failed = true;
                    continue;
                }
            };
            n += 1;
            let actors = run_doc(&doc, lex, pipeline, date);
            out.doc(&json!(n), Some(&name), &doc, &actors)?;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

struct Printer<W: Write> {
    out: W,
    json: bool,
}

impl<W: Write> Printer<W> {
    fn doc(
        &mut self,
        doc_id: &serde_json::Value,
        source: Option<&str>,
        doc: &Document,
        actors: &DocActors,
    ) -> Result<()> {
        if !self.json {
            let date = doc.meta.published.as_ref().map(|p| p.value.as_str());
            writeln!(
                self.out,
                "# document {doc_id}  {}  {}  {} actors, {} mentions, {} ambiguous",
                source.unwrap_or("-"),
                date.unwrap_or("(no date)"),
                actors.actors.len(),
                actors.mentions.len(),
                actors.ambiguous.len()
            )?;
            writeln!(
                self.out,
                "{:<28} {:<12} {:<4} {:<4} {:<9} {:<9} {:>3}  {:<30} surface forms",
                "id", "type", "ctry", "sect", "code", "source", "n", "role"
            )?;
        }
        for a in &actors.actors {
            if self.json {
                let v = json!({
                    "doc_id": doc_id,
                    "source_path": source,
                    "id": a.id,
                    "canonical": a.canonical,
                    "type": a.kind,
                    "country": a.country,
                    "sector": a.sector,
                    "role": a.role,
                    "code": a.code,
                    "surface_forms": a.surface_forms,
                    "mentions": a.mentions.iter().map(|s| json!({"start": s.start, "end": s.end})).collect::<Vec<_>>(),
                    "source": a.source,
                });
                writeln!(self.out, "{v}")?;
            } else {
                writeln!(
                    self.out,
                    "{:<28} {:<12} {:<4} {:<4} {:<9} {:<9} {:>3}  {:<30} {}",
                    clip(&a.id, 28),
                    a.kind,
                    a.country.as_deref().unwrap_or("-"),
                    a.sector.as_deref().unwrap_or("-"),
                    a.code.as_deref().unwrap_or("-"),
                    serde_json::to_value(a.source)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    a.mentions.len(),
                    clip(a.role.as_deref().unwrap_or("-"), 30),
                    a.surface_forms.join(" | ")
                )?;
            }
        }
        if !self.json {
            writeln!(self.out)?;
        }
        Ok(())
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
