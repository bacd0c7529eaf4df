//! The versioned schema and its migrations.
//!
//! The schema version lives in SQLite's `user_version`. Each migration is a
//! batch of SQL applied in one transaction; opening a database applies the
//! ones it lacks, and refuses a database from a newer dyads.

/// Migrations in order: index `i` brings the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents and sentences.
    r#"
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    doc_key TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    superseded_by INTEGER REFERENCES documents(id),
    title TEXT,
    published TEXT,
    published_precision TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    outlet TEXT,
    dateline_place TEXT,
    language TEXT,
    url TEXT,
    external_id TEXT,
    source_path TEXT,
    format TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    raw TEXT NOT NULL,
    alignment BLOB NOT NULL,
    tokens BLOB NOT NULL,
    paragraphs BLOB NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_key ON documents(doc_key, version);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE sentences (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    first_token INTEGER NOT NULL,
    end_token INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
"#,
];

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
