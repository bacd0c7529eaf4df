//! dyads maintenance tasks: `cargo xtask bench-ingest` and `cargo xtask scoreboard`.

mod bench;
mod corpus;
mod scoreboard;

use anyhow::{bail, Result};

const HELP: &str = "\
cargo xtask <task>

Tasks:
  bench-ingest [--articles N] [--db PATH]
      Generate N synthetic articles (default 10000) and measure reading and
      cleaning (documents/s, MB/s on one core), storing into SQLite, and peak
      memory. Build with --release for real figures:
      cargo run --release -p xtask -- bench-ingest
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
