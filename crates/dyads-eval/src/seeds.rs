//! Seed metadata gold (`gold/seeds/meta.json`): title, date, authors,
//! outlet, dateline, body boundaries and boilerplate, per document.
//!
//! The gold semantics (see the gold README): `published` as printed with its
//! precision (null when the article does not say), `outlet` or one of
//! `outlet_acceptable`, `body_first_words` (or one of its alternatives) must
//! open the clean text and `body_last_words` close it, and no line listed in
//! `boilerplate` may survive as a line of the clean text.

use std::fmt;
use std::path::Path;

use serde_json::Value;

use dyads_text::{clean, read_input, Document, Limits};

use crate::{Error, Result};

/// One checked field of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The document's file name.
    pub doc: String,
    /// The field (`title`, `published`, ...).
    pub field: &'static str,
    /// Whether it matched the gold.
    pub ok: bool,
    /// What we produced, when it did not match.
    pub got: String,
    /// What the gold says.
    pub want: String,
}

/// All checks over the seed documents.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Every check, in document then field order.
    pub checks: Vec<Check>,
}

impl Report {
    /// Number of passed and total checks.
    pub fn passed(&self) -> (usize, usize) {
        (
            self.checks.iter().filter(|c| c.ok).count(),
            self.checks.len(),
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (ok, n) = self.passed();
        writeln!(f, "seed metadata: {ok}/{n} checks pass")?;
        for c in self.checks.iter().filter(|c| !c.ok) {
            writeln!(
                f,
                "  FAIL {} {}: got {:?}, want {:?}",
                c.doc, c.field, c.got, c.want
            )?;
        }
        Ok(())
    }
}

/// Cleans every seed article under `shared/corpus/seeds` and checks it
/// against `shared/gold/seeds/meta.json`.
pub fn score(shared: &Path) -> Result<Report> {
    let gold_path = shared.join("gold/seeds/meta.json");
    let gold_text = std::fs::read_to_string(&gold_path).map_err(|e| Error::io(&gold_path, e))?;
    let gold: Value =
        serde_json::from_str(&gold_text).map_err(|e| Error::format(&gold_path, e.to_string()))?;
    let Some(entries) = gold.as_object() else {
        return Err(Error::format(&gold_path, "expected an object".into()));
    };
    let mut report = Report::default();
    for (name, g) in entries {
        let path = shared.join("corpus/seeds").join(name);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let origin = path.display().to_string();
        let mut docs = read_input(&origin, &bytes, None, &Limits::default())
            .into_iter()
            .map(|a| a.and_then(|a| clean(&a)));
        let doc = match docs.next() {
            Some(Ok(d)) => d,
            Some(Err(e)) => {
                report.checks.push(Check {
                    doc: name.clone(),
                    field: "clean",
                    ok: false,
                    got: e.to_string(),
                    want: "a document".into(),
                });
                continue;
            }
            None => continue,
        };
        check_doc(name, &doc, g, &mut report.checks);
    }
    Ok(report)
}

/// Whitespace runs (no-break spaces too) folded to one space, trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn s(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(s).collect())
        .unwrap_or_default()
}

fn show(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "null".into())
}

/// Checks one cleaned document against its gold entry.
pub fn check_doc(name: &str, doc: &Document, g: &Value, out: &mut Vec<Check>) {
    let m = &doc.meta;
    let mut push = |field: &'static str, ok: bool, got: String, want: String| {
        out.push(Check {
            doc: name.to_string(),
            field,
            ok,
            got,
            want,
        })
    };
    let want_title = s(&g["title"]);
    push(
        "title",
        m.title == want_title,
        show(&m.title),
        show(&want_title),
    );

    let want_pub = s(&g["published"]);
    let got_pub = m.published.as_ref().map(|p| p.value.clone());
    match &want_pub {
        Some(_) => {
            push(
                "published",
                got_pub == want_pub,
                show(&got_pub),
                show(&want_pub),
            );
            let want_prec = s(&g["published_precision"]);
            let got_prec = m
                .published
                .as_ref()
                .map(|p| p.precision.as_str().to_string());
            push(
                "published_precision",
                got_prec == want_prec,
                show(&got_prec),
                show(&want_prec),
            );
        }
        None => {
            // No date printed: none may be given, unless the gold bounds it
            // (`published_not_before`) and ours is not earlier.
            let bound = s(&g["published_not_before"]);
            let ok = match (&got_pub, &bound) {
                (None, _) => true,
                (Some(p), Some(b)) => p.as_str() >= b.as_str(),
                (Some(_), None) => false,
            };
            let want = bound.map_or("null".into(), |b| format!("null or >= {b}"));
            push("published", ok, show(&got_pub), want);
        }
    }

    let want_authors = strings(&g["authors"]);
    push(
        "authors",
        m.authors == want_authors,
        m.authors.join("; "),
        want_authors.join("; "),
    );

    let mut outlets: Vec<String> = s(&g["outlet"]).into_iter().collect();
    outlets.extend(strings(&g["outlet_acceptable"]));
    let outlet_ok = match &m.outlet {
        Some(o) => outlets.contains(o),
        None => outlets.is_empty(),
    };
    push("outlet", outlet_ok, show(&m.outlet), outlets.join(" | "));

    let want_dl = s(&g["dateline_place"]);
    push(
        "dateline_place",
        m.dateline_place == want_dl,
        show(&m.dateline_place),
        show(&want_dl),
    );

    let text = squash(&doc.text);
    let mut firsts: Vec<String> = s(&g["body_first_words"]).into_iter().collect();
    firsts.extend(strings(&g["body_first_words_alternatives"]));
    let head: String = text.chars().take(80).collect();
    push(
        "body_first_words",
        firsts.iter().any(|f| text.starts_with(&squash(f))),
        head,
        firsts.join(" | "),
    );
    if let Some(last) = s(&g["body_last_words"]) {
        let n = text.chars().count();
        let tail: String = text.chars().skip(n.saturating_sub(80)).collect();
        push(
            "body_last_words",
            text.ends_with(&squash(&last)),
            tail,
            last,
        );
    }
    let lines: Vec<String> = doc.text.lines().map(squash).collect();
    let survivors: Vec<String> = strings(&g["boilerplate"])
        .into_iter()
        .filter(|b| lines.contains(&squash(b)))
        .collect();
    push(
        "boilerplate",
        survivors.is_empty(),
        survivors.join(" | "),
        "none of the listed lines".into(),
    );
}
