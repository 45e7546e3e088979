//! The contract: What every aggregate relies on: a unit of work commits or leaves nothing,
//! and instants keep their precision.

use super::*;

/// Timestamps come back to the nanosecond, dates to the day.
pub fn timestamps_round_trip_to_the_nanosecond(store: &dyn Store) {
    let mut o = org(OrgKind::Customer, "Precise");
    o.created_at = "2024-02-29T23:59:59.123456789Z"
        .parse()
        .expect("a timestamp");
    insert_orgs(store, &[&o]);
    let mut a = agreement(&o, "A-1", 0);
    a.created_at = "1999-12-31T00:00:00.000000001Z"
        .parse()
        .expect("a timestamp");
    a.sa_start = date(2024, 2, 29);
    a.sa_end = date(2027, 2, 28);
    let stored = a.clone();
    write(store, move |tx| Ok(tx.insert_agreement(&stored)?));
    let id = o.id;
    assert_eq!(read(store, move |tx| Ok(tx.org(id)?)), Some(o));
    let id = a.id;
    assert_eq!(read(store, move |tx| Ok(tx.agreement(id)?)), Some(a));
}

/// Work that writes and then fails leaves nothing behind, while work running
/// at the same time (in the same batch, where the store batches) commits.
pub fn work_that_fails_after_writing_leaves_nothing_while_its_neighbours_commit(store: &dyn Store) {
    const THREADS: usize = 16;
    const EACH: usize = 12;
    let kept: Vec<Org> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                s.spawn(move || {
                    let mut kept = Vec::new();
                    for i in 0..EACH {
                        let o = org(OrgKind::Customer, &format!("customer {t}/{i}"));
                        let fails = (t + i) % 3 == 0;
                        let written = o.clone();
                        let outcome = write_blocking(store, move |tx| {
                            tx.insert_org(&written)?;
                            let a = agreement(&written, "A-1", 3);
                            tx.insert_agreement(&a)?;
                            if fails {
                                return Err(Error::forbidden("refused after writing"));
                            }
                            Ok(())
                        });
                        if fails {
                            assert_eq!(outcome, Err(Error::forbidden("refused after writing")));
                        } else {
                            outcome.expect("a neighbour commits");
                            kept.push(o);
                        }
                    }
                    kept
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a writer"))
            .collect()
    });
    assert!(kept.len() > THREADS * EACH / 2);
    let stored = read(store, |tx| Ok(tx.orgs(OrgKind::Customer)?));
    assert_eq!(
        sorted_by_id(stored, |o| o.id),
        sorted_by_id(kept.clone(), |o| o.id)
    );
    for o in kept {
        let id = o.id;
        assert_eq!(read(store, move |tx| Ok(tx.agreements(id)?)).len(), 1);
    }
}
