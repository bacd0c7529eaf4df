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
                person: false,
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

/// The store bench: `n` generated mentions coded into generated documents
/// (100 per document) in a fresh SQLite store, then merged at ingest's
/// pace: half the documents, merge, the other half, merge (incremental),
/// then a rebuild from scratch.
pub fn run_store(n: usize) -> Result<()> {
    use dyads_store::{EventRow, Origin, Store};
    use dyads_text::{clean, read_input, Limits, Span};

    let per_doc = 100;
    let n_docs = n.div_ceil(per_doc).max(2);
    let path = std::env::temp_dir().join(format!("dyads-bench-merge-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path)?;
    let articles = crate::corpus::generate(n_docs, 7);
    let limits = Limits::default();
    let mut ids = Vec::with_capacity(n_docs);
    for chunk in articles.chunks(500) {
        store.in_transaction(|s| {
            for (name, text) in chunk {
                for a in read_input(name, text.as_bytes(), None, &limits) {
                    let Ok(a) = a else { continue };
                    let Ok(d) = clean(&a) else { continue };
                    let origin = Origin {
                        source_path: a.source_path.clone(),
                        format: "text".into(),
                        position: a.position,
                    };
                    let id = match s.insert(&d, &origin, &a.content)? {
                        dyads_store::Inserted::New(id) | dyads_store::Inserted::Unchanged(id) => id,
                        dyads_store::Inserted::NewVersion { id, .. } => id,
                    };
                    ids.push(id);
                }
            }
            Ok(())
        })?;
    }
    let ms = mentions(n);
    let row = |m: &Mention| -> EventRow {
        let side = |s: &[Side]| {
            s.first().map(|a| {
                serde_json::json!({"text": a.id, "actor_id": a.id, "code": a.id,
                    "canonical": a.id, "country": a.country, "sector": a.sector, "role": null})
            })
        };
        let date = m.date.map(|(s, _)| dyads_store::merge::iso(s));
        let json = serde_json::json!({
            "source": side(&m.source), "target": side(&m.target),
            "cameo": m.cameo, "plover": m.plover, "modality": m.modality,
            "date": date, "date_end": date, "location": null,
        });
        EventRow {
            sentence: 0,
            evidence: Span::new(0, 1),
            cameo: m.cameo.clone(),
            plover: m.plover.clone(),
            goldstein: Some(1.0),
            quad: Some(1),
            modality: m.modality.clone(),
            date: date.clone(),
            date_end: date,
            date_precision: Some("day".into()),
            source_code: m.source.first().map(|a| a.id.clone()),
            source_country: m.source.first().and_then(|a| a.country.clone()),
            target_code: m.target.first().map(|a| a.id.clone()),
            target_country: m.target.first().and_then(|a| a.country.clone()),
            rule: "bench".into(),
            json: json.to_string(),
            ..EventRow::default()
        }
    };
    let t = Instant::now();
    let half = ids.len() / 2;
    let mut stages = Vec::new();
    for (stage, range) in [(1, 0..half), (2, half..ids.len())] {
        let t_code = Instant::now();
        for (k, &doc) in ids.iter().enumerate().take(range.end).skip(range.start) {
            let lo = (k * per_doc).min(ms.len());
            let hi = ((k + 1) * per_doc).min(ms.len());
            let rows: Vec<EventRow> = ms[lo..hi].iter().map(row).collect();
            store.replace_coding(doc, "bench", &[], &rows)?;
        }
        let code_secs = t_code.elapsed().as_secs_f64();
        let t_merge = Instant::now();
        let s = store.merge_records()?;
        stages.push((
            stage,
            range.len(),
            code_secs,
            t_merge.elapsed().as_secs_f64(),
            s,
        ));
    }
    let t_rebuild = Instant::now();
    let rebuilt = store.rebuild_records()?;
    let rebuild_secs = t_rebuild.elapsed().as_secs_f64();
    println!(
        "bench-merge --store: {n} mentions in {} documents, SQLite at {}",
        ids.len(),
        path.display()
    );
    for (stage, docs, code_secs, merge_secs, s) in stages {
        println!(
            "  stage {stage}: {docs} documents coded in {code_secs:.1}s; merge: {} blocks, {} mentions -> {} records in {merge_secs:.1}s ({:.0} mentions/s)",
            s.blocks,
            s.mentions,
            s.records,
            s.mentions as f64 / merge_secs.max(1e-9)
        );
    }
    println!(
        "  rebuild from scratch: {} mentions -> {} records in {rebuild_secs:.1}s ({:.0} mentions/s); total {:.1}s",
        rebuilt.mentions,
        rebuilt.records,
        rebuilt.mentions as f64 / rebuild_secs.max(1e-9),
        t.elapsed().as_secs_f64()
    );
    if let Some(kb) = crate::bench::peak_rss_kb() {
        println!("  peak RSS {:.1} MB", kb as f64 / 1024.0);
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("  database {:.1} MB", size as f64 / 1e6);
    let _ = std::fs::remove_file(&path);
    Ok(())
}
