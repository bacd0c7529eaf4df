//! Scores the tagger on TempEval-3 task A over a directory of TimeML files.
//!
//! `cargo run --release -p dyads-time --example eval_timeml -- DIR [ERRORS_FILE]`
//! prints the report and, when given, writes the errors of the tuning
//! part's documents to `ERRORS_FILE` (the held-out part, every fifth
//! document of each corpus, stays unseen: see `Report::split_held_out`).

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: eval_timeml DIR [ERRORS_FILE]");
        std::process::exit(2);
    };
    let start = std::time::Instant::now();
    let report = dyads_time::eval_timeml(Path::new(&dir))?;
    print!("{report}");
    eprintln!("scored in {:.2?}", start.elapsed());
    if let Some(errors) = args.next() {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&errors)?);
        report.split_held_out().0.write_errors(&mut f)?;
        eprintln!("errors written to {errors}");
    }
    Ok(())
}
