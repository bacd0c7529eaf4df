//! `cargo xtask bench-actors`: actor resolution speed (mentions/s) on a
//! generated corpus of diplomatic news with known actors, titles, family
//! names, role nominals, pronouns and people the lexicon does not know.
//!
//! The corpus is deterministic (a fixed-seed generator over sentences we
//! wrote, filled with the lexicon's own foreign ministers on the date).
//! Parsing is done first and not timed; only [`resolve`] is timed. The run
//! fails when the known ministers are not all resolved, so a fast wrong
//! run does not pass.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::{ensure, Context, Result};

use dyads_coder::actors::{resolve, ActorSource};
use dyads_lexicon::{Date, Lexicon};
use dyads_syntax::Pipeline;
use dyads_text::{clean, read_input, Format, Limits};

/// States whose foreign ministers the corpus uses.
const STATES: &[&str] = &[
    "RUS", "PRK", "KOR", "CHN", "JPN", "USA", "GBR", "FRA", "DEU", "IND", "BRA", "TUR", "UKR",
];

const GIVEN: &[&str] = &["Andrei", "Pavel", "Elena", "Ivan", "Marta", "Oleg", "Nina"];
const FAMILY: &[&str] = &[
    "Sorokin",
    "Belov",
    "Kuznetsova",
    "Orlov",
    "Vasnetsov",
    "Zimin",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// One generated article and the lexicon id of its first minister.
fn article(rng: &mut Rng, ministers: &[(String, String, String, String)]) -> (String, String) {
    let a = &ministers[rng.next(ministers.len())];
    let mut b = &ministers[rng.next(ministers.len())];
    if b.0 == a.0 {
        b = &ministers[(rng.next(ministers.len() - 1) + 1) % ministers.len()];
    }
    let (given, family) = (GIVEN[rng.next(GIVEN.len())], FAMILY[rng.next(FAMILY.len())]);
    let (a_state, a_name, a_surname, a_demonym) = (&a.0, &a.1, &a.2, &a.3);
    let (b_state, b_name, b_demonym) = (&b.0, &b.1, &b.3);
    let text = format!(
        "Ministers meet for talks\n\n\
         {a_demonym} Foreign Minister {a_name} met {b_demonym} Foreign Minister {b_name} on Tuesday. \
         {a_surname} said the talks with {b_state} had been useful. \
         The minister also met Deputy Foreign Minister {given} {family}. \
         {family} told reporters that {a_state} wanted a new agreement.\n\n\
         The {b_demonym} side said it would study the proposal. \
         {b_name} thanked his host, and the two agreed to meet again. \
         {given} {family}, a spokesman for the {a_demonym} Foreign Ministry, said a statement would follow. \
         Asked about sanctions, he declined to comment. \
         The UN Security Council is expected to discuss the issue next month.\n"
    );
    (text, a.1.clone())
}

/// Runs the benchmark on `n` generated articles.
pub fn run(n: usize) -> Result<()> {
    let lex = Lexicon::builtin()?;
    let date = Date::parse("2024-01-16").context("date")?;
    // (state name, minister name, family name, demonym) for each state
    // whose foreign minister on the date the lexicon knows.
    let mut ministers = Vec::new();
    for code in STATES {
        let Some(state) = lex.state_by_code(code) else {
            continue;
        };
        let holders = lex.holders_on(code, "foreign_minister", date);
        let Some(fm) = holders.first() else { continue };
        let surname = fm
            .canonical
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        let surname = if dyads_lexicon::variants::family_name_first(Some(code)) {
            fm.canonical
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string()
        } else {
            surname
        };
        let demonym = state
            .names
            .iter()
            .find(|n| n.kind == dyads_lexicon::NameKind::Demonym)
            .map(|n| n.text.clone());
        if let Some(demonym) = demonym {
            ministers.push((
                state.canonical.clone(),
                fm.canonical.clone(),
                surname,
                demonym,
            ));
        }
    }
    ensure!(
        ministers.len() >= 5,
        "only {} ministers known",
        ministers.len()
    );
    let mut rng = Rng(42);
    let t0 = Instant::now();
    let pipeline = Pipeline::load()?;
    let mut docs = Vec::with_capacity(n);
    for i in 0..n {
        let (text, expect) = article(&mut rng, &ministers);
        let name = format!("bench-{i}.txt");
        for a in read_input(
            &name,
            text.as_bytes(),
            Some(Format::Text),
            &Limits::default(),
        ) {
            let d = clean(&a?)?;
            let parsed = pipeline.annotate(&d);
            docs.push((d, parsed, expect.clone()));
        }
    }
    println!(
        "generated and parsed {} articles in {:.2}s (not timed below)",
        docs.len(),
        t0.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let results: Vec<_> = docs
        .iter()
        .map(|(d, p, _)| resolve(d, p, lex, Some(date)))
        .collect();
    let secs = t.elapsed().as_secs_f64();
    // The share of the time spent in the lexicon matcher alone.
    let t = Instant::now();
    let scanned: usize = docs
        .iter()
        .flat_map(|(d, _, _)| d.sentences.iter().map(move |s| (d, s)))
        .map(|(d, s)| lex.scan(s.span.slice(&d.text)).actors.len())
        .sum();
    let scan_secs = t.elapsed().as_secs_f64();
    let mentions: usize = results.iter().map(|r| r.mentions.len()).sum();
    let sentences: usize = docs.iter().map(|(d, _, _)| d.sentences.len()).sum();
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for m in results.iter().flat_map(|r| &r.mentions) {
        *by_kind.entry(format!("{:?}", m.kind)).or_default() += 1;
    }
    let mut by_source: BTreeMap<String, usize> = BTreeMap::new();
    for a in results.iter().flat_map(|r| &r.actors) {
        *by_source.entry(format!("{:?}", a.source)).or_default() += 1;
    }
    let found = docs
        .iter()
        .zip(&results)
        .filter(|((_, _, expect), r)| r.actors.iter().any(|a| &a.canonical == expect))
        .count();
    let inferred = results
        .iter()
        .filter(|r| r.actors.iter().any(|a| a.source == ActorSource::Inferred))
        .count();
    println!(
        "resolved {} articles, {sentences} sentences, {mentions} mentions in {secs:.3}s: \
         {:.0} mentions/s, {:.0} sentences/s, {:.0} articles/s (one core)",
        docs.len(),
        mentions as f64 / secs,
        sentences as f64 / secs,
        docs.len() as f64 / secs
    );
    println!("of which lexicon matching alone: {scan_secs:.3}s ({scanned} lexicon matches)");
    println!("mentions by kind: {by_kind:?}");
    println!("actors by source: {by_source:?}");
    println!(
        "first minister resolved in {found}/{} articles; an inferred person in {inferred}",
        docs.len()
    );
    ensure!(found == docs.len(), "a known minister was not resolved");
    let missing = docs
        .iter()
        .zip(&results)
        .find(|(_, r)| !r.actors.iter().any(|a| a.source == ActorSource::Inferred));
    if let Some(((d, _, _), _)) = missing {
        anyhow::bail!("no unknown person inferred in:\n{}", d.text);
    }
    Ok(())
}
