//! Errors of the coder: a file or record that cannot be read, with its place.

use std::path::PathBuf;

/// An error with the file (or input name) and place it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file or record is malformed.
    #[error("{origin}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Format {
        /// The file or input name.
        origin: String,
        /// The 1-based line, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The lexicon failed to load.
    #[error(transparent)]
    Lexicon(#[from] dyads_lexicon::Error),
    /// The syntax models failed to load.
    #[error(transparent)]
    Syntax(#[from] dyads_syntax::Error),
}

/// Result with the coder's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
