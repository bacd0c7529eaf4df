//! Reading our own JSON lines back: `documents`, `actors` and `mentions`
//! rows, told apart by their keys.

use serde_json::{Map, Value as Json};

use dyads_store::{ActorRow, DocActor, DocumentRow, EventRow, Layout, StoredEvent};
use dyads_text::{Sentence, Span, Token, TokenKind};

/// One row of an exported JSON lines file.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportRow {
    /// A `documents` row.
    Document(Box<DocumentRow>),
    /// An `actors` row.
    Actor(Box<DocActor>),
    /// A `mentions` row.
    Mention(Box<StoredEvent>),
}

/// Why a line could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not a JSON object.
    #[error("not a JSON object: {0}")]
    Json(String),
    /// A JSON object, but not a row of a table `dyads import` reads.
    #[error("not a dyads documents, actors or mentions row (a `plover` row cannot be imported)")]
    UnknownTable,
    /// A field is missing or of the wrong type.
    #[error("field `{0}` is missing or has the wrong type")]
    Field(&'static str),
}

type R<T> = std::result::Result<T, ImportError>;

struct Obj<'a>(&'a Map<String, Json>);

impl Obj<'_> {
    fn int(&self, k: &'static str) -> R<i64> {
        self.0
            .get(k)
            .and_then(Json::as_i64)
            .ok_or(ImportError::Field(k))
    }
    fn opt_int(&self, k: &'static str) -> R<Option<i64>> {
        match self.0.get(k) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => v.as_i64().map(Some).ok_or(ImportError::Field(k)),
        }
    }
    fn opt_float(&self, k: &'static str) -> R<Option<f64>> {
        match self.0.get(k) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => v.as_f64().map(Some).ok_or(ImportError::Field(k)),
        }
    }
    fn string(&self, k: &'static str) -> R<String> {
        self.0
            .get(k)
            .and_then(Json::as_str)
            .map(str::to_string)
            .ok_or(ImportError::Field(k))
    }
    fn opt_string(&self, k: &'static str) -> R<Option<String>> {
        match self.0.get(k) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => v
                .as_str()
                .map(|s| Some(s.to_string()))
                .ok_or(ImportError::Field(k)),
        }
    }
    fn bool(&self, k: &'static str) -> R<bool> {
        self.0
            .get(k)
            .and_then(Json::as_bool)
            .ok_or(ImportError::Field(k))
    }
    fn strings(&self, k: &'static str) -> R<Vec<String>> {
        let arr = self
            .0
            .get(k)
            .and_then(Json::as_array)
            .ok_or(ImportError::Field(k))?;
        arr.iter()
            .map(|v| v.as_str().map(str::to_string).ok_or(ImportError::Field(k)))
            .collect()
    }
}

/// The unsigned numbers of a JSON array (`[start, end, ...]`), each a `u32`.
fn u32s(v: &Json, k: &'static str) -> R<Vec<u32>> {
    v.as_array()
        .ok_or(ImportError::Field(k))?
        .iter()
        .map(|x| {
            x.as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or(ImportError::Field(k))
        })
        .collect()
}

fn spans(v: Option<&Json>, k: &'static str) -> R<Vec<Span>> {
    let Some(arr) = v.and_then(Json::as_array) else {
        return Err(ImportError::Field(k));
    };
    arr.iter()
        .map(|s| match u32s(s, k)?.as_slice() {
            [a, b] => Ok(Span { start: *a, end: *b }),
            _ => Err(ImportError::Field(k)),
        })
        .collect()
}

fn layout(v: &Json) -> R<Option<Layout>> {
    if v.is_null() {
        return Ok(None);
    }
    let paragraphs = spans(v.get("paragraphs"), "layout.paragraphs")?;
    let k = "layout.sentences";
    let sentences = v
        .get("sentences")
        .and_then(Json::as_array)
        .ok_or(ImportError::Field(k))?
        .iter()
        .map(|s| match u32s(s, k)?.as_slice() {
            [a, b, f, e] => Ok(Sentence {
                span: Span { start: *a, end: *b },
                first_token: *f,
                end_token: *e,
            }),
            _ => Err(ImportError::Field(k)),
        })
        .collect::<R<Vec<_>>>()?;
    let k = "layout.tokens";
    let tokens = v
        .get("tokens")
        .and_then(Json::as_array)
        .ok_or(ImportError::Field(k))?
        .iter()
        .map(|t| {
            let a = t.as_array().ok_or(ImportError::Field(k))?;
            let n = |i: usize| {
                a.get(i)
                    .and_then(Json::as_u64)
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or(ImportError::Field(k))
            };
            let kind: TokenKind = a
                .get(2)
                .cloned()
                .and_then(|x| serde_json::from_value(x).ok())
                .ok_or(ImportError::Field(k))?;
            Ok(Token {
                span: Span {
                    start: n(0)?,
                    end: n(1)?,
                },
                kind,
            })
        })
        .collect::<R<Vec<_>>>()?;
    Ok(Some(Layout {
        paragraphs,
        sentences,
        tokens,
    }))
}

fn document(o: &Obj<'_>) -> R<DocumentRow> {
    Ok(DocumentRow {
        id: o.int("id")?,
        version: o.int("version")?,
        superseded_by: o.opt_int("superseded_by")?,
        doc_key: o.string("doc_key")?,
        content_hash: o.string("content_hash")?,
        title: o.opt_string("title")?,
        published: o.opt_string("published")?,
        published_precision: o.opt_string("published_precision")?,
        authors: o.strings("authors")?,
        outlet: o.opt_string("outlet")?,
        dateline_place: o.opt_string("dateline_place")?,
        language: o.opt_string("language")?,
        url: o.opt_string("url")?,
        external_id: o.opt_string("external_id")?,
        source_path: o.opt_string("source_path")?,
        format: o.string("format")?,
        position: o.int("position")?,
        ingested_at: o.string("ingested_at")?,
        sentence_count: o.int("sentence_count")?,
        text: Some(o.string("text")?),
        layout: layout(o.0.get("layout").unwrap_or(&Json::Null))?,
    })
}

fn actor(o: &Obj<'_>) -> R<DocActor> {
    Ok(DocActor {
        doc_id: o.int("doc_id")?,
        idx: o.int("idx")?,
        actor: ActorRow {
            actor_id: o.string("actor_id")?,
            canonical: o.string("canonical")?,
            kind: o.string("kind")?,
            country: o.opt_string("country")?,
            sector: o.opt_string("sector")?,
            role: o.opt_string("role")?,
            code: o.opt_string("code")?,
            source: o.string("source")?,
            surface_forms: o.strings("surface_forms")?,
            mentions: spans(o.0.get("mentions"), "mentions")?,
        },
    })
}

fn mention(o: &Obj<'_>) -> R<StoredEvent> {
    let event = o.0.get("event").filter(|v| !v.is_null());
    let start = o.int("evidence_start")?;
    let end = o.int("evidence_end")?;
    let span = |n: i64, k| u32::try_from(n).map_err(|_| ImportError::Field(k));
    Ok(StoredEvent {
        id: o.int("GlobalEventID")?,
        doc_id: o.int("doc_id")?,
        row: EventRow {
            sentence: o.int("sentence")?,
            evidence: Span {
                start: span(start, "evidence_start")?,
                end: span(end, "evidence_end")?,
            },
            cameo: o.string("EventCode")?,
            plover: o.opt_string("plover_type")?,
            mode: o.opt_string("plover_mode")?,
            context: o.opt_string("plover_context")?,
            goldstein: o.opt_float("GoldsteinScale")?,
            quad: o.opt_int("QuadClass")?,
            modality: o.string("modality")?,
            reciprocal: o.bool("reciprocal")?,
            date: o.opt_string("date")?,
            date_end: o.opt_string("date_end")?,
            date_precision: o.opt_string("date_precision")?,
            source_code: o.opt_string("Actor1Code")?,
            source_country: o.opt_string("Actor1CountryCode")?,
            target_code: o.opt_string("Actor2Code")?,
            target_country: o.opt_string("Actor2CountryCode")?,
            rule: o.string("rule")?,
            json: event.map_or_else(|| "{}".to_string(), Json::to_string),
        },
    })
}

/// Reads one line of a `documents`, `actors` or `mentions` JSON lines export.
pub fn read_line(line: &str) -> std::result::Result<ImportRow, ImportError> {
    let v: Json = serde_json::from_str(line).map_err(|e| ImportError::Json(e.to_string()))?;
    let Json::Object(map) = v else {
        return Err(ImportError::Json("not an object".into()));
    };
    let o = Obj(&map);
    if map.contains_key("content_hash") && map.contains_key("doc_key") {
        Ok(ImportRow::Document(Box::new(document(&o)?)))
    } else if map.contains_key("GlobalEventID") {
        Ok(ImportRow::Mention(Box::new(mention(&o)?)))
    } else if map.contains_key("actor_id") && map.contains_key("idx") {
        Ok(ImportRow::Actor(Box::new(actor(&o)?)))
    } else {
        Err(ImportError::UnknownTable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_told_apart_and_checked() {
        let actor = r#"{"doc_id":3,"idx":0,"actor_id":"RUS","canonical":"Russia","kind":"state","country":"RUS","sector":null,"role":null,"code":"RUS","source":"built-in","surface_forms":["Russia"],"mention_count":1,"mentions":[[4,10]]}"#;
        match read_line(actor) {
            Ok(ImportRow::Actor(a)) => {
                assert_eq!(a.doc_id, 3);
                assert_eq!(a.actor.mentions, vec![Span { start: 4, end: 10 }]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            read_line(r#"{"id":"dyads-1","event":"AGREE"}"#),
            Err(ImportError::UnknownTable)
        ));
        assert!(matches!(
            read_line(r#"{"doc_id":3,"idx":"zero","actor_id":"RUS"}"#),
            Err(ImportError::Field("idx"))
        ));
        assert!(matches!(read_line("[1]"), Err(ImportError::Json(_))));
    }
}
