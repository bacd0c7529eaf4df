//! Tagging speed on a generated text: MB/s and expressions/s.
//!
//! `cargo run --release -p dyads-time --example bench_tag [SENTENCES]`
//!
//! The text repeats sentences with a known number of expressions, and the
//! bench fails when the count is wrong, so a fast wrong run does not pass.

use std::time::Instant;

/// (sentence, expressions in it)
const SENTENCES: &[(&str, usize)] = &[
    (
        "Troops crossed the border on 16 January 2024 after two days of shelling.",
        2,
    ),
    (
        "The ministers met on Tuesday and will meet again next month.",
        2,
    ),
    (
        "Profit rose 12% in the third quarter from a year earlier, the company said.",
        2,
    ),
    (
        "Negotiators said the talks, which began in late October, could last several years.",
        2,
    ),
    (
        "Protesters gathered at 3 p.m. in the capital, where rallies are held every week.",
        2,
    ),
    (
        "Officials declined to comment on the report, citing security concerns.",
        0,
    ),
    (
        "The previous day, police had arrested 40 people near the parliament building.",
        1,
    ),
    (
        "Prices have recently fallen, but analysts expect them to rise in the future.",
        2,
    ),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(20_000), |s| s.parse())?;
    let mut text = String::new();
    let mut expected = 0;
    for i in 0..n {
        let (s, k) = SENTENCES[i % SENTENCES.len()];
        text.push_str(s);
        text.push(if i % 5 == 4 { '\n' } else { ' ' });
        expected += k;
    }
    let dct: dyads_time::Date = "2024-01-25".parse()?;
    let start = Instant::now();
    let found = dyads_time::tag(&text, dct);
    let secs = start.elapsed().as_secs_f64();
    if found.len() != expected {
        return Err(format!("found {} expressions, expected {expected}", found.len()).into());
    }
    let mb = text.len() as f64 / 1e6;
    println!(
        "{:.1} MB, {} expressions in {secs:.3}s: {:.2} MB/s, {:.0} expressions/s",
        mb,
        found.len(),
        mb / secs,
        found.len() as f64 / secs
    );
    Ok(())
}
