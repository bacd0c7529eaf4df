//! Clean documents: body text, metadata, alignment, sentences and tokens.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How precise a publication date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Year only (`2024`).
    Year,
    /// Year and month (`2024-01`).
    Month,
    /// A calendar day (`2024-01-15`).
    Day,
    /// Day with hour and minute (`2024-01-15T11:33`).
    Minute,
    /// Day with time to the second (`2024-01-15T11:33:05`).
    Second,
}

impl Precision {
    /// The lowercase name used in JSON and the store.
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Minute => "minute",
            Precision::Second => "second",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(s: &str) -> Option<Precision> {
        Some(match s {
            "year" => Precision::Year,
            "month" => Precision::Month,
            "day" => Precision::Day,
            "minute" => Precision::Minute,
            "second" => Precision::Second,
            _ => return None,
        })
    }
}

/// A publication date or date-time, written in ISO 8601 to its precision
/// (`2024-01-25`, `2024-01-15T11:33`, `2024-01-15T11:33:00+03:00`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// ISO 8601 text, as precise as the source allows.
    pub value: String,
    /// The precision of `value`.
    pub precision: Precision,
}

impl Published {
    /// The calendar date part (`YYYY-MM-DD`) when the precision is a day or finer.
    pub fn date(&self) -> Option<&str> {
        match self.precision {
            Precision::Year | Precision::Month => None,
            _ => self.value.get(..10),
        }
    }
}

/// What we know about a document. A field the article does not support is `None`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The publication date.
    pub published: Option<Published>,
    /// Authors, in the order given.
    pub authors: Vec<String>,
    /// The outlet, when the text or page names it.
    pub outlet: Option<String>,
    /// The place of the dateline (`Moscow` in `Moscow, 17 January 2024 (TDI):`).
    pub dateline_place: Option<String>,
    /// ISO 639-1 language code, when it can be told.
    pub language: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// An identifier given by the input (JSON `id`, feed guid).
    pub external_id: Option<String>,
}

/// One piece of the alignment: `len` bytes of clean text starting at `clean`
/// come from the raw content starting at `raw`. When `exact` is false the
/// clean bytes were produced by decoding (entities, whitespace) and only the
/// piece's start and end correspond.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// Offset in the clean text.
    pub clean: u32,
    /// Offset in the raw content.
    pub raw: u32,
    /// Length in the clean text.
    pub len: u32,
    /// Length in the raw content.
    pub raw_len: u32,
}

/// A map from clean-text offsets back to offsets in the article's raw content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    /// Pieces in increasing `clean` order, not overlapping.
    pub pieces: Vec<Piece>,
}

impl Alignment {
    /// Appends a piece; pieces must be pushed in clean-text order.
    pub fn push(&mut self, clean: usize, raw: usize, len: usize, raw_len: usize) {
        if len == 0 && raw_len == 0 {
            return;
        }
        self.pieces.push(Piece {
            clean: clean as u32,
            raw: raw as u32,
            len: len as u32,
            raw_len: raw_len as u32,
        });
    }

    /// The raw offset of clean offset `pos`, or `None` when `pos` falls in
    /// text we inserted (block separators).
    pub fn to_raw(&self, pos: usize) -> Option<usize> {
        let pos = pos as u32;
        let i = self.pieces.partition_point(|p| p.clean + p.len <= pos);
        let p = self.pieces.get(i)?;
        if pos < p.clean {
            return None;
        }
        let off = pos - p.clean;
        if p.len == p.raw_len {
            Some((p.raw + off) as usize)
        } else if off == 0 {
            Some(p.raw as usize)
        } else {
            Some((p.raw + p.raw_len) as usize)
        }
    }

    /// The raw offset just past clean byte `pos - 1`: the raw end of a span
    /// that ends at `pos`.
    pub fn end_to_raw(&self, pos: usize) -> Option<usize> {
        let last = pos.checked_sub(1)? as u32;
        let i = self.pieces.partition_point(|p| p.clean + p.len <= last);
        let p = self.pieces.get(i)?;
        if last < p.clean {
            return None;
        }
        if p.len == p.raw_len {
            Some((p.raw + (last - p.clean) + 1) as usize)
        } else {
            Some((p.raw + p.raw_len) as usize)
        }
    }

    /// The raw span of a clean span, when both ends map.
    pub fn span_to_raw(&self, span: Span) -> Option<Span> {
        let start = self.to_raw(span.start as usize)?;
        let end = if span.is_empty() {
            start
        } else {
            self.end_to_raw(span.end as usize)?
        };
        Some(Span::new(start, end.max(start)))
    }
}

/// What sort of token a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes, hyphens or periods: `U.S.`, `Jong-un`).
    Word,
    /// Digits, possibly with separators (`1,000`, `3.5`, `25.01.2024`).
    Number,
    /// Punctuation and symbols.
    Punct,
}

/// A token: a span into the clean text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Bytes it covers.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
}

/// A sentence: its span and the range of its tokens in `Document::tokens`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Bytes it covers, from its first to its last non-space character.
    pub span: Span,
    /// Index of its first token.
    pub first_token: u32,
    /// One past the index of its last token.
    pub end_token: u32,
}

/// A clean document: body text with boilerplate removed, metadata, the
/// alignment back to the raw content, sentences and tokens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Clean body text: paragraphs separated by a blank line.
    pub text: String,
    /// What we know about the document.
    pub meta: Metadata,
    /// Clean-text offsets back to `Article::content`.
    pub alignment: Alignment,
    /// Sentences, in order, partitioning the text's non-space content.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Paragraph spans (blocks of the clean text), in order.
    pub paragraphs: Vec<Span>,
    /// SHA-256 of the clean text and metadata, hex: equal hashes mean the same article.
    pub content_hash: String,
}

impl Document {
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The dateline the first paragraph opens with (`TOKYO, Aug 27
    /// (Agency) - `), as bytes of the clean text up to just past its
    /// separator.
    pub fn dateline_span(&self) -> Option<Span> {
        let p = self.paragraphs.first()?;
        let d = crate::clean::dateline::dateline(p.slice(&self.text))?;
        Some(Span::new(p.start as usize, p.start as usize + d.end))
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        match self.sentences.get(i) {
            Some(s) => self
                .tokens
                .get(s.first_token as usize..s.end_token as usize)
                .unwrap_or(&[]),
            None => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_maps_exact_and_decoded_pieces() {
        let mut a = Alignment::default();
        a.push(0, 10, 5, 5); // "Hello" from raw 10..15
        a.push(7, 30, 1, 5); // "&amp;" decoded to "&" at clean 7
        assert_eq!(a.to_raw(0), Some(10));
        assert_eq!(a.to_raw(4), Some(14));
        assert_eq!(a.to_raw(5), None);
        assert_eq!(a.to_raw(7), Some(30));
        assert_eq!(a.span_to_raw(Span::new(0, 5)), Some(Span::new(10, 15)));
        assert_eq!(a.span_to_raw(Span::new(7, 8)), Some(Span::new(30, 35)));
    }
}
