//! `dyads code`: articles in, one JSON object per coded event out (JSON
//! lines), no database.
//!
//! `--dict DIR` loads PETRARCH/TABARI actor and agent dictionaries for the
//! actors (instead of the built-in actor lexicon, or on top of it with
//! `--dict-over`). When a verb dictionary (a file whose name holds
//! `verbs`) is among them, events come from it through the dictionary
//! coder ([`dyads_coder::events::code_with_dict`]); with `--dict-over` they
//! are added to the built-in coder's events (an event both give, same
//! sentence, code, source and target codes, is written once).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use dyads_coder::dict::coder::{CodeOptions, CommaRule};
use dyads_coder::events::{code_with_dict, Event, Pipeline};
use dyads_lexicon::events::EventLexicon;
use dyads_lexicon::Lexicon;
use dyads_text::{clean, read_input, Article, Limits};

use crate::inputs::{expand, Input};

/// Options of `dyads code`.
pub struct Options {
    /// Files, directories, globs or `-`.
    pub paths: Vec<String>,
    /// Dictionary files or directories.
    pub dicts: Vec<PathBuf>,
    /// Layer the dictionaries over the built-in lexicon.
    pub dict_over: bool,
    /// Publication date overriding the articles' own (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// Largest input in bytes.
    pub max_bytes: usize,
}

/// Runs the command; exit status 1 when some input was bad and skipped.
pub fn run(opts: &Options) -> Result<ExitCode> {
    if let Some(p) = &opts.published {
        p.parse::<dyads_time::Date>()
            .map_err(|e| anyhow::anyhow!("--published {p:?}: {e}"))?;
    }
    let (_, actor_files) =
        dyads_coder::dict::dictionary_files(&opts.dicts).context("reading --dict")?;
    let pipeline = Pipeline::builder()
        .dicts(actor_files)
        .over_builtin(opts.dict_over)
        .build()
        .context("loading the coder")?;
    let builtin = Lexicon::builtin().context("loading the built-in lexicon")?;
    let cameo = EventLexicon::builtin().context("loading the CAMEO table")?;
    let dict =
        dyads_coder::dict::load_for_documents(&opts.dicts, opts.dict_over.then_some(builtin))
            .context("loading the dictionaries")?;
    if let Some(d) = &dict {
        for w in d.warnings() {
            eprintln!("warning: {w}");
        }
        let (verbs, patterns) = d
            .verbs
            .iter()
            .fold((0, 0), |(v, p), r| (v + r.verbs, p + r.patterns));
        eprintln!(
            "dyads code: verb dictionaries: {verbs} verbs, {patterns} patterns; {} actor and {} agent phrases",
            d.phrases.0, d.phrases.1
        );
    }
    // TABARI's comma rule drops inner asides, but never a final clause
    // here: in news prose the clause after an opening "Later," is the main
    // one.
    let dict_opts = CodeOptions {
        comma: Some(CommaRule {
            emin: 1,
            emax: 0,
            ..CommaRule::default()
        }),
        ..CodeOptions::default()
    };
    let paths = if opts.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.paths.clone()
    };
    let (inputs, missing) = expand(&paths);
    let mut failed = missing.len();
    for m in &missing {
        eprintln!("error: {m}");
    }
    let limits = Limits {
        max_input_bytes: opts.max_bytes,
        ..Limits::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut events = 0usize;
    for input in &inputs {
        let name = input.name();
        let bytes = match read_all(input, opts.max_bytes) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {name}: {e}");
                failed += 1;
                continue;
            }
        };
        for (n, article) in read_input(&name, &bytes, None, &limits)
            .into_iter()
            .enumerate()
        {
            let article = match article {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("error: {e}");
                    failed += 1;
                    continue;
                }
            };
            let doc_id = doc_id(&article, &name, n);
            let doc = match clean(&article) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("error: {doc_id}: {e}");
                    failed += 1;
                    continue;
                }
            };
            let coded = match &dict {
                None => pipeline.code(&doc_id, &doc, opts.published.as_deref()),
                Some(d) => {
                    let published = opts
                        .published
                        .as_deref()
                        .or_else(|| doc.meta.published.as_ref().and_then(|p| p.date()))
                        .and_then(|p| p.parse::<dyads_time::Date>().ok());
                    let parsed = pipeline.syntax().annotate(&doc);
                    let from_dict = code_with_dict(
                        &d.coder, &dict_opts, cameo, builtin, &doc_id, &doc, &parsed, published,
                    );
                    if opts.dict_over {
                        let own = pipeline.code(&doc_id, &doc, opts.published.as_deref());
                        merge(&doc_id, own, from_dict)
                    } else {
                        from_dict
                    }
                }
            };
            for e in coded {
                serde_json::to_writer(&mut out, &e)?;
                out.write_all(b"\n")?;
                events += 1;
            }
        }
    }
    out.flush()?;
    eprintln!(
        "dyads code: {} inputs, {events} events; {failed} failed",
        inputs.len()
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The built-in coder's events and the dictionary's, in sentence order; a
/// dictionary event the built-in coder also gives (same sentence, CAMEO
/// code, source and target codes) is dropped; ids are renumbered.
fn merge(doc_id: &str, own: Vec<Event>, dict: Vec<Event>) -> Vec<Event> {
    let key = |e: &Event| {
        let codes = |a: &Option<dyads_coder::events::Actors>| {
            a.as_ref()
                .map(|a| {
                    a.members()
                        .iter()
                        .filter_map(|m| m.code.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        (
            e.sentence,
            e.cameo.clone(),
            codes(&e.source),
            codes(&e.target),
        )
    };
    let mut all = own;
    for e in dict {
        let k = key(&e);
        if !all.iter().any(|o| key(o) == k) {
            all.push(e);
        }
    }
    all.sort_by_key(|e| (e.sentence, e.evidence.start));
    for (n, e) in all.iter_mut().enumerate() {
        e.id = format!("{doc_id}:{}:{n}", e.sentence);
    }
    all
}

/// The document id: the container's id (JSON `id`, feed guid), else the
/// URL, else the input name with the article's position.
fn doc_id(article: &Article, name: &str, n: usize) -> String {
    if let Some(id) = article
        .hints
        .external_id
        .as_ref()
        .or(article.hints.url.as_ref())
    {
        return id.clone();
    }
    if article.position > 0 {
        format!("{name}#{}", article.position)
    } else if n > 0 {
        format!("{name}#{}", n + 1)
    } else {
        name.to_string()
    }
}

fn read_all(input: &Input, max: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let limit = max as u64 + 1;
    match input {
        Input::Stdin => std::io::stdin().lock().take(limit).read_to_end(&mut buf)?,
        Input::File(p) => std::fs::File::open(p)?.take(limit).read_to_end(&mut buf)?,
    };
    Ok(buf)
}
