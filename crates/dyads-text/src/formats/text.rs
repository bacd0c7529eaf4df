//! Plain text as users paste it from a web page.

use crate::blocks::{Block, BlockKind};
use crate::error::ErrorKind;
use crate::formats::looks_binary;

/// Decodes plain-text bytes: UTF-8 (with or without BOM), else UTF-16 with a
/// BOM. Binary data and invalid UTF-8 are refused with the byte offset of the
/// first bad byte.
pub fn decode(bytes: &[u8]) -> Result<String, ErrorKind> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(ErrorKind::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(ErrorKind::Encoding(format!(
            "invalid UTF-8 at byte {}",
            e.valid_up_to()
        ))),
    }
}

fn decode_utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, ErrorKind> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| ErrorKind::Encoding("invalid UTF-16".into()))
}

/// Splits plain text into blocks, one per non-blank line, each aligned to its
/// bytes in `content` (leading and trailing whitespace trimmed).
/// `blank_after` tells whether a blank line follows.
pub fn blocks(content: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if trimmed.is_empty() {
            if let Some(last) = out.last_mut() {
                last.blank_after = true;
            }
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        out.push(Block::verbatim(trimmed, start + lead, BlockKind::Paragraph));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_aligned_blocks() {
        let s = "Title\n\n  First para.  \nSecond line\n";
        let b = blocks(s);
        assert_eq!(b.len(), 3);
        assert!(b[0].blank_after);
        assert!(!b[1].blank_after);
        let p = b[1].pieces[0];
        assert_eq!(&s[p.raw as usize..(p.raw + p.len) as usize], "First para.");
    }

    #[test]
    fn decode_refuses_binary_and_bad_utf8() {
        assert_eq!(decode(b"\x00\x01\x02abc"), Err(ErrorKind::Binary));
        assert!(
            matches!(decode(b"abc\xffdef"), Err(ErrorKind::Encoding(m)) if m.contains("byte 3"))
        );
        assert_eq!(decode(b"\xEF\xBB\xBFhi").as_deref(), Ok("hi"));
    }
}
