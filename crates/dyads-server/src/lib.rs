//! # dyads-server: the store over HTTP
//!
//! A JSON API under `/api/` (documents, search, event mentions, event
//! records, stories, actors, dyad series, the network, contradictions), its
//! OpenAPI 3 description at `/openapi.json`, and the web UI (embedded
//! assets, any other path falls back to `index.html`), all from one
//! [`router`]. [`serve`] runs it until the process ends; [`start`] runs it on
//! a thread of its own and returns its address (tests, benchmarks).
//!
//! Security: binds 127.0.0.1 by default; read-only unless an ingest token is
//! configured (`POST /api/ingest` with `Authorization: Bearer TOKEN`);
//! request bodies are capped; a token bucket per client address answers 429
//! when it runs dry; every response carries a strict Content-Security-Policy
//! and friends; no CORS unless an origin is configured.
//!
//! The store is SQLite through `rusqlite`, whose connections are not shared
//! across threads: requests run on blocking threads, each taking one of a
//! small pool of read connections (WAL mode lets them read while an ingest
//! writes through its own connection).
#![deny(missing_docs)]

mod api;
pub mod client;
pub mod ingest;
pub mod openapi;
mod security;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use dyads_store::Store;

pub use api::{route_list, router};

/// How to run the server.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store.
    pub db: PathBuf,
    /// Address to listen on (port 0 picks a free one).
    pub bind: SocketAddr,
    /// Bearer token that allows `POST /api/ingest`; `None`: read-only.
    pub token: Option<String>,
    /// Read connections to the store (at least 1).
    pub readers: usize,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Requests per second allowed per client address (0: no limit).
    pub rate: f64,
    /// Requests a client may make at once before the rate applies.
    pub burst: f64,
    /// Origin allowed to call the API from another site (CORS).
    pub cors_origin: Option<String>,
    /// Code ingested articles (actors and events) and merge records.
    pub code_ingested: bool,
}

impl Config {
    /// Defaults for a store: 127.0.0.1:8080, read-only, 4 readers, 10 MB
    /// bodies, 50 requests per second with bursts of 100, no CORS.
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            readers: 4,
            body_limit: 10 << 20,
            rate: 50.0,
            burst: 100.0,
            cors_origin: None,
            code_ingested: true,
        }
    }
}

/// What can go wrong starting or running the server.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] dyads_store::Error),
    /// The coder could not be loaded.
    #[error("coder: {0}")]
    Coder(#[from] dyads_coder::Error),
    /// Listening or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The configuration is not usable.
    #[error("configuration: {0}")]
    Config(String),
}

/// A pool of read connections to the store.
pub(crate) struct Pool {
    conns: Vec<Mutex<Store>>,
    next: AtomicUsize,
}

impl Pool {
    fn open(config: &Config) -> Result<Pool, Error> {
        let n = config.readers.max(1);
        let mut conns = Vec::with_capacity(n);
        for _ in 0..n {
            conns.push(Mutex::new(Store::open(&config.db)?));
        }
        Ok(Pool {
            conns,
            next: AtomicUsize::new(0),
        })
    }

    /// Runs `f` with a free connection (waiting for one when all are busy).
    pub(crate) fn with<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        let n = self.conns.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed) % n;
        for i in 0..n {
            if let Ok(store) = self.conns[(start + i) % n].try_lock() {
                return f(&store);
            }
        }
        let store = self.conns[start]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&store)
    }
}

/// The writer: its own connection and the coder.
pub(crate) struct Writer {
    pub(crate) store: Store,
    pub(crate) coding: ingest::Coding,
}

/// Shared state of the handlers.
pub(crate) struct AppState {
    pub(crate) config: Config,
    pub(crate) pool: Pool,
    pub(crate) writer: Option<Mutex<Writer>>,
    pub(crate) limiter: security::RateLimiter,
}

impl AppState {
    fn new(config: Config) -> Result<AppState, Error> {
        if config.body_limit == 0 {
            return Err(Error::Config("the body limit must be above 0".into()));
        }
        if config.token.as_deref().is_some_and(|t| t.trim().len() < 8) {
            return Err(Error::Config(
                "the ingest token must have at least 8 characters".into(),
            ));
        }
        // Opening the first connection applies pending migrations.
        let pool = Pool::open(&config)?;
        let writer = match config.token {
            Some(_) => Some(Mutex::new(Writer {
                store: Store::open(&config.db)?,
                coding: ingest::Coding::default(),
            })),
            None => None,
        };
        Ok(AppState {
            limiter: security::RateLimiter::new(config.rate, config.burst),
            config,
            pool,
            writer,
        })
    }
}

/// Binds, then serves until the process ends.
pub async fn serve(config: Config) -> Result<(), Error> {
    let listener = tokio::net::TcpListener::bind(config.bind).await?;
    let app = router(config)?;
    eprintln!(
        "dyads serve: listening on http://{}",
        listener.local_addr()?
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await?;
    Ok(())
}

/// A server running on a thread of its own.
pub struct Running {
    /// Where it listens.
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// Stops the server and waits for its thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Starts a server on a thread of its own (with `workers` runtime threads)
/// and returns once it listens.
pub fn start(config: Config, workers: usize) -> Result<Running, Error> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers.max(1))
        .enable_all()
        .build()?;
    let app = router(config.clone())?;
    let listener = rt.block_on(tokio::net::TcpListener::bind(config.bind))?;
    let addr = listener.local_addr()?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        rt.block_on(async move {
            let served = axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async move {
                let _ = rx.await;
            })
            .await;
            if let Err(e) = served {
                eprintln!("dyads serve: {e}");
            }
        });
    });
    Ok(Running {
        addr,
        stop: Some(tx),
        thread: Some(thread),
    })
}

pub(crate) type Shared = Arc<AppState>;
