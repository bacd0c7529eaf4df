//! Part-of-speech tagger: a greedy left-to-right averaged perceptron over
//! joint (UPOS, XPOS) classes, with a tag dictionary ("ambiguity classes")
//! for the words seen in training.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::finite::{finite_fixes, Finite, Token};
use crate::hash::{f1, f2, f3, mix, str_hash, IdMap, Rng};
use crate::irregular;
use crate::lexical::Lex;
use crate::modelio::{Reader, Writer};
use crate::perceptron::{argmax, Model, Trainer};
use crate::tagset::{upos_id, upos_name, xpos_id, xpos_name};
use crate::wordnet;

const NONE: u64 = 0x6e6f6e65;

/// The tagger's weights, classes and tag dictionary.
#[derive(Clone, Debug, Default)]
pub struct Tagger {
    pub(crate) model: Model,
    /// The second pass, which also sees the first pass's tags to the right
    /// (empty: no second pass).
    pub(crate) second: Model,
    /// First-pass margin (in weight units) above which the second pass
    /// keeps the first pass's class without rescoring.
    pub(crate) sure: f32,
    /// `(upos, xpos)` indices into [`crate::tagset`] of each class.
    pub(crate) classes: Vec<(u8, u8)>,
    lexicon: IdMap<u64>,
    words: Vec<(String, Vec<u16>)>,
    /// Lowercased-form hash to its entry in `words`.
    entries: IdMap<u32>,
}

/// A tagger training example: lexical hashes, lowercased forms, gold classes.
pub(crate) struct TagExample {
    pub lex: Vec<Lex>,
    pub gold: Vec<u16>,
    /// Ambiguity classes to train with instead of the tagger's own (from a
    /// dictionary that leaves this sentence's fold out); empty: the tagger's.
    pub amb: Vec<u64>,
}

impl Tagger {
    /// The ambiguity-class hash of each token.
    pub(crate) fn ambiguity(&self, lex: &[Lex], out: &mut Vec<u64>) {
        out.clear();
        out.extend(
            lex.iter()
                .map(|l| self.lexicon.get(&l.lower).copied().unwrap_or(NONE)),
        );
    }

    /// Tags a sentence: `out` receives one class per token.
    pub(crate) fn tag(&self, lex: &[Lex], scratch: &mut TagScratch, out: &mut Vec<u16>) {
        self.ambiguity(lex, &mut scratch.amb);
        let mut first = std::mem::take(&mut scratch.first);
        pass(&self.model, lex, None, scratch, &mut first);
        if self.second.is_empty() {
            out.clear();
            out.extend_from_slice(&first);
        } else {
            let sure = self.sure * self.model.scale_inv();
            pass(&self.second, lex, Some((&first, sure)), scratch, out);
        }
        scratch.first = first;
    }

    /// The word value the parser sees: the lowercased form for words of
    /// the tag dictionary (seen at least twice), else a suffix class.
    pub(crate) fn parser_word(&self, l: &Lex) -> u64 {
        if self.lexicon.contains_key(&l.lower) {
            l.lower
        } else {
            mix(0x0bad_cafe, l.suf[2])
        }
    }

    /// The `(upos, xpos)` of class `c`.
    pub(crate) fn class(&self, c: u16) -> (u8, u8) {
        self.classes
            .get(c as usize)
            .copied()
            .unwrap_or((upos_id("X") as u8, xpos_id("XX") as u8))
    }

    /// Encodes the tagger.
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.uint(self.classes.len() as u64);
        for &(u, x) in &self.classes {
            w.uint(u as u64);
            w.uint(x as u64);
        }
        w.uint(self.words.len() as u64);
        for (word, cs) in &self.words {
            w.str(word);
            w.uint(cs.len() as u64);
            for &c in cs {
                w.uint(c as u64);
            }
        }
        self.model.encode(w);
        self.second.encode(w);
    }

    /// Decodes a tagger.
    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Tagger> {
        let n = r.len(1 << 12)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((r.len(255)? as u8, r.len(255)? as u8));
        }
        let nw = r.len(r.remaining())?;
        let mut words = Vec::with_capacity(nw);
        for _ in 0..nw {
            let word = r.str()?;
            let k = r.len(n)?;
            let mut cs = Vec::with_capacity(k);
            for _ in 0..k {
                cs.push(r.len(n)? as u16);
            }
            words.push((word, cs));
        }
        let model = Model::decode(r)?;
        let second = Model::decode(r)?;
        if model.nclass() != n || (!second.is_empty() && second.nclass() != n) {
            return Err(Error::model("tagger class count mismatch"));
        }
        let mut t = Tagger {
            model,
            second,
            sure: SURE,
            classes,
            lexicon: IdMap::default(),
            words,
            entries: IdMap::default(),
        };
        t.index_words();
        Ok(t)
    }

    fn index_words(&mut self) {
        self.lexicon = index(&self.words);
        self.entries = self
            .words
            .iter()
            .enumerate()
            .map(|(k, (w, _))| (str_hash(w), k as u32))
            .collect();
    }

    /// Applies [`crate::finite::finite_fixes`] to `classes`, the output of
    /// [`Tagger::tag`] for `lex` (whose lowercased forms are `lower`) with
    /// the same `scratch`: clauses with no finite verb get one where the
    /// tagger allows it.
    ///
    /// A word may read `VBD` when the tag dictionary lists it so, when it
    /// is a simple past of an irregular verb, or when it ends in `-ed` and
    /// the dictionary lacks it or lists it as `VBN`; `VBZ` and `VBP` only
    /// when the dictionary lists them. The reading's loss is the best
    /// score minus its score, rescored in the final tags' context.
    pub(crate) fn finite_constraint(
        &self,
        lex: &[Lex],
        lower: &[&str],
        scratch: &mut TagScratch,
        classes: &mut [u16],
    ) {
        let names = |c: u16| {
            let (u, x) = self.class(c);
            (upos_name(u as usize), xpos_name(x as usize))
        };
        let toks: Vec<Token<'_>> = classes
            .iter()
            .zip(lower)
            .map(|(&c, &w)| {
                let (upos, xpos) = names(c);
                Token {
                    lower: w,
                    upos,
                    xpos,
                }
            })
            .collect();
        let verb = upos_id("VERB") as u8;
        let class_of = |x: &str| {
            let x = xpos_id(x) as u8;
            self.classes
                .iter()
                .position(|&c| c == (verb, x))
                .map(|k| k as u16)
        };
        let (vbd, vbn) = (class_of("VBD"), class_of("VBN"));
        let finite_xpos = [xpos_id("VBD"), xpos_id("VBZ"), xpos_id("VBP")];
        let fixes = finite_fixes(&toks, |i| {
            let (Some(&w), Some(l)) = (lower.get(i), lex.get(i)) else {
                return Vec::new();
            };
            let listed: &[u16] = match self.entries.get(&l.lower) {
                Some(&k) => self.words.get(k as usize).map_or(&[], |e| e.1.as_slice()),
                None => &[],
            };
            let mut allowed: Vec<u16> = listed
                .iter()
                .copied()
                .filter(|&c| {
                    let (u, x) = self.class(c);
                    u == verb && finite_xpos.contains(&(x as usize))
                })
                .collect();
            let regular = w.len() > 3
                && w.ends_with("ed")
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && (listed.is_empty() || vbn.is_some_and(|c| listed.contains(&c)));
            if let Some(c) = vbd {
                if (regular || irregular::is_irregular_past(w)) && !allowed.contains(&c) {
                    allowed.push(c);
                }
            }
            if allowed.is_empty() {
                return Vec::new();
            }
            let scores = self.rescore(lex, i, classes, scratch);
            let best = scores.iter().copied().fold(f32::MIN, f32::max);
            allowed
                .into_iter()
                .filter_map(|c| {
                    Some(Finite {
                        class: c,
                        xpos: names(c).1,
                        margin: best - scores.get(c as usize)?,
                    })
                })
                .collect()
        });
        for (i, f) in fixes {
            if let Some(c) = classes.get_mut(i) {
                *c = f.class;
            }
        }
    }

    /// Whether [`Tagger::finite_constraint`] can change `classes` (see
    /// [`crate::finite::may_fix`]); it reads the tags alone.
    pub(crate) fn may_fix(&self, classes: &[u16]) -> bool {
        let toks: Vec<Token<'_>> = classes
            .iter()
            .map(|&c| {
                let (u, x) = self.class(c);
                Token {
                    lower: "",
                    upos: upos_name(u as usize),
                    xpos: xpos_name(x as usize),
                }
            })
            .collect();
        crate::finite::may_fix(&toks)
    }

    /// The scores of every class for token `i` of `lex` given `classes`
    /// to its left (and the first pass's classes in `scratch` to its
    /// right, for the second pass).
    fn rescore<'s>(
        &self,
        lex: &[Lex],
        i: usize,
        classes: &[u16],
        scratch: &'s mut TagScratch,
    ) -> &'s [f32] {
        let prev = |k: usize| {
            i.checked_sub(k)
                .and_then(|j| classes.get(j))
                .map_or(NONE, |&c| c as u64 + 1)
        };
        let (model, right) = if self.second.is_empty() {
            (&self.model, None)
        } else {
            (&self.second, Some(scratch.first.as_slice()))
        };
        features(
            lex,
            &scratch.amb,
            i,
            prev(1),
            prev(2),
            right,
            &mut scratch.feats,
        );
        scratch.scores.resize(model.nclass(), 0.0);
        model.scores(&scratch.feats, &mut scratch.scores);
        &scratch.scores
    }
}

/// The lookup table of a tag dictionary: lowercased-form hash to
/// ambiguity-class hash.
pub(crate) fn index(words: &[(String, Vec<u16>)]) -> IdMap<u64> {
    words
        .iter()
        .map(|(w, cs)| {
            let h = cs.iter().fold(0xa3b1u64, |h, &c| mix(h, c as u64));
            (str_hash(w), h)
        })
        .collect()
}

/// Ambiguity classes of `lex` from the table `lexicon`.
pub(crate) fn ambiguity_in(lexicon: &IdMap<u64>, lex: &[Lex]) -> Vec<u64> {
    lex.iter()
        .map(|l| lexicon.get(&l.lower).copied().unwrap_or(NONE))
        .collect()
}

/// One greedy pass of `model` (ambiguity classes already in `scratch`).
///
/// The first pass records each token's margin (best score minus second
/// best); the second pass, given the first pass's classes and a margin in
/// first-pass units, keeps the first class of every token whose margin
/// reaches it and rescores only the others.
fn pass(
    model: &Model,
    lex: &[Lex],
    right: Option<(&[u16], f32)>,
    scratch: &mut TagScratch,
    out: &mut Vec<u16>,
) {
    out.clear();
    scratch.scores.resize(model.nclass(), 0.0);
    if right.is_none() {
        scratch.margins.clear();
    }
    let (mut p1, mut p2) = (NONE, NONE);
    for i in 0..lex.len() {
        if let Some((first, sure)) = right {
            if scratch.margins.get(i).is_some_and(|&m| m >= sure) {
                let c = first.get(i).copied().unwrap_or(0);
                out.push(c);
                p2 = p1;
                p1 = c as u64 + 1;
                continue;
            }
        }
        features(
            lex,
            &scratch.amb,
            i,
            p1,
            p2,
            right.map(|r| r.0),
            &mut scratch.feats,
        );
        model.scores(&scratch.feats, &mut scratch.scores);
        let (c, margin) = best_and_margin(&scratch.scores);
        if right.is_none() {
            scratch.margins.push(margin);
        }
        out.push(c as u16);
        p2 = p1;
        p1 = c as u64 + 1;
    }
}

/// The first class of the highest score (0 when there are none) and its
/// margin: that score minus the highest of the other classes' (`f32::MIN`
/// for none), in one sweep.
fn best_and_margin(scores: &[f32]) -> (usize, f32) {
    let Some((&first, rest)) = scores.split_first() else {
        return (0, 0.0 - f32::MIN);
    };
    let (mut c, mut best, mut second) = (0, first, f32::MIN);
    for (k, &s) in rest.iter().enumerate() {
        if s > best {
            second = second.max(best);
            (c, best) = (k + 1, s);
        } else {
            second = second.max(s);
        }
    }
    (c, best - second)
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub(crate) struct TagScratch {
    first: Vec<u16>,
    margins: Vec<f32>,
    amb: Vec<u64>,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

fn at(lex: &[Lex], i: isize) -> Option<&Lex> {
    if i < 0 {
        None
    } else {
        lex.get(i as usize)
    }
}

/// The features of token `i` given the two previous classes (`class + 1`)
/// and, in the second pass, the first pass's classes.
fn features(
    lex: &[Lex],
    amb: &[u64],
    i: usize,
    p1: u64,
    p2: u64,
    right: Option<&[u16]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let ii = i as isize;
    let Some(w) = lex.get(i) else {
        return;
    };
    let lw = |k: isize| at(lex, ii + k).map_or(NONE.wrapping_add(k as u64), |l| l.lower);
    let sh = |k: isize| at(lex, ii + k).map_or(NONE.wrapping_add(k as u64), |l| l.shape);
    let s3 = |k: isize| at(lex, ii + k).map_or(NONE.wrapping_add(k as u64), |l| l.suf[2]);
    let am = |k: isize| {
        if ii + k < 0 {
            NONE.wrapping_add(k as u64)
        } else {
            amb.get((ii + k) as usize)
                .copied()
                .unwrap_or(NONE.wrapping_add(k as u64))
        }
    };
    out.push(f1(1, 0));
    out.push(f1(2, w.lower));
    out.push(f1(3, w.form));
    for (k, &s) in w.suf.iter().enumerate() {
        out.push(f1(4 + k as u64, s));
    }
    for (k, &p) in w.pre.iter().enumerate() {
        out.push(f1(8 + k as u64, p));
    }
    out.push(f1(11, w.shape));
    out.push(f1(12, w.flags));
    out.push(f1(13, lw(-1)));
    out.push(f1(14, lw(1)));
    out.push(f1(15, lw(-2)));
    out.push(f1(16, lw(2)));
    out.push(f1(17, s3(-1)));
    out.push(f1(18, s3(1)));
    out.push(f1(19, p1));
    out.push(f2(20, p1, p2));
    out.push(f2(21, p1, w.lower));
    out.push(f1(22, am(0)));
    out.push(f1(23, am(1)));
    out.push(f1(24, am(2)));
    out.push(f2(25, am(0), p1));
    out.push(f2(26, am(0), am(1)));
    out.push(f1(27, sh(-1)));
    out.push(f1(28, sh(1)));
    out.push(f2(29, w.lower, lw(1)));
    out.push(f2(30, lw(-1), w.lower));
    out.push(f2(31, (i == 0) as u64, w.shape));
    out.push(f3(32, p1, am(0), am(1)));
    out.push(f2(33, w.suf[2], p1));
    out.push(f2(34, am(1), w.lower));
    // WordNet: parts of speech, the most frequent one and morphological
    // guesses (`wp`), all class bits (`wa`).
    let wp = |k: isize| {
        at(lex, ii + k).map_or(NONE.wrapping_add(k as u64), |l| {
            ((l.wn & (wordnet::POS | wordnet::DOMINANT)) as u64) | ((l.wm as u64) << 32)
        })
    };
    let wa = (w.wn as u64) | ((w.wm as u64) << 32);
    out.push(f1(50, wp(0)));
    out.push(f1(51, wa));
    out.push(f2(52, w.suf[2], wp(0)));
    out.push(f2(53, w.flags, wa));
    out.push(f1(54, wp(-1)));
    out.push(f1(55, wp(1)));
    out.push(f2(56, wp(0), wp(1)));
    out.push(f2(57, p1, wp(0)));
    out.push(f2(63, wa, w.suf[1]));
    out.push(f2(64, wa, (i == 0) as u64));
    out.push(f2(65, wp(0), am(1)));
    if let Some(r) = right {
        let rt = |k: usize| {
            r.get(i + k)
                .map_or(NONE.wrapping_add(k as u64), |&c| c as u64 + 1)
        };
        out.push(f1(40, rt(1)));
        out.push(f2(41, rt(1), rt(2)));
        out.push(f2(42, p1, rt(1)));
        out.push(f2(43, rt(1), w.lower));
        out.push(f2(44, rt(0), rt(1)));
        out.push(f3(45, p1, rt(0), rt(1)));
    }
}

/// Forms and gold `(upos, xpos)` indices of a sentence.
pub(crate) type Tagged = (Vec<String>, Vec<(u8, u8)>);

/// The class list: every gold `(upos, xpos)` pair, sorted.
pub(crate) fn classes_of(sentences: &[Tagged]) -> Vec<(u8, u8)> {
    let mut v: Vec<(u8, u8)> = sentences.iter().flat_map(|s| s.1.iter().copied()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The tag dictionary: for each lowercased word seen at least twice, the
/// classes that make up at least 5% of its uses.
pub(crate) fn dictionary(classes: &[(u8, u8)], sentences: &[&Tagged]) -> Vec<(String, Vec<u16>)> {
    let mut words: BTreeMap<String, BTreeMap<u16, usize>> = BTreeMap::new();
    for (forms, tags) in sentences.iter().map(|s| (&s.0, &s.1)) {
        for (f, key) in forms.iter().zip(tags) {
            let c = classes.binary_search(key).unwrap_or(0) as u16;
            *words
                .entry(f.to_lowercase())
                .or_default()
                .entry(c)
                .or_default() += 1;
        }
    }
    words
        .into_iter()
        .filter_map(|(w, cs)| {
            let total: usize = cs.values().sum();
            if total < 2 {
                return None;
            }
            let keep: Vec<u16> = cs
                .iter()
                .filter(|(_, &n)| n * 20 >= total)
                .map(|(&c, _)| c)
                .collect();
            Some((w, keep))
        })
        .collect()
}

/// Trains a tagger; `dev` (when not empty) picks the best epoch.
pub(crate) fn train(
    classes: Vec<(u8, u8)>,
    words: Vec<(String, Vec<u16>)>,
    train: &[TagExample],
    dev: &[TagExample],
    epochs: usize,
    log: &mut dyn FnMut(String),
) -> (Tagger, usize) {
    let mut tagger = Tagger {
        model: Model::default(),
        second: Model::default(),
        sure: SURE,
        classes,
        lexicon: IdMap::default(),
        words,
        entries: IdMap::default(),
    };
    tagger.index_words();
    let nclass = tagger.classes.len();
    let mut t = Trainer::new(nclass);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng::new(0x7a66);
    let mut scores = vec![0f32; nclass];
    let (mut amb, mut feats) = (Vec::new(), Vec::new());
    let mut best: Option<(f64, Model, usize)> = None;
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &train[k];
            tagger.ambiguity(&ex.lex, &mut amb);
            if !ex.amb.is_empty() {
                amb.clone_from(&ex.amb);
            }
            let (mut p1, mut p2) = (NONE, NONE);
            for (i, &g) in ex.gold.iter().enumerate() {
                features(&ex.lex, &amb, i, p1, p2, None, &mut feats);
                t.scores(&feats, &mut scores);
                let guess = argmax(&scores, |_| true).unwrap_or(0);
                t.tick();
                t.update(&feats, g as usize, guess);
                right += (guess == g as usize) as usize;
                total += 1;
                p2 = p1;
                p1 = guess as u64 + 1;
            }
        }
        if dev.is_empty() && epoch + 1 < epochs {
            continue;
        }
        tagger.model = t.finish(TAGGER_PRUNE);
        let acc = accuracy(&tagger, dev);
        log(format!(
            "tagger epoch {}: train {:.2}% dev {:.2}% {}",
            epoch + 1,
            100.0 * right as f64 / total.max(1) as f64,
            acc,
            detail(&tagger, dev)
        ));
        if dev.is_empty() {
            continue;
        }
        if best.as_ref().is_none_or(|(a, _, _)| acc > *a) {
            best = Some((acc, tagger.model.clone(), epoch + 1));
        }
    }
    match best {
        Some((_, m, e)) => {
            tagger.model = m;
            (tagger, e)
        }
        None => (tagger, epochs),
    }
}

/// The default for [`Tagger::sure`].
const SURE: f32 = 10.0;

/// Weights below this are dropped when a tagger model is frozen.
const TAGGER_PRUNE: f32 = 0.5;

/// Trains the second pass of `tagger` on `train` with `first` (jackknifed
/// first-pass classes of each training sentence); `dev` picks the epoch.
pub(crate) fn train_second(
    tagger: &mut Tagger,
    train: &[TagExample],
    first: &[Vec<u16>],
    dev: &[TagExample],
    epochs: usize,
    log: &mut dyn FnMut(String),
) {
    let nclass = tagger.classes.len();
    let mut t = Trainer::new(nclass);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng::new(0x7a67);
    let mut scores = vec![0f32; nclass];
    let (mut amb, mut feats) = (Vec::new(), Vec::new());
    let mut best: Option<(f64, Model)> = None;
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = &train[k];
            let right = first.get(k).map(Vec::as_slice);
            tagger.ambiguity(&ex.lex, &mut amb);
            if !ex.amb.is_empty() {
                amb.clone_from(&ex.amb);
            }
            let (mut p1, mut p2) = (NONE, NONE);
            for (i, &g) in ex.gold.iter().enumerate() {
                features(&ex.lex, &amb, i, p1, p2, right, &mut feats);
                t.scores(&feats, &mut scores);
                let guess = argmax(&scores, |_| true).unwrap_or(0);
                t.tick();
                t.update(&feats, g as usize, guess);
                p2 = p1;
                p1 = guess as u64 + 1;
            }
        }
        tagger.second = t.finish(TAGGER_PRUNE);
        let acc = accuracy(tagger, dev);
        log(format!(
            "tagger second pass epoch {}: dev {:.2}% {}",
            epoch + 1,
            acc,
            detail(tagger, dev)
        ));
        if best.as_ref().is_none_or(|(a, _)| acc > *a) {
            best = Some((acc, tagger.second.clone()));
        }
    }
    if let Some((_, m)) = best {
        tagger.second = m;
    }
}

/// Joint-class accuracy (percent) on `data`.
pub(crate) fn accuracy(tagger: &Tagger, data: &[TagExample]) -> f64 {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let (mut right, mut total) = (0usize, 0usize);
    for ex in data {
        tagger.tag(&ex.lex, &mut scratch, &mut out);
        right += out.iter().zip(&ex.gold).filter(|(a, b)| a == b).count();
        total += ex.gold.len();
    }
    100.0 * right as f64 / total.max(1) as f64
}

/// UPOS accuracy on `data`, overall and for words in and out of the tag
/// dictionary, as a log line.
pub(crate) fn detail(tagger: &Tagger, data: &[TagExample]) -> String {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let mut n = [[0usize; 2]; 2];
    for ex in data {
        tagger.tag(&ex.lex, &mut scratch, &mut out);
        for ((l, &p), &g) in ex.lex.iter().zip(&out).zip(&ex.gold) {
            let known = tagger.lexicon.contains_key(&l.lower) as usize;
            n[known][1] += 1;
            n[known][0] += (tagger.class(p).0 == tagger.class(g).0) as usize;
        }
    }
    let pc = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    format!(
        "UPOS {:.2} (known {:.2}, unknown {:.2} on {:.1}%)",
        pc(n[0][0] + n[1][0], n[0][1] + n[1][1]),
        pc(n[1][0], n[1][1]),
        pc(n[0][0], n[0][1]),
        pc(n[0][1], n[0][1] + n[1][1])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_and_margin_agree_with_argmax_and_the_runner_up() {
        let mut x = 7u64;
        for len in 1..40usize {
            for _ in 0..50 {
                let scores: Vec<f32> = (0..len)
                    .map(|_| {
                        x = x
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        ((x >> 33) % 9) as f32 - 4.0
                    })
                    .collect();
                let c = argmax(&scores, |_| true).unwrap_or(0);
                let second = scores
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != c)
                    .fold(f32::MIN, |m, (_, &s)| m.max(s));
                assert_eq!(best_and_margin(&scores), (c, scores[c] - second));
            }
        }
        assert_eq!(best_and_margin(&[]), (0, 0.0 - f32::MIN));
    }
}
