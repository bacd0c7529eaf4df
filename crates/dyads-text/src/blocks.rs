//! Blocks: the common intermediate form of plain text and HTML.
//!
//! Both readers turn their content into a list of [`Block`]s (a paragraph,
//! heading, list item, caption ...), each carrying the pieces that align its
//! text back to the raw content. Boilerplate removal and metadata extraction
//! work on blocks, whatever the format was.

use crate::document::Piece;

/// What a block is, as far as the reader could tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A paragraph of running text (or a line of plain text).
    Paragraph,
    /// A heading, with its level (1 for `<h1>`; 0 when unknown).
    Heading(u8),
    /// An item of a list.
    ListItem,
    /// An image or figure caption.
    Caption,
    /// A block quotation.
    Quote,
    /// A preformatted or table cell block.
    Other,
}

/// One block of text with its alignment to the raw content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The block's text: one line, no newlines, trimmed.
    pub text: String,
    /// What the block is.
    pub kind: BlockKind,
    /// Alignment pieces; `Piece::clean` is an offset into `text`.
    pub pieces: Vec<Piece>,
    /// True when the block was followed by a blank line (plain text) or ended
    /// a block element (HTML). Plain-text readers use it to tell lines of one
    /// paragraph from paragraphs.
    pub blank_after: bool,
}

impl Block {
    /// A block whose text is the raw bytes at `raw_start` verbatim.
    pub fn verbatim(text: &str, raw_start: usize, kind: BlockKind) -> Block {
        Block {
            text: text.to_string(),
            kind,
            pieces: vec![Piece {
                clean: 0,
                raw: raw_start as u32,
                len: text.len() as u32,
                raw_len: text.len() as u32,
            }],
            blank_after: false,
        }
    }
}

/// Metadata a page states about itself (HTML meta tags, JSON-LD, `<title>`),
/// gathered by the HTML reader.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// `og:title`, JSON-LD headline, or `<title>`.
    pub title: Option<String>,
    /// `article:published_time`, JSON-LD `datePublished`, `<time datetime>` and similar, as written.
    pub published: Option<String>,
    /// `author` meta, JSON-LD author names, `rel=author` links.
    pub authors: Vec<String>,
    /// `og:site_name`, JSON-LD publisher name.
    pub outlet: Option<String>,
    /// `<html lang>` or `content-language`.
    pub language: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub url: Option<String>,
}
