//! Parser training: a dynamic oracle for arc-eager (Goldberg & Nivre 2012)
//! and the greedy training loop with exploration.

use super::{features, nclass, nlabels, ParseScratch, Parser, State, NO, RE, SH};
use crate::hash::Rng;
use crate::perceptron::{argmax, Trainer};

/// A training sentence: word hashes, tag classes, gold heads (0-based, `n`
/// for the root) and labels.
pub(crate) struct ParseExample {
    pub words: Vec<u64>,
    pub tags: Vec<u16>,
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
}

/// The cost (gold arcs lost) of every class in `st`; invalid classes get
/// `u32::MAX`.
pub(crate) fn costs(st: &State, gh: &[u32], gl: &[u8], out: &mut Vec<u32>) {
    let nl = nlabels();
    out.clear();
    out.resize(nclass(), u32::MAX);
    let n = st.n;
    let b = st.b;
    let s0 = st.stack.last().map(|&s| s as usize);
    let in_stack = |k: u32| st.stack.contains(&k);
    let g = |i: usize| gh.get(i).copied().unwrap_or(NO);
    // SHIFT: b0 loses its gold head in the stack and its headless gold
    // dependents in the stack.
    if st.valid(SH) {
        let mut c = 0;
        for &k in &st.stack {
            let k = k as usize;
            if g(k) as usize == b && st.head[k] == NO {
                c += 1;
            }
            if g(b) as usize == k {
                c += 1;
            }
        }
        out[SH] = c;
    }
    if let Some(s) = s0 {
        // REDUCE: s0 loses its gold dependents in the buffer.
        if st.valid(RE) {
            out[RE] = (b..n).filter(|&k| g(k) as usize == s).count() as u32;
        }
        // LEFT-ARC: s0 loses a gold head further in the buffer and its
        // gold dependents in the buffer.
        if st.head[s] == NO {
            let gs = g(s) as usize;
            let mut c = (gs > b && gs <= n) as u32;
            c += (b..n).filter(|&k| g(k) as usize == s).count() as u32;
            for l in 0..nl {
                let cl = 2 + l;
                if st.valid(cl) {
                    out[cl] = c + (gs == b && gl.get(s).copied() != Some(l as u8)) as u32;
                }
            }
        }
        // RIGHT-ARC: b0 loses a gold head elsewhere and its headless gold
        // dependents in the stack.
        if b < n {
            let gb = g(b) as usize;
            let mut c = (gb != s && (in_stack(gb as u32) || (gb > b && gb <= n))) as u32;
            for &k in &st.stack {
                let k = k as usize;
                if st.head[k] == NO && g(k) as usize == b {
                    c += 1;
                }
            }
            for l in 0..nl {
                let cl = 2 + nl + l;
                if st.valid(cl) {
                    out[cl] = c + (gb == s && gl.get(b).copied() != Some(l as u8)) as u32;
                }
            }
        }
    }
}

/// Weights below this are dropped when a parser model is frozen.
const PARSER_PRUNE: f32 = 1.0;

/// Labeled attachment score (percent) of `parser` on `data`.
pub(crate) fn las(parser: &Parser, data: &[ParseExample]) -> f64 {
    let mut scratch = ParseScratch::default();
    let (mut right, mut total) = (0usize, 0usize);
    for ex in data {
        let (h, l) = parser.parse(&ex.words, &ex.tags, &mut scratch);
        for i in 0..ex.heads.len() {
            total += 1;
            if h.get(i) == ex.heads.get(i) && l.get(i) == ex.labels.get(i) {
                right += 1;
            }
        }
    }
    100.0 * right as f64 / total.max(1) as f64
}

/// Trains the parser; the dev set picks the best epoch.
pub(crate) fn train(
    train: &[ParseExample],
    dev: &[ParseExample],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> Parser {
    let mut t = Trainer::new(nclass());
    let mut rng = Rng::new(0x5eed_0a11);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; nclass()];
    let mut cost = Vec::new();
    let mut parser = Parser::default();
    let mut best: Option<(f64, Parser)> = None;
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut steps) = (0usize, 0usize);
        for &k in &order {
            let ex = &train[k];
            let n = ex.words.len();
            let ctx = features::Context::new(&ex.words, &ex.tags);
            let mut st = State::new(n);
            let mut guard = 0;
            while !st.terminal() && guard < 4 * n + 4 {
                guard += 1;
                features::extract(&st, &ctx, &mut feats);
                t.scores(&feats, &mut scores);
                costs(&st, &ex.heads, &ex.labels, &mut cost);
                let moves = st.moves();
                let Some(pred) = argmax(&scores, |c| moves.ok(c)) else {
                    break;
                };
                let min = cost.iter().copied().min().unwrap_or(0);
                let Some(gold) = argmax(&scores, |c| cost[c] == min && moves.ok(c)) else {
                    break;
                };
                t.tick();
                steps += 1;
                if cost[pred] > min {
                    t.update(&feats, gold, pred);
                    wrong += 1;
                }
                let explore = epoch > 0 && rng.next_f64() < 0.9;
                st.apply(if explore { pred } else { gold });
            }
        }
        parser.model = t.finish(PARSER_PRUNE);
        let dev_las = las(&parser, dev);
        log(format!(
            "parser epoch {}: {:.2}% transitions wrong, dev LAS {:.2}",
            epoch + 1,
            100.0 * wrong as f64 / steps.max(1) as f64,
            dev_las
        ));
        if best.as_ref().is_none_or(|(a, _)| dev_las > *a) {
            best = Some((dev_las, parser.clone()));
        }
    }
    best.map_or(parser, |(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn following_zero_cost_transitions_yields_the_gold_tree() {
        // "she saw him ." : saw root; she<-saw; saw->him; saw->.
        let heads = vec![1u32, 4, 1, 1];
        let nsubj = crate::tagset::deprel_id("nsubj") as u8;
        let obj = crate::tagset::deprel_id("obj") as u8;
        let punct = crate::tagset::deprel_id("punct") as u8;
        let labels = vec![nsubj, 0, obj, punct];
        let mut st = State::new(4);
        let mut cost = Vec::new();
        while !st.terminal() {
            costs(&st, &heads, &labels, &mut cost);
            let c = (0..nclass()).find(|&c| cost[c] == 0).unwrap_or(SH);
            st.apply(c);
        }
        let (h, l) = st.finish();
        assert_eq!(h, heads);
        assert_eq!(l, labels);
    }
}
