//! JSON lines: one article per line.
//!
//! Each non-blank line is a JSON object with the article's `text` or `html`
//! (one is required; when both are given, non-blank `text` wins) and
//! optional `url`, `title`, `published`, `source` (the outlet), `id`
//! (string or number), `authors` (a string or an array of strings) and
//! `language`. A few common aliases are accepted too: `body`, `content` and
//! `maintext` for `text`; `raw_html` for `html`; `date` and `date_publish`
//! for `published`; `outlet` for `source`; `author` for `authors`;
//! `lang` for `language`.
//!
//! A bad line (invalid UTF-8 or JSON, not an object, no text) is an error
//! naming its 1-based line; the other lines still come out.

use serde_json::{Map, Value};

use crate::article::{Article, ContentKind, Format, Hints};
use crate::clean::pubdate;
use crate::error::{Error, ErrorKind, Place, Result};

/// Reads the articles of one input.
pub fn read(name: &str, bytes: &[u8]) -> Vec<Result<Article>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let err = |kind: ErrorKind| Error::new(kind, name, Place::Line(n));
        let result = std::str::from_utf8(line)
            .map_err(|e| {
                err(ErrorKind::Encoding(format!(
                    "invalid UTF-8 at byte {} of the line",
                    e.valid_up_to()
                )))
            })
            .and_then(|s| parse_line(s).map_err(|m| err(ErrorKind::Json(m))))
            .map(|mut a| {
                a.source_path = Some(name.to_string());
                a.position = n;
                a
            });
        out.push(result);
    }
    out
}

/// serde_json's message without its `at line 1 column N` tail, plus the column.
fn json_message(e: &serde_json::Error) -> String {
    let mut msg = e.to_string();
    if let Some(at) = msg.rfind(" at line ") {
        msg.truncate(at);
    }
    format!("{msg} at column {}", e.column())
}

fn string_field(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match obj.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    })
}

/// Turns one line's JSON into an article (position and path set by the caller).
fn parse_line(line: &str) -> std::result::Result<Article, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| json_message(&e))?;
    let Value::Object(obj) = value else {
        return Err(format!(
            "expected a JSON object, found {}",
            kind_name(&value)
        ));
    };
    let text = body_field(&obj, &["text", "body", "content", "maintext"])?;
    let html = body_field(&obj, &["html", "raw_html"])?;
    let (content, kind) = match (text, html) {
        (Some(t), _) => (t, ContentKind::Text),
        (None, Some(h)) => (h, ContentKind::Html),
        (None, None) => {
            return Err(
                "no article text: the line needs a non-empty \"text\" or \"html\" field".into(),
            )
        }
    };
    let external_id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let authors = match obj.get("authors").or_else(|| obj.get("author")) {
        Some(Value::String(s)) => vec![s.trim().to_string()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(|s| s.trim().to_string())
            .collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let hints = Hints {
        url: string_field(&obj, &["url"]),
        title: string_field(&obj, &["title"]),
        published: string_field(&obj, &["published", "date", "date_publish"])
            .and_then(|s| pubdate::parse(&s)),
        authors,
        outlet: string_field(&obj, &["source", "outlet"]),
        external_id,
        language: string_field(&obj, &["language", "lang"]),
    };
    Ok(Article {
        content,
        kind,
        format: Format::Jsonl,
        source_path: None,
        position: 0,
        hints,
    })
}

/// The first of `keys` holding a non-blank string; an error when one holds
/// something other than a string or null.
fn body_field(
    obj: &Map<String, Value>,
    keys: &[&str],
) -> std::result::Result<Option<String>, String> {
    for k in keys {
        match obj.get(*k) {
            Some(Value::String(s)) if !s.trim().is_empty() => return Ok(Some(s.clone())),
            Some(Value::String(_)) | Some(Value::Null) | None => {}
            Some(other) => {
                return Err(format!(
                    "field \"{k}\" must be a string, found {}",
                    kind_name(other)
                ))
            }
        }
    }
    Ok(None)
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a line should give: Ok((kind, content)) or Err(part of the message).
    type Want<'a> = std::result::Result<(ContentKind, &'a str), &'a str>;

    #[test]
    fn lines_table() {
        let rows: &[(&str, Want)] = &[
            (
                r#"{"text": "Ministers met."}"#,
                Ok((ContentKind::Text, "Ministers met.")),
            ),
            (
                r#"{"html": "<p>Hi</p>"}"#,
                Ok((ContentKind::Html, "<p>Hi</p>")),
            ),
            (
                r#"{"text": "T", "html": "<p>H</p>"}"#,
                Ok((ContentKind::Text, "T")),
            ),
            (
                r#"{"text": "  ", "html": "<p>H</p>"}"#,
                Ok((ContentKind::Html, "<p>H</p>")),
            ),
            (r#"{"content": "alias"}"#, Ok((ContentKind::Text, "alias"))),
            (
                r#"{"title": "no body"}"#,
                Err("needs a non-empty \"text\" or \"html\""),
            ),
            (
                r#"{"text": 5}"#,
                Err("field \"text\" must be a string, found a number"),
            ),
            (r#"[1, 2]"#, Err("expected a JSON object, found an array")),
            (r#"{"text": "x",}"#, Err("trailing comma at column 14")),
            (
                r#"{"text": "unterminated"#,
                Err("EOF while parsing a string at column 22"),
            ),
            ("not json", Err("expected ident at column 2")),
        ];
        for (line, want) in rows {
            let got = read("t.jsonl", line.as_bytes());
            assert_eq!(got.len(), 1, "{line}");
            match (&got[0], want) {
                (Ok(a), Ok((kind, content))) => {
                    assert_eq!(a.kind, *kind, "{line}");
                    assert_eq!(a.content, *content, "{line}");
                    assert_eq!(a.format, Format::Jsonl);
                }
                (Err(e), Err(part)) => {
                    assert_eq!(e.place, Place::Line(1), "{line}");
                    assert!(e.to_string().contains(part), "{line}: {e}");
                }
                (got, want) => panic!("{line}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn bad_lines_do_not_stop_the_others() {
        let input = b"{\"text\": \"one\", \"id\": 17}\n\n{\"text\": broken}\r\n{\"text\": \"caf\xe9\"}\n  \n{\"html\": \"<p>five</p>\", \"id\": \"a-5\"}";
        let got = read("m.jsonl", input);
        assert_eq!(got.len(), 4);
        let lines: Vec<std::result::Result<usize, (Place, String)>> = got
            .iter()
            .map(|r| match r {
                Ok(a) => Ok(a.position),
                Err(e) => Err((e.place.clone(), e.to_string())),
            })
            .collect();
        assert_eq!(lines[0], Ok(1));
        assert!(
            matches!(&lines[1], Err((Place::Line(3), m)) if m.contains("m.jsonl:line 3: bad JSON line"))
        );
        assert!(
            matches!(&lines[2], Err((Place::Line(4), m)) if m.contains("invalid UTF-8 at byte 13"))
        );
        assert_eq!(lines[3], Ok(6));
        let ids: Vec<Option<&str>> = got
            .iter()
            .flatten()
            .map(|a| a.hints.external_id.as_deref())
            .collect();
        assert_eq!(ids, [Some("17"), Some("a-5")]);
    }

    #[test]
    fn hints_are_read() -> std::result::Result<(), Error> {
        let line = r#"{"text":"Body.","url":"https://n.example/a","title":" T ","published":"2024-01-17","source":"Wire","authors":["A One"," ","B Two"],"language":"en","id":"x1"}"#;
        let a = read("h.jsonl", line.as_bytes()).remove(0)?;
        assert_eq!(a.hints.url.as_deref(), Some("https://n.example/a"));
        assert_eq!(a.hints.title.as_deref(), Some("T"));
        assert_eq!(a.hints.outlet.as_deref(), Some("Wire"));
        assert_eq!(a.hints.authors, ["A One", "B Two"]);
        assert_eq!(a.hints.language.as_deref(), Some("en"));
        assert_eq!(a.hints.external_id.as_deref(), Some("x1"));
        assert_eq!(a.hints.published, pubdate::parse("2024-01-17"));
        assert_eq!(a.source_path.as_deref(), Some("h.jsonl"));
        let single = read("h.jsonl", br#"{"text":"b","authors":"Solo Writer"}"#).remove(0)?;
        assert_eq!(single.hints.authors, ["Solo Writer"]);
        Ok(())
    }
}
