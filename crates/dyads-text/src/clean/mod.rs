//! From an [`Article`] to a clean [`Document`].
//!
//! The steps: the content is turned into blocks (plain-text lines or HTML
//! block elements); [`boilerplate`] drops the blocks that are not the
//! article's body and [`metadata`] reads title, date, authors, outlet and
//! dateline from the blocks it looked at; the kept blocks are joined with a
//! blank line between them; the text is segmented into sentences and tokens.

pub mod boilerplate;
pub mod dateline;
pub mod lines;
pub mod metadata;
pub mod pubdate;

use sha2::{Digest, Sha256};

use crate::article::{Article, ContentKind, Format};
use crate::blocks::{Block, PageMeta};
use crate::document::{Alignment, Document, Metadata};
use crate::error::{Error, ErrorKind, Place, Result};
use crate::formats::{html, read_input, text, Limits};
use crate::segment;
use crate::span::Span;

/// Reads `content` as one plain-text article called `name` (default
/// limits) and cleans it: the short way from a string to a [`Document`].
///
/// ```
/// let doc = dyads_text::clean_text("note.txt", "Kenya recalled its envoy.\n")?;
/// assert_eq!(doc.sentences.len(), 1);
/// # Ok::<(), dyads_text::Error>(())
/// ```
pub fn clean_text(name: &str, content: &str) -> Result<Document> {
    let first = read_input(
        name,
        content.as_bytes(),
        Some(Format::Text),
        &Limits::default(),
    )
    .into_iter()
    .next();
    clean(&first.unwrap_or_else(|| Err(Error::new(ErrorKind::Empty, name, Place::Whole)))?)
}

/// Cleans an article: boilerplate removed, metadata read, text segmented.
///
/// Fails with [`ErrorKind::NoBody`] when nothing of the body survives, and
/// with [`ErrorKind::Empty`] when the content holds no text.
pub fn clean(article: &Article) -> Result<Document> {
    let origin = article.origin();
    if article.content.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, origin, Place::Whole));
    }
    let (blocks, page) = match article.kind {
        ContentKind::Text => (text::blocks(&article.content), PageMeta::default()),
        ContentKind::Html => html::extract(&article.content)
            .map_err(|m| Error::new(ErrorKind::Html(m), origin.clone(), Place::Whole))?,
    };
    let analysis = boilerplate::analyse(&blocks, &page, &article.hints, article.kind);
    let meta = metadata::resolve(&analysis, &page, &article.hints);
    let kept: Vec<&Block> = analysis.body.iter().map(|&i| &blocks[i]).collect();
    if kept.is_empty() {
        return Err(Error::new(ErrorKind::NoBody, origin, Place::Whole));
    }
    Ok(assemble(&kept, meta))
}

/// Joins kept blocks into a document: a blank line between blocks, the
/// alignment shifted to clean-text offsets, then sentences and tokens.
pub fn assemble(blocks: &[&Block], meta: Metadata) -> Document {
    let mut text = String::new();
    let mut alignment = Alignment::default();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    for b in blocks {
        if b.text.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let base = text.len();
        text.push_str(&b.text);
        for p in &b.pieces {
            alignment.push(
                base + p.clean as usize,
                p.raw as usize,
                p.len as usize,
                p.raw_len as usize,
            );
        }
        paragraphs.push(Span::new(base, text.len()));
    }
    // A dateline (`KYIV, March 3 (Agency) - `) is a segment of its own:
    // glued to the lede it would make `KYIV` the subject of its verb.
    let dateline_end = paragraphs
        .first()
        .and_then(|p| Some(p.start as usize + dateline::dateline(p.slice(&text))?.end));
    let (sentences, tokens) =
        segment::segment_with_cuts(&text, &paragraphs, dateline_end.as_slice());
    let content_hash = hash(&text, &meta);
    Document {
        text,
        meta,
        alignment,
        sentences,
        tokens,
        paragraphs,
        content_hash,
    }
}

fn hash(text: &str, meta: &Metadata) -> String {
    let mut h = Sha256::new();
    h.update(text.as_bytes());
    h.update([0u8]);
    h.update(meta.title.as_deref().unwrap_or("").as_bytes());
    h.update([0u8]);
    if let Some(p) = &meta.published {
        h.update(p.value.as_bytes());
    }
    h.update([0u8]);
    h.update(meta.url.as_deref().unwrap_or("").as_bytes());
    let digest = h.finalize();
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}
