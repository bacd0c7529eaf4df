//! UD tokenisation on top of the foundation's tokens.
//!
//! dyads-text keeps `don't`, `Xi's` and `Jong-un` whole; UD English splits
//! them. This module splits each foundation token into UD tokens, every one
//! a sub-span of the original, so offsets into the document survive:
//! - clitics: `n't` (`don't` -> `do n't`, `can't` -> `ca n't`), `'s`, `'re`,
//!   `'ve`, `'ll`, `'d`, `'m`, with `'` or `’`;
//! - fused forms: `cannot`, `gonna`, `wanna`, `gotta`;
//! - hyphens between letters (`Jong-un` -> `Jong - un`), except after the
//!   prefixes UD English keeps whole (`e-mail`, `non-stop`, `co-workers`),
//!   and never inside numbers, codes, URLs or addresses;
//! - runs of `!`, `?`, `.` or `-` without spaces become one token (`?!`, `--`).

use dyads_text::{Span, Token, TokenKind};

/// Prefixes after which UD English keeps a hyphenated word whole.
const KEEP_PREFIXES: &[&str] = &[
    "e", "non", "co", "pre", "post", "re", "semi", "pro", "multi", "mid", "ex", "anti", "self",
    "inter", "counter", "sub", "over", "under", "psycho", "cross", "neo", "pseudo", "quasi",
];

/// Fused words and where UD splits them.
const FUSED: &[(&str, usize)] = &[("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)];

const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Appends to `out` the UD tokens of `tokens` (foundation tokens of one
/// sentence of `text`).
pub fn ud_tokens(text: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let s = t.span.slice(text);
        if t.kind == TokenKind::Punct && is_run_char(s) {
            let mut end = t.span.end;
            let mut j = i + 1;
            while let Some(n) = tokens.get(j) {
                if n.span.start != end || n.kind != TokenKind::Punct {
                    break;
                }
                let ns = n.span.slice(text);
                if !is_run_char(ns) || !same_run(s, ns) {
                    break;
                }
                end = n.span.end;
                j += 1;
            }
            out.push(Span {
                start: t.span.start,
                end,
            });
            i = j;
            continue;
        }
        if t.kind == TokenKind::Word && !s.is_empty() {
            split_word(s, t.span.start as usize, out);
        } else if !t.span.is_empty() {
            out.push(t.span);
        }
        i += 1;
    }
}

fn is_run_char(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '!' | '?' | '.' | '-'))
}

fn same_run(a: &str, b: &str) -> bool {
    let dash = |s: &str| s.starts_with('-');
    dash(a) == dash(b)
}

/// Splits one word token starting at byte `base`.
fn split_word(s: &str, base: usize, out: &mut Vec<Span>) {
    let plain = s
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || is_apostrophe(c));
    if plain && s.contains('-') && !s.chars().any(|c| c.is_ascii_digit()) {
        let parts: Vec<(usize, &str)> = s
            .split('-')
            .scan(0usize, |pos, p| {
                let here = *pos;
                *pos += p.len() + 1;
                Some((here, p))
            })
            .collect();
        let first = parts
            .first()
            .map(|p| p.1.to_lowercase())
            .unwrap_or_default();
        let keep = KEEP_PREFIXES.contains(&first.as_str());
        if !keep && parts.iter().all(|(_, p)| !p.is_empty()) {
            for (k, (off, p)) in parts.iter().enumerate() {
                if k > 0 {
                    out.push(Span::new(base + off - 1, base + off));
                }
                split_clitic(p, base + off, out);
            }
            return;
        }
    }
    split_clitic(s, base, out);
}

/// Splits a final clitic or a fused form.
fn split_clitic(s: &str, base: usize, out: &mut Vec<Span>) {
    let end = base + s.len();
    let lower = s.to_lowercase();
    if lower.len() == s.len() {
        for (w, at) in FUSED {
            if lower == *w {
                out.push(Span::new(base, base + at));
                out.push(Span::new(base + at, end));
                return;
            }
        }
        // n't
        for apo in ["n't", "n’t"] {
            if lower.len() > apo.len() && lower.ends_with(apo) {
                let cut = s.len() - apo.len();
                out.push(Span::new(base, base + cut));
                out.push(Span::new(base + cut, end));
                return;
            }
        }
        // 's 're 've 'll 'd 'm
        if let Some((pos, c)) = s.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) {
            let tail = &lower[pos + c.len_utf8()..];
            if pos > 0 && CLITICS.contains(&tail) {
                out.push(Span::new(base, base + pos));
                out.push(Span::new(base + pos, end));
                return;
            }
        }
    }
    out.push(Span::new(base, end));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str, kinds: &[(usize, usize, TokenKind)]) -> Vec<String> {
        let tokens: Vec<Token> = kinds
            .iter()
            .map(|&(a, b, kind)| Token {
                span: Span::new(a, b),
                kind,
            })
            .collect();
        let mut out = Vec::new();
        ud_tokens(text, &tokens, &mut out);
        out.iter().map(|s| s.slice(text).to_string()).collect()
    }

    #[test]
    fn splits_like_ud_english() {
        use TokenKind::{Punct as P, Word as W};
        let rows: &[(&str, &[&str])] = &[
            ("don't", &["do", "n't"]),
            ("can't", &["ca", "n't"]),
            ("Xi’s", &["Xi", "’s"]),
            ("they're", &["they", "'re"]),
            ("O'Neal", &["O'Neal"]),
            ("cannot", &["can", "not"]),
            ("Jong-un", &["Jong", "-", "un"]),
            ("e-mail", &["e-mail"]),
            ("non-stop", &["non-stop"]),
            ("F-16", &["F-16"]),
            ("well-known's", &["well", "-", "known", "'s"]),
            ("US", &["US"]),
        ];
        for (text, want) in rows {
            assert_eq!(toks(text, &[(0, text.len(), W)]), *want, "{text}");
        }
        assert_eq!(toks("?!.", &[(0, 1, P), (1, 2, P), (2, 3, P)]), vec!["?!."]);
        assert_eq!(toks("- -", &[(0, 1, P), (2, 3, P)]), vec!["-", "-"]);
        assert_eq!(toks("--", &[(0, 1, P), (1, 2, P)]), vec!["--"]);
    }
}
