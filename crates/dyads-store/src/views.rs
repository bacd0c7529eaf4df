//! Read queries for browsing the store (the HTTP API and its UI): filtered
//! and paginated lists of documents, mentions, records and actors, a
//! document with everything coded in it, a record with each source's
//! sentence and the spans to highlight in it, an actor with its roles over
//! time, timeline and counterparts, the most active dyads and the network.
//!
//! Every query is a fixed SQL text with bound parameters (an absent filter
//! is a NULL that switches its clause off). Lists come with the number of
//! rows that pass the filters, for pagination. Spans are byte offsets into
//! the document's clean text unless said otherwise.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::Value;

use dyads_text::Span;

use crate::coded::{event_from_row, ActorRow, StoredEvent, EVENT_COLUMNS};
use crate::error::Result;
use crate::records::{record_from_row, Contradiction, Edge, Record, RECORD_COLUMNS};
use crate::store::{DocSummary, Store};

/// Counts of what the store holds (current document versions).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StoreStats {
    /// Documents.
    pub documents: i64,
    /// Sentences.
    pub sentences: i64,
    /// Event mentions.
    pub events: i64,
    /// Event records.
    pub records: i64,
    /// Distinct actors.
    pub actors: i64,
    /// Contradictions.
    pub contradictions: i64,
    /// Earliest record date.
    pub first_date: Option<String>,
    /// Latest record date.
    pub last_date: Option<String>,
}

/// Which documents to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocFilter {
    /// Only this outlet.
    pub outlet: Option<String>,
    /// Only documents published on or after this ISO date.
    pub since: Option<String>,
    /// Only documents published on or before this ISO date (prefix compare).
    pub until: Option<String>,
    /// Only documents containing these words (full-text, see [`crate::fts_query`]).
    pub q: Option<String>,
    /// Include superseded versions.
    pub all_versions: bool,
}

/// One sentence of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SentenceSpan {
    /// Index in the document.
    pub idx: i64,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// One resolved actor of a document with the spans of its mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ViewActor {
    /// Position among the document's actors.
    pub idx: i64,
    /// The actor (its `mentions` are byte spans in the clean text).
    #[serde(flatten)]
    pub actor: ActorRow,
}

/// One member of an event's source or target.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActorSide {
    /// Document actor id.
    pub actor_id: String,
    /// Display name.
    pub canonical: String,
    /// The words of the mention.
    pub text: Option<String>,
    /// CAMEO-style actor code.
    pub code: Option<String>,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
    /// Role on the article's date.
    pub role: Option<String>,
}

/// One event mention as the API shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventView {
    /// Event mention id.
    pub id: i64,
    /// Document id.
    pub doc_id: i64,
    /// Sentence index in the document.
    pub sentence: i64,
    /// Evidence words: byte span in the document's clean text.
    pub evidence: Span,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER type.
    pub plover: Option<String>,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER context.
    pub context: Option<String>,
    /// Quad class.
    pub quad: Option<i64>,
    /// Goldstein value.
    pub goldstein: Option<f64>,
    /// Modality.
    pub modality: String,
    /// True when source and target act on each other.
    pub reciprocal: bool,
    /// Event date.
    pub date: Option<String>,
    /// Last day.
    pub date_end: Option<String>,
    /// Precision of the date.
    pub date_precision: Option<String>,
    /// Source members.
    pub source: Vec<ActorSide>,
    /// Target members.
    pub target: Vec<ActorSide>,
    /// Where it happened, as the coder gave it.
    pub location: Value,
    /// The lexicon entry or pattern that fired.
    pub rule: String,
    /// The record it belongs to.
    pub record_id: Option<i64>,
    /// The document's title (lists only).
    pub doc_title: Option<String>,
    /// The document's outlet (lists only).
    pub doc_outlet: Option<String>,
    /// The document's publication date (lists only).
    pub doc_published: Option<String>,
    /// The sentence's text (lists only).
    pub sentence_text: Option<String>,
    /// The evidence words (lists only).
    pub evidence_text: Option<String>,
}

/// A document with its text, sentences, actors and events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentView {
    /// Document id.
    pub id: i64,
    /// Version under its key.
    pub version: i64,
    /// Newer version, when superseded.
    pub superseded_by: Option<i64>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Its precision.
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
    /// Container format it was read from.
    pub format: String,
    /// The clean text (all spans are byte offsets into it).
    pub text: String,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences.
    pub sentences: Vec<SentenceSpan>,
    /// Resolved actors with their mention spans.
    pub actors: Vec<ViewActor>,
    /// Event mentions with their evidence spans.
    pub events: Vec<EventView>,
}

/// Which event mentions to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MentionFilter {
    /// Only this document.
    pub doc_id: Option<i64>,
    /// Only mentions with this actor id as a source or target member.
    pub actor: Option<String>,
    /// Only mentions whose source or target country is this.
    pub country: Option<String>,
    /// Only mentions with a source or target member of this sector.
    pub sector: Option<String>,
    /// Only this PLOVER type.
    pub plover: Option<String>,
    /// Only CAMEO codes starting with this.
    pub cameo: Option<String>,
    /// Only this modality.
    pub modality: Option<String>,
    /// Only mentions dated on or after this ISO date.
    pub since: Option<String>,
    /// Only mentions dated on or before this ISO date (prefix compare).
    pub until: Option<String>,
    /// Only documents of this outlet.
    pub outlet: Option<String>,
    /// Include mentions of superseded document versions.
    pub all_versions: bool,
}

/// Which records to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordQuery {
    /// Only records with this side: a country, a display name, or an actor id.
    pub actor: Option<String>,
    /// Only records whose source or target country is this.
    pub country: Option<String>,
    /// Only this PLOVER type.
    pub plover: Option<String>,
    /// Only CAMEO codes starting with this.
    pub cameo: Option<String>,
    /// Only this modality.
    pub modality: Option<String>,
    /// Only records dated on or after this ISO date.
    pub since: Option<String>,
    /// Only records dated on or before this ISO date (prefix compare).
    pub until: Option<String>,
    /// Only asserted (and historical) records.
    pub facts_only: bool,
    /// Only records reported by this outlet.
    pub outlet: Option<String>,
}

/// One mention of a record, with its sentence and what to highlight in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordViewMention {
    /// Event mention id.
    pub event_id: i64,
    /// Document id.
    pub doc_id: i64,
    /// Outlet.
    pub outlet: Option<String>,
    /// Document title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The mention's date as coded.
    pub date: Option<String>,
    /// Its last day.
    pub date_end: Option<String>,
    /// CAMEO code of this mention.
    pub cameo: String,
    /// PLOVER type of this mention.
    pub plover: Option<String>,
    /// Modality of this mention.
    pub modality: String,
    /// Sentence index in the document.
    pub sentence_idx: i64,
    /// The sentence's text.
    pub sentence: String,
    /// Byte offset of the sentence in the document's clean text.
    pub sentence_start: u32,
    /// Evidence words: byte span relative to the sentence.
    pub evidence: Span,
    /// Source members.
    pub source: Vec<ActorSide>,
    /// Target members.
    pub target: Vec<ActorSide>,
    /// Mentions of the source members in the sentence (relative to it).
    pub source_spans: Vec<Span>,
    /// Mentions of the target members in the sentence (relative to it).
    pub target_spans: Vec<Span>,
    /// The member it matched when it joined (none for the first).
    pub linked_to: Option<i64>,
    /// Why it matched.
    pub reason: Option<String>,
}

/// A record with each source's sentence and its contradictions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordView {
    /// The record.
    #[serde(flatten)]
    pub record: Record,
    /// Its mentions.
    pub mention_list: Vec<RecordViewMention>,
    /// Its contradictions.
    pub contradictions: Vec<Contradiction>,
}

/// Which actors to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorFilter {
    /// Only actors whose id or name contains this (case-insensitive).
    pub q: Option<String>,
    /// Only this kind (`person`, `organization`, `state`, `place`).
    pub kind: Option<String>,
    /// Only this country.
    pub country: Option<String>,
}

/// One actor across the store.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorSummary {
    /// Actor id.
    pub actor_id: String,
    /// Display name.
    pub canonical: String,
    /// Kind.
    pub kind: String,
    /// Country.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
    /// CAMEO-style code.
    pub code: Option<String>,
    /// Documents that mention it.
    pub documents: i64,
    /// Latest publication date among them.
    pub last_seen: Option<String>,
}

/// A role an actor held, by the dates of the documents that give it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleSpan {
    /// The role.
    pub role: String,
    /// Earliest document date giving it.
    pub first: Option<String>,
    /// Latest document date giving it.
    pub last: Option<String>,
    /// Documents giving it.
    pub documents: i64,
}

/// Someone an actor acted with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counterpart {
    /// Actor id.
    pub actor_id: String,
    /// Display name.
    pub canonical: String,
    /// Country.
    pub country: Option<String>,
    /// Mentions where the actor was the source and this one the target.
    pub as_target: i64,
    /// Mentions where this one was the source and the actor the target.
    pub as_source: i64,
    /// Cooperative mentions (quad 1 and 2).
    pub cooperation: i64,
    /// Conflictual mentions (quad 3 and 4).
    pub conflict: i64,
}

/// An actor with its names, roles over time, timeline and counterparts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorDetail {
    /// The actor.
    #[serde(flatten)]
    pub summary: ActorSummary,
    /// Every string that resolved to it.
    pub surface_forms: Vec<String>,
    /// Roles over time (people).
    pub roles: Vec<RoleSpan>,
    /// Event mentions with it as a source or target member.
    pub events: i64,
    /// Records it takes part in, oldest first (at most 1000).
    pub timeline: Vec<Record>,
    /// Who it acted with, most frequent first.
    pub counterparts: Vec<Counterpart>,
}

/// A pair of participants and how much happened between them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DyadSummary {
    /// One side (country, or name when it has none); `a < b`.
    pub a: String,
    /// The other side.
    pub b: String,
    /// Records between them, either direction.
    pub records: i64,
    /// Cooperative records.
    pub cooperation: i64,
    /// Conflictual records.
    pub conflict: i64,
    /// Sum of Goldstein values.
    pub goldstein_sum: f64,
    /// First record date.
    pub first: Option<String>,
    /// Last record date.
    pub last: Option<String>,
}

/// Which part of the network to draw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkFilter {
    /// Only asserted (and historical) records.
    pub facts_only: bool,
    /// Only records dated on or after this ISO date.
    pub since: Option<String>,
    /// Only records dated on or before this ISO date (prefix compare).
    pub until: Option<String>,
    /// Only edges touching this participant.
    pub actor: Option<String>,
    /// Only edges with at least this many records.
    pub min_records: i64,
}

/// One participant of the network.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetworkNode {
    /// Country (or name).
    pub id: String,
    /// Records it takes part in (as drawn).
    pub records: i64,
    /// Cooperative ones.
    pub cooperation: i64,
    /// Conflictual ones.
    pub conflict: i64,
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
fn like_contains(q: &str) -> String {
    let mut s = String::with_capacity(q.len() + 2);
    s.push('%');
    for c in q.chars() {
        if matches!(c, '%' | '_' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('%');
    s
}

/// SQL: the event `e` has actor id `?N` as a source or target member.
fn actor_in_event(n: usize) -> String {
    format!(
        "(instr(e.json, ?{n}) > 0 AND EXISTS (SELECT 1 FROM json_tree(e.json) j \
         WHERE j.key = 'actor_id' AND j.atom = ?{n} AND (j.path IN ('$.source', '$.target') \
         OR j.path LIKE '$.source[%' OR j.path LIKE '$.target[%')))"
    )
}

fn members(v: &Value) -> Vec<ActorSide> {
    let one = |a: &Value| ActorSide {
        actor_id: a["actor_id"].as_str().unwrap_or_default().to_string(),
        canonical: a["canonical"].as_str().unwrap_or_default().to_string(),
        text: a["text"].as_str().map(str::to_string),
        code: a["code"].as_str().map(str::to_string),
        country: a["country"].as_str().map(str::to_string),
        sector: a["sector"].as_str().map(str::to_string),
        role: a["role"].as_str().map(str::to_string),
    };
    match v {
        Value::Array(items) => items.iter().map(one).collect(),
        Value::Object(_) => vec![one(v)],
        _ => Vec::new(),
    }
}

fn event_view(e: StoredEvent, record_id: Option<i64>) -> EventView {
    let v: Value = serde_json::from_str(&e.row.json).unwrap_or(Value::Null);
    let r = e.row;
    EventView {
        id: e.id,
        doc_id: e.doc_id,
        sentence: r.sentence,
        evidence: r.evidence,
        cameo: r.cameo,
        plover: r.plover,
        mode: r.mode,
        context: r.context,
        quad: r.quad,
        goldstein: r.goldstein,
        modality: r.modality,
        reciprocal: r.reciprocal,
        date: r.date,
        date_end: r.date_end,
        date_precision: r.date_precision,
        source: members(&v["source"]),
        target: members(&v["target"]),
        location: v["location"].clone(),
        rule: r.rule,
        record_id,
        doc_title: None,
        doc_outlet: None,
        doc_published: None,
        sentence_text: None,
        evidence_text: None,
    }
}

/// Mention spans of `ids` inside `sentence`, relative to its start.
fn spans_in(actors: &[ActorRow], ids: &[ActorSide], sentence: (u32, u32)) -> Vec<Span> {
    let mut out: Vec<Span> = actors
        .iter()
        .filter(|a| ids.iter().any(|m| m.actor_id == a.actor_id))
        .flat_map(|a| a.mentions.iter())
        .filter(|s| s.start >= sentence.0 && s.end <= sentence.1)
        .map(|s| Span {
            start: s.start - sentence.0,
            end: s.end - sentence.0,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

impl Store {
    /// What the store holds.
    pub fn stats(&self) -> Result<StoreStats> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM documents WHERE superseded_by IS NULL), \
                 (SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE d.superseded_by IS NULL), \
                 (SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.superseded_by IS NULL), \
                 (SELECT count(*) FROM records), \
                 (SELECT count(DISTINCT actor_id) FROM doc_actors), \
                 (SELECT count(*) FROM contradictions), \
                 (SELECT min(date) FROM records), (SELECT max(date) FROM records)",
                [],
                |r| {
                    Ok(StoreStats {
                        documents: r.get(0)?,
                        sentences: r.get(1)?,
                        events: r.get(2)?,
                        records: r.get(3)?,
                        actors: r.get(4)?,
                        contradictions: r.get(5)?,
                        first_date: r.get(6)?,
                        last_date: r.get(7)?,
                    })
                },
            )
            .map_err(|e| self.err(e))
    }

    /// Documents passing `f`, newest first: a page and the total.
    pub fn document_list(
        &self,
        f: &DocFilter,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<DocSummary>, i64)> {
        let q = match f.q.as_deref() {
            Some(q) => match crate::search::fts_query(q) {
                Some(q) => Some(q),
                None => return Ok((Vec::new(), 0)),
            },
            None => None,
        };
        const WHERE: &str = "WHERE (?1 IS NULL OR d.outlet = ?1) AND (?2 IS NULL OR d.published >= ?2) \
            AND (?3 IS NULL OR substr(d.published, 1, length(?3)) <= ?3) \
            AND (?4 = 1 OR d.superseded_by IS NULL) \
            AND (?5 IS NULL OR d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?5))";
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM documents d {WHERE}"))
            .and_then(|mut s| {
                s.query_row(
                    params![f.outlet, f.since, f.until, f.all_versions, q],
                    |r| r.get(0),
                )
            })
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT d.id, d.title, d.published, d.published_precision, d.authors, d.outlet, \
                 (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id), d.version, d.superseded_by \
                 FROM documents d {WHERE} ORDER BY d.published IS NULL, d.published DESC, d.id DESC \
                 LIMIT ?6 OFFSET ?7"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![
                    f.outlet,
                    f.since,
                    f.until,
                    f.all_versions,
                    q,
                    limit as i64,
                    offset as i64
                ],
                |r| {
                    let authors: String = r.get(4)?;
                    Ok(DocSummary {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        published: r.get(2)?,
                        published_precision: r.get(3)?,
                        authors: serde_json::from_str(&authors).unwrap_or_default(),
                        outlet: r.get(5)?,
                        sentence_count: r.get(6)?,
                        version: r.get(7)?,
                        superseded_by: r.get(8)?,
                    })
                },
            )
            .map_err(|e| self.err(e))?;
        let items = rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok((items, total))
    }

    /// One document with its text, sentences, actors (with mention spans)
    /// and event mentions (with evidence spans). Unknown ids are
    /// [`crate::ErrorKind::NotFound`].
    pub fn document_view(&self, id: i64) -> Result<DocumentView> {
        let stored = self.get(id)?;
        let sentences = stored
            .doc
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| SentenceSpan {
                idx: i as i64,
                start: s.span.start,
                end: s.span.end,
            })
            .collect();
        let actors = self
            .doc_actors(id)?
            .into_iter()
            .enumerate()
            .map(|(i, actor)| ViewActor {
                idx: i as i64,
                actor,
            })
            .collect();
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS}, (SELECT record_id FROM record_mentions m WHERE m.event_id = e.id) \
                 FROM events e WHERE e.doc_id = ?1 ORDER BY e.sentence, e.ev_start, e.id"
            ))
            .map_err(|e| self.err(e))?;
        let events = stmt
            .query_map([id], |r| Ok(event_view(event_from_row(r)?, r.get(22)?)))
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        let m = stored.doc.meta;
        Ok(DocumentView {
            id: stored.id,
            version: stored.version,
            superseded_by: stored.superseded_by,
            title: m.title,
            published: m.published.as_ref().map(|p| p.value.clone()),
            published_precision: m
                .published
                .as_ref()
                .map(|p| p.precision.as_str().to_string()),
            authors: m.authors,
            outlet: m.outlet,
            dateline_place: m.dateline_place,
            language: m.language,
            url: m.url,
            format: stored.origin.format,
            text: stored.doc.text,
            paragraphs: stored.doc.paragraphs,
            sentences,
            actors,
            events,
        })
    }

    /// Event mentions passing `f`, newest first: a page and the total.
    pub fn mention_list(
        &self,
        f: &MentionFilter,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<EventView>, i64)> {
        let where_ = format!(
            "WHERE (?1 IS NULL OR e.doc_id = ?1) AND (?2 IS NULL OR {actor}) \
             AND (?3 IS NULL OR e.source_country = ?3 OR e.target_country = ?3) \
             AND (?4 IS NULL OR EXISTS (SELECT 1 FROM json_tree(e.json) j WHERE j.key = 'sector' \
                 AND j.atom = ?4 AND (j.path IN ('$.source', '$.target') OR j.path LIKE '$.source[%' \
                 OR j.path LIKE '$.target[%'))) \
             AND (?5 IS NULL OR e.plover = ?5) AND (?6 IS NULL OR substr(e.cameo, 1, length(?6)) = ?6) \
             AND (?7 IS NULL OR e.modality = ?7) AND (?8 IS NULL OR e.date >= ?8) \
             AND (?9 IS NULL OR substr(e.date, 1, length(?9)) <= ?9) AND (?10 IS NULL OR d.outlet = ?10) \
             AND (?11 = 1 OR d.superseded_by IS NULL)",
            actor = actor_in_event(2)
        );
        let p = params![
            f.doc_id,
            f.actor,
            f.country,
            f.sector,
            f.plover,
            f.cameo,
            f.modality,
            f.since,
            f.until,
            f.outlet,
            f.all_versions
        ];
        let total: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id {where_}"
            ))
            .and_then(|mut s| s.query_row(p, |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS}, (SELECT record_id FROM record_mentions m WHERE m.event_id = e.id), \
                 d.title, d.outlet, d.published, \
                 CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT), \
                 CAST(substr(CAST(d.text AS BLOB), e.ev_start + 1, e.ev_end - e.ev_start) AS TEXT) \
                 FROM events e JOIN documents d ON d.id = e.doc_id \
                 LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence {where_} \
                 ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT ?12 OFFSET ?13"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![
                    f.doc_id,
                    f.actor,
                    f.country,
                    f.sector,
                    f.plover,
                    f.cameo,
                    f.modality,
                    f.since,
                    f.until,
                    f.outlet,
                    f.all_versions,
                    limit as i64,
                    offset as i64
                ],
                |r| {
                    let mut v = event_view(event_from_row(r)?, r.get(22)?);
                    v.doc_title = r.get(23)?;
                    v.doc_outlet = r.get(24)?;
                    v.doc_published = r.get(25)?;
                    v.sentence_text = r.get(26)?;
                    v.evidence_text = r.get(27)?;
                    Ok(v)
                },
            )
            .map_err(|e| self.err(e))?;
        let items = rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok((items, total))
    }

    /// Records passing `q`, newest first: a page and the total.
    pub fn record_list(
        &self,
        q: &RecordQuery,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<Record>, i64)> {
        let where_ = format!(
            "WHERE (?1 IS NULL OR r.source = ?1 OR r.target = ?1 OR r.source_country = ?1 \
                 OR r.target_country = ?1 OR EXISTS (SELECT 1 FROM record_mentions m \
                 JOIN events e ON e.id = m.event_id WHERE m.record_id = r.id AND {actor})) \
             AND (?2 IS NULL OR r.source_country = ?2 OR r.target_country = ?2) \
             AND (?3 IS NULL OR r.plover = ?3) AND (?4 IS NULL OR substr(r.cameo, 1, length(?4)) = ?4) \
             AND (?5 IS NULL OR r.modality = ?5) AND (?6 IS NULL OR r.date >= ?6) \
             AND (?7 IS NULL OR substr(r.date, 1, length(?7)) <= ?7) \
             AND (?8 = 0 OR r.modality IN ('asserted', 'historical')) \
             AND (?9 IS NULL OR EXISTS (SELECT 1 FROM record_mentions m JOIN events e ON e.id = m.event_id \
                 JOIN documents d ON d.id = e.doc_id WHERE m.record_id = r.id AND d.outlet = ?9))",
            actor = actor_in_event(1)
        );
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM records r {where_}"))
            .and_then(|mut s| {
                s.query_row(
                    params![
                        q.actor,
                        q.country,
                        q.plover,
                        q.cameo,
                        q.modality,
                        q.since,
                        q.until,
                        q.facts_only,
                        q.outlet
                    ],
                    |r| r.get(0),
                )
            })
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {RECORD_COLUMNS} FROM records r {where_} \
                 ORDER BY r.date IS NULL, r.date DESC, r.id LIMIT ?10 OFFSET ?11"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![
                    q.actor,
                    q.country,
                    q.plover,
                    q.cameo,
                    q.modality,
                    q.since,
                    q.until,
                    q.facts_only,
                    q.outlet,
                    limit as i64,
                    offset as i64
                ],
                record_from_row,
            )
            .map_err(|e| self.err(e))?;
        let items = rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok((items, total))
    }

    /// One record with, for each mention, its source's sentence and the
    /// spans of the evidence, source and target in it (relative to the
    /// sentence). Unknown ids are [`crate::ErrorKind::NoRecord`].
    pub fn record_view(&self, id: i64) -> Result<RecordView> {
        let detail = self.record(id)?;
        let mut actors_of: HashMap<i64, Vec<ActorRow>> = HashMap::new();
        let mut out = Vec::with_capacity(detail.mention_list.len());
        for m in detail.mention_list {
            let e = self.event(m.event_id)?;
            let (s_start, s_end): (u32, u32) = self
                .conn
                .prepare_cached("SELECT start, end FROM sentences WHERE doc_id = ?1 AND idx = ?2")
                .and_then(|mut s| {
                    s.query_row(params![e.doc_id, e.row.sentence], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .optional()
                })
                .map_err(|err| self.err(err))?
                .unwrap_or((e.row.evidence.start, e.row.evidence.end));
            let published: Option<String> = self
                .conn
                .prepare_cached("SELECT published FROM documents WHERE id = ?1")
                .and_then(|mut s| s.query_row([e.doc_id], |r| r.get(0)).optional())
                .map_err(|err| self.err(err))?
                .flatten();
            let actors: &[ActorRow] = match actors_of.entry(e.doc_id) {
                Entry::Occupied(o) => o.into_mut(),
                Entry::Vacant(v) => v.insert(self.doc_actors(e.doc_id)?),
            };
            let v: Value = serde_json::from_str(&e.row.json).unwrap_or(Value::Null);
            let source = members(&v["source"]);
            let target = members(&v["target"]);
            let rel = |x: u32| x.saturating_sub(s_start).min(s_end - s_start.min(s_end));
            out.push(RecordViewMention {
                event_id: m.event_id,
                doc_id: m.doc_id,
                outlet: m.outlet,
                title: m.title,
                published,
                date: m.date,
                date_end: m.date_end,
                cameo: e.row.cameo,
                plover: e.row.plover,
                modality: e.row.modality,
                sentence_idx: e.row.sentence,
                sentence: m.sentence,
                sentence_start: s_start,
                evidence: Span {
                    start: rel(e.row.evidence.start),
                    end: rel(e.row.evidence.end),
                },
                source_spans: spans_in(actors, &source, (s_start, s_end)),
                target_spans: spans_in(actors, &target, (s_start, s_end)),
                source,
                target,
                linked_to: m.linked_to,
                reason: m.reason,
            });
        }
        Ok(RecordView {
            record: detail.record,
            mention_list: out,
            contradictions: detail.contradictions,
        })
    }

    /// Actors passing `f`, most documents first: a page and the total.
    pub fn actor_list(
        &self,
        f: &ActorFilter,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<ActorSummary>, i64)> {
        const FROM: &str = "FROM doc_actors a JOIN documents d ON d.id = a.doc_id \
            WHERE d.superseded_by IS NULL \
            AND (?1 IS NULL OR a.actor_id LIKE ?1 ESCAPE '\\' OR a.canonical LIKE ?1 ESCAPE '\\') \
            AND (?2 IS NULL OR a.kind = ?2) AND (?3 IS NULL OR a.country = ?3)";
        let pattern = f.q.as_deref().map(like_contains);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(DISTINCT a.actor_id) {FROM}"))
            .and_then(|mut s| s.query_row(params![pattern, f.kind, f.country], |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT a.actor_id, max(a.canonical), max(a.kind), max(a.country), max(a.sector), \
                 max(a.code), count(DISTINCT a.doc_id), max(d.published) {FROM} \
                 GROUP BY a.actor_id ORDER BY count(DISTINCT a.doc_id) DESC, a.actor_id \
                 LIMIT ?4 OFFSET ?5"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![pattern, f.kind, f.country, limit as i64, offset as i64],
                |r| {
                    Ok(ActorSummary {
                        actor_id: r.get(0)?,
                        canonical: r.get(1)?,
                        kind: r.get(2)?,
                        country: r.get(3)?,
                        sector: r.get(4)?,
                        code: r.get(5)?,
                        documents: r.get(6)?,
                        last_seen: r.get(7)?,
                    })
                },
            )
            .map_err(|e| self.err(e))?;
        let items = rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok((items, total))
    }

    /// One actor: names, roles over time, timeline and counterparts; `None`
    /// when no current document mentions it.
    pub fn actor_detail(&self, actor_id: &str) -> Result<Option<ActorDetail>> {
        let summary = self
            .conn
            .prepare_cached(
                "SELECT a.actor_id, max(a.canonical), max(a.kind), max(a.country), max(a.sector), \
                 max(a.code), count(DISTINCT a.doc_id), max(d.published) \
                 FROM doc_actors a JOIN documents d ON d.id = a.doc_id \
                 WHERE d.superseded_by IS NULL AND a.actor_id = ?1 GROUP BY a.actor_id",
            )
            .and_then(|mut s| {
                s.query_row([actor_id], |r| {
                    Ok(ActorSummary {
                        actor_id: r.get(0)?,
                        canonical: r.get(1)?,
                        kind: r.get(2)?,
                        country: r.get(3)?,
                        sector: r.get(4)?,
                        code: r.get(5)?,
                        documents: r.get(6)?,
                        last_seen: r.get(7)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))?;
        let Some(summary) = summary else {
            return Ok(None);
        };
        let mut forms: Vec<String> = Vec::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT DISTINCT a.surface_forms FROM doc_actors a JOIN documents d ON d.id = a.doc_id \
                     WHERE d.superseded_by IS NULL AND a.actor_id = ?1",
                )
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([actor_id], |r| r.get::<_, String>(0))
                .map_err(|e| self.err(e))?;
            for row in rows {
                let list: Vec<String> =
                    serde_json::from_str(&row.map_err(|e| self.err(e))?).unwrap_or_default();
                forms.extend(list);
            }
        }
        forms.sort();
        forms.dedup();
        let roles = {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT a.role, min(d.published), max(d.published), count(DISTINCT a.doc_id) \
                     FROM doc_actors a JOIN documents d ON d.id = a.doc_id \
                     WHERE d.superseded_by IS NULL AND a.actor_id = ?1 AND a.role IS NOT NULL \
                     GROUP BY a.role ORDER BY min(d.published), a.role",
                )
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([actor_id], |r| {
                    Ok(RoleSpan {
                        role: r.get(0)?,
                        first: r.get(1)?,
                        last: r.get(2)?,
                        documents: r.get(3)?,
                    })
                })
                .map_err(|e| self.err(e))?;
            rows.collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| self.err(e))?
        };
        let timeline = {
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {RECORD_COLUMNS} FROM records r WHERE r.id IN (SELECT m.record_id \
                     FROM record_mentions m JOIN events e ON e.id = m.event_id WHERE {}) \
                     ORDER BY r.date IS NULL, r.date, r.id LIMIT 1000",
                    actor_in_event(1)
                ))
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([actor_id], record_from_row)
                .map_err(|e| self.err(e))?;
            rows.collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| self.err(e))?
        };
        let mut events = 0i64;
        let mut parts: BTreeMap<String, Counterpart> = BTreeMap::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT e.json, e.quad FROM events e JOIN documents d ON d.id = e.doc_id \
                     WHERE d.superseded_by IS NULL AND {}",
                    actor_in_event(1)
                ))
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([actor_id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (json, quad) = row.map_err(|e| self.err(e))?;
                events += 1;
                let v: Value = serde_json::from_str(&json).unwrap_or(Value::Null);
                let source = members(&v["source"]);
                let target = members(&v["target"]);
                let in_source = source.iter().any(|m| m.actor_id == actor_id);
                let in_target = target.iter().any(|m| m.actor_id == actor_id);
                let mut add = |m: &ActorSide, they_are_target: bool| {
                    if m.actor_id == actor_id || m.actor_id.is_empty() {
                        return;
                    }
                    let c = parts.entry(m.actor_id.clone()).or_insert(Counterpart {
                        actor_id: m.actor_id.clone(),
                        canonical: m.canonical.clone(),
                        country: m.country.clone(),
                        as_target: 0,
                        as_source: 0,
                        cooperation: 0,
                        conflict: 0,
                    });
                    if they_are_target {
                        c.as_target += 1;
                    } else {
                        c.as_source += 1;
                    }
                    match quad {
                        Some(1 | 2) => c.cooperation += 1,
                        Some(3 | 4) => c.conflict += 1,
                        _ => {}
                    }
                };
                if in_source {
                    target.iter().for_each(|m| add(m, true));
                }
                if in_target {
                    source.iter().for_each(|m| add(m, false));
                }
            }
        }
        let mut counterparts: Vec<Counterpart> = parts.into_values().collect();
        counterparts.sort_by(|a, b| {
            (b.as_source + b.as_target)
                .cmp(&(a.as_source + a.as_target))
                .then_with(|| a.actor_id.cmp(&b.actor_id))
        });
        Ok(Some(ActorDetail {
            summary,
            surface_forms: forms,
            roles,
            events,
            timeline,
            counterparts,
        }))
    }

    /// The dyads with the most records, either direction (countries, or
    /// names when a side has none).
    pub fn top_dyads(
        &self,
        facts_only: bool,
        since: Option<&str>,
        until: Option<&str>,
        limit: usize,
    ) -> Result<Vec<DyadSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT min(x, y) AS a, max(x, y) AS b, count(*), sum(quad IN (1, 2)), \
                 sum(quad IN (3, 4)), coalesce(sum(goldstein), 0), min(date), max(coalesce(date_end, date)) \
                 FROM (SELECT coalesce(source_country, source) AS x, coalesce(target_country, target) AS y, \
                 quad, goldstein, date, date_end, modality FROM records) \
                 WHERE x IS NOT NULL AND y IS NOT NULL AND x != y \
                 AND (?1 = 0 OR modality IN ('asserted', 'historical')) \
                 AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR substr(date, 1, length(?3)) <= ?3) \
                 GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT ?4",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![facts_only, since, until, limit as i64], |r| {
                Ok(DyadSummary {
                    a: r.get(0)?,
                    b: r.get(1)?,
                    records: r.get(2)?,
                    cooperation: r.get(3)?,
                    conflict: r.get(4)?,
                    goldstein_sum: r.get(5)?,
                    first: r.get(6)?,
                    last: r.get(7)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))
    }

    /// The actor network (as [`Store::network`]) with date and actor
    /// filters, and its nodes.
    pub fn network_view(&self, f: &NetworkFilter) -> Result<(Vec<NetworkNode>, Vec<Edge>)> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT x, y, sum(quad IN (1, 2)), sum(quad IN (3, 4)), coalesce(sum(goldstein), 0), count(*) \
                 FROM (SELECT coalesce(source_country, source) AS x, coalesce(target_country, target) AS y, \
                 quad, goldstein, date, modality FROM records) \
                 WHERE x IS NOT NULL AND y IS NOT NULL AND x != y \
                 AND (?1 = 0 OR modality IN ('asserted', 'historical')) \
                 AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR substr(date, 1, length(?3)) <= ?3) \
                 AND (?4 IS NULL OR x = ?4 OR y = ?4) \
                 GROUP BY x, y HAVING count(*) >= ?5 ORDER BY x, y",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![f.facts_only, f.since, f.until, f.actor, f.min_records],
                |r| {
                    Ok((
                        Edge {
                            source: r.get(0)?,
                            target: r.get(1)?,
                            cooperation: r.get(2)?,
                            conflict: r.get(3)?,
                            goldstein_sum: r.get(4)?,
                        },
                        r.get::<_, i64>(5)?,
                    ))
                },
            )
            .map_err(|e| self.err(e))?;
        let mut edges = Vec::new();
        let mut nodes: BTreeMap<String, NetworkNode> = BTreeMap::new();
        for row in rows {
            let (edge, count) = row.map_err(|e| self.err(e))?;
            for id in [&edge.source, &edge.target] {
                let n = nodes.entry(id.clone()).or_insert(NetworkNode {
                    id: id.clone(),
                    records: 0,
                    cooperation: 0,
                    conflict: 0,
                });
                n.records += count;
                n.cooperation += edge.cooperation;
                n.conflict += edge.conflict;
            }
            edges.push(edge);
        }
        Ok((nodes.into_values().collect(), edges))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EventRow, Inserted, Origin};
    use dyads_text::{clean, Article};

    fn side(id: &str, country: &str, sector: &str) -> Value {
        serde_json::json!({"actor_id": id, "canonical": id, "country": country, "sector": sector, "text": id})
    }

    fn add(
        s: &mut Store,
        text: &str,
        outlet: &str,
        events: &[(&str, &str, &str, &str)],
    ) -> Result<i64> {
        let mut a = Article::text(text);
        a.hints.outlet = Some(outlet.into());
        let d = match clean(&a) {
            Ok(d) => d,
            Err(e) => panic!("clean failed: {e}"),
        };
        let o = Origin {
            source_path: Some(format!("{outlet}.txt")),
            format: "text".into(),
            position: 0,
        };
        let id = match s.insert(&d, &o, text)? {
            Inserted::New(id) | Inserted::Unchanged(id) | Inserted::NewVersion { id, .. } => id,
        };
        // Actors: one per distinct id, mentioned where its name occurs.
        let mut actors: Vec<ActorRow> = Vec::new();
        for (src, tgt, _, _) in events {
            for name in [src, tgt] {
                if actors.iter().any(|a| a.actor_id == *name) {
                    continue;
                }
                let at = text.find(name).unwrap_or(0);
                actors.push(ActorRow {
                    actor_id: name.to_string(),
                    canonical: name.to_string(),
                    kind: "state".into(),
                    country: Some(name.to_string()),
                    role: (*name == "BRA").then(|| "host".to_string()),
                    source: "built-in".into(),
                    surface_forms: vec![name.to_string()],
                    mentions: vec![Span::new(at, at + name.len())],
                    ..ActorRow::default()
                });
            }
        }
        let rows: Vec<EventRow> = events
            .iter()
            .map(|(src, tgt, cameo, date)| EventRow {
                evidence: Span::new(4, 8),
                cameo: cameo.to_string(),
                plover: Some(if cameo.starts_with('1') { "ACCUSE" } else { "CONSULT" }.into()),
                quad: Some(if cameo.starts_with('1') { 3 } else { 1 }),
                goldstein: Some(1.0),
                modality: "asserted".into(),
                date: Some(date.to_string()),
                date_end: Some(date.to_string()),
                source_country: Some(src.to_string()),
                target_country: Some(tgt.to_string()),
                rule: "test".into(),
                json: serde_json::json!({"source": side(src, src, "GOV"), "target": [side(tgt, tgt, "MIL")]}).to_string(),
                ..EventRow::default()
            })
            .collect();
        s.replace_coding(id, "test", &actors, &rows)?;
        Ok(id)
    }

    #[test]
    fn views_filter_paginate_and_highlight() -> Result<()> {
        let mut s = Store::open_in_memory()?;
        let d1 = add(
            &mut s,
            "BRA and ARG met on Monday in a calm mood.",
            "Alpha",
            &[("BRA", "ARG", "040", "2024-03-04")],
        )?;
        add(
            &mut s,
            "ARG accused CHL of stalling the talks.",
            "Beta",
            &[
                ("ARG", "CHL", "112", "2024-03-09"),
                ("BRA", "ARG", "043", "2024-03-05"),
            ],
        )?;
        s.merge_records()?;
        let st = s.stats()?;
        assert_eq!((st.documents, st.events), (2, 3));
        // Documents: outlet filter, full-text filter, paging.
        let (docs, total) = s.document_list(&DocFilter::default(), 1, 0)?;
        assert_eq!((docs.len(), total), (1, 2));
        let f = DocFilter {
            outlet: Some("Alpha".into()),
            ..DocFilter::default()
        };
        assert_eq!(s.document_list(&f, 10, 0)?.0[0].id, d1);
        let f = DocFilter {
            q: Some("stalling".into()),
            ..DocFilter::default()
        };
        assert_eq!(s.document_list(&f, 10, 0)?.1, 1);
        // Mentions: actor id (in the target array), sector, cameo prefix, outlet.
        let m = |f: MentionFilter| s.mention_list(&f, 10, 0).map(|p| p.1);
        assert_eq!(
            m(MentionFilter {
                actor: Some("CHL".into()),
                ..Default::default()
            })?,
            1
        );
        assert_eq!(
            m(MentionFilter {
                actor: Some("ARG".into()),
                ..Default::default()
            })?,
            3
        );
        assert_eq!(
            m(MentionFilter {
                sector: Some("MIL".into()),
                ..Default::default()
            })?,
            3
        );
        assert_eq!(
            m(MentionFilter {
                sector: Some("GOV".into()),
                cameo: Some("11".into()),
                ..Default::default()
            })?,
            1
        );
        assert_eq!(
            m(MentionFilter {
                outlet: Some("Beta".into()),
                ..Default::default()
            })?,
            2
        );
        assert_eq!(
            m(MentionFilter {
                actor: Some("AR".into()),
                ..Default::default()
            })?,
            0
        );
        let (items, _) = s.mention_list(&MentionFilter::default(), 10, 0)?;
        assert!(items
            .iter()
            .all(|e| e.record_id.is_some() && e.sentence_text.is_some()));
        // Document view: the actor spans point at their names.
        let dv = s.document_view(d1)?;
        for a in &dv.actors {
            let span = a.actor.mentions[0];
            assert_eq!(
                &dv.text[span.start as usize..span.end as usize],
                a.actor.actor_id
            );
        }
        assert_eq!(dv.events.len(), 1);
        // Records: filters and the view's spans relative to the sentence.
        let (recs, total) = s.record_list(
            &RecordQuery {
                actor: Some("CHL".into()),
                ..Default::default()
            },
            10,
            0,
        )?;
        assert_eq!((recs.len(), total), (1, 1));
        let (all, total) = s.record_list(&RecordQuery::default(), 10, 0)?;
        assert_eq!(all.len() as i64, total);
        let outlet = s.record_list(
            &RecordQuery {
                outlet: Some("Alpha".into()),
                ..Default::default()
            },
            10,
            0,
        )?;
        assert!(outlet.1 >= 1 && outlet.1 < total);
        let rv = s.record_view(recs[0].id)?;
        let m0 = &rv.mention_list[0];
        let src = m0.source_spans[0];
        assert_eq!(&m0.sentence[src.start as usize..src.end as usize], "ARG");
        let tgt = m0.target_spans[0];
        assert_eq!(&m0.sentence[tgt.start as usize..tgt.end as usize], "CHL");
        // Actors.
        let (actors, total) = s.actor_list(
            &ActorFilter {
                q: Some("r".into()),
                ..Default::default()
            },
            10,
            0,
        )?;
        assert_eq!(total, 2, "{actors:?}");
        assert_eq!(actors[0].actor_id, "ARG", "most documents first");
        assert_eq!(
            s.actor_list(
                &ActorFilter {
                    q: Some("%".into()),
                    ..Default::default()
                },
                10,
                0
            )?
            .1,
            0
        );
        let Some(arg) = s.actor_detail("ARG")? else {
            panic!("ARG missing")
        };
        assert_eq!(arg.events, 3);
        assert_eq!(arg.counterparts.len(), 2);
        assert_eq!(arg.counterparts[0].actor_id, "BRA");
        assert_eq!(
            (arg.counterparts[0].as_source, arg.counterparts[0].as_target),
            (2, 0)
        );
        assert!(!arg.timeline.is_empty());
        let Some(bra) = s.actor_detail("BRA")? else {
            panic!("BRA missing")
        };
        assert_eq!(bra.roles.len(), 1);
        assert!(s.actor_detail("nobody")?.is_none());
        // Dyads and network.
        let top = s.top_dyads(false, None, None, 10)?;
        assert_eq!((top[0].a.as_str(), top[0].b.as_str()), ("ARG", "BRA"));
        let (nodes, edges) = s.network_view(&NetworkFilter {
            actor: Some("CHL".into()),
            ..Default::default()
        })?;
        assert_eq!((nodes.len(), edges.len()), (2, 1));
        assert_eq!(edges[0].conflict, 1);
        Ok(())
    }
}
