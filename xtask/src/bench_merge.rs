//! `bench-merge`: the cost of merging event mentions into records, on
//! generated mentions (in memory: blocking and clustering, not SQLite).
//!
//! Mentions are made from "true" events between random pairs of 60
//! countries, of 12 types, over three years; each true event is reported
//! by one to four mentions whose dates differ by up to a day, and one in
//! ten mentions is planned rather than asserted. The bench runs sizes
//! N/4, N/2 and N, so growth can be read off the times.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use anyhow::Result;

use dyads_store::merge::{block_of, cluster, Mention, Side};

const TYPES: &[&str] = &[
    "CONSULT",
    "AGREE",
    "SUPPORT",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "AID",
    "COOPERATE",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn mentions(n: usize) -> Vec<Mention> {
    let mut rng = Lcg(42);
    let countries: Vec<String> = (0..60).map(|i| format!("C{i:02}")).collect();
    let mut out = Vec::with_capacity(n);
    let start = dyads_store::merge::days("2021-01-01").unwrap_or(0);
    let mut event = 0usize;
    while out.len() < n {
        event += 1;
        let a = rng.below(60) as usize;
        let mut b = rng.below(60) as usize;
        if b == a {
            b = (a + 1) % 60;
        }
        let kind = TYPES[rng.below(TYPES.len() as u64) as usize];
        let day = start + rng.below(3 * 365) as i64;
        let reports = 1 + rng.below(4) as usize;
        for r in 0..reports {
            if out.len() >= n {
                break;
            }
            let d = day + rng.below(2) as i64;
            let side = |c: &str| Side {
                id: c.to_string(),
                country: Some(c.to_string()),
                sector: Some("GOV".into()),
            };
            out.push(Mention {
                event_id: out.len() as i64,
                key: format!("e{event}r{r}"),
                doc_id: (event * 4 + r) as i64,
                plover: Some(kind.to_string()),
                cameo: "040".into(),
                modality: if rng.below(10) == 0 {
                    "future"
                } else {
                    "asserted"
                }
                .into(),
                reciprocal: false,
                date: Some((d, d)),
                published: Some(d + 1),
                source: vec![side(&countries[a])],
                target: vec![side(&countries[b])],
                place: None,
            });
        }
    }
    out
}

/// Runs the bench for sizes n/4, n/2 and n.
pub fn run(n: usize) -> Result<()> {
    println!("bench-merge: generated mentions, blocking + clustering in memory, one core");
    println!(
        "{:>10}  {:>8}  {:>9}  {:>10}  {:>12}  {:>10}",
        "mentions", "blocks", "records", "seconds", "mentions/s", "ns/mention"
    );
    for size in [n / 4, n / 2, n] {
        let ms = mentions(size);
        let t = Instant::now();
        let mut blocks: HashMap<String, Vec<Mention>> = HashMap::new();
        for m in ms {
            blocks.entry(block_of(&m)).or_default().push(m);
        }
        let none = HashSet::new();
        let mut records = 0usize;
        for block in blocks.values() {
            records += cluster(block, &none).len();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{:>10}  {:>8}  {:>9}  {:>10.2}  {:>12.0}  {:>10.0}",
            size,
            blocks.len(),
            records,
            secs,
            size as f64 / secs,
            secs * 1e9 / size as f64
        );
    }
    if let Some(kb) = crate::bench::peak_rss_kb() {
        println!("peak RSS {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(())
}
