//! The coder's output per document: resolved actors and event mentions.
//!
//! A document is coded as a whole: [`Store::replace_coding`] drops what an
//! earlier run stored for it and writes the new rows in one go, so coding
//! again (for example with a newer coder) never duplicates anything. The
//! `coder` string names the coder that wrote the rows, so a caller can tell
//! which documents need coding again ([`Store::coded_by`]).

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use dyads_text::Span;

use crate::error::{Error, ErrorKind, Result};
use crate::pack;
use crate::store::Store;

/// One resolved actor of one document, as stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActorRow {
    /// Actor id (`PRK`, `lavrov-sergey`, `ctx:...`).
    pub actor_id: String,
    /// Display name.
    pub canonical: String,
    /// `person`, `organization`, `state` or `place`.
    pub kind: String,
    /// ISO alpha-3 country code.
    pub country: Option<String>,
    /// CAMEO-style sector.
    pub sector: Option<String>,
    /// Role on the document's date.
    pub role: Option<String>,
    /// CAMEO-style actor code.
    pub code: Option<String>,
    /// `built-in`, `imported` or `inferred`.
    pub source: String,
    /// Every distinct string that resolved to the actor.
    pub surface_forms: Vec<String>,
    /// Byte spans of its mentions in the clean text.
    pub mentions: Vec<Span>,
}

/// One event mention, as stored: the columns queries filter on, and the
/// coder's whole JSON object.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventRow {
    /// Sentence index in the document.
    pub sentence: i64,
    /// Evidence span in the clean text.
    pub evidence: Span,
    /// CAMEO event code.
    pub cameo: String,
    /// PLOVER event type.
    pub plover: Option<String>,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER context.
    pub context: Option<String>,
    /// Goldstein value of the CAMEO code.
    pub goldstein: Option<f64>,
    /// Quad class (1 verbal cooperation .. 4 material conflict).
    pub quad: Option<i64>,
    /// `asserted`, `future`, `hypothetical`, `negated`, `claimed` or `historical`.
    pub modality: String,
    /// True when source and target act on each other.
    pub reciprocal: bool,
    /// Event date (ISO, to its precision).
    pub date: Option<String>,
    /// Last day, for intervals.
    pub date_end: Option<String>,
    /// Precision of the date.
    pub date_precision: Option<String>,
    /// Source actor code (the first, for compound actors).
    pub source_code: Option<String>,
    /// Source country.
    pub source_country: Option<String>,
    /// Target actor code.
    pub target_code: Option<String>,
    /// Target country.
    pub target_country: Option<String>,
    /// The lexicon entry or pattern that fired.
    pub rule: String,
    /// The coder's whole event object (JSON).
    pub json: String,
}

/// A stored event with its ids.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredEvent {
    /// Event mention id.
    pub id: i64,
    /// Document id.
    pub doc_id: i64,
    /// The stored row.
    #[serde(flatten)]
    pub row: EventRow,
}

/// Which events to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only this document.
    pub doc_id: Option<i64>,
    /// Only this modality (`asserted` for facts).
    pub modality: Option<String>,
    /// Only events whose source or target country is this one.
    pub country: Option<String>,
    /// Only events dated on or after this ISO date.
    pub since: Option<String>,
    /// Only events dated on or before this ISO date (prefix compare).
    pub until: Option<String>,
    /// Include events of superseded document versions.
    pub all_versions: bool,
}

impl Store {
    /// Replaces the coding of document `doc_id`: its actors and events.
    pub fn replace_coding(
        &mut self,
        doc_id: i64,
        coder: &str,
        actors: &[ActorRow],
        events: &[EventRow],
    ) -> Result<()> {
        self.in_transaction(|s| {
            let c = &s.conn;
            for table in ["doc_actors", "events", "doc_coding"] {
                c.execute(&format!("DELETE FROM {table} WHERE doc_id = ?1"), [doc_id])
                    .map_err(|e| s.err(e))?;
            }
            c.execute(
                "INSERT INTO doc_coding (doc_id, coder) VALUES (?1, ?2)",
                params![doc_id, coder],
            )
            .map_err(|e| s.err(e))?;
            let mut ins = c
                .prepare_cached(
                    "INSERT INTO doc_actors (doc_id, idx, actor_id, canonical, kind, country, \
                     sector, role, code, source, surface_forms, mentions) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )
                .map_err(|e| s.err(e))?;
            for (i, a) in actors.iter().enumerate() {
                let forms = serde_json::to_string(&a.surface_forms).unwrap_or_else(|_| "[]".into());
                ins.execute(params![
                    doc_id,
                    i as i64,
                    a.actor_id,
                    a.canonical,
                    a.kind,
                    a.country,
                    a.sector,
                    a.role,
                    a.code,
                    a.source,
                    forms,
                    pack::spans(&a.mentions),
                ])
                .map_err(|e| s.err(e))?;
            }
            for e in events {
                insert_event(c, "INSERT", None, doc_id, e).map_err(|e| s.err(e))?;
            }
            Ok(())
        })
    }

    /// The coder that last coded document `doc_id`, if any.
    pub fn coded_by(&self, doc_id: i64) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT coder FROM doc_coding WHERE doc_id = ?1",
                [doc_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The resolved actors of document `doc_id`, in stored order.
    pub fn doc_actors(&self, doc_id: i64) -> Result<Vec<ActorRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT actor_id, canonical, kind, country, sector, role, code, source, \
                 surface_forms, mentions FROM doc_actors WHERE doc_id = ?1 ORDER BY idx",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([doc_id], |r| {
                Ok((
                    ActorRow {
                        actor_id: r.get(0)?,
                        canonical: r.get(1)?,
                        kind: r.get(2)?,
                        country: r.get(3)?,
                        sector: r.get(4)?,
                        role: r.get(5)?,
                        code: r.get(6)?,
                        source: r.get(7)?,
                        surface_forms: Vec::new(),
                        mentions: Vec::new(),
                    },
                    r.get::<_, String>(8)?,
                    r.get::<_, Vec<u8>>(9)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (mut a, forms, blob) = row.map_err(|e| self.err(e))?;
            a.surface_forms = serde_json::from_str(&forms)
                .map_err(|e| self.corrupt(format!("document {doc_id}: surface forms: {e}")))?;
            a.mentions = pack::unpack_spans(&blob)
                .ok_or_else(|| self.corrupt(format!("document {doc_id}: actor mentions")))?;
            out.push(a);
        }
        Ok(out)
    }

    /// Lists stored events in document, sentence and id order.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>> {
        let mut sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc_id \
             WHERE (?1 IS NULL OR e.doc_id = ?1) AND (?2 IS NULL OR e.modality = ?2) \
             AND (?3 IS NULL OR e.source_country = ?3 OR e.target_country = ?3) \
             AND (?4 IS NULL OR e.date >= ?4) AND (?5 IS NULL OR substr(e.date, 1, length(?5)) <= ?5)"
        );
        if !filter.all_versions {
            sql.push_str(" AND d.superseded_by IS NULL");
        }
        sql.push_str(" ORDER BY e.doc_id, e.sentence, e.id");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![
                    filter.doc_id,
                    filter.modality,
                    filter.country,
                    filter.since,
                    filter.until
                ],
                event_from_row,
            )
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))
    }

    /// One stored event mention by id.
    pub fn event(&self, id: i64) -> Result<StoredEvent> {
        self.conn
            .query_row(
                &format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1"),
                [id],
                event_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or_else(|| Error {
                kind: ErrorKind::NoEvent(id),
                db: self.name.clone(),
            })
    }

    fn corrupt(&self, what: String) -> Error {
        Error {
            kind: ErrorKind::Corrupt(what),
            db: self.name.clone(),
        }
    }
}

/// Inserts one event mention of document `doc_id` (`verb`: `INSERT` or
/// `INSERT OR IGNORE`), under `id` or, with `None`, a new id; returns the
/// rows inserted.
pub(crate) fn insert_event(
    conn: &rusqlite::Connection,
    verb: &str,
    id: Option<i64>,
    doc_id: i64,
    e: &EventRow,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(&format!(
        "{verb} INTO events (id, doc_id, sentence, ev_start, ev_end, cameo, plover, mode, \
         context, goldstein, quad, modality, reciprocal, date, date_end, date_precision, \
         source_code, source_country, target_code, target_country, rule, json) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22)"
    ))?
    .execute(params![
        id,
        doc_id,
        e.sentence,
        e.evidence.start,
        e.evidence.end,
        e.cameo,
        e.plover,
        e.mode,
        e.context,
        e.goldstein,
        e.quad,
        e.modality,
        e.reciprocal,
        e.date,
        e.date_end,
        e.date_precision,
        e.source_code,
        e.source_country,
        e.target_code,
        e.target_country,
        e.rule,
        e.json,
    ])
}

/// The columns `events` selects, in order.
pub(crate) const EVENT_COLUMNS: &str =
    "e.id, e.doc_id, e.sentence, e.ev_start, e.ev_end, e.cameo, e.plover, \
    e.mode, e.context, e.goldstein, e.quad, e.modality, e.reciprocal, e.date, e.date_end, \
    e.date_precision, e.source_code, e.source_country, e.target_code, e.target_country, e.rule, \
    e.json";

pub(crate) fn event_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredEvent> {
    Ok(StoredEvent {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        row: EventRow {
            sentence: r.get(2)?,
            evidence: Span {
                start: r.get(3)?,
                end: r.get(4)?,
            },
            cameo: r.get(5)?,
            plover: r.get(6)?,
            mode: r.get(7)?,
            context: r.get(8)?,
            goldstein: r.get(9)?,
            quad: r.get(10)?,
            modality: r.get(11)?,
            reciprocal: r.get(12)?,
            date: r.get(13)?,
            date_end: r.get(14)?,
            date_precision: r.get(15)?,
            source_code: r.get(16)?,
            source_country: r.get(17)?,
            target_code: r.get(18)?,
            target_country: r.get(19)?,
            rule: r.get(20)?,
            json: r.get(21)?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Origin;
    use dyads_text::{clean, Article};

    fn stored(store: &mut Store, text: &str, position: usize) -> Result<i64> {
        let doc = clean(&Article::text(text)).map_err(|e| Error {
            kind: ErrorKind::Corrupt(e.to_string()),
            db: String::new(),
        })?;
        let origin = Origin {
            position,
            ..Origin::default()
        };
        match store.insert(&doc, &origin, text)? {
            crate::Inserted::New(id) | crate::Inserted::Unchanged(id) => Ok(id),
            crate::Inserted::NewVersion { id, .. } => Ok(id),
        }
    }

    fn event(cameo: &str, modality: &str, date: Option<&str>, src: &str, tgt: &str) -> EventRow {
        EventRow {
            sentence: 0,
            evidence: Span { start: 0, end: 5 },
            cameo: cameo.into(),
            modality: modality.into(),
            date: date.map(str::to_string),
            source_country: Some(src.into()),
            target_country: Some(tgt.into()),
            rule: "test".into(),
            json: "{}".into(),
            ..EventRow::default()
        }
    }

    #[test]
    fn coding_is_replaced_not_duplicated_and_filters_apply() -> Result<()> {
        let mut store = Store::open_in_memory()?;
        let a = stored(
            &mut store,
            "Envoys met in Geneva on Monday. They agreed to meet again.",
            1,
        )?;
        let b = stored(
            &mut store,
            "Seoul summoned the Russian ambassador on Friday.",
            2,
        )?;
        let actor = ActorRow {
            actor_id: "RUS".into(),
            canonical: "Russia".into(),
            kind: "state".into(),
            country: Some("RUS".into()),
            source: "built-in".into(),
            surface_forms: vec!["Russian".into()],
            mentions: vec![Span { start: 20, end: 27 }],
            ..ActorRow::default()
        };
        let evs = [
            event("036", "asserted", Some("2024-01-15"), "PRK", "RUS"),
            event("036", "future", Some("2024-02-01"), "RUS", "PRK"),
        ];
        store.replace_coding(a, "v1", &[], &evs)?;
        store.replace_coding(a, "v2", &[], &evs)?;
        let summon = [event("1122", "asserted", Some("2024-06-21"), "KOR", "RUS")];
        store.replace_coding(b, "v2", std::slice::from_ref(&actor), &summon)?;
        assert_eq!(store.events(&EventFilter::default())?.len(), 3);
        assert_eq!(store.coded_by(a)?.as_deref(), Some("v2"));
        assert_eq!(store.coded_by(999)?, None);
        assert_eq!(store.doc_actors(b)?, vec![actor]);
        let facts = EventFilter {
            modality: Some("asserted".into()),
            ..EventFilter::default()
        };
        assert_eq!(store.events(&facts)?.len(), 2);
        let korea = EventFilter {
            country: Some("KOR".into()),
            ..EventFilter::default()
        };
        let got = store.events(&korea)?;
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].doc_id, b);
        let january = EventFilter {
            since: Some("2024-01-01".into()),
            until: Some("2024-01".into()),
            ..EventFilter::default()
        };
        assert_eq!(store.events(&january)?.len(), 1);
        let one = store.event(got[0].id)?;
        assert_eq!(one, got[0]);
        assert!(store.event(-1).is_err_and(|e| e.is_user_error()));
        Ok(())
    }
}
