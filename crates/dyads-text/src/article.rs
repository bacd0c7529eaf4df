//! Articles: what an input gives us before cleaning.

use serde::{Deserialize, Serialize};

use crate::document::Published;

/// The kind of content an article carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContentKind {
    /// Plain text as pasted from a web page.
    Text,
    /// An HTML page or fragment.
    Html,
}

/// The container format of an input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: one article per file.
    Text,
    /// HTML: one article per file.
    Html,
    /// JSON lines: one article per line.
    Jsonl,
    /// RSS 2.0 or Atom feed: one article per item or entry.
    Feed,
    /// WARC (optionally gzip-compressed): one article per HTML response record.
    Warc,
}

/// Metadata an input states about an article outside its content
/// (JSON fields, feed fields, WARC headers). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Hints {
    /// The article's URL.
    pub url: Option<String>,
    /// Title given by the container.
    pub title: Option<String>,
    /// Publication date given by the container.
    pub published: Option<Published>,
    /// Authors given by the container.
    pub authors: Vec<String>,
    /// Outlet (source) name given by the container.
    pub outlet: Option<String>,
    /// External identifier (JSON `id`, feed guid, WARC-Record-ID).
    pub external_id: Option<String>,
    /// Language given by the container (e.g. `en`).
    pub language: Option<String>,
}

/// One article as read from an input, before cleaning.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The article's content, decoded to UTF-8: plain text or HTML.
    /// The document's alignment points into this string.
    pub content: String,
    /// Whether `content` is plain text or HTML.
    pub kind: ContentKind,
    /// The container format it came from.
    pub format: Format,
    /// The input's name (file path or `-`).
    pub source_path: Option<String>,
    /// Where in the input (line, record), 1-based; 0 for a whole file.
    pub position: usize,
    /// What the container said about the article.
    pub hints: Hints,
}

impl Article {
    /// A plain-text article with no hints.
    pub fn text(content: impl Into<String>) -> Article {
        Article {
            content: content.into(),
            kind: ContentKind::Text,
            format: Format::Text,
            source_path: None,
            position: 0,
            hints: Hints::default(),
        }
    }

    /// An HTML article with no hints.
    pub fn html(content: impl Into<String>) -> Article {
        Article {
            content: content.into(),
            kind: ContentKind::Html,
            format: Format::Html,
            source_path: None,
            position: 0,
            hints: Hints::default(),
        }
    }

    /// A name for error messages: the source path, plus the position when inside a container.
    pub fn origin(&self) -> String {
        let path = self.source_path.as_deref().unwrap_or("<input>");
        if self.position > 0 {
            format!("{path}#{}", self.position)
        } else {
            path.to_string()
        }
    }
}
