//! Input formats: detecting them and reading articles out of them.
//!
//! [`read_input`] takes one input's bytes and returns one result per article
//! found in it: a plain-text or HTML file is one article; a JSON-lines file,
//! a feed or a WARC file may hold many. A bad article is an `Err` naming the
//! input and the place (line, record); the others still come out.

pub mod feed;
pub mod html;
pub mod jsonl;
pub mod text;
pub mod warc;

use crate::article::{Article, ContentKind, Format, Hints};
use crate::error::{Error, ErrorKind, Place, Result};

/// Limits on what an input may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes (default 64 MiB). Larger inputs are
    /// refused whole with [`ErrorKind::TooLarge`].
    pub max_input_bytes: usize,
    /// Largest single article's content, in bytes (default 8 MiB).
    pub max_article_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
            max_article_bytes: 8 << 20,
        }
    }
}

/// Guesses an input's format from its name and first bytes.
pub fn detect_format(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    let ext = |e: &str| lower.ends_with(e);
    if ext(".warc") || ext(".warc.gz") || bytes.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if ext(".jsonl") || ext(".ndjson") || ext(".json") {
        return Format::Jsonl;
    }
    if ext(".rss") || ext(".atom") || ext(".xml") {
        return Format::Feed;
    }
    if ext(".html") || ext(".htm") || ext(".xhtml") {
        return Format::Html;
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Format::Warc;
    }
    let head = sniff_head(bytes);
    if head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed") {
        if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") {
            return Format::Feed;
        }
        if head.contains("<html") {
            return Format::Html;
        }
        return Format::Feed;
    }
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head")
    {
        return Format::Html;
    }
    if head.starts_with('{') {
        return Format::Jsonl;
    }
    Format::Text
}

/// The first 1 KiB, lowercased, after a BOM and leading whitespace.
fn sniff_head(bytes: &[u8]) -> String {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let end = b.len().min(1024);
    String::from_utf8_lossy(&b[..end])
        .trim_start()
        .to_ascii_lowercase()
}

/// Reads the articles out of one input. `name` is used in errors and as the
/// articles' `source_path`; `format` overrides detection.
pub fn read_input(
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
    limits: &Limits,
) -> Vec<Result<Article>> {
    if bytes.len() > limits.max_input_bytes {
        return vec![Err(Error::new(
            ErrorKind::TooLarge {
                size: bytes.len(),
                limit: limits.max_input_bytes,
            },
            name,
            Place::Whole,
        ))];
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![Err(Error::new(ErrorKind::Empty, name, Place::Whole))];
    }
    let format = format.unwrap_or_else(|| detect_format(name, bytes));
    let mut out = match format {
        Format::Text => vec![single(name, bytes, ContentKind::Text, Format::Text)],
        Format::Html => vec![single(name, bytes, ContentKind::Html, Format::Html)],
        Format::Jsonl => jsonl::read(name, bytes),
        Format::Feed => feed::read(name, bytes),
        Format::Warc => warc::read(name, bytes),
    };
    for r in out.iter_mut() {
        if let Ok(a) = r {
            if a.source_path.is_none() {
                a.source_path = Some(name.to_string());
            }
            if a.content.len() > limits.max_article_bytes {
                *r = Err(Error::new(
                    ErrorKind::TooLarge {
                        size: a.content.len(),
                        limit: limits.max_article_bytes,
                    },
                    name,
                    if a.position > 0 {
                        Place::Record(a.position)
                    } else {
                        Place::Whole
                    },
                ));
            }
        }
    }
    out
}

/// One whole-file article of plain text or HTML.
fn single(name: &str, bytes: &[u8], kind: ContentKind, format: Format) -> Result<Article> {
    let content = match kind {
        ContentKind::Text => text::decode(bytes),
        ContentKind::Html => html::decode(bytes, None),
    }
    .map_err(|kind| Error::new(kind, name, Place::Whole))?;
    Ok(Article {
        content,
        kind,
        format,
        source_path: Some(name.to_string()),
        position: 0,
        hints: Hints::default(),
    })
}

/// True when bytes look like binary data: NUL bytes or many control characters.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_table() {
        let rows: &[(&str, &[u8], Format)] = &[
            ("a.txt", b"Hello", Format::Text),
            ("a.html", b"Hello", Format::Html),
            ("-", b"<!DOCTYPE html><html>", Format::Html),
            ("-", b"<?xml version=\"1.0\"?><rss>", Format::Feed),
            (
                "-",
                b"<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Format::Feed,
            ),
            ("a.jsonl", b"{}", Format::Jsonl),
            ("-", b"{\"text\": \"x\"}", Format::Jsonl),
            ("a.warc.gz", b"", Format::Warc),
            ("-", b"WARC/1.0\r\n", Format::Warc),
        ];
        for (name, bytes, want) in rows {
            assert_eq!(detect_format(name, bytes), *want, "{name}");
        }
    }

    #[test]
    fn too_large_and_empty_are_refused() {
        let limits = Limits {
            max_input_bytes: 4,
            max_article_bytes: 4,
        };
        let r = read_input("x.txt", b"hello world", None, &limits);
        assert!(matches!(
            r[0].as_ref().map_err(|e| &e.kind),
            Err(ErrorKind::TooLarge { .. })
        ));
        let r = read_input("x.txt", b"  \n ", None, &Limits::default());
        assert!(matches!(
            r[0].as_ref().map_err(|e| &e.kind),
            Err(ErrorKind::Empty)
        ));
    }
}
