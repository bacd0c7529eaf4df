//! Scores tagging and parsing on a CoNLL-U file with gold tokens, and times
//! tag+parse on one core:
//! `cargo run --release -p dyads-syntax --example syntax_score -- FILE.conllu [MODELS_DIR]`.
//!
//! Prints UPOS, XPOS, lemma, UAS and LAS (every word counts, punctuation
//! included; LAS with full labels, and with their universal part only) and the tokens per second of the whole annotation (tagging,
//! lemmas, parsing and entities) over the file's sentences. Set
//! `DYADS_TAGGER_MARGIN` to try another second-pass margin.

use std::time::Instant;

use dyads_syntax::conllu::read_conllu_file;
use dyads_syntax::Pipeline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: syntax_score FILE.conllu [MODELS_DIR]")?;
    let mut p = match args.next() {
        Some(dir) => Pipeline::from_dir(std::path::Path::new(&dir))?,
        None => Pipeline::load()?,
    };
    if let Ok(m) = std::env::var("DYADS_TAGGER_MARGIN") {
        p.set_tagger_margin(m.parse()?);
    }
    let gold = read_conllu_file(std::path::Path::new(&path))?;
    let t = Instant::now();
    let pred = p.parse_conllu_gold_tokens(&gold);
    let secs = t.elapsed().as_secs_f64();
    let (mut n, mut upos, mut xpos, mut lemma) = (0usize, 0, 0, 0);
    let (mut uas, mut las, mut ulas) = (0usize, 0, 0);
    for (g, s) in gold.iter().zip(&pred) {
        for (a, b) in g.words.iter().zip(&s.words) {
            n += 1;
            upos += (a.upos == b.upos) as usize;
            xpos += (a.xpos == b.xpos) as usize;
            lemma += (a.lemma == b.lemma) as usize;
            if a.head == b.head {
                uas += 1;
                let base = |d: &str| d.split(':').next().unwrap_or("").to_string();
                las += (a.deprel == b.deprel) as usize;
                ulas += (base(&a.deprel) == base(&b.deprel)) as usize;
            }
        }
    }
    let pc = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    println!(
        "{path}: {n} words; UPOS {:.2} XPOS {:.2} Lemma {:.2} UAS {:.2} LAS {:.2} (universal labels only {:.2})",
        pc(upos),
        pc(xpos),
        pc(lemma),
        pc(uas),
        pc(las),
        pc(ulas)
    );
    println!(
        "annotation: {:.2} s, {:.0} tokens/s (one core)",
        secs,
        n as f64 / secs.max(1e-9)
    );
    Ok(())
}
