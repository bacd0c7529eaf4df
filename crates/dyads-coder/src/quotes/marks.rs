//! Direct quotes: text between quotation marks, and the speech verb next
//! to them.

use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

use super::reported::{is_speech_verb, Tree};
use super::{sentence_of, Cue};

/// One quotation found between marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark.
    pub open: Span,
    /// The closing mark (`None` when the paragraph ends first).
    pub close: Option<Span>,
    /// The quoted text, marks and surrounding spaces excluded.
    pub content: Span,
    /// Words in the content.
    pub words: usize,
}

/// How far from the marks (in tokens) a speech verb may be.
const REACH: usize = 6;

fn opens(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '"')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '»' | '"')
}

/// Paragraph spans of `doc`, or the whole text as one when it has none.
fn paragraphs(doc: &Document) -> Vec<Span> {
    if doc.paragraphs.is_empty() {
        vec![Span::new(0, doc.text.len())]
    } else {
        doc.paragraphs.clone()
    }
}

/// Every quotation between double marks in `doc` (`"`, `“ ”`, `„`, `« »`,
/// and the doubled `''` and ``` `` ``` of some newspapers), in order. A quote left
/// open at the end of a paragraph goes on when the next paragraph opens
/// with a mark, and else ends with its paragraph.
pub fn direct_quotes(doc: &Document) -> Vec<Marked> {
    let paras = paragraphs(doc);
    let mut out = Vec::new();
    // The open quote: its opening mark and content start.
    let mut open: Option<(Span, usize)> = None;
    for (k, para) in paras.iter().enumerate() {
        let text = doc.text.get(para.range()).unwrap_or("");
        let base = para.start as usize;
        let mut skip_first_open = open.is_some();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            // Doubled apostrophes and backticks (`''`, ``` `` ```) are marks.
            let doubled = matches!(c, '\'' | '`') && chars.peek().is_some_and(|&(_, n)| n == c);
            if matches!(c, '\'' | '`') && !doubled {
                continue;
            }
            let len = if doubled { 2 } else { c.len_utf8() };
            if doubled {
                chars.next();
            }
            let c = match (doubled, c) {
                (true, '`') => '“',
                (true, _) => '"',
                _ => c,
            };
            let at = Span::new(base + i, base + i + len);
            if skip_first_open {
                if c.is_whitespace() {
                    continue;
                }
                skip_first_open = false;
                if opens(c) {
                    continue; // the reopening mark of a continued quote
                }
            }
            match open {
                None if opens(c) => open = Some((at, at.end as usize)),
                Some((o, start)) if closes(c) => {
                    out.push(marked(doc, o, Some(at), start, at.start as usize));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((o, start)) = open {
            let continues = paras.get(k + 1).is_some_and(|next| {
                doc.text
                    .get(next.range())
                    .and_then(|t| t.trim_start().chars().next())
                    .is_some_and(opens)
            });
            if !continues {
                out.push(marked(doc, o, None, start, para.end as usize));
                open = None;
            }
        }
    }
    out.retain(|m| !m.content.is_empty());
    out
}

fn marked(doc: &Document, open: Span, close: Option<Span>, start: usize, end: usize) -> Marked {
    let raw = doc.text.get(start..end).unwrap_or("");
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    let content = Span::new(start + lead, start + lead + trimmed.len());
    Marked {
        open,
        close,
        content,
        words: trimmed.split_whitespace().count(),
    }
}

/// The speaker, cue and sentence of a quote from a speech verb just after
/// its closing mark (`"...," X said.`, `"...," said X.`) or just before its
/// opening mark (`X said: "..."`); `None` when there is no such verb.
pub fn attribute(
    doc: &Document,
    parsed: &[ParsedSentence],
    q: &Marked,
) -> Option<(Option<Span>, Option<Cue>, usize)> {
    if let Some(close) = q.close {
        let s = sentence_of(doc, close.start);
        if let Some((speaker, cue)) = after(parsed.get(s)?, close) {
            return Some((speaker, Some(cue), s));
        }
    }
    let s = sentence_of(doc, q.open.start);
    if let Some((speaker, cue)) = before(parsed.get(s)?, q.open) {
        return Some((speaker, Some(cue), s));
    }
    // `He said:` closing the previous sentence (or paragraph).
    let prev = s.checked_sub(1)?;
    let p = parsed.get(prev)?;
    let ends_with_colon = p.tokens.last().is_some_and(|t| t.lemma == ":");
    let opens_sentence = parsed
        .get(s)?
        .tokens
        .first()
        .is_some_and(|t| t.span.start >= q.open.start);
    if !(ends_with_colon && opens_sentence) {
        return None;
    }
    let (speaker, cue) = before(p, Span::new(p.span.end as usize, p.span.end as usize))?;
    Some((speaker, Some(cue), prev))
}

/// A speech verb within [`REACH`] tokens after `close`, before any other
/// quotation mark.
fn after(p: &ParsedSentence, close: Span) -> Option<(Option<Span>, Cue)> {
    let tree = Tree::new(p);
    let first = p.tokens.iter().position(|t| t.span.start >= close.end)?;
    let last = (first + REACH).min(p.tokens.len());
    let v = (first..last)
        .take_while(|&i| !is_mark(&p.tokens[i].lemma))
        .find(|&i| is_speech_verb(&tree, i))?;
    let speaker = tree
        .speaker(v)
        .filter(|s| s.start >= close.end)
        .or_else(|| {
            // `"...," X said` or `"...," said X`, whatever the parse says.
            let words: Vec<usize> = (first..v)
                .chain(v + 1..last)
                .filter(|&i| nominal(p, i))
                .collect();
            let side: Vec<usize> = if words.first().is_some_and(|&i| i < v) {
                words.into_iter().filter(|&i| i < v).collect()
            } else {
                words.into_iter().take_while(|&i| i > v).collect()
            };
            tree.span_of(&side)
        });
    Some((speaker, tree.cue(v)))
}

/// A speech verb within [`REACH`] tokens before `open` (`X said: "..."`).
fn before(p: &ParsedSentence, open: Span) -> Option<(Option<Span>, Cue)> {
    let tree = Tree::new(p);
    let end = p.tokens.iter().position(|t| t.span.start >= open.start)?;
    let v = (end.saturating_sub(REACH)..end)
        .rev()
        .find(|&i| is_speech_verb(&tree, i))?;
    let between_ok = (v + 1..end).all(|i| {
        let t = &p.tokens[i];
        t.upos == "PUNCT"
            || t.upos == "ADV"
            || t.upos == "ADP"
            || t.upos == "NOUN"
            || t.upos == "DET"
    });
    between_ok.then(|| (tree.speaker(v), tree.cue(v)))
}

fn is_mark(s: &str) -> bool {
    s == "''" || s == "``" || s.chars().next().is_some_and(|c| opens(c) || closes(c))
}

fn nominal(p: &ParsedSentence, i: usize) -> bool {
    p.tokens
        .get(i)
        .is_some_and(|t| matches!(t.upos, "NOUN" | "PROPN" | "PRON" | "DET" | "ADJ"))
}
