//! The exported tables, read from the store a page at a time.

use std::collections::VecDeque;

use serde_json::{json, Map, Value as Json};

use std::collections::{BTreeMap, HashMap};

use dyads_store::{DocActor, DocumentRow, EventFilter, Layout, MentionRow, RecordRow, Store};

use crate::gdelt::{self, cameo_levels, date_added, date_columns};
use crate::{full_day, Column, ColumnType, Result, Rows, Table, Value};

/// Rows read from the store per query.
pub const PAGE: usize = 2048;

/// The names of the tables [`table`] knows.
pub const NAMES: &[&str] = &[
    "events",
    "mentions",
    "stories",
    "actors",
    "documents",
    "plover",
];

/// Which rows to export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Mentions and PLOVER: the event filter. Documents: `since`/`until`
    /// on the publication date. Actors: `country` on the actor's country.
    pub filter: EventFilter,
    /// The `coder` and `version` of PLOVER records (`dyads`, `0.1.0`).
    pub coder: (String, String),
    /// Read the JSON-lines-only columns (documents' text and layout);
    /// without it they are null.
    pub full: bool,
}

/// The table called `name` (one of [`NAMES`]), or `None`.
pub fn table<'a>(store: &'a Store, name: &str, sel: &Selection) -> Option<Table<'a>> {
    match name {
        "events" => Some(events(store)),
        "stories" => Some(stories(store)),
        "mentions" => Some(mentions(store, &sel.filter)),
        "actors" => Some(actors(store, sel.filter.country.clone())),
        "documents" => Some(documents(
            store,
            sel.filter.since.clone(),
            sel.filter.until.clone(),
            sel.full,
        )),
        "plover" => Some(plover(store, &sel.filter, sel.coder.clone())),
        _ => None,
    }
}

/// Rows from a keyset-paged source: `fetch(after)` returns the next page
/// after key `after`, `key` names a row's key, `row` turns it into values.
fn paged<'a, T: 'a, K: 'a>(
    start: K,
    mut fetch: impl FnMut(&K) -> Result<Vec<T>> + 'a,
    key: impl Fn(&T) -> K + 'a,
    mut row: impl FnMut(T) -> Result<Vec<Value>> + 'a,
) -> Rows<'a> {
    let mut after = start;
    let mut buf: VecDeque<T> = VecDeque::new();
    let mut done = false;
    Box::new(std::iter::from_fn(move || {
        if buf.is_empty() && !done {
            match fetch(&after) {
                Ok(page) => {
                    done = page.len() < PAGE;
                    buf.extend(page);
                }
                Err(e) => {
                    done = true;
                    return Some(Err(e));
                }
            }
        }
        let t = buf.pop_front()?;
        after = key(&t);
        Some(row(t))
    }))
}

/// The dyads columns of `mentions`, after the GDELT ones.
const MENTION_COLUMNS: &[Column] = &[
    Column::new("doc_id", ColumnType::Int),
    Column::new("doc_outlet", ColumnType::Text),
    Column::new("doc_published", ColumnType::Text),
    Column::new("sentence", ColumnType::Int),
    Column::new("evidence_start", ColumnType::Int),
    Column::new("evidence_end", ColumnType::Int),
    Column::new("plover_type", ColumnType::Text),
    Column::new("plover_mode", ColumnType::Text),
    Column::new("plover_context", ColumnType::Text),
    Column::new("modality", ColumnType::Text),
    Column::new("reciprocal", ColumnType::Bool),
    Column::new("date", ColumnType::Text),
    Column::new("date_day", ColumnType::Date),
    Column::new("date_end", ColumnType::Text),
    Column::new("date_precision", ColumnType::Text),
    Column::new("source_actor_id", ColumnType::Text),
    Column::new("source_text", ColumnType::Text),
    Column::new("target_actor_id", ColumnType::Text),
    Column::new("target_text", ColumnType::Text),
    Column::new("rule", ColumnType::Text),
    Column::jsonl_only("event", ColumnType::Json),
];

/// The first member of an event's `source` or `target` (an object, or an
/// array for compound actors).
fn first_actor<'j>(event: &'j Json, side: &str) -> Option<&'j Map<String, Json>> {
    match event.get(side)? {
        Json::Object(m) => Some(m),
        Json::Array(v) => v.first().and_then(Json::as_object),
        _ => None,
    }
}

fn str_of(m: Option<&Map<String, Json>>, key: &str) -> Value {
    Value::text(m.and_then(|m| m.get(key)).and_then(Json::as_str))
}

fn mention_values(m: MentionRow) -> Vec<Value> {
    let e = &m.event.row;
    let event: Json = serde_json::from_str(&e.json).unwrap_or(Json::Null);
    let src = first_actor(&event, "source");
    let tgt = first_actor(&event, "target");
    let loc = event.get("location").and_then(Json::as_object);
    let num = |k: &str| Value::float(loc.and_then(|l| l.get(k)).and_then(Json::as_f64));
    let [day, month_year, year, fraction] = date_columns(e.date.as_deref());
    let (base, root) = cameo_levels(&e.cameo);
    let mut v = vec![
        Value::Int(m.event.id),
        day,
        month_year,
        year,
        fraction,
        Value::text(e.source_code.clone()),
        str_of(src, "canonical"),
        Value::text(e.source_country.clone()),
        str_of(src, "sector"),
        Value::text(e.target_code.clone()),
        str_of(tgt, "canonical"),
        Value::text(e.target_country.clone()),
        str_of(tgt, "sector"),
        Value::Text(e.cameo.clone()),
        Value::Text(base),
        Value::Text(root),
        Value::int(e.quad),
        Value::float(e.goldstein),
        Value::Int(1),
        Value::Int(1),
        Value::Int(1),
        str_of(loc, "text"),
        str_of(loc, "country"),
        num("lat"),
        num("lon"),
        date_added(&m.doc_ingested_at),
        Value::text(m.doc_url.clone()),
    ];
    v.extend([
        Value::Int(m.event.doc_id),
        Value::text(m.doc_outlet.clone()),
        Value::text(m.doc_published.clone()),
        Value::Int(e.sentence),
        Value::Int(i64::from(e.evidence.start)),
        Value::Int(i64::from(e.evidence.end)),
        Value::text(e.plover.clone()),
        Value::text(e.mode.clone()),
        Value::text(e.context.clone()),
        Value::Text(e.modality.clone()),
        Value::Bool(e.reciprocal),
        Value::text(e.date.clone()),
        e.date
            .as_deref()
            .and_then(full_day)
            .map_or(Value::Null, |d| Value::Date(d.to_string())),
        Value::text(e.date_end.clone()),
        Value::text(e.date_precision.clone()),
        str_of(src, "actor_id"),
        str_of(src, "text"),
        str_of(tgt, "actor_id"),
        str_of(tgt, "text"),
        Value::Text(e.rule.clone()),
        Value::Json(event),
    ]);
    v
}

/// The columns of `mentions`: the GDELT ones, then the dyads ones.
pub fn mention_columns() -> Vec<Column> {
    gdelt::COLUMNS
        .iter()
        .chain(MENTION_COLUMNS)
        .cloned()
        .collect()
}

/// One row per stored event mention that passes `filter`, in id order.
pub fn mentions<'a>(store: &'a Store, filter: &EventFilter) -> Table<'a> {
    let filter = filter.clone();
    Table {
        name: "mentions".into(),
        columns: mention_columns(),
        rows: paged(
            0i64,
            move |after| Ok(store.mention_page(&filter, false, *after, PAGE)?),
            |m: &MentionRow| m.event.id,
            |m| Ok(mention_values(m)),
        ),
    }
}

/// The dyads columns of `events`, after the GDELT ones.
const EVENT_RECORD_COLUMNS: &[Column] = &[
    Column::new("date", ColumnType::Text),
    Column::new("date_end", ColumnType::Text),
    Column::new("plover_type", ColumnType::Text),
    Column::new("modality", ColumnType::Text),
    Column::new("source_actor_id", ColumnType::Text),
    Column::new("target_actor_id", ColumnType::Text),
    Column::new("representative_mention", ColumnType::Int),
    Column::new("mention_ids", ColumnType::Json),
    Column::new("story_id", ColumnType::Int),
    Column::new("contradictions", ColumnType::Json),
];

/// Per record: its story, and the fields its sources disagree on.
type RecordExtras = (HashMap<i64, i64>, BTreeMap<i64, Vec<String>>);

/// The columns of `events`: the GDELT ones, then the dyads ones.
pub fn event_columns() -> Vec<Column> {
    gdelt::COLUMNS
        .iter()
        .chain(EVENT_RECORD_COLUMNS)
        .cloned()
        .collect()
}

/// One row per event record (mentions merged across sources), in id
/// order, in GDELT 2.0 column order: `GlobalEventID` is the record id,
/// `NumMentions`, `NumSources` (distinct outlets) and `NumArticles` count
/// its mentions; actors, code and place come from the record and its
/// representative mention (the first with the record's code), `DATEADDED`
/// from its first article. Then the dyads columns: the date interval,
/// PLOVER type, modality, the member mention ids (join `mentions` on
/// `GlobalEventID`), the story holding it, and the fields its sources
/// disagree on.
pub fn events(store: &Store) -> Table<'_> {
    // Stories and contradictions are read once, lazily with the first page.
    let mut extra: Option<RecordExtras> = None;
    Table {
        name: "events".into(),
        columns: event_columns(),
        rows: paged(
            0i64,
            move |after| Ok(store.record_rows(*after, PAGE)?),
            |r: &RecordRow| r.record.id,
            move |r| {
                if extra.is_none() {
                    let mut story_of: HashMap<i64, i64> = HashMap::new();
                    for s in store.stories()? {
                        for rec in &s.timeline {
                            story_of.insert(rec.id, s.id);
                        }
                    }
                    let mut fields: BTreeMap<i64, Vec<String>> = BTreeMap::new();
                    for c in store.contradictions()? {
                        fields.entry(c.record_id).or_default().push(c.field);
                    }
                    extra = Some((story_of, fields));
                }
                let (story_of, fields) = extra.get_or_insert_with(Default::default);
                Ok(event_values(r, story_of, fields))
            },
        ),
    }
}

fn event_values(
    r: RecordRow,
    story_of: &HashMap<i64, i64>,
    fields: &BTreeMap<i64, Vec<String>>,
) -> Vec<Value> {
    let rec = &r.record;
    let event: Json = r
        .representative
        .as_ref()
        .and_then(|e| serde_json::from_str(&e.row.json).ok())
        .unwrap_or(Json::Null);
    let rep = r.representative.as_ref().map(|e| &e.row);
    let src = first_actor(&event, "source");
    let tgt = first_actor(&event, "target");
    let loc = event.get("location").and_then(Json::as_object);
    let num = |k: &str| Value::float(loc.and_then(|l| l.get(k)).and_then(Json::as_f64));
    let [day, month_year, year, fraction] = date_columns(rec.date.as_deref());
    let (base, root) = cameo_levels(&rec.cameo);
    vec![
        Value::Int(rec.id),
        day,
        month_year,
        year,
        fraction,
        Value::text(rep.and_then(|e| e.source_code.clone())),
        Value::text(rec.source.clone()),
        Value::text(rec.source_country.clone()),
        str_of(src, "sector"),
        Value::text(rep.and_then(|e| e.target_code.clone())),
        Value::text(rec.target.clone()),
        Value::text(rec.target_country.clone()),
        str_of(tgt, "sector"),
        Value::Text(rec.cameo.clone()),
        Value::Text(base),
        Value::Text(root),
        Value::int(rec.quad),
        Value::float(rec.goldstein),
        Value::Int(rec.mentions),
        Value::Int(r.sources),
        Value::Int(rec.documents),
        str_of(loc, "text"),
        str_of(loc, "country"),
        num("lat"),
        num("lon"),
        r.first_added.as_deref().map_or(Value::Null, date_added),
        Value::text(r.url.clone()),
        Value::text(rec.date.clone()),
        Value::text(rec.date_end.clone()),
        Value::text(rec.plover.clone()),
        Value::Text(rec.modality.clone()),
        str_of(src, "actor_id"),
        str_of(tgt, "actor_id"),
        Value::int(r.representative.as_ref().map(|e| e.id)),
        Value::Json(json!(r.members)),
        Value::int(story_of.get(&rec.id).copied()),
        Value::Json(json!(fields.get(&rec.id).cloned().unwrap_or_default())),
    ]
}

/// The columns of `stories`.
pub const STORY_COLUMNS: &[Column] = &[
    Column::new("story_id", ColumnType::Int),
    Column::new("title", ColumnType::Text),
    Column::new("start", ColumnType::Text),
    Column::new("end", ColumnType::Text),
    Column::new("participants", ColumnType::Json),
    Column::new("documents", ColumnType::Json),
    Column::new("event_ids", ColumnType::Json),
    Column::new("event_count", ColumnType::Int),
];

/// One row per story (records and documents about one happening, see
/// `dyads stories`), newest first: its title, date span, participants,
/// documents and event records (`events.GlobalEventID`) in timeline order.
pub fn stories(store: &Store) -> Table<'_> {
    let mut list: Option<std::vec::IntoIter<dyads_store::Story>> = None;
    let mut failed = false;
    Table {
        name: "stories".into(),
        columns: STORY_COLUMNS.to_vec(),
        rows: Box::new(std::iter::from_fn(move || {
            if failed {
                return None;
            }
            if list.is_none() {
                match store.stories() {
                    Ok(v) => list = Some(v.into_iter()),
                    Err(e) => {
                        failed = true;
                        return Some(Err(e.into()));
                    }
                }
            }
            let s = list.as_mut()?.next()?;
            let ids: Vec<i64> = s.timeline.iter().map(|r| r.id).collect();
            Some(Ok(vec![
                Value::Int(s.id),
                Value::text(s.title),
                Value::text(s.start),
                Value::text(s.end),
                Value::Json(json!(s.participants)),
                Value::Json(json!(s.documents)),
                Value::Json(json!(ids)),
                Value::Int(ids.len() as i64),
            ]))
        })),
    }
}

/// The columns of `actors`.
pub const ACTOR_COLUMNS: &[Column] = &[
    Column::new("doc_id", ColumnType::Int),
    Column::new("idx", ColumnType::Int),
    Column::new("actor_id", ColumnType::Text),
    Column::new("canonical", ColumnType::Text),
    Column::new("kind", ColumnType::Text),
    Column::new("country", ColumnType::Text),
    Column::new("sector", ColumnType::Text),
    Column::new("role", ColumnType::Text),
    Column::new("code", ColumnType::Text),
    Column::new("source", ColumnType::Text),
    Column::new("surface_forms", ColumnType::Json),
    Column::new("mention_count", ColumnType::Int),
    Column::new("mentions", ColumnType::Json),
];

/// One row per resolved actor per current document, in document order;
/// only actors of `country` when given.
pub fn actors<'a>(store: &'a Store, country: Option<String>) -> Table<'a> {
    Table {
        name: "actors".into(),
        columns: ACTOR_COLUMNS.to_vec(),
        rows: paged(
            (0i64, -1i64),
            move |after| Ok(store.actor_page(country.as_deref(), *after, PAGE)?),
            |a: &DocActor| (a.doc_id, a.idx),
            |a| {
                let r = a.actor;
                let spans: Vec<Json> = r.mentions.iter().map(|s| json!([s.start, s.end])).collect();
                Ok(vec![
                    Value::Int(a.doc_id),
                    Value::Int(a.idx),
                    Value::Text(r.actor_id),
                    Value::Text(r.canonical),
                    Value::Text(r.kind),
                    Value::text(r.country),
                    Value::text(r.sector),
                    Value::text(r.role),
                    Value::text(r.code),
                    Value::Text(r.source),
                    Value::Json(json!(r.surface_forms)),
                    Value::Int(spans.len() as i64),
                    Value::Json(Json::Array(spans)),
                ])
            },
        ),
    }
}

/// The columns of `documents`.
pub const DOCUMENT_COLUMNS: &[Column] = &[
    Column::new("id", ColumnType::Int),
    Column::new("version", ColumnType::Int),
    Column::new("superseded_by", ColumnType::Int),
    Column::new("doc_key", ColumnType::Text),
    Column::new("content_hash", ColumnType::Text),
    Column::new("title", ColumnType::Text),
    Column::new("published", ColumnType::Text),
    Column::new("published_day", ColumnType::Date),
    Column::new("published_precision", ColumnType::Text),
    Column::new("authors", ColumnType::Json),
    Column::new("outlet", ColumnType::Text),
    Column::new("dateline_place", ColumnType::Text),
    Column::new("language", ColumnType::Text),
    Column::new("url", ColumnType::Text),
    Column::new("external_id", ColumnType::Text),
    Column::new("source_path", ColumnType::Text),
    Column::new("format", ColumnType::Text),
    Column::new("position", ColumnType::Int),
    Column::new("ingested_at", ColumnType::Text),
    Column::new("sentence_count", ColumnType::Int),
    Column::jsonl_only("text", ColumnType::Text),
    Column::jsonl_only("layout", ColumnType::Json),
];

fn layout_json(l: &Layout) -> Json {
    json!({
        "paragraphs": l.paragraphs.iter().map(|s| json!([s.start, s.end])).collect::<Vec<_>>(),
        "sentences": l.sentences.iter()
            .map(|s| json!([s.span.start, s.span.end, s.first_token, s.end_token]))
            .collect::<Vec<_>>(),
        "tokens": l.tokens.iter()
            .map(|t| json!([t.span.start, t.span.end, t.kind]))
            .collect::<Vec<_>>(),
    })
}

/// One row per current document published in `[since, until]` (when
/// given), in id order. The text and layout are read only when `full`
/// (they are JSON-lines-only columns; null otherwise).
pub fn documents<'a>(
    store: &'a Store,
    since: Option<String>,
    until: Option<String>,
    full: bool,
) -> Table<'a> {
    Table {
        name: "documents".into(),
        columns: DOCUMENT_COLUMNS.to_vec(),
        rows: paged(
            0i64,
            move |after| {
                Ok(store.document_page(since.as_deref(), until.as_deref(), full, *after, PAGE)?)
            },
            |d: &DocumentRow| d.id,
            |d| {
                let day = d
                    .published
                    .as_deref()
                    .and_then(full_day)
                    .filter(|_| d.published_precision.as_deref() != Some("month"))
                    .map_or(Value::Null, |s| Value::Date(s.to_string()));
                let layout = d.layout.as_ref().map_or(Json::Null, layout_json);
                Ok(vec![
                    Value::Int(d.id),
                    Value::Int(d.version),
                    Value::int(d.superseded_by),
                    Value::Text(d.doc_key),
                    Value::Text(d.content_hash),
                    Value::text(d.title),
                    Value::text(d.published),
                    day,
                    Value::text(d.published_precision),
                    Value::Json(json!(d.authors)),
                    Value::text(d.outlet),
                    Value::text(d.dateline_place),
                    Value::text(d.language),
                    Value::text(d.url),
                    Value::text(d.external_id),
                    Value::text(d.source_path),
                    Value::Text(d.format),
                    Value::Int(d.position),
                    Value::Text(d.ingested_at),
                    Value::Int(d.sentence_count),
                    Value::text(d.text),
                    Value::Json(layout),
                ])
            },
        ),
    }
}

/// The columns of `plover`: PLOVER's field names (as in the PLOVER
/// gold-standard records), then `cameo`, `modality`, `goldstein`, `url`
/// and `docId`, which PLOVER lacks.
pub const PLOVER_COLUMNS: &[Column] = &[
    Column::new("id", ColumnType::Text),
    Column::new("date", ColumnType::Text),
    Column::new("source", ColumnType::Json),
    Column::new("target", ColumnType::Json),
    Column::new("event", ColumnType::Text),
    Column::new("eventText", ColumnType::Text),
    Column::new("mode", ColumnType::Text),
    Column::new("context", ColumnType::Text),
    Column::new("eventLoc", ColumnType::Json),
    Column::new("text", ColumnType::Text),
    Column::new("language", ColumnType::Text),
    Column::new("publication", ColumnType::Text),
    Column::new("coder", ColumnType::Text),
    Column::new("version", ColumnType::Text),
    Column::new("dateCoded", ColumnType::Text),
    Column::new("cameo", ColumnType::Text),
    Column::new("modality", ColumnType::Text),
    Column::new("goldstein", ColumnType::Float),
    Column::new("url", ColumnType::Text),
    Column::new("docId", ColumnType::Int),
];

/// PLOVER actors of one side: `[{actorText, code, sector, country, actorId}]`
/// (every member of a compound), empty when the side is unknown.
fn plover_actors(event: &Json, side: &str) -> Json {
    let members: Vec<&Map<String, Json>> = match event.get(side) {
        Some(Json::Object(m)) => vec![m],
        Some(Json::Array(v)) => v.iter().filter_map(Json::as_object).collect(),
        _ => Vec::new(),
    };
    Json::Array(
        members
            .into_iter()
            .map(|m| {
                json!({
                    "actorText": m.get("text"),
                    "code": m.get("code"),
                    "sector": m.get("sector"),
                    "country": m.get("country"),
                    "actorId": m.get("actor_id"),
                })
            })
            .collect(),
    )
}

/// One PLOVER-style record per mention that passes `filter`.
///
/// Field mapping: `id` is `dyads-` and the mention id; `date` the event
/// date (ISO, to its precision); `source`/`target` lists of
/// `{actorText, code, sector, country, actorId}`; `event`, `mode`,
/// `context` the PLOVER type, mode and context (null for CAMEO 01
/// statements, which PLOVER lacks); `eventText` the evidence words;
/// `eventLoc` `{name, country, lat, lon}` (ISO alpha-3 country, where the
/// PLOVER records use `country code`); `text` the sentence; `publication`
/// the outlet; `coder` and `version` name dyads; `dateCoded` the day the
/// article was stored.
pub fn plover<'a>(store: &'a Store, filter: &EventFilter, coder: (String, String)) -> Table<'a> {
    let filter = filter.clone();
    Table {
        name: "plover".into(),
        columns: PLOVER_COLUMNS.to_vec(),
        rows: paged(
            0i64,
            move |after| Ok(store.mention_page(&filter, true, *after, PAGE)?),
            |m: &MentionRow| m.event.id,
            move |m| {
                let e = &m.event.row;
                let event: Json = serde_json::from_str(&e.json).unwrap_or(Json::Null);
                let loc = event
                    .get("location")
                    .and_then(Json::as_object)
                    .map_or(Json::Null, |l| {
                        json!({
                            "name": l.get("text"),
                            "country": l.get("country"),
                            "lat": l.get("lat"),
                            "lon": l.get("lon"),
                        })
                    });
                Ok(vec![
                    Value::Text(format!("dyads-{}", m.event.id)),
                    Value::text(e.date.clone()),
                    Value::Json(plover_actors(&event, "source")),
                    Value::Json(plover_actors(&event, "target")),
                    Value::text(e.plover.clone()),
                    Value::text(m.evidence_text.clone()),
                    Value::text(e.mode.clone()),
                    Value::text(e.context.clone()),
                    Value::Json(loc),
                    Value::text(m.sentence_text.clone()),
                    Value::text(m.doc_language.clone()),
                    Value::text(m.doc_outlet.clone()),
                    Value::Text(coder.0.clone()),
                    Value::Text(coder.1.clone()),
                    Value::text(m.doc_ingested_at.get(0..10)),
                    Value::Text(e.cameo.clone()),
                    Value::Text(e.modality.clone()),
                    Value::float(e.goldstein),
                    Value::text(m.doc_url.clone()),
                    Value::Int(m.event.doc_id),
                ])
            },
        ),
    }
}
