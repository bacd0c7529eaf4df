//! Named-entity recogniser: greedy left-to-right BILOU tagging with an
//! averaged perceptron over word, shape, affix, tag, dependency and
//! tag-dictionary features. Types: `PER`, `ORG`, `LOC` (UNER's scheme, in
//! which countries and cities, GPEs elsewhere, are `LOC`).

use crate::error::{Error, Result};
use crate::hash::{f1, f2, f3, Rng};
use crate::lexical::Lex;
use crate::modelio::{Reader, Writer};
use crate::perceptron::{argmax, Model, Trainer};
use crate::tagset::ENTITY_TYPES;

const NONE: u64 = 0x4e45;

/// What the recogniser sees of a sentence.
pub(crate) struct NerInput<'a> {
    pub lex: &'a [Lex],
    pub amb: &'a [u64],
    pub upos: &'a [u8],
    pub xpos: &'a [u8],
    /// 0-based heads, `n` for the root.
    pub heads: &'a [u32],
    pub labels: &'a [u8],
}

/// Number of BILOU classes.
pub(crate) fn nclass() -> usize {
    1 + 4 * ENTITY_TYPES.len()
}

/// `(prefix, type)` of class `c`: prefix 0 O, 1 B, 2 I, 3 L, 4 U.
fn split(c: usize) -> (usize, usize) {
    if c == 0 {
        (0, 0)
    } else {
        ((c - 1) % 4 + 1, (c - 1) / 4)
    }
}

fn valid(prev: usize, c: usize, last: bool) -> bool {
    let (pp, pt) = split(prev);
    let (cp, ct) = split(c);
    let open = pp == 1 || pp == 2;
    let ok = if open {
        (cp == 2 || cp == 3) && ct == pt
    } else {
        cp == 0 || cp == 1 || cp == 4
    };
    ok && !(last && (cp == 1 || cp == 2))
}

/// The recogniser's weights.
#[derive(Clone, Debug, Default)]
pub struct Recognizer {
    pub(crate) model: Model,
}

fn features(x: &NerInput<'_>, i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let n = x.lex.len();
    let lx = |k: isize| -> Option<&Lex> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            x.lex.get(j as usize)
        }
    };
    let up = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            NONE
        } else {
            x.upos.get(j as usize).map_or(NONE + 1, |&u| u as u64)
        }
    };
    let Some(w) = x.lex.get(i) else {
        return;
    };
    let lw = |k: isize| lx(k).map_or(NONE.wrapping_add(k as u64), |l| l.lower);
    let fw = |k: isize| lx(k).map_or(NONE.wrapping_add(k as u64), |l| l.form);
    let sh = |k: isize| lx(k).map_or(NONE.wrapping_add(k as u64), |l| l.shape);
    let amb = x.amb.get(i).copied().unwrap_or(NONE);
    let head = x.heads.get(i).copied().unwrap_or(n as u32) as usize;
    let hl = x.lex.get(head).map_or(NONE, |l| l.lower);
    let hu = x.upos.get(head).map_or(NONE, |&u| u as u64);
    let dep = x.labels.get(i).copied().unwrap_or(0) as u64;
    let xp = x.xpos.get(i).copied().unwrap_or(0) as u64;
    out.push(f1(1, 0));
    out.push(f1(2, w.lower));
    out.push(f1(3, w.form));
    out.push(f1(4, w.shape));
    out.push(f1(5, w.flags));
    out.push(f1(6, w.suf[1]));
    out.push(f1(7, w.suf[2]));
    out.push(f1(8, w.suf[3]));
    out.push(f1(9, w.pre[1]));
    out.push(f1(10, w.pre[2]));
    out.push(f1(11, lw(-1)));
    out.push(f1(12, lw(1)));
    out.push(f1(13, lw(-2)));
    out.push(f1(14, lw(2)));
    out.push(f1(15, fw(-1)));
    out.push(f1(16, fw(1)));
    out.push(f1(17, sh(-1)));
    out.push(f1(18, sh(1)));
    out.push(f2(19, sh(-1), w.shape));
    out.push(f2(20, w.shape, sh(1)));
    out.push(f1(21, up(0)));
    out.push(f2(22, up(-1), up(0)));
    out.push(f2(23, up(0), up(1)));
    out.push(f1(24, xp));
    out.push(f1(25, p1));
    out.push(f2(26, p1, p2));
    out.push(f2(27, p1, w.shape));
    out.push(f2(28, p1, w.lower));
    out.push(f1(29, amb));
    out.push(f2(30, amb, w.flags));
    out.push(f1(31, dep));
    out.push(f2(32, dep, hl));
    out.push(f2(33, dep, hu));
    out.push(f1(34, hl));
    out.push(f2(35, (i == 0) as u64, w.shape));
    out.push(f3(36, p1, up(0), w.flags));
    out.push(f2(37, lw(-1), w.shape));
    out.push(f2(38, w.shape, lw(1)));
    out.push(f2(39, up(1), lw(1)));
    out.push(f2(40, up(-1), lw(-1)));
}

impl Recognizer {
    /// BILOU classes of a sentence.
    pub(crate) fn classes(
        &self,
        x: &NerInput<'_>,
        feats: &mut Vec<u64>,
        scores: &mut Vec<f32>,
    ) -> Vec<u8> {
        let n = x.lex.len();
        let mut out = Vec::with_capacity(n);
        scores.resize(nclass(), 0.0);
        let (mut p1, mut p2) = (0usize, 0usize);
        for i in 0..n {
            features(x, i, p1 as u64, p2 as u64, feats);
            self.model.scores(feats, scores);
            let c = argmax(scores, |c| valid(p1, c, i + 1 == n)).unwrap_or(0);
            out.push(c as u8);
            p2 = p1;
            p1 = c;
        }
        out
    }

    pub(crate) fn encode(&self, w: &mut Writer) {
        w.strs(ENTITY_TYPES);
        self.model.encode(w);
    }

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Recognizer> {
        let types = r.strs()?;
        if types.len() != ENTITY_TYPES.len() {
            return Err(Error::model("entity types differ from this build's"));
        }
        let model = Model::decode(r)?;
        if model.nclass() != nclass() {
            return Err(Error::model("recogniser class count mismatch"));
        }
        Ok(Recognizer { model })
    }
}

/// Entity spans `(start, end, type index)` of a BILOU class sequence.
pub(crate) fn spans(classes: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &c) in classes.iter().enumerate() {
        let (p, t) = split(c as usize);
        match p {
            1 => start = Some(i),
            3 => {
                if let Some(s) = start.take() {
                    out.push((s, i + 1, t));
                }
            }
            4 => {
                start = None;
                out.push((i, i + 1, t));
            }
            2 => {}
            _ => start = None,
        }
    }
    out
}

/// BILOU classes from IOB2 tags.
pub(crate) fn bilou(tags: &[String]) -> Vec<u8> {
    let mut out = vec![0u8; tags.len()];
    for e in crate::iob2::entities(tags) {
        let Some(t) = ENTITY_TYPES.iter().position(|x| *x == e.label) else {
            continue;
        };
        let base = 1 + 4 * t as u8;
        if e.end - e.start == 1 {
            out[e.start] = base + 3;
        } else {
            out[e.start] = base;
            for c in out.iter_mut().take(e.end - 1).skip(e.start + 1) {
                *c = base + 1;
            }
            out[e.end - 1] = base + 2;
        }
    }
    out
}

/// Trains the recogniser for `epochs` epochs on `(input, gold classes)`.
pub(crate) fn train(data: &[(NerInput<'_>, Vec<u8>)], epochs: usize) -> Recognizer {
    let mut t = Trainer::new(nclass());
    let mut rng = Rng::new(0x0e2);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; nclass()];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (x, gold) = &data[k];
            let n = gold.len();
            let (mut p1, mut p2) = (0usize, 0usize);
            for (i, &g) in gold.iter().enumerate() {
                features(x, i, p1 as u64, p2 as u64, &mut feats);
                t.scores(&feats, &mut scores);
                let guess = argmax(&scores, |c| valid(p1, c, i + 1 == n)).unwrap_or(0);
                t.tick();
                t.update(&feats, g as usize, guess);
                p2 = p1;
                p1 = guess;
            }
        }
    }
    Recognizer {
        model: t.finish(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip() {
        let tags: Vec<String> = ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = bilou(&tags);
        assert_eq!(spans(&c), vec![(0, 2, 0), (3, 4, 2), (4, 7, 1)]);
        assert!(valid(0, 1, false));
        assert!(!valid(0, 1, true));
        assert!(!valid(1, 0, false));
        assert!(valid(1, 3, false));
        assert!(!valid(1, 7, false));
    }
}
