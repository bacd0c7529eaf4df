//! Publication dates as written: `25.01.2024`, `Publication: 15.01.2024 - 11:33`,
//! `17 January 2024`, `January 17, 2024`, ISO 8601, RFC 822 (feeds), HTML meta values.
//!
//! [`parse`] reads a whole value (a meta tag, a feed field, a date line);
//! [`find_in`] finds the first date inside a longer line. Both validate the
//! calendar (no 31 February, years 1900 to 2100) and never guess: a date
//! without a year, or a slashed date whose day and month could be swapped
//! (`01/02/2024`), is no date. The result is ISO 8601 to the precision the
//! text gives: `2024-01`, `2024-01-17`, `2024-01-15T11:33`,
//! `2024-01-17T09:30:00+03:00`.

use crate::document::{Precision, Published};

/// Labels that may open a date value (`Publication: 15.01.2024`), longest first.
const LABELS: &[&str] = &[
    "first published on",
    "first published",
    "publication date",
    "date published",
    "last updated on",
    "last updated",
    "published on",
    "publication",
    "updated on",
    "published",
    "posted on",
    "updated",
    "posted",
    "date",
];

/// Parses a publication date or date-time written in any of the forms we meet.
///
/// The date must open the value (after an optional label such as
/// `Published:` and an optional weekday); text after it is ignored. A bare
/// four-digit year is a date of year precision.
pub fn parse(s: &str) -> Option<Published> {
    let s = strip_label(s.trim());
    let b = s.as_bytes();
    if b.len() == 4 && b.iter().all(u8::is_ascii_digit) {
        let y: i32 = s.parse().ok()?;
        return valid_year(y).then(|| Published {
            value: format!("{y:04}"),
            precision: Precision::Year,
        });
    }
    match_at(b, 0).map(|(p, _)| p)
}

/// Finds the first date inside `text`: the date and its byte range.
///
/// Candidates start at word starts; the forms are those of [`parse`] except
/// a bare year, which is never taken for a date inside running text.
pub fn find_in(text: &str) -> Option<(Published, usize, usize)> {
    let b = text.as_bytes();
    for p in 0..b.len() {
        let starts_word = b[p].is_ascii_alphanumeric()
            && (p == 0 || b.get(p - 1).is_some_and(|c| !c.is_ascii_alphanumeric()));
        if starts_word {
            if let Some((found, end)) = match_at(b, p) {
                return Some((found, p, end));
            }
        }
    }
    None
}

/// Removes a leading label such as `Publication:` or `Posted on`.
fn strip_label(s: &str) -> &str {
    let lower = s.to_ascii_lowercase();
    for label in LABELS {
        if lower.starts_with(label) {
            let rest = s.get(label.len()..).unwrap_or("");
            let trimmed = rest.trim_start();
            let trimmed = trimmed.strip_prefix(':').unwrap_or(trimmed).trim_start();
            if trimmed.len() < rest.len() || rest.starts_with(':') {
                return trimmed;
            }
        }
    }
    s
}

/// A byte cursor over ASCII syntax; it only ever stops on char boundaries
/// because it only steps over ASCII bytes and whole no-break spaces.
#[derive(Clone, Copy)]
struct Cur<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Cur<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.p).copied()
    }

    /// Skips spaces, tabs and no-break spaces; true when any were skipped.
    fn ws(&mut self) -> bool {
        let start = self.p;
        loop {
            match self.peek() {
                Some(b' ' | b'\t') => self.p += 1,
                Some(0xC2) if self.b.get(self.p + 1) == Some(&0xA0) => self.p += 2,
                _ => break,
            }
        }
        self.p > start
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.p += 1;
            true
        } else {
            false
        }
    }

    /// Eats an ASCII word (case-insensitive) that is not followed by a letter.
    fn eat_word(&mut self, w: &str) -> bool {
        let end = self.p + w.len();
        match self.b.get(self.p..end) {
            Some(s) if s.eq_ignore_ascii_case(w.as_bytes()) => {
                if self.b.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    return false;
                }
                self.p = end;
                true
            }
            _ => false,
        }
    }

    /// A run of 1 to 4 digits not followed by another digit: value and length.
    fn num(&mut self) -> Option<(u32, usize)> {
        let start = self.p;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.p += 1;
        }
        let len = self.p - start;
        if len == 0 || len > 4 {
            self.p = start;
            return None;
        }
        let v = self
            .b
            .get(start..self.p)?
            .iter()
            .fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
        Some((v, len))
    }

    /// A run of ASCII letters.
    fn word(&mut self) -> Option<&'a [u8]> {
        let start = self.p;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.p += 1;
        }
        (self.p > start)
            .then(|| self.b.get(start..self.p))
            .flatten()
    }

    /// True when the cursor is not inside a word or number.
    fn at_boundary(&self) -> bool {
        !self.peek().is_some_and(|c| c.is_ascii_alphanumeric())
    }
}

/// A time of day with an optional normalised offset (`Z`, `+03:00`).
struct Time {
    h: u32,
    m: u32,
    s: Option<u32>,
    tz: Option<String>,
}

/// Tries every form at byte `p`; the date and the byte just past it.
fn match_at(b: &[u8], p: usize) -> Option<(Published, usize)> {
    let mut c = Cur { b, p };
    let save = c;
    if let Some(w) = c.word() {
        if is_weekday(w) {
            c.eat(b',');
            c.ws();
        } else {
            c = save;
        }
    }
    let (y, m, d) = match c.peek()? {
        x if x.is_ascii_digit() => numeric_first(&mut c)?,
        x if x.is_ascii_alphabetic() => month_first(&mut c)?,
        _ => return None,
    };
    let iso_time = c.peek() == Some(b'T') && c.b.get(c.p + 1).is_some_and(u8::is_ascii_digit);
    if !(c.at_boundary() || iso_time) || !valid_year(y) || !(1..=12).contains(&m) {
        return None;
    }
    let Some(d) = d else {
        return Some((
            Published {
                value: format!("{y:04}-{m:02}"),
                precision: Precision::Month,
            },
            c.p,
        ));
    };
    if d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let mut value = format!("{y:04}-{m:02}-{d:02}");
    let mut precision = Precision::Day;
    if let Some(t) = time_after(&mut c) {
        value.push_str(&format!("T{:02}:{:02}", t.h, t.m));
        precision = Precision::Minute;
        if let Some(s) = t.s {
            value.push_str(&format!(":{s:02}"));
            precision = Precision::Second;
        }
        if let Some(tz) = t.tz {
            value.push_str(&tz);
        }
    }
    Some((Published { value, precision }, c.p))
}

/// Forms opening with a number: `2024-01-17`, `2024/01/17`, `2024-01`,
/// `25.01.2024`, `17/01/2024`, `17 January 2024`, `17th of Jan. 2024`.
fn numeric_first(c: &mut Cur) -> Option<(i32, u32, Option<u32>)> {
    let (n1, len1) = c.num()?;
    if len1 == 4 {
        let sep = c.peek().filter(|x| matches!(x, b'-' | b'/' | b'.'))?;
        c.p += 1;
        let (m, ml) = c.num()?;
        if ml > 2 {
            return None;
        }
        let before_day = *c;
        if c.eat(sep) {
            if let Some((d, dl)) = c.num() {
                if dl <= 2 {
                    return Some((n1 as i32, m, Some(d)));
                }
            }
            return None;
        }
        *c = before_day;
        // `2024-01`: a month, only with the ISO hyphen and two digits.
        return (sep == b'-' && ml == 2).then_some((n1 as i32, m, None));
    }
    if len1 > 2 {
        return None;
    }
    if let Some(sep) = c.peek().filter(|x| matches!(x, b'.' | b'/' | b'-')) {
        c.p += 1;
        let (n2, l2) = c.num()?;
        if l2 > 2 || !c.eat(sep) {
            return None;
        }
        let (y, yl) = c.num()?;
        if yl != 4 {
            return None;
        }
        let (d, m) = match sep {
            b'/' if n1 > 12 && n2 <= 12 => (n1, n2),
            b'/' if n2 > 12 && n1 <= 12 => (n2, n1),
            b'/' if n1 == n2 => (n1, n2),
            b'/' => return None,
            _ => (n1, n2),
        };
        return Some((y as i32, m, Some(d)));
    }
    let save = *c;
    if let Some(w) = c.word() {
        if !matches!(w, b"st" | b"nd" | b"rd" | b"th") {
            *c = save;
        }
    }
    c.ws();
    let save = *c;
    if !(c.eat_word("of") && c.ws()) {
        *c = save;
    }
    let m = month_word(c)?;
    c.eat(b',');
    c.ws();
    let (y, yl) = c.num()?;
    (yl == 4).then_some((y as i32, m, Some(n1)))
}

/// Forms opening with a month: `January 17, 2024`, `Jan. 17 2024`, `January 2024`.
fn month_first(c: &mut Cur) -> Option<(i32, u32, Option<u32>)> {
    let m = month_word(c)?;
    let (n, len) = c.num()?;
    if len == 4 {
        return Some((n as i32, m, None));
    }
    if len > 2 {
        return None;
    }
    let save = *c;
    if let Some(w) = c.word() {
        if !matches!(w, b"st" | b"nd" | b"rd" | b"th") {
            *c = save;
        }
    }
    c.eat(b',');
    c.ws();
    let (y, yl) = c.num()?;
    (yl == 4).then_some((y as i32, m, Some(n)))
}

/// A month name or abbreviation (with an optional period) and the space after it.
fn month_word(c: &mut Cur) -> Option<u32> {
    let first = c.peek()?;
    let w = c.word()?.to_ascii_lowercase();
    let m = month_number(&w)?;
    // `may` and `march` are words too: only capitalised.
    if matches!(w.as_slice(), b"may" | b"march" | b"mar") && !first.is_ascii_uppercase() {
        return None;
    }
    c.eat(b'.');
    c.eat(b',');
    if !c.ws() {
        return None;
    }
    Some(m)
}

fn month_number(w: &[u8]) -> Option<u32> {
    const MONTHS: &str =
        "january february march april may june july august september october november december";
    if w == b"sept" {
        return Some(9);
    }
    MONTHS
        .split(' ')
        .position(|full| w == full.as_bytes() || (w.len() == 3 && full.as_bytes().starts_with(w)))
        .map(|i| i as u32 + 1)
}

fn is_weekday(w: &[u8]) -> bool {
    const DAYS: &str = "monday tuesday wednesday thursday friday saturday sunday";
    let w = w.to_ascii_lowercase();
    DAYS.split(' ')
        .any(|d| w == d.as_bytes() || (w.len() == 3 && d.as_bytes().starts_with(&w)))
}

/// A time after a date (`T09:30`, ` 09:30:00 GMT`, ` - 11:33`, `, 9:30 am`,
/// ` at 11:33`); the cursor is left unmoved when none follows.
fn time_after(c: &mut Cur) -> Option<Time> {
    let save = *c;
    let t = time_after_inner(c);
    if t.is_none() {
        *c = save;
    }
    t
}

fn time_after_inner(c: &mut Cur) -> Option<Time> {
    if !c.eat(b'T') {
        c.ws();
        if c.eat(b',') || c.eat(b'-') || c.eat(b'|') || c.eat_word("at") {
            c.ws();
        } else if c.b.get(c.p..c.p + 3) == Some("–".as_bytes())
            || c.b.get(c.p..c.p + 3) == Some("—".as_bytes())
        {
            c.p += 3;
            c.ws();
        }
    }
    let (h, hl) = c.num()?;
    if hl > 2 || !c.eat(b':') {
        return None;
    }
    let (m, ml) = c.num()?;
    if ml != 2 {
        return None;
    }
    let mut s = None;
    let before = *c;
    if c.eat(b':') {
        match c.num() {
            Some((v, 2)) => s = Some(v),
            _ => *c = before,
        }
    }
    if s.is_some() && c.eat(b'.') {
        while c.peek().is_some_and(|x| x.is_ascii_digit()) {
            c.p += 1;
        }
    }
    let mut h = h;
    let before = *c;
    c.ws();
    if c.eat_word("am") || c.eat_word("a.m.") || c.eat_word("a.m") {
        if !(1..=12).contains(&h) {
            return None;
        }
        h %= 12;
    } else if c.eat_word("pm") || c.eat_word("p.m.") || c.eat_word("p.m") {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = h % 12 + 12;
    } else {
        *c = before;
    }
    if h > 23 || m > 59 || s.is_some_and(|s| s > 60) {
        return None;
    }
    let tz = zone(c);
    Some(Time { h, m, s, tz })
}

/// A zone after a time: `Z`, `+03:00`, `-0500`, `GMT`, `UTC`, RFC 822 US zones.
fn zone(c: &mut Cur) -> Option<String> {
    let save = *c;
    if c.eat(b'Z') && c.at_boundary() {
        return Some("Z".into());
    }
    *c = save;
    c.ws();
    if let Some(off) = offset(c, false) {
        return Some(off);
    }
    let named = [
        ("gmt", "Z"),
        ("utc", "Z"),
        ("ut", "Z"),
        ("est", "-05:00"),
        ("edt", "-04:00"),
        ("cst", "-06:00"),
        ("cdt", "-05:00"),
        ("mst", "-07:00"),
        ("mdt", "-06:00"),
        ("pst", "-08:00"),
        ("pdt", "-07:00"),
    ];
    for (name, fixed) in named {
        if c.eat_word(name) {
            // `GMT+3`, `UTC+05:30`: an offset from universal time.
            if fixed == "Z" {
                if let Some(off) = offset(c, true) {
                    return Some(off);
                }
            }
            return Some(fixed.to_string());
        }
    }
    *c = save;
    None
}

/// A numeric offset `+03:00`, `-0500`, `+03`; with `short`, also `+3`.
/// The cursor is left unmoved when none follows.
fn offset(c: &mut Cur, short: bool) -> Option<String> {
    let save = *c;
    let sign = c.peek().filter(|x| matches!(x, b'+' | b'-'))?;
    c.p += 1;
    let parsed = match c.num() {
        Some((v, 4)) => Some((v / 100, v % 100)),
        Some((v, len)) if len == 2 || (short && len == 1) => {
            let before = *c;
            match (c.eat(b':'), c.num()) {
                (true, Some((mm, 2))) => Some((v, mm)),
                _ => {
                    *c = before;
                    Some((v, 0))
                }
            }
        }
        _ => None,
    };
    match parsed {
        Some((hh, mm)) if hh <= 14 && mm <= 59 => Some(format!("{}{hh:02}:{mm:02}", sign as char)),
        _ => {
            *c = save;
            None
        }
    }
}

fn valid_year(y: i32) -> bool {
    (1900..=2100).contains(&y)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
#[path = "pubdate_tests.rs"]
mod tests;
