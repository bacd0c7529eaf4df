//! Feature hashing: strings and small ids are mixed into 64-bit keys.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes two 64-bit values into a well-spread key (splitmix64 finaliser).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.rotate_left(23) ^ b.wrapping_add(K);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The key of feature template `t` over values `a`.
#[inline]
pub(crate) fn f1(t: u64, a: u64) -> u64 {
    mix(t.wrapping_mul(K), a)
}

/// The key of feature template `t` over values `a`, `b`.
#[inline]
pub(crate) fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(t.wrapping_mul(K), a), b)
}

/// The key of feature template `t` over values `a`, `b`, `c`.
#[inline]
pub(crate) fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(t.wrapping_mul(K), a), b), c)
}

/// A 64-bit hash of a string (FNV-1a, then mixed).
#[inline]
pub(crate) fn str_hash(s: &str) -> u64 {
    str_hash_with(s.bytes(), s.len())
}

/// [`str_hash`] of the string whose `len` bytes are `bytes`.
#[inline]
pub(crate) fn str_hash_with(bytes: impl Iterator<Item = u8>, len: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h, len as u64)
}

/// A hasher for keys that are already hashes: it passes them through.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` over pre-hashed `u64` keys.
pub(crate) type IdMap<V> = std::collections::HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A small deterministic random generator (xorshift64*), for training.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    /// The next value.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A float in `[0, 1)`.
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Shuffles a slice (Fisher-Yates).
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_by_template_and_value() {
        assert_ne!(f1(1, 5), f1(2, 5));
        assert_ne!(f2(1, 5, 6), f2(1, 6, 5));
        assert_eq!(str_hash("abc"), str_hash("abc"));
        assert_ne!(str_hash("abc"), str_hash("abd"));
        assert_eq!(
            str_hash("abc"),
            str_hash_with("ABC".bytes().map(|b| b | 0x20), 3)
        );
        let mut r = Rng::new(7);
        let mut v: Vec<u32> = (0..10).collect();
        r.shuffle(&mut v);
        let mut s = v.clone();
        s.sort_unstable();
        assert_eq!(s, (0..10).collect::<Vec<_>>());
    }
}
