//! Sentences and tokens.
//!
//! [`segment`] splits clean text into [`Token`]s and [`Sentence`]s in one
//! pass over the bytes, with no regular expressions and no allocation beyond
//! the output vectors.
//!
//! ```
//! use dyads_text::segment::segment;
//! use dyads_text::Span;
//!
//! let text = "Lavrov said on Jan. 16 that the U.S. was wrong. Seoul agreed.";
//! let (sentences, tokens) = segment(text, &[Span::new(0, text.len())]);
//! let first = sentences[0].span.slice(text);
//! assert_eq!(first, "Lavrov said on Jan. 16 that the U.S. was wrong.");
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(tokens[3].span.slice(text), "Jan.");
//! ```
//!
//! # Guarantees
//!
//! - Tokens are in order, do not overlap, hold no whitespace
//!   ([`char::is_whitespace`]) and together cover every other character
//!   exactly once. Spans fall on char boundaries.
//! - Sentences are in order and cover the tokens `first_token..end_token`
//!   with no gap: a sentence's span runs from its first token's start to
//!   its last token's end, so the sentences partition the text's non-space
//!   content.
//! - No sentence or token crosses a paragraph boundary: every start and end
//!   of a span in `paragraphs` that falls on a char boundary cuts the text,
//!   and so does every blank line (two or more line breaks, or U+2029), so
//!   the result is right when `paragraphs` is empty, partial or odd.
//!
//! # Tokens
//!
//! - Words are runs of letters, digits and combining marks. An apostrophe
//!   (`'` `’`) or hyphen between two word characters joins (`Xi’s`,
//!   `Jong-un`, `US-North`, `F-16`); a leading or trailing one is `Punct`.
//! - A period between two letters joins (`U.S`, `e.g`, `kcna.kp`), except
//!   in the missing-space typo `agreed.The`.
//! - A word keeps its final period when it is dotted with parts of at most
//!   two letters (`U.S.`, `V.V.`, `a.m.`, `Ph.D.`, one token each), is a
//!   single capital initial (`J.`), or is a listed abbreviation (`Jan.`,
//!   `Dr.`, `Inc.`, `etc.`; `No.`, `Art.` and the like only before a
//!   number). Any other final period, including the one that ends a
//!   sentence, is its own `Punct` token. `U.S.-led` is one word.
//! - Numbers: `,` `.` `:` `/` between two digits and hyphens join
//!   (`1,000`, `3.5`, `25.01.2024`, `11:33`, `2024-01-17`); a token that
//!   starts with a digit and has no letters is a `Number`, `5th` or `10km`
//!   is a `Word`. `%` is a `Punct` token of its own.
//! - URLs (`http://`, `https://`, `ftp://`, `www.`, or a dotted domain
//!   followed by a path: `t.me/x/34213`) and emails (`a@b.org`) are single
//!   `Word` tokens, without trailing `.,;:!?'` or unbalanced `)`.
//! - A run of two or more periods is one `Punct` token (`...`); every
//!   other character is a `Punct` token of its own (each quote mark).
//!
//! # Sentence boundaries
//!
//! - `.` `?` `!` (and `。` `？` `！` `؟` `।` ...) end a sentence unless the
//!   next word, after any opening quotes or brackets, starts with a
//!   lowercase letter, or the next token is `,` `;` `:`. Closing quotes and
//!   brackets and further terminators touching the terminator stay in the
//!   sentence (`He said “we agree.” Then` splits after `”`;
//!   `"Why?" he asked.` does not split). `;` and `:` never split.
//! - `1.` opening a sentence is a list marker, not a full stop.
//! - An ellipsis (`...`, `…`) ends a sentence only when the next word is
//!   capitalised, and never when it opens the sentence.
//! - After an abbreviation that kept its period:
//!   titles and lead-ins (`Dr.` `Mr.` `Mrs.` `Ms.` `Prof.` `Gen.` `Lt.`
//!   `Col.` `Sen.` `Rep.` `Gov.` ..., `No.`, `vs.`, `e.g.`, `i.e.`) never
//!   end a sentence; `etc.` ends one when the next word is capitalised;
//!   every other one (`U.S.`, `U.N.`, `a.m.`, `p.m.`, `Inc.`, `Ltd.`,
//!   `Co.`, `Corp.`, `Jr.`, `St.`, months, dotted initials `V.V.` and
//!   single initials `J.`) ends one only when the next word is a common
//!   sentence starter: a pronoun, determiner, conjunction or discourse word
//!   (`The`, `He`, `It`, `But`, `However`, `In`, ...). So `the U.S. The
//!   next day` splits, `the U.S. Congress`, `V.V. Putin`, `J. Smith` and
//!   `11:33 a.m. Moscow time` do not.
//! - Line breaks. A blank line always ends a sentence. A single line break
//!   ends one where the rules above say so, and otherwise only when the
//!   next line opens a list item (`-`/`*` followed by a space, `•` and
//!   other bullets, `1.`, `2)`, `(a)`, `a)`) or the line is a headline: it
//!   ends in a word, number or closing quote with no final punctuation, its
//!   last word is not a connector a wrapped line tends to end with (`the`,
//!   `of`, `and`, `said`, ...), and the next line starts with a capital.
//!   A hard-wrapped sentence whose next line happens to start with a name
//!   can thus be split; text produced by [`crate::clean`] has no line
//!   breaks inside paragraphs.

mod lexicon;
mod sentence;
mod token;

#[cfg(test)]
mod tests;

use crate::document::{Sentence, Token};
use crate::span::Span;

/// Splits clean text into sentences and tokens. `paragraphs` are the spans of
/// the blocks (no sentence crosses a paragraph boundary); blank lines are
/// paragraph breaks too, so `paragraphs` may be empty.
pub fn segment(text: &str, paragraphs: &[Span]) -> (Vec<Sentence>, Vec<Token>) {
    segment_with_cuts(text, paragraphs, &[])
}

/// [`segment`], with more places no sentence crosses: `cuts` are byte
/// offsets (a dateline's end, so that `KYIV, March 3 -` is a segment of
/// its own and not the start of the lede's sentence). Offsets outside the
/// text or inside a character are ignored.
pub fn segment_with_cuts(
    text: &str,
    paragraphs: &[Span],
    extra: &[usize],
) -> (Vec<Sentence>, Vec<Token>) {
    let mut cuts: Vec<usize> = Vec::with_capacity(paragraphs.len() * 2 + extra.len() + 2);
    cuts.push(0);
    let bounds = paragraphs
        .iter()
        .flat_map(|p| [p.start as usize, p.end as usize])
        .chain(extra.iter().copied());
    for pos in bounds {
        if pos <= text.len() && text.is_char_boundary(pos) {
            cuts.push(pos);
        }
    }
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut sentences = Vec::with_capacity(text.len() / 80 + 1);
    for w in cuts.windows(2) {
        if let [a, b] = *w {
            let first = tokens.len();
            token::tokenize(text, a, b, &mut tokens);
            sentence::split(text, &tokens, first, tokens.len(), &mut sentences);
        }
    }
    (sentences, tokens)
}
