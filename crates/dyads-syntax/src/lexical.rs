//! Per-token hashes shared by the tagger, parser and recogniser: the
//! lowercased form, the form, its shape, prefixes and suffixes.

use crate::hash::{mix, str_hash};
use crate::wordnet;

/// Hashes of one token, computed once per sentence.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lex {
    /// The lowercased form.
    pub lower: u64,
    /// The form as written.
    pub form: u64,
    /// The short shape (`Xx`, `d.d`, `x-x`).
    pub shape: u64,
    /// Prefixes of 1..=3 characters of the lowercased form.
    pub pre: [u64; 3],
    /// Suffixes of 1..=4 characters of the lowercased form.
    pub suf: [u64; 4],
    /// Simple flags: bit 0 title case, 1 all caps, 2 has digit, 3 has hyphen,
    /// 4 has period, 5 all letters.
    pub flags: u64,
    /// WordNet class bits of the lowercased form ([`crate::wordnet`]).
    pub wn: u32,
    /// WordNet morphological guesses ([`crate::wordnet::morph`]).
    pub wm: u32,
}

/// The hashes of `form`; `buf` is scratch space.
pub(crate) fn lex(form: &str, buf: &mut String) -> Lex {
    buf.clear();
    if form.is_ascii() {
        buf.push_str(form);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(form.chars().flat_map(char::to_lowercase));
    }
    let lower = buf.as_str();
    let mut pre = [0u64; 3];
    let mut suf = [0u64; 4];
    // Ends of the first three characters and starts of the last four (the
    // whole word where it is shorter).
    let mut ends = [lower.len(); 3];
    for (e, (i, c)) in ends.iter_mut().zip(lower.char_indices()) {
        *e = i + c.len_utf8();
    }
    for (k, (slot, &end)) in pre.iter_mut().zip(&ends).enumerate() {
        *slot = mix(str_hash(lower.get(..end).unwrap_or("")), 100 + k as u64);
    }
    let mut starts = [0usize; 4];
    for (s, (i, _)) in starts.iter_mut().zip(lower.char_indices().rev()) {
        *s = i;
    }
    for (k, (slot, &start)) in suf.iter_mut().zip(&starts).enumerate() {
        *slot = mix(str_hash(lower.get(start..).unwrap_or("")), 200 + k as u64);
    }
    let mut shape: u64 = 0x51;
    let mut last = '\0';
    let mut flags = 0u64;
    let mut upper = 0;
    let mut letters = 0;
    let mut count = 0;
    for (i, c) in form.chars().enumerate() {
        count += 1;
        let s = if c.is_uppercase() {
            upper += 1;
            letters += 1;
            if i == 0 {
                flags |= 1;
            }
            'X'
        } else if c.is_alphabetic() {
            letters += 1;
            'x'
        } else if c.is_ascii_digit() {
            flags |= 4;
            'd'
        } else {
            if c == '-' {
                flags |= 8;
            }
            if c == '.' {
                flags |= 16;
            }
            c
        };
        if s != last {
            shape = mix(shape, s as u64);
            last = s;
        }
    }
    if upper > 1 && upper == letters {
        flags |= 2;
    }
    if letters == count && count > 0 {
        flags |= 32;
    }
    let lower_hash = str_hash(lower);
    Lex {
        lower: lower_hash,
        wn: wordnet::bits_of_hash(lower_hash),
        wm: wordnet::morph_bits(lower),
        form: mix(str_hash(form), 7),
        shape,
        pre,
        suf,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        let mut b = String::new();
        let a = lex("Putin", &mut b);
        let c = lex("Biden", &mut b);
        assert_eq!(a.shape, c.shape);
        assert_eq!(a.flags & 1, 1);
        let d = lex("PUTIN", &mut b);
        assert_eq!(d.lower, a.lower);
        assert_ne!(d.form, a.form);
        assert_eq!(d.flags & 2, 2);
        let e = lex("running", &mut b);
        let f = lex("jumping", &mut b);
        assert_eq!(e.suf[2], f.suf[2]);
        assert_ne!(e.suf[3], f.suf[3]);
        let g = lex("é", &mut b);
        assert_ne!(g.lower, e.lower);
        let _ = lex("", &mut b);
    }
}
