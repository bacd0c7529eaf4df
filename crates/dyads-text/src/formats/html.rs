//! HTML pages: charset detection, main-content extraction, meta tags.
//!
//! OWNED BY HELPER A.

use crate::blocks::{Block, PageMeta};
use crate::error::ErrorKind;

/// Decodes HTML bytes to UTF-8, using the BOM, the `declared` charset (from a
/// container header), or the page's `<meta charset>`, defaulting to UTF-8
/// and then windows-1252.
pub fn decode(bytes: &[u8], _declared: Option<&str>) -> Result<String, ErrorKind> {
    crate::formats::text::decode(bytes)
}

/// Extracts the main content of a page as blocks, and the page's own metadata.
pub fn extract(_content: &str) -> Result<(Vec<Block>, PageMeta), String> {
    Err("HTML extraction not implemented yet".into())
}
