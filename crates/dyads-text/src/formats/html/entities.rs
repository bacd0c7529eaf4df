//! HTML character references: named (the common ones) and numeric.

/// Named references we decode, sorted by name for binary search.
/// Covers XML's five, the Latin-1 set that news pages use, typographic
/// punctuation and a few symbols.
static NAMED: &[(&str, &str)] = &[
    ("AElig", "\u{c6}"),
    ("Aacute", "\u{c1}"),
    ("Acirc", "\u{c2}"),
    ("Agrave", "\u{c0}"),
    ("Aring", "\u{c5}"),
    ("Atilde", "\u{c3}"),
    ("Auml", "\u{c4}"),
    ("Ccedil", "\u{c7}"),
    ("Dagger", "\u{2021}"),
    ("ETH", "\u{d0}"),
    ("Eacute", "\u{c9}"),
    ("Ecirc", "\u{ca}"),
    ("Egrave", "\u{c8}"),
    ("Euml", "\u{cb}"),
    ("Iacute", "\u{cd}"),
    ("Icirc", "\u{ce}"),
    ("Igrave", "\u{cc}"),
    ("Iuml", "\u{cf}"),
    ("Ntilde", "\u{d1}"),
    ("OElig", "\u{152}"),
    ("Oacute", "\u{d3}"),
    ("Ocirc", "\u{d4}"),
    ("Ograve", "\u{d2}"),
    ("Oslash", "\u{d8}"),
    ("Otilde", "\u{d5}"),
    ("Ouml", "\u{d6}"),
    ("Scaron", "\u{160}"),
    ("THORN", "\u{de}"),
    ("Uacute", "\u{da}"),
    ("Ucirc", "\u{db}"),
    ("Ugrave", "\u{d9}"),
    ("Uuml", "\u{dc}"),
    ("Yacute", "\u{dd}"),
    ("Yuml", "\u{178}"),
    ("Zcaron", "\u{17d}"),
    ("aacute", "\u{e1}"),
    ("acirc", "\u{e2}"),
    ("acute", "\u{b4}"),
    ("aelig", "\u{e6}"),
    ("agrave", "\u{e0}"),
    ("amp", "&"),
    ("apos", "'"),
    ("aring", "\u{e5}"),
    ("atilde", "\u{e3}"),
    ("auml", "\u{e4}"),
    ("bdquo", "\u{201e}"),
    ("brvbar", "\u{a6}"),
    ("bull", "\u{2022}"),
    ("ccedil", "\u{e7}"),
    ("cedil", "\u{b8}"),
    ("cent", "\u{a2}"),
    ("circ", "\u{2c6}"),
    ("copy", "\u{a9}"),
    ("curren", "\u{a4}"),
    ("dagger", "\u{2020}"),
    ("deg", "\u{b0}"),
    ("divide", "\u{f7}"),
    ("eacute", "\u{e9}"),
    ("ecirc", "\u{ea}"),
    ("egrave", "\u{e8}"),
    ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"),
    ("eth", "\u{f0}"),
    ("euml", "\u{eb}"),
    ("euro", "\u{20ac}"),
    ("frac12", "\u{bd}"),
    ("frac14", "\u{bc}"),
    ("frac34", "\u{be}"),
    ("gt", ">"),
    ("hellip", "\u{2026}"),
    ("iacute", "\u{ed}"),
    ("icirc", "\u{ee}"),
    ("iexcl", "\u{a1}"),
    ("igrave", "\u{ec}"),
    ("iquest", "\u{bf}"),
    ("iuml", "\u{ef}"),
    ("laquo", "\u{ab}"),
    ("larr", "\u{2190}"),
    ("ldquo", "\u{201c}"),
    ("lrm", "\u{200e}"),
    ("lsaquo", "\u{2039}"),
    ("lsquo", "\u{2018}"),
    ("lt", "<"),
    ("macr", "\u{af}"),
    ("mdash", "\u{2014}"),
    ("micro", "\u{b5}"),
    ("middot", "\u{b7}"),
    ("minus", "\u{2212}"),
    ("nbsp", "\u{a0}"),
    ("ndash", "\u{2013}"),
    ("not", "\u{ac}"),
    ("ntilde", "\u{f1}"),
    ("oacute", "\u{f3}"),
    ("ocirc", "\u{f4}"),
    ("oelig", "\u{153}"),
    ("ograve", "\u{f2}"),
    ("ordf", "\u{aa}"),
    ("ordm", "\u{ba}"),
    ("oslash", "\u{f8}"),
    ("otilde", "\u{f5}"),
    ("ouml", "\u{f6}"),
    ("para", "\u{b6}"),
    ("permil", "\u{2030}"),
    ("plusmn", "\u{b1}"),
    ("pound", "\u{a3}"),
    ("prime", "\u{2032}"),
    ("quot", "\""),
    ("raquo", "\u{bb}"),
    ("rarr", "\u{2192}"),
    ("rdquo", "\u{201d}"),
    ("reg", "\u{ae}"),
    ("rlm", "\u{200f}"),
    ("rsaquo", "\u{203a}"),
    ("rsquo", "\u{2019}"),
    ("sbquo", "\u{201a}"),
    ("scaron", "\u{161}"),
    ("sect", "\u{a7}"),
    ("shy", "\u{ad}"),
    ("sup1", "\u{b9}"),
    ("sup2", "\u{b2}"),
    ("sup3", "\u{b3}"),
    ("szlig", "\u{df}"),
    ("thinsp", "\u{2009}"),
    ("thorn", "\u{fe}"),
    ("tilde", "\u{2dc}"),
    ("times", "\u{d7}"),
    ("trade", "\u{2122}"),
    ("uacute", "\u{fa}"),
    ("ucirc", "\u{fb}"),
    ("ugrave", "\u{f9}"),
    ("uml", "\u{a8}"),
    ("uuml", "\u{fc}"),
    ("yacute", "\u{fd}"),
    ("yen", "\u{a5}"),
    ("yuml", "\u{ff}"),
    ("zcaron", "\u{17e}"),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
];

/// Names a browser decodes even without the closing `;` (legacy forms).
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// What windows-1252 puts at 0x80..=0x9F; browsers map numeric references
/// in that range through it (`&#146;` is a right single quote).
const C1: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The decoded text of a named reference (`"amp"` -> `"&"`).
pub fn named(name: &str) -> Option<&'static str> {
    NAMED
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .and_then(|i| NAMED.get(i))
        .map(|(_, v)| *v)
}

/// A decoded character reference: its text and how many input bytes it took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text it stands for.
    pub text: String,
    /// Bytes of input consumed, from the `&`.
    pub consumed: usize,
}

/// Decodes the character reference at the start of `s` (which starts with
/// `&`), or `None` when it is not one (the `&` is then literal text).
pub fn decode_at(s: &str) -> Option<Decoded> {
    let rest = s.strip_prefix('&')?;
    if let Some(num) = rest.strip_prefix('#') {
        return decode_numeric(num);
    }
    let len = rest
        .bytes()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = rest.get(..len)?;
    if len == 0 {
        return None;
    }
    let semi = rest.as_bytes().get(len) == Some(&b';');
    if semi {
        return named(name).map(|t| Decoded {
            text: t.to_string(),
            consumed: 1 + len + 1,
        });
    }
    // A few legacy references are decoded without `;`, as browsers do.
    if !LEGACY.contains(&name) {
        return None;
    }
    named(name).map(|t| Decoded {
        text: t.to_string(),
        consumed: 1 + len,
    })
}

fn decode_numeric(num: &str) -> Option<Decoded> {
    let (digits, radix, skip) = match num.as_bytes().first() {
        Some(b'x' | b'X') => (num.get(1..)?, 16, 1),
        _ => (num, 10, 0),
    };
    let len = digits
        .bytes()
        .take_while(|b| b.is_ascii_hexdigit() && (radix == 16 || b.is_ascii_digit()))
        .count();
    if len == 0 {
        return None;
    }
    let value = digits
        .get(..len.min(8))
        .and_then(|d| u32::from_str_radix(d, radix).ok())
        .unwrap_or(u32::MAX);
    let semi = usize::from(digits.as_bytes().get(len) == Some(&b';'));
    let c = match value {
        0x80..=0x9f => C1.get((value - 0x80) as usize).copied(),
        0 => None,
        v => char::from_u32(v),
    }
    .unwrap_or('\u{fffd}');
    Some(Decoded {
        text: c.to_string(),
        consumed: 2 + skip + len + semi,
    })
}

/// Decodes every character reference in `s`; other text is copied.
pub fn decode_all(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(rel) = s.get(i..).and_then(|r| r.find('&')) {
        let at = i + rel;
        out.push_str(s.get(i..at).unwrap_or(""));
        match s.get(at..).and_then(decode_at) {
            Some(d) => {
                out.push_str(&d.text);
                i = at + d.consumed;
            }
            None => {
                out.push('&');
                i = at + 1;
            }
        }
    }
    out.push_str(s.get(i..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        for w in NAMED.windows(2) {
            assert!(w[0].0 < w[1].0, "{} before {}", w[0].0, w[1].0);
        }
        assert!(NAMED.len() >= 100, "{}", NAMED.len());
    }

    #[test]
    fn references() {
        let rows: &[(&str, Option<(&str, usize)>)] = &[
            ("&amp;", Some(("&", 5))),
            ("&amp rest", Some(("&", 4))),
            ("&nbsp;x", Some(("\u{a0}", 6))),
            ("&rsquo;s", Some(("\u{2019}", 7))),
            ("&eacute;", Some(("\u{e9}", 8))),
            ("&Eacute;", Some(("\u{c9}", 8))),
            ("&hellip;", Some(("\u{2026}", 8))),
            ("&#39;", Some(("'", 5))),
            ("&#x2014;", Some(("\u{2014}", 8))),
            ("&#X41;", Some(("A", 6))),
            ("&#146;", Some(("\u{2019}", 6))),
            ("&#0;", Some(("\u{fffd}", 4))),
            ("&#xD800;", Some(("\u{fffd}", 8))),
            ("&#99999999999;", Some(("\u{fffd}", 14))),
            ("&#65", Some(("A", 4))),
            ("&bogus;", None),
            ("&ampere", None),
            ("& ", None),
            ("&#;", None),
            ("&#x;", None),
            ("&", None),
        ];
        for (input, want) in rows {
            let got = decode_at(input).map(|d| (d.text, d.consumed));
            let want = want.map(|(t, n)| (t.to_string(), n));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn decode_all_rows() {
        let rows = [
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("a &lt;b&gt; c", "a <b> c"),
            ("AT&T &unknown; &", "AT&T &unknown; &"),
            ("caf&eacute;&#8217;s", "caf\u{e9}\u{2019}s"),
            ("no refs", "no refs"),
        ];
        for (input, want) in rows {
            assert_eq!(decode_all(input), want, "{input}");
        }
    }
}
