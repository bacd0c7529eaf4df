//! `dyads dict-export DIR`: the built-in actor lexicon as PETRARCH/TABARI
//! actor and agent dictionaries, read back to check the round trip.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use dyads_lexicon::{export, Lexicon};

/// Writes `dyads.actors.txt` and `dyads.agents.txt` into `dir` and reports
/// how many entries each holds when read back by the importer.
pub fn run(dir: &Path) -> Result<ExitCode> {
    let lex = Lexicon::builtin().context("loading the built-in lexicon")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let files = [
        (dir.join("dyads.actors.txt"), export::actors_dictionary(lex)),
        (dir.join("dyads.agents.txt"), export::agents_dictionary(lex)),
    ];
    for (path, text) in &files {
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    let paths: Vec<&Path> = files.iter().map(|(p, _)| p.as_path()).collect();
    let (_, report) = Lexicon::from_dicts(&paths).context("reading the export back")?;
    let mut warnings = 0;
    for f in &report.files {
        warnings += f.warnings.len();
        println!(
            "{}: {} entries, {} names, {} codes, {} malformed lines",
            f.file,
            f.entries,
            f.names,
            f.codes,
            f.warnings.len()
        );
    }
    for w in report.warnings() {
        eprintln!("warning: {w}");
    }
    Ok(if warnings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
