//! What `dyads parse FILE` does, for measuring memory:
//! `cargo run --release -p dyads-syntax --example parse -- FILE [MODELS_DIR] > out.conllu`.

use std::io::Write;

use dyads_syntax::Pipeline;
use dyads_text::{clean, read_input, Limits};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: parse FILE [MODELS_DIR]")?;
    let p = match args.next() {
        Some(dir) => Pipeline::from_dir(std::path::Path::new(&dir))?,
        None => Pipeline::load()?,
    };
    let bytes = std::fs::read(&path)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // One plain-text file is one article: allow articles as large as inputs.
    let defaults = Limits::default();
    let limits = Limits {
        max_article_bytes: defaults.max_input_bytes,
        ..defaults
    };
    for a in read_input(&path, &bytes, None, &limits) {
        let doc = clean(&a?)?;
        p.write_conllu(&doc, &mut out)?;
    }
    out.flush()?;
    Ok(())
}
