//! Row-level access for exports and imports.
//!
//! Exports read the store in pages (keyset pagination on the ids), so a
//! table of a million mentions never sits in memory at once. Imports write
//! rows back under the ids they were exported with, so that an export of an
//! imported store is the same as the export it came from. Imports are meant
//! for an empty store (or the store they came from): a row whose id is
//! already taken is skipped.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use dyads_text::{Alignment, Sentence, Span, Token};

use crate::coded::{event_from_row, ActorRow, EventFilter, StoredEvent, EVENT_COLUMNS};
use crate::error::{Error, ErrorKind, Result};
use crate::pack;
use crate::store::Store;

/// One event mention with what exports need from its document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionRow {
    /// The stored mention.
    pub event: StoredEvent,
    /// The document's URL.
    pub doc_url: Option<String>,
    /// The document's outlet.
    pub doc_outlet: Option<String>,
    /// The document's publication date (ISO, to its precision).
    pub doc_published: Option<String>,
    /// The document's language.
    pub doc_language: Option<String>,
    /// When the document was stored (`YYYY-MM-DDTHH:MM:SSZ`).
    pub doc_ingested_at: String,
    /// The sentence's text (only when asked for).
    pub sentence_text: Option<String>,
    /// The evidence words (only when asked for).
    pub evidence_text: Option<String>,
}

/// One actor of one document, with its place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocActor {
    /// Document id.
    pub doc_id: i64,
    /// Position among the document's actors.
    pub idx: i64,
    /// The actor.
    pub actor: ActorRow,
}

/// Paragraphs, sentences and tokens of a document's clean text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Tokens.
    pub tokens: Vec<Token>,
}

/// A stored document's row: metadata, and optionally its text and layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentRow {
    /// Document id.
    pub id: i64,
    /// Version under its key.
    pub version: i64,
    /// Id of the newer version, when superseded.
    pub superseded_by: Option<i64>,
    /// Identity across versions (`url:...`, `id:...`, `path:...#n`).
    pub doc_key: String,
    /// Hash of the clean content.
    pub content_hash: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date (ISO, to its precision).
    pub published: Option<String>,
    /// Precision of `published`.
    pub published_precision: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Dateline place.
    pub dateline_place: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Identifier given by the input.
    pub external_id: Option<String>,
    /// Input file.
    pub source_path: Option<String>,
    /// Container format.
    pub format: String,
    /// Place in the input.
    pub position: i64,
    /// When it was stored.
    pub ingested_at: String,
    /// Number of sentences.
    pub sentence_count: i64,
    /// The clean text (only when asked for).
    pub text: Option<String>,
    /// Paragraphs, sentences and tokens (only when asked for).
    pub layout: Option<Layout>,
}

impl Store {
    /// Up to `limit` mentions that pass `filter` with ids above `after`, in
    /// id order. With `texts`, each row carries its sentence and evidence text.
    pub fn mention_page(
        &self,
        filter: &EventFilter,
        texts: bool,
        after: i64,
        limit: usize,
    ) -> Result<Vec<MentionRow>> {
        let text_cols = if texts {
            "CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT), \
             CAST(substr(CAST(d.text AS BLOB), e.ev_start + 1, e.ev_end - e.ev_start) AS TEXT)"
        } else {
            "NULL, NULL"
        };
        let mut sql = format!(
            "SELECT {EVENT_COLUMNS}, d.url, d.outlet, d.published, d.language, d.ingested_at, {text_cols} \
             FROM events e JOIN documents d ON d.id = e.doc_id \
             LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence \
             WHERE e.id > ?6 AND (?1 IS NULL OR e.doc_id = ?1) AND (?2 IS NULL OR e.modality = ?2) \
             AND (?3 IS NULL OR e.source_country = ?3 OR e.target_country = ?3) \
             AND (?4 IS NULL OR e.date >= ?4) AND (?5 IS NULL OR substr(e.date, 1, length(?5)) <= ?5)"
        );
        if !filter.all_versions {
            sql.push_str(" AND d.superseded_by IS NULL");
        }
        sql.push_str(" ORDER BY e.id LIMIT ?7");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![
                    filter.doc_id,
                    filter.modality,
                    filter.country,
                    filter.since,
                    filter.until,
                    after,
                    limit as i64
                ],
                |r| {
                    Ok(MentionRow {
                        event: event_from_row(r)?,
                        doc_url: r.get(22)?,
                        doc_outlet: r.get(23)?,
                        doc_published: r.get(24)?,
                        doc_language: r.get(25)?,
                        doc_ingested_at: r.get(26)?,
                        sentence_text: r.get(27)?,
                        evidence_text: r.get(28)?,
                    })
                },
            )
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))
    }

    /// Up to `limit` document actors after `(doc_id, idx)` = `after`, in
    /// document and position order; only current document versions, and
    /// only actors of `country` when given.
    pub fn actor_page(
        &self,
        country: Option<&str>,
        after: (i64, i64),
        limit: usize,
    ) -> Result<Vec<DocActor>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.doc_id, a.idx, a.actor_id, a.canonical, a.kind, a.country, a.sector, \
                 a.role, a.code, a.source, a.surface_forms, a.mentions \
                 FROM doc_actors a JOIN documents d ON d.id = a.doc_id \
                 WHERE (a.doc_id, a.idx) > (?1, ?2) AND d.superseded_by IS NULL \
                 AND (?3 IS NULL OR a.country = ?3) ORDER BY a.doc_id, a.idx LIMIT ?4",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![after.0, after.1, country, limit as i64], |r| {
                Ok((
                    DocActor {
                        doc_id: r.get(0)?,
                        idx: r.get(1)?,
                        actor: ActorRow {
                            actor_id: r.get(2)?,
                            canonical: r.get(3)?,
                            kind: r.get(4)?,
                            country: r.get(5)?,
                            sector: r.get(6)?,
                            role: r.get(7)?,
                            code: r.get(8)?,
                            source: r.get(9)?,
                            surface_forms: Vec::new(),
                            mentions: Vec::new(),
                        },
                    },
                    r.get::<_, String>(10)?,
                    r.get::<_, Vec<u8>>(11)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (mut a, forms, blob) = row.map_err(|e| self.err(e))?;
            a.actor.surface_forms = serde_json::from_str(&forms).map_err(|e| {
                self.corrupt_row(format!("document {}: surface forms: {e}", a.doc_id))
            })?;
            a.actor.mentions = pack::unpack_spans(&blob)
                .ok_or_else(|| self.corrupt_row(format!("document {}: mentions", a.doc_id)))?;
            out.push(a);
        }
        Ok(out)
    }

    /// Up to `limit` current documents with ids above `after`, published in
    /// `[since, until]` when given (prefix compare, as for events). With
    /// `full`, each row carries its clean text and layout.
    pub fn document_page(
        &self,
        since: Option<&str>,
        until: Option<&str>,
        full: bool,
        after: i64,
        limit: usize,
    ) -> Result<Vec<DocumentRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.version, d.superseded_by, d.doc_key, d.content_hash, d.title, \
                 d.published, d.published_precision, d.authors, d.outlet, d.dateline_place, \
                 d.language, d.url, d.external_id, d.source_path, d.format, d.position, \
                 d.ingested_at, (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id), \
                 CASE WHEN ?5 THEN d.text END, CASE WHEN ?5 THEN d.tokens END, \
                 CASE WHEN ?5 THEN d.paragraphs END \
                 FROM documents d WHERE d.id > ?1 AND d.superseded_by IS NULL \
                 AND (?2 IS NULL OR d.published >= ?2) \
                 AND (?3 IS NULL OR substr(d.published, 1, length(?3)) <= ?3) \
                 ORDER BY d.id LIMIT ?4",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![after, since, until, limit as i64, full], |r| {
                Ok((
                    DocumentRow {
                        id: r.get(0)?,
                        version: r.get(1)?,
                        superseded_by: r.get(2)?,
                        doc_key: r.get(3)?,
                        content_hash: r.get(4)?,
                        title: r.get(5)?,
                        published: r.get(6)?,
                        published_precision: r.get(7)?,
                        authors: Vec::new(),
                        outlet: r.get(9)?,
                        dateline_place: r.get(10)?,
                        language: r.get(11)?,
                        url: r.get(12)?,
                        external_id: r.get(13)?,
                        source_path: r.get(14)?,
                        format: r.get(15)?,
                        position: r.get(16)?,
                        ingested_at: r.get(17)?,
                        sentence_count: r.get(18)?,
                        text: r.get(19)?,
                        layout: None,
                    },
                    r.get::<_, String>(8)?,
                    r.get::<_, Option<Vec<u8>>>(20)?,
                    r.get::<_, Option<Vec<u8>>>(21)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (mut d, authors, tokens, paragraphs) = row.map_err(|e| self.err(e))?;
            d.authors = serde_json::from_str(&authors)
                .map_err(|e| self.corrupt_row(format!("document {}: authors: {e}", d.id)))?;
            if let (Some(t), Some(p)) = (tokens, paragraphs) {
                let tokens = pack::unpack_tokens(&t)
                    .ok_or_else(|| self.corrupt_row(format!("document {}: tokens", d.id)))?;
                let paragraphs = pack::unpack_spans(&p)
                    .ok_or_else(|| self.corrupt_row(format!("document {}: paragraphs", d.id)))?;
                let sentences = self.sentences_of(d.id)?;
                d.layout = Some(Layout {
                    paragraphs,
                    sentences,
                    tokens,
                });
            }
            out.push(d);
        }
        Ok(out)
    }

    fn sentences_of(&self, doc_id: i64) -> Result<Vec<Sentence>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, first_token, end_token FROM sentences WHERE doc_id = ?1 \
                 ORDER BY idx",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([doc_id], |r| {
                Ok(Sentence {
                    span: Span {
                        start: r.get(0)?,
                        end: r.get(1)?,
                    },
                    first_token: r.get(2)?,
                    end_token: r.get(3)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))
    }

    /// True when a document with this id is stored.
    pub fn has_document(&self, id: i64) -> Result<bool> {
        self.conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|o| o.is_some())
            .map_err(|e| self.err(e))
    }

    /// Lets foreign keys be checked at commit rather than per statement, for
    /// the rest of the current transaction (rows imported out of order).
    pub fn defer_foreign_keys(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "defer_foreign_keys", "ON")
            .map_err(|e| self.err(e))
    }

    /// Stores an exported document under its id. Its raw content becomes
    /// its clean text (the export does not carry the raw input), aligned one
    /// to one. Returns false (and changes nothing) when the id or the
    /// content is already stored.
    pub fn import_document(&self, d: &DocumentRow) -> Result<bool> {
        let taken: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM documents WHERE id = ?1 OR content_hash = ?2",
                params![d.id, d.content_hash],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        if taken.is_some() {
            return Ok(false);
        }
        let text = d
            .text
            .as_deref()
            .ok_or_else(|| self.corrupt_row(format!("document {}: no text to import", d.id)))?;
        let layout = d.layout.clone().unwrap_or_default();
        let mut alignment = Alignment::default();
        alignment.push(0, 0, text.len(), text.len());
        let authors = serde_json::to_string(&d.authors).unwrap_or_else(|_| "[]".into());
        self.conn
            .execute(
                "INSERT INTO documents (id, content_hash, doc_key, version, superseded_by, title, \
                 published, published_precision, authors, outlet, dateline_place, language, url, \
                 external_id, source_path, format, position, text, raw, alignment, tokens, \
                 paragraphs, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, \
                 ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18, ?19, ?20, ?21, ?22)",
                params![
                    d.id,
                    d.content_hash,
                    d.doc_key,
                    d.version,
                    d.superseded_by,
                    d.title,
                    d.published,
                    d.published_precision,
                    authors,
                    d.outlet,
                    d.dateline_place,
                    d.language,
                    d.url,
                    d.external_id,
                    d.source_path,
                    d.format,
                    d.position,
                    text,
                    pack::alignment(&alignment),
                    pack::tokens(&layout.tokens),
                    pack::spans(&layout.paragraphs),
                    d.ingested_at,
                ],
            )
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "INSERT INTO sentences (doc_id, idx, start, end, first_token, end_token) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .map_err(|e| self.err(e))?;
        for (i, s) in layout.sentences.iter().enumerate() {
            stmt.execute(params![
                d.id,
                i as i64,
                s.span.start,
                s.span.end,
                s.first_token,
                s.end_token
            ])
            .map_err(|e| self.err(e))?;
        }
        Ok(true)
    }

    /// Stores an exported document actor at its place. Returns false when
    /// the place is taken.
    pub fn import_actor(&self, a: &DocActor) -> Result<bool> {
        let forms = serde_json::to_string(&a.actor.surface_forms).unwrap_or_else(|_| "[]".into());
        let n = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO doc_actors (doc_id, idx, actor_id, canonical, kind, \
                 country, sector, role, code, source, surface_forms, mentions) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    a.doc_id,
                    a.idx,
                    a.actor.actor_id,
                    a.actor.canonical,
                    a.actor.kind,
                    a.actor.country,
                    a.actor.sector,
                    a.actor.role,
                    a.actor.code,
                    a.actor.source,
                    forms,
                    pack::spans(&a.actor.mentions),
                ],
            )
            .map_err(|e| self.err(e))?;
        self.mark_imported(a.doc_id)?;
        Ok(n > 0)
    }

    /// Stores an exported event mention under its id. Returns false when
    /// the id is taken.
    pub fn import_mention(&self, m: &StoredEvent) -> Result<bool> {
        let n = crate::coded::insert_event(
            &self.conn,
            "INSERT OR IGNORE",
            Some(m.id),
            m.doc_id,
            &m.row,
        )
        .map_err(|e| self.err(e))?;
        self.mark_imported(m.doc_id)?;
        Ok(n > 0)
    }

    /// Records that a document's coding came from an import (so a later
    /// ingest with a newer coder codes it again).
    fn mark_imported(&self, doc_id: i64) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR IGNORE INTO doc_coding (doc_id, coder) VALUES (?1, 'import')",
                [doc_id],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn corrupt_row(&self, what: String) -> Error {
        Error {
            kind: ErrorKind::Corrupt(what),
            db: self.name.clone(),
        }
    }
}
