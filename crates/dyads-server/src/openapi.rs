//! The API's description: one table of endpoints ([`ENDPOINTS`]) that the
//! handlers validate their query parameters against and that
//! [`document`] turns into the OpenAPI 3 document served at
//! `/openapi.json`. A test checks the table against the router's routes.

use serde_json::{json, Map, Value};

/// What a query parameter holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Any text.
    Text,
    /// An integer.
    Int,
    /// `true`/`false` (or `1`/`0`).
    Bool,
    /// An ISO date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// One of these words.
    OneOf(&'static [&'static str]),
}

/// One query parameter.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    /// Its name.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether it must be given.
    pub required: bool,
    /// What it does.
    pub doc: &'static str,
}

/// One route of the API.
#[derive(Clone, Copy, Debug)]
pub struct Endpoint {
    /// `get` or `post`.
    pub method: &'static str,
    /// Path, with `{id}` for path parameters (axum and OpenAPI agree).
    pub path: &'static str,
    /// One line about it.
    pub summary: &'static str,
    /// Its query parameters.
    pub params: &'static [Param],
    /// Its response schema: a component name, or `Page:Name` for a page of them.
    pub response: &'static str,
}

const fn p(name: &'static str, kind: Kind, doc: &'static str) -> Param {
    Param {
        name,
        kind,
        required: false,
        doc,
    }
}

const fn req(name: &'static str, kind: Kind, doc: &'static str) -> Param {
    Param {
        name,
        kind,
        required: true,
        doc,
    }
}

const LIMIT: Param = p("limit", Kind::Int, "Page size, 1 to 500 (default 50).");
const OFFSET: Param = p("offset", Kind::Int, "Items to skip (default 0).");
const SINCE: Param = p("since", Kind::Date, "On or after this date.");
const UNTIL: Param = p(
    "until",
    Kind::Date,
    "On or before this date (a month or year covers all of it).",
);
const FACTS: Param = p(
    "facts",
    Kind::Bool,
    "Only asserted (and historical) records: no future, hypothetical, negated or claimed ones.",
);
const OUTLET: Param = p("outlet", Kind::Text, "Only this outlet (exact).");
const PLOVER: Param = p("plover", Kind::Text, "Only this PLOVER type (`CONSULT`).");
const CAMEO: Param = p(
    "cameo",
    Kind::Text,
    "Only CAMEO codes starting with these digits (`04`, `112`).",
);
const MODALITY: Param = p(
    "modality",
    Kind::OneOf(&[
        "asserted",
        "future",
        "hypothetical",
        "negated",
        "claimed",
        "historical",
    ]),
    "Only this modality.",
);
const COUNTRY: Param = p(
    "country",
    Kind::Text,
    "Only with this ISO alpha-3 country as source or target.",
);

/// Every route of the API, the UI's excepted.
pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: "get",
        path: "/api/stats",
        summary: "What the store holds.",
        params: &[],
        response: "Stats",
    },
    Endpoint {
        method: "get",
        path: "/api/documents",
        summary: "Documents, newest first.",
        params: &[
            OUTLET,
            SINCE,
            UNTIL,
            p("q", Kind::Text, "Only documents containing all these words."),
            p("all_versions", Kind::Bool, "Include superseded versions."),
            LIMIT,
            OFFSET,
        ],
        response: "Page:DocSummary",
    },
    Endpoint {
        method: "get",
        path: "/api/documents/{id}",
        summary: "One document: text, sentences, actors and events with their byte spans.",
        params: &[],
        response: "DocumentView",
    },
    Endpoint {
        method: "get",
        path: "/api/search",
        summary: "Full-text search over documents (titles weigh more), best first, with snippets.",
        params: &[
            req(
                "q",
                Kind::Text,
                "Words, all required; `word*` matches a prefix.",
            ),
            LIMIT,
            OFFSET,
        ],
        response: "Page:SearchHit",
    },
    Endpoint {
        method: "get",
        path: "/api/events",
        summary: "Event mentions (one per coded sentence event), newest first.",
        params: &[
            p("doc", Kind::Int, "Only this document."),
            p(
                "actor",
                Kind::Text,
                "Only with this actor id as a source or target member.",
            ),
            COUNTRY,
            p(
                "sector",
                Kind::Text,
                "Only with a source or target member of this sector (`GOV`, `MIL`).",
            ),
            PLOVER,
            CAMEO,
            MODALITY,
            SINCE,
            UNTIL,
            OUTLET,
            LIMIT,
            OFFSET,
        ],
        response: "Page:EventView",
    },
    Endpoint {
        method: "get",
        path: "/api/records",
        summary: "Event records (mentions of one event merged across sources), newest first.",
        params: &[
            p(
                "actor",
                Kind::Text,
                "Only with this side: a country, a display name or an actor id.",
            ),
            COUNTRY,
            PLOVER,
            CAMEO,
            MODALITY,
            SINCE,
            UNTIL,
            FACTS,
            p("outlet", Kind::Text, "Only records this outlet reports."),
            LIMIT,
            OFFSET,
        ],
        response: "Page:Record",
    },
    Endpoint {
        method: "get",
        path: "/api/records/{id}",
        summary: "One record: each source's sentence with spans to highlight, merge reasons, contradictions.",
        params: &[],
        response: "RecordView",
    },
    Endpoint {
        method: "get",
        path: "/api/stories",
        summary: "Stories (records and documents about one happening), newest first.",
        params: &[
            p("actor", Kind::Text, "Only stories with this participant."),
            SINCE,
            UNTIL,
            LIMIT,
            OFFSET,
        ],
        response: "Page:StorySummary",
    },
    Endpoint {
        method: "get",
        path: "/api/stories/{id}",
        summary: "One story: timeline of records, participants, documents.",
        params: &[],
        response: "StoryView",
    },
    Endpoint {
        method: "get",
        path: "/api/actors",
        summary: "Actors, most documents first.",
        params: &[
            p(
                "q",
                Kind::Text,
                "Only actors whose id or name contains this (case-insensitive).",
            ),
            p(
                "kind",
                Kind::OneOf(&["person", "organization", "state", "place"]),
                "Only this kind.",
            ),
            COUNTRY,
            LIMIT,
            OFFSET,
        ],
        response: "Page:ActorSummary",
    },
    Endpoint {
        method: "get",
        path: "/api/actors/{id}",
        summary: "One actor: names, roles over time, timeline of records, counterparts.",
        params: &[],
        response: "ActorDetail",
    },
    Endpoint {
        method: "get",
        path: "/api/dyad",
        summary: "Records between two participants (either direction) per period and type.",
        params: &[
            req("a", Kind::Text, "One side: a country or a name."),
            req("b", Kind::Text, "The other side."),
            p(
                "by",
                Kind::OneOf(&["day", "week", "month"]),
                "Period (default month; weeks are named by their Monday).",
            ),
            p(
                "all",
                Kind::Bool,
                "Count every record, not only asserted (and historical) ones.",
            ),
        ],
        response: "DyadSeries",
    },
    Endpoint {
        method: "get",
        path: "/api/dyads/top",
        summary: "The most active dyads (either direction).",
        params: &[
            p("limit", Kind::Int, "How many, 1 to 500 (default 10)."),
            FACTS,
            SINCE,
            UNTIL,
        ],
        response: "TopDyads",
    },
    Endpoint {
        method: "get",
        path: "/api/network",
        summary: "The actor network: directed edges weighted by cooperative and conflictual records.",
        params: &[
            FACTS,
            SINCE,
            UNTIL,
            p("actor", Kind::Text, "Only edges touching this participant."),
            p(
                "min_records",
                Kind::Int,
                "Only edges with at least this many records (default 1).",
            ),
        ],
        response: "Network",
    },
    Endpoint {
        method: "get",
        path: "/api/contradictions",
        summary: "Where the sources of a record disagree, by record.",
        params: &[LIMIT, OFFSET],
        response: "Page:ContradictionItem",
    },
    Endpoint {
        method: "post",
        path: "/api/ingest",
        summary: "Stores (and codes) the articles of the request body, in any supported format. Needs `Authorization: Bearer TOKEN`.",
        params: &[
            p(
                "format",
                Kind::OneOf(&["text", "html", "jsonl", "feed", "warc"]),
                "The body's format (default: detected from `name` and the content).",
            ),
            p(
                "name",
                Kind::Text,
                "Name of the input (stored as its source path; default `upload`).",
            ),
            p(
                "code",
                Kind::Bool,
                "Code the articles and merge records (default: the server's setting).",
            ),
        ],
        response: "IngestReport",
    },
    Endpoint {
        method: "get",
        path: "/openapi.json",
        summary: "This document.",
        params: &[],
        response: "OpenApi",
    },
];

/// The endpoint at `path` with `method`.
pub fn endpoint(method: &str, path: &str) -> Option<&'static Endpoint> {
    ENDPOINTS
        .iter()
        .find(|e| e.method == method && e.path == path)
}

fn s() -> Value {
    json!({"type": "string"})
}
fn ns() -> Value {
    json!({"type": ["string", "null"]})
}
fn i() -> Value {
    json!({"type": "integer"})
}
fn ni() -> Value {
    json!({"type": ["integer", "null"]})
}
fn n() -> Value {
    json!({"type": "number"})
}
fn nn() -> Value {
    json!({"type": ["number", "null"]})
}
fn b() -> Value {
    json!({"type": "boolean"})
}
fn r(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}
fn arr(v: Value) -> Value {
    json!({"type": "array", "items": v})
}
fn obj(props: &[(&str, Value)]) -> Value {
    let mut m = Map::new();
    for (k, v) in props {
        m.insert((*k).to_string(), v.clone());
    }
    let required: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    json!({"type": "object", "properties": m, "required": required})
}
fn span() -> Value {
    r("Span")
}

fn schemas() -> Value {
    let record_fields = || -> Vec<(&'static str, Value)> {
        vec![
            ("id", i()),
            ("plover", ns()),
            ("cameo", s()),
            ("quad", ni()),
            ("goldstein", nn()),
            ("modality", s()),
            ("source", ns()),
            ("source_country", ns()),
            ("target", ns()),
            ("target_country", ns()),
            ("date", ns()),
            ("date_end", ns()),
            ("mentions", i()),
            ("documents", i()),
        ]
    };
    let actor_side = obj(&[
        ("actor_id", s()),
        ("canonical", s()),
        ("text", ns()),
        ("code", ns()),
        ("country", ns()),
        ("sector", ns()),
        ("role", ns()),
    ]);
    let summary_fields = || -> Vec<(&'static str, Value)> {
        vec![
            ("actor_id", s()),
            ("canonical", s()),
            ("kind", s()),
            ("country", ns()),
            ("sector", ns()),
            ("code", ns()),
            ("documents", i()),
            ("last_seen", ns()),
        ]
    };
    let mut record_view = record_fields();
    record_view.push((
        "mention_list",
        arr(obj(&[
            ("event_id", i()),
            ("doc_id", i()),
            ("outlet", ns()),
            ("title", ns()),
            ("published", ns()),
            ("date", ns()),
            ("date_end", ns()),
            ("cameo", s()),
            ("plover", ns()),
            ("modality", s()),
            ("sentence_idx", i()),
            ("sentence", s()),
            ("sentence_start", i()),
            ("evidence", span()),
            ("source", arr(r("ActorSide"))),
            ("target", arr(r("ActorSide"))),
            ("source_spans", arr(span())),
            ("target_spans", arr(span())),
            ("linked_to", ni()),
            ("reason", ns()),
        ])),
    ));
    record_view.push(("contradictions", arr(r("Contradiction"))));
    let mut actor_detail = summary_fields();
    actor_detail.extend([
        ("surface_forms", arr(s())),
        (
            "roles",
            arr(obj(&[
                ("role", s()),
                ("first", ns()),
                ("last", ns()),
                ("documents", i()),
            ])),
        ),
        ("events", i()),
        ("timeline", arr(r("Record"))),
        (
            "counterparts",
            arr(obj(&[
                ("actor_id", s()),
                ("canonical", s()),
                ("country", ns()),
                ("as_target", i()),
                ("as_source", i()),
                ("cooperation", i()),
                ("conflict", i()),
            ])),
        ),
    ]);
    let story_fields = || -> Vec<(&'static str, Value)> {
        vec![
            ("id", i()),
            ("title", ns()),
            ("start", ns()),
            ("end", ns()),
            ("participants", arr(s())),
            ("documents", arr(i())),
        ]
    };
    let mut story_summary = story_fields();
    story_summary.push(("records", i()));
    let mut story_view = story_fields();
    story_view.push(("timeline", arr(r("Record"))));
    story_view.push((
        "document_list",
        arr(obj(&[
            ("id", i()),
            ("title", ns()),
            ("outlet", ns()),
            ("published", ns()),
        ])),
    ));
    let mut contradiction_item = vec![
        ("record_id", i()),
        ("field", s()),
        (
            "values",
            json!({"description": "Per source: {event_id, doc_id, outlet, value, words}"}),
        ),
    ];
    contradiction_item.push(("record", r("Record")));
    json!({
        "Error": obj(&[("error", s())]),
        "Span": {"type": "object", "description": "Byte offsets (UTF-8) into a text: [start, end).",
                 "properties": {"start": i(), "end": i()}, "required": ["start", "end"]},
        "Stats": obj(&[("documents", i()), ("sentences", i()), ("events", i()), ("records", i()),
            ("actors", i()), ("contradictions", i()), ("first_date", ns()), ("last_date", ns())]),
        "DocSummary": obj(&[("id", i()), ("title", ns()), ("published", ns()), ("published_precision", ns()),
            ("authors", arr(s())), ("outlet", ns()), ("sentence_count", i()), ("version", i()),
            ("superseded_by", ni())]),
        "ActorSide": actor_side,
        "EventView": obj(&[("id", i()), ("doc_id", i()), ("sentence", i()), ("evidence", span()),
            ("cameo", s()), ("plover", ns()), ("mode", ns()), ("context", ns()), ("quad", ni()),
            ("goldstein", nn()), ("modality", s()), ("reciprocal", b()), ("date", ns()), ("date_end", ns()),
            ("date_precision", ns()), ("source", arr(r("ActorSide"))), ("target", arr(r("ActorSide"))),
            ("location", json!({"description": "Where it happened, as coded (object or null)."})),
            ("rule", s()), ("record_id", ni()), ("doc_title", ns()), ("doc_outlet", ns()),
            ("doc_published", ns()), ("sentence_text", ns()), ("evidence_text", ns())]),
        "DocumentView": obj(&[("id", i()), ("version", i()), ("superseded_by", ni()), ("title", ns()),
            ("published", ns()), ("published_precision", ns()), ("authors", arr(s())), ("outlet", ns()),
            ("dateline_place", ns()), ("language", ns()), ("url", ns()), ("format", s()), ("text", s()),
            ("paragraphs", arr(span())),
            ("sentences", arr(obj(&[("idx", i()), ("start", i()), ("end", i())]))),
            ("actors", arr(obj(&[("idx", i()), ("actor_id", s()), ("canonical", s()), ("kind", s()),
                ("country", ns()), ("sector", ns()), ("role", ns()), ("code", ns()), ("source", s()),
                ("surface_forms", arr(s())), ("mentions", arr(span()))]))),
            ("events", arr(r("EventView")))]),
        "SearchHit": obj(&[("doc_id", i()), ("title", ns()), ("outlet", ns()), ("published", ns()),
            ("rank", n()), ("snippet", arr(obj(&[("text", s()), ("hit", b())])))]),
        "Record": obj(&record_fields()),
        "Contradiction": obj(&contradiction_item[..3]),
        "ContradictionItem": obj(&contradiction_item),
        "RecordView": obj(&record_view),
        "StorySummary": obj(&story_summary),
        "StoryView": obj(&story_view),
        "ActorSummary": obj(&summary_fields()),
        "ActorDetail": obj(&actor_detail),
        "DyadSeries": obj(&[("a", s()), ("b", s()), ("by", s()), ("facts_only", b()),
            ("total", i()),
            ("rows", arr(obj(&[("period", s()), ("plover", s()), ("quad", ni()), ("count", i()),
                ("goldstein_sum", n()), ("goldstein_mean", n())])))]),
        "DyadSummary": obj(&[("a", s()), ("b", s()), ("records", i()), ("cooperation", i()),
            ("conflict", i()), ("goldstein_sum", n()), ("first", ns()), ("last", ns())]),
        "TopDyads": obj(&[("items", arr(r("DyadSummary")))]),
        "Network": obj(&[
            ("nodes", arr(obj(&[("id", s()), ("records", i()), ("cooperation", i()), ("conflict", i())]))),
            ("edges", arr(obj(&[("source", s()), ("target", s()), ("cooperation", i()), ("conflict", i()),
                ("goldstein_sum", n())])))]),
        "IngestReport": obj(&[("articles", i()), ("new", i()), ("versions", i()), ("unchanged", i()),
            ("failed", i()), ("coded", i()), ("events", i()), ("ids", arr(i())), ("errors", arr(s())),
            ("merged", json!({"type": ["object", "null"], "properties": {"blocks": i(), "mentions": i(),
                "records": i(), "contradictions": i()}}))]),
        "OpenApi": {"type": "object", "description": "An OpenAPI 3.1 document."},
    })
}

fn param_schema(k: Kind) -> Value {
    match k {
        Kind::Text => s(),
        Kind::Int => i(),
        Kind::Bool => b(),
        Kind::Date => json!({"type": "string", "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?$"}),
        Kind::OneOf(words) => json!({"type": "string", "enum": words}),
    }
}

fn response(name: &str) -> Value {
    let schema = match name.strip_prefix("Page:") {
        Some(item) => obj(&[
            ("items", arr(r(item))),
            ("total", i()),
            ("limit", i()),
            ("offset", i()),
        ]),
        None => r(name),
    };
    json!({"description": "OK", "content": {"application/json": {"schema": schema}}})
}

/// The OpenAPI 3.1 document of [`ENDPOINTS`].
pub fn document() -> Value {
    let mut paths = Map::new();
    let err = |d: &str| json!({"description": d, "content": {"application/json": {"schema": r("Error")}}});
    for e in ENDPOINTS {
        let mut params: Vec<Value> = Vec::new();
        for seg in e.path.split('/') {
            if let Some(name) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                params.push(json!({"name": name, "in": "path", "required": true,
                    "schema": if e.path.starts_with("/api/actors") { s() } else { i() }}));
            }
        }
        for q in e.params {
            params.push(
                json!({"name": q.name, "in": "query", "required": q.required,
                "description": q.doc, "schema": param_schema(q.kind)}),
            );
        }
        let mut responses = Map::new();
        responses.insert("200".into(), response(e.response));
        responses.insert("400".into(), err("Bad parameters"));
        if e.path.contains('{') {
            responses.insert("404".into(), err("No such id"));
        }
        responses.insert("429".into(), err("Too many requests"));
        let mut op = json!({"summary": e.summary, "operationId": operation_id(e),
            "parameters": params, "responses": responses});
        if e.method == "post" {
            op["requestBody"] = json!({"required": true, "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}});
            op["security"] = json!([{"bearer": []}]);
            for (code, d) in [
                ("401", "Missing or wrong token"),
                ("403", "Read-only server"),
                ("413", "Body too large"),
            ] {
                op["responses"][code] = err(d);
            }
        }
        let entry = paths.entry(e.path.to_string()).or_insert_with(|| json!({}));
        entry[e.method] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "dyads", "version": env!("CARGO_PKG_VERSION"),
            "description": "Political event data: documents, event mentions and records, stories, actors, dyads. Lists are pages: {items, total, limit, offset}. Errors are {error}. Spans are UTF-8 byte offsets."},
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    })
}

fn operation_id(e: &Endpoint) -> String {
    let mut id = String::from(e.method);
    for seg in e.path.split('/').filter(|s| !s.is_empty() && *s != "api") {
        let seg = seg.trim_matches(|c| c == '{' || c == '}');
        let mut cs = seg.chars().filter(|c| c.is_alphanumeric());
        if let Some(f) = cs.next() {
            id.push(f.to_ascii_uppercase());
            id.extend(cs);
        }
    }
    id
}
