//! Name lists for the recogniser: a gazetteer of token sequences (built at
//! training time from the project's own lexicon, `dyads-lexicon/data`, and
//! from the short lists of place and given names in [`crate::ner_names`])
//! and marks of where a sentence's tokens fall inside a listed name.
//!
//! Names are matched case-insensitively, token by token, on the same hash
//! of the lowercased form that [`crate::lexical::lex`] computes, so a match
//! costs one table lookup per candidate span.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::hash::{mix, IdMap};
use crate::lexical::{lex, Lex};
use crate::modelio::{Reader, Writer};

/// Longest listed name, in tokens.
pub(crate) const MAX_LEN: usize = 8;

/// Kinds of listed names, one bit each.
pub(crate) const KINDS: [&str; 12] = [
    "loc", "org", "per", "given", "demonym", "meto", "region", "orgword", "locword", "title",
    "company", "surname",
];

/// Bit of a kind.
pub(crate) fn kind(name: &str) -> u16 {
    KINDS
        .iter()
        .position(|k| *k == name)
        .map_or(0, |i| 1u16 << i)
}

/// A gazetteer: hashed token sequences and the kinds they are listed as.
#[derive(Clone, Debug, Default)]
pub(crate) struct Gazetteer {
    names: IdMap<u16>,
}

/// The hash of a token sequence, from each token's lowercase hash.
fn seq_hash(lowers: impl Iterator<Item = u64>) -> u64 {
    lowers.fold(0x6a7a, mix)
}

/// Splits a name into UD-like tokens: at spaces, around hyphens and
/// slashes, and before a final `'s`.
pub(crate) fn name_tokens(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in name.split_whitespace() {
        let mut rest = word;
        while let Some(i) = rest.find(['-', '/']) {
            if i > 0 {
                out.push(&rest[..i]);
            }
            out.push(&rest[i..i + 1]);
            rest = &rest[i + 1..];
        }
        if rest.is_empty() {
            continue;
        }
        match rest.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => {
                out.push(stem);
                out.push(&rest[stem.len()..]);
            }
            _ => out.push(rest),
        }
    }
    out
}

impl Gazetteer {
    /// Lists `name` as `bits`.
    pub(crate) fn add(&mut self, name: &str, bits: u16) {
        let toks = name_tokens(name);
        if toks.is_empty() || toks.len() > MAX_LEN {
            return;
        }
        let mut buf = String::new();
        let h = seq_hash(toks.iter().map(|t| lex(t, &mut buf).lower));
        *self.names.entry(h).or_insert(0) |= bits;
    }

    /// Number of listed names.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// For every token, the listed names covering it, as
    /// `(kind index, position)` codes packed in a `u64` list: position 0
    /// single, 1 first, 2 inside, 3 last. At most a few codes per token.
    pub(crate) fn marks(&self, lex: &[Lex], out: &mut Vec<Vec<u16>>) {
        let n = lex.len();
        out.iter_mut().for_each(Vec::clear);
        out.resize_with(n, Vec::new);
        if self.names.is_empty() {
            return;
        }
        for i in 0..n {
            let mut h = 0x6a7a;
            for (j, l) in lex.iter().enumerate().take(n.min(i + MAX_LEN)).skip(i) {
                h = mix(h, l.lower);
                let Some(&bits) = self.names.get(&h) else {
                    continue;
                };
                for k in 0..KINDS.len() {
                    if bits & (1 << k) == 0 {
                        continue;
                    }
                    for (t, m) in out.iter_mut().enumerate().take(j + 1).skip(i) {
                        let pos = if i == j {
                            0
                        } else if t == i {
                            1
                        } else if t == j {
                            3
                        } else {
                            2
                        };
                        let len = (j - i + 1).min(4) as u16;
                        m.push((k as u16) << 8 | pos << 4 | len);
                    }
                }
            }
        }
    }

    pub(crate) fn encode(&self, w: &mut Writer) {
        let sorted: BTreeMap<u64, u16> = self.names.iter().map(|(&k, &v)| (k, v)).collect();
        w.uint(sorted.len() as u64);
        let mut prev = 0u64;
        for (&k, &v) in &sorted {
            w.uint(k.wrapping_sub(prev));
            w.uint(v as u64);
            prev = k;
        }
    }

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Gazetteer> {
        let n = r.len(r.remaining())?;
        let mut names = IdMap::default();
        let mut prev = 0u64;
        for _ in 0..n {
            prev = prev.wrapping_add(r.uint()?);
            let v = r.uint()?;
            if v >= 1 << KINDS.len() {
                return Err(Error::model("bad gazetteer kind"));
            }
            names.insert(prev, v as u16);
        }
        Ok(Gazetteer { names })
    }

    /// Builds the gazetteer from the lexicon's `states.tsv`,
    /// `organizations.tsv` and `people.tsv` in `dir` and the built-in lists.
    pub(crate) fn from_lexicon(dir: &Path) -> Result<Gazetteer> {
        let mut g = Gazetteer::default();
        let loc = kind("loc");
        for row in read_tsv(&dir.join("states.tsv"))? {
            g.add_cols(&row, &["name", "aliases", "weak_aliases", "capital"], loc);
            g.add_cols(&row, &["demonyms"], kind("demonym"));
            g.add_cols(&row, &["metonyms"], kind("meto"));
        }
        for row in read_tsv(&dir.join("organizations.tsv"))? {
            g.add_cols(&row, &["canonical", "aliases", "weak_aliases"], kind("org"));
        }
        let (per, given) = (kind("per"), kind("given"));
        for row in read_tsv(&dir.join("people.tsv"))? {
            for name in cols(&row, &["canonical", "aliases"]) {
                g.add(name, per);
                let toks = name_tokens(name);
                if toks.len() >= 2 {
                    g.add(toks[0], given);
                    if let Some(last) = toks.last() {
                        g.add(last, per);
                    }
                }
            }
        }
        crate::ner_names::add_builtin(&mut g);
        Ok(g)
    }

    fn add_cols(&mut self, row: &BTreeMap<String, String>, keys: &[&str], bits: u16) {
        for name in cols(row, keys) {
            self.add(name, bits);
        }
    }
}

/// The `|`-separated values of the columns `keys` of a row.
fn cols<'a>(row: &'a BTreeMap<String, String>, keys: &'a [&str]) -> impl Iterator<Item = &'a str> {
    keys.iter()
        .filter_map(|k| row.get(*k))
        .flat_map(|v| v.split('|'))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// Rows of a lexicon TSV file (`#` comments, a header line), as column maps.
fn read_tsv(path: &Path) -> Result<Vec<BTreeMap<String, String>>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::from(e).in_file(path.display().to_string()))?;
    let mut header: Option<Vec<&str>> = None;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        match &header {
            None => header = Some(fields),
            Some(h) => out.push(
                h.iter()
                    .zip(fields)
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_matches() {
        assert_eq!(name_tokens("al-Qaida"), vec!["al", "-", "Qaida"]);
        assert_eq!(name_tokens("Alan's  Pizza"), vec!["Alan", "'s", "Pizza"]);
        assert_eq!(name_tokens("U.S."), vec!["U.S."]);
        let mut g = Gazetteer::default();
        g.add("New York", kind("loc"));
        g.add("York", kind("per"));
        let mut b = String::new();
        let lx: Vec<Lex> = ["in", "new", "York", "."]
            .iter()
            .map(|f| lex(f, &mut b))
            .collect();
        let mut m = Vec::new();
        g.marks(&lx, &mut m);
        assert!(m[0].is_empty() && m[3].is_empty());
        assert_eq!(m[1], vec![1 << 4 | 2]);
        assert_eq!(m[2].len(), 2);
        let mut w = Writer::default();
        g.encode(&mut w);
        let back = Gazetteer::decode(&mut Reader::new(&w.buf));
        assert_eq!(back.map(|x| x.len()).unwrap_or(0), 2);
    }
}
