//! What the recogniser computes once per sentence before tagging it:
//! gazetteer marks, word codes, the sentence's case profile, capitalised
//! runs, prepositions, and which function words may not be part of a name.

use crate::ner::{NerInput, Recognizer, NONE};

/// Whether token `i` is a lowercase function word (adposition,
/// determiner, conjunction, pronoun, auxiliary), which never ends a name.
pub(crate) fn cannot_end(x: &NerInput<'_>, i: usize) -> bool {
    use std::sync::OnceLock;
    static IDS: OnceLock<[u8; 6]> = OnceLock::new();
    let ids = IDS.get_or_init(|| {
        ["ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX"].map(|u| crate::tagset::upos_id(u) as u8)
    });
    let lower = x.lex.get(i).is_some_and(|l| l.flags & 3 == 0);
    lower && x.upos.get(i).is_some_and(|u| ids.contains(u))
}

/// Whether token `i` is a function word that is never part of a name
/// (`in`, `to`, `he`, ..., but not `of`, `and` or `the`).
pub(crate) fn outside(x: &NerInput<'_>, i: usize) -> bool {
    use std::sync::OnceLock;
    static INSIDE: OnceLock<Vec<u64>> = OnceLock::new();
    let inside = INSIDE.get_or_init(|| {
        let mut b = String::new();
        [
            "of", "and", "the", "for", "de", "du", "la", "del", "von", "van", "al", "&",
        ]
        .iter()
        .map(|w| crate::lexical::lex(w, &mut b).lower)
        .collect()
    });
    cannot_end(x, i) && x.lex.get(i).is_some_and(|l| !inside.contains(&l.lower))
}

/// Per-sentence facts computed once before tagging.
#[derive(Default)]
pub(crate) struct Context {
    pub(crate) marks: Vec<Vec<u16>>,
    pub(crate) codes: Vec<u64>,
    pub(crate) case: u64,
    /// The capitalised run `(start, end)` each token is in, if any.
    pub(crate) runs: Vec<Option<(usize, usize)>>,
    /// Gazetteer kind bits of each token as a one-token name.
    pub(crate) kinds: Vec<u64>,
    /// The `case` marker (preposition) of each token or of its nearby head.
    pub(crate) cases: Vec<u64>,
    /// The proper-noun run `(start, end)` each token is in, if any.
    pub(crate) pruns: Vec<Option<(usize, usize)>>,
}

/// Lowercase hashes of words that may join capitalised words in a name.
fn joiner(lower: u64) -> bool {
    use std::sync::OnceLock;
    static J: OnceLock<Vec<u64>> = OnceLock::new();
    J.get_or_init(|| {
        let mut b = String::new();
        [
            "of", "&", "-", "'s", "for", "and", "de", "del", "la", "du", "von", "van", "al", "bin",
        ]
        .iter()
        .map(|w| crate::lexical::lex(w, &mut b).lower)
        .collect()
    })
    .contains(&lower)
}

impl Context {
    pub(crate) fn fill(&mut self, r: &Recognizer, x: &NerInput<'_>) {
        r.gaz.marks(x.lex, &mut self.marks);
        self.codes.clear();
        self.codes
            .extend(x.lex.iter().map(|l| r.words.code(l.lower)));
        let (mut words, mut caps, mut upper) = (0, 0, 0);
        for l in x.lex.iter().skip(1) {
            if l.flags & 32 != 0 {
                words += 1;
                caps += (l.flags & 1) as u32;
                upper += ((l.flags & 2) >> 1) as u32;
            }
        }
        self.fill_runs(x);
        self.fill_propn_runs(x);
        self.fill_cases(x);
        self.case = if words < 3 {
            0
        } else if 2 * upper > words {
            1
        } else if 10 * caps < words {
            2
        } else if 10 * caps > 6 * words {
            3
        } else {
            4
        };
    }
}

impl Context {
    fn fill_cases(&mut self, x: &NerInput<'_>) {
        let n = x.lex.len();
        let case = crate::tagset::deprel_id("case") as u8;
        self.cases.clear();
        self.cases.resize(n, NONE);
        for (j, (&h, &l)) in x.heads.iter().zip(x.labels).enumerate() {
            if l == case && (h as usize) < n {
                if let Some(c) = self.cases.get_mut(h as usize) {
                    *c = x.lex.get(j).map_or(NONE, |w| w.lower);
                }
            }
        }
        for i in 0..n {
            let h = x.heads.get(i).copied().unwrap_or(n as u32) as usize;
            if self.cases[i] == NONE && h < n && h.abs_diff(i) <= 3 {
                self.cases[i] = self.cases[h];
            }
        }
    }

    fn fill_propn_runs(&mut self, x: &NerInput<'_>) {
        use std::sync::OnceLock;
        static PROPN: OnceLock<u8> = OnceLock::new();
        let propn = *PROPN.get_or_init(|| crate::tagset::upos_id("PROPN") as u8);
        let n = x.lex.len();
        let is = |j: usize| x.upos.get(j) == Some(&propn);
        self.pruns.clear();
        self.pruns.resize(n, None);
        let mut i = 0;
        while i < n {
            if !is(i) {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < n && is(e) {
                e += 1;
            }
            for r in self.pruns.iter_mut().take(e).skip(i) {
                *r = Some((i, e));
            }
            i = e;
        }
    }

    fn fill_runs(&mut self, x: &NerInput<'_>) {
        let n = x.lex.len();
        let cap = |j: usize| x.lex.get(j).is_some_and(|l| l.flags & 3 != 0);
        self.runs.clear();
        self.runs.resize(n, None);
        self.kinds.clear();
        self.kinds.extend(self.marks.iter().map(|m| {
            m.iter()
                .filter(|&&c| (c >> 4) & 15 == 0)
                .fold(0u64, |a, &c| a | 1 << (c >> 8))
        }));
        let mut i = 0;
        while i < n {
            if !cap(i) {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < n {
                if cap(e) {
                    e += 1;
                } else if e + 1 < n && cap(e + 1) && joiner(x.lex[e].lower) {
                    e += 2;
                } else {
                    break;
                }
            }
            for r in self.runs.iter_mut().take(e).skip(i) {
                *r = Some((i, e));
            }
            i = e;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexical::lex;
    use crate::tagset::upos_id;

    #[test]
    fn proper_noun_runs_follow_the_tags() {
        let mut b = String::new();
        let words = ["we", "met", "john", "smith", "in", "PARIS", "today"];
        let tags = ["PRON", "VERB", "PROPN", "PROPN", "ADP", "PROPN", "NOUN"];
        let lx: Vec<_> = words.iter().map(|w| lex(w, &mut b)).collect();
        let upos: Vec<u8> = tags.iter().map(|t| upos_id(t) as u8).collect();
        let n = words.len();
        let zeros = vec![0u8; n];
        let x = NerInput {
            lex: &lx,
            amb: &[],
            upos: &upos,
            xpos: &zeros,
            heads: &vec![n as u32; n],
            labels: &zeros,
        };
        let mut c = Context::default();
        c.fill_propn_runs(&x);
        let want = [
            None,
            None,
            Some((2, 4)),
            Some((2, 4)),
            None,
            Some((5, 6)),
            None,
        ];
        assert_eq!(c.pruns, want);
        // Capitalised runs miss the lowercase name.
        c.fill_runs(&x);
        assert_eq!(c.runs[2], None);
        assert_eq!(c.runs[5], Some((5, 6)));
    }
}
