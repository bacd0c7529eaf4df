//! Cross-validates the recogniser on UNER EWT dev with the built-in tagger
//! and parser: `cargo run --release -p dyads-syntax --example ner_cv -- [UD_DIR] [--timing]`
//! (`--timing`: time tagging+parsing against recognition instead).

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ud = PathBuf::from(
        std::env::args()
            .nth(1)
            .filter(|a| a != "--timing")
            .unwrap_or_else(|| "../shared/ud".into()),
    );
    let uner = dyads_syntax::iob2::read_iob2_file(&ud.join("uner_en_ewt-dev.iob2"))?;
    let p = dyads_syntax::Pipeline::load()?;
    if std::env::args().any(|a| a == "--timing") {
        let (tag_parse, ner) = dyads_syntax::ner_train::timing(&p, &uner);
        let tokens: usize = uner.iter().map(|s| s.forms.len()).sum();
        println!(
            "{tokens} tokens: tag+parse {tag_parse:.3} s, NER {ner:.3} s ({:.0} tokens/s)",
            tokens as f64 / ner
        );
        return Ok(());
    }
    let (counts, epochs) =
        dyads_syntax::ner_train::cross_validate(&p, &ud, &uner, &mut |l| eprintln!("{l}"))?;
    println!("best: {epochs} epochs\n{counts}");
    Ok(())
}
