//! Byte spans into a text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a UTF-8 text.
///
/// Spans are `Copy` views: annotations never copy the strings they cover.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (both byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text the span covers, or `""` when it does not fall inside `text`
    /// on character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range()).unwrap_or("")
    }

    /// True when `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert_eq!(s.slice("abcdefg"), "cde");
        assert!(Span::new(3, 3).is_empty());
        assert_eq!(Span::new(0, 99).slice("abc"), "");
        assert!(s.contains(Span::new(3, 4)));
        assert!(!s.contains(Span::new(1, 4)));
    }
}
