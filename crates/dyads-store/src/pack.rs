//! Compact little-endian packing of span lists into BLOBs.

use dyads_text::{Alignment, Piece, Span, Token, TokenKind};

fn words(blob: &[u8]) -> impl Iterator<Item = u32> + '_ {
    blob.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// Packs alignment pieces, four `u32` each.
pub fn alignment(a: &Alignment) -> Vec<u8> {
    let mut out = Vec::with_capacity(a.pieces.len() * 16);
    for p in &a.pieces {
        for w in [p.clean, p.raw, p.len, p.raw_len] {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

/// Unpacks alignment pieces; `None` when the blob's length is not a multiple of 16.
pub fn unpack_alignment(blob: &[u8]) -> Option<Alignment> {
    if !blob.len().is_multiple_of(16) {
        return None;
    }
    let w: Vec<u32> = words(blob).collect();
    let pieces = w
        .chunks_exact(4)
        .map(|c| Piece {
            clean: c[0],
            raw: c[1],
            len: c[2],
            raw_len: c[3],
        })
        .collect();
    Some(Alignment { pieces })
}

/// Packs tokens: start, end, kind (0 word, 1 number, 2 punct).
pub fn tokens(tokens: &[Token]) -> Vec<u8> {
    let mut out = Vec::with_capacity(tokens.len() * 12);
    for t in tokens {
        let kind = match t.kind {
            TokenKind::Word => 0u32,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        for w in [t.span.start, t.span.end, kind] {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

/// Unpacks tokens; `None` when the blob is malformed.
pub fn unpack_tokens(blob: &[u8]) -> Option<Vec<Token>> {
    if !blob.len().is_multiple_of(12) {
        return None;
    }
    let w: Vec<u32> = words(blob).collect();
    w.chunks_exact(3)
        .map(|c| {
            let kind = match c[2] {
                0 => TokenKind::Word,
                1 => TokenKind::Number,
                2 => TokenKind::Punct,
                _ => return None,
            };
            Some(Token {
                span: Span {
                    start: c[0],
                    end: c[1],
                },
                kind,
            })
        })
        .collect()
}

/// Packs spans, two `u32` each.
pub fn spans(spans: &[Span]) -> Vec<u8> {
    let mut out = Vec::with_capacity(spans.len() * 8);
    for s in spans {
        out.extend_from_slice(&s.start.to_le_bytes());
        out.extend_from_slice(&s.end.to_le_bytes());
    }
    out
}

/// Unpacks spans; `None` when the blob is malformed.
pub fn unpack_spans(blob: &[u8]) -> Option<Vec<Span>> {
    if !blob.len().is_multiple_of(8) {
        return None;
    }
    let w: Vec<u32> = words(blob).collect();
    Some(
        w.chunks_exact(2)
            .map(|c| Span {
                start: c[0],
                end: c[1],
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut a = Alignment::default();
        a.push(0, 5, 3, 3);
        a.push(5, 20, 1, 6);
        assert_eq!(unpack_alignment(&alignment(&a)), Some(a));
        let t = vec![
            Token {
                span: Span::new(0, 3),
                kind: TokenKind::Word,
            },
            Token {
                span: Span::new(3, 4),
                kind: TokenKind::Punct,
            },
        ];
        assert_eq!(unpack_tokens(&tokens(&t)), Some(t));
        let s = vec![Span::new(1, 2), Span::new(4, 9)];
        assert_eq!(unpack_spans(&spans(&s)), Some(s));
        assert_eq!(unpack_spans(&[1, 2, 3]), None);
        assert_eq!(
            unpack_tokens(
                &[0; 12]
                    .iter()
                    .chain(&[9, 0, 0, 0])
                    .copied()
                    .collect::<Vec<u8>>()
            ),
            None
        );
    }
}
