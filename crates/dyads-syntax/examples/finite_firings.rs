//! Where the finite-verb decoding constraint ([`dyads_syntax::finite`])
//! fires on a CoNLL-U file with gold tokens, and how often it is right:
//! `cargo run --release -p dyads-syntax --example finite_firings -- FILE.conllu [-v]`.
//!
//! Parses the file with the constraint off and on, prints UPOS, XPOS, UAS
//! and LAS of both, the number of retagged words and of those whose new
//! Penn tag is the gold one (with `-v`, each retagging with its sentence).

use dyads_syntax::conllu::{read_conllu_file, Sentence};
use dyads_syntax::Pipeline;

fn scores(gold: &[Sentence], pred: &[Sentence]) -> String {
    let (mut n, mut upos, mut xpos, mut uas, mut las) = (0usize, 0, 0, 0, 0);
    for (g, s) in gold.iter().zip(pred) {
        for (a, b) in g.words.iter().zip(&s.words) {
            n += 1;
            upos += (a.upos == b.upos) as usize;
            xpos += (a.xpos == b.xpos) as usize;
            uas += (a.head == b.head) as usize;
            las += (a.head == b.head && a.deprel == b.deprel) as usize;
        }
    }
    let pc = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    format!(
        "UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2}",
        pc(upos),
        pc(xpos),
        pc(uas),
        pc(las)
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: finite_firings FILE.conllu [-v]")?;
    let verbose = args.next().as_deref() == Some("-v");
    let mut p = Pipeline::load()?;
    let gold = read_conllu_file(std::path::Path::new(&path))?;
    p.set_finite_constraint(false);
    let off = p.parse_conllu_gold_tokens(&gold);
    p.set_finite_constraint(true);
    let on = p.parse_conllu_gold_tokens(&gold);
    println!("{path}");
    println!("  off: {}", scores(&gold, &off));
    println!("  on:  {}", scores(&gold, &on));
    let (mut sentences, mut fired, mut right, mut was_right) = (0usize, 0usize, 0usize, 0usize);
    for ((g, a), b) in gold.iter().zip(&off).zip(&on) {
        let mut any = false;
        for (k, ((gw, aw), bw)) in g.words.iter().zip(&a.words).zip(&b.words).enumerate() {
            if aw.xpos == bw.xpos {
                continue;
            }
            any = true;
            fired += 1;
            right += (bw.xpos == gw.xpos) as usize;
            was_right += (aw.xpos == gw.xpos) as usize;
            if verbose {
                let text: Vec<String> = g
                    .words
                    .iter()
                    .enumerate()
                    .map(|(j, w)| {
                        if j == k {
                            format!("[{}]", w.form)
                        } else {
                            w.form.clone()
                        }
                    })
                    .collect();
                println!(
                    "  {} {}/{} -> {}/{} gold {}/{}: {}",
                    if bw.xpos == gw.xpos { "RIGHT" } else { "WRONG" },
                    aw.upos,
                    aw.xpos,
                    bw.upos,
                    bw.xpos,
                    gw.upos,
                    gw.xpos,
                    text.join(" ")
                );
            }
        }
        sentences += any as usize;
    }
    println!(
        "  fired in {sentences} sentences on {fired} words: {right} now right, {was_right} were right before"
    );
    Ok(())
}
