//! PolNeAR quote attribution, when `../shared` is present.

use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("eval/polnear/data/dev").is_dir().then_some(p)
}

#[test]
fn polnear_dev_sample_scores_above_floor() {
    let Some(shared) = shared() else {
        println!("skipped: ../shared/eval/polnear is absent");
        return;
    };
    // A sample keeps the debug-build test short; the scoreboard runs all of dev.
    let report = match dyads_eval::quotes::score_polnear_limit(&shared, 16) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    print!("{report}");
    assert_eq!(report.documents, 16);
    assert!(report.gold > 60, "{} gold attributions", report.gold);
    let (p, r, _) = report.overlap();
    assert!(p > 0.4 && r > 0.3, "overlap P {p:.3} R {r:.3}");
    assert!(report.cue_accuracy() > 0.5);
}

/// The whole dev split (slow in debug builds): `cargo test --release -p
/// dyads-eval --test quotes -- --ignored --nocapture`.
#[test]
#[ignore]
fn polnear_dev_full() {
    let Some(shared) = shared() else {
        println!("skipped: ../shared/eval/polnear is absent");
        return;
    };
    match dyads_eval::quotes::score_polnear(&shared) {
        Ok(r) => print!("{r}"),
        Err(e) => panic!("{e}"),
    }
}
