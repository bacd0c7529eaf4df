//! # dyads-eval: scorers for the gold formats dyads meets
//!
//! Each module reads one gold format and scores dyads' output against it:
//! [`seeds`] checks cleaned seed articles against the seed metadata gold.
//! Scorers return reports that print as the scoreboard prints them.
#![deny(missing_docs)]

pub mod actors;
pub mod conllu;
pub mod ecbplus;
pub mod events;
pub mod iob2;
pub mod merging;
pub mod quotes;
pub mod seeds;
pub mod triples;

use std::path::Path;

/// An error reading gold data: the file and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not in the expected format.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }

    /// A format error in `path`.
    pub fn format(path: &Path, message: String) -> Error {
        Error::Format {
            path: path.display().to_string(),
            message,
        }
    }
}

/// Result alias of the scorers.
pub type Result<T> = std::result::Result<T, Error>;
