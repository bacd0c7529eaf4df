//! dyads maintenance tasks: benchmarks, model training, evaluation and the scoreboard.

mod bench;
mod bench_actors;
mod bench_coder;
mod bench_merge;
mod bench_serve;
mod bench_syntax;
mod corpus;
mod scoreboard;
mod train;
mod wordnet;

use anyhow::{bail, Result};

const HELP: &str = "\
cargo xtask <task>

Tasks:
  bench-ingest [--articles N] [--db PATH]
      Generate N synthetic articles (default 10000) and measure reading and
      cleaning (documents/s, MB/s on one core), storing into SQLite, and peak
      memory. Build with --release for real figures:
      cargo run --release -p xtask -- bench-ingest
  bench-actors [--articles N]
      Generate N articles (default 2000) with known and unknown actors,
      parse them (not timed) and time actor resolution (mentions/s):
      cargo run --release -p xtask -- bench-actors
  bench-syntax [--mb N] [--write PATH [--write-only]] [--spacy PYTHON]
      Generate N MB (default 3) of political-news text and measure
      segment+tag+lemma+parse+NER speed on one core (tokens/s, sentences/s,
      with counts checked). With --spacy, run spaCy en_core_web_sm on the
      same text with one thread and print the ratio. Build with --release:
      cargo run --release -p xtask -- bench-syntax --spacy /work/venv-spacy/bin/python
  train [--ud DIR] [--out DIR] [--only ner] [--limit N]
      Rebuild the syntax models (tagger, lemmatizer, parser, NER) from
      ../shared/ud (or DIR) into crates/dyads-syntax/models (or DIR);
      --only ner retrains the recogniser alone on the models already there;
      --limit N trains on the first N sentences only (determinism checks).
      Deterministic; build with --release: cargo run --release -p xtask -- train
  wordnet [DIR]
      Rebuild the tagger's WordNet word-class table
      crates/dyads-syntax/data/wordnet.tsv.gz from a WordNet 3.0 database
      (default /usr/share/wordnet, Debian package wordnet-base).
  eval-syntax [--ud DIR] [--models DIR]
      Score the built-in syntax models (or those in DIR) on UD EWT test, GUM
      test (news documents and all) and UNER EWT test.
  bench-coder [--docs N]
      Code N generated documents of 20 sentences (default 500): sentences/s
      on one core from clean text to events (parse, actors, events), and
      of the parse alone and the coder alone; an output digest.
  bench-merge [--mentions N] [--store]
      Merge N generated event mentions (default 1000000) into records in
      memory (blocking by dyad and type, clustering by date windows), at
      N/4, N/2 and N to show the growth; mentions/s and peak RSS. With
      --store, through SQLite as ingest does: half the documents coded and
      merged, then the other half (incremental), then a rebuild.
  bench-serve [--seconds S] [--connections C] [--readers 1,4] [--db PATH]
      Load test of the HTTP API on loopback: ingest examples/ into a temporary
      store (or serve PATH), start a server (rate limit off) and hit each
      main endpoint with C keep-alive connections (default 8) for S seconds
      (default 2); requests/s and p50/p99/max latency per endpoint, once per
      read-pool size: cargo run --release -p xtask -- bench-serve
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
        "bench-actors" => {
            let n = match opt("--articles") {
                Some(s) => s.parse()?,
                None => 2000,
            };
            bench_actors::run(n)
        }
        "bench-syntax" => {
            let mb = match opt("--mb") {
                Some(s) => s.parse()?,
                None => 3.0,
            };
            let write_only = args.iter().any(|a| a == "--write-only");
            bench_syntax::run(
                mb,
                opt("--write").map(Into::into),
                write_only,
                opt("--spacy"),
            )
        }
        "train" => {
            let ud = opt("--ud").unwrap_or_else(|| "../shared/ud".into());
            let out = opt("--out").unwrap_or_else(|| "crates/dyads-syntax/models".into());
            if opt("--only").as_deref() == Some("ner") {
                return train::train_ner(std::path::Path::new(&ud), std::path::Path::new(&out));
            }
            let limit = match opt("--limit") {
                Some(s) => s.parse()?,
                None => 0,
            };
            train::train(std::path::Path::new(&ud), std::path::Path::new(&out), limit)
        }
        "wordnet" => {
            let dir = args.get(1).map_or("/usr/share/wordnet", String::as_str);
            let out = "crates/dyads-syntax/data/wordnet.tsv.gz";
            let n = wordnet::generate(std::path::Path::new(dir), std::path::Path::new(out))?;
            println!("{n} words -> {out}");
            Ok(())
        }
        "eval-syntax" => {
            let ud = opt("--ud").unwrap_or_else(|| "../shared/ud".into());
            let models = opt("--models");
            train::eval_syntax(
                std::path::Path::new(&ud),
                models.as_deref().map(std::path::Path::new),
            )
        }
        "bench-coder" => {
            let n = match opt("--docs") {
                Some(s) => s.parse()?,
                None => 500,
            };
            bench_coder::run(n)
        }
        "bench-serve" => {
            let seconds = match opt("--seconds") {
                Some(s) => s.parse()?,
                None => 2.0,
            };
            let connections = match opt("--connections") {
                Some(s) => s.parse()?,
                None => 8,
            };
            let readers = match opt("--readers") {
                Some(s) => s
                    .split(',')
                    .map(|n| n.trim().parse::<usize>())
                    .collect::<std::result::Result<Vec<_>, _>>()?,
                None => vec![1, 4],
            };
            bench_serve::run(&bench_serve::Options {
                seconds,
                connections,
                readers,
                db: opt("--db").map(Into::into),
            })
        }
        "bench-merge" => {
            let n = match opt("--mentions") {
                Some(s) => s.parse()?,
                None => 1_000_000,
            };
            if args.iter().any(|a| a == "--store") {
                bench_merge::run_store(n)
            } else {
                bench_merge::run(n)
            }
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
