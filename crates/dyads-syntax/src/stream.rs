//! Streaming: plain text read in bounded chunks, CoNLL-U and IOB2 files
//! read one sentence block at a time, and CoNLL-U output with byte offsets
//! and entities in MISC, written one sentence at a time.
//!
//! Memory stays bounded by one chunk (a few MiB of text) or one sentence,
//! whatever the size of the input.
//!
//! ```
//! use dyads_syntax::stream::{plain_document, ConlluWriter, PlainChunks};
//! use dyads_syntax::Pipeline;
//!
//! let input = "Envoys met in Oslo on Monday.\n\nThey agreed to meet again.\n";
//! let pipeline = Pipeline::load().unwrap();
//! let mut writer = ConlluWriter::default();
//! let mut out = Vec::new();
//! for chunk in PlainChunks::new(input.as_bytes()) {
//!     let chunk = chunk.unwrap();
//!     let doc = plain_document(chunk.as_text().unwrap());
//!     pipeline.annotate_each(&doc, |s| {
//!         writer.write_sentence(&doc.text, &s, chunk.offset, &mut out).unwrap();
//!     });
//! }
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.contains("# sent_id = 2\n# text = They agreed to meet again.\n"));
//! assert!(text.contains("\tOslo\t") && text.contains("TokenRange=14:18"));
//! ```

use std::fmt::Write as _;
use std::io::{BufRead, Read, Write};

use dyads_text::segment::segment;
use dyads_text::{Alignment, Document, Metadata};

use crate::conllu::{read_conllu, Sentence};
use crate::error::Result;
use crate::iob2::{read_iob2, Iob2Sentence};
use crate::pipeline::ParsedSentence;

/// Chunks aim at this size and end at a blank line.
pub const CHUNK_TARGET: usize = 256 << 10;
/// A chunk without a blank line ends at a line break past this size, and a
/// line longer than this is cut after its last whitespace.
pub const CHUNK_MAX: usize = 4 << 20;

/// A piece of a plain-text input: whole paragraphs when the input has
/// blank lines at most [`CHUNK_MAX`] bytes apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlainChunk {
    /// Byte offset of the chunk in the input.
    pub offset: u64,
    /// The bytes.
    pub bytes: Vec<u8>,
}

impl PlainChunk {
    /// The chunk as text, or the input offset of its first byte that is
    /// not UTF-8.
    pub fn as_text(&self) -> std::result::Result<&str, u64> {
        std::str::from_utf8(&self.bytes).map_err(|e| self.offset + e.valid_up_to() as u64)
    }
}

/// Splits a reader into [`PlainChunk`]s, reading [`CHUNK_MAX`] bytes at most
/// ahead. Chunks end after a blank line once [`CHUNK_TARGET`] bytes are
/// gathered, so sentences (which never cross a blank line) stay whole.
#[derive(Debug)]
pub struct PlainChunks<R> {
    reader: R,
    offset: u64,
    carry: Vec<u8>,
    done: bool,
    target: usize,
    max: usize,
}

impl<R: BufRead> PlainChunks<R> {
    /// Chunks of [`CHUNK_TARGET`] bytes or so.
    pub fn new(reader: R) -> PlainChunks<R> {
        PlainChunks::with_sizes(reader, CHUNK_TARGET, CHUNK_MAX)
    }

    /// Chunks of about `target` bytes, at most `max` (for tests).
    pub fn with_sizes(reader: R, target: usize, max: usize) -> PlainChunks<R> {
        PlainChunks {
            reader,
            offset: 0,
            carry: Vec::new(),
            done: false,
            target: target.max(1),
            max: max.max(target.max(1)),
        }
    }

    fn next_chunk(&mut self) -> std::io::Result<Option<PlainChunk>> {
        // The carry, if any, is the start of a line.
        let mut buf = std::mem::take(&mut self.carry);
        let mut line_start = 0;
        while !self.done {
            let room = (self.max + 1).saturating_sub(buf.len()).max(1);
            let mut limited = Read::take(&mut self.reader, room as u64);
            let n = limited.read_until(b'\n', &mut buf)?;
            if n == 0 {
                self.done = true;
                break;
            }
            let complete = buf.ends_with(b"\n") || n < room;
            if !complete && buf.len() > self.max {
                // The line does not fit: carry it whole to the next chunk,
                // or when it alone is too long, cut it after its last
                // whitespace (else at a char boundary).
                let cut = if line_start > 0 {
                    line_start
                } else {
                    cut_point(&buf)
                };
                if cut == 0 {
                    // One char longer than the limit: complete it first.
                    continue;
                }
                self.carry = buf.split_off(cut);
                break;
            }
            if !complete {
                continue;
            }
            let blank = buf[line_start..].iter().all(u8::is_ascii_whitespace);
            line_start = buf.len();
            if (blank && buf.len() >= self.target) || buf.len() >= self.max {
                break;
            }
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let offset = self.offset;
        self.offset += buf.len() as u64;
        Ok(Some(PlainChunk { offset, bytes: buf }))
    }
}

/// Where to cut an over-long line (the whole of `buf`): after its last
/// whitespace, else after its last complete char, else before its last
/// (incomplete) char. 0 means the buffer is one incomplete char: read on.
fn cut_point(buf: &[u8]) -> usize {
    if let Some(i) = buf.iter().rposition(u8::is_ascii_whitespace) {
        if i + 1 < buf.len() {
            return i + 1;
        }
    }
    let mut start = buf.len().saturating_sub(1);
    while start > 0 && buf.get(start).is_some_and(|b| b & 0xC0 == 0x80) {
        start -= 1;
    }
    let want = match buf.get(start).copied().unwrap_or(0) {
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        b if b >= 0xC0 => 2,
        _ => 1,
    };
    if buf.len() - start >= want {
        buf.len()
    } else {
        start
    }
}

impl<R: BufRead> Iterator for PlainChunks<R> {
    type Item = std::io::Result<PlainChunk>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next_chunk() {
            Ok(Some(c)) => Some(Ok(c)),
            Ok(None) => None,
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// A document of plain text, taken as it is: no boilerplate removal, no
/// metadata; sentences and tokens from [`dyads_text::segment::segment`]
/// (blank lines end paragraphs).
pub fn plain_document(text: &str) -> Document {
    let (sentences, tokens) = segment(text, &[]);
    Document {
        text: text.to_string(),
        meta: Metadata::default(),
        alignment: Alignment::default(),
        sentences,
        tokens,
        paragraphs: Vec::new(),
        content_hash: String::new(),
    }
}

/// A block of lines between blank lines (a CoNLL-U or IOB2 sentence).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// 1-based number of its first line in the input.
    pub first_line: usize,
    /// Its lines, each followed by `\n`.
    pub text: String,
}

/// Splits a reader into [`Block`]s separated by blank lines (lines of
/// whitespace only); bytes that are not UTF-8 are replaced.
#[derive(Debug)]
pub struct Blocks<R> {
    reader: R,
    line: usize,
    raw: Vec<u8>,
}

impl<R: BufRead> Blocks<R> {
    /// Blocks of `reader`.
    pub fn new(reader: R) -> Blocks<R> {
        Blocks {
            reader,
            line: 0,
            raw: Vec::new(),
        }
    }
}

impl<R: BufRead> Iterator for Blocks<R> {
    type Item = std::io::Result<Block>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut block = Block::default();
        loop {
            self.raw.clear();
            match self.reader.read_until(b'\n', &mut self.raw) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return Some(Err(e)),
            }
            self.line += 1;
            let line = String::from_utf8_lossy(&self.raw);
            let line = line.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                if block.first_line > 0 {
                    break;
                }
                continue;
            }
            if block.first_line == 0 {
                block.first_line = self.line;
            }
            block.text.push_str(line);
            block.text.push('\n');
        }
        (block.first_line > 0).then_some(Ok(block))
    }
}

/// Shifts an error's line from block-relative to input-relative.
fn shift(mut e: crate::Error, block: &Block) -> crate::Error {
    e.line = e.line.map(|l| l + block.first_line - 1);
    e
}

impl Block {
    /// The block as one CoNLL-U sentence; errors name `file` and the line
    /// in the whole input.
    pub fn conllu(&self, file: &str) -> Result<Sentence> {
        let mut s = read_conllu(&self.text, file).map_err(|e| shift(e, self))?;
        Ok(s.pop().unwrap_or_default())
    }

    /// The block as one IOB2 sentence; errors name `file` and the line in
    /// the whole input.
    pub fn iob2(&self, file: &str) -> Result<Iob2Sentence> {
        let mut s = read_iob2(&self.text, file).map_err(|e| shift(e, self))?;
        Ok(s.pop().unwrap_or_default())
    }

    /// The input line numbers of its word lines (CoNLL-U lines whose id is
    /// an integer; IOB2 token lines), in order.
    pub fn word_lines(&self) -> Vec<usize> {
        self.text
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                let id = l.split('\t').next().unwrap_or("");
                !l.starts_with('#') && !id.contains(['-', '.'])
            })
            .map(|(i, _)| self.first_line + i)
            .collect()
    }
}

/// Writes parsed sentences as CoNLL-U, numbering them across documents.
///
/// Each sentence gets `# sent_id` and `# text` (line breaks and tabs as
/// spaces); the first sentence of a document opened with
/// [`ConlluWriter::begin_document`] also gets `# newdoc id`. MISC holds
/// `TokenRange=start:end` (byte offsets into the document text, plus the
/// `base` offset given), `SpaceAfter=No` where the next token touches, and
/// `NER=B-TYPE`/`NER=I-TYPE` for tokens inside an entity (nothing outside).
#[derive(Debug, Default)]
pub struct ConlluWriter {
    sentences: u64,
    newdoc: Option<String>,
    buf: String,
    ner: Vec<Option<(bool, &'static str)>>,
}

impl ConlluWriter {
    /// Sentences written so far.
    pub fn sentences(&self) -> u64 {
        self.sentences
    }

    /// Marks the start of a document: the next sentence carries
    /// `# newdoc id = id`.
    pub fn begin_document(&mut self, id: &str) {
        self.newdoc = Some(id.replace(['\n', '\r'], " "));
    }

    /// Writes one sentence of `text` (skipped when it has no token).
    pub fn write_sentence<W: Write>(
        &mut self,
        text: &str,
        s: &ParsedSentence,
        base: u64,
        out: &mut W,
    ) -> std::io::Result<()> {
        if s.tokens.is_empty() {
            return Ok(());
        }
        self.sentences += 1;
        self.buf.clear();
        let b = &mut self.buf;
        if let Some(id) = self.newdoc.take() {
            let _ = writeln!(b, "# newdoc id = {id}");
        }
        let _ = writeln!(b, "# sent_id = {}", self.sentences);
        b.push_str("# text = ");
        b.extend(s.span.slice(text).chars().map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c => c,
        }));
        b.push('\n');
        self.ner.clear();
        self.ner.resize(s.tokens.len(), None);
        for e in &s.entities {
            for k in e.start..e.end.min(s.tokens.len()) {
                self.ner[k] = Some((k == e.start, e.label));
            }
        }
        for (i, t) in s.tokens.iter().enumerate() {
            let form = t.span.slice(text);
            let _ = write!(
                b,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\tTokenRange={}:{}",
                i + 1,
                field(form),
                field(&t.lemma),
                t.upos,
                t.xpos,
                field(&t.feats),
                t.head.map_or(0, |h| h + 1),
                t.deprel,
                base + u64::from(t.span.start),
                base + u64::from(t.span.end),
            );
            if s.tokens.get(i + 1).map(|n| n.span.start) == Some(t.span.end) {
                b.push_str("|SpaceAfter=No");
            }
            if let Some((first, label)) = self.ner[i] {
                let _ = write!(b, "|NER={}-{label}", if first { 'B' } else { 'I' });
            }
            b.push('\n');
        }
        b.push('\n');
        out.write_all(self.buf.as_bytes())
    }
}

/// A column value: `_` when empty; tabs and line breaks become spaces.
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        "_".into()
    } else if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(input: &str, target: usize, max: usize) -> Vec<(u64, String)> {
        PlainChunks::with_sizes(input.as_bytes(), target, max)
            .map(|c| match c {
                Ok(c) => (c.offset, String::from_utf8_lossy(&c.bytes).into_owned()),
                Err(e) => panic!("{e}"),
            })
            .collect()
    }

    #[test]
    fn chunk_table() {
        type Row<'a> = (&'a str, usize, usize, &'a [&'a str]);
        let rows: &[Row] = &[
            ("a\n\nb\n", 1, 100, &["a\n\n", "b\n"]),
            ("a\nb\n\nc", 100, 100, &["a\nb\n\nc"]),
            ("aa\nbb\ncc\n", 2, 4, &["aa\n", "bb\n", "cc\n"]),
            ("one two three", 2, 5, &["one ", "two ", "three"]),
            ("ééé", 1, 2, &["é", "é", "é"]),
            ("\n\u{1e01b}", 1, 1, &["\n", "\u{1e01b}"]),
            ("a\u{1e01b}b", 1, 2, &["a", "\u{1e01b}", "b"]),
            ("", 1, 2, &[]),
        ];
        for (input, target, max, want) in rows {
            let got = chunks(input, *target, *max);
            let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(&texts, want, "{input:?}");
            let mut off = 0;
            for (o, t) in &got {
                assert_eq!(*o, off);
                off += t.len() as u64;
            }
        }
    }

    #[test]
    fn invalid_utf8_is_located() {
        let c = PlainChunk {
            offset: 10,
            bytes: b"ab\xffc".to_vec(),
        };
        assert_eq!(c.as_text(), Err(12));
    }

    #[test]
    fn blocks_and_lines() {
        let input = "\n# c\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n \n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n";
        let blocks: Vec<Block> = Blocks::new(input.as_bytes())
            .filter_map(|b| b.ok())
            .collect();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].first_line, 2);
        assert_eq!(blocks[1].word_lines(), vec![6, 7]);
        assert_eq!(blocks[1].conllu("f").map(|s| s.words.len()).ok(), Some(2));
        let bad = Block {
            first_line: 40,
            text: "1\tx\n".into(),
        };
        let e = bad.conllu("f.conllu").err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.starts_with("f.conllu:40:")));
    }
}
