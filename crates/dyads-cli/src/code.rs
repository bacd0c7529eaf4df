//! `dyads code`: articles in, one JSON object per coded event out (JSON
//! lines), no database.
//!
//! `--dict DIR` loads PETRARCH/TABARI actor and agent dictionaries for the
//! actors (instead of the built-in actor lexicon, or on top of it with
//! `--dict-over`); events always come from the built-in event lexicon: verb
//! dictionaries are not used by this command yet.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use dyads_coder::events::Pipeline;
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
    let pipeline = Pipeline::builder()
        .dicts(opts.dicts.clone())
        .over_builtin(opts.dict_over)
        .build()
        .context("loading the coder")?;
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
            for e in pipeline.code(&doc_id, &doc, opts.published.as_deref()) {
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
