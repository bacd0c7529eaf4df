//! The TABARI and PETRARCH2 validation suites coded with their own
//! dictionaries, and PETRARCH2's own output, scored over event triples.
//! Reads `../shared`; skips (passes with a line) when it is absent.

use std::path::PathBuf;

use dyads_eval::triples::{score_petrarch2, score_petrarch2_peer, score_tabari};

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("eval/tabari/Validate.text").exists() {
        Some(p)
    } else {
        println!("skipped: {} not found", p.display());
        None
    }
}

#[test]
fn tabari_suite_with_its_own_dictionaries() {
    let Some(shared) = shared() else { return };
    let r = match score_tabari(&shared) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    println!("{r}");
    assert!(r.records.len() >= 400, "{} records", r.records.len());
    assert!(r.f1() >= 0.95, "{r}");
    assert!(r.exact_rate() >= 0.95, "{r}");
}

#[test]
fn petrarch2_records_ours_and_the_peer() {
    let Some(shared) = shared() else { return };
    let ours = match score_petrarch2(&shared) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let peer = match score_petrarch2_peer(&shared) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    println!("{ours}{peer}");
    // The same records on both sides.
    assert_eq!(ours.records.len(), peer.records.len());
    assert_eq!(peer.records.len(), 270);
    // The peer's published figures: F1 0.41, exact 82 of 270.
    assert!((peer.f1() - 0.41).abs() < 0.005, "{peer}");
    assert_eq!(peer.exact(), 82);
    assert!(ours.f1() >= 0.75, "{ours}");
    assert!(ours.exact() >= 180, "{ours}");
}
