//! Errors of the store.

use std::fmt;

/// What went wrong in the store.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// SQLite reported an error.
    Sqlite(rusqlite::Error),
    /// The database was written by a newer dyads (its schema version, ours).
    TooNew {
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        known: i64,
    },
    /// A stored value could not be decoded (column, message).
    Corrupt(String),
    /// No document with this id.
    NotFound(i64),
    /// No event mention with this id.
    NoEvent(i64),
    /// No event record with this id.
    NoRecord(i64),
    /// No story with this id.
    NoStory(i64),
    /// A split that cannot be made (the record and the reason).
    BadSplit(i64, String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Sqlite(e) => write!(f, "SQLite: {e}"),
            ErrorKind::TooNew { found, known } => write!(
                f,
                "schema version {found} is newer than this dyads understands ({known}); upgrade dyads"
            ),
            ErrorKind::Corrupt(m) => write!(f, "corrupt stored value: {m}"),
            ErrorKind::NotFound(id) => write!(f, "no document with id {id}"),
            ErrorKind::NoEvent(id) => write!(f, "no event with id {id}"),
            ErrorKind::NoRecord(id) => write!(f, "no event record with id {id}"),
            ErrorKind::NoStory(id) => write!(f, "no story with id {id}"),
            ErrorKind::BadSplit(id, why) => write!(f, "record {id}: cannot split: {why}"),
        }
    }
}

/// A store error, naming the database file.
#[derive(Debug, thiserror::Error)]
#[error("{db}: {kind}")]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The database path (`:memory:` for an in-memory store).
    pub db: String,
}

impl Error {
    /// True when the error is the user's (a missing id), not the store's.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::NotFound(_)
                | ErrorKind::NoEvent(_)
                | ErrorKind::NoRecord(_)
                | ErrorKind::NoStory(_)
                | ErrorKind::BadSplit(..)
                | ErrorKind::TooNew { .. }
        )
    }
}

/// Result alias of the store.
pub type Result<T> = std::result::Result<T, Error>;
