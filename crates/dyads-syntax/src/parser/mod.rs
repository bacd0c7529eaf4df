//! Dependency parser: greedy arc-eager transitions with the root at the end
//! of the buffer, scored by an averaged perceptron over rich features
//! (Zhang & Nivre 2011), trained with a dynamic oracle (Goldberg & Nivre 2012).

mod features;
pub(crate) mod train;

use crate::error::Result;
use crate::modelio::{Reader, Writer};
use crate::perceptron::{Model, Wide, MAX_FAST_CLASSES};
use crate::tagset::DEPRELS;

pub(crate) const NO: u32 = u32::MAX;
const SH: usize = 0;
const RE: usize = 1;
const ROOT_LABEL: usize = 0;
// [`Moves::ranges`] takes the root label to be the first.
const _: () = assert!(ROOT_LABEL == 0);

/// Number of relation labels.
pub(crate) fn nlabels() -> usize {
    DEPRELS.len()
}

/// Number of transition classes: shift, reduce, left-arc and right-arc per label.
pub(crate) fn nclass() -> usize {
    2 + 2 * nlabels()
}

/// A parser configuration. Words are `0..n`; the root is `n`, at the end
/// of the buffer.
pub(crate) struct State {
    pub n: usize,
    pub stack: Vec<u32>,
    pub b: usize,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    pub l1: Vec<u32>,
    pub l2: Vec<u32>,
    pub r1: Vec<u32>,
    pub r2: Vec<u32>,
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
}

impl State {
    pub(crate) fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            head: vec![NO; n + 1],
            label: vec![0; n + 1],
            l1: vec![NO; n + 1],
            l2: vec![NO; n + 1],
            r1: vec![NO; n + 1],
            r2: vec![NO; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
        }
    }

    pub(crate) fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    fn s0(&self) -> Option<usize> {
        self.stack.last().map(|&s| s as usize)
    }

    /// Which transitions may be taken now, computed once per step.
    pub(crate) fn moves(&self) -> Moves {
        let s0 = self.s0();
        let headed = s0.is_some_and(|s| self.head[s] != NO);
        Moves {
            shift: self.b < self.n,
            reduce: headed,
            left: s0.is_some() && !headed,
            right: s0.is_some() && self.b < self.n,
            at_root: self.b == self.n,
        }
    }

    /// Whether transition class `c` may be taken.
    pub(crate) fn valid(&self, c: usize) -> bool {
        let nl = nlabels();
        match c {
            SH => self.b < self.n,
            RE => self.s0().is_some_and(|s| self.head[s] != NO),
            c if c < 2 + nl => {
                let l = c - 2;
                self.s0().is_some_and(|s| self.head[s] == NO)
                    && ((self.b == self.n) == (l == ROOT_LABEL))
            }
            c => {
                let l = c - 2 - nl;
                self.s0().is_some() && self.b < self.n && l != ROOT_LABEL && l < nl
            }
        }
    }

    fn arc(&mut self, h: usize, d: usize, l: usize) {
        self.head[d] = h as u32;
        self.label[d] = l as u8;
        if d < h {
            self.l2[h] = self.l1[h];
            self.l1[h] = d as u32;
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1u64 << (l & 63);
        } else {
            self.r2[h] = self.r1[h];
            self.r1[h] = d as u32;
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1u64 << (l & 63);
        }
    }

    /// Applies transition class `c` (which must be valid).
    pub(crate) fn apply(&mut self, c: usize) {
        let nl = nlabels();
        match c {
            SH => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            RE => {
                self.stack.pop();
            }
            c if c < 2 + nl => {
                if let Some(s) = self.stack.pop() {
                    self.arc(self.b, s as usize, c - 2);
                }
            }
            c => {
                if let Some(s) = self.s0() {
                    self.arc(s, self.b, c - 2 - nl);
                    self.stack.push(self.b as u32);
                    self.b += 1;
                }
            }
        }
    }

    /// Heads (0-based, `n` for the root) and labels once terminal, with a
    /// single root: extra roots attach to the largest as `parataxis`.
    pub(crate) fn finish(&self) -> (Vec<u32>, Vec<u8>) {
        let n = self.n;
        let mut head: Vec<u32> = self.head[..n].to_vec();
        let mut label: Vec<u8> = self.label[..n].to_vec();
        for (h, l) in head.iter_mut().zip(label.iter_mut()) {
            if *h == NO {
                *h = n as u32;
                *l = ROOT_LABEL as u8;
            }
        }
        let roots: Vec<usize> = (0..n).filter(|&i| head[i] as usize == n).collect();
        if roots.len() > 1 {
            let mut size = vec![1usize; n];
            for i in 0..n {
                let mut h = head[i] as usize;
                let mut guard = 0;
                while h < n && guard <= n {
                    size[h] += 1;
                    h = head[h] as usize;
                    guard += 1;
                }
            }
            let main = roots
                .iter()
                .copied()
                .max_by_key(|&r| (size[r], std::cmp::Reverse(r)))
                .unwrap_or(0);
            let para = crate::tagset::deprel_id("parataxis") as u8;
            for &r in &roots {
                if r != main {
                    head[r] = main as u32;
                    label[r] = para;
                }
            }
        }
        for (i, l) in label.iter_mut().enumerate() {
            if head[i] as usize == n {
                *l = ROOT_LABEL as u8;
            } else if *l as usize == ROOT_LABEL {
                *l = crate::tagset::deprel_id("dep") as u8;
            }
        }
        (head, label)
    }
}

/// The transitions allowed in a state.
#[derive(Clone, Copy)]
pub(crate) struct Moves {
    shift: bool,
    reduce: bool,
    left: bool,
    right: bool,
    at_root: bool,
}

impl Moves {
    /// The only allowed class when exactly one is allowed (no scoring is
    /// needed then), else `None`.
    #[inline]
    pub(crate) fn forced(&self) -> Option<usize> {
        if self.at_root {
            // No shift or right-arc at the root; left-arc only with the
            // root label, and never together with reduce.
            return match (self.reduce, self.left) {
                (true, false) => Some(RE),
                (false, true) => Some(2 + ROOT_LABEL),
                _ => None,
            };
        }
        if self.shift && !self.reduce && !self.left && !self.right {
            return Some(SH);
        }
        None
    }

    /// Class ranges that hold every allowed class (at most two, sorted):
    /// only the scores of these classes are needed.
    #[inline]
    pub(crate) fn spans(&self) -> [(usize, usize); 2] {
        let nl = DEPRELS.len();
        let all = 2 + 2 * nl;
        if self.left {
            // Left-arcs (root excepted, when not at the root) and the rest.
            [(0, all), (all, all)]
        } else if self.right {
            // Shift, reduce and right-arcs.
            [(0, 2), (2 + nl, all)]
        } else {
            [(0, 2), (all, all)]
        }
    }

    /// The allowed classes as ranges, in increasing order (empty ranges
    /// for the kinds of move not allowed).
    #[inline]
    pub(crate) fn ranges(&self) -> [std::ops::Range<usize>; 4] {
        let nl = DEPRELS.len();
        let on = |ok: bool, a: usize, b: usize| if ok { a..b } else { a..a };
        // Left-arcs carry the root label exactly at the root; right-arcs
        // never do.
        let left = if self.at_root {
            on(self.left, 2 + ROOT_LABEL, 3 + ROOT_LABEL)
        } else {
            on(self.left, 3 + ROOT_LABEL, 2 + nl)
        };
        [
            on(self.shift, SH, SH + 1),
            on(self.reduce, RE, RE + 1),
            left,
            on(self.right, 3 + nl + ROOT_LABEL, 2 + 2 * nl),
        ]
    }

    /// The first allowed class of the highest score (the same class as
    /// [`argmax`] over the classes [`Moves::ok`] allows).
    #[inline]
    pub(crate) fn best(&self, scores: &[f32]) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for r in self.ranges() {
            for (i, &s) in scores.get(r.clone()).unwrap_or(&[]).iter().enumerate() {
                if best.is_none_or(|(_, b)| s > b) {
                    best = Some((r.start + i, s));
                }
            }
        }
        best.map(|(i, _)| i)
    }

    /// Whether class `c` is allowed (same answer as [`State::valid`]).
    #[inline]
    pub(crate) fn ok(&self, c: usize) -> bool {
        let nl = DEPRELS.len();
        if c == SH {
            self.shift
        } else if c == RE {
            self.reduce
        } else if c < 2 + nl {
            self.left && (self.at_root == (c - 2 == ROOT_LABEL))
        } else {
            self.right && c - 2 - nl != ROOT_LABEL && c - 2 - nl < nl
        }
    }
}

/// The parser's weights.
#[derive(Clone, Debug, Default)]
pub struct Parser {
    pub(crate) model: Model,
}

/// Reusable buffers for parsing.
#[derive(Default)]
pub(crate) struct ParseScratch {
    feats: Vec<u64>,
    scores: Vec<f32>,
    /// The features of [`features::buffer`] and their sums over every
    /// class, for the buffer position `at`.
    buffer: Vec<u64>,
    buffer_sums: Option<(usize, Wide)>,
}

impl Parser {
    /// Parses a sentence given the word hashes and tag classes of its
    /// words; returns 0-based heads (`n` = root) and label ids.
    pub(crate) fn parse(
        &self,
        words: &[u64],
        tags: &[u16],
        scratch: &mut ParseScratch,
    ) -> (Vec<u32>, Vec<u8>) {
        let n = words.len();
        let ctx = features::Context::new(words, tags);
        let mut st = State::new(n);
        scratch.scores.resize(nclass(), 0.0);
        let mut guard = 0usize;
        // The sums of the buffer's features hold for the steps that keep
        // the buffer position (reduce and left-arc moves).
        let wide = self.model.has_wide();
        scratch.buffer_sums = None;
        while !st.terminal() && guard < 4 * n + 4 {
            guard += 1;
            let moves = st.moves();
            // A forced move needs no scores: the argmax over one allowed
            // class is that class.
            if let Some(c) = moves.forced() {
                st.apply(c);
                continue;
            }
            // Only the allowed classes' scores are read by the argmax.
            if wide {
                self.buffer_scores(&st, &ctx, &moves.spans(), scratch);
            } else {
                features::extract(&st, &ctx, &mut scratch.feats);
                self.model
                    .scores_in(&scratch.feats, &mut scratch.scores, &moves.spans());
            }
            let Some(c) = moves.best(&scratch.scores) else {
                break;
            };
            st.apply(c);
        }
        st.finish()
    }

    /// Sets `scratch.scores` to the scores of `st` (exactly for the
    /// classes in `spans`) as [`Model::scores_in`] of [`features::extract`]
    /// would: the integer sums of the buffer's features, reused while the
    /// buffer position stays, plus those of the other features, converted
    /// to `f32` once.
    fn buffer_scores(
        &self,
        st: &State,
        ctx: &features::Context,
        spans: &[(usize, usize); 2],
        scratch: &mut ParseScratch,
    ) {
        let all = [(0, nclass()), (nclass(), nclass())];
        let mut sums = match scratch.buffer_sums {
            Some((at, sums)) if at == st.b => sums,
            _ => {
                scratch.buffer.clear();
                features::buffer(st, ctx, &mut scratch.buffer);
                let mut sums = [0i32; MAX_FAST_CLASSES];
                self.model.add_wide(&scratch.buffer, &all, &mut sums);
                scratch.buffer_sums = Some((st.b, sums));
                sums
            }
        };
        scratch.feats.clear();
        features::extract_rest(st, ctx, &mut scratch.feats);
        self.model.add_wide(&scratch.feats, spans, &mut sums);
        for (x, &w) in scratch.scores.iter_mut().zip(sums.iter()) {
            *x = w as f32;
        }
    }

    pub(crate) fn encode(&self, w: &mut Writer) {
        w.strs(DEPRELS);
        self.model.encode(w);
    }

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Parser> {
        let labels = r.strs()?;
        if labels.len() != DEPRELS.len() || labels.iter().zip(DEPRELS).any(|(a, b)| a != b) {
            return Err(crate::error::Error::model(
                "parser labels differ from this build's",
            ));
        }
        let model = Model::decode(r)?;
        if model.nclass() != nclass() {
            return Err(crate::error::Error::model("parser class count mismatch"));
        }
        Ok(Parser { model })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::argmax;

    #[test]
    fn transitions_build_a_tree() {
        // "a b c": b is the root, a <- b -> c.
        let mut st = State::new(3);
        let nl = nlabels();
        let det = crate::tagset::deprel_id("det");
        let obj = crate::tagset::deprel_id("obj");
        for c in [SH, 2 + det, SH, 2 + nl + obj, RE, 2 + ROOT_LABEL] {
            assert!(st.valid(c), "{c}");
            st.apply(c);
        }
        assert!(st.terminal());
        let (h, l) = st.finish();
        assert_eq!(h, vec![1, 3, 1]);
        assert_eq!(l[1] as usize, ROOT_LABEL);
        assert!(!State::new(2).valid(RE));
        // Moves agree with valid() on a few states.
        let mut st = State::new(3);
        for step in [SH, 2 + nl + obj, SH] {
            let m = st.moves();
            for c in 0..nclass() {
                assert_eq!(m.ok(c), st.valid(c), "class {c}");
            }
            st.apply(step);
        }
    }

    #[test]
    fn forced_moves_and_spans_agree_with_valid() {
        // Walk many states of sentences of several lengths, taking a
        // different valid transition each time.
        let nl = nlabels();
        for n in 1..7 {
            for seed in 0..40usize {
                let mut st = State::new(n);
                let mut k = seed;
                while !st.terminal() {
                    let m = st.moves();
                    let valid: Vec<usize> = (0..nclass()).filter(|&c| st.valid(c)).collect();
                    let one = (valid.len() == 1).then(|| valid[0]);
                    assert_eq!(m.forced(), one, "n {n} seed {seed}");
                    let ranges: Vec<usize> = m.ranges().into_iter().flatten().collect();
                    assert_eq!(ranges, valid, "n {n} seed {seed}");
                    // Ties and orders of scores: the same class as argmax.
                    for salt in 0..4usize {
                        let scores: Vec<f32> = (0..nclass())
                            .map(|c| ((c * 7 + salt * 13 + k) % (5 + salt)) as f32)
                            .collect();
                        assert_eq!(m.best(&scores), argmax(&scores, |c| m.ok(c)));
                    }
                    let spans = m.spans();
                    for &c in &valid {
                        assert!(spans.iter().any(|&(a, b)| a <= c && c < b), "class {c}");
                    }
                    if st.s0().is_some() && st.b < n && st.head[st.s0().unwrap_or(0)] != NO {
                        // Headed s0 before the root: no left-arc is scored.
                        assert!(spans.iter().all(|&(a, b)| b <= 2 || a >= 2 + nl));
                    }
                    k = k.wrapping_mul(31).wrapping_add(7);
                    st.apply(valid[k % valid.len()]);
                }
            }
        }
    }

    #[test]
    fn extra_roots_attach_to_the_largest() {
        let mut st = State::new(3);
        st.apply(SH);
        st.apply(SH);
        st.apply(2 + nlabels() + 1);
        // stack [0, 1, 2]: root-attach 2 (headed by 1? no: 2 headed by 1)
        while !st.terminal() {
            let c = (0..nclass()).find(|&c| st.valid(c)).unwrap_or(RE);
            st.apply(c);
        }
        let (h, _) = st.finish();
        assert_eq!(h.iter().filter(|&&x| x == 3).count(), 1);
    }
}
