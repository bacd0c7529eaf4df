//! Per-thread memory of answers that depend on their key alone: the typo
//! index's queries, the coder's gazetteer searches of a sentence.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::thread::LocalKey;

/// The answer for `key` from `cache`, else `compute()` remembered there.
/// A cache holding `capacity` answers is emptied before the next one goes
/// in: a bound on memory, and for text that repeats itself within a
/// document as good as any eviction order. `compute` runs with the cache
/// released, so it may use other caches of this kind.
pub fn remember<K, V, S>(
    cache: &'static LocalKey<RefCell<HashMap<K, V, S>>>,
    key: K,
    capacity: usize,
    compute: impl FnOnce() -> V,
) -> V
where
    K: Eq + Hash,
    V: Clone,
    S: BuildHasher,
{
    if let Some(found) = cache.with(|c| c.borrow().get(&key).cloned()) {
        return found;
    }
    let found = compute();
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= capacity {
            c.clear();
        }
        c.insert(key, found.clone());
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SQUARES: RefCell<HashMap<u32, u32>> = RefCell::new(HashMap::new());
    }

    #[test]
    fn computes_once_and_stays_bounded() {
        let mut calls = 0;
        for _ in 0..3 {
            assert_eq!(
                remember(&SQUARES, 7, 2, || {
                    calls += 1;
                    49
                }),
                49
            );
        }
        assert_eq!(calls, 1);
        for k in 0..10 {
            remember(&SQUARES, k, 2, || k * k);
        }
        assert!(SQUARES.with(|c| c.borrow().len()) <= 2);
    }
}
