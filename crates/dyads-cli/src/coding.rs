//! Coding stored documents at ingest time: actors and events into the store.

use anyhow::{Context, Result};

use dyads_coder::actors::DocActors;
use dyads_coder::events::{Actors, Event, Pipeline};
use dyads_store::{ActorRow, EventRow, Store};
use dyads_text::{Document, Span};

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
    pub fn code(&mut self, store: &mut Store, id: i64, doc: &Document) -> Result<usize> {
        let pipeline = match &mut self.pipeline {
            Some(p) => p,
            slot => slot.insert(Pipeline::load().context("loading the coder")?),
        };
        let (actors, events) = pipeline.code_with_actors(&id.to_string(), doc, None);
        let actor_rows = actor_rows(&actors);
        let event_rows = events.iter().map(event_row).collect::<Vec<_>>();
        store.replace_coding(id, CODER, &actor_rows, &event_rows)?;
        Ok(event_rows.len())
    }
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
