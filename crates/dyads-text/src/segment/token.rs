//! Tokens: one pass over a window of the text.
//!
//! Choices (see the module docs of [`super`] for the full list):
//! - a word is a run of letters, digits and combining marks; an apostrophe
//!   or hyphen between two word characters joins (`Xi’s`, `Jong-un`,
//!   `US-North`, `F-16`);
//! - a period between two letters joins (`U.S`, `e.g`, `kcna.kp`), except
//!   in the missing-space typo `agreed.The`;
//! - a word keeps a final period when it is dotted with short parts
//!   (`U.S.`, `V.V.`, `a.m.`, `Ph.D.`), a single capital initial (`J.`), or
//!   a listed abbreviation (`Jan.`, `Dr.`, `etc.`; `No.` only before a
//!   number). Any other final period is its own `Punct` token;
//! - `,` `.` `:` `/` between two digits join (`1,000`, `3.5`, `25.01.2024`,
//!   `11:33`); a token without letters that starts with a digit is a
//!   `Number`, anything else that starts with a word character is a `Word`;
//! - URLs (`http://`, `https://`, `ftp://`, `www.`, or a dotted domain
//!   followed by `/path`) and emails are single `Word` tokens; trailing
//!   sentence punctuation and unbalanced closing brackets are left out;
//! - a run of two or more periods is one `Punct` token (`...`); every other
//!   non-space character is a `Punct` token of its own (`%`, each quote).

use super::lexicon::{is_abbreviation, is_joiner, is_word_char, needs_number};
use crate::document::{Token, TokenKind};
use crate::span::Span;

/// A bounded view of the text being tokenized.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    end: usize,
    /// Tokens that start before this offset need no email check: a scan
    /// from an earlier start found no `@` up to here. Keeps the email check
    /// linear on inputs like `a_a_a_a...`.
    no_email_until: usize,
}

impl<'a> Cursor<'a> {
    /// The char at byte `pos` and its length, when `pos < end`.
    #[inline]
    fn at(&self, pos: usize) -> Option<(char, usize)> {
        if pos >= self.end {
            return None;
        }
        let b = *self.text.as_bytes().get(pos)?;
        if b < 0x80 {
            return Some((b as char, 1));
        }
        let c = self.text.get(pos..self.end)?.chars().next()?;
        Some((c, c.len_utf8()))
    }

    #[inline]
    fn char_at(&self, pos: usize) -> Option<char> {
        self.at(pos).map(|(c, _)| c)
    }

    #[inline]
    fn byte(&self, pos: usize) -> Option<u8> {
        if pos < self.end {
            self.text.as_bytes().get(pos).copied()
        } else {
            None
        }
    }
}

/// Appends the tokens of `text[start..end]` to `out`. `start` and `end` must
/// be char boundaries (the caller checks).
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut cur = Cursor {
        text,
        end,
        no_email_until: start,
    };
    let mut pos = start;
    while let Some((c, len)) = cur.at(pos) {
        if c.is_whitespace() {
            pos += len;
            continue;
        }
        let (stop, kind) = if is_word_char(c) {
            word_like(&mut cur, pos)
        } else if c == '.' {
            let mut i = pos + 1;
            while cur.byte(i) == Some(b'.') {
                i += 1;
            }
            (i, TokenKind::Punct)
        } else {
            (pos + len, TokenKind::Punct)
        };
        // `stop > pos` always; guard anyway so a bug cannot loop forever.
        let stop = stop.max(pos + len);
        out.push(Token {
            span: Span::new(pos, stop),
            kind,
        });
        pos = stop;
    }
}

/// A token that starts with a word character: URL, email, word or number.
fn word_like(cur: &mut Cursor<'_>, start: usize) -> (usize, TokenKind) {
    if let Some(stop) = url_at(cur, start) {
        return (stop, TokenKind::Word);
    }
    if start >= cur.no_email_until {
        match email_at(cur, start) {
            Ok(stop) => return (stop, TokenKind::Word),
            Err(scanned_to) => cur.no_email_until = scanned_to,
        }
    }
    word(cur, start)
}

/// True when `text[pos..]` starts with `prefix`, ASCII case-insensitively.
fn starts_with_ci(cur: &Cursor<'_>, pos: usize, prefix: &str) -> bool {
    let bytes = cur.text.as_bytes();
    match bytes.get(pos..pos + prefix.len()) {
        Some(s) if pos + prefix.len() <= cur.end => s.eq_ignore_ascii_case(prefix.as_bytes()),
        _ => false,
    }
}

/// The end of a URL starting at `start`, when one starts there.
fn url_at(cur: &Cursor<'_>, start: usize) -> Option<usize> {
    let first = cur.byte(start)?;
    if !matches!(first, b'h' | b'H' | b'f' | b'F' | b'w' | b'W') {
        return None;
    }
    let prefixed = ["https://", "http://", "ftp://", "www."]
        .iter()
        .any(|p| starts_with_ci(cur, start, p));
    if !prefixed {
        return None;
    }
    Some(url_end(cur, start))
}

/// Extends a URL from `start` to the first space or quote, then drops
/// trailing sentence punctuation and unbalanced closing brackets.
fn url_end(cur: &Cursor<'_>, start: usize) -> usize {
    let mut i = start;
    let mut opens = 0usize;
    let mut closes = 0usize;
    while let Some((c, len)) = cur.at(i) {
        if c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”' | '‘' | '’' | '«' | '»')
        {
            break;
        }
        match c {
            '(' => opens += 1,
            ')' => closes += 1,
            _ => {}
        }
        i += len;
    }
    // Trailing punctuation is ASCII, so stepping back one byte stays on a
    // char boundary.
    while i > start + 1 {
        let Some(b) = cur.text.as_bytes().get(i - 1).copied() else {
            break;
        };
        let drop = match b {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' => true,
            b')' if closes > opens => {
                closes -= 1;
                true
            }
            b']' | b'}' => true,
            _ => false,
        };
        if !drop {
            break;
        }
        i -= 1;
    }
    i
}

/// An email address starting at `start`: `Ok(end)`, or `Err(offset)` with
/// the offset up to which no token start can begin an email.
fn email_at(cur: &Cursor<'_>, start: usize) -> Result<usize, usize> {
    let bytes = cur.text.as_bytes();
    let mut i = start;
    let mut at = None;
    while i < cur.end {
        match bytes.get(i) {
            Some(b)
                if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-') => {}
            Some(b'@') if at.is_none() => at = Some(i),
            _ => break,
        }
        i += 1;
    }
    let Some(at) = at else {
        return Err(i);
    };
    // Trim trailing dots and hyphens off the domain.
    let mut end = i;
    while end > at + 1 && matches!(bytes.get(end - 1), Some(b'.' | b'-')) {
        end -= 1;
    }
    let domain = bytes.get(at + 1..end).unwrap_or(&[]);
    let local_ok = at > start;
    let domain_ok = match domain.iter().rposition(|&b| b == b'.') {
        Some(dot) => {
            dot > 0
                && domain[dot + 1..].len() >= 2
                && domain[dot + 1..].iter().all(|b| b.is_ascii_alphanumeric())
        }
        None => false,
    };
    if local_ok && domain_ok {
        Ok(end)
    } else {
        // A later start shares this domain; only the local part differs.
        Err(i)
    }
}

/// A word or number starting at `start` (a word character).
fn word(cur: &Cursor<'_>, start: usize) -> (usize, TokenKind) {
    let mut i = start;
    let mut has_letter = false;
    let starts_with_digit = cur.char_at(start).is_some_and(|c| c.is_numeric());
    // Characters in the current dot-separated part, and the longest part.
    let mut part_len = 0usize;
    let mut longest_part = 0usize;
    let mut parts = 1usize;
    let mut prev = '\0';
    loop {
        while let Some((c, len)) = cur.at(i) {
            if !is_word_char(c) {
                break;
            }
            has_letter |= c.is_alphabetic();
            part_len += 1;
            prev = c;
            i += len;
        }
        let Some((c, len)) = cur.at(i) else { break };
        let next = cur.char_at(i + len);
        let next_is_word = next.is_some_and(is_word_char);
        if is_joiner(c) && next_is_word {
            i += len;
            prev = c;
            continue;
        }
        let digits_around = prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
        if matches!(c, ',' | ':' | '/') && digits_around {
            i += len;
            prev = c;
            continue;
        }
        if c != '.' {
            break;
        }
        if digits_around {
            i += len;
            prev = c;
            continue;
        }
        if prev.is_alphabetic() && next.is_some_and(|n| n.is_alphabetic()) {
            // `agreed.The`: a missing space after a full stop, not a dotted word.
            let after = cur.char_at(i + len + next.map_or(0, char::len_utf8));
            let typo = part_len >= 2
                && prev.is_lowercase()
                && next.is_some_and(char::is_uppercase)
                && after.is_some_and(char::is_lowercase);
            if !typo {
                longest_part = longest_part.max(part_len);
                part_len = 0;
                parts += 1;
                i += len;
                prev = c;
                continue;
            }
        }
        // A period that is not inside the token: keep it as the token's
        // final period when the word is an abbreviation, then stop (or go on
        // for `U.S.-led`).
        if next == Some('.') || !prev.is_alphabetic() {
            break;
        }
        longest_part = longest_part.max(part_len);
        let so_far = cur.text.get(start..i).unwrap_or("");
        let keep = if parts > 1 {
            longest_part <= 2
        } else if part_len == 1 && prev.is_uppercase() {
            true
        } else if is_abbreviation(so_far) {
            !needs_number(so_far) || number_follows(cur, i + len)
        } else {
            false
        };
        if !keep {
            break;
        }
        i += len;
        // `U.S.-led`: a hyphen after the kept period continues the word,
        // which is then no longer an abbreviation.
        match cur.at(i) {
            Some((h, hl))
                if matches!(h, '-' | '‐' | '‑')
                    && cur.char_at(i + hl).is_some_and(is_word_char) =>
            {
                i += hl;
                prev = h;
                part_len = 0;
                parts = 1;
                longest_part = usize::MAX;
                continue;
            }
            _ => break,
        }
    }
    let kind = if starts_with_digit && !has_letter {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    // `t.me/x/1`: a dotted domain followed by a path is a URL.
    if parts > 1
        && has_letter
        && part_len >= 2
        && cur.byte(i) == Some(b'/')
        && cur.char_at(i + 1).is_some_and(|c| !c.is_whitespace())
    {
        return (url_end(cur, start), TokenKind::Word);
    }
    (i, kind)
}

/// True when a number follows `pos`, after spaces on the same line.
fn number_follows(cur: &Cursor<'_>, pos: usize) -> bool {
    let mut i = pos;
    while let Some(b) = cur.byte(i) {
        match b {
            b' ' | b'\t' => i += 1,
            b'0'..=b'9' => return true,
            _ => return false,
        }
    }
    false
}
