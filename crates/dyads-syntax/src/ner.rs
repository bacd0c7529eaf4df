//! Named-entity recogniser: left-to-right BILOU tagging (trained greedily,
//! decoded with a small beam search under BILOU and function-word
//! constraints) with an averaged perceptron over word, shape, affix, tag,
//! dependency and tag-dictionary features, capitalised and proper-noun
//! runs, gazetteer matches ([`crate::ner_gazetteer`]) and what unlabeled
//! treebank text says about each word ([`crate::ner_words`]).
//! Types: `PER`, `ORG`, `LOC` (UNER's scheme, in which countries and
//! cities, GPEs elsewhere, are `LOC`).

use crate::error::{Error, Result};
use crate::hash::{f1, f2, f3, Rng};
use crate::lexical::Lex;
use crate::modelio::{Reader, Writer};
use crate::ner_context::{cannot_end, outside, Context};
use crate::ner_gazetteer::Gazetteer;
use crate::ner_words::WordStats;
use crate::perceptron::{argmax, Model, Trainer};
use crate::tagset::ENTITY_TYPES;

pub(crate) const NONE: u64 = 0x4e45;

/// Hypotheses kept by the decoder's beam search.
const BEAM: usize = 2;

/// Softmax temperature of the beam search, in perceptron weight units.
const TEMPERATURE: f32 = 8.0;

/// Marks the gazetteer and word-statistics sections of `ner.bin`.
const RESOURCES: &str = "gazetteer+words";

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

/// The recogniser: weights and the name lists its features read.
#[derive(Clone, Debug, Default)]
pub struct Recognizer {
    pub(crate) model: Model,
    pub(crate) gaz: Gazetteer,
    pub(crate) words: WordStats,
}

/// The features of token `i` given the two previous classes: those that
/// do not depend on them, then those that do.
fn features(x: &NerInput<'_>, c: &Context, i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    fixed_features(x, c, i, out);
    history_features(x, c, i, p1, p2, out);
}

/// The features of token `i` that depend on the previous classes `p1`,
/// `p2`, appended to `out`.
fn history_features(x: &NerInput<'_>, c: &Context, i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let Some(w) = x.lex.get(i) else {
        return;
    };
    let up0 = x.upos.get(i).map_or(NONE, |&u| u as u64);
    let wc0 = c.codes.get(i).copied().unwrap_or(NONE);
    out.push(f1(25, p1));
    out.push(f2(26, p1, p2));
    out.push(f2(27, p1, w.shape));
    out.push(f2(28, p1, w.lower));
    out.push(f3(36, p1, up0, w.flags));
    out.push(f2(46, p1, wc0));
    if let Some(marks) = c.marks.get(i) {
        for &m in marks {
            let (kind, pos) = ((m >> 8) as u64, ((m >> 4) & 15) as u64);
            out.push(f3(54, kind, pos, p1));
        }
    }
    if let Some(&Some((_, e))) = c.runs.get(i) {
        let kl = c.kinds.get(e - 1).copied().unwrap_or(0);
        out.push(f2(67, p1, kl));
    }
}

/// The features of token `i` that do not depend on the previous classes,
/// appended to `out`.
fn fixed_features(x: &NerInput<'_>, c: &Context, i: usize, out: &mut Vec<u64>) {
    let n = x.lex.len();
    let at = |k: isize| -> Option<usize> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < n).then_some(j as usize)
    };
    let lx = |k: isize| at(k).and_then(|j| x.lex.get(j));
    let up = |k: isize| -> u64 {
        at(k)
            .and_then(|j| x.upos.get(j))
            .map_or(NONE.wrapping_add(k as u64), |&u| u as u64)
    };
    let xpk = |k: isize| -> u64 {
        at(k)
            .and_then(|j| x.xpos.get(j))
            .map_or(NONE.wrapping_add(k as u64), |&u| u as u64)
    };
    let wc = |k: isize| -> u64 {
        at(k)
            .and_then(|j| c.codes.get(j))
            .map_or(NONE.wrapping_add(k as u64), |&u| u)
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
    let xp = xpk(0);
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
    out.push(f1(29, amb));
    out.push(f2(30, amb, w.flags));
    out.push(f1(31, dep));
    out.push(f2(32, dep, hl));
    out.push(f2(33, dep, hu));
    out.push(f1(34, hl));
    out.push(f2(35, (i == 0) as u64, w.shape));
    out.push(f2(37, lw(-1), w.shape));
    out.push(f2(38, w.shape, lw(1)));
    out.push(f2(39, up(1), lw(1)));
    out.push(f2(40, up(-1), lw(-1)));
    // Word statistics from unlabeled text.
    out.push(f1(41, wc(0)));
    out.push(f2(42, wc(0), w.flags));
    out.push(f2(43, wc(0), up(0)));
    out.push(f2(44, wc(-1), wc(0)));
    out.push(f2(45, wc(0), wc(1)));
    // Sentence case profile.
    out.push(f2(47, c.case, w.shape));
    out.push(f3(48, c.case, wc(0), w.flags & 1));
    let case = c.cases.get(i).copied().unwrap_or(NONE);
    out.push(f2(68, case, w.flags & 3));
    out.push(f2(69, dep, w.shape));
    out.push(f2(49, xpk(-1), xp));
    out.push(f2(50, xp, xpk(1)));
    // Gazetteer matches on this token and its neighbours.
    if let Some(marks) = c.marks.get(i) {
        for &m in marks {
            let (kind, pos) = ((m >> 8) as u64, ((m >> 4) & 15) as u64);
            out.push(f1(51, m as u64));
            out.push(f1(57, kind));
            out.push(f2(58, kind, pos));
            out.push(f2(52, kind, w.flags & 3));
            out.push(f2(53, kind, up(0)));
        }
        if marks.is_empty() {
            out.push(f1(55, 0));
        }
    }
    for k in [-1isize, 1] {
        if let Some(marks) = at(k).and_then(|j| c.marks.get(j)) {
            for &m in marks {
                out.push(f2(56, k as u64, (m >> 8) as u64));
            }
        }
    }
    // The run of proper nouns (predicted tags) this token is in, which
    // also finds lowercase and all-capitals names.
    if let Some(&Some((s, e))) = c.pruns.get(i) {
        let pos = if e - s == 1 {
            0
        } else if i == s {
            1
        } else if i + 1 == e {
            3
        } else {
            2
        };
        let kl = c.kinds.get(e - 1).copied().unwrap_or(0);
        let last = x.lex.get(e - 1).map_or(NONE, |l| l.lower);
        out.push(f2(70, pos, (e - s).min(5) as u64));
        out.push(f2(71, pos, kl));
        out.push(f3(72, pos, w.flags & 3, c.case));
        out.push(f2(73, pos, last));
    }
    // The capitalised run this token is in.
    if let Some(&Some((s, e))) = c.runs.get(i) {
        let pos = if e - s == 1 {
            0
        } else if i == s {
            1
        } else if i + 1 == e {
            3
        } else {
            2
        };
        let last = &x.lex[e - 1];
        let kl = c.kinds.get(e - 1).copied().unwrap_or(0);
        let kf = c.kinds.get(s).copied().unwrap_or(0);
        let after = x.lex.get(e).map_or(NONE, |l| l.lower);
        let before = s
            .checked_sub(1)
            .and_then(|j| x.lex.get(j))
            .map_or(NONE, |l| l.lower);
        out.push(f2(60, pos, (e - s).min(5) as u64));
        out.push(f2(61, pos, last.lower));
        out.push(f2(62, pos, kl));
        out.push(f2(63, pos, kf));
        out.push(f2(64, pos, after));
        out.push(f2(65, pos, before));
        out.push(f3(66, pos, kf, kl));
    } else {
        out.push(f2(60, 9, c.kinds.get(i).copied().unwrap_or(0)));
    }
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
        scores.resize(nclass(), 0.0);
        let mut ctx = Context::default();
        ctx.fill(self, x);
        // Beam search over class sequences: each hypothesis is (total
        // score, classes so far); a greedy first choice of `B-X` can no
        // longer force a wrong continuation.
        let mut beam: Vec<(f32, Vec<u8>)> = vec![(0.0, Vec::with_capacity(n))];
        let mut next: Vec<(f32, usize, usize)> = Vec::new();
        let mut spare: Vec<(f32, Vec<u8>)> = Vec::with_capacity(BEAM);
        // Per token: 0 free, 1 may not end an entity, 2 outside every entity.
        let closed: Vec<u8> = (0..n)
            .map(|i| {
                if outside(x, i) {
                    2
                } else {
                    cannot_end(x, i) as u8
                }
            })
            .collect();
        for (i, &rule) in closed.iter().enumerate() {
            next.clear();
            for strict in [true, false] {
                if !next.is_empty() {
                    break;
                }
                self.expand(
                    x,
                    &ctx,
                    i,
                    &beam,
                    if strict { rule } else { 0 },
                    feats,
                    scores,
                    &mut next,
                );
            }
            // The best BEAM extensions in order: a total order (no two
            // extensions share a hypothesis and a class), so keeping the
            // best few gives what sorting all would.
            let order = |a: &(f32, usize, usize), b: &(f32, usize, usize)| {
                b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
            };
            // One sweep keeps them sorted: each extension goes in before
            // the first kept one it beats.
            let mut top: [(f32, usize, usize); BEAM] = [(0.0, 0, 0); BEAM];
            let mut kept = 0;
            for &x in next.iter() {
                let at = top[..kept]
                    .iter()
                    .position(|y| order(&x, y) == std::cmp::Ordering::Less)
                    .unwrap_or(kept);
                if at < BEAM {
                    top.copy_within(at..BEAM - 1, at + 1);
                    top[at] = x;
                    kept = (kept + 1).min(BEAM);
                }
            }
            next.clear();
            next.extend_from_slice(&top[..kept]);
            // The new beam reuses the sequences of the beam before last.
            spare.truncate(next.len());
            spare.resize_with(next.len(), Default::default);
            for (slot, &(total, h, c)) in spare.iter_mut().zip(next.iter()) {
                slot.0 = total;
                slot.1.clear();
                if let Some(prev) = beam.get(h) {
                    slot.1.extend_from_slice(&prev.1);
                }
                slot.1.push(c as u8);
            }
            std::mem::swap(&mut beam, &mut spare);
        }
        beam.into_iter().next().map(|b| b.1).unwrap_or_default()
    }

    /// Adds the extensions of every hypothesis of `beam` at token `i` to
    /// `next` as `(total, hypothesis, class)`; `closed`: 1 if the token
    /// may not end an entity, 2 if it must be outside every entity.
    #[allow(clippy::too_many_arguments)]
    fn expand(
        &self,
        x: &NerInput<'_>,
        ctx: &Context,
        i: usize,
        beam: &[(f32, Vec<u8>)],
        closed: u8,
        feats: &mut Vec<u64>,
        scores: &mut [f32],
        next: &mut Vec<(f32, usize, usize)>,
    ) {
        let n = x.lex.len();
        // The features that do not depend on the history are scored once.
        feats.clear();
        fixed_features(x, ctx, i, feats);
        let mut base = [0f32; 16];
        let base = match base.get_mut(..scores.len()) {
            Some(b) => {
                self.model.scores(feats, b);
                b
            }
            None => return,
        };
        {
            // The history features read the last two classes alone: a
            // hypothesis ending like the one before it has its scores.
            let mut last: Option<(usize, usize)> = None;
            let mut lz = 0f32;
            // Log-probabilities (softmax over the valid classes of real
            // scores), so that hypotheses compare across histories.
            let unit = 1.0 / (self.model.scale_inv() * TEMPERATURE);
            for (h, (total, seq)) in beam.iter().enumerate() {
                let p1 = seq.last().map_or(0, |&c| c as usize);
                let p2 = seq.len().checked_sub(2).map_or(0, |k| seq[k] as usize);
                let ok = |c: usize| {
                    valid(p1, c, i + 1 == n)
                        && !(closed == 1 && matches!(split(c).0, 3 | 4))
                        && !(closed == 2 && c != 0)
                };
                if last != Some((p1, p2)) {
                    feats.clear();
                    history_features(x, ctx, i, p1 as u64, p2 as u64, feats);
                    scores.copy_from_slice(base);
                    self.model.add_scores(feats, scores);
                    last = Some((p1, p2));
                    let top = (0..scores.len())
                        .filter(|&c| ok(c))
                        .map(|c| scores[c] * unit)
                        .fold(f32::NEG_INFINITY, f32::max);
                    let z: f32 = (0..scores.len())
                        .filter(|&c| ok(c))
                        .map(|c| (scores[c] * unit - top).exp())
                        .sum();
                    lz = top + z.ln();
                }
                for (c, &sc) in scores.iter().enumerate() {
                    if ok(c) {
                        next.push((total + sc * unit - lz, h, c));
                    }
                }
            }
        }
    }

    pub(crate) fn encode(&self, w: &mut Writer) {
        w.strs(ENTITY_TYPES);
        self.model.encode(w);
        w.str(RESOURCES);
        self.gaz.encode(w);
        self.words.encode(w);
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
        // A model from before the name lists has none.
        if r.remaining() == 0 {
            return Ok(Recognizer {
                model,
                ..Recognizer::default()
            });
        }
        if r.str()? != RESOURCES {
            return Err(Error::model("unknown recogniser resources"));
        }
        let gaz = Gazetteer::decode(r)?;
        let words = WordStats::decode(r)?;
        Ok(Recognizer { model, gaz, words })
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

/// Trains the recogniser on `(input, gold classes)` with the name lists
/// `gaz` and word statistics `words`, and returns the averaged model after
/// each epoch count of `checkpoints` (ascending).
pub(crate) fn train(
    data: &[(NerInput<'_>, Vec<u8>)],
    checkpoints: &[usize],
    gaz: &Gazetteer,
    words: &WordStats,
) -> Vec<Recognizer> {
    let shell = Recognizer {
        model: Model::default(),
        gaz: gaz.clone(),
        words: words.clone(),
    };
    let contexts: Vec<Context> = data
        .iter()
        .map(|(x, _)| {
            let mut c = Context::default();
            c.fill(&shell, x);
            c
        })
        .collect();
    let mut t = Trainer::new(nclass());
    let mut rng = Rng::new(0x0e2);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; nclass()];
    let mut out = Vec::new();
    let last = checkpoints.iter().copied().max().unwrap_or(0);
    for epoch in 1..=last {
        rng.shuffle(&mut order);
        for &k in &order {
            let (x, gold) = &data[k];
            let ctx = &contexts[k];
            let n = gold.len();
            let (mut p1, mut p2) = (0usize, 0usize);
            for (i, &g) in gold.iter().enumerate() {
                features(x, ctx, i, p1 as u64, p2 as u64, &mut feats);
                t.scores(&feats, &mut scores);
                let guess = argmax(&scores, |c| valid(p1, c, i + 1 == n)).unwrap_or(0);
                t.tick();
                t.update(&feats, g as usize, guess);
                p2 = p1;
                p1 = guess;
            }
        }
        if checkpoints.contains(&epoch) {
            out.push(Recognizer {
                model: t.finish(0.0),
                ..shell.clone()
            });
        }
    }
    out
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
