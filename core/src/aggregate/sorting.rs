//! One sort for every list of the roll-up (issue 21: the first WebAssembly module's size).
//!
//! `slice::sort_by` is generic: each element type (and comparator) it sorts gets its own copy
//! of the standard library's sort, ≈ 3 KB of WebAssembly each. [`sort_by`] sorts the list's
//! positions instead — one sort of `usize`, whatever the list holds — and then moves the
//! elements into that order: the roll-up's lists share one copy.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`: the same order as `v.sort_by(cmp)` (equal elements keep their
/// order), by one non-generic sort of positions.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// `0..n` sorted stably by `cmp` over positions.
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn the_same_order_as_the_standard_stable_sort() {
        // Pairs compared by their first item only: ties must keep their order.
        let mut seed = 7u64;
        for len in 0..60 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std);
        }
    }
}
