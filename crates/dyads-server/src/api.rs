//! The router and the handlers.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use rust_embed::Embed;
use serde::Serialize;
use serde_json::Value;

use dyads_store::{
    ActorFilter, DocFilter, DocSummary, ErrorKind, MentionFilter, NetworkFilter, Period, Record,
    RecordQuery, Store, Story,
};
use dyads_text::Limits;

use crate::openapi::{self, Kind};
use crate::{ingest, security, AppState, Config, Shared};

/// An error answered as `{"error": message}` with its status.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response()
    }
}

impl From<dyads_store::Error> for ApiError {
    fn from(e: dyads_store::Error) -> ApiError {
        match e.kind {
            ErrorKind::NotFound(id) => ApiError::not_found(format!("no document with id {id}")),
            ErrorKind::NoRecord(id) => ApiError::not_found(format!("no record with id {id}")),
            ErrorKind::NoStory(id) => ApiError::not_found(format!("no story with id {id}")),
            ErrorKind::NoEvent(id) => ApiError::not_found(format!("no event with id {id}")),
            _ => {
                eprintln!("dyads serve: {e}");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
            }
        }
    }
}

impl From<crate::Error> for ApiError {
    fn from(e: crate::Error) -> ApiError {
        match e {
            crate::Error::Store(e) => e.into(),
            other => {
                eprintln!("dyads serve: {other}");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
            }
        }
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// A page of a list.
#[derive(Serialize)]
struct Page<T> {
    items: Vec<T>,
    total: i64,
    limit: usize,
    offset: usize,
}

/// The query parameters of a request, checked against the endpoint's table.
struct Params {
    map: HashMap<String, String>,
}

/// Largest page.
const MAX_LIMIT: usize = 500;
/// Page size when none is asked for.
const DEFAULT_LIMIT: usize = 50;

impl Params {
    fn parse(uri: &Uri, method: &str, path: &str) -> Result<Params, ApiError> {
        let allowed = openapi::endpoint(method, path)
            .map(|e| e.params)
            .unwrap_or(&[]);
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map_err(|e| ApiError::bad(format!("bad query string: {e}")))?;
        let mut map = HashMap::new();
        for (k, v) in pairs {
            let Some(spec) = allowed.iter().find(|p| p.name == k) else {
                let names: Vec<&str> = allowed.iter().map(|p| p.name).collect();
                return Err(ApiError::bad(format!(
                    "unknown parameter `{k}` (this endpoint takes: {})",
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                )));
            };
            if map.contains_key(&k) {
                return Err(ApiError::bad(format!("parameter `{k}` given twice")));
            }
            let v = v.trim().to_string();
            check(spec.name, spec.kind, &v)?;
            map.insert(k, v);
        }
        for spec in allowed.iter().filter(|p| p.required) {
            if map.get(spec.name).is_none_or(|v| v.is_empty()) {
                return Err(ApiError::bad(format!("missing parameter `{}`", spec.name)));
            }
        }
        Ok(Params { map })
    }

    /// A text value; empty counts as absent.
    fn text(&self, k: &str) -> Option<String> {
        self.map.get(k).filter(|v| !v.is_empty()).cloned()
    }

    fn int(&self, k: &str) -> Option<i64> {
        self.map.get(k).and_then(|v| v.parse().ok())
    }

    fn flag(&self, k: &str) -> bool {
        self.map
            .get(k)
            .is_some_and(|v| matches!(v.as_str(), "true" | "1" | ""))
    }

    fn page(&self) -> Result<(usize, usize), ApiError> {
        let limit = match self.int("limit") {
            None => DEFAULT_LIMIT,
            Some(l) if (1..=MAX_LIMIT as i64).contains(&l) => l as usize,
            Some(l) => {
                return Err(ApiError::bad(format!(
                    "limit {l} is out of range 1..={MAX_LIMIT}"
                )))
            }
        };
        let offset = match self.int("offset") {
            None => 0,
            Some(o) if o >= 0 => o as usize,
            Some(o) => return Err(ApiError::bad(format!("offset {o} is negative"))),
        };
        Ok((limit, offset))
    }
}

/// Checks one value against its kind.
fn check(name: &str, kind: Kind, v: &str) -> Result<(), ApiError> {
    let ok = match kind {
        Kind::Text => v.len() <= 1000,
        Kind::Int => v.parse::<i64>().is_ok(),
        Kind::Bool => matches!(v, "true" | "false" | "1" | "0" | ""),
        Kind::Date => is_date(v),
        Kind::OneOf(words) => words.contains(&v),
    };
    if ok {
        return Ok(());
    }
    let want = match kind {
        Kind::Text => "text of at most 1000 bytes".to_string(),
        Kind::Int => "an integer".to_string(),
        Kind::Bool => "true or false".to_string(),
        Kind::Date => "a date YYYY, YYYY-MM or YYYY-MM-DD".to_string(),
        Kind::OneOf(words) => format!("one of {}", words.join(", ")),
    };
    Err(ApiError::bad(format!(
        "parameter `{name}`: `{v}` is not {want}"
    )))
}

fn is_date(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

fn id_of(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .map_err(|_| ApiError::bad(format!("`{raw}` is not an id")))
}

/// Runs a read on a pooled connection, off the async threads.
async fn read<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> ApiResult<T> {
    let st = state.clone();
    tokio::task::spawn_blocking(move || st.pool.with(f))
        .await
        .map_err(|e| {
            eprintln!("dyads serve: a request failed: {e}");
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
        })?
        .map(Json)
}

/// Runs `f` for a page of a list (`f` gives the items and the total).
async fn read_page<T: Send + 'static>(
    state: &Shared,
    limit: usize,
    offset: usize,
    f: impl FnOnce(&Store) -> Result<(Vec<T>, i64), ApiError> + Send + 'static,
) -> ApiResult<Page<T>> {
    read(state, move |s| {
        let (items, total) = f(s)?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    })
    .await
}

/// Builds the application: the API, `/openapi.json`, the UI, and the
/// security layers, over the store of `config` (opened, and migrated when
/// needed, here).
pub fn router(config: Config) -> Result<Router, crate::Error> {
    let state: Shared = Arc::new(AppState::new(config)?);
    Ok(routes()
        .into_iter()
        .fold(Router::new(), |r, (_, path, handler)| {
            r.route(path, handler)
        })
        .route("/", get(index))
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::cors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::rate_limit,
        ))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state))
}

/// The API's routes: method, path and handler. The OpenAPI test compares
/// them with [`openapi::ENDPOINTS`].
pub(crate) fn routes() -> Vec<(&'static str, &'static str, MethodRouter<Shared>)> {
    vec![
        ("get", "/api/stats", get(stats)),
        ("get", "/api/documents", get(documents)),
        ("get", "/api/documents/{id}", get(document)),
        ("get", "/api/search", get(search)),
        ("get", "/api/events", get(events)),
        ("get", "/api/records", get(records)),
        ("get", "/api/records/{id}", get(record)),
        ("get", "/api/stories", get(stories)),
        ("get", "/api/stories/{id}", get(story)),
        ("get", "/api/actors", get(actors)),
        ("get", "/api/actors/{id}", get(actor)),
        ("get", "/api/dyad", get(dyad)),
        ("get", "/api/dyads/top", get(top_dyads)),
        ("get", "/api/network", get(network)),
        ("get", "/api/contradictions", get(contradictions)),
        ("post", "/api/ingest", post(ingest_handler)),
        ("get", "/openapi.json", get(openapi_json)),
    ]
}

/// The method and path of every API route (for the OpenAPI sync test).
pub fn route_list() -> Vec<(&'static str, &'static str)> {
    routes().into_iter().map(|(m, p, _)| (m, p)).collect()
}

async fn stats(State(st): State<Shared>, uri: Uri) -> ApiResult<dyads_store::StoreStats> {
    Params::parse(&uri, "get", "/api/stats")?;
    read(&st, |s| Ok(s.stats()?)).await
}

async fn documents(State(st): State<Shared>, uri: Uri) -> ApiResult<Page<DocSummary>> {
    let p = Params::parse(&uri, "get", "/api/documents")?;
    let (limit, offset) = p.page()?;
    let f = DocFilter {
        outlet: p.text("outlet"),
        since: p.text("since"),
        until: p.text("until"),
        q: p.text("q"),
        all_versions: p.flag("all_versions"),
    };
    read_page(&st, limit, offset, move |s| {
        Ok(s.document_list(&f, limit, offset)?)
    })
    .await
}

async fn document(
    State(st): State<Shared>,
    Path(id): Path<String>,
    uri: Uri,
) -> ApiResult<dyads_store::DocumentView> {
    Params::parse(&uri, "get", "/api/documents/{id}")?;
    let id = id_of(&id)?;
    read(&st, move |s| Ok(s.document_view(id)?)).await
}

async fn search(State(st): State<Shared>, uri: Uri) -> ApiResult<Page<dyads_store::SearchHit>> {
    let p = Params::parse(&uri, "get", "/api/search")?;
    let (limit, offset) = p.page()?;
    let q = p.text("q").unwrap_or_default();
    read_page(
        &st,
        limit,
        offset,
        move |s| Ok(s.search(&q, limit, offset)?),
    )
    .await
}

fn cameo_prefix(p: &Params) -> Result<Option<String>, ApiError> {
    let c = p.text("cameo");
    if let Some(c) = &c {
        if c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::bad(format!(
                "parameter `cameo`: `{c}` is not 1 to 4 digits"
            )));
        }
    }
    Ok(c)
}

async fn events(State(st): State<Shared>, uri: Uri) -> ApiResult<Page<dyads_store::EventView>> {
    let p = Params::parse(&uri, "get", "/api/events")?;
    let (limit, offset) = p.page()?;
    let f = MentionFilter {
        doc_id: p.int("doc"),
        actor: p.text("actor"),
        country: p.text("country"),
        sector: p.text("sector"),
        plover: p.text("plover"),
        cameo: cameo_prefix(&p)?,
        modality: p.text("modality"),
        since: p.text("since"),
        until: p.text("until"),
        outlet: p.text("outlet"),
        all_versions: false,
    };
    read_page(&st, limit, offset, move |s| {
        Ok(s.mention_list(&f, limit, offset)?)
    })
    .await
}

async fn records(State(st): State<Shared>, uri: Uri) -> ApiResult<Page<Record>> {
    let p = Params::parse(&uri, "get", "/api/records")?;
    let (limit, offset) = p.page()?;
    let q = RecordQuery {
        actor: p.text("actor"),
        country: p.text("country"),
        plover: p.text("plover"),
        cameo: cameo_prefix(&p)?,
        modality: p.text("modality"),
        since: p.text("since"),
        until: p.text("until"),
        facts_only: p.flag("facts"),
        outlet: p.text("outlet"),
    };
    read_page(&st, limit, offset, move |s| {
        Ok(s.record_list(&q, limit, offset)?)
    })
    .await
}

async fn record(
    State(st): State<Shared>,
    Path(id): Path<String>,
    uri: Uri,
) -> ApiResult<dyads_store::RecordView> {
    Params::parse(&uri, "get", "/api/records/{id}")?;
    let id = id_of(&id)?;
    read(&st, move |s| Ok(s.record_view(id)?)).await
}

#[derive(Serialize)]
struct StorySummary {
    id: i64,
    title: Option<String>,
    start: Option<String>,
    end: Option<String>,
    participants: Vec<String>,
    documents: Vec<i64>,
    records: usize,
}

/// Whether a story overlaps the dates (prefix compare for `until`).
fn story_in(s: &Story, since: Option<&str>, until: Option<&str>) -> bool {
    let end = s.end.as_deref().or(s.start.as_deref());
    let start = s.start.as_deref();
    if let Some(since) = since {
        if end.is_none_or(|e| e < since) {
            return false;
        }
    }
    if let Some(until) = until {
        if start.is_none_or(|d| d.get(..until.len()).unwrap_or(d) > until) {
            return false;
        }
    }
    true
}

async fn stories(State(st): State<Shared>, uri: Uri) -> ApiResult<Page<StorySummary>> {
    let p = Params::parse(&uri, "get", "/api/stories")?;
    let (limit, offset) = p.page()?;
    let actor = p.text("actor");
    let (since, until) = (p.text("since"), p.text("until"));
    read_page(&st, limit, offset, move |s| {
        let all: Vec<Story> = s
            .stories()?
            .into_iter()
            .filter(|s| actor.as_ref().is_none_or(|a| s.participants.contains(a)))
            .filter(|s| story_in(s, since.as_deref(), until.as_deref()))
            .collect();
        let total = all.len() as i64;
        let items = all
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|s| StorySummary {
                records: s.timeline.len(),
                id: s.id,
                title: s.title,
                start: s.start,
                end: s.end,
                participants: s.participants,
                documents: s.documents,
            })
            .collect();
        Ok((items, total))
    })
    .await
}

#[derive(Serialize)]
struct StoryDoc {
    id: i64,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

#[derive(Serialize)]
struct StoryView {
    #[serde(flatten)]
    story: Story,
    document_list: Vec<StoryDoc>,
}

async fn story(State(st): State<Shared>, Path(id): Path<String>, uri: Uri) -> ApiResult<StoryView> {
    Params::parse(&uri, "get", "/api/stories/{id}")?;
    let id = id_of(&id)?;
    read(&st, move |s| {
        let story = s.story(id)?;
        let mut document_list = Vec::with_capacity(story.documents.len());
        for d in &story.documents {
            let m = s.get(*d)?.doc.meta;
            document_list.push(StoryDoc {
                id: *d,
                title: m.title,
                outlet: m.outlet,
                published: m.published.map(|p| p.value),
            });
        }
        Ok(StoryView {
            story,
            document_list,
        })
    })
    .await
}

async fn actors(State(st): State<Shared>, uri: Uri) -> ApiResult<Page<dyads_store::ActorSummary>> {
    let p = Params::parse(&uri, "get", "/api/actors")?;
    let (limit, offset) = p.page()?;
    let f = ActorFilter {
        q: p.text("q"),
        kind: p.text("kind"),
        country: p.text("country"),
    };
    read_page(&st, limit, offset, move |s| {
        Ok(s.actor_list(&f, limit, offset)?)
    })
    .await
}

async fn actor(
    State(st): State<Shared>,
    Path(id): Path<String>,
    uri: Uri,
) -> ApiResult<dyads_store::ActorDetail> {
    Params::parse(&uri, "get", "/api/actors/{id}")?;
    read(&st, move |s| {
        s.actor_detail(&id)?
            .ok_or_else(|| ApiError::not_found(format!("no actor with id {id}")))
    })
    .await
}

#[derive(Serialize)]
struct DyadSeries {
    a: String,
    b: String,
    by: &'static str,
    facts_only: bool,
    total: i64,
    rows: Vec<dyads_store::SeriesRow>,
}

async fn dyad(State(st): State<Shared>, uri: Uri) -> ApiResult<DyadSeries> {
    let p = Params::parse(&uri, "get", "/api/dyad")?;
    let a = p.text("a").unwrap_or_default();
    let b = p.text("b").unwrap_or_default();
    let (by, period) = match p.text("by").as_deref() {
        Some("day") => ("day", Period::Day),
        Some("week") => ("week", Period::Week),
        _ => ("month", Period::Month),
    };
    let facts_only = !p.flag("all");
    read(&st, move |s| {
        let rows = s.dyad_series(&a, &b, period, facts_only)?;
        Ok(DyadSeries {
            total: rows.iter().map(|r| r.count).sum(),
            a,
            b,
            by,
            facts_only,
            rows,
        })
    })
    .await
}

#[derive(Serialize)]
struct TopDyads {
    items: Vec<dyads_store::DyadSummary>,
}

async fn top_dyads(State(st): State<Shared>, uri: Uri) -> ApiResult<TopDyads> {
    let p = Params::parse(&uri, "get", "/api/dyads/top")?;
    let limit = match p.int("limit") {
        None => 10,
        Some(l) if (1..=MAX_LIMIT as i64).contains(&l) => l as usize,
        Some(l) => {
            return Err(ApiError::bad(format!(
                "limit {l} is out of range 1..={MAX_LIMIT}"
            )))
        }
    };
    let facts = p.flag("facts");
    let (since, until) = (p.text("since"), p.text("until"));
    read(&st, move |s| {
        Ok(TopDyads {
            items: s.top_dyads(facts, since.as_deref(), until.as_deref(), limit)?,
        })
    })
    .await
}

#[derive(Serialize)]
struct Network {
    nodes: Vec<dyads_store::NetworkNode>,
    edges: Vec<dyads_store::Edge>,
}

async fn network(State(st): State<Shared>, uri: Uri) -> ApiResult<Network> {
    let p = Params::parse(&uri, "get", "/api/network")?;
    let f = NetworkFilter {
        facts_only: p.flag("facts"),
        since: p.text("since"),
        until: p.text("until"),
        actor: p.text("actor"),
        min_records: p.int("min_records").unwrap_or(1).max(1),
    };
    read(&st, move |s| {
        let (nodes, edges) = s.network_view(&f)?;
        Ok(Network { nodes, edges })
    })
    .await
}

#[derive(Serialize)]
struct ContradictionItem {
    #[serde(flatten)]
    contradiction: dyads_store::Contradiction,
    record: Record,
}

async fn contradictions(State(st): State<Shared>, uri: Uri) -> ApiResult<Page<ContradictionItem>> {
    let p = Params::parse(&uri, "get", "/api/contradictions")?;
    let (limit, offset) = p.page()?;
    read_page(&st, limit, offset, move |s| {
        let all = s.contradictions()?;
        let total = all.len() as i64;
        let mut items = Vec::new();
        for c in all.into_iter().skip(offset).take(limit) {
            let record = s.record(c.record_id)?.record;
            items.push(ContradictionItem {
                contradiction: c,
                record,
            });
        }
        Ok((items, total))
    })
    .await
}

async fn ingest_handler(
    State(st): State<Shared>,
    uri: Uri,
    req: Request,
) -> ApiResult<ingest::IngestReport> {
    // The token first: no body is read for a request that may not ingest.
    security::check_token(&st, req.headers())?;
    let p = Params::parse(&uri, "post", "/api/ingest")?;
    let limit = st.config.body_limit;
    let bytes = axum::body::to_bytes(req.into_body(), limit)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body over the limit of {limit} bytes"),
            )
        })?;
    if bytes.is_empty() {
        return Err(ApiError::bad("empty body: send the articles as the body"));
    }
    let format = p.text("format").and_then(|f| ingest::parse_format(&f));
    let name = p.text("name").unwrap_or_else(|| "upload".to_string());
    let code = p
        .map
        .get("code")
        .map(|v| matches!(v.as_str(), "true" | "1" | ""))
        .unwrap_or(st.config.code_ingested);
    let state = st.clone();
    tokio::task::spawn_blocking(move || {
        let Some(writer) = &state.writer else {
            return Err(ApiError::new(StatusCode::FORBIDDEN, "read-only server"));
        };
        let mut w = writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let w = &mut *w;
        let limits = Limits {
            max_input_bytes: limit,
            ..Limits::default()
        };
        let coding = if code { Some(&mut w.coding) } else { None };
        Ok(ingest::ingest_bytes(
            &mut w.store,
            &name,
            &bytes,
            format,
            &limits,
            coding,
        )?)
    })
    .await
    .map_err(|e| {
        eprintln!("dyads serve: ingest failed: {e}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    })?
    .map(Json)
}

async fn openapi_json(uri: Uri) -> ApiResult<Value> {
    Params::parse(&uri, "get", "/openapi.json")?;
    Ok(Json(openapi::document()))
}

/// The web UI's files (built by `ui/` into `assets/`).
#[derive(Embed)]
#[folder = "assets/"]
struct Assets;

/// Shown when the UI has not been built into `assets/`.
const NO_UI: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
    <title>dyads</title></head><body><h1>dyads</h1><p>The web UI is not built into this \
    binary; the JSON API is under <a href=\"/api/stats\">/api/</a> and described at \
    <a href=\"/openapi.json\">/openapi.json</a>.</p></body></html>";

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("");
    match ext {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn asset(path: &str) -> Option<Response> {
    let file = Assets::get(path)?;
    let mut res = Response::new(Body::from(file.data.into_owned()));
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Some(res)
}

fn index_page() -> Response {
    asset("index.html").unwrap_or_else(|| {
        ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], NO_UI).into_response()
    })
}

async fn index() -> Response {
    index_page()
}

/// Assets by path; other paths outside `/api/` get the UI's `index.html`
/// (its router reads the path), unknown API paths a JSON 404.
async fn fallback(method: Method, uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    if path == "api" || path.starts_with("api/") {
        return ApiError::not_found(format!("no API route {}", uri.path())).into_response();
    }
    if method != Method::GET && method != Method::HEAD {
        return ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed").into_response();
    }
    asset(path).unwrap_or_else(index_page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_kinds_are_checked() {
        assert!(is_date("2024") && is_date("2024-03") && is_date("2024-03-09"));
        assert!(!is_date("2024-3-9") && !is_date("20240309") && !is_date("x"));
        assert!(check("by", Kind::OneOf(&["day"]), "day").is_ok());
        assert!(check("by", Kind::OneOf(&["day"]), "year").is_err());
        assert!(check("limit", Kind::Int, "ten").is_err());
    }
}
