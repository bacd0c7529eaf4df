//! Typo tolerance: a deletion-neighbourhood index (SymSpell style) over
//! long names, answering "which names are at edit distance 1 (substitution,
//! insertion, deletion or adjacent transposition) from this string".
//!
//! Every indexed name is stored under the hash of itself and of each string
//! made by deleting one of its characters. A query looks up its own hash
//! and its one-character deletions; two strings at distance 1 always share
//! one of these keys. Hits are verified with the exact distance, so hash
//! collisions cost time, never correctness. Keys are 32-bit hashes paired
//! with 32-bit name indexes (8 bytes each), capped at [`MAX_KEYS`].

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::fxhash::{FxHashMap, FxHashSet};

/// The most keys the index holds (about 32 MiB); names past the cap are
/// not indexed for typos.
pub const MAX_KEYS: usize = 4_000_000;

/// Number of 16-bit key prefixes in the lookup directory.
const PREFIXES: usize = 1 << 16;

/// Names shorter than this (in characters) are never matched with a typo.
pub const MIN_LEN: usize = 8;

/// Names longer than this are not indexed.
pub const MAX_LEN: usize = 48;

/// The index: names with a payload, and sorted `(key, name)` pairs.
#[derive(Debug, Default)]
pub(crate) struct FuzzyIndex {
    names: Vec<(Vec<char>, u32)>,
    keys: Vec<(u32, u32)>,
    /// Where the keys of each 16-bit prefix start in `keys` (one more
    /// entry than prefixes, the last `keys.len()`), so that a lookup
    /// searches one prefix's keys instead of all of them.
    dir: Vec<u32>,
    /// Hashes of the first words of the names and of their one-character
    /// deletions: a window whose first word shares none of them cannot be
    /// one edit away from a name (a cheap filter for most capitalised words).
    firsts: FxHashSet<u64>,
    /// The most words in an indexed name.
    max_words: usize,
    /// Tells this index's answers apart in [`FOUND`] (never reused).
    id: u64,
}

/// How many queries [`FOUND`] remembers per thread.
const FOUND_CAPACITY: usize = 512;

/// The next index's id.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// The answers to the last queries asked on this thread, by index id
    /// and query: a window of names (`The foreign minister of Russia`) is
    /// asked again in every sentence that repeats it.
    static FOUND: RefCell<FxHashMap<(u64, String), Vec<u32>>> =
        RefCell::new(FxHashMap::default());
}

/// FNV-1a over the characters: fast, deterministic, good enough for keys
/// that are verified anyway.
fn hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn key(chars: &[char]) -> u32 {
    (hash(chars) >> 16) as u32
}

fn deletions(chars: &[char], mut f: impl FnMut(&[char])) {
    let mut buf: Vec<char> = Vec::with_capacity(chars.len());
    for i in 0..chars.len() {
        if i > 0 && chars[i] == chars[i - 1] {
            continue; // same deletion as the previous one
        }
        buf.clear();
        buf.extend_from_slice(&chars[..i]);
        buf.extend_from_slice(&chars[i + 1..]);
        f(&buf);
    }
}

impl FuzzyIndex {
    /// Builds the index over `(normalised name, payload)` pairs; names
    /// outside [`MIN_LEN`]..=[`MAX_LEN`] characters are left out.
    pub fn build(names: impl IntoIterator<Item = (String, u32)>) -> FuzzyIndex {
        let mut idx = FuzzyIndex {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            ..FuzzyIndex::default()
        };
        for (name, payload) in names {
            let chars: Vec<char> = name.chars().collect();
            if chars.len() < MIN_LEN || chars.len() > MAX_LEN {
                continue;
            }
            if idx.keys.len() + chars.len() + 1 > MAX_KEYS {
                break;
            }
            let n = idx.names.len() as u32;
            let first: Vec<char> = chars.iter().copied().take_while(|&c| c != ' ').collect();
            idx.firsts.insert(hash(&first));
            deletions(&first, |d| {
                idx.firsts.insert(hash(d));
            });
            idx.max_words = idx
                .max_words
                .max(chars.iter().filter(|&&c| c == ' ').count() + 1);
            idx.keys.push((key(&chars), n));
            deletions(&chars, |d| idx.keys.push((key(d), n)));
            idx.names.push((chars, payload));
        }
        idx.keys.sort_unstable();
        idx.keys.dedup();
        idx.dir = Vec::with_capacity(PREFIXES + 1);
        let mut at = 0usize;
        for p in 0..=PREFIXES {
            while idx
                .keys
                .get(at)
                .is_some_and(|&(h, _)| ((h >> 16) as usize) < p)
            {
                at += 1;
            }
            idx.dir.push(at as u32);
        }
        idx
    }

    /// Number of names indexed.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The most words in an indexed name.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// False when no name can start with a word one edit away from `word`.
    pub fn may_start_with(&self, word: &str) -> bool {
        let chars: Vec<char> = word.chars().collect();
        if self.firsts.contains(&hash(&chars)) {
            return true;
        }
        let mut found = false;
        deletions(&chars, |d| found = found || self.firsts.contains(&hash(d)));
        found
    }

    fn lookup(&self, k: u32, out: &mut Vec<u32>) {
        let p = (k >> 16) as usize;
        let (Some(&lo), Some(&hi)) = (self.dir.get(p), self.dir.get(p + 1)) else {
            return;
        };
        let block = self.keys.get(lo as usize..hi as usize).unwrap_or(&[]);
        let start = block.partition_point(|&(h, _)| h < k);
        for &(h, n) in &block[start..] {
            if h != k {
                break;
            }
            out.push(n);
        }
    }

    /// The payloads of the names at distance exactly 1 from `query`
    /// (remembered for the last few hundred queries on this thread).
    pub fn query(&self, query: &str) -> Vec<u32> {
        let key = (self.id, query.to_string());
        crate::memo::remember(&FOUND, key, FOUND_CAPACITY, || self.search(query))
    }

    /// [`FuzzyIndex::query`] without the memory.
    fn search(&self, query: &str) -> Vec<u32> {
        let q: Vec<char> = query.chars().collect();
        if q.len() + 1 < MIN_LEN || q.len() > MAX_LEN + 1 || self.names.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        self.lookup(key(&q), &mut hits);
        deletions(&q, |d| self.lookup(key(d), &mut hits));
        hits.sort_unstable();
        hits.dedup();
        let mut out: Vec<u32> = hits
            .into_iter()
            .filter_map(|n| self.names.get(n as usize))
            .filter(|(name, _)| distance_is_one(&q, name))
            .map(|&(_, p)| p)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// True when `a` and `b` differ by exactly one substitution, insertion,
/// deletion or transposition of adjacent characters.
pub fn distance_is_one(a: &[char], b: &[char]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 || a == b {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    if la == lb {
        // substitution, or transposition of positions p and p+1
        ra.get(1..) == rb.get(1..)
            || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra.get(2..) == rb.get(2..))
    } else if la > lb {
        ra.get(1..) == Some(rb)
    } else {
        rb.get(1..) == Some(ra)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distance_one_edits() {
        let yes = [
            ("kim jong un", "kin jong un"),
            ("kim jong un", "kim jong u"),
            ("kim jong un", "kim jjong un"),
            ("kim jong un", "kmi jong un"),
        ];
        for (a, b) in yes {
            assert!(distance_is_one(&chars(a), &chars(b)), "{a} / {b}");
            assert!(distance_is_one(&chars(b), &chars(a)), "{b} / {a}");
        }
        for (a, b) in [
            ("kim jong un", "kim jong un"),
            ("kim jong un", "kin jong uu"),
        ] {
            assert!(!distance_is_one(&chars(a), &chars(b)), "{a} / {b}");
        }
    }

    #[test]
    fn index_finds_names_at_distance_one_only() {
        let idx = FuzzyIndex::build(vec![
            ("kim jong un".to_string(), 1),
            ("sergey lavrov".to_string(), 2),
            ("short".to_string(), 3),
        ]);
        assert_eq!(idx.len(), 2);
        assert_eq!(idx.query("kin jong un"), vec![1]);
        assert_eq!(idx.query("sergey lavorv"), vec![2]);
        assert_eq!(idx.query("sergey lavrova"), vec![2]);
        assert!(idx.query("shorr").is_empty());
        assert!(idx.query("kin jong uu").is_empty());
        assert!(idx.may_start_with("kin") && idx.may_start_with("sergei"));
        assert!(!idx.may_start_with("tuesday"));
        assert_eq!(idx.max_words(), 3);
    }
}
