//! The fixed label sets: UPOS, Penn XPOS, UD relations (with the English
//! subtypes of EWT) and entity types. Tokens carry `&'static str`s from
//! these tables, so annotations never allocate labels.

/// Universal parts of speech.
pub const UPOS: &[&str] = &[
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// Penn Treebank tags as used by UD English (the last, `XX`, is the fallback).
pub const XPOS: &[&str] = &[
    "NN", "IN", "DT", "NNP", "PRP", "JJ", ".", "RB", "VB", "NNS", ",", "CC", "VBP", "VBD", "VBZ",
    "VBN", "CD", "VBG", "TO", "MD", "PRP$", "WDT", "-RRB-", "-LRB-", ":", "WRB", "UH", "``", "WP",
    "''", "RP", "HYPH", "POS", "NNPS", "JJS", "JJR", "EX", "NFP", "ADD", "RBR", "GW", "$", "SYM",
    "PDT", "FW", "RBS", "LS", "AFX", "WP$", "XX",
];

/// Dependency relations (the last, `dep`, is the fallback; `root` is index 0).
pub const DEPRELS: &[&str] = &[
    "root",
    "punct",
    "case",
    "nsubj",
    "det",
    "advmod",
    "amod",
    "obj",
    "obl",
    "conj",
    "compound",
    "nmod",
    "mark",
    "cc",
    "aux",
    "cop",
    "advcl",
    "nmod:poss",
    "xcomp",
    "flat",
    "ccomp",
    "acl:relcl",
    "parataxis",
    "acl",
    "nummod",
    "appos",
    "aux:pass",
    "nsubj:pass",
    "obl:unmarked",
    "nmod:unmarked",
    "discourse",
    "compound:prt",
    "list",
    "iobj",
    "expl",
    "fixed",
    "obl:agent",
    "nmod:desc",
    "csubj",
    "nsubj:outer",
    "det:predet",
    "vocative",
    "advcl:relcl",
    "goeswith",
    "cc:preconj",
    "reparandum",
    "orphan",
    "dislocated",
    "csubj:pass",
    "csubj:outer",
    "obl:npmod",
    "obl:tmod",
    "nmod:tmod",
    "nmod:npmod",
    "flat:foreign",
    "dep",
];

/// Entity types the recogniser predicts.
pub const ENTITY_TYPES: &[&str] = &["PER", "ORG", "LOC"];

fn find(table: &'static [&'static str], s: &str) -> usize {
    table
        .iter()
        .position(|t| *t == s)
        .unwrap_or(table.len() - 1)
}

/// Index of a UPOS tag (`X` when unknown).
pub fn upos_id(s: &str) -> usize {
    find(UPOS, s)
}

/// Index of an XPOS tag (`XX` when unknown).
pub fn xpos_id(s: &str) -> usize {
    find(XPOS, s)
}

/// Index of a relation (`dep` when unknown).
pub fn deprel_id(s: &str) -> usize {
    find(DEPRELS, s)
}

/// The name of UPOS index `i`.
pub fn upos_name(i: usize) -> &'static str {
    UPOS.get(i).copied().unwrap_or("X")
}

/// The name of XPOS index `i`.
pub fn xpos_name(i: usize) -> &'static str {
    XPOS.get(i).copied().unwrap_or("XX")
}

/// The name of relation index `i`.
pub fn deprel_name(i: usize) -> &'static str {
    DEPRELS.get(i).copied().unwrap_or("dep")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_and_fallbacks() {
        let rows: &[(&str, &str)] = &[("NOUN", "NOUN"), ("BOGUS", "X")];
        for (i, o) in rows {
            assert_eq!(upos_name(upos_id(i)), *o);
        }
        assert_eq!(xpos_name(xpos_id("PRP$")), "PRP$");
        assert_eq!(xpos_name(xpos_id("??")), "XX");
        assert_eq!(deprel_name(deprel_id("obl:agent")), "obl:agent");
        assert_eq!(deprel_name(deprel_id("zzz")), "dep");
        assert_eq!(deprel_id("root"), 0);
        assert!(DEPRELS.len() <= 64, "label sets are u64 bitsets");
    }
}
