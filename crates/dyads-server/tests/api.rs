//! The API over TCP: a real server on 127.0.0.1:0 over a store filled by
//! ingesting the repository's `examples/`.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use dyads_server::client::{Client, Response};
use dyads_server::ingest::{ingest_bytes, Coding};
use dyads_server::openapi::{self, ENDPOINTS};
use dyads_server::{start, Config, Running};
use dyads_store::Store;
use dyads_text::Limits;

const TOKEN: &str = "test-token-0123456789";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The examples store, built once per test binary; returns its directory.
fn store_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyads-server-api");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("temp dir: {e}"));
        let db = dir.join("examples.db");
        let mut store = Store::open(&db).unwrap_or_else(|e| panic!("store: {e}"));
        let mut coding = Coding::default();
        let mut files: Vec<PathBuf> = std::fs::read_dir(examples())
            .unwrap_or_else(|e| panic!("examples: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let n = p.to_string_lossy();
                !n.ends_with(".md") && !n.ends_with(".py")
            })
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            ingest_bytes(
                &mut store,
                &f.display().to_string(),
                &bytes,
                None,
                &Limits::default(),
                Some(&mut coding),
            )
            .unwrap_or_else(|e| panic!("ingest {}: {e}", f.display()));
        }
        drop(store);
        dir
    })
}

/// A copy of the examples store (for tests that write).
fn store_copy(name: &str) -> PathBuf {
    let src = store_dir().join("examples.db");
    let dst = store_dir().join(format!("{name}.db"));
    std::fs::copy(&src, &dst).unwrap_or_else(|e| panic!("copy: {e}"));
    dst
}

fn server(db: PathBuf, f: impl FnOnce(&mut Config)) -> Running {
    let mut c = Config::new(db);
    c.bind = SocketAddr::from(([127, 0, 0, 1], 0));
    c.rate = 0.0;
    c.readers = 2;
    f(&mut c);
    start(c, 2).unwrap_or_else(|e| panic!("start: {e}"))
}

fn get(c: &mut Client, path: &str) -> Response {
    c.get(path).unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

fn ok(c: &mut Client, path: &str) -> Value {
    let r = get(c, path);
    assert_eq!(r.status, 200, "GET {path}: {}", r.text());
    assert_eq!(
        r.header("content-type"),
        Some("application/json"),
        "GET {path}"
    );
    r.json()
}

fn status(c: &mut Client, path: &str) -> u16 {
    let r = get(c, path);
    if r.status >= 400 && path.starts_with("/api/") {
        assert!(
            r.json()["error"].is_string(),
            "GET {path}: error body {}",
            r.text()
        );
    }
    r.status
}

fn client(s: &Running) -> Client {
    Client::connect(s.addr).unwrap_or_else(|e| panic!("connect: {e}"))
}

/// Percent-encodes everything but ASCII letters, digits and `-_.`.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn client_at(c: &Client) -> Client {
    Client::connect(c.addr()).unwrap_or_else(|e| panic!("connect: {e}"))
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items in {v}"))
}

#[test]
fn every_endpoint_answers_with_its_shape() {
    let s = server(store_dir().join("examples.db"), |_| {});
    let mut c = client(&s);
    let stats = ok(&mut c, "/api/stats");
    assert!(stats["documents"].as_i64().unwrap_or(0) >= 5, "{stats}");
    assert!(stats["records"].as_i64().unwrap_or(0) >= 1, "{stats}");

    let docs = ok(&mut c, "/api/documents?limit=500");
    let doc_id = items(&docs)[0]["id"].as_i64().unwrap_or(0);
    let title = items(&docs)
        .iter()
        .find_map(|d| d["title"].as_str())
        .unwrap_or("")
        .to_string();
    let records = ok(&mut c, "/api/records");
    let record_id = items(&records)[0]["id"].as_i64().unwrap_or(0);
    let stories = ok(&mut c, "/api/stories");
    let story_id = items(&stories)[0]["id"].as_i64().unwrap_or(0);
    let actors = ok(&mut c, "/api/actors?kind=person");
    let actor_id = items(&actors)[0]["actor_id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let top = ok(&mut c, "/api/dyads/top");
    let (a, b) = (
        top["items"][0]["a"].as_str().unwrap_or("").to_string(),
        top["items"][0]["b"].as_str().unwrap_or("").to_string(),
    );
    let word = title
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 4)
        .unwrap_or("the")
        .to_string();

    // Every GET route of the table answers 200 with JSON.
    for e in ENDPOINTS.iter().filter(|e| e.method == "get") {
        let mut path = e.path.replace(
            "{id}",
            &match e.path {
                p if p.starts_with("/api/documents") => doc_id.to_string(),
                p if p.starts_with("/api/records") => record_id.to_string(),
                p if p.starts_with("/api/stories") => story_id.to_string(),
                _ => enc(&actor_id),
            },
        );
        let required: Vec<String> = e
            .params
            .iter()
            .filter(|p| p.required)
            .map(|p| match p.name {
                "q" => format!("q={word}"),
                "a" => format!("a={}", enc(&a)),
                "b" => format!("b={}", enc(&b)),
                other => panic!("no value for {other}"),
            })
            .collect();
        if !required.is_empty() {
            path = format!("{path}?{}", required.join("&"));
        }
        let v = ok(&mut c, &path);
        if e.response.starts_with("Page:") {
            for k in ["items", "total", "limit", "offset"] {
                assert!(!v[k].is_null(), "{path}: no {k}");
            }
        }
    }

    // Documents: text, sentences, actor and event spans inside the text.
    let d = ok(&mut c, &format!("/api/documents/{doc_id}"));
    let text = d["text"].as_str().unwrap_or("");
    let len = text.len() as u64;
    assert!(!d["sentences"].as_array().is_none_or(Vec::is_empty));
    for a in d["actors"].as_array().into_iter().flatten() {
        for m in a["mentions"].as_array().into_iter().flatten() {
            let (s0, e0) = (
                m["start"].as_u64().unwrap_or(0),
                m["end"].as_u64().unwrap_or(0),
            );
            assert!(s0 < e0 && e0 <= len, "{m}");
        }
    }
    // Record view: evidence spans inside each sentence.
    let r = ok(&mut c, &format!("/api/records/{record_id}"));
    let ml = r["mention_list"].as_array().cloned().unwrap_or_default();
    assert!(!ml.is_empty());
    for m in &ml {
        let sentence = m["sentence"].as_str().unwrap_or("");
        let e = &m["evidence"];
        let end = e["end"].as_u64().unwrap_or(0) as usize;
        assert!(
            end <= sentence.len() && end > e["start"].as_u64().unwrap_or(0) as usize,
            "{m}"
        );
    }
    // Story view and actor detail.
    let st = ok(&mut c, &format!("/api/stories/{story_id}"));
    assert!(!st["timeline"].as_array().is_none_or(Vec::is_empty));
    assert_eq!(
        st["document_list"].as_array().map(Vec::len),
        st["documents"].as_array().map(Vec::len)
    );
    let ad = ok(&mut c, &format!("/api/actors/{}", enc(&actor_id)));
    assert_eq!(ad["actor_id"], actor_id.as_str());
    assert!(ad["counterparts"].is_array() && ad["roles"].is_array());
    // Dyad series totals agree with the rows.
    let ds = ok(
        &mut c,
        &format!("/api/dyad?a={}&b={}&by=week&all=true", enc(&a), enc(&b)),
    );
    let sum: i64 = ds["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["count"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(ds["total"].as_i64(), Some(sum));
    assert!(sum >= 1);
    s.stop();
}

#[test]
fn pagination_and_filters() {
    let s = server(store_dir().join("examples.db"), |_| {});
    let mut c = client(&s);
    for list in [
        "/api/documents",
        "/api/events",
        "/api/records",
        "/api/actors",
    ] {
        let two = ok(&mut c, &format!("{list}?limit=2"));
        let second = ok(&mut c, &format!("{list}?limit=1&offset=1"));
        assert_eq!(items(&two).len(), 2, "{list}");
        assert_eq!(items(&two)[1], items(&second)[0], "{list}");
        assert_eq!(two["total"], second["total"], "{list}");
        assert_eq!(
            (second["limit"].as_i64(), second["offset"].as_i64()),
            (Some(1), Some(1))
        );
        let all = ok(&mut c, &format!("{list}?limit=500"));
        assert_eq!(
            items(&all).len() as i64,
            all["total"].as_i64().unwrap_or(-1),
            "{list}"
        );
        let past = ok(&mut c, &format!("{list}?offset=100000"));
        assert!(items(&past).is_empty());
    }
    // Events by actor: every item has it on a side.
    let some = ok(&mut c, "/api/events?limit=500");
    let actor = items(&some)
        .iter()
        .find_map(|e| e["source"][0]["actor_id"].as_str())
        .unwrap_or("")
        .to_string();
    let by_actor = ok(
        &mut c,
        &format!("/api/events?actor={}&limit=500", enc(&actor)),
    );
    assert!(!items(&by_actor).is_empty());
    for e in items(&by_actor) {
        let sides: Vec<&str> = ["source", "target"]
            .iter()
            .flat_map(|s| e[*s].as_array().into_iter().flatten())
            .filter_map(|m| m["actor_id"].as_str())
            .collect();
        assert!(sides.contains(&actor.as_str()), "{e}");
    }
    // CAMEO prefix and modality.
    let cameo = items(&some)[0]["cameo"].as_str().unwrap_or("").to_string();
    let pre = &cameo[..2];
    let by_cameo = ok(&mut c, &format!("/api/events?cameo={pre}&limit=500"));
    assert!(items(&by_cameo)
        .iter()
        .all(|e| e["cameo"].as_str().is_some_and(|c| c.starts_with(pre))));
    assert!(!items(&by_cameo).is_empty());
    let facts = ok(&mut c, "/api/records?facts=true&limit=500");
    assert!(items(&facts)
        .iter()
        .all(|r| matches!(r["modality"].as_str(), Some("asserted" | "historical"))));
    // Outlet filter on documents.
    let docs = ok(&mut c, "/api/documents?limit=500");
    let outlet = items(&docs)
        .iter()
        .find_map(|d| d["outlet"].as_str())
        .unwrap_or("")
        .to_string();
    let by_outlet = ok(&mut c, &format!("/api/documents?outlet={}", enc(&outlet)));
    assert!(!items(&by_outlet).is_empty());
    assert!(items(&by_outlet)
        .iter()
        .all(|d| d["outlet"] == outlet.as_str()));
    // Dates: a year far in the future matches nothing.
    assert_eq!(ok(&mut c, "/api/records?since=2999")["total"], 0);
    assert_eq!(ok(&mut c, "/api/events?until=1900")["total"], 0);
    // Search: snippets mark the word; the full-text filter on documents agrees.
    let title = items(&docs)
        .iter()
        .find_map(|d| d["title"].as_str())
        .unwrap_or("");
    let word = title
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 4)
        .unwrap_or("the")
        .to_lowercase();
    let hits = ok(&mut c, &format!("/api/search?q={word}"));
    assert!(hits["total"].as_i64().unwrap_or(0) >= 1, "{word}");
    let marked: Vec<String> = items(&hits)[0]["snippet"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["hit"] == true)
        .filter_map(|p| p["text"].as_str().map(str::to_lowercase))
        .collect();
    assert!(marked.iter().any(|m| m.contains(&word)), "{marked:?}");
    assert_eq!(
        ok(&mut c, &format!("/api/documents?q={word}"))["total"],
        hits["total"]
    );
    assert_eq!(ok(&mut c, "/api/search?q=zzzqqqxxyy")["total"], 0);
    // Network filtered to one participant only has its edges.
    let top = ok(&mut c, "/api/dyads/top?limit=1");
    let a = top["items"][0]["a"].as_str().unwrap_or("").to_string();
    let net = ok(&mut c, &format!("/api/network?actor={}", enc(&a)));
    let edges = net["edges"].as_array().cloned().unwrap_or_default();
    assert!(!edges.is_empty());
    assert!(edges
        .iter()
        .all(|e| e["source"] == a.as_str() || e["target"] == a.as_str()));
    s.stop();
}

#[test]
fn bad_requests_and_unknown_ids() {
    let s = server(store_dir().join("examples.db"), |_| {});
    let mut c = client(&s);
    for path in [
        "/api/documents/99999999",
        "/api/records/99999999",
        "/api/stories/99999999",
        "/api/actors/nobody-at-all",
        "/api/nothing-here",
    ] {
        assert_eq!(status(&mut c, path), 404, "{path}");
    }
    for path in [
        "/api/documents?limit=0",
        "/api/documents?limit=501",
        "/api/documents?offset=-1",
        "/api/documents?colour=red",
        "/api/documents?since=last-week",
        "/api/documents?limit=1&limit=2",
        "/api/documents/abc",
        "/api/search",
        "/api/dyad?a=RUS",
        "/api/dyad?a=RUS&b=PRK&by=year",
        "/api/events?cameo=04x",
        "/api/events?modality=sure",
        "/api/records?facts=maybe",
    ] {
        assert_eq!(status(&mut c, path), 400, "{path}");
    }
    s.stop();
}

#[test]
fn headers_ui_and_openapi() {
    let s = server(store_dir().join("examples.db"), |_| {});
    let mut c = client(&s);
    for path in [
        "/",
        "/api/stats",
        "/api/nothing",
        "/story/12",
        "/openapi.json",
    ] {
        let r = get(&mut c, path);
        assert_eq!(
            r.header("content-security-policy"),
            Some(dyads_server_csp()),
            "{path}"
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
        assert!(r.header("access-control-allow-origin").is_none());
    }
    // The UI's routes fall back to index.html.
    let index = get(&mut c, "/");
    let deep = get(&mut c, "/stories/3/records");
    assert_eq!(index.status, 200);
    assert!(index
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html")));
    assert_eq!(index.body, deep.body);
    // The served document is the table's, and the table is the router's.
    let doc = ok(&mut c, "/openapi.json");
    assert_eq!(doc, openapi::document());
    let served: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .into_iter()
        .flatten()
        .flat_map(|(p, ops)| {
            ops.as_object()
                .into_iter()
                .flatten()
                .map(move |(m, _)| (m.clone(), p.clone()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> = dyads_server::route_list()
        .into_iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(served, routed, "router and OpenAPI document differ");
    // Every $ref points at a schema that exists.
    let text = doc.to_string();
    for part in text.split("#/components/schemas/").skip(1) {
        let name: String = part.chars().take_while(|c| c.is_alphanumeric()).collect();
        assert!(
            !doc["components"]["schemas"][&name].is_null(),
            "missing schema {name}"
        );
    }
    s.stop();
}

fn dyads_server_csp() -> &'static str {
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
     object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
}

/// Two short articles in our own words about the March 2023 Tokyo summit.
const ARTICLES: &str = concat!(
    r#"{"title": "Kishida and Yoon meet in Tokyo", "published": "2023-03-16", "outlet": "Test Wire", "text": "TOKYO - Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday. The two leaders agreed to restart regular visits between their governments."}"#,
    "\n",
    r#"{"title": "Seoul and Tokyo mend ties", "published": "2023-03-17", "outlet": "Test Wire", "text": "South Korea and Japan pledged on Thursday to deepen security cooperation after a summit in Tokyo."}"#,
    "\n"
);

#[test]
fn ingest_needs_the_token_and_feeds_search() {
    let db = store_copy("ingest");
    let s = server(db.clone(), |c| {
        c.token = Some(TOKEN.to_string());
        c.body_limit = 4096;
    });
    let mut c = client(&s);
    // A fresh connection per post: the server may close one whose body it
    // did not read.
    let post = |c: &mut Client, path: &str, auth: Option<&str>, body: &[u8]| {
        let h = auth.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &str)> = h.iter().map(|v| ("Authorization", v.as_str())).collect();
        *c = client_at(c);
        c.request("POST", path, &headers, body)
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    };
    let url = "/api/ingest?format=jsonl&name=summit.jsonl";
    assert_eq!(post(&mut c, url, None, ARTICLES.as_bytes()).status, 401);
    assert_eq!(
        post(&mut c, url, Some("wrong-token-xyz"), ARTICLES.as_bytes()).status,
        401
    );
    let big = vec![b'a'; 8000];
    let r = post(&mut c, url, Some(TOKEN), &big);
    assert_eq!(r.status, 413, "{}", r.text());
    let before = ok(&mut c, "/api/stats")["documents"].as_i64().unwrap_or(0);
    let found = ok(&mut c, "/api/search?q=Kishida")["total"]
        .as_i64()
        .unwrap_or(-1);
    let r = post(&mut c, url, Some(TOKEN), ARTICLES.as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    let report = r.json();
    assert_eq!(report["new"], 2, "{report}");
    assert_eq!(report["coded"], 2, "{report}");
    assert_eq!(report["ids"].as_array().map(Vec::len), Some(2));
    assert!(report["merged"].is_object());
    let after = ok(&mut c, "/api/stats")["documents"].as_i64().unwrap_or(0);
    assert_eq!(after, before + 2);
    // The new documents are searchable (the index follows the table).
    let hits = ok(&mut c, "/api/search?q=Kishida&limit=500");
    assert_eq!(hits["total"].as_i64(), Some(found + 1));
    assert!(items(&hits).iter().any(|h| h["doc_id"] == report["ids"][0]));
    let mended = ok(&mut c, "/api/search?q=mend*%20ties");
    assert!(items(&mended)
        .iter()
        .any(|h| h["doc_id"] == report["ids"][1]));
    // Sending the same again changes nothing.
    let again = post(&mut c, url, Some(TOKEN), ARTICLES.as_bytes()).json();
    assert_eq!(
        (again["new"].as_i64(), again["unchanged"].as_i64()),
        (Some(0), Some(2))
    );
    s.stop();

    // Without a token the server is read-only.
    let ro = server(db, |_| {});
    let mut c = client(&ro);
    assert_eq!(
        post(&mut c, url, Some(TOKEN), ARTICLES.as_bytes()).status,
        403
    );
    ro.stop();
}

#[test]
fn rate_limit_and_cors() {
    let s = server(store_dir().join("examples.db"), |c| {
        c.rate = 0.5;
        c.burst = 3.0;
        c.cors_origin = Some("http://localhost:5173".into());
    });
    let mut c = client(&s);
    let codes: Vec<u16> = (0..5).map(|_| get(&mut c, "/api/stats").status).collect();
    assert_eq!(&codes[..3], &[200, 200, 200]);
    assert_eq!(codes[4], 429, "{codes:?}");
    let r = get(&mut c, "/api/stats");
    assert_eq!(r.header("retry-after"), Some("1"));
    assert!(r.json()["error"].is_string());
    s.stop();

    let s = server(store_dir().join("examples.db"), |c| {
        c.cors_origin = Some("http://localhost:5173".into());
    });
    let mut c = client(&s);
    let r = c
        .request(
            "GET",
            "/api/stats",
            &[("Origin", "http://localhost:5173")],
            b"",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("http://localhost:5173")
    );
    let r = c
        .request(
            "GET",
            "/api/stats",
            &[("Origin", "http://evil.example")],
            b"",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(r.header("access-control-allow-origin").is_none());
    let r = c
        .request(
            "OPTIONS",
            "/api/ingest",
            &[("Origin", "http://localhost:5173")],
            b"",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.status, 204);
    assert!(r.header("access-control-allow-methods").is_some());
    s.stop();
}
