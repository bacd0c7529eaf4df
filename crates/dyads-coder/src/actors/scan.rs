//! One lexicon scan per sentence, with spans moved to document offsets, and
//! small helpers over the text and the parse that the rules share.

use dyads_lexicon::{Lexicon, Match, TermMatch};
use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

/// The lexicon matches of one sentence, in document offsets.
#[derive(Clone, Debug, Default)]
pub(crate) struct SentScan {
    /// Index of the sentence.
    pub idx: usize,
    /// Bytes of the sentence.
    pub span: Span,
    /// Actor matches, in text order.
    pub matches: Vec<Match>,
    /// Sector terms (titles and nouns), in text order.
    pub terms: Vec<TermMatch>,
}

fn shift(s: Span, base: u32) -> Span {
    Span {
        start: s.start + base,
        end: s.end + base,
    }
}

/// Scans every sentence of `doc`.
pub(crate) fn scan_document(doc: &Document, lex: &Lexicon) -> Vec<SentScan> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    for (idx, sentence) in doc.sentences.iter().enumerate() {
        let base = sentence.span.start;
        let Some(text) = doc.text.get(base as usize..sentence.span.end as usize) else {
            continue;
        };
        let scan = lex.scan(text);
        let matches = scan
            .actors
            .into_iter()
            .map(|mut m| {
                m.span = shift(m.span, base);
                if let Some(t) = &mut m.title {
                    t.span = shift(t.span, base);
                }
                m
            })
            .collect();
        let terms = scan
            .terms
            .into_iter()
            .map(|mut t| {
                t.span = shift(t.span, base);
                t
            })
            .collect();
        out.push(SentScan {
            idx,
            span: sentence.span,
            matches,
            terms,
        });
    }
    out
}

/// The text between two offsets (empty when out of order or out of range).
pub(crate) fn gap(text: &str, from: u32, to: u32) -> &str {
    if from > to {
        return "";
    }
    text.get(from as usize..to as usize).unwrap_or("")
}

/// True for a possessive ending (`'s`, `’s`, `'`).
pub(crate) fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "’s" | "'" | "’" | "´s")
}

/// The index of the token of `p` that heads `span` (the first token in the
/// span whose head lies outside it).
pub(crate) fn head_token(p: &ParsedSentence, span: Span) -> Option<usize> {
    let inside = |i: usize| {
        p.tokens
            .get(i)
            .is_some_and(|t| t.span.start >= span.start && t.span.end <= span.end)
    };
    (0..p.tokens.len())
        .filter(|&i| inside(i))
        .find(|&i| p.tokens[i].head.is_none_or(|h| !inside(h)))
}

/// True when the token's relation makes it a subject.
pub(crate) fn is_subject(deprel: &str) -> bool {
    deprel == "nsubj" || deprel == "nsubj:pass" || deprel == "csubj"
}

/// True when a word looks like part of a name: starts with an uppercase
/// letter and holds only letters, hyphens, apostrophes and dots.
pub(crate) fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// Words that start with a capital but never belong to a person's name.
pub(crate) fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "Mr"
            | "Mr."
            | "Mrs"
            | "Mrs."
            | "Ms"
            | "Ms."
            | "Dr"
            | "Dr."
            | "Comrade"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}
