//! `dyads serve`: the JSON API and the web UI over the store.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

/// Arguments of `dyads serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Address to listen on. Anything but a loopback address exposes the
    /// store to the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// File holding the bearer token that allows `POST /api/ingest`
    /// (without a token the server is read-only).
    #[arg(long, conflicts_with = "token_env")]
    pub token_file: Option<PathBuf>,
    /// Environment variable holding the ingest token.
    #[arg(long)]
    pub token_env: Option<String>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 10 << 20)]
    pub max_body: usize,
    /// Requests per second allowed per client address (0: no limit).
    #[arg(long, default_value_t = 50.0)]
    pub rate: f64,
    /// Requests a client may make at once before the rate applies.
    #[arg(long, default_value_t = 100.0)]
    pub burst: f64,
    /// Read connections to the store.
    #[arg(long, default_value_t = 4)]
    pub readers: usize,
    /// Runtime worker threads (default: one per core).
    #[arg(long)]
    pub workers: Option<usize>,
    /// Allow this origin (`https://host:port`) to call the API from the
    /// browser (CORS); none by default.
    #[arg(long)]
    pub cors_origin: Option<String>,
    /// Store ingested articles without coding them.
    #[arg(long)]
    pub no_code: bool,
}

fn token(args: &Args) -> Result<Option<String>> {
    let raw = match (&args.token_file, &args.token_env) {
        (Some(f), _) => {
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?
        }
        (None, Some(var)) => {
            std::env::var(var).with_context(|| format!("environment variable {var} is not set"))?
        }
        (None, None) => return Ok(None),
    };
    let t = raw.trim().to_string();
    if t.len() < 8 {
        bail!("the ingest token must have at least 8 characters");
    }
    Ok(Some(t))
}

/// Runs the server until the process is stopped.
pub fn run(db: &Path, args: &Args) -> Result<ExitCode> {
    if !db.exists() {
        bail!(
            "{}: no store here (create one with `dyads ingest`, or give --db)",
            db.display()
        );
    }
    let config = dyads_server::Config {
        bind: args.bind,
        token: token(args)?,
        readers: args.readers.max(1),
        body_limit: args.max_body,
        rate: args.rate,
        burst: args.burst,
        cors_origin: args.cors_origin.clone(),
        code_ingested: !args.no_code,
        ..dyads_server::Config::new(db.to_path_buf())
    };
    if !config.bind.ip().is_loopback() {
        eprintln!(
            "dyads serve: warning: listening on {}, not a loopback address",
            config.bind
        );
    }
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    if let Some(w) = args.workers {
        rt.worker_threads(w.max(1));
    }
    let rt = rt.enable_all().build().context("starting the runtime")?;
    rt.block_on(dyads_server::serve(config))?;
    Ok(ExitCode::SUCCESS)
}
