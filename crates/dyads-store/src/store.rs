//! The store itself: opening, migrating, inserting and reading documents.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use dyads_text::{Document, Metadata, Precision, Published, Sentence, Span};

use crate::error::{Error, ErrorKind, Result};
use crate::pack;
use crate::schema::{current_version, MIGRATIONS};

/// Where a document came from: the input and the place in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The input file (`-` for stdin).
    pub source_path: Option<String>,
    /// The container format (`text`, `html`, `jsonl`, `feed`, `warc`).
    pub format: String,
    /// Line or record in the input (1-based), 0 for a whole file.
    pub position: usize,
}

/// What an insert did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    /// A new document, with its id.
    New(i64),
    /// The same content was already stored under this id: nothing changed.
    Unchanged(i64),
    /// A changed version of a stored document: the new id and the id it supersedes.
    NewVersion {
        /// The new version's id.
        id: i64,
        /// The id of the version it replaces (kept in the store).
        previous: i64,
    },
}

/// One line of the document list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocSummary {
    /// Document id.
    pub id: i64,
    /// Headline.
    pub title: Option<String>,
    /// Publication date (ISO 8601 to its precision).
    pub published: Option<String>,
    /// Precision of `published`.
    pub published_precision: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Number of sentences.
    pub sentence_count: i64,
    /// Version number under its key (1 for the first).
    pub version: i64,
    /// Id of the newer version, when superseded.
    pub superseded_by: Option<i64>,
}

/// A stored document with everything needed to show or re-process it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDoc {
    /// Document id.
    pub id: i64,
    /// Version number under its key.
    pub version: i64,
    /// Id of the newer version, when superseded.
    pub superseded_by: Option<i64>,
    /// Where it came from.
    pub origin: Origin,
    /// The raw content it was cleaned from.
    pub raw: String,
    /// The document (text, metadata, alignment, sentences, tokens).
    pub doc: Document,
}

/// The embedded SQLite store.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) name: String,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, in WAL mode, and
    /// applies any pending migrations.
    pub fn open(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|e| sql(&name, e))?;
        Store::init(conn, name, true)
    }

    /// An in-memory store (tests, stateless runs).
    pub fn open_in_memory() -> Result<Store> {
        let name = ":memory:".to_string();
        let conn = Connection::open_in_memory().map_err(|e| sql(&name, e))?;
        Store::init(conn, name, false)
    }

    fn init(conn: Connection, name: String, wal: bool) -> Result<Store> {
        let mut store = Store { conn, name };
        let s = &store;
        if wal {
            s.conn
                .pragma_update(None, "journal_mode", "WAL")
                .map_err(|e| s.err(e))?;
            s.conn
                .pragma_update(None, "synchronous", "NORMAL")
                .map_err(|e| s.err(e))?;
        }
        s.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| s.err(e))?;
        s.conn
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| s.err(e))?;
        store.migrate()?;
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    fn migrate(&mut self) -> Result<()> {
        let found = self.schema_version()?;
        let known = current_version();
        if found > known {
            return Err(Error {
                kind: ErrorKind::TooNew { found, known },
                db: self.name.clone(),
            });
        }
        for (i, batch) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = self.conn.transaction().map_err(|e| sql(&self.name, e))?;
            tx.execute_batch(batch).map_err(|e| sql(&self.name, e))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(|e| sql(&self.name, e))?;
            tx.commit().map_err(|e| sql(&self.name, e))?;
        }
        Ok(())
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> Error {
        sql(&self.name, e)
    }

    /// Runs `f` inside one transaction (commits when it returns `Ok`).
    /// Batch inserts are much faster this way.
    pub fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(e))?;
        match f(self) {
            Ok(v) => {
                self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Inserts a cleaned document with its origin and raw content.
    pub fn insert(&mut self, doc: &Document, origin: &Origin, raw: &str) -> Result<Inserted> {
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM documents WHERE content_hash = ?1",
                [&doc.content_hash],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        if let Some(id) = existing {
            return Ok(Inserted::Unchanged(id));
        }
        let key = doc_key(&doc.meta, origin);
        let latest: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT id, version FROM documents WHERE doc_key = ?1 AND superseded_by IS NULL \
                 ORDER BY version DESC LIMIT 1",
                [&key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let version = latest.map(|(_, v)| v + 1).unwrap_or(1);
        let m = &doc.meta;
        let authors = serde_json::to_string(&m.authors).unwrap_or_else(|_| "[]".into());
        self.conn
            .execute(
                "INSERT INTO documents (content_hash, doc_key, version, title, published, \
                 published_precision, authors, outlet, dateline_place, language, url, external_id, \
                 source_path, format, position, text, raw, alignment, tokens, paragraphs) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                params![
                    doc.content_hash,
                    key,
                    version,
                    m.title,
                    m.published.as_ref().map(|p| &p.value),
                    m.published.as_ref().map(|p| p.precision.as_str()),
                    authors,
                    m.outlet,
                    m.dateline_place,
                    m.language,
                    m.url,
                    m.external_id,
                    origin.source_path,
                    origin.format,
                    origin.position as i64,
                    doc.text,
                    raw,
                    pack::alignment(&doc.alignment),
                    pack::tokens(&doc.tokens),
                    pack::spans(&doc.paragraphs),
                ],
            )
            .map_err(|e| self.err(e))?;
        let id = self.conn.last_insert_rowid();
        {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "INSERT INTO sentences (doc_id, idx, start, end, first_token, end_token) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(|e| sql(&self.name, e))?;
            for (i, s) in doc.sentences.iter().enumerate() {
                stmt.execute(params![
                    id,
                    i as i64,
                    s.span.start,
                    s.span.end,
                    s.first_token,
                    s.end_token
                ])
                .map_err(|e| sql(&self.name, e))?;
            }
        }
        match latest {
            Some((previous, _)) => {
                self.conn
                    .execute(
                        "UPDATE documents SET superseded_by = ?1 WHERE id = ?2",
                        params![id, previous],
                    )
                    .map_err(|e| self.err(e))?;
                Ok(Inserted::NewVersion { id, previous })
            }
            None => Ok(Inserted::New(id)),
        }
    }

    /// Lists documents in id order: only current versions unless `all_versions`.
    pub fn list(&self, all_versions: bool) -> Result<Vec<DocSummary>> {
        let sql = format!(
            "SELECT d.id, d.title, d.published, d.published_precision, d.authors, d.outlet, \
             (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id), d.version, d.superseded_by \
             FROM documents d {} ORDER BY d.id",
            if all_versions {
                ""
            } else {
                "WHERE d.superseded_by IS NULL"
            }
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(DocSummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    published: r.get(2)?,
                    published_precision: r.get(3)?,
                    authors: authors_of(r, 4)?,
                    outlet: r.get(5)?,
                    sentence_count: r.get(6)?,
                    version: r.get(7)?,
                    superseded_by: r.get(8)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))
    }

    /// Number of stored documents (all versions) and sentences.
    pub fn counts(&self) -> Result<(i64, i64)> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(e))
    }

    /// Reads one document back, with its sentences and tokens.
    pub fn get(&self, id: i64) -> Result<StoredDoc> {
        let row = self
            .conn
            .query_row(
                "SELECT id, version, superseded_by, source_path, format, position, raw, text, \
                 title, published, published_precision, authors, outlet, dateline_place, language, \
                 url, external_id, alignment, tokens, paragraphs, content_hash \
                 FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        (
                            r.get::<_, i64>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, Option<i64>>(2)?,
                        ),
                        Origin {
                            source_path: r.get(3)?,
                            format: r.get(4)?,
                            position: r.get::<_, i64>(5)?.max(0) as usize,
                        },
                        (r.get::<_, String>(6)?, r.get::<_, String>(7)?),
                        Metadata {
                            title: r.get(8)?,
                            published: published_of(r.get(9)?, r.get(10)?),
                            authors: authors_of(r, 11)?,
                            outlet: r.get(12)?,
                            dateline_place: r.get(13)?,
                            language: r.get(14)?,
                            url: r.get(15)?,
                            external_id: r.get(16)?,
                        },
                        (
                            r.get::<_, Vec<u8>>(17)?,
                            r.get::<_, Vec<u8>>(18)?,
                            r.get::<_, Vec<u8>>(19)?,
                        ),
                        r.get::<_, String>(20)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(((id, version, superseded_by), origin, (raw, text), meta, blobs, hash)) = row
        else {
            return Err(Error {
                kind: ErrorKind::NotFound(id),
                db: self.name.clone(),
            });
        };
        let corrupt = |what: &str| Error {
            kind: ErrorKind::Corrupt(format!("document {id}: {what}")),
            db: self.name.clone(),
        };
        let alignment = pack::unpack_alignment(&blobs.0).ok_or_else(|| corrupt("alignment"))?;
        let tokens = pack::unpack_tokens(&blobs.1).ok_or_else(|| corrupt("tokens"))?;
        let paragraphs = pack::unpack_spans(&blobs.2).ok_or_else(|| corrupt("paragraphs"))?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, first_token, end_token FROM sentences WHERE doc_id = ?1 ORDER BY idx",
            )
            .map_err(|e| self.err(e))?;
        let sentences = stmt
            .query_map([id], |r| {
                Ok(Sentence {
                    span: Span {
                        start: r.get(0)?,
                        end: r.get(1)?,
                    },
                    first_token: r.get(2)?,
                    end_token: r.get(3)?,
                })
            })
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok(StoredDoc {
            id,
            version,
            superseded_by,
            origin,
            raw,
            doc: Document {
                text,
                meta,
                alignment,
                sentences,
                tokens,
                paragraphs,
                content_hash: hash,
            },
        })
    }
}

/// The identity of an article across versions: its URL, else its input id,
/// else its source path and position.
fn doc_key(meta: &Metadata, origin: &Origin) -> String {
    if let Some(u) = &meta.url {
        return format!("url:{u}");
    }
    if let Some(i) = &meta.external_id {
        return format!("id:{i}");
    }
    format!(
        "path:{}#{}",
        origin.source_path.as_deref().unwrap_or("-"),
        origin.position
    )
}

fn authors_of(r: &Row<'_>, i: usize) -> rusqlite::Result<Vec<String>> {
    let s: String = r.get(i)?;
    serde_json::from_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn published_of(value: Option<String>, precision: Option<String>) -> Option<Published> {
    let value = value?;
    let precision = precision.as_deref().and_then(Precision::parse)?;
    Some(Published { value, precision })
}

fn sql(db: &str, e: rusqlite::Error) -> Error {
    Error {
        kind: ErrorKind::Sqlite(e),
        db: db.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyads_text::{clean, Article};

    fn doc(text: &str, url: Option<&str>) -> Document {
        let mut a = Article::text(text);
        a.hints.url = url.map(str::to_string);
        match clean(&a) {
            Ok(d) => d,
            Err(e) => panic!("clean failed: {e}"),
        }
    }

    #[test]
    fn reingest_is_idempotent_and_changes_are_versions() -> Result<()> {
        let mut s = Store::open_in_memory()?;
        let o = Origin {
            source_path: Some("a.txt".into()),
            format: "text".into(),
            position: 0,
        };
        let d1 = doc(
            "The envoys met in Geneva on Monday.",
            Some("https://x.example/a"),
        );
        let first = s.insert(&d1, &o, "raw")?;
        let Inserted::New(id1) = first else {
            panic!("expected new, got {first:?}")
        };
        assert_eq!(s.insert(&d1, &o, "raw")?, Inserted::Unchanged(id1));
        let d2 = doc(
            "The envoys met in Geneva on Tuesday.",
            Some("https://x.example/a"),
        );
        let second = s.insert(&d2, &o, "raw2")?;
        let Inserted::NewVersion { id, previous } = second else {
            panic!("expected a new version, got {second:?}")
        };
        assert_eq!(previous, id1);
        assert_eq!(s.list(false)?.len(), 1);
        assert_eq!(s.list(true)?.len(), 2);
        assert_eq!(s.get(id1)?.superseded_by, Some(id));
        assert_eq!(s.get(id)?.version, 2);
        // Another URL is another document.
        let d3 = doc(
            "The envoys met in Geneva on Tuesday.",
            Some("https://x.example/b"),
        );
        assert!(matches!(s.insert(&d3, &o, "raw3")?, Inserted::New(_)));
        Ok(())
    }

    #[test]
    fn round_trip_keeps_everything() -> Result<()> {
        let mut s = Store::open_in_memory()?;
        let d = doc(
            "Talks ended on Friday. Both sides called them useful.",
            None,
        );
        let o = Origin {
            source_path: Some("b.txt".into()),
            format: "text".into(),
            position: 3,
        };
        let Inserted::New(id) = s.insert(&d, &o, "raw text")? else {
            panic!("expected new")
        };
        let back = s.get(id)?;
        assert_eq!(back.doc, d);
        assert_eq!(back.origin, o);
        assert_eq!(back.raw, "raw text");
        assert!(matches!(
            s.get(id + 100),
            Err(Error {
                kind: ErrorKind::NotFound(_),
                ..
            })
        ));
        Ok(())
    }

    #[test]
    fn file_store_migrates_and_refuses_newer_schema() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("dyads-store-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        {
            let s = Store::open(&path)?;
            assert_eq!(s.schema_version()?, current_version());
        }
        {
            let s = Store::open(&path)?;
            assert_eq!(s.schema_version()?, current_version());
            s.conn
                .pragma_update(None, "user_version", current_version() + 1)
                .map_err(|e| s.err(e))?;
        }
        assert!(matches!(
            Store::open(&path),
            Err(Error {
                kind: ErrorKind::TooNew { .. },
                ..
            })
        ));
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }
}
