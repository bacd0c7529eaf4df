//! Matching speed on generated text: `cargo run -p dyads-lexicon --example
//! lexicon_bench [sentences]`. Each generated sentence names a person (with
//! a title), an organisation, a capital and a state, so the run also checks
//! that exactly four actor mentions are found per sentence.

use std::time::Instant;

use dyads_lexicon::{ActorKind, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = match std::env::args().nth(1) {
        Some(s) => s.parse()?,
        None => 20_000,
    };
    let t0 = Instant::now();
    let lex = Lexicon::builtin()?;
    let m = lex.matcher();
    println!(
        "lexicon + matcher built in {:.1} ms ({} actors, {} words, {} typo-index names)",
        t0.elapsed().as_secs_f64() * 1e3,
        lex.actors().len(),
        m.vocabulary_size(),
        m.typo_index_size()
    );
    let pick = |kind: ActorKind| -> Vec<&str> {
        lex.actors()
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.canonical.as_str())
            .collect()
    };
    let (people, orgs, states) = (
        pick(ActorKind::Person),
        pick(ActorKind::Organization),
        pick(ActorKind::State),
    );
    let capitals: Vec<&str> = lex
        .actors()
        .iter()
        .filter_map(|a| a.capital.as_deref())
        .collect();
    let mut seed: u64 = 42;
    let mut next = |len: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % len.max(1)
    };
    let mut text = String::new();
    let mut sentences = Vec::with_capacity(n);
    for _ in 0..n {
        let s = format!(
            "Foreign Minister {} met {} officials in {} on Tuesday, the spokesman for {} said. ",
            people[next(people.len())],
            orgs[next(orgs.len())],
            capitals[next(capitals.len())],
            states[next(states.len())],
        );
        text.push_str(&s);
        sentences.push(s);
    }
    let t = Instant::now();
    let matches = lex.find_all(&text);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} sentences, {:.1} MB: {} matches in {:.3} s = {:.0} matches/s, {:.2} MB/s",
        n,
        text.len() as f64 / 1e6,
        matches.len(),
        secs,
        matches.len() as f64 / secs,
        text.len() as f64 / 1e6 / secs
    );
    // Count check, sentence by sentence on a sample.
    for s in sentences.iter().take(2_000) {
        let found = lex.find_all(s).len();
        if found != 4 {
            return Err(format!("{found} matches instead of 4 in {s:?}").into());
        }
    }
    if matches.len() != 4 * n {
        return Err(format!("{} matches instead of {}", matches.len(), 4 * n).into());
    }
    Ok(())
}
