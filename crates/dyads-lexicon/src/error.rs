//! Errors and warnings: every one names the file and the line at fault.

use std::fmt;

/// What went wrong in a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A row has the wrong number of tab-separated columns.
    Columns {
        /// Columns the header declares.
        expected: usize,
        /// Columns the row has.
        found: usize,
    },
    /// The header line is not the one the file format requires.
    Header(String),
    /// A required field is empty.
    Empty(&'static str),
    /// A code is not three uppercase letters (or a CAMEO code of 3-letter parts).
    BadCode(String),
    /// A date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or a valid calendar day).
    BadDate(String),
    /// A role ends before it starts.
    DateOrder {
        /// The start date as written.
        start: String,
        /// The end date as written.
        end: String,
    },
    /// An id (or state code) appears twice.
    DuplicateId(String),
    /// A role names a person that `people.tsv` does not hold.
    UnknownPerson(String),
    /// A value is not one of those the column allows.
    UnknownValue {
        /// The column.
        column: &'static str,
        /// The value found.
        value: String,
    },
    /// A sector example phrase does not contain its term.
    Example(String),
    /// Reading a file failed.
    Io(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Columns { expected, found } => {
                write!(
                    f,
                    "expected {expected} tab-separated columns, found {found}"
                )
            }
            ErrorKind::Header(h) => write!(f, "bad header: expected `{h}`"),
            ErrorKind::Empty(c) => write!(f, "empty `{c}`"),
            ErrorKind::BadCode(c) => write!(f, "bad code `{c}`"),
            ErrorKind::BadDate(d) => write!(f, "bad date `{d}`"),
            ErrorKind::DateOrder { start, end } => {
                write!(f, "end date {end} is before start date {start}")
            }
            ErrorKind::DuplicateId(id) => write!(f, "duplicate id `{id}`"),
            ErrorKind::UnknownPerson(id) => write!(f, "unknown person id `{id}`"),
            ErrorKind::UnknownValue { column, value } => {
                write!(f, "unknown {column} `{value}`")
            }
            ErrorKind::Example(m) => write!(f, "example does not match: {m}"),
            ErrorKind::Io(m) => write!(f, "cannot read: {m}"),
        }
    }
}

/// An error in a lexicon file: the file, the 1-based line (0 for the whole
/// file) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {kind}", place(file, *line))]
pub struct Error {
    /// The file (a built-in data file name or a path).
    pub file: String,
    /// The 1-based line, or 0 when the error concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub kind: ErrorKind,
}

fn place(file: &str, line: usize) -> String {
    if line == 0 {
        file.to_string()
    } else {
        format!("{file}:{line}")
    }
}

impl Error {
    /// An error at `file:line`.
    pub fn new(file: &str, line: usize, kind: ErrorKind) -> Error {
        Error {
            file: file.to_string(),
            line,
            kind,
        }
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// A problem in an imported dictionary that did not stop the import: the
/// line was skipped (or read in a documented fallback way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The dictionary file.
    pub file: String,
    /// The 1-based line.
    pub line: usize,
    /// What is wrong and what was done about it.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_file_and_line() {
        let e = Error::new("states.tsv", 12, ErrorKind::BadCode("prk".into()));
        assert_eq!(e.to_string(), "states.tsv:12: bad code `prk`");
        let e = Error::new("x.txt", 0, ErrorKind::Io("gone".into()));
        assert_eq!(e.to_string(), "x.txt: cannot read: gone");
        let w = Warning {
            file: "a.actors".into(),
            line: 3,
            message: "no code".into(),
        };
        assert_eq!(w.to_string(), "a.actors:3: no code");
    }
}
