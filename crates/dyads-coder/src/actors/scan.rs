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
            // `pro-North Korean forces`, `anti-American protests`: a
            // sympathy or hostility prefix names no actor of that country.
            .filter(|m| !after_stance_prefix(text, m.span.start as usize))
            // `Latin American countries`, `South American leaders`: a
            // region's demonym, not the United States'.
            .filter(|m| !regional_american(text, m.span.start as usize, m.span.end as usize))
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

/// Whether the text before byte `start` ends with `pro-` or `anti-` as a
/// word of its own (any case).
fn after_stance_prefix(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let b = before.as_bytes();
    ["pro-", "anti-"].iter().any(|p| {
        b.len() >= p.len()
            && b[b.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
            && (b.len() == p.len() || !b[b.len() - p.len() - 1].is_ascii_alphanumeric())
    })
}

/// Whether the words at `start..end` are `American(s)` after `Latin`,
/// `South` or `Central`.
fn regional_american(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(word)) = (text.get(..start), text.get(start..end)) else {
        return false;
    };
    matches!(word, "American" | "Americans")
        && ["Latin ", "South ", "Central "]
            .iter()
            .any(|p| before.ends_with(p))
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

/// A word of a parsed sentence: tokens joined by a hyphen with no space
/// (`Russian` `-` `Korean`, `Seung` `-` `soo`) merged; punctuation and
/// possessives stay words of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Bytes of the word.
    pub span: Span,
}

/// The words of a parsed sentence, in order.
pub(crate) fn words(text: &str, p: &ParsedSentence) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(p.tokens.len());
    for (k, t) in p.tokens.iter().enumerate() {
        let w = t.span.slice(text);
        if let Some(last) = out.last_mut() {
            let prev = last.span.slice(text);
            let alnum = |s: &str| s.chars().next().is_some_and(char::is_alphanumeric);
            let glued = last.span.end == t.span.start
                && ((w == "-" && prev.chars().last().is_some_and(char::is_alphanumeric))
                    || (prev.ends_with('-') && alnum(w)));
            if glued {
                last.end = k + 1;
                last.span.end = t.span.end;
                continue;
            }
        }
        out.push(Word {
            first: k,
            end: k + 1,
            span: t.span,
        });
    }
    // A trailing hyphen (`pro-` before a space) is not glued to anything.
    out
}

/// Where the noun phrase headed inside `span` ends on the right: the last
/// of the contiguous tokens after `span` that depend on its head
/// (`commission on trade and economic cooperation between Russia and North
/// Korea`), never through a clause, an apposition or punctuation.
pub(crate) fn np_right_end(p: &ParsedSentence, span: Span) -> Option<u32> {
    let h = head_token(p, span)?;
    let under = |k: usize| {
        let mut x = k;
        for _ in 0..24 {
            let t = &p.tokens[x];
            if matches!(
                t.deprel,
                "acl" | "acl:relcl" | "punct" | "appos" | "parataxis" | "advcl" | "ccomp" | "dep"
            ) {
                return false;
            }
            match t.head {
                Some(y) if y == h => return true,
                Some(y) => x = y,
                None => return false,
            }
        }
        false
    };
    let first = p.tokens.iter().position(|t| t.span.start >= span.end)?;
    let mut end = None;
    for k in first..p.tokens.len() {
        if !under(k) {
            break;
        }
        end = Some(p.tokens[k].span.end);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::after_stance_prefix;

    #[test]
    fn stance_prefixes() {
        for (text, start, want) in [
            ("eradicate pro-North Korean forces", 14, true),
            ("Anti-American protests", 5, true),
            ("the anti-Russia coalition", 9, true),
            ("a Russian ship", 2, false),
            ("repro-Russian", 6, false),
            ("pro-", 4, true),
            ("", 0, false),
            ("caf\u{e9}", 4, false),
        ] {
            assert_eq!(
                after_stance_prefix(text, start),
                want,
                "{text:?} at {start}"
            );
        }
    }

    #[test]
    fn regional_demonyms() {
        use super::regional_american;
        for (text, start, end, want) in [
            ("seven Latin American countries", 12, 20, true),
            ("South Americans", 6, 15, true),
            ("an American envoy", 3, 11, false),
            ("North American", 6, 14, false),
            ("Latin American", 6, 99, false),
        ] {
            assert_eq!(regional_american(text, start, end), want, "{text:?}");
        }
    }
}
