//! Event coding against the seeds gold and the PLOVER records in
//! `../shared` (skipped when it is absent). Prints the figures; the floors
//! guard against regressions.

use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("gold/seeds/events.jsonl").exists() {
        Some(p)
    } else {
        println!("skipped: ../shared is absent");
        None
    }
}

#[test]
fn seeds_events() -> Result<(), dyads_eval::Error> {
    let Some(shared) = shared() else {
        return Ok(());
    };
    let r = dyads_eval::events::score_seeds(&shared)?;
    println!("{r}");
    assert!(r.gold > 100);
    // Floors a little under the figures last measured (P 1.000, R 0.817;
    // P 0.529, R 0.373 when this was written): regressions fail.
    assert!(r.precision() >= 0.95 && r.recall() >= 0.79, "{r}");
    Ok(())
}

#[test]
fn plover_records() -> Result<(), dyads_eval::Error> {
    let Some(shared) = shared() else {
        return Ok(());
    };
    let r = dyads_eval::events::score_plover(&shared)?;
    println!("{r}");
    assert!(r.records > 300);
    // Measured 268/322 last (142/322 when this was written).
    assert!(r.type_ok >= 264, "{r}");
    Ok(())
}
