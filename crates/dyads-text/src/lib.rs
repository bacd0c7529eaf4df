//! # dyads-text: articles in, clean documents out
//!
//! This crate is pure: bytes in, [`Document`]s out. It reads the input
//! formats dyads accepts (plain text pasted from a web page, HTML pages,
//! JSON lines, RSS/Atom feeds, WARC archives), removes boilerplate, reads the
//! metadata an article supports (title, publication date, authors, outlet,
//! dateline, language, URL), and splits the clean text into sentences and
//! tokens, all as byte [`Span`]s into the clean text. An [`Alignment`] maps
//! clean-text offsets back to the article's raw content.
//!
//! ```
//! use dyads_text::{read_input, clean, Limits};
//!
//! let raw = b"Moscow, 17 January 2024 (TDI): The ministers met on Tuesday. They agreed to talk again.\n";
//! let articles = read_input("note.txt", raw, None, &Limits::default());
//! let article = articles.into_iter().next().unwrap().unwrap();
//! let doc = clean(&article).unwrap();
//! assert_eq!(doc.meta.dateline_place.as_deref(), Some("Moscow"));
//! assert_eq!(doc.meta.published.as_ref().map(|p| p.value.as_str()), Some("2024-01-17"));
//! // The dateline is a segment of its own, then the two sentences.
//! assert_eq!(doc.sentences.len(), 3);
//! assert_eq!(doc.slice(doc.sentences[1].span), "The ministers met on Tuesday.");
//! ```
#![deny(missing_docs)]

pub mod article;
pub mod blocks;
pub mod clean;
pub mod document;
pub mod error;
pub mod formats;
pub mod segment;
pub mod span;

pub use article::{Article, ContentKind, Format, Hints};
pub use clean::{clean, clean_text};
pub use document::{
    Alignment, Document, Metadata, Piece, Precision, Published, Sentence, Token, TokenKind,
};
pub use error::{Error, ErrorKind, Place, Result};
pub use formats::{detect_format, read_input, Limits};
pub use span::Span;
