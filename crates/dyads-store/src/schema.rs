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
    // 2: the coder's output per document: resolved actors and event mentions.
    r#"
CREATE TABLE doc_coding (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    coder TEXT NOT NULL,
    coded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE doc_actors (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    canonical TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    role TEXT,
    code TEXT,
    source TEXT NOT NULL,
    surface_forms TEXT NOT NULL DEFAULT '[]',
    mentions BLOB NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX doc_actors_actor ON doc_actors(actor_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    ev_start INTEGER NOT NULL,
    ev_end INTEGER NOT NULL,
    cameo TEXT NOT NULL,
    plover TEXT,
    mode TEXT,
    context TEXT,
    goldstein REAL,
    quad INTEGER,
    modality TEXT NOT NULL,
    reciprocal INTEGER NOT NULL DEFAULT 0,
    date TEXT,
    date_end TEXT,
    date_precision TEXT,
    source_code TEXT,
    source_country TEXT,
    target_code TEXT,
    target_country TEXT,
    rule TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc_id, sentence);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad ON events(source_country, target_country, date);
"#,
    // 3: event records (mentions of one real-world event merged), user
    // splits, and contradictions between a record's sources.
    r#"
ALTER TABLE events ADD COLUMN block TEXT;
CREATE INDEX events_block ON events(block);
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    block TEXT NOT NULL,
    plover TEXT,
    cameo TEXT NOT NULL,
    quad INTEGER,
    goldstein REAL,
    modality TEXT NOT NULL,
    source TEXT,
    source_country TEXT,
    target TEXT,
    target_country TEXT,
    date TEXT,
    date_end TEXT,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL
);
CREATE INDEX records_block ON records(block);
CREATE INDEX records_dyad ON records(source_country, target_country, date);
CREATE INDEX records_date ON records(date);
CREATE TABLE record_mentions (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    linked_to INTEGER,
    reason TEXT
);
CREATE INDEX record_mentions_record ON record_mentions(record_id);
CREATE TABLE record_splits (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE TABLE contradictions (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX contradictions_record ON contradictions(record_id);
"#,
    // 4: full-text index over documents (title and clean text), kept in
    // step with the documents table by triggers; filled from the rows a
    // store already has when it upgrades.
    r#"
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX doc_actors_canonical ON doc_actors(canonical);
"#,
];

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
