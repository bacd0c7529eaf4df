//! HTML pages: charset detection, main-content extraction, meta tags.
//!
//! [`decode`] turns a page's bytes into UTF-8 (BOM, then the charset the
//! container declared, then `<meta charset>` in the first 4 KiB, then UTF-8
//! when valid, else windows-1252). [`extract`] parses the page with a small,
//! forgiving tokenizer and tree builder (never fails, never panics), drops
//! boilerplate elements (scripts, navigation, headers and footers, elements
//! whose class, id or role names a menu, share bar, sidebar, advert ...),
//! chooses the element that holds the article (see `content`), and returns
//! one [`Block`] per block element with pieces aligned to the page's bytes.
//!
//! `<br>`: one `<br>` is a space; two or more in a row end the block.

mod blocks;
mod content;
pub mod entities;
mod meta;
mod tokenize;
mod tree;

#[cfg(test)]
mod tests;

use encoding_rs::Encoding;

use crate::blocks::{Block, PageMeta};
use crate::error::ErrorKind;
use crate::formats::looks_binary;

pub use meta::language_code;

/// How far into a page we look for `<meta charset>`.
const SNIFF_BYTES: usize = 4096;

/// Decodes HTML bytes to UTF-8, using the BOM, the `declared` charset (from a
/// container header), or the page's `<meta charset>`, defaulting to UTF-8
/// and then windows-1252. Binary data is refused with [`ErrorKind::Binary`].
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, ErrorKind> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or(&[]);
        if enc == encoding_rs::UTF_8 && looks_binary(rest) {
            return Err(ErrorKind::Binary);
        }
        let (text, _) = enc.decode_without_bom_handling(rest);
        return Ok(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(ErrorKind::Binary);
    }
    let label = declared
        .and_then(|d| Encoding::for_label(d.trim().trim_matches(['"', '\'']).as_bytes()))
        .or_else(|| meta_charset(bytes))
        .map(Encoding::output_encoding);
    match label {
        Some(enc) if enc == encoding_rs::UTF_8 => Ok(utf8_or_1252(bytes)),
        Some(enc) => Ok(enc.decode_without_bom_handling(bytes).0.into_owned()),
        None => Ok(utf8_or_1252(bytes)),
    }
}

/// UTF-8 when the bytes are valid UTF-8 or mostly so (a few bad bytes in a
/// page with valid multibyte characters become U+FFFD); windows-1252 otherwise.
fn utf8_or_1252(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes);
            let good = lossy
                .chars()
                .filter(|&c| !c.is_ascii() && c != '\u{fffd}')
                .count();
            let bad = lossy.chars().filter(|&c| c == '\u{fffd}').count();
            if good > bad * 4 {
                lossy.into_owned()
            } else {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
                    .into_owned()
            }
        }
    }
}

/// The encoding a `<meta charset>` or `<meta http-equiv=content-type>` in the
/// first 4 KiB names.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(SNIFF_BYTES))?);
    for tok in tokenize::tokenize(&head) {
        let tokenize::Token::Start { name, attrs, .. } = tok else {
            continue;
        };
        if name != "meta" {
            continue;
        }
        let get = |k: &str| attrs.iter().find(|a| a.name == k).map(|a| a.value.as_str());
        if let Some(cs) = get("charset") {
            if let Some(e) = Encoding::for_label(cs.trim().as_bytes()) {
                return Some(e);
            }
        }
        let http_equiv = get("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-type"));
        if let (true, Some(content)) = (http_equiv, get("content")) {
            if let Some(e) = charset_param(content).and_then(|c| Encoding::for_label(c.as_bytes()))
            {
                return Some(e);
            }
        }
    }
    None
}

/// The `charset=` parameter of a content type (`text/html; charset="utf-8"`).
pub fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(rest.len());
    let cs = rest.get(..end)?;
    (!cs.is_empty()).then(|| cs.to_string())
}

/// Decodes the character references (`&amp;`, `&#8217;`, `&eacute;` ...) in `s`.
pub fn decode_entities(s: &str) -> String {
    entities::decode_all(s)
}

/// Extracts the main content of a page as blocks, and the page's own metadata.
///
/// Malformed HTML is not an error (a page with no text gives no blocks); the
/// only `Err` is a page too large for the alignment's 32-bit offsets.
pub fn extract(content: &str) -> Result<(Vec<Block>, PageMeta), String> {
    if content.len() > u32::MAX as usize {
        return Err(format!("page of {} bytes is too large", content.len()));
    }
    let tree = tree::Tree::parse(content);
    let analysis = content::analyse(&tree, content);
    let blocks = content::blocks(&tree, content, &analysis);
    let page = meta::page_meta(&tree, content, &analysis.roots);
    Ok((blocks, page))
}

/// Strips tags from an HTML fragment and decodes references: a quick way to
/// the text of a title or a short summary.
pub fn fragment_text(s: &str) -> String {
    let tree = tree::Tree::parse(s);
    meta::text_below(&tree, s, 0, usize::MAX)
}
