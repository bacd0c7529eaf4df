//! Speed of tagging + parsing + NER on plain text, one core:
//! `cargo run --release -p dyads-syntax --example bench -- FILE [MODELS_DIR]`.
//!
//! Cleaning and segmentation (dyads-text) are timed apart; the figure that
//! compares with spaCy is the annotation rate. Prints counts as well as
//! times, so a fast wrong run shows.

use std::time::Instant;

use dyads_syntax::Pipeline;
use dyads_text::{clean, read_input, Format, Limits};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: bench FILE [MODELS_DIR]")?;
    let t0 = Instant::now();
    let mut p = match args.next() {
        Some(dir) => Pipeline::from_dir(std::path::Path::new(&dir))?,
        None => Pipeline::load()?,
    };
    if let Ok(m) = std::env::var("DYADS_TAGGER_MARGIN") {
        p.set_tagger_margin(m.parse()?);
    }
    let load = t0.elapsed().as_secs_f64();
    let bytes = std::fs::read(&path)?;
    let t1 = Instant::now();
    let mut docs = Vec::new();
    for a in read_input(&path, &bytes, Some(Format::Text), &Limits::default()) {
        docs.push(clean(&a?)?);
    }
    let prep = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let (mut sents, mut tokens, mut ents) = (0usize, 0usize, 0usize);
    for d in &docs {
        p.annotate_each(d, |s| {
            sents += 1;
            tokens += s.tokens.len();
            ents += s.entities.len();
        });
    }
    let secs = t2.elapsed().as_secs_f64();
    println!(
        "models loaded in {:.0} ms; (features, weights) of tagger, parser, ner: {:?}",
        load * 1000.0,
        p.model_sizes()
    );
    println!(
        "dyads-text: {} bytes cleaned and segmented in {:.2} s",
        bytes.len(),
        prep
    );
    println!("sentences {sents}, UD tokens {tokens}, entities {ents}");
    println!(
        "tag+parse+ner: {:.2} s, {:.0} tokens/s (one core)",
        secs,
        tokens as f64 / secs.max(1e-9)
    );
    Ok(())
}
