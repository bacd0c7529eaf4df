//! Averaged perceptron over hashed features: a [`Trainer`] that learns
//! sparse rows of class weights, and a frozen [`Model`] for fast scoring.
//!
//! Each feature key maps to a row holding only the classes whose weight it
//! has touched, so a model with a hundred classes stays small and scoring
//! adds a few numbers per feature.

use crate::error::{Error, Result};
use crate::hash::IdMap;
use crate::modelio::{Reader, Writer};

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: i32,
    ts: u32,
    total: i64,
}

/// Learns averaged perceptron weights.
pub(crate) struct Trainer {
    nclass: usize,
    index: IdMap<u32>,
    rows: Vec<Vec<Entry>>,
    step: u32,
}

impl Trainer {
    /// A trainer for `nclass` classes.
    pub(crate) fn new(nclass: usize) -> Trainer {
        Trainer {
            nclass,
            index: IdMap::default(),
            rows: Vec::new(),
            step: 0,
        }
    }

    /// Adds the current weights of `feats` into `scores` (length `nclass`).
    pub(crate) fn scores(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                if let Some(row) = self.rows.get(r as usize) {
                    for e in row {
                        if let Some(s) = scores.get_mut(e.class as usize) {
                            *s += e.w as f32;
                        }
                    }
                }
            }
        }
    }

    /// Counts one training instance (call once per decision).
    pub(crate) fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves weight from `guess` to `gold` for every feature.
    pub(crate) fn update(&mut self, feats: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        let step = self.step;
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            if let Some(row) = self.rows.get_mut(r as usize) {
                bump(row, gold as u16, 1, step);
                bump(row, guess as u16, -1, step);
            }
        }
    }

    /// Averages the weights and freezes them; entries whose average is
    /// below `min_abs` in magnitude are dropped.
    pub(crate) fn finish(&self, min_abs: f32) -> Model {
        let step = self.step.max(1) as f64;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut m = ModelBuilder::new(self.nclass, None);
        for (k, r) in keys {
            let Some(row) = self.rows.get(r as usize) else {
                continue;
            };
            let mut entries: Vec<(u16, f32)> = row
                .iter()
                .map(|e| {
                    let total = e.total as f64 + (self.step - e.ts) as f64 * e.w as f64;
                    (e.class, (total / step) as f32)
                })
                .filter(|(_, w)| w.abs() >= min_abs && *w != 0.0)
                .collect();
            entries.sort_unstable_by_key(|e| e.0);
            if !entries.is_empty() {
                m.push(k, &entries);
            }
        }
        m.build()
    }
}

fn bump(row: &mut Vec<Entry>, class: u16, delta: i32, step: u32) {
    let e = match row.iter_mut().position(|e| e.class == class) {
        Some(i) => &mut row[i],
        None => {
            row.push(Entry {
                class,
                w: 0,
                ts: step,
                total: 0,
            });
            let last = row.len() - 1;
            &mut row[last]
        }
    };
    e.total += (step - e.ts) as i64 * e.w as i64;
    e.ts = step;
    e.w += delta;
}

/// Frozen weights: a hash table from feature key to a row of `(class,
/// weight)` entries, weights quantised to 16 bits. The table is made of
/// cache-line buckets of eight slots; a slot packs a 24-bit fingerprint of
/// the key, the row length and either the row start or, for a one-entry
/// row or a two-entry row of opposite weights, the entries themselves,
/// into 64 bits: a lookup reads one cache line of the table (two when a
/// bucket overflows) and at most one row. A bucket keeps the high halves
/// of its slots (fingerprint and length) together, so that a lookup
/// compares them all at once.
#[derive(Clone, Debug, Default)]
pub struct Model {
    nclass: usize,
    mask: usize,
    scale: f32,
    buckets: Vec<Bucket>,
    /// Packed entries: class in the high 16 bits, weight (`i16`) in the low.
    entries: Vec<u32>,
    /// Rows of at least [`DENSE_MIN`] entries again, as the largest weight
    /// magnitude of the row followed by its `nclass` weights and zeros up
    /// to a multiple of [`LANES`], so they add as vectors (of 16-bit sums
    /// while those cannot overflow).
    dense: Vec<i16>,
    keys: Vec<u64>,
    starts: Vec<u32>,
}

/// Eight slots on one cache line: the high halves of the slots
/// (fingerprint and row length; 0 for a free slot, as every row has a
/// length) and their low halves (payload).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Bucket {
    hi: [u32; BUCKET],
    lo: [u32; BUCKET],
}

const BUCKET: usize = 8;

impl Bucket {
    /// Slot `j` as a packed 64-bit slot (0: free).
    #[inline]
    fn slot(&self, j: usize) -> u64 {
        let j = j & (BUCKET - 1);
        (self.hi[j] as u64) << 32 | self.lo[j] as u64
    }

    /// A bit per slot that is free or carries fingerprint `fp` (high
    /// half, length bits clear): the lookup of a key stops at the first.
    #[inline]
    fn stops(&self, fp: u32) -> u32 {
        let mut m = 0u32;
        for (j, &h) in self.hi.iter().enumerate() {
            m |= (((h & !0xff) == fp) as u32 | (h == 0) as u32) << j;
        }
        m
    }
}

/// Scores are summed in blocks of this many classes.
const LANES: usize = 16;

/// `n` rounded up to whole blocks of [`LANES`].
#[inline]
fn padded(n: usize) -> usize {
    n.div_ceil(LANES) * LANES
}

/// Rows with at least this many entries are also kept dense.
const DENSE_MIN: usize = 12;

/// The length value of a slot whose payload is a dense row offset.
const DENSE_LEN: u64 = 255;

/// The length value of a slot whose payload is a two-entry row of
/// opposite weights (`+w` for one class, `-w` for the other, the common
/// shape of a feature seen in one update), packed whole: class, class and
/// `w` in 7, 7 and 16 bits.
const PAIR_LEN: u64 = 254;

// Sparse rows are shorter than the pair and dense length codes.
const _: () = assert!((DENSE_MIN as u64) < PAIR_LEN);

/// Classes below this fit a packed pair.
const PAIR_CLASSES: usize = 128;

/// The packed pair of a two-entry row, if its weights are opposite.
#[inline]
fn pack_pair(a: u32, b: u32) -> Option<u64> {
    let (ca, wa) = ((a >> 16) as usize, (a & 0xffff) as u16 as i16);
    let (cb, wb) = ((b >> 16) as usize, (b & 0xffff) as u16 as i16);
    let opposite = wa as i32 == -(wb as i32);
    (opposite && ca < PAIR_CLASSES && cb < PAIR_CLASSES)
        .then_some(ca as u64 | (cb as u64) << 7 | (wa as u16 as u64) << 14)
}

/// The classes and weights of a packed pair.
#[inline]
fn unpack_pair(p: u32) -> [(usize, f32); 2] {
    let w = ((p >> 14) & 0xffff) as u16 as i16 as f32;
    [((p & 127) as usize, w), (((p >> 7) & 127) as usize, -w)]
}

/// [`unpack_pair`] as integers.
#[inline]
fn unpack_pair_int(p: u32) -> [(usize, i32); 2] {
    let w = ((p >> 14) & 0xffff) as u16 as i16 as i32;
    [((p & 127) as usize, w), (((p >> 7) & 127) as usize, -w)]
}

/// [`unpack_entry`] as integers.
#[inline]
fn unpack_entry_int(e: u32) -> (usize, i32) {
    ((e >> 16) as usize, (e & 0xffff) as u16 as i16 as i32)
}

/// Models of at most this many classes are scored with integer sums on
/// the stack.
pub(crate) const MAX_FAST_CLASSES: usize = 128;

// The blocks of a model's classes fit the bits of a `u32`.
const _: () = assert!(MAX_FAST_CLASSES / LANES <= 16 && MAX_FAST_CLASSES.is_multiple_of(LANES));

/// Integer class sums of a model of at most [`MAX_FAST_CLASSES`] classes.
pub(crate) type Wide = [i32; MAX_FAST_CLASSES];

/// Features are looked up this many at a time (a power of two).
const CHUNK: usize = 128;

/// The rows of a chunk of features, by kind: single entries (a pair of
/// opposite weights makes two), `(start, length)` of rows of entries, and
/// offsets of dense rows; `n1`, `ns`, `nd` of each are filled.
struct Rows {
    singles: [u32; CHUNK * 2],
    sparse: [(u32, u32); CHUNK],
    dense: [u32; CHUNK],
    n1: usize,
    ns: usize,
    nd: usize,
}

impl Default for Rows {
    fn default() -> Rows {
        Rows {
            singles: [0; CHUNK * 2],
            sparse: [(0, 0); CHUNK],
            dense: [0; CHUNK],
            n1: 0,
            ns: 0,
            nd: 0,
        }
    }
}

/// The fingerprint bits of a slot.
const FP: u64 = !0 << 40;

/// The fingerprint of a key: its top bits, mixed with the rest so that
/// keys differing only in their low bits differ.
#[inline]
fn fingerprint(key: u64) -> u64 {
    (key ^ key.wrapping_mul(0x9E37_79B9_7F4A_7C15)) & FP
}

#[inline]
fn pack_entry(class: u16, q: i16) -> u32 {
    (class as u32) << 16 | (q as u16 as u32)
}

#[inline]
fn unpack_entry(e: u32) -> (usize, f32) {
    ((e >> 16) as usize, (e & 0xffff) as u16 as i16 as f32)
}

struct ModelBuilder {
    nclass: usize,
    scale: Option<f32>,
    keys: Vec<u64>,
    starts: Vec<u32>,
    entries: Vec<(u16, f32)>,
}

impl ModelBuilder {
    fn new(nclass: usize, scale: Option<f32>) -> ModelBuilder {
        ModelBuilder {
            nclass,
            scale,
            keys: Vec::new(),
            starts: vec![0],
            entries: Vec::new(),
        }
    }

    fn push(&mut self, key: u64, row: &[(u16, f32)]) {
        self.keys.push(key);
        self.entries.extend_from_slice(row);
        self.starts.push(self.entries.len() as u32);
    }

    fn build(self) -> Model {
        let scale = self.scale.unwrap_or_else(|| {
            self.entries
                .iter()
                .fold(0f32, |m, &(_, x)| m.max(x.abs()))
                .max(1e-6)
                / 32767.0
        });
        let entries: Vec<u32> = self
            .entries
            .iter()
            .map(|&(c, w)| pack_entry(c, (w / scale).round().clamp(-32767.0, 32767.0) as i16))
            .collect();
        // Buckets of eight at most three-quarters full.
        let nb = (self.keys.len() * 4 / 3 / BUCKET + 1)
            .next_power_of_two()
            .max(2);
        let mut buckets = vec![Bucket::default(); nb];
        let mask = nb - 1;
        let mut dense: Vec<i16> = Vec::new();
        for (r, &k) in self.keys.iter().enumerate() {
            let start = self.starts[r] as u64;
            let mut len = (self.starts[r + 1] as u64 - start).min(DENSE_LEN - 1);
            if len == 0 {
                continue;
            }
            let pair = match entries.get(start as usize..start as usize + 2) {
                Some(&[a, b]) if len == 2 => pack_pair(a, b),
                _ => None,
            };
            let payload = if len == 1 {
                entries.get(start as usize).copied().unwrap_or(0) as u64
            } else if let Some(p) = pair {
                len = PAIR_LEN;
                p
            } else if len as usize >= DENSE_MIN && self.nclass > 0 {
                let off = dense.len();
                dense.resize(off + 1 + padded(self.nclass), 0);
                let row = entries
                    .get(start as usize..start as usize + len as usize)
                    .unwrap_or(&[]);
                let mut max = 0i16;
                for &e in row {
                    let w = (e & 0xffff) as u16 as i16;
                    // Quantised weights lie in -32767..=32767.
                    max = max.max(w.saturating_abs());
                    if let Some(x) = dense.get_mut(off + 1 + (e >> 16) as usize) {
                        *x = w;
                    }
                }
                if let Some(x) = dense.get_mut(off) {
                    *x = max;
                }
                len = DENSE_LEN;
                off as u64
            } else {
                start
            };
            let slot = fingerprint(k) | len << 32 | payload;
            let mut b = (k as usize) & mask;
            'place: loop {
                let bucket = &mut buckets[b];
                for (h, l) in bucket.hi.iter_mut().zip(bucket.lo.iter_mut()) {
                    if *h == 0 {
                        *h = (slot >> 32) as u32;
                        *l = slot as u32;
                        break 'place;
                    }
                }
                b = (b + 1) & mask;
            }
        }
        Model {
            nclass: self.nclass,
            mask,
            scale,
            buckets,
            entries,
            dense,
            keys: self.keys,
            starts: self.starts,
        }
    }
}

impl Model {
    /// Number of classes.
    pub fn nclass(&self) -> usize {
        self.nclass
    }

    /// Scores are in quantised units: this converts a real weight to them.
    pub(crate) fn scale_inv(&self) -> f32 {
        if self.scale > 0.0 {
            1.0 / self.scale
        } else {
            1.0
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Number of `(feature, class)` weights.
    pub fn weights(&self) -> usize {
        self.entries.len()
    }

    /// True when no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The packed slot of `key` in the table, or 0, searching from bucket
    /// `b`.
    #[inline]
    fn find(&self, key: u64, mut b: usize) -> u64 {
        let fp = (fingerprint(key) >> 32) as u32;
        loop {
            let Some(bucket) = self.buckets.get(b) else {
                return 0;
            };
            let m = bucket.stops(fp);
            if m != 0 {
                return bucket.slot(m.trailing_zeros() as usize);
            }
            b = (b + 1) & self.mask;
        }
    }

    /// Sets `scores` (length `nclass`) to the sum of the features' weights,
    /// in quantised units (multiply by the scale for the real value).
    #[inline]
    pub(crate) fn scores(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.add_scores(feats, scores);
    }

    /// Adds the features' weights to `scores` (length `nclass`), in
    /// quantised units.
    ///
    /// In three sweeps, so that the cache misses of different features
    /// overlap instead of queueing behind branches: read the first slot of
    /// every feature's bucket, then find the slots and touch their rows,
    /// then add the rows.
    #[inline]
    pub(crate) fn add_scores(&self, feats: &[u64], scores: &mut [f32]) {
        let all = [(0, scores.len()), (scores.len(), scores.len())];
        self.add_scores_in(feats, scores, &all);
    }

    /// Sets `scores` (length `nclass`) like [`Model::scores`], but exactly
    /// only for the classes in the ranges `spans` (sorted, disjoint); the
    /// other scores are left partial and must not be read.
    #[inline]
    pub(crate) fn scores_in(&self, feats: &[u64], scores: &mut [f32], spans: &[(usize, usize); 2]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.add_scores_in(feats, scores, spans);
    }

    /// [`Model::add_scores`] for the classes in `spans` only (rows kept
    /// dense are added over the blocks of [`LANES`] classes that cover
    /// those ranges alone).
    ///
    /// The weights are integers (quantised units), so they are summed as
    /// integers and added to `scores` once at the end: the same value as
    /// adding them one by one in `f32`, which is exact while every partial
    /// sum stays under 2^24 in magnitude, i.e. for any call with at most
    /// 512 features (every model's templates make far fewer). Integer sums
    /// do not depend on their order, so the rows are first sorted by kind
    /// (one entry, a row of entries, a dense row) and each kind is added in
    /// a loop of its own. Dense rows are summed block by block into 16-bit
    /// lanes, over runs of rows the sum of whose largest magnitudes stays
    /// within `i16`, so no lane can overflow, and each run's lanes are
    /// widened into the 32-bit sums.
    #[inline]
    fn add_scores_in(&self, feats: &[u64], scores: &mut [f32], spans: &[(usize, usize); 2]) {
        if self.buckets.is_empty() {
            return;
        }
        let n = scores.len();
        if n > MAX_FAST_CLASSES {
            self.add_scores_slow(feats, scores, spans);
            return;
        }
        let mut wide = [0i32; MAX_FAST_CLASSES];
        self.add_wide_in(feats, n, spans, &mut wide);
        for (x, &w) in scores.iter_mut().zip(wide.iter()) {
            *x += w as f32;
        }
    }

    /// Whether [`Model::add_wide`] serves this model: one of at most
    /// [`MAX_FAST_CLASSES`] classes.
    #[inline]
    pub(crate) fn has_wide(&self) -> bool {
        self.nclass <= MAX_FAST_CLASSES
    }

    /// Adds the features' weights, as integers in quantised units, to
    /// `wide`, exactly for the classes in `spans` (the others are left
    /// partial and must not be read); the model must have
    /// [`Model::has_wide`]. Integer sums do not depend on their order, so
    /// sums of parts of a feature list added together equal the sum of
    /// the whole list, and [`Model::add_scores_in`] is this sum converted
    /// once to `f32`.
    #[inline]
    pub(crate) fn add_wide(&self, feats: &[u64], spans: &[(usize, usize); 2], wide: &mut Wide) {
        if self.buckets.is_empty() || !self.has_wide() {
            return;
        }
        self.add_wide_in(feats, self.nclass, spans, wide);
    }

    /// [`Model::add_wide`] for the first `n` classes.
    #[inline]
    fn add_wide_in(&self, feats: &[u64], n: usize, spans: &[(usize, usize); 2], wide: &mut Wide) {
        for chunk in feats.chunks(CHUNK) {
            let mut rows = Rows::default();
            self.find_all(chunk, &mut rows);
            for &e in rows.singles.get(..rows.n1).unwrap_or(&[]) {
                let (c, w) = unpack_entry_int(e);
                if let Some(x) = wide.get_mut(c) {
                    *x += w;
                }
            }
            for &(start, len) in rows.sparse.get(..rows.ns).unwrap_or(&[]) {
                let (start, len) = (start as usize, len as usize);
                for &e in self.entries.get(start..start + len).unwrap_or(&[]) {
                    let (c, w) = unpack_entry_int(e);
                    if let Some(x) = wide.get_mut(c) {
                        *x += w;
                    }
                }
            }
            self.add_dense(rows.dense.get(..rows.nd).unwrap_or(&[]), n, spans, wide);
        }
    }

    /// Adds the dense rows at offsets `offs` into `wide`, over the blocks
    /// of [`LANES`] classes that cover `spans` (of `n` classes).
    #[inline]
    fn add_dense(&self, offs: &[u32], n: usize, spans: &[(usize, usize); 2], wide: &mut Wide) {
        if offs.is_empty() {
            return;
        }
        // The blocks to add, one bit each (at most 16 of them).
        let mut blocks = 0u32;
        for &(a, b) in spans {
            let b = b.min(n);
            if a < b {
                let (first, end) = (a / LANES, b.div_ceil(LANES));
                blocks |= ((1u32 << end) - 1) & !((1u32 << first) - 1);
            }
        }
        let mut i = 0;
        while i < offs.len() {
            // The longest run of rows from `i` whose largest magnitudes sum
            // within `i16` (a single row always fits).
            let mut budget = 0i32;
            let mut j = i;
            while let Some(&off) = offs.get(j) {
                let max = self.dense.get(off as usize).copied().unwrap_or(0) as i32;
                if j > i && budget + max > i16::MAX as i32 {
                    break;
                }
                budget += max;
                j += 1;
            }
            let run = offs.get(i..j).unwrap_or(&[]);
            let mut bits = blocks;
            while bits != 0 {
                let o = bits.trailing_zeros() as usize * LANES;
                bits &= bits - 1;
                let mut acc = [0i16; LANES];
                for &off in run {
                    let start = off as usize + 1 + o;
                    if let Some(ws) = self
                        .dense
                        .get(start..start + LANES)
                        .and_then(|w| <&[i16; LANES]>::try_from(w).ok())
                    {
                        for (x, &w) in acc.iter_mut().zip(ws) {
                            *x = x.wrapping_add(w);
                        }
                    }
                }
                if let Some(ws) = wide
                    .get_mut(o..o + LANES)
                    .and_then(|w| <&mut [i32; LANES]>::try_from(w).ok())
                {
                    for (w, &x) in ws.iter_mut().zip(&acc) {
                        *w += x as i32;
                    }
                }
            }
            i = j;
        }
    }

    /// The rows of the features `chunk`, sorted by kind into `rows`, in
    /// two sweeps, so that the cache misses of different features overlap
    /// instead of queueing behind branches: read the first slot of every
    /// feature's bucket, then find the slots and touch their rows. The
    /// second sweep sorts without a branch on the kind of row.
    #[inline]
    fn find_all(&self, chunk: &[u64], rows: &mut Rows) {
        let mut touch = 0u64;
        for f in chunk {
            let b = (*f as usize) & self.mask;
            touch ^= self.buckets.get(b).map_or(0, |x| x.hi[0]) as u64;
        }
        let (mut n1, mut ns, mut nd) = (0usize, 0usize, 0usize);
        for f in chunk {
            let b = (*f as usize) & self.mask;
            let Some(bucket) = self.buckets.get(b) else {
                continue;
            };
            let m = bucket.stops((fingerprint(*f) >> 32) as u32);
            let s = if m != 0 {
                bucket.slot(m.trailing_zeros() as usize)
            } else {
                self.find(*f, (b + 1) & self.mask)
            };
            let payload = s as u32;
            let len = ((s >> 32) & 0xff) as u32;
            let single = len == 1;
            let pair = len == PAIR_LEN as u32;
            let dense = len == DENSE_LEN as u32;
            let sparse = len > 1 && !pair && !dense;
            // A pair is two single entries.
            let [(ca, wa), (cb, wb)] = unpack_pair_int(payload);
            let first = if pair {
                pack_entry(ca as u16, wa as i16)
            } else {
                payload
            };
            rows.singles[n1 & (CHUNK * 2 - 1)] = first;
            n1 += (single | pair) as usize;
            rows.singles[n1 & (CHUNK * 2 - 1)] = pack_entry(cb as u16, wb as i16);
            n1 += pair as usize;
            rows.sparse[ns & (CHUNK - 1)] = (payload, len);
            ns += sparse as usize;
            rows.dense[nd & (CHUNK - 1)] = payload;
            nd += dense as usize;
            // Touch the row, so that its cache miss starts now.
            let at = if dense { payload as usize } else { 0 };
            touch ^= self.dense.get(at).copied().unwrap_or(0) as u64;
            let at = if sparse { payload as usize } else { 0 };
            touch ^= self.entries.get(at).copied().unwrap_or(0) as u64;
        }
        rows.n1 = n1;
        rows.ns = ns;
        rows.nd = nd;
        std::hint::black_box(touch);
    }

    /// [`Model::add_scores_in`] in `f32` throughout, for models of more
    /// than [`MAX_FAST_CLASSES`] classes.
    #[cold]
    fn add_scores_slow(&self, feats: &[u64], scores: &mut [f32], spans: &[(usize, usize); 2]) {
        for &f in feats {
            let s = self.find(f, (f as usize) & self.mask);
            if s == 0 {
                continue;
            }
            let payload = (s & 0xffff_ffff) as u32;
            let len = ((s >> 32) & 0xff) as usize;
            if len as u64 == DENSE_LEN {
                let off = payload as usize + 1;
                if let Some(row) = self.dense.get(off..off + scores.len()) {
                    for &(a, b) in spans {
                        if let (Some(xs), Some(ws)) = (scores.get_mut(a..b), row.get(a..b)) {
                            for (x, &w) in xs.iter_mut().zip(ws) {
                                *x += w as f32;
                            }
                        }
                    }
                }
                continue;
            }
            if len == 1 {
                let (c, w) = unpack_entry(payload);
                if let Some(x) = scores.get_mut(c) {
                    *x += w;
                }
                continue;
            }
            if len as u64 == PAIR_LEN {
                for (c, w) in unpack_pair(payload) {
                    if let Some(x) = scores.get_mut(c) {
                        *x += w;
                    }
                }
                continue;
            }
            let start = payload as usize;
            for &e in self.entries.get(start..start + len).unwrap_or(&[]) {
                let (c, w) = unpack_entry(e);
                if let Some(x) = scores.get_mut(c) {
                    *x += w;
                }
            }
        }
    }

    fn row(&self, r: usize) -> impl Iterator<Item = (usize, f32)> + '_ {
        let (a, b) = (self.starts[r] as usize, self.starts[r + 1] as usize);
        self.entries
            .get(a..b)
            .unwrap_or(&[])
            .iter()
            .map(|&e| unpack_entry(e))
    }

    /// A copy without the weights smaller than `min_abs` in magnitude.
    pub fn pruned(&self, min_abs: f32) -> Model {
        let mut m = ModelBuilder::new(self.nclass, Some(self.scale));
        let mut row = Vec::new();
        for (r, &k) in self.keys.iter().enumerate() {
            row.clear();
            row.extend(
                self.row(r)
                    .map(|(c, q)| (c as u16, q * self.scale))
                    .filter(|e| e.1.abs() >= min_abs),
            );
            if !row.is_empty() {
                m.push(k, &row);
            }
        }
        m.build()
    }

    /// Encodes the model: weights quantised to 16 bits.
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.uint(self.nclass as u64);
        w.f32(self.scale);
        w.uint(self.keys.len() as u64);
        let mut prev = 0u64;
        for &k in &self.keys {
            w.uint(k.wrapping_sub(prev));
            prev = k;
        }
        for r in 0..self.keys.len() {
            let row: Vec<(usize, f32)> = self.row(r).collect();
            w.uint(row.len() as u64);
            let mut pc = 0usize;
            for (c, q) in row {
                w.uint(c.saturating_sub(pc) as u64);
                pc = c;
                w.int(q as i64);
            }
        }
    }

    /// Decodes a model written by [`Model::encode`].
    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Model> {
        let nclass = r.len(1 << 16)?;
        let scale = r.f32()?;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(Error::model("bad weight scale"));
        }
        let n = r.len(r.remaining())?;
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u64;
        for _ in 0..n {
            prev = prev.wrapping_add(r.uint()?);
            keys.push(prev);
        }
        let mut m = ModelBuilder::new(nclass, Some(scale));
        let mut row = Vec::new();
        for k in keys {
            row.clear();
            let len = r.len(nclass)?;
            let mut c = 0u64;
            for _ in 0..len {
                c += r.uint()?;
                if c >= nclass as u64 {
                    return Err(Error::model("class out of range"));
                }
                row.push((c as u16, r.int()? as f32 * scale));
            }
            m.push(k, &row);
        }
        Ok(m.build())
    }
}

/// The index of the largest score among those `allowed`.
#[inline]
pub(crate) fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modelio::inflate;

    #[test]
    fn packed_rows_score_like_their_entries() {
        // Small weights, and weights of up to the largest quantised value,
        // whose dense rows cannot all be summed in 16 bits; more classes than integer sums on the stack take.
        packed_rows_score_like_their_entries_at(0.5, 20);
        packed_rows_score_like_their_entries_at(0.007, 20);
        packed_rows_score_like_their_entries_at(0.5, MAX_FAST_CLASSES + 3);
    }

    fn packed_rows_score_like_their_entries_at(scale: f32, nclass: usize) {
        // Rows of every kind: one entry, a pair of opposite weights, a
        // pair that is not, longer sparse rows and dense ones.
        let mut b = ModelBuilder::new(nclass, Some(scale));
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
        for k in 0..400u64 {
            let len = (k % 15) as usize + 1;
            let row: Vec<(u16, f32)> = (0..len)
                .map(|i| {
                    let c = ((k as usize * 7 + i * 3) % nclass) as u16;
                    let w = if len == 2 && k % 3 != 0 {
                        if i == 0 {
                            2.5
                        } else {
                            -2.5
                        }
                    } else {
                        (k as f32 * 0.5 + i as f32) * if i % 2 == 0 { 1.0 } else { -1.0 }
                    };
                    (c, w)
                })
                .collect();
            let mut row = row;
            row.sort_unstable_by_key(|e| e.0);
            row.dedup_by_key(|e| e.0);
            let key = crate::hash::mix(k, 99);
            rows.push((key, row));
        }
        rows.sort_unstable_by_key(|r| r.0);
        for (k, row) in &rows {
            b.push(*k, row);
        }
        let m = b.build();
        let mut s = vec![0f32; nclass];
        let mut part = vec![0f32; nclass];
        for chunk in rows.chunks(9) {
            let feats: Vec<u64> = chunk.iter().map(|r| r.0).chain([12345]).collect();
            let mut want = vec![0f32; nclass];
            for (_, row) in chunk {
                for &(c, w) in row {
                    want[c as usize] += (w / scale).round().clamp(-32767.0, 32767.0);
                }
            }
            m.scores(&feats, &mut s);
            assert_eq!(s, want);
            // Spans in blocks of their own, and spans sharing a block.
            for spans in [[(1, 4), (9, 17)], [(1, 4), (5, 12)]] {
                m.scores_in(&feats, &mut part, &spans);
                for &(a, b) in &spans {
                    assert_eq!(part[a..b], want[a..b]);
                }
            }
        }
        assert!(pack_pair(pack_entry(3, 7), pack_entry(5, -7)).is_some());
        assert!(pack_pair(pack_entry(3, 7), pack_entry(5, -6)).is_none());
        assert!(pack_pair(pack_entry(200, 7), pack_entry(5, -7)).is_none());
    }

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let data: &[(&[u64], usize)] = &[(&[1, 2], 0), (&[1, 3], 1), (&[4, 2], 0), (&[4, 3], 1)];
        let mut t = Trainer::new(2);
        let mut s = vec![0f32; 2];
        for _ in 0..5 {
            for (f, y) in data {
                t.scores(f, &mut s);
                let g = argmax(&s, |_| true).unwrap_or(0);
                t.tick();
                t.update(f, *y, g);
            }
        }
        let m = t.finish(0.0);
        for (f, y) in data {
            m.scores(f, &mut s);
            assert_eq!(argmax(&s, |_| true), Some(*y));
        }
        let mut w = Writer::default();
        m.encode(&mut w);
        let bytes = inflate(&w.deflate().unwrap_or_default()).unwrap_or_default();
        let m2 = Model::decode(&mut Reader::new(&bytes));
        assert!(m2.is_ok());
        if let Ok(m2) = m2 {
            assert_eq!(m2.len(), m.len());
            for (f, y) in data {
                m2.scores(f, &mut s);
                assert_eq!(argmax(&s, |_| true), Some(*y));
            }
        }
    }
}
