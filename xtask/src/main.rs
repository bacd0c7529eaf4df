//! dyads maintenance tasks: benchmarks, model training, evaluation and the scoreboard.

mod bench;
mod corpus;
mod scoreboard;
mod train;

use anyhow::{bail, Result};

const HELP: &str = "\
cargo xtask <task>

Tasks:
  bench-ingest [--articles N] [--db PATH]
      Generate N synthetic articles (default 10000) and measure reading and
      cleaning (documents/s, MB/s on one core), storing into SQLite, and peak
      memory. Build with --release for real figures:
      cargo run --release -p xtask -- bench-ingest
  train [--ud DIR] [--out DIR]
      Rebuild the syntax models (tagger, lemmatizer, parser, NER) from
      ../shared/ud (or DIR) into crates/dyads-syntax/models (or DIR).
      Deterministic; build with --release: cargo run --release -p xtask -- train
  eval-syntax [--ud DIR] [--models DIR]
      Score the built-in syntax models (or those in DIR) on UD EWT test, GUM
      test (news documents and all) and UNER EWT test.
  scoreboard [--shared DIR]
      Print every evaluation figure that can be measured against ../shared
      (or DIR); prints a skip line when it is absent.
";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        print!("{HELP}");
        return Ok(());
    };
    let opt = |name: &str| -> Option<String> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    match task.as_str() {
        "bench-ingest" => {
            let n = match opt("--articles") {
                Some(s) => s.parse()?,
                None => 10_000,
            };
            bench::ingest(n, opt("--db"))
        }
        "train" => {
            let ud = opt("--ud").unwrap_or_else(|| "../shared/ud".into());
            let out = opt("--out").unwrap_or_else(|| "crates/dyads-syntax/models".into());
            train::train(std::path::Path::new(&ud), std::path::Path::new(&out))
        }
        "eval-syntax" => {
            let ud = opt("--ud").unwrap_or_else(|| "../shared/ud".into());
            let models = opt("--models");
            train::eval_syntax(
                std::path::Path::new(&ud),
                models.as_deref().map(std::path::Path::new),
            )
        }
        "scoreboard" => {
            let shared = opt("--shared").unwrap_or_else(|| "../shared".into());
            scoreboard::run(std::path::Path::new(&shared))
        }
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => bail!("unknown task {other:?}\n{HELP}"),
    }
}
