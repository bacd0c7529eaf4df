//! What a page says about itself: meta tags, JSON-LD, `<title>`, `<html lang>`.

use serde_json::Value;

use super::entities;
use super::tree::{NodeKind, Tree};
use crate::blocks::PageMeta;

/// Meta names that carry a publication date, in order of trust.
const DATE_NAMES: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "datepublished",
];

/// Collapses whitespace runs to one space and trims.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decoded, whitespace-collapsed text below node `i` (script and style
/// excluded), reading at most `limit` raw bytes.
pub fn text_below(tree: &Tree, src: &str, i: usize, limit: usize) -> String {
    let mut out = String::new();
    // Bounded in nodes too, so that nested empty elements cost little.
    for j in tree.descendants(i).take(limit.saturating_mul(8)) {
        if out.len() >= limit {
            break;
        }
        if let Some(NodeKind::Text {
            start,
            end,
            raw: false,
        }) = tree.get(j).map(|n| &n.kind)
        {
            out.push_str(src.get(*start..*end).unwrap_or(""));
        }
    }
    collapse(&entities::decode_all(&out))
}

/// The raw text content of a raw-text element (`<script>`, `<title>`).
fn raw_text(tree: &Tree, src: &str, i: usize) -> String {
    let mut out = String::new();
    for &c in tree.get(i).map(|n| n.children.as_slice()).unwrap_or(&[]) {
        if let Some(NodeKind::Text { start, end, .. }) = tree.get(c).map(|n| &n.kind) {
            out.push_str(src.get(*start..*end).unwrap_or(""));
        }
    }
    out
}

fn nonempty(s: &str) -> Option<String> {
    let s = collapse(s);
    (!s.is_empty()).then_some(s)
}

fn absolute_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| s.to_string())
}

/// The first subtag of a language tag, lowercase, when it looks like one.
pub fn language_code(tag: &str) -> Option<String> {
    let first = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic()))
        .then_some(first)
}

/// Gathers the page's metadata. `roots` are the content containers, where a
/// `<time datetime>` counts as the publication time.
pub fn page_meta(tree: &Tree, src: &str, roots: &[usize]) -> PageMeta {
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut title_tag = None;
    let mut canonical = None;
    let mut lang = None;
    let mut ld = LdFacts::default();
    let mut rel_authors = Vec::new();
    let mut times: Vec<(bool, String)> = Vec::new();
    for (i, node) in tree.nodes.iter().enumerate() {
        let attr = |k: &str| node.attr(k).map(str::trim).filter(|v| !v.is_empty());
        match node.name() {
            "html" if lang.is_none() => {
                lang = attr("lang").or(attr("xml:lang")).and_then(language_code)
            }
            "meta" => {
                let key = attr("property")
                    .or(attr("name"))
                    .or(attr("itemprop"))
                    .or(attr("http-equiv"));
                if let (Some(k), Some(v)) = (key, attr("content")) {
                    metas.push((k.to_ascii_lowercase(), collapse(v)));
                }
            }
            "title" if title_tag.is_none() => {
                title_tag = nonempty(&entities::decode_all(&raw_text(tree, src, i)))
            }
            "link" => {
                let rel = attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && canonical.is_none() {
                    canonical = attr("href").and_then(absolute_url);
                }
            }
            "script"
                if attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
            {
                ld.read(&raw_text(tree, src, i));
            }
            "a" => {
                let rel = attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "author") {
                    let t = text_below(tree, src, i, 400);
                    if !t.is_empty() && t.len() <= 80 && !t.contains("://") {
                        rel_authors.push(t);
                    }
                }
            }
            "time" => {
                if let Some(dt) = attr("datetime") {
                    let marked = attr("itemprop")
                        .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
                        || node.attr("pubdate").is_some()
                        || attr("class")
                            .is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
                    if marked || roots.iter().any(|&r| tree.is_within(i, r)) {
                        times.push((marked, dt.to_string()));
                    }
                }
            }
            _ => {}
        }
    }
    let meta = |k: &str| {
        metas
            .iter()
            .find(|(key, v)| key == k && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let outlet = meta("og:site_name")
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta("application-name"));
    let title = meta("og:title")
        .or_else(|| meta("twitter:title"))
        .or_else(|| ld.headline.clone())
        .or(title_tag)
        .map(|t| strip_site(&t, outlet.as_deref()));
    // `Headline | Section | Site`: the site names the outlet when nothing
    // else does.
    let piped = title.as_deref().and_then(piped_site);
    let outlet = outlet.or_else(|| piped.as_ref().map(|(_, site)| site.clone()));
    let title = piped.map(|(head, _)| head).or(title);
    let published = meta("article:published_time")
        .or_else(|| meta("og:published_time"))
        .or_else(|| meta("og:article:published_time"))
        .or_else(|| ld.published.clone())
        .or_else(|| DATE_NAMES.iter().find_map(|k| meta(k)))
        .or_else(|| times.iter().find(|(m, _)| *m).map(|(_, t)| t.clone()))
        .or_else(|| times.first().map(|(_, t)| t.clone()));
    let meta_authors: Vec<String> = metas
        .iter()
        .filter(|(k, v)| k == "author" && !v.is_empty() && !v.contains("://"))
        .map(|(_, v)| v.clone())
        .collect();
    let article_authors: Vec<String> = metas
        .iter()
        .filter(|(k, v)| k == "article:author" && !v.is_empty())
        .filter(|(_, v)| !v.contains("://") && !v.starts_with("www.") && !v.contains('/'))
        .map(|(_, v)| v.clone())
        .collect();
    let authors = [
        meta_authors,
        article_authors,
        ld.authors.clone(),
        rel_authors,
    ]
    .into_iter()
    .find(|a| !a.is_empty())
    .map(dedup)
    .unwrap_or_default();
    let language = lang
        .or_else(|| meta("content-language").and_then(|l| language_code(&l)))
        .or_else(|| meta("dc.language").and_then(|l| language_code(&l)))
        .or_else(|| meta("og:locale").and_then(|l| language_code(&l)));
    let url = canonical.or_else(|| meta("og:url").and_then(|u| absolute_url(&u)));
    PageMeta {
        title: title.filter(|t| !t.is_empty()),
        published,
        authors,
        outlet,
        language,
        url,
    }
}

fn dedup(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in v {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
            out.push(s);
        }
    }
    out
}

/// Strips a trailing ` | Site` (or ` - `, ` – `, ` — `, ` · `, ` :: `) when
/// `Site` is the outlet's name.
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    let Some(site) = site.map(collapse).filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{b7} ", " :: "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (title.get(..pos), title.get(pos + sep.len()..));
            if let (Some(head), Some(tail)) = (head, tail) {
                if tail.trim().eq_ignore_ascii_case(&site) && !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
        }
    }
    title
}

/// A title in the `Headline | Section | Site` form: the headline (three
/// words or more) and the site (the last part: one to five words,
/// capitalised). Short capitalised sections between are dropped too.
fn piped_site(title: &str) -> Option<(String, String)> {
    let short = |part: &str, most: usize| {
        let words = part.split_whitespace().count();
        (1..=most).contains(&words) && part.trim().starts_with(|c: char| c.is_uppercase())
    };
    let (mut head, site) = title.trim().rsplit_once(" | ")?;
    if !short(site, 5) {
        return None;
    }
    while let Some((h, section)) = head.rsplit_once(" | ") {
        if !short(section, 3) {
            break;
        }
        head = h;
    }
    let head = head.trim();
    (head.split_whitespace().count() >= 3).then(|| (head.to_string(), site.trim().to_string()))
}

/// Facts read from JSON-LD blocks (the first block that has them wins).
#[derive(Default)]
struct LdFacts {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

fn ld_str(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => nonempty(&entities::decode_all(s)),
        Value::Array(a) => a.iter().find_map(|x| ld_str(Some(x))),
        _ => None,
    }
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report")
}

/// Flattens arrays and `@graph`s into the list of objects.
fn flatten<'a>(v: &'a Value, depth: usize, out: &mut Vec<&'a Value>) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten(x, depth + 1, out)),
        Value::Object(o) => {
            out.push(v);
            if let Some(g) = o.get("@graph") {
                flatten(g, depth + 1, out);
            }
        }
        _ => {}
    }
}

impl LdFacts {
    fn read(&mut self, script: &str) {
        let body = script
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim()
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>");
        let value = serde_json::from_str::<Value>(body).or_else(|_| {
            // Pages often put raw newlines inside JSON strings.
            let fixed: String = body
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            serde_json::from_str::<Value>(&fixed)
        });
        let Ok(value) = value else { return };
        let mut nodes = Vec::new();
        flatten(&value, 0, &mut nodes);
        let article = nodes
            .iter()
            .find(|n| types(n).iter().any(|t| is_article_type(t)))
            .or_else(|| nodes.iter().find(|n| n.get("headline").is_some()))
            .or_else(|| nodes.iter().find(|n| n.get("datePublished").is_some()));
        let Some(article) = article else { return };
        let resolve = |v: &'_ Value| -> Option<String> {
            let v = match v.get("@id").and_then(Value::as_str) {
                Some(id) if v.get("name").is_none() => nodes
                    .iter()
                    .find(|n| {
                        n.get("@id").and_then(Value::as_str) == Some(id) && n.get("name").is_some()
                    })
                    .copied()
                    .unwrap_or(v),
                _ => v,
            };
            match v {
                Value::String(s) => nonempty(&entities::decode_all(s)),
                _ => ld_str(v.get("name")),
            }
        };
        if self.headline.is_none() {
            self.headline = ld_str(article.get("headline"));
        }
        if self.published.is_none() {
            self.published = ld_str(article.get("datePublished"));
        }
        if self.authors.is_empty() {
            self.authors = match article.get("author") {
                Some(Value::Array(a)) => a.iter().filter_map(&resolve).collect(),
                Some(v) => resolve(v).into_iter().collect(),
                None => Vec::new(),
            };
            self.authors.retain(|a| !a.contains("://"));
        }
        if self.publisher.is_none() {
            self.publisher = article.get("publisher").and_then(|p| match p {
                Value::Array(a) => a.iter().find_map(&resolve),
                v => resolve(v),
            });
        }
    }
}
