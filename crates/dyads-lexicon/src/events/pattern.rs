//! The pattern language and the example markup of `events.tsv` (see the
//! file's header).

use super::{bad, Example, Item, Slot};
use crate::error::ErrorKind;

pub(super) fn is_word(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c.is_ascii_lowercase())
        && b.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

/// Parses one pattern (see the `events.tsv` header).
pub fn parse_pattern(text: &str) -> std::result::Result<Vec<Item>, ErrorKind> {
    let mut out = Vec::new();
    let mut group: Option<Vec<Item>> = None;
    for raw in text.split_whitespace() {
        let mut tok = raw;
        let open = tok.starts_with('[');
        if open {
            if group.is_some() {
                return Err(bad("pattern (nested group)", text));
            }
            group = Some(Vec::new());
            tok = &tok[1..];
        }
        let close = tok.ends_with(']');
        if close {
            tok = &tok[..tok.len() - 1];
        }
        let item = parse_item(tok).ok_or_else(|| bad("pattern item", raw))?;
        match group.as_mut() {
            Some(g) => g.push(item),
            None => out.push(item),
        }
        if close {
            match group.take() {
                Some(g) if !g.is_empty() => out.push(Item::Optional(g)),
                _ => return Err(bad("pattern (unbalanced group)", text)),
            }
        }
    }
    if group.is_some() || out.is_empty() {
        return Err(bad("pattern (unbalanced group)", text));
    }
    Ok(out)
}

fn parse_item(tok: &str) -> Option<Item> {
    match tok {
        "'s" => return Some(Item::Possessive),
        "-" => return Some(Item::Dash),
        "*" => return Some(Item::Any),
        _ => {}
    }
    let (name, constraint) = tok.split_once(':').unwrap_or((tok, ""));
    let slot = match name {
        "SRC" => Some(Slot::Src),
        "TGT" => Some(Slot::Tgt),
        _ => None,
    };
    if let Some(slot) = slot {
        let heads: Vec<String> = constraint
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        return heads
            .iter()
            .all(|h| is_word(h))
            .then_some(Item::Slot(slot, heads));
    }
    if let Some((v, p)) = tok.split_once('+') {
        return (is_word(v) && is_word(p)).then(|| Item::Phrasal(v.into(), p.into()));
    }
    let alts: Vec<String> = tok.split('|').map(str::to_string).collect();
    alts.iter().all(|a| is_word(a)).then_some(Item::Word(alts))
}

/// Resolves an example's markup: `[SRC ...]`, `[TGT ...]`, one `{...}`.
pub fn parse_example(text: &str) -> std::result::Result<Example, ErrorKind> {
    let mut plain = String::with_capacity(text.len());
    let (mut event, mut src, mut tgt) = (None, None, None);
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("[SRC ") {
            open.push(('S', plain.len()));
            rest = r;
            continue;
        }
        if let Some(r) = rest.strip_prefix("[TGT ") {
            open.push(('T', plain.len()));
            rest = r;
            continue;
        }
        match c {
            '{' => open.push(('E', plain.len())),
            '}' | ']' => {
                let Some((k, start)) = open.pop() else {
                    return Err(ErrorKind::Example(format!("unbalanced markup in {text:?}")));
                };
                let slot = match (k, c) {
                    ('E', '}') => &mut event,
                    ('S', ']') => &mut src,
                    ('T', ']') => &mut tgt,
                    _ => return Err(ErrorKind::Example(format!("mismatched markup in {text:?}"))),
                };
                if slot.replace((start, plain.len())).is_some() {
                    return Err(ErrorKind::Example(format!("repeated markup in {text:?}")));
                }
            }
            '[' => return Err(ErrorKind::Example(format!("bad bracket in {text:?}"))),
            _ => plain.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    if !open.is_empty() {
        return Err(ErrorKind::Example(format!("unclosed markup in {text:?}")));
    }
    let event = event.ok_or_else(|| ErrorKind::Example(format!("no {{event}} in {text:?}")))?;
    Ok(Example {
        text: plain,
        event,
        src,
        tgt,
    })
}
