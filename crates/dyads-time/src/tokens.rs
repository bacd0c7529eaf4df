//! A small tokenizer for the tagger: runs of letters, runs of digits and
//! single punctuation characters, each with its byte span, its lowercase
//! form, whether space came before it, and the sentence it lies in.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    pub kind: Kind,
    /// Whitespace (or the start of the text) comes right before it.
    pub space_before: bool,
    /// The first character is uppercase.
    pub cap: bool,
    /// Sentence number, counted from 0.
    pub sentence: u32,
}

impl Tok {
    /// True for a word token spelled `w` (lowercase).
    pub(crate) fn is(&self, w: &str) -> bool {
        self.lower == w
    }

    /// True for the punctuation character `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.lower.starts_with(c)
    }
}

fn class(c: char) -> Kind {
    if c.is_alphabetic() {
        Kind::Word
    } else if c.is_ascii_digit() {
        Kind::Num
    } else {
        Kind::Punct
    }
}

/// Splits `text` into tokens and numbers the sentences.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    // About one token in four bytes of English news.
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 1);
    let mut newlines = 0u32;
    let mut space = true;
    let mut iter = text.char_indices().peekable();
    let mut sentence = 0u32;
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            space = true;
            if c == '\n' {
                newlines += 1;
            }
            continue;
        }
        let kind = class(c);
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(i, n)) = iter.peek() {
                if class(n) != kind {
                    break;
                }
                end = i + n.len_utf8();
                iter.next();
            }
        }
        let piece = text.get(start..end).unwrap_or("");
        if !toks.is_empty() && (newlines >= 2 || (space && ends_sentence(&toks, piece))) {
            sentence += 1;
        }
        toks.push(Tok {
            start,
            end,
            lower: if piece.is_ascii() {
                piece.to_ascii_lowercase()
            } else {
                piece.to_lowercase()
            },
            kind,
            space_before: space,
            cap: c.is_uppercase(),
            sentence,
        });
        space = false;
        newlines = 0;
    }
    toks
}

/// Abbreviations after which a period does not end a sentence.
fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "jr"
            | "sr"
            | "gen"
            | "gov"
            | "sen"
            | "rep"
            | "lt"
            | "col"
            | "capt"
            | "sgt"
            | "co"
            | "corp"
            | "inc"
            | "ltd"
            | "no"
            | "vs"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "prof"
            | "rev"
            | "mt"
            | "ft"
    )
}

/// True when the token about to be pushed (`next`, after whitespace) starts
/// a new sentence after the tokens so far.
fn ends_sentence(toks: &[Tok], next: &str) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    let starts_upper = next.chars().next().is_some_and(|c| c.is_uppercase());
    if last.is_punct('!') || last.is_punct('?') {
        return true;
    }
    if !last.is_punct('.') {
        return false;
    }
    if !starts_upper {
        return false;
    }
    let before = toks.len().checked_sub(2).and_then(|i| toks.get(i));
    match before {
        // `U.S.`, `p.m.`: a single letter before the period.
        Some(b) if b.kind == Kind::Word && b.lower.chars().count() == 1 => false,
        Some(b) if b.kind == Kind::Word && is_abbreviation(&b.lower) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces() {
        let toks = tokenize("On Jan. 16, 1998-01-16 at 3 p.m.");
        let lows: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lows,
            [
                "on", "jan", ".", "16", ",", "1998", "-", "01", "-", "16", "at", "3", "p", ".",
                "m", "."
            ]
        );
        assert!(!toks[2].space_before);
        assert!(toks[1].cap);
        assert_eq!(toks[3].kind, Kind::Num);
        assert!(toks.iter().all(|t| t.sentence == 0));
    }

    #[test]
    fn sentences() {
        let toks = tokenize("He left Jan. 5. Mr. Smith stayed. Then he wrote\n\nagain");
        let ids: Vec<u32> = toks.iter().map(|t| t.sentence).collect();
        assert_eq!(ids, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
    }
}
