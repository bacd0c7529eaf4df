//! Quotes: who said what, in direct quotation or reported speech.
//!
//! [`find`] reads a parsed document and returns one [`Quote`] per
//! attribution, in text order:
//!
//! - **direct** quotes ([`marks`]): text between quotation marks, straight
//!   (`"`) or curly (`“ ”`), across sentences, and across paragraphs when the
//!   next paragraph reopens the quote (the news convention); single marks
//!   inside are nested quotes and stay part of the content. Scare quotes of
//!   fewer than four words are not quotes. The speaker and cue come from a
//!   speech verb outside the marks in the sentence where the quote ends
//!   (`"...," X said.`, `"...," said X.`) or begins (`X said: "..."`);
//! - **reported** speech ([`reported`]): a speech verb (`say`, `tell`,
//!   `warn`, `claim`...) with a clausal complement (`X said (that) ...`, `X
//!   told reporters ...`, `X warned that ...`), or a clause followed by `, X
//!   said`; the content is the complement;
//! - **according to**: `according to X, ...`: the rest of the sentence.
//!
//! Speakers are resolved to actors with [`DocActors::at`]: the first actor
//! mention inside the speaker span.
//!
//! ```
//! use dyads_coder::quotes::{find, QuoteKind};
//! # use dyads_text::{Document, Metadata, Span};
//! # let text = "\u{201c}We will not accept this,\u{201d} the minister said.";
//! # let paragraphs = [Span::new(0, text.len())];
//! # let (sentences, tokens) = dyads_text::segment::segment(text, &paragraphs);
//! # let doc = Document { text: text.into(), meta: Metadata::default(),
//! #     alignment: Default::default(), sentences, tokens,
//! #     paragraphs: paragraphs.to_vec(), content_hash: String::new() };
//! let parsed = dyads_syntax::Pipeline::load()?.annotate(&doc);
//! let quotes = find(&doc, &parsed, &Default::default());
//! assert_eq!(quotes.len(), 1);
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! assert_eq!(quotes[0].content.slice(text), "We will not accept this,");
//! assert_eq!(quotes[0].speaker.map(|s| s.slice(text)), Some("the minister"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod marks;
pub mod reported;

use serde::Serialize;

use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

use crate::actors::DocActors;

/// How a quote is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Between quotation marks.
    Direct,
    /// Reported speech: `X said (that) ...`.
    Reported,
    /// `according to X, ...`.
    AccordingTo,
}

/// The words that attribute a quote: a speech verb (with its auxiliaries,
/// `has said`) or `according to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cue {
    /// Bytes of the cue in the clean text.
    pub span: Span,
    /// Lemma of the cue's head (`say`, `warn`, `according to`).
    pub lemma: String,
}

/// One quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Bytes of the speaker's words (`the minister`, `Lavrov`), when found.
    pub speaker: Option<Span>,
    /// The speaker's actor: an index into [`DocActors::actors`].
    pub speaker_actor: Option<usize>,
    /// The attributing words, when found.
    pub cue: Option<Cue>,
    /// Bytes of what was said (marks excluded for direct quotes).
    pub content: Span,
    /// Direct, reported or `according to`.
    pub kind: QuoteKind,
    /// Index of the sentence holding the cue, else where the content starts.
    pub sentence: usize,
}

/// Every quote of `doc`, in text order. `parsed` holds one parse per
/// `doc.sentences` entry (as [`dyads_syntax::Pipeline::annotate`] returns);
/// `actors` resolves speakers (pass `DocActors::default()` to skip that).
pub fn find(doc: &Document, parsed: &[ParsedSentence], actors: &DocActors) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut reported_all = Vec::new();
    for (i, p) in parsed.iter().enumerate() {
        reported_all.extend(reported::in_sentence(doc, i, p));
    }
    let direct = marks::direct_quotes(doc);
    for q in direct {
        let sentence = sentence_of(doc, q.content.start);
        // A partial quote inside reported speech (`X said the plan was "a
        // disaster" for ...`): the reported speech is the attribution.
        let partial = reported_all.iter().any(|r| {
            r.content.contains(q.content)
                && r.content.len() > q.content.len() + 2
                && !q.content.contains(r.cue_span())
        });
        if partial {
            continue;
        }
        // A reported-speech cue whose complement is this quote gives the
        // speaker (`"...", he said.` parses `said` with the quote as ccomp).
        let from_reported = reported_all
            .iter()
            .position(|r| !q.content.contains(r.cue_span()) && overlaps(r.content, q.content));
        let mut quote = match from_reported {
            Some(k) => {
                let r = reported_all.remove(k);
                Quote {
                    content: q.content,
                    kind: QuoteKind::Direct,
                    ..r
                }
            }
            None => {
                let (speaker, cue, s) = marks::attribute(doc, parsed, &q)
                    .or_else(|| continued(doc, &out, q.content))
                    .unwrap_or((None, None, sentence));
                Quote {
                    speaker,
                    speaker_actor: None,
                    cue,
                    content: q.content,
                    kind: QuoteKind::Direct,
                    sentence: s,
                }
            }
        };
        if q.words < 4 && quote.cue.is_none() {
            continue; // scare quotes
        }
        quote.speaker_actor = quote.speaker.and_then(|s| actor_at(actors, s));
        out.push(quote);
    }
    // Reported speech inside a direct quote is the quoted speaker's words,
    // not a separate attribution; a reported quote overlapping a kept
    // direct quote is the same attribution.
    for mut r in reported_all {
        let inside = out.iter().any(|d| {
            d.kind == QuoteKind::Direct
                && (d.content.contains(r.cue_span()) || overlaps(d.content, r.content))
        });
        if inside {
            continue;
        }
        r.speaker_actor = r.speaker.and_then(|s| actor_at(actors, s));
        out.push(r);
    }
    out.sort_by_key(|q| (q.content.start, q.content.end));
    out
}

/// The attribution of a quote that continues the previous direct quote of
/// its paragraph (`"A," said X. "B."`): that quote's speaker and cue.
type Attribution = (Option<Span>, Option<Cue>, usize);

fn continued(doc: &Document, out: &[Quote], content: Span) -> Option<Attribution> {
    let prev = out.last().filter(|p| p.kind == QuoteKind::Direct)?;
    let cue = prev.cue.clone()?;
    let para = |pos: u32| doc.paragraphs.partition_point(|p| p.start <= pos);
    (para(prev.content.start) == para(content.start) && cue.span.end <= content.start).then_some((
        prev.speaker,
        Some(cue),
        prev.sentence,
    ))
}

impl Quote {
    fn cue_span(&self) -> Span {
        self.cue.as_ref().map_or(Span::default(), |c| c.span)
    }
}

/// The first actor mention inside `span`.
fn actor_at(actors: &DocActors, span: Span) -> Option<usize> {
    actors.at(span).next().map(|m| m.actor)
}

/// True when two spans share at least one byte.
pub(crate) fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The index of the sentence holding byte `pos` (the last one starting at
/// or before it).
pub(crate) fn sentence_of(doc: &Document, pos: u32) -> usize {
    doc.sentences
        .partition_point(|s| s.span.start <= pos)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests;
