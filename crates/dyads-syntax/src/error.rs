//! Errors: one [`Error`] with a [`ErrorKind`] and the file and line at fault.

use std::fmt;

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read or written.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// A CoNLL-U line that does not follow the format.
    #[error("malformed CoNLL-U: {0}")]
    Conllu(String),
    /// An IOB2 line that does not follow the format.
    #[error("malformed IOB2: {0}")]
    Iob2(String),
    /// A model file that cannot be decoded.
    #[error("bad model data: {0}")]
    Model(String),
    /// Training could not run (missing or empty data).
    #[error("training: {0}")]
    Training(String),
}

/// An error, with the file and line it concerns when known.
#[derive(Debug)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The file (or model name) at fault.
    pub file: Option<String>,
    /// The 1-based line at fault.
    pub line: Option<usize>,
}

impl Error {
    /// An error of `kind` with no place.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            file: None,
            line: None,
        }
    }

    /// Sets the file the error concerns.
    pub fn in_file(mut self, file: impl Into<String>) -> Error {
        self.file = Some(file.into());
        self
    }

    /// Sets the line the error concerns.
    pub fn at_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }

    /// A model decoding error.
    pub fn model(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Model(msg.into()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: {}", self.kind),
            (Some(file), None) => write!(f, "{file}: {}", self.kind),
            (None, Some(line)) => write!(f, "line {line}: {}", self.kind),
            (None, None) => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_and_line() {
        let e = Error::new(ErrorKind::Conllu("10 columns expected".into()))
            .in_file("a.conllu")
            .at_line(7);
        assert_eq!(
            e.to_string(),
            "a.conllu:7: malformed CoNLL-U: 10 columns expected"
        );
        assert_eq!(Error::model("short").to_string(), "bad model data: short");
    }
}
