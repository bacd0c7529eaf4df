//! `bench-serve`: a load test of the HTTP API on loopback.
//!
//! Ingests `examples/` (coded, records merged) into a temporary store (or
//! uses `--db`), starts a real server on 127.0.0.1 with the rate limit off,
//! and for each main endpoint runs `--connections` keep-alive clients for
//! `--seconds`, timing every request. Reports requests/s and p50/p99/max
//! latency per endpoint, once per read-pool size in `--readers` (so the
//! pool can be compared with a single connection). Every response must be
//! 200; any other status is counted and fails the run.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use dyads_server::client::Client;
use dyads_server::ingest::{ingest_bytes, Coding};
use dyads_server::{start, Config};
use dyads_store::Store;
use dyads_text::Limits;

/// Options of the bench.
pub struct Options {
    /// Seconds per endpoint.
    pub seconds: f64,
    /// Concurrent keep-alive connections.
    pub connections: usize,
    /// Read-pool sizes to compare.
    pub readers: Vec<usize>,
    /// An existing store to serve instead of the examples.
    pub db: Option<PathBuf>,
}

fn examples_store(dir: &Path) -> Result<PathBuf> {
    let db = dir.join("examples.db");
    let mut store = Store::open(&db)?;
    let mut coding = Coding::default();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .with_context(|| format!("reading {}", root.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            !n.ends_with(".md") && !n.ends_with(".py")
        })
        .collect();
    files.sort();
    for f in files {
        let bytes = std::fs::read(&f)?;
        ingest_bytes(
            &mut store,
            &f.display().to_string(),
            &bytes,
            None,
            &Limits::default(),
            Some(&mut coding),
        )?;
    }
    Ok(db)
}

/// Paths to hit, with ids and words taken from the store through the API.
fn endpoints(c: &mut Client) -> Result<Vec<(String, String)>> {
    let get = |c: &mut Client, p: &str| -> Result<serde_json::Value> {
        let r = c.get(p)?;
        if r.status != 200 {
            bail!("GET {p}: {} {}", r.status, r.text());
        }
        Ok(r.json())
    };
    let docs = get(c, "/api/documents")?;
    let doc = docs["items"][0]["id"].as_i64().unwrap_or(1);
    let word = docs["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["title"].as_str())
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .find(|w| w.len() > 4)
        .unwrap_or("minister")
        .to_string();
    let record = get(c, "/api/records")?["items"][0]["id"]
        .as_i64()
        .unwrap_or(1);
    let story = get(c, "/api/stories")?["items"][0]["id"]
        .as_i64()
        .unwrap_or(1);
    let actor = get(c, "/api/actors?kind=person")?["items"][0]["actor_id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let top = get(c, "/api/dyads/top")?;
    let a = top["items"][0]["a"].as_str().unwrap_or("").to_string();
    let b = top["items"][0]["b"].as_str().unwrap_or("").to_string();
    let list = [
        ("stats", "/api/stats".to_string()),
        ("documents", "/api/documents".to_string()),
        ("document", format!("/api/documents/{doc}")),
        ("search", format!("/api/search?q={word}")),
        ("events", "/api/events".to_string()),
        ("events?actor", format!("/api/events?actor={}", enc(&actor))),
        ("records", "/api/records".to_string()),
        ("record", format!("/api/records/{record}")),
        ("stories", "/api/stories".to_string()),
        ("story", format!("/api/stories/{story}")),
        ("actors", "/api/actors".to_string()),
        ("actor", format!("/api/actors/{}", enc(&actor))),
        (
            "dyad",
            format!("/api/dyad?a={}&b={}&by=week", enc(&a), enc(&b)),
        ),
        ("dyads/top", "/api/dyads/top".to_string()),
        ("network", "/api/network".to_string()),
        ("contradictions", "/api/contradictions".to_string()),
    ];
    Ok(list.into_iter().map(|(n, p)| (n.to_string(), p)).collect())
}

/// Percent-encodes everything but ASCII letters, digits and `-_.`.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

struct Round {
    requests: usize,
    failed: usize,
    secs: f64,
    latencies: Vec<Duration>,
}

fn hammer(addr: std::net::SocketAddr, path: &str, opts: &Options) -> Result<Round> {
    let deadline = Duration::from_secs_f64(opts.seconds);
    let start = Instant::now();
    let handles: Vec<_> = (0..opts.connections)
        .map(|_| {
            let path = path.to_string();
            std::thread::spawn(move || -> Result<(Vec<Duration>, usize)> {
                let mut c = Client::connect(addr)?;
                let mut lat = Vec::new();
                let mut failed = 0;
                while start.elapsed() < deadline {
                    let t = Instant::now();
                    let r = c.get(&path)?;
                    lat.push(t.elapsed());
                    if r.status != 200 {
                        failed += 1;
                    }
                }
                Ok((lat, failed))
            })
        })
        .collect();
    let mut round = Round {
        requests: 0,
        failed: 0,
        secs: 0.0,
        latencies: Vec::new(),
    };
    for h in handles {
        let (lat, failed) = h
            .join()
            .map_err(|_| anyhow::anyhow!("a client thread panicked"))??;
        round.requests += lat.len();
        round.failed += failed;
        round.latencies.extend(lat);
    }
    round.secs = start.elapsed().as_secs_f64();
    round.latencies.sort();
    Ok(round)
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

/// Runs the bench.
pub fn run(opts: &Options) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("dyads-bench-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = match &opts.db {
        Some(p) => p.clone(),
        None => {
            let t = Instant::now();
            let db = examples_store(&dir)?;
            eprintln!(
                "bench-serve: examples ingested and coded in {:.1} s",
                t.elapsed().as_secs_f64()
            );
            db
        }
    };
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut failed_total = 0;
    for &readers in &opts.readers {
        let mut config = Config::new(db.clone());
        config.bind = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
        config.rate = 0.0;
        config.readers = readers;
        let server = start(config, cores)?;
        let mut c = Client::connect(server.addr)?;
        let list = endpoints(&mut c)?;
        drop(c);
        println!(
            "bench-serve: {} readers, {} connections, {:.1} s per endpoint, {cores} cores, release={}",
            readers,
            opts.connections,
            opts.seconds,
            !cfg!(debug_assertions)
        );
        println!(
            "{:<16} {:>9} {:>9} {:>9} {:>9} {:>7}",
            "endpoint", "req/s", "p50 ms", "p99 ms", "max ms", "failed"
        );
        let (mut all_req, mut all_secs) = (0usize, 0.0f64);
        for (name, path) in &list {
            let r = hammer(server.addr, path, opts)?;
            println!(
                "{:<16} {:>9.0} {:>9.2} {:>9.2} {:>9.2} {:>7}",
                name,
                r.requests as f64 / r.secs,
                pct(&r.latencies, 0.50),
                pct(&r.latencies, 0.99),
                pct(&r.latencies, 1.0),
                r.failed
            );
            all_req += r.requests;
            all_secs += r.secs;
            failed_total += r.failed;
        }
        println!(
            "{:<16} {:>9.0}  ({} requests in {:.1} s)",
            "all (mean)",
            all_req as f64 / all_secs,
            all_req,
            all_secs
        );
        server.stop();
    }
    let _ = std::fs::remove_dir_all(&dir);
    if failed_total > 0 {
        bail!("{failed_total} requests did not answer 200");
    }
    Ok(())
}
