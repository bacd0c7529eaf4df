//! What unlabeled treebank text says about a word, for the recogniser: how
//! often it is seen, how often it is capitalised away from the start of a
//! sentence, and how often it is a proper noun. Learned from the words of
//! UD English EWT train (forms and UPOS only) and stored as one small code
//! per word.

use std::collections::BTreeMap;

use crate::conllu::Sentence;
use crate::error::{Error, Result};
use crate::hash::IdMap;
use crate::lexical::lex;
use crate::modelio::{Reader, Writer};

/// Largest code (0 means unseen).
const MAX_CODE: u64 = 3 * 5 * 3;

/// A word's counts: occurrences, non-initial occurrences, capitalised
/// non-initial occurrences, proper-noun occurrences.
#[derive(Clone, Copy, Default)]
struct Counts {
    n: u32,
    inner: u32,
    cap: u32,
    propn: u32,
}

impl Counts {
    fn code(&self) -> u8 {
        let freq = match self.n {
            0..=1 => 0,
            2..=9 => 1,
            _ => 2,
        };
        let cap = if self.inner == 0 {
            0
        } else {
            let r = self.cap as f64 / self.inner as f64;
            if r < 0.05 {
                1
            } else if r < 0.5 {
                2
            } else if r < 0.95 {
                3
            } else {
                4
            }
        };
        let propn = if self.propn == 0 {
            0
        } else if 2 * self.propn < self.n {
            1
        } else {
            2
        };
        (freq * 15 + cap * 3 + propn + 1) as u8
    }
}

/// Word codes by the low 32 bits of the lowercase hash.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordStats {
    codes: IdMap<u8>,
}

fn key(lower: u64) -> u64 {
    lower & 0xffff_ffff
}

impl WordStats {
    /// Learns the codes from treebank sentences.
    pub(crate) fn learn(sentences: &[Sentence]) -> WordStats {
        let mut counts: IdMap<Counts> = IdMap::default();
        let mut buf = String::new();
        for s in sentences {
            for (i, w) in s.words.iter().enumerate() {
                let l = lex(&w.form, &mut buf);
                let c = counts.entry(key(l.lower)).or_default();
                c.n += 1;
                if i > 0 && l.flags & 32 != 0 {
                    c.inner += 1;
                    c.cap += (l.flags & 1) as u32;
                }
                c.propn += (w.upos == "PROPN") as u32;
            }
        }
        WordStats {
            codes: counts.into_iter().map(|(k, c)| (k, c.code())).collect(),
        }
    }

    /// The code of a word by its lowercase hash (0: unseen).
    #[inline]
    pub(crate) fn code(&self, lower: u64) -> u64 {
        self.codes.get(&key(lower)).map_or(0, |&c| c as u64)
    }

    /// Number of words known.
    pub(crate) fn len(&self) -> usize {
        self.codes.len()
    }

    pub(crate) fn encode(&self, w: &mut Writer) {
        let sorted: BTreeMap<u64, u8> = self.codes.iter().map(|(&k, &v)| (k, v)).collect();
        w.uint(sorted.len() as u64);
        let mut prev = 0u64;
        for (&k, &v) in &sorted {
            w.uint(k - prev);
            w.uint(v as u64);
            prev = k;
        }
    }

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<WordStats> {
        let n = r.len(r.remaining())?;
        let mut codes = IdMap::default();
        let mut prev = 0u64;
        for _ in 0..n {
            prev = prev.wrapping_add(r.uint()?);
            let v = r.uint()?;
            if v == 0 || v > MAX_CODE {
                return Err(Error::model("bad word code"));
            }
            codes.insert(prev, v as u8);
        }
        Ok(WordStats { codes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::read_conllu;

    #[test]
    fn codes_tell_names_from_words() {
        let mut text = String::new();
        for (k, pair) in [("the", "DET"), ("Boston", "PROPN")].iter().enumerate() {
            for r in 0..3 {
                text.push_str(&format!(
                    "# sent_id = {k}-{r}\n1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
                     2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                     3\t{}\t_\t{}\t_\t_\t2\tobj\t_\t_\n\n",
                    pair.0, pair.1
                ));
            }
        }
        let s = read_conllu(&text, "t").unwrap_or_default();
        let ws = WordStats::learn(&s);
        let mut b = String::new();
        let the = ws.code(lex("the", &mut b).lower);
        let boston = ws.code(lex("boston", &mut b).lower);
        assert_eq!(the, 1 + 15 + 3);
        assert_eq!(boston, 1 + 15 + 4 * 3 + 2);
        assert_eq!(ws.code(lex("zzz", &mut b).lower), 0);
        let mut w = Writer::default();
        ws.encode(&mut w);
        let back = WordStats::decode(&mut Reader::new(&w.buf));
        assert_eq!(back.map(|x| x.len()).unwrap_or(0), ws.len());
    }
}
