//! Parser features over the stack, the buffer, heads and children, with
//! labels, distance, valency and label sets (after Zhang & Nivre 2011).

use super::{State, NO};
use crate::hash::{f1, f2, f3, mix};

const NONE: u64 = 0x9d1f;
const ROOT_W: u64 = 0x7007;

/// Per-word values: lowercased-form hash, tag, and both combined. Index `n`
/// is the root.
pub(crate) struct Context {
    w: Vec<u64>,
    p: Vec<u64>,
    wp: Vec<u64>,
}

impl Context {
    pub(crate) fn new(words: &[u64], tags: &[u16]) -> Context {
        let mut w: Vec<u64> = words.to_vec();
        let mut p: Vec<u64> = (0..words.len())
            .map(|i| tags.get(i).map_or(1, |&t| t as u64 + 2))
            .collect();
        w.push(ROOT_W);
        p.push(0x700);
        let wp = w.iter().zip(&p).map(|(&a, &b)| mix(a, b)).collect();
        Context { w, p, wp }
    }
}

/// Appends the features of configuration `st` to `out` (cleared first).
pub(crate) fn extract(st: &State, c: &Context, out: &mut Vec<u64>) {
    out.clear();
    let get = |v: &Vec<u64>, x: u32| -> u64 {
        if x == NO {
            NONE
        } else {
            v.get(x as usize).copied().unwrap_or(NONE)
        }
    };
    let at = |v: &Vec<u32>, x: u32| -> u32 {
        if x == NO {
            NO
        } else {
            v.get(x as usize).copied().unwrap_or(NO)
        }
    };
    let lab = |x: u32| -> u64 {
        if x == NO {
            0
        } else {
            st.label.get(x as usize).map_or(0, |&l| l as u64 + 1)
        }
    };
    let len = st.stack.len();
    let s0 = st.stack.last().copied().unwrap_or(NO);
    let s1 = if len >= 2 { st.stack[len - 2] } else { NO };
    let n0 = if st.b <= st.n { st.b as u32 } else { NO };
    let n1 = if st.b < st.n { st.b as u32 + 1 } else { NO };
    let n2 = if st.b + 1 < st.n { st.b as u32 + 2 } else { NO };
    let s0h = at(&st.head, s0);
    let s0h2 = at(&st.head, s0h);
    let s0l = at(&st.l1, s0);
    let s0l2 = at(&st.l2, s0);
    let s0r = at(&st.r1, s0);
    let s0r2 = at(&st.r2, s0);
    let n0l = at(&st.l1, n0);
    let n0l2 = at(&st.l2, n0);
    let (w, p, wp) = (&c.w, &c.p, &c.wp);
    let (s0w, s0p, s0wp) = (get(w, s0), get(p, s0), get(wp, s0));
    let (n0w, n0p, n0wp) = (get(w, n0), get(p, n0), get(wp, n0));
    let (n1w, n1p, n1wp) = (get(w, n1), get(p, n1), get(wp, n1));
    let (n2w, n2p, n2wp) = (get(w, n2), get(p, n2), get(wp, n2));
    let d = if s0 != NO && n0 != NO {
        (n0 as i64 - s0 as i64).clamp(0, 10) as u64
    } else {
        11
    };
    let cnt = |v: &Vec<u8>, x: u32| -> u64 {
        if x == NO {
            99
        } else {
            v.get(x as usize).map_or(99, |&k| k.min(6) as u64)
        }
    };
    let set = |v: &Vec<u64>, x: u32| -> u64 {
        if x == NO {
            1
        } else {
            v.get(x as usize).copied().unwrap_or(1)
        }
    };
    let s0vl = cnt(&st.nl, s0);
    let s0vr = cnt(&st.nr, s0);
    let n0vl = cnt(&st.nl, n0);
    let s0sl = set(&st.lset, s0);
    let s0sr = set(&st.rset, s0);
    let n0sl = set(&st.lset, n0);
    let hashead = if s0 == NO { 2 } else { (s0h != NO) as u64 };
    let mut t = 0u64;
    let mut one = |out: &mut Vec<u64>, a: u64| {
        t += 1;
        out.push(f1(t, a));
    };
    // single words
    for v in [
        s0wp, s0w, s0p, n0wp, n0w, n0p, n1wp, n1w, n1p, n2wp, n2w, n2p,
    ] {
        one(out, v);
    }
    // unigrams of heads and children
    for x in [s0h, s0l, s0r, n0l, s0h2, s0l2, s0r2, n0l2] {
        one(out, get(w, x));
        one(out, get(p, x));
        one(out, lab(x));
    }
    // second stack word
    one(out, get(w, s1));
    one(out, get(p, s1));
    one(out, get(wp, s1));
    let mut t = 100u64;
    let mut two = |out: &mut Vec<u64>, a: u64, b: u64| {
        t += 1;
        out.push(f2(t, a, b));
    };
    two(out, s0wp, n0wp);
    two(out, s0wp, n0w);
    two(out, s0w, n0wp);
    two(out, s0wp, n0p);
    two(out, s0p, n0wp);
    two(out, s0w, n0w);
    two(out, s0p, n0p);
    two(out, n0p, n1p);
    two(out, n0w, n1w);
    two(out, s0w, d);
    two(out, s0p, d);
    two(out, n0w, d);
    two(out, n0p, d);
    two(out, s0w, s0vr);
    two(out, s0p, s0vr);
    two(out, s0w, s0vl);
    two(out, s0p, s0vl);
    two(out, n0w, n0vl);
    two(out, n0p, n0vl);
    two(out, s0w, s0sr);
    two(out, s0p, s0sr);
    two(out, s0w, s0sl);
    two(out, s0p, s0sl);
    two(out, n0w, n0sl);
    two(out, n0p, n0sl);
    two(out, hashead, mix(s0p, n0p));
    two(out, hashead, n0w);
    two(out, lab(s0), n0p);
    two(out, get(p, s1), s0p);
    two(out, n0wp, n1p);
    let mut t = 200u64;
    let mut three = |out: &mut Vec<u64>, a: u64, b: u64, c: u64| {
        t += 1;
        out.push(f3(t, a, b, c));
    };
    three(out, n0p, n1p, n2p);
    three(out, s0p, n0p, n1p);
    three(out, get(p, s0h), s0p, n0p);
    three(out, s0p, get(p, s0l), n0p);
    three(out, s0p, get(p, s0r), n0p);
    three(out, s0p, n0p, get(p, n0l));
    three(out, s0w, n0w, d);
    three(out, s0p, n0p, d);
    three(out, s0p, get(p, s0l), get(p, s0l2));
    three(out, s0p, get(p, s0r), get(p, s0r2));
    three(out, s0p, get(p, s0h), get(p, s0h2));
    three(out, n0p, get(p, n0l), get(p, n0l2));
    three(out, get(p, s1), s0p, n0p);
    three(out, s0p, lab(s0l), n0p);
    three(out, s0p, lab(s0r), n0p);
    three(out, s0w, n0p, n1p);
    three(out, s0p, n0w, n1p);
    three(out, hashead, s0p, lab(s0));
}
