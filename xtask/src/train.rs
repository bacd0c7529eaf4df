//! `cargo xtask train` rebuilds the syntax models from ../shared/ud, and
//! `cargo xtask eval-syntax` prints the syntax figures: EWT test and GUM
//! test news documents on gold tokens (UPOS, XPOS, lemma, UAS, LAS), and
//! UNER EWT test entity F1 per type.

use std::path::Path;

use anyhow::{Context, Result};
use dyads_syntax::Pipeline;

/// Trains every syntax model from `ud` into `out` (normally
/// `crates/dyads-syntax/models`), on the first `limit` training sentences
/// when `limit` is not 0 (to check determinism quickly). Build with
/// `--release`: about ten minutes.
pub fn train(ud: &Path, out: &Path, limit: usize) -> Result<()> {
    let config = dyads_syntax::train::TrainConfig {
        limit,
        ..Default::default()
    };
    let report = dyads_syntax::train::run(ud, out, &config, &mut |line| eprintln!("{line}"))
        .with_context(|| format!("training from {}", ud.display()))?;
    print!("{report}");
    Ok(())
}

/// Retrains only the recogniser from `ud` on top of the tagger and parser
/// in `out`, and rewrites `out/ner.bin`.
pub fn train_ner(ud: &Path, out: &Path) -> Result<()> {
    let config = dyads_syntax::train::TrainConfig::default();
    let (f1, epochs) =
        dyads_syntax::train::run_ner(ud, out, &config, &mut |line| eprintln!("{line}"))
            .with_context(|| format!("training the recogniser from {}", ud.display()))?;
    println!("ner: cross-validated F1 {f1:.2} ({epochs} epochs)");
    Ok(())
}

/// Prints the syntax scores against `ud` for the built-in models, or those
/// of `models` when given; skips when `ud` is absent.
pub fn eval_syntax(ud: &Path, models: Option<&Path>) -> Result<()> {
    if !ud.join("en_ewt-ud-test.conllu").is_file() {
        println!("syntax: {} not found, skipped", ud.display());
        return Ok(());
    }
    let started = std::time::Instant::now();
    let p = match models {
        Some(dir) => Pipeline::from_dir(dir)?,
        None => Pipeline::load()?,
    };
    println!(
        "models loaded in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let read = |f: &str| dyads_syntax::conllu::read_conllu_file(&ud.join(f));
    let ewt = read("en_ewt-ud-test.conllu")?;
    let pred = p.parse_conllu_gold_tokens(&ewt);
    println!("== UD English EWT test, gold tokens");
    print!("{}", dyads_eval::conllu::score(&ewt, &pred)?);
    let gum = read("en_gum-ud-test.conllu")?;
    let news = dyads_eval::conllu::documents(&gum, |id| id.starts_with("GUM_news"));
    let pred = p.parse_conllu_gold_tokens(&news);
    println!(
        "== GUM test, news documents ({} sentences), gold tokens",
        news.len()
    );
    print!("{}", dyads_eval::conllu::score(&news, &pred)?);
    let pred = p.parse_conllu_gold_tokens(&gum);
    println!("== GUM test, all documents, gold tokens");
    print!("{}", dyads_eval::conllu::score(&gum, &pred)?);
    let uner = dyads_syntax::iob2::read_iob2_file(&ud.join("uner_en_ewt-test.iob2"))?;
    let pred = p.recognize_iob2(&uner);
    println!("== UNER English EWT test");
    print!("{}", dyads_eval::iob2::score(&uner, &pred)?);
    Ok(())
}
