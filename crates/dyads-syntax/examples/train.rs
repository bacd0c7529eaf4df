//! Trains every model: `cargo run --release -p dyads-syntax --example train -- [UD_DIR] [OUT_DIR]`.
//!
//! Defaults: `../shared/ud` and `crates/dyads-syntax/models`.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let ud = PathBuf::from(args.next().unwrap_or_else(|| "../shared/ud".into()));
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "crates/dyads-syntax/models".into()),
    );
    let mut config = dyads_syntax::train::TrainConfig::default();
    if let Ok(v) = std::env::var("DYADS_TRAIN_LIMIT") {
        config.limit = v.parse()?;
    }
    if let Ok(v) = std::env::var("DYADS_PARSER_EPOCHS") {
        config.parser_epochs = v.parse()?;
    }
    if let Ok(v) = std::env::var("DYADS_FOLDS") {
        config.folds = v.parse()?;
    }
    if let Ok(v) = std::env::var("DYADS_DICT_FOLDS") {
        config.dict_folds = v.parse()?;
    }
    if let Ok(v) = std::env::var("DYADS_TAGGER_EPOCHS") {
        config.tagger_epochs = v.parse()?;
    }
    config.keep_tags = std::env::var("DYADS_KEEP_TAGS").is_ok();
    if std::env::var("DYADS_ONLY_PARSER").is_ok() {
        let las = dyads_syntax::train::run_parser(&ud, &out, &config, &mut |l| eprintln!("{l}"))?;
        println!("parser: dev LAS {las:.2}");
        return Ok(());
    }
    if std::env::var("DYADS_ONLY_TAGGER").is_ok() {
        let acc = dyads_syntax::train::run_tagger(&ud, &config, &mut |l| eprintln!("{l}"))?;
        println!("tagger first pass: dev joint accuracy {acc:.2}");
        return Ok(());
    }
    if std::env::var("DYADS_ONLY_NER").is_ok() {
        let (f1, e) = dyads_syntax::train::run_ner(&ud, &out, &config, &mut |l| eprintln!("{l}"))?;
        println!("ner: held-out F1 {f1:.2} ({e} epochs)");
        return Ok(());
    }
    let report = dyads_syntax::train::run(&ud, &out, &config, &mut |line| eprintln!("{line}"))?;
    print!("{report}");
    Ok(())
}
