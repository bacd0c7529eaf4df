//! `cargo xtask scoreboard`: every figure measurable against ../shared.

use std::fmt::Display;
use std::path::Path;

use anyhow::Result;

/// Prints one section: its heading and the report, or the error in its place.
fn section<R: Display, E: Display>(title: &str, result: std::result::Result<R, E>) {
    println!("== {title}");
    match result {
        Ok(r) => {
            let text = r.to_string();
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
        }
        Err(e) => println!("error: {e}"),
    }
}

/// Prints the scoreboard, or a skip line when `shared` is absent.
pub fn run(shared: &Path) -> Result<()> {
    if !shared.join("gold").is_dir() {
        println!("scoreboard: {} not found, skipped", shared.display());
        return Ok(());
    }
    println!("== dyads scoreboard ({})", shared.display());
    section("seed metadata (issue 2)", dyads_eval::seeds::score(shared));
    crate::train::eval_syntax(&shared.join("ud"), None)?;
    section("seed actors (issue 4)", dyads_eval::actors::score(shared));
    section(
        "PETRARCH/Phoenix/TABARI dictionaries loaded (issue 4)",
        dyads_eval::actors::dictionaries(shared),
    );
    section(
        "TimeBank + AQUAINT, TempEval-3 task A (issue 5)",
        dyads_time::eval_timeml(&shared.join("eval/temporal")),
    );
    section(
        "TABARI validation suite, its own dictionaries (issue 5)",
        dyads_eval::triples::score_tabari(shared),
    );
    section(
        "PETRARCH2 unit-test records, their dictionaries (issue 5)",
        dyads_eval::triples::score_petrarch2(shared),
    );
    section(
        "PETRARCH2 peer's own output on those records",
        dyads_eval::triples::score_petrarch2_peer(shared),
    );
    section(
        "seed events (issue 5)",
        dyads_eval::events::score_seeds(shared),
    );
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/heldout");
    section(
        "our own gold events, testdata/heldout (issue 5)",
        dyads_eval::events::score_events(&own.join("events.jsonl"), &own).map(|mut r| {
            r.label = "own gold events".into();
            r
        }),
    );
    section(
        "seed merging and contradictions (issue 6)",
        dyads_eval::merging::score_seed_merging(shared),
    );
    section(
        "ECB+ topics 1-35, event coreference on gold mentions (issue 6)",
        dyads_eval::ecbplus::score_ecbplus(shared),
    );
    section(
        "PLOVER gold records, built-in lexicon (issue 5)",
        dyads_eval::events::score_plover(shared),
    );
    section(
        "PolNeAR dev, quote attribution (issue 5)",
        dyads_eval::quotes::score_polnear(shared),
    );
    Ok(())
}
