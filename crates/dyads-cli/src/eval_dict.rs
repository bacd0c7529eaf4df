//! `dyads eval tabari DIR` and `dyads eval petrarch XML --dict DIR`: the
//! validation suites coded with their own dictionaries, scored over
//! (source, target, code) triples, with per-record results written to a
//! JSON-lines file. Malformed dictionary lines are skipped, listed on
//! stderr as `warning: file:line: message`, and make the exit status 1.

use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::json;

use dyads_eval::triples::{score_petrarch_xml, score_tabari_dir, TripleReport};

/// The per-record file: `out`, or a file under the system temp dir.
fn out_path(out: Option<&Path>, name: &str) -> PathBuf {
    out.map(Path::to_path_buf)
        .unwrap_or_else(|| std::env::temp_dir().join(format!("dyads-eval-{name}.jsonl")))
}

fn finish(report: &TripleReport, out: &Path, json_out: bool) -> Result<ExitCode> {
    let file =
        std::fs::File::create(out).with_context(|| format!("{}: cannot write", out.display()))?;
    report
        .write_records(BufWriter::new(file))
        .with_context(|| format!("{}: cannot write", out.display()))?;
    if json_out {
        let (tp, fp, fneg) = report.counts();
        let v = json!({
            "name": report.name,
            "records": report.records.len(),
            "precision": report.precision(),
            "recall": report.recall(),
            "f1": report.f1(),
            "tp": tp, "fp": fp, "fn": fneg,
            "exact": report.exact(),
            "exact_rate": report.exact_rate(),
            "notes": report.notes,
            "per_record": out.display().to_string(),
        });
        println!("{v}");
    } else {
        print!("{report}");
        println!("per-record results: {}", out.display());
    }
    // Malformed dictionary lines were skipped: say where, exit 1.
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    Ok(if report.warnings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs `dyads eval tabari DIR`.
pub fn run_tabari(dir: &Path, out: Option<&Path>, json_out: bool) -> Result<ExitCode> {
    let report = score_tabari_dir(dir).context("TABARI suite")?;
    finish(&report, &out_path(out, "tabari"), json_out)
}

/// Runs `dyads eval petrarch XML --dict DIR`.
pub fn run_petrarch(
    xml: &Path,
    dict: &Path,
    out: Option<&Path>,
    json_out: bool,
) -> Result<ExitCode> {
    let report = score_petrarch_xml(xml, dict).context("PETRARCH records")?;
    finish(&report, &out_path(out, "petrarch"), json_out)
}
