//! Coding stored documents at ingest time: the coder lives in
//! `dyads_server::ingest`, which `POST /api/ingest` shares.

pub use dyads_server::ingest::{Coding, CODER};
