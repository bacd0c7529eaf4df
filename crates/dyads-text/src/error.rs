//! Errors of the text layer: every error names the input and the place in it.

use std::fmt;

/// Where in an input something went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The whole input.
    Whole,
    /// A 1-based line (JSON lines, dictionaries).
    Line(usize),
    /// A byte offset into the input.
    Offset(usize),
    /// The n-th (1-based) record of a container (feed item, WARC record).
    Record(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Whole => Ok(()),
            Place::Line(n) => write!(f, ":line {n}"),
            Place::Offset(n) => write!(f, ":byte {n}"),
            Place::Record(n) => write!(f, ":record {n}"),
        }
    }
}

/// What kind of error happened.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds no text at all.
    Empty,
    /// The input is larger than the configured limit (bytes, limit).
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input looks like binary data, not text.
    Binary,
    /// The input is not valid in its declared or detected encoding.
    Encoding(String),
    /// A JSON line could not be parsed or lacks the required fields.
    Json(String),
    /// HTML could not be turned into text.
    Html(String),
    /// An RSS or Atom feed could not be read.
    Feed(String),
    /// A WARC record could not be read.
    Warc(String),
    /// The article has content but no body text survived cleaning.
    NoBody,
    /// Reading the input failed.
    Io(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Empty => write!(f, "empty input"),
            ErrorKind::TooLarge { size, limit } => {
                write!(
                    f,
                    "input of {size} bytes is over the limit of {limit} bytes"
                )
            }
            ErrorKind::Binary => write!(f, "binary data, not text"),
            ErrorKind::Encoding(m) => write!(f, "bad text encoding: {m}"),
            ErrorKind::Json(m) => write!(f, "bad JSON line: {m}"),
            ErrorKind::Html(m) => write!(f, "bad HTML: {m}"),
            ErrorKind::Feed(m) => write!(f, "bad feed: {m}"),
            ErrorKind::Warc(m) => write!(f, "bad WARC record: {m}"),
            ErrorKind::NoBody => write!(f, "no article text left after cleaning"),
            ErrorKind::Io(m) => write!(f, "cannot read: {m}"),
        }
    }
}

/// An error of the text layer, with the input it concerns and the place in it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}{place}: {kind}")]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The input's name (a path, `-` for stdin, or a record id).
    pub origin: String,
    /// Where in the input.
    pub place: Place,
}

impl Error {
    /// A new error about `origin` at `place`.
    pub fn new(kind: ErrorKind, origin: impl Into<String>, place: Place) -> Error {
        Error {
            kind,
            origin: origin.into(),
            place,
        }
    }
}

/// Result alias of the text layer.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_and_place() {
        let e = Error::new(
            ErrorKind::Json("expected value".into()),
            "a.jsonl",
            Place::Line(3),
        );
        assert_eq!(
            e.to_string(),
            "a.jsonl:line 3: bad JSON line: expected value"
        );
        let e = Error::new(ErrorKind::Empty, "b.txt", Place::Whole);
        assert_eq!(e.to_string(), "b.txt: empty input");
    }
}
