//! The store contract for the sign-in throttle: attempts are counted per key
//! within a window, atomically, taken back one by one or forgotten on success, or once old. Listed
//! in [`contract_tests!`](crate::contract_tests).

use jiff::Timestamp;
use saps_core::port::{Store, write_blocking};

fn at(s: i64) -> Timestamp {
    Timestamp::from_second(1_600_000_000 + s).expect("in range")
}

/// Counts an attempt at `now` in a window that began at `window_start`.
fn count(store: &dyn Store, key: &'static str, now: i64, window_start: i64) -> u32 {
    write_blocking(store, move |tx| {
        Ok(tx.count_sign_in_attempt(key, at(now), at(window_start))?)
    })
    .expect("the count succeeds")
}

/// Counts rise per key; a window that began before the current one starts
/// again at 1; clearing forgets a key; purging forgets old windows.
pub fn sign_in_attempts_count_per_key_within_a_window(store: &dyn Store) {
    assert_eq!(count(store, "k1", 0, -900), 1);
    assert_eq!(count(store, "k1", 10, -890), 2);
    assert_eq!(count(store, "k2", 10, -890), 1, "keys are counted apart");
    assert_eq!(count(store, "k1", 20, -880), 3);
    assert_eq!(
        count(store, "k1", 901, 1),
        1,
        "k1's window began at 0: it is over"
    );
    assert_eq!(count(store, "k1", 902, 2), 2);
    write_blocking(store, |tx| Ok(tx.clear_sign_in_attempts("k1")?)).expect("clear");
    assert_eq!(count(store, "k1", 903, 3), 1);
    // k2's window began at 10, k1's at 903.
    let purged =
        write_blocking(store, |tx| Ok(tx.purge_sign_in_attempts(at(100))?)).expect("purge");
    assert_eq!(purged, 1);
    assert_eq!(count(store, "k2", 904, 4), 1, "k2 was purged");
    assert_eq!(count(store, "k1", 904, 4), 2, "k1 was kept");
    write_blocking(store, |tx| Ok(tx.forget_sign_in_attempt("k1")?)).expect("forget");
    assert_eq!(count(store, "k1", 905, 5), 2, "one attempt was taken back");
    for _ in 0..3 {
        write_blocking(store, |tx| Ok(tx.forget_sign_in_attempt("k1")?)).expect("forget");
    }
    assert_eq!(count(store, "k1", 906, 6), 1, "never below zero");
    write_blocking(store, |tx| Ok(tx.forget_sign_in_attempt("unknown")?)).expect("forget");
}

/// Forty concurrent attempts on one key each see a distinct count.
pub fn racing_sign_in_attempts_each_get_a_distinct_count(store: &dyn Store) {
    let barrier = std::sync::Barrier::new(40);
    let mut counts: Vec<u32> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..40)
            .map(|_| {
                let barrier = &barrier;
                s.spawn(move || {
                    barrier.wait();
                    count(store, "race", 0, -900)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a count"))
            .collect()
    });
    counts.sort_unstable();
    assert_eq!(counts, (1..=40).collect::<Vec<u32>>());
}
