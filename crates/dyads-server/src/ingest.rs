//! Reading, cleaning, storing and coding articles: what `dyads ingest` and
//! `POST /api/ingest` share.
//!
//! [`store_articles`] reads one input (any supported container format),
//! cleans each article and stores it in one transaction; [`Coding`] codes
//! stored documents (actors and events) with the built-in coder, loaded on
//! first use; [`ingest_bytes`] does both and merges the new mentions into
//! event records.

use serde::Serialize;

use dyads_coder::actors::DocActors;
use dyads_coder::events::{Actors, Event, Pipeline};
use dyads_store::{ActorRow, EventRow, Inserted, MergeStats, Origin, Store};
use dyads_text::{clean, read_input, Document, Format, Limits, Span};

use crate::Error;

/// The coder that writes the rows: documents coded by another version are
/// coded again when they are ingested again.
pub const CODER: &str = concat!("dyads-coder ", env!("CARGO_PKG_VERSION"));

/// The coder, loaded on first use (models and lexicons take a moment).
#[derive(Default)]
pub struct Coding {
    pipeline: Option<Pipeline>,
}

impl Coding {
    /// Codes document `id` and replaces its stored coding; returns the
    /// number of events stored.
    pub fn code(&mut self, store: &mut Store, id: i64, doc: &Document) -> Result<usize, Error> {
        let pipeline = match &mut self.pipeline {
            Some(p) => p,
            slot => slot.insert(Pipeline::load()?),
        };
        let (actors, events) = pipeline.code_with_actors(&id.to_string(), doc, None);
        let actor_rows = actor_rows(&actors);
        let event_rows = events.iter().map(event_row).collect::<Vec<_>>();
        store.replace_coding(id, CODER, &actor_rows, &event_rows)?;
        Ok(event_rows.len())
    }
}

/// What storing (and coding) articles did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Articles read.
    pub articles: usize,
    /// New documents.
    pub new: usize,
    /// New versions of stored documents.
    pub versions: usize,
    /// Articles already stored as they are.
    pub unchanged: usize,
    /// Articles (or inputs) that could not be read or cleaned.
    pub failed: usize,
    /// Documents coded.
    pub coded: usize,
    /// Event mentions stored by the coding.
    pub events: usize,
}

/// Reads, cleans and stores the articles of one input, in one transaction;
/// returns the stored documents (new, new versions and unchanged ones) with
/// their ids, for coding. Articles that cannot be read or cleaned are
/// counted in `tally.failed` and passed to `report`.
pub fn store_articles(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
    limits: &Limits,
    tally: &mut Tally,
    mut report: impl FnMut(&str),
) -> Result<Vec<(i64, Document)>, Error> {
    let articles = read_input(name, bytes, format, limits);
    let mut stored = Vec::new();
    store.in_transaction(|store| {
        for article in articles {
            let article = match article {
                Ok(a) => a,
                Err(e) => {
                    tally.failed += 1;
                    report(&e.to_string());
                    continue;
                }
            };
            let doc = match clean(&article) {
                Ok(d) => d,
                Err(e) => {
                    tally.failed += 1;
                    report(&e.to_string());
                    continue;
                }
            };
            let origin = Origin {
                source_path: article.source_path.clone(),
                format: format_name(article.format).to_string(),
                position: article.position,
            };
            tally.articles += 1;
            let id = match store.insert(&doc, &origin, &article.content)? {
                Inserted::New(id) => {
                    tally.new += 1;
                    id
                }
                Inserted::NewVersion { id, .. } => {
                    tally.versions += 1;
                    id
                }
                Inserted::Unchanged(id) => {
                    tally.unchanged += 1;
                    id
                }
            };
            stored.push((id, doc));
        }
        Ok(())
    })?;
    Ok(stored)
}

/// What [`ingest_bytes`] did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IngestReport {
    /// Counts.
    #[serde(flatten)]
    pub tally: Tally,
    /// Ids of the stored documents, in input order.
    pub ids: Vec<i64>,
    /// Messages about articles that failed.
    pub errors: Vec<String>,
    /// What merging the new mentions into records did (when coding).
    pub merged: Option<MergeStats>,
}

/// Stores the articles of one input, codes the ones the current coder has
/// not coded (when `coding` is given) and merges the new mentions into
/// records.
pub fn ingest_bytes(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
    limits: &Limits,
    coding: Option<&mut Coding>,
) -> Result<IngestReport, Error> {
    let mut report = IngestReport::default();
    let errors = &mut report.errors;
    let stored = store_articles(store, name, bytes, format, limits, &mut report.tally, |m| {
        errors.push(m.to_string())
    })?;
    report.ids = stored.iter().map(|(id, _)| *id).collect();
    if let Some(coding) = coding {
        for (id, doc) in &stored {
            if store.coded_by(*id)?.as_deref() == Some(CODER) {
                continue;
            }
            report.tally.events += coding.code(store, *id, doc)?;
            report.tally.coded += 1;
        }
        report.merged = Some(store.merge_records()?);
    }
    Ok(report)
}

/// The name a container format is stored under.
pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::Text => "text",
        Format::Html => "html",
        Format::Jsonl => "jsonl",
        Format::Feed => "feed",
        Format::Warc => "warc",
    }
}

/// The container format of a name (`text`, `html`, `jsonl`, `feed`, `warc`).
pub fn parse_format(name: &str) -> Option<Format> {
    Some(match name {
        "text" => Format::Text,
        "html" => Format::Html,
        "jsonl" => Format::Jsonl,
        "feed" => Format::Feed,
        "warc" => Format::Warc,
        _ => return None,
    })
}

fn actor_rows(actors: &DocActors) -> Vec<ActorRow> {
    actors
        .actors
        .iter()
        .map(|a| ActorRow {
            actor_id: a.id.clone(),
            canonical: a.canonical.clone(),
            kind: a.kind.to_string(),
            country: a.country.clone(),
            sector: a.sector.clone(),
            role: a.role.clone(),
            code: a.code.clone(),
            source: serde_json::to_value(a.source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            surface_forms: a.surface_forms.clone(),
            mentions: a.mentions.clone(),
        })
        .collect()
}

fn first(actors: &Option<Actors>) -> (Option<String>, Option<String>) {
    let member = actors.as_ref().and_then(|a| a.members().first());
    (
        member.and_then(|m| m.code.clone()),
        member.and_then(|m| m.country.clone()),
    )
}

fn event_row(e: &Event) -> EventRow {
    let (source_code, source_country) = first(&e.source);
    let (target_code, target_country) = first(&e.target);
    EventRow {
        sentence: e.sentence as i64,
        evidence: Span::new(e.evidence.start, e.evidence.end),
        cameo: e.cameo.clone(),
        plover: e.plover.clone(),
        mode: e.mode.clone(),
        context: e.context.clone(),
        // Goldstein values have one decimal; keep them so through f32 -> f64.
        goldstein: Some((f64::from(e.goldstein) * 10.0).round() / 10.0),
        quad: Some(i64::from(e.quad)),
        modality: e.modality.as_str().to_string(),
        reciprocal: e.reciprocal,
        date: e.date.clone(),
        date_end: e.date_end.clone(),
        date_precision: Some(e.date_precision.clone()),
        source_code,
        source_country,
        target_code,
        target_country,
        rule: e.rule.clone(),
        json: serde_json::to_string(e).unwrap_or_else(|_| "{}".into()),
    }
}
