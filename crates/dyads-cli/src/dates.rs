//! `dyads dates [--dct YYYY-MM-DD] [FILE|-]`: the time expressions of a
//! text, one JSON object per line.
//!
//! Two kinds of input:
//! - plain text (standard input, or a file whose name ends in `.txt` or
//!   `.text` or has no extension): taken as it is; `start` and `end` are
//!   byte offsets into the input. `--dct` is required.
//! - articles (any other file, or any input with `--format`): read with
//!   `read_input` and cleaned with `clean` as `dyads ingest` does; `start`
//!   and `end` are byte offsets into each article's clean text (what
//!   `dyads show` prints), and every line has `doc`, the article's origin.
//!   The DCT is `--dct` when given, else the article's publication date;
//!   an article with neither is reported and skipped (exit status 1).
//!
//! Each object has `start`, `end`, `text`, `type` (DATE, TIME, DURATION,
//! SET), `value` (TIMEX3), `precision`, and `mod`, `end_value` and
//! `reaches` (the day a duration such as "three days later" leads to from
//! the narrative) when present.

use std::io::{BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde_json::json;

use dyads_text::{clean, read_input, Format, Limits};
use dyads_time::{tag, Date, Timex};

/// Options of `dyads dates`.
#[derive(Debug)]
pub struct Options {
    /// The input: a file, or `-` for standard input.
    pub input: String,
    /// The document creation time given on the command line.
    pub dct: Option<String>,
    /// Read the input as articles in this format.
    pub format: Option<Format>,
    /// Largest input in bytes.
    pub max_bytes: usize,
}

/// True when the input is read as plain text rather than articles.
fn is_plain(input: &str, format: Option<Format>) -> bool {
    if format.is_some() {
        return false;
    }
    if input == "-" {
        return true;
    }
    let ext = Path::new(input)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    matches!(ext.as_deref(), None | Some("txt" | "text"))
}

fn read_all(input: &str, max_bytes: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = max_bytes as u64 + 1;
    if input == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .context("-: cannot read standard input")?;
    } else {
        std::fs::File::open(input)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .with_context(|| format!("{input}: cannot read"))?;
    }
    if bytes.len() > max_bytes {
        bail!("{input}: larger than {max_bytes} bytes (see --max-bytes)");
    }
    Ok(bytes)
}

fn parse_dct(s: &str) -> Result<Date> {
    s.parse::<Date>()
        .with_context(|| format!("--dct {s:?}: expected a date written YYYY-MM-DD"))
}

/// One output line, fields in this order.
#[derive(serde::Serialize)]
struct Line<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_value: Option<&'a str>,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    mod_: Option<&'a str>,
    precision: dyads_time::Precision,
    #[serde(skip_serializing_if = "Option::is_none")]
    reaches: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc: Option<&'a str>,
}

fn line<'a>(text: &'a str, t: &'a Timex, doc: Option<&'a str>) -> Line<'a> {
    Line {
        start: t.span.start,
        end: t.span.end,
        text: t.text(text),
        kind: t.kind.as_str(),
        value: &t.value,
        end_value: t.end_value.as_deref(),
        mod_: t.mod_.as_deref(),
        precision: t.precision,
        reaches: t.reaches.as_deref(),
        doc,
    }
}

fn write_lines(out: &mut dyn Write, text: &str, dct: Date, doc: Option<&str>) -> Result<usize> {
    let found = tag(text, dct);
    for t in &found {
        let mut s = serde_json::to_string(&line(text, t, doc))?;
        s.push('\n');
        out.write_all(s.as_bytes())?;
    }
    Ok(found.len())
}

/// Runs `dyads dates`: exit status 1 when an article was skipped.
pub fn run(opts: &Options) -> Result<ExitCode> {
    let dct = opts.dct.as_deref().map(parse_dct).transpose()?;
    let name = opts.input.as_str();
    let plain = is_plain(name, opts.format);
    if plain && dct.is_none() {
        bail!(
            "{name}: no --dct given: plain text has no publication date to anchor \
             relative dates on; pass --dct YYYY-MM-DD"
        );
    }
    let bytes = read_all(name, opts.max_bytes)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if plain {
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| anyhow::anyhow!("{name}: byte {}: not UTF-8 text", e.valid_up_to()))?;
        let dct = dct.context("no --dct")?;
        write_lines(&mut out, text, dct, None).map(|_| ExitCode::SUCCESS)
    } else {
        articles(&mut out, name, &bytes, dct, opts)
    };
    match result.and_then(|code| out.flush().map(|_| code).map_err(Into::into)) {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        r => r,
    }
}

fn articles(
    out: &mut dyn Write,
    name: &str,
    bytes: &[u8],
    dct: Option<Date>,
    opts: &Options,
) -> Result<ExitCode> {
    let limits = Limits {
        max_input_bytes: opts.max_bytes,
        ..Limits::default()
    };
    let mut failed = 0usize;
    for article in read_input(name, bytes, opts.format, &limits) {
        let (doc, origin) = match article.map(|a| (clean(&a), a.origin())) {
            Ok((Ok(doc), origin)) => (doc, origin),
            Ok((Err(e), _)) | Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
                continue;
            }
        };
        let published = doc.meta.published.as_ref().and_then(|p| p.date());
        let doc_dct = match (dct, published.map(str::parse::<Date>)) {
            (Some(d), _) => d,
            (None, Some(Ok(d))) => d,
            (None, _) => {
                failed += 1;
                eprintln!(
                    "error: {origin}: no --dct given and no publication date (to the day) \
                     found in the article; skipped (pass --dct YYYY-MM-DD)"
                );
                continue;
            }
        };
        write_lines(out, &doc.text, doc_dct, Some(&origin))?;
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `dyads eval timeml DIR`: TempEval-3 task A on every `.tml` file under
/// `dir`, per corpus (first directory level), overall, and on the tuning
/// and held-out parts; `errors` receives one line per miss, spurious
/// expression or wrong value of the tuning part only, so that the held-out
/// figure stays an honest estimate.
pub fn eval_timeml(dir: &Path, as_json: bool, errors: Option<&Path>) -> Result<ExitCode> {
    let report = dyads_time::eval_timeml(dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    for f in &report.failed {
        eprintln!("error: {f}");
    }
    if as_json {
        let (tuning, held) = report.split_held_out();
        let mut parts = serde_json::Map::new();
        for (g, c) in report.by_group() {
            parts.insert(g, counts_json(&c));
        }
        parts.insert("all".into(), counts_json(&report.total()));
        parts.insert("tuning".into(), counts_json(&tuning.total()));
        parts.insert("held_out".into(), counts_json(&held.total()));
        println!("{}", serde_json::Value::Object(parts));
    } else {
        print!("{report}");
    }
    if let Some(path) = errors {
        let mut f = std::fs::File::create(path)
            .map(BufWriter::new)
            .with_context(|| format!("{}: cannot create", path.display()))?;
        report
            .split_held_out()
            .0
            .write_errors(&mut f)
            .and_then(|_| f.flush())
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn counts_json(c: &dyads_time::score::Counts) -> serde_json::Value {
    let prf = |(p, r, f): (f64, f64, f64)| json!({ "precision": p, "recall": r, "f1": f });
    json!({
        "gold": c.gold,
        "system": c.system,
        "strict": prf(c.strict_prf()),
        "relaxed": prf(c.relaxed_prf()),
        "value": prf(c.value_prf()),
        "value_accuracy": c.value_accuracy(),
        "type_accuracy": c.type_accuracy(),
    })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_or_articles() {
        assert!(is_plain("-", None));
        assert!(is_plain("notes.txt", None));
        assert!(is_plain("README", None));
        assert!(!is_plain("page.html", None));
        assert!(!is_plain("feed.jsonl", None));
        assert!(!is_plain("notes.txt", Some(Format::Text)));
    }

    #[test]
    fn dct_must_be_a_date() {
        assert!(parse_dct("2024-01-17").is_ok());
        let e = parse_dct("17/01/2024").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("--dct \"17/01/2024\": expected a date written YYYY-MM-DD")
        );
    }
}
