//! Word classes from WordNet 3.0 (Princeton University; licence notice in
//! `data/wordnet.tsv.gz` and `models/README.md`): for each lowercased single
//! word its parts of speech and a few noun classes, read once from the
//! committed table that `cargo xtask wordnet` derives, and morphological
//! guesses ("a plural of a WordNet noun", "the -ing form of a verb") made
//! by stripping endings the way WordNet's morphy does.
//!
//! The tagger reads the class bits as one value ([`crate::lexical::Lex::wn`]),
//! so several bit names below are used only by the tests and documentation
//! of the table's layout (hence `allow(dead_code)` on them).

use std::io::Read;
use std::sync::OnceLock;

use crate::hash::{str_hash, IdMap};

/// The word is a noun in WordNet.
pub(crate) const NOUN: u32 = 1;
/// The word is a verb.
pub(crate) const VERB: u32 = 1 << 1;
/// The word is an adjective (head or satellite).
pub(crate) const ADJ: u32 = 1 << 2;
/// The word is an adverb.
pub(crate) const ADV: u32 = 1 << 3;
/// Some noun sense is written capitalised.
#[allow(dead_code)]
pub(crate) const CAPITAL: u32 = 1 << 4;
/// Every noun sense is written capitalised.
#[allow(dead_code)]
pub(crate) const ONLY_CAPITAL: u32 = 1 << 5;
/// Some noun sense is an instance (a particular city, person, ...).
#[allow(dead_code)]
pub(crate) const INSTANCE: u32 = 1 << 6;
/// Some noun sense is in noun.person.
#[allow(dead_code)]
pub(crate) const PERSON: u32 = 1 << 7;
/// Some noun sense is in noun.location.
#[allow(dead_code)]
pub(crate) const LOCATION: u32 = 1 << 8;
/// Some noun sense is in noun.group.
#[allow(dead_code)]
pub(crate) const GROUP: u32 = 1 << 9;
/// Some noun sense is in noun.time.
#[allow(dead_code)]
pub(crate) const TIME: u32 = 1 << 10;
/// Some noun sense is in noun.quantity.
#[allow(dead_code)]
pub(crate) const QUANTITY: u32 = 1 << 11;
/// Irregular inflections (`.exc` lists): noun, verb, adjective, adverb.
pub(crate) const EXC: u32 = 0xf << 12;
/// The most frequent part of speech in WordNet's sense-tagged counts
/// (0 none, 1 to 4: noun, verb, adjective, adverb).
pub(crate) const DOMINANT: u32 = 0x7 << 16;
/// An adjective sense is a pertainym (`american`, `economic`).
#[allow(dead_code)]
pub(crate) const PERTAINYM: u32 = 1 << 19;
/// An adjective sense is participial.
#[allow(dead_code)]
pub(crate) const PARTICIPLE: u32 = 1 << 20;
/// Some noun sense is written in lowercase.
#[allow(dead_code)]
pub(crate) const LOWER_NOUN: u32 = 1 << 21;
/// Parts of speech and irregular inflections.
pub(crate) const POS: u32 = NOUN | VERB | ADJ | ADV | EXC;

/// Morphological guesses: the word minus an ending is a WordNet ...
pub(crate) mod morph {
    /// ... noun (-s, -es, -ies): a plural.
    pub const PLURAL: u32 = 1;
    /// ... verb (-s, -es, -ies): third person singular.
    pub const VERB_S: u32 = 1 << 1;
    /// ... verb (-ed, -d, -ied, doubled consonant): past form.
    pub const VERB_ED: u32 = 1 << 2;
    /// ... verb (-ing, doubled consonant, -e dropped).
    pub const VERB_ING: u32 = 1 << 3;
    /// ... adjective (-er, -r, -ier): comparative.
    pub const ADJ_ER: u32 = 1 << 4;
    /// ... adjective (-est, -st, -iest): superlative.
    pub const ADJ_EST: u32 = 1 << 5;
    /// ... verb (-er, -r): an agent noun.
    pub const VERB_ER: u32 = 1 << 6;
    /// ... adjective (-ly, -ily, -ally): an adverb.
    pub const ADJ_LY: u32 = 1 << 7;
}

static TABLE: OnceLock<IdMap<u32>> = OnceLock::new();

const DATA: &[u8] = include_bytes!("../data/wordnet.tsv.gz");

fn table() -> &'static IdMap<u32> {
    TABLE.get_or_init(|| {
        let mut text = String::new();
        // The table is built into the crate: a failure here is a build
        // error, caught by the tests; degrade to an empty table.
        if flate2::read::GzDecoder::new(DATA)
            .read_to_string(&mut text)
            .is_err()
        {
            return IdMap::default();
        }
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, b) = l.split_once('\t')?;
                Some((str_hash(w), u32::from_str_radix(b, 16).ok()?))
            })
            .collect()
    })
}

/// Loads the table now (it is otherwise loaded on first use).
pub(crate) fn preload() {
    let _ = table();
}

/// The class bits of a lowercased word given its hash (0: not in WordNet).
#[inline]
pub(crate) fn bits_of_hash(h: u64) -> u32 {
    table().get(&h).copied().unwrap_or(0)
}

fn has(base: &str, want: u32) -> bool {
    !base.is_empty() && bits_of_hash(str_hash(base)) & want != 0
}

/// Whether the lowercased word `w` is a WordNet verb.
pub(crate) fn is_verb(w: &str) -> bool {
    has(w, VERB)
}

/// Morphological guesses ([`morph`]) for a lowercased word.
pub(crate) fn morph_bits(w: &str) -> u32 {
    let n = w.len();
    if !(4..=30).contains(&n) || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return 0;
    }
    let mut out = 0;
    // `w` minus `cut` bytes, plus `add`, has class `want`.
    let mut buf = [0u8; 32];
    let mut base = |cut: usize, add: &str, want: u32| -> bool {
        let stem = &w.as_bytes()[..n - cut];
        let len = stem.len() + add.len();
        buf[..stem.len()].copy_from_slice(stem);
        buf[stem.len()..len].copy_from_slice(add.as_bytes());
        std::str::from_utf8(&buf[..len]).is_ok_and(|s| has(s, want))
    };
    let doubled = |cut: usize| -> bool {
        let b = w.as_bytes();
        n > cut + 2 && b[n - cut - 1] == b[n - cut - 2] && !b"aeiou".contains(&b[n - cut - 1])
    };
    if w.ends_with('s') && !w.ends_with("ss") {
        let ies = w.ends_with("ies");
        let es = w.ends_with("es");
        if base(1, "", NOUN) || (es && base(2, "", NOUN)) || (ies && base(3, "y", NOUN)) {
            out |= morph::PLURAL;
        }
        if base(1, "", VERB) || (es && base(2, "", VERB)) || (ies && base(3, "y", VERB)) {
            out |= morph::VERB_S;
        }
    }
    if w.ends_with("ed")
        && (base(2, "", VERB)
            || base(1, "", VERB)
            || (w.ends_with("ied") && base(3, "y", VERB))
            || (doubled(2) && base(3, "", VERB)))
    {
        out |= morph::VERB_ED;
    }
    if w.ends_with("ing")
        && (base(3, "", VERB) || base(3, "e", VERB) || (doubled(3) && base(4, "", VERB)))
    {
        out |= morph::VERB_ING;
    }
    if w.ends_with("er") {
        if base(2, "", ADJ)
            || base(1, "", ADJ)
            || (w.ends_with("ier") && base(3, "y", ADJ))
            || (doubled(2) && base(3, "", ADJ))
        {
            out |= morph::ADJ_ER;
        }
        if base(2, "", VERB) || base(1, "", VERB) || (doubled(2) && base(3, "", VERB)) {
            out |= morph::VERB_ER;
        }
    }
    if w.ends_with("est")
        && (base(3, "", ADJ)
            || base(2, "", ADJ)
            || (w.ends_with("iest") && base(4, "y", ADJ))
            || (doubled(3) && base(4, "", ADJ)))
    {
        out |= morph::ADJ_EST;
    }
    if w.ends_with("ly")
        && (base(2, "", ADJ)
            || (w.ends_with("ily") && base(3, "y", ADJ))
            || (w.ends_with("ally") && base(4, "", ADJ))
            || base(1, "e", ADJ))
    {
        out |= morph::ADJ_LY;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(w: &str) -> u32 {
        bits_of_hash(str_hash(w))
    }

    #[test]
    fn table_has_classes() {
        assert!(table().len() > 80_000);
        assert_ne!(bits("house") & NOUN, 0);
        assert_ne!(bits("house") & VERB, 0);
        assert_eq!(bits("house") & ADV, 0);
        assert_ne!(bits("quickly") & ADV, 0);
        assert_ne!(bits("paris") & ONLY_CAPITAL, 0);
        assert_ne!(bits("paris") & LOCATION, 0);
        assert_ne!(bits("teacher") & PERSON, 0);
        assert_ne!(bits("went") & EXC, 0);
        assert_eq!(bits("the"), 0);
        assert_eq!(bits("zzqxv"), 0);
    }

    #[test]
    fn morphy_guesses() {
        assert_ne!(morph_bits("houses") & morph::PLURAL, 0);
        assert_ne!(morph_bits("cities") & morph::PLURAL, 0);
        assert_ne!(morph_bits("stopped") & morph::VERB_ED, 0);
        assert_ne!(morph_bits("negotiating") & morph::VERB_ING, 0);
        assert_ne!(morph_bits("happier") & morph::ADJ_ER, 0);
        assert_ne!(morph_bits("bluntly") & morph::ADJ_LY, 0);
        assert_eq!(morph_bits("table"), 0);
        assert_eq!(morph_bits("Ünïcode"), 0);
    }
}
