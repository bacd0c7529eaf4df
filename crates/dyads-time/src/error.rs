//! Errors: reading TimeML files and evaluation directories.

use std::fmt;
use std::path::{Path, PathBuf};

/// A `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The TimeML markup is broken (unclosed tag, bad attribute).
    #[error("bad TimeML: {0}")]
    Xml(String),
    /// The document has no creation time (`functionInDocument="CREATION_TIME"`),
    /// or its value is not a date.
    #[error("no usable document creation time: {0}")]
    NoDct(String),
    /// The document has no `<TEXT>` element.
    #[error("no <TEXT> element")]
    NoText,
    /// A directory holds no `.tml` file.
    #[error("no .tml files found")]
    Empty,
}

/// An error, naming the file and, when known, the line at fault.
#[derive(Debug)]
pub struct Error {
    /// The file (or directory) at fault.
    pub path: PathBuf,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl Error {
    /// An error about `path`, at `line` when known.
    pub fn new(path: &Path, line: Option<usize>, kind: ErrorKind) -> Error {
        Error {
            path: path.to_path_buf(),
            line,
            kind,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.kind),
            None => write!(f, "{}: {}", self.path.display(), self.kind),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_and_line() {
        let e = Error::new(
            Path::new("a.tml"),
            Some(7),
            ErrorKind::Xml("unclosed <TIMEX3>".into()),
        );
        assert_eq!(e.to_string(), "a.tml:7: bad TimeML: unclosed <TIMEX3>");
        let e = Error::new(Path::new("b.tml"), None, ErrorKind::NoText);
        assert_eq!(e.to_string(), "b.tml: no <TEXT> element");
    }
}
