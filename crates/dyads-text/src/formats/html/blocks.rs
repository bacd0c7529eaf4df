//! Building aligned blocks from HTML text runs.
//!
//! Whitespace (including `&nbsp;` and other space references) collapses to
//! one space; leading and trailing space is trimmed. Verbatim text becomes
//! pieces with `len == raw_len` (merged while contiguous); a decoded
//! reference or a collapsed whitespace run becomes its own piece with the
//! raw length of what it replaced. Soft hyphens, zero-width characters and
//! direction marks are dropped.
//!
//! `<br>`: a single one is a space; two or more in a row (only whitespace
//! between) end the block, as pages that separate paragraphs with `<br><br>`
//! intend.

use super::entities;
use crate::blocks::{Block, BlockKind};
use crate::document::Piece;

/// Characters dropped from text.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}' | '\u{feff}'
    )
}

/// Accumulates text into blocks.
pub struct BlockBuilder<'a> {
    src: &'a str,
    blocks: Vec<Block>,
    text: String,
    pieces: Vec<Piece>,
    kind: BlockKind,
    /// Raw range of whitespace waiting to become one space.
    space: Option<(usize, usize)>,
    /// `<br>`s since the last text.
    brs: usize,
    /// The last piece is verbatim and may be extended.
    mergeable: bool,
}

impl<'a> BlockBuilder<'a> {
    /// A builder over the page `src`.
    pub fn new(src: &'a str) -> Self {
        BlockBuilder {
            src,
            blocks: Vec::new(),
            text: String::new(),
            pieces: Vec::new(),
            kind: BlockKind::Paragraph,
            space: None,
            brs: 0,
            mergeable: false,
        }
    }

    fn piece(&mut self, s: &str, raw: usize, raw_len: usize, verbatim: bool) {
        let clean = self.text.len();
        self.text.push_str(s);
        let len = s.len();
        if verbatim && self.mergeable {
            if let Some(last) = self.pieces.last_mut() {
                if (last.raw + last.raw_len) as usize == raw
                    && (last.clean + last.len) as usize == clean
                {
                    last.len += len as u32;
                    last.raw_len += raw_len as u32;
                    return;
                }
            }
        }
        self.pieces.push(Piece {
            clean: clean as u32,
            raw: raw as u32,
            len: len as u32,
            raw_len: raw_len as u32,
        });
        self.mergeable = verbatim;
    }

    fn add_space(&mut self, start: usize, end: usize) {
        self.space = match self.space {
            Some((s, _)) => Some((s, end)),
            None => Some((start, end)),
        };
    }

    /// Emits the pending space before visible text, unless at the block start.
    fn before_visible(&mut self, kind: BlockKind) {
        if self.text.is_empty() {
            self.kind = kind;
        }
        self.brs = 0;
        if let Some((s, e)) = self.space.take() {
            if !self.text.is_empty() {
                let verbatim = self.src.get(s..e) == Some(" ");
                self.piece(" ", s, e - s, verbatim);
            }
        }
    }

    /// Adds the text run `start..end` of the page, decoding references.
    pub fn text(&mut self, start: usize, end: usize, kind: BlockKind) {
        let Some(run) = self.src.get(start..end) else {
            return;
        };
        let mut i = 0;
        while i < run.len() {
            let Some(c) = run.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let at = start + i;
            if c.is_whitespace() {
                self.add_space(at, at + c.len_utf8());
                i += c.len_utf8();
            } else if c == '&' {
                match run.get(i..).and_then(entities::decode_at) {
                    Some(d) if d.text.chars().all(char::is_whitespace) => {
                        self.add_space(at, at + d.consumed);
                        i += d.consumed;
                    }
                    Some(d) if d.text.chars().all(is_invisible) => i += d.consumed,
                    Some(d) => {
                        self.before_visible(kind);
                        self.piece(&d.text, at, d.consumed, false);
                        i += d.consumed;
                    }
                    None => {
                        self.before_visible(kind);
                        self.piece("&", at, 1, true);
                        i += 1;
                    }
                }
            } else if is_invisible(c) {
                i += c.len_utf8();
            } else {
                let rest = run.get(i..).unwrap_or("");
                let len = rest
                    .char_indices()
                    .find(|&(_, c)| c.is_whitespace() || c == '&' || is_invisible(c))
                    .map_or(rest.len(), |(j, _)| j);
                self.before_visible(kind);
                self.piece(rest.get(..len).unwrap_or(""), at, len, true);
                i += len;
            }
        }
    }

    /// A `<br>` at `start..end`: a space, or a block break when doubled.
    pub fn line_break(&mut self, start: usize, end: usize, kind: BlockKind) {
        self.brs += 1;
        if self.brs >= 2 {
            self.flush();
            self.kind = kind;
        } else {
            self.add_space(start, end);
        }
    }

    /// Ends the current block, if it has text.
    pub fn flush(&mut self) {
        self.space = None;
        self.brs = 0;
        self.mergeable = false;
        if self.text.is_empty() {
            return;
        }
        self.blocks.push(Block {
            text: std::mem::take(&mut self.text),
            kind: self.kind,
            pieces: std::mem::take(&mut self.pieces),
            blank_after: true,
        });
    }

    /// The blocks built.
    pub fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that every piece maps its clean text to the raw text it came from.
    fn check_pieces(src: &str, b: &Block) {
        let mut clean_end = 0;
        for p in &b.pieces {
            assert!(p.clean >= clean_end, "pieces overlap in {:?}", b.text);
            clean_end = p.clean + p.len;
            let clean = &b.text[p.clean as usize..(p.clean + p.len) as usize];
            let raw = &src[p.raw as usize..(p.raw + p.raw_len) as usize];
            if p.len == p.raw_len && clean != " " {
                assert_eq!(clean, raw);
            } else {
                assert_eq!(
                    entities::decode_all(raw).trim().is_empty(),
                    clean == " ",
                    "{raw:?}"
                );
            }
        }
        assert_eq!(clean_end as usize, b.text.len());
    }

    #[test]
    fn runs_table() {
        // (raw text, expected block text, expected number of pieces)
        let rows: &[(&str, &str, usize)] = &[
            ("Hello world", "Hello world", 1),
            ("  Hello \n\t world  ", "Hello world", 3),
            ("Tom &amp; Jerry", "Tom & Jerry", 3),
            ("caf&eacute;", "caf\u{e9}", 2),
            ("a&nbsp;&nbsp;b", "a b", 3),
            ("AT&T", "AT&T", 1),
            ("soft\u{ad}hyphen", "softhyphen", 2),
            (
                "&ldquo;Yes,&rdquo; she said",
                "\u{201c}Yes,\u{201d} she said",
                4,
            ),
        ];
        for (raw, want, n) in rows {
            let mut b = BlockBuilder::new(raw);
            b.text(0, raw.len(), BlockKind::Paragraph);
            let blocks = b.finish();
            assert_eq!(blocks.len(), 1, "{raw}");
            assert_eq!(blocks[0].text, *want, "{raw}");
            assert_eq!(blocks[0].pieces.len(), *n, "{raw}: {:?}", blocks[0].pieces);
            check_pieces(raw, &blocks[0]);
        }
    }

    #[test]
    fn breaks() {
        let src = "one<br>two<br><br>three";
        let mut b = BlockBuilder::new(src);
        b.text(0, 3, BlockKind::Paragraph);
        b.line_break(3, 7, BlockKind::Paragraph);
        b.text(7, 10, BlockKind::Paragraph);
        b.line_break(10, 14, BlockKind::Paragraph);
        b.line_break(14, 18, BlockKind::Paragraph);
        b.text(18, 23, BlockKind::Paragraph);
        let blocks = b.finish();
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["one two", "three"]);
        assert_eq!(blocks[0].pieces[1].raw_len, 4);
    }
}
