//! The contract: training days each agreement holds.

use super::*;

/// An agreement holds no training days until some are granted; grants add up
/// and a take succeeds only for what is held, writing nothing otherwise.
pub fn training_days_add_up_and_are_taken_only_when_held(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let id = c.agreement.id;
    assert_eq!(read(store, move |tx| Ok(tx.training_days(id)?)), 0);
    write(store, move |tx| Ok(tx.grant_training_days(id, 3)?));
    write(store, move |tx| Ok(tx.grant_training_days(id, 2)?));
    assert_eq!(read(store, move |tx| Ok(tx.training_days(id)?)), 5);
    assert!(!write(store, move |tx| Ok(tx.take_training_days(id, 6)?)));
    assert_eq!(read(store, move |tx| Ok(tx.training_days(id)?)), 5);
    assert!(write(store, move |tx| Ok(tx.take_training_days(id, 5)?)));
    assert_eq!(read(store, move |tx| Ok(tx.training_days(id)?)), 0);
    assert!(!write(store, move |tx| Ok(tx.take_training_days(id, 1)?)));
    let other = AgreementId::new();
    assert!(!write(
        store,
        move |tx| Ok(tx.take_training_days(other, 1)?)
    ));
}

/// Racing takes of the same days: exactly one wins.
pub fn racing_takes_of_training_days_let_exactly_one_win(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let id = c.agreement.id;
    write(store, move |tx| Ok(tx.grant_training_days(id, 4)?));
    let won = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                if write(store, move |tx| Ok(tx.take_training_days(id, 4)?)) {
                    won.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
            });
        }
    });
    assert_eq!(won.into_inner(), 1);
    assert_eq!(read(store, move |tx| Ok(tx.training_days(id)?)), 0);
}
