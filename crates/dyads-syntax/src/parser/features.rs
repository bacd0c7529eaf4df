//! Parser features over the stack, the buffer, heads and children, with
//! labels, distance, valency and label sets (after Zhang & Nivre 2011).

use super::{State, NO};
use crate::hash::{f1, f2, f3, mix};

const NONE: u64 = 0x9d1f;
const ROOT_W: u64 = 0x7007;
/// A placeholder for the pairs that [`buffer`] scores.
const NO_PAIR: u64 = 0;

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

/// Appends the features of configuration `st` to `out` (cleared first):
/// those of [`buffer`] and of [`extract_rest`].
pub(crate) fn extract(st: &State, c: &Context, out: &mut Vec<u64>) {
    out.clear();
    buffer(st, c, out);
    extract_rest(st, c, out);
}

/// The first three buffer words of `st`, as `NO` where the buffer is
/// shorter (the root counts as a word).
fn buffer_words(st: &State) -> (u32, u32, u32) {
    let n0 = if st.b <= st.n { st.b as u32 } else { NO };
    let n1 = if st.b < st.n { st.b as u32 + 1 } else { NO };
    let n2 = if st.b + 1 < st.n { st.b as u32 + 2 } else { NO };
    (n0, n1, n2)
}

/// The value of word `x` in `v`, or [`NONE`] past the sentence.
fn value_at(v: &[u64], x: u32) -> u64 {
    if x == NO {
        NONE
    } else {
        v.get(x as usize).copied().unwrap_or(NONE)
    }
}

/// Appends the features that read the first three buffer words alone (of
/// the sentence, they depend only on the buffer position `st.b`, so a
/// parse may score them once for the steps that keep it).
pub(crate) fn buffer(st: &State, c: &Context, out: &mut Vec<u64>) {
    let get = value_at;
    let (n0, n1, n2) = buffer_words(st);
    let (w, p, wp) = (&c.w, &c.p, &c.wp);
    let (n0w, n0p, n0wp) = (get(w, n0), get(p, n0), get(wp, n0));
    let (n1w, n1p, n1wp) = (get(w, n1), get(p, n1), get(wp, n1));
    let (n2w, n2p, n2wp) = (get(w, n2), get(p, n2), get(wp, n2));
    // Template numbers as [`extract_rest`] counts them.
    for (t, v) in (4..).zip([n0wp, n0w, n0p, n1wp, n1w, n1p, n2wp, n2w, n2p]) {
        out.push(f1(t, v));
    }
    out.push(f2(108, n0p, n1p));
    out.push(f2(109, n0w, n1w));
    out.push(f2(130, n0wp, n1p));
    out.push(f3(201, n0p, n1p, n2p));
}

/// Appends the features of `st` other than those of [`buffer`].
pub(crate) fn extract_rest(st: &State, c: &Context, out: &mut Vec<u64>) {
    let get = value_at;
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
    let (n0, n1, _) = buffer_words(st);
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
    let n1p = get(p, n1);
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
    // single words (the buffer's, templates 4 to 12, are [`buffer`]'s)
    for (t, v) in (1..).zip([s0wp, s0w, s0p]) {
        out.push(f1(t, v));
    }
    // unigrams of heads and children
    for (t, x) in (13..)
        .step_by(3)
        .zip([s0h, s0l, s0r, n0l, s0h2, s0l2, s0r2, n0l2])
    {
        out.push(f1(t, get(w, x)));
        out.push(f1(t + 1, get(p, x)));
        out.push(f1(t + 2, lab(x)));
    }
    // second stack word
    for (t, v) in (37..).zip([get(w, s1), get(p, s1), get(wp, s1)]) {
        out.push(f1(t, v));
    }
    // Pairs; 108, 109 and 130 (`NO` here) are [`buffer`]'s.
    let pairs = [
        (s0wp, n0wp),
        (s0wp, n0w),
        (s0w, n0wp),
        (s0wp, n0p),
        (s0p, n0wp),
        (s0w, n0w),
        (s0p, n0p),
        (NO_PAIR, NO_PAIR),
        (NO_PAIR, NO_PAIR),
        (s0w, d),
        (s0p, d),
        (n0w, d),
        (n0p, d),
        (s0w, s0vr),
        (s0p, s0vr),
        (s0w, s0vl),
        (s0p, s0vl),
        (n0w, n0vl),
        (n0p, n0vl),
        (s0w, s0sr),
        (s0p, s0sr),
        (s0w, s0sl),
        (s0p, s0sl),
        (n0w, n0sl),
        (n0p, n0sl),
        (hashead, mix(s0p, n0p)),
        (hashead, n0w),
        (lab(s0), n0p),
        (get(p, s1), s0p),
    ];
    for (t, (a, b)) in (101..).zip(pairs) {
        if !matches!(t, 108 | 109) {
            out.push(f2(t, a, b));
        }
    }
    // Triples; 201 is [`buffer`]'s.
    let triples = [
        (s0p, n0p, n1p),
        (get(p, s0h), s0p, n0p),
        (s0p, get(p, s0l), n0p),
        (s0p, get(p, s0r), n0p),
        (s0p, n0p, get(p, n0l)),
        (s0w, n0w, d),
        (s0p, n0p, d),
        (s0p, get(p, s0l), get(p, s0l2)),
        (s0p, get(p, s0r), get(p, s0r2)),
        (s0p, get(p, s0h), get(p, s0h2)),
        (n0p, get(p, n0l), get(p, n0l2)),
        (get(p, s1), s0p, n0p),
        (s0p, lab(s0l), n0p),
        (s0p, lab(s0r), n0p),
        (s0w, n0p, n1p),
        (s0p, n0w, n1p),
        (hashead, s0p, lab(s0)),
    ];
    for (t, (a, b, c)) in (202..).zip(triples) {
        out.push(f3(t, a, b, c));
    }
}
