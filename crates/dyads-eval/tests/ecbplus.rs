//! ECB+ cross-document event coreference on gold mentions, topics 1-35.
//! Reads `../shared/eval/ecbplus`; skips (passes with a line) when it is
//! absent.

use std::path::PathBuf;

use dyads_eval::ecbplus::{score_ecbplus, RESOLVER, SAME_LEMMA, SINGLETONS};

#[test]
fn ecbplus_event_coreference_beats_baselines() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let dir = shared.join("eval/ecbplus/ECBplus_coreference_sentences.csv");
    if !dir.exists() {
        println!("skipped: {} not found", dir.display());
        return;
    }
    let started = std::time::Instant::now();
    let r = match score_ecbplus(&shared) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    println!("{r}");
    println!("took {:.1}s", started.elapsed().as_secs_f64());
    assert!(r.documents >= 500, "{r}");
    assert!(r.mentions >= 3000, "{r}");
    assert!(r.gold_clusters < r.mentions, "{r}");
    let (Some(single), Some(lemma), Some(ours)) = (
        r.method(SINGLETONS),
        r.method(SAME_LEMMA),
        r.method(RESOLVER),
    ) else {
        panic!("missing methods: {r}");
    };
    // All singletons: no links, so MUC is 0 and B3 precision is 1.
    assert_eq!(single.scores.muc.f1, 0.0, "{r}");
    assert!((single.scores.b3.p - 1.0).abs() < 1e-9, "{r}");
    // Lemma matching finds coreference: it beats all singletons, and the
    // resolver (synonyms, subtopics) is no worse than plain lemma matching.
    assert!(lemma.scores.conll() > single.scores.conll(), "{r}");
    assert!(ours.scores.conll() > single.scores.conll() + 0.05, "{r}");
    assert!(ours.scores.conll() >= lemma.scores.conll(), "{r}");
    for m in &r.methods {
        for f in [m.scores.muc.f1, m.scores.b3.f1, m.scores.ceaf_e.f1] {
            assert!((0.0..=1.0).contains(&f), "{r}");
        }
    }
}
