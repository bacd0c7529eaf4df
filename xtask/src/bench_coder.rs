//! `cargo xtask bench-coder`: sentences per second per core of the whole
//! coding pipeline from clean text to events (parse, actors, events) on a
//! generated corpus of news-like paragraphs about real states, with the
//! syntax alone and the coder alone (actors and events on those parses)
//! timed apart.

use std::hash::{Hash, Hasher};
use std::time::Instant;

use anyhow::{ensure, Result};

use dyads_coder::events::Pipeline;
use dyads_text::{clean, read_input, Format, Limits};

use crate::corpus::Rng;

const STATES: &[&str] = &[
    "Russia",
    "China",
    "India",
    "Brazil",
    "Germany",
    "France",
    "Japan",
    "Kenya",
    "Egypt",
    "Turkey",
    "Iran",
    "Poland",
    "Canada",
    "Mexico",
    "Nigeria",
    "Indonesia",
    "Australia",
    "South Korea",
    "North Korea",
    "Ukraine",
    "Israel",
    "Saudi Arabia",
    "Pakistan",
    "Vietnam",
];
const OFFICIALS: &[&str] = &[
    "The foreign minister of {A}",
    "{A}'s defence ministry",
    "The president of {A}",
    "Officials in {A}",
    "{A}",
];
const TEMPLATES: &[&str] = &[
    "{S} met with the ambassador of {B} on Tuesday to discuss the border dispute.",
    "{S} condemned {B} over the detention of two journalists last week.",
    "{S} will host talks with {B} next month, a spokesman said.",
    "{S} accused {B} of violating the ceasefire along the northern frontier.",
    "{S} signed a trade agreement with {B} in the capital on Friday.",
    "{S} did not send troops to {B}, according to the ministry.",
    "{S} called on {B} to release the detained sailors without delay.",
    "Talks between {A} and {B} resumed after a pause of several months.",
    "{S} imposed sanctions on {B} after the missile test.",
    "The envoy of {A} was received by the prime minister of {B} in the evening.",
    "{S} pledged humanitarian aid to {B} following the floods.",
    "{S} threatened to expel diplomats from {B} if the attacks continue.",
    "The weather in the region stayed mild for most of the week.",
    "Markets rose slightly as investors waited for new figures.",
];

/// One generated paragraph of `n` sentences.
fn paragraph(rng: &mut Rng, n: usize) -> String {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let a = rng.pick(STATES);
        let mut b = rng.pick(STATES);
        while b == a {
            b = rng.pick(STATES);
        }
        let s = rng.pick(OFFICIALS).replace("{A}", a);
        out.push(
            rng.pick(TEMPLATES)
                .replace("{S}", &s)
                .replace("{A}", a)
                .replace("{B}", b),
        );
    }
    out.join(" ")
}

/// CPU time of this thread so far, in seconds (Linux `schedstat`), so that
/// the figures can also be read per CPU second on a busy machine.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Sentences per CPU second between two [`cpu_secs`] readings, as text.
fn per_cpu(sentences: usize, from: Option<f64>, to: Option<f64>) -> String {
    match (from, to) {
        (Some(a), Some(b)) if b > a => {
            format!(" ({:.0}/s of CPU time)", sentences as f64 / (b - a))
        }
        _ => String::new(),
    }
}

/// Generates `n` documents of 20 sentences and codes them, timing the
/// coding only (cleaning is done before the clock starts).
pub fn run(n: usize) -> Result<()> {
    let pipeline = Pipeline::load()?;
    let mut rng = Rng::new(7);
    let limits = Limits::default();
    let mut docs = Vec::with_capacity(n);
    for i in 0..n {
        let text = (0..4)
            .map(|_| paragraph(&mut rng, 5))
            .collect::<Vec<_>>()
            .join("\n\n");
        for a in read_input(
            &format!("gen-{i}"),
            text.as_bytes(),
            Some(Format::Text),
            &limits,
        ) {
            docs.push(clean(&a?)?);
        }
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    ensure!(sentences >= n * 19, "too few sentences: {sentences}");
    let (t, c) = (Instant::now(), cpu_secs());
    let parses: Vec<_> = docs.iter().map(|d| pipeline.syntax().annotate(d)).collect();
    let parse_secs = t.elapsed().as_secs_f64();
    let parsed: usize = parses.iter().map(Vec::len).sum();
    let parse_cpu = per_cpu(sentences, c, cpu_secs());
    ensure!(
        parsed == sentences,
        "parsed {parsed} of {sentences} sentences"
    );
    println!(
        "parse only: {:.0} sentences/s{parse_cpu}",
        sentences as f64 / parse_secs
    );
    let (t, c) = (Instant::now(), cpu_secs());
    let mut events = 0usize;
    let mut asserted = 0usize;
    let mut coded = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let ev = pipeline.code(&format!("gen-{i}"), d, Some("2024-05-15"));
        asserted += ev
            .iter()
            .filter(|e| e.modality.as_str() == "asserted")
            .count();
        events += ev.len();
        coded.push(ev);
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = per_cpu(sentences, c, cpu_secs());
    println!(
        "coded {} documents, {sentences} sentences, {events} events ({asserted} asserted) in {secs:.2}s: {:.0} sentences/s on one core{cpu}",
        docs.len(),
        sentences as f64 / secs
    );
    // The coder alone: actors and events on the parses above, so that a
    // change to the coder shows apart from the syntax's share. It must
    // code exactly what the whole pipeline coded.
    let lex_date = dyads_lexicon::Date::parse("2024-05-15");
    let time_date = "2024-05-15".parse::<dyads_time::Date>().ok();
    let (t, c) = (Instant::now(), cpu_secs());
    let mut alone = Vec::with_capacity(docs.len());
    for (i, (d, p)) in docs.iter().zip(&parses).enumerate() {
        let actors = dyads_coder::actors::resolve(d, p, pipeline.actor_lexicon(), lex_date);
        alone.push(
            pipeline
                .coder()
                .code(&format!("gen-{i}"), d, p, &actors, time_date),
        );
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = per_cpu(sentences, c, cpu_secs());
    ensure!(
        alone == coded,
        "the coder alone coded differently from the whole pipeline"
    );
    println!(
        "coder alone (actors and events, no syntax): {:.0} sentences/s{cpu}",
        sentences as f64 / secs
    );
    // A digest of every parse and event, to check that a faster build
    // gives the same output.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{parses:?}").hash(&mut h);
    format!("{coded:?}").hash(&mut h);
    println!("output digest {:016x}", h.finish());
    // About 12 of 14 templates carry an event: a fast run that codes
    // nothing must fail.
    ensure!(
        events * 2 >= sentences,
        "too few events: {events} for {sentences} sentences"
    );
    Ok(())
}
