//! Sentence boundaries, decided between tokens.
//!
//! A window of tokens (one paragraph, or text between blank lines) is
//! walked once. At each token the splitter asks whether a sentence ends
//! after it; the rules are described in the module docs of [`super`].

use super::lexicon::{
    abbrev_class, is_bullet, is_closer, is_connector, is_ellipsis, is_opener, is_sentence_starter,
    is_strong_terminator, AbbrevClass,
};
use crate::document::{Sentence, Token, TokenKind};
use crate::span::Span;

/// What lies between two tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    /// Nothing: the tokens touch.
    None,
    /// Spaces on one line.
    Space,
    /// One line break.
    Line,
    /// A blank line (two or more line breaks) or a paragraph separator.
    Blank,
}

/// How a token may end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminator {
    /// `.` `?` `!` and their CJK and other-script kin.
    Strong,
    /// `...` or `…`.
    Ellipsis,
    /// A word that kept its period.
    Abbrev(AbbrevClass),
}

/// Splits the tokens `first..end` (one window) into sentences.
pub(crate) fn split(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    out: &mut Vec<Sentence>,
) {
    let sp = Splitter { text, tokens, end };
    let mut start = first;
    let mut i = first;
    while i < end {
        let (ends, last) = sp.boundary_after(i, start);
        if ends || last + 1 >= end {
            if let (Some(a), Some(z)) = (tokens.get(start), tokens.get(last)) {
                out.push(Sentence {
                    span: Span::new(a.span.start as usize, z.span.end as usize),
                    first_token: start as u32,
                    end_token: (last + 1) as u32,
                });
            }
            start = last + 1;
        }
        i = last + 1;
    }
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// One past the window's last token.
    end: usize,
}

impl Splitter<'_> {
    fn str(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) if i < self.end => t.span.slice(self.text),
            _ => "",
        }
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        if i < self.end {
            self.tokens.get(i).map(|t| t.kind)
        } else {
            None
        }
    }

    /// What separates token `i` from token `i + 1`.
    fn gap(&self, i: usize) -> Gap {
        let (Some(a), Some(b)) = (self.tokens.get(i), self.tokens.get(i + 1)) else {
            return Gap::Blank;
        };
        if i + 1 >= self.end {
            return Gap::Blank;
        }
        let bytes = self.text.as_bytes();
        let (from, to) = (a.span.end as usize, b.span.start as usize);
        if from == to {
            return Gap::None;
        }
        let mut lines = 0;
        let mut k = from;
        while k < to {
            match bytes.get(k) {
                Some(b'\n' | 0x0B) => lines += 1,
                Some(b'\r') if bytes.get(k + 1) != Some(&b'\n') => lines += 1,
                Some(0x0C) => lines += 2,
                // U+0085 next line
                Some(0xC2) if bytes.get(k + 1) == Some(&0x85) => lines += 1,
                // U+2028 line separator, U+2029 paragraph separator
                Some(0xE2) if bytes.get(k + 1) == Some(&0x80) => match bytes.get(k + 2) {
                    Some(0xA8) => lines += 1,
                    Some(0xA9) => lines += 2,
                    _ => {}
                },
                _ => {}
            }
            k += 1;
        }
        match lines {
            0 => Gap::Space,
            1 => Gap::Line,
            _ => Gap::Blank,
        }
    }

    fn touching(&self, i: usize) -> bool {
        i + 1 < self.end && self.gap(i) == Gap::None
    }

    /// Whether a sentence ends after token `i` (the sentence began at
    /// `start`), and the last token it would hold: a terminator takes the
    /// closing quotes, brackets and further terminators that touch it.
    fn boundary_after(&self, i: usize, start: usize) -> (bool, usize) {
        if let Some(term) = self.terminator(i, start) {
            let last = self.absorb_closers(i);
            if last + 1 >= self.end {
                return (true, last);
            }
            let ends = match self.gap(last) {
                Gap::Blank => true,
                Gap::Line => self.ends_before(term, last + 1) || self.item_starts(last + 1),
                _ => self.ends_before(term, last + 1),
            };
            return (ends, last);
        }
        let ends = match self.gap(i) {
            Gap::Blank => true,
            Gap::Line => self.item_starts(i + 1) || self.headline_ends(i, start),
            _ => false,
        };
        (ends, i)
    }

    /// The terminator token `i` is, if any.
    fn terminator(&self, i: usize, start: usize) -> Option<Terminator> {
        let t = self.str(i);
        match self.kind(i)? {
            TokenKind::Punct if is_strong_terminator(t) => {
                // `1.` opening a list item is a marker, not a full stop.
                let marker = t == "."
                    && i == start + 1
                    && self.kind(start) == Some(TokenKind::Number)
                    && self.str(start).len() <= 3
                    && self.touching(start);
                (!marker).then_some(Terminator::Strong)
            }
            // An ellipsis that opens a sentence (`...at 11:33`) ends nothing.
            TokenKind::Punct if is_ellipsis(t) && i > start => Some(Terminator::Ellipsis),
            TokenKind::Word if t.len() > 1 && t.ends_with('.') => {
                Some(Terminator::Abbrev(abbrev_class(t)))
            }
            _ => None,
        }
    }

    fn absorb_closers(&self, i: usize) -> usize {
        let mut j = i;
        while self.touching(j) {
            let n = self.str(j + 1);
            let ok = self.kind(j + 1) == Some(TokenKind::Punct)
                && (is_closer(n) || is_strong_terminator(n) || is_ellipsis(n));
            if !ok {
                break;
            }
            j += 1;
        }
        j
    }

    /// The first token from `n` that is not an opening quote or bracket.
    fn content_from(&self, n: usize) -> Option<&str> {
        let mut k = n;
        while k < self.end && k < n + 4 {
            let t = self.str(k);
            if self.kind(k) == Some(TokenKind::Punct) && is_opener(t) {
                k += 1;
                continue;
            }
            return Some(t);
        }
        None
    }

    /// Whether a sentence ended by `term` stops before token `n`.
    fn ends_before(&self, term: Terminator, n: usize) -> bool {
        let w = self.content_from(n);
        let upper = w
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        match term {
            Terminator::Strong => {
                if matches!(self.str(n), "," | ";" | ":") {
                    return false;
                }
                !w.and_then(|w| w.chars().next())
                    .is_some_and(char::is_lowercase)
            }
            Terminator::Ellipsis | Terminator::Abbrev(AbbrevClass::Etc) => upper,
            Terminator::Abbrev(AbbrevClass::Never) => false,
            Terminator::Abbrev(AbbrevClass::CanEnd) => w.is_some_and(is_sentence_starter),
        }
    }

    /// Whether token `n`, first on its line, opens a list item: a bullet,
    /// `1.`, `2)`, `(a)`, `(iv)`, `a)`, `b.` (not `A.`,
    /// which reads as an initial).
    fn item_starts(&self, n: usize) -> bool {
        let t = self.str(n);
        let next = self.str(n + 1);
        match self.kind(n) {
            Some(TokenKind::Punct) if is_bullet(t) => {
                // `-5 degrees` is a number, `- item` a bullet.
                !matches!(t, "-" | "*") || self.gap(n) != Gap::None
            }
            Some(TokenKind::Punct) if t == "(" => {
                self.touching(n)
                    && self.touching(n + 1)
                    && self.kind(n + 1) != Some(TokenKind::Punct)
                    && next.chars().count() <= 4
                    && self.str(n + 2) == ")"
            }
            Some(TokenKind::Number) => {
                t.len() <= 3 && self.touching(n) && matches!(next, "." | ")")
            }
            Some(TokenKind::Word) => {
                let mut cs = t.chars();
                match (cs.next(), cs.next(), cs.next()) {
                    (Some(c), None, None) => {
                        c.is_ascii_alphabetic() && self.touching(n) && matches!(next, "." | ")")
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Whether the line ending with token `i` is a headline or an item
    /// without final punctuation: it ends in a word, number or closing
    /// quote (not after a terminator), the word is not a connector that a
    /// wrapped line ends with (`the`, `of`, `said`), and the next line
    /// starts with a capital.
    fn headline_ends(&self, i: usize, start: usize) -> bool {
        let t = self.str(i);
        let line_ends_clean = match self.kind(i) {
            Some(TokenKind::Word) => !t.ends_with('.') && !is_connector(t),
            Some(TokenKind::Number) => true,
            Some(TokenKind::Punct) => {
                is_closer(t) && i > start && {
                    let p = self.str(i - 1);
                    !is_strong_terminator(p) && !is_ellipsis(p) && !p.ends_with('.')
                }
            }
            None => false,
        };
        line_ends_clean
            && self
                .content_from(i + 1)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
    }
}
