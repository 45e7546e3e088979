//! The store contract for job leases: a due job is leased by one node at a
//! time, its run is recorded once per period, and an expired lease is taken
//! over. Listed in [`contract_tests!`](crate::contract_tests).

use jiff::{SignedDuration, Timestamp};
use saps_core::port::{JobRecord, LeaseRequest, Store, read_blocking, write_blocking};

/// An instant `s` seconds after a fixed start (whole seconds: both databases
/// store them exactly).
fn at(s: i64) -> Timestamp {
    Timestamp::from_second(1_600_000_000 + s).expect("in range")
}

/// Asks for `job`'s lease for `holder`: real time `now` (the lease runs a
/// minute), program time `program_now`, due when it last ran a minute or
/// more before, or more than a minute after (the program clock went back).
fn lease(
    store: &dyn Store,
    job: &'static str,
    holder: &'static str,
    now: i64,
    program_now: i64,
) -> bool {
    write_blocking(store, move |tx| {
        Ok(tx.lease_job(&LeaseRequest {
            job,
            holder,
            now: at(now),
            until: at(now) + SignedDuration::from_secs(60),
            due_if_before: at(program_now) - SignedDuration::from_secs(60),
            due_if_after: at(program_now) + SignedDuration::from_secs(60),
        })?)
    })
    .expect("the lease write succeeds")
}

fn finish(store: &dyn Store, job: &'static str, holder: &'static str, ran_at: i64) -> bool {
    write_blocking(store, move |tx| {
        Ok(tx.finish_job(job, holder, at(ran_at))?)
    })
    .expect("the write succeeds")
}

fn record(store: &dyn Store, job: &'static str) -> Option<JobRecord> {
    read_blocking(store, move |tx| Ok(tx.job(job)?)).expect("the read succeeds")
}

/// A job never run is due; while leased nobody else gets it; once its run is
/// recorded it is not due again until its period has passed on the program
/// clock (or the program clock went back before its last run).
pub fn a_due_job_is_leased_by_one_holder_and_runs_once_per_period(store: &dyn Store) {
    assert_eq!(record(store, "expire"), None);
    assert!(lease(store, "expire", "a", 0, 1000));
    assert_eq!(
        record(store, "expire").and_then(|r| r.lease),
        Some(("a".to_owned(), at(60)))
    );
    assert!(!lease(store, "expire", "b", 1, 1001), "the lease is held");
    assert!(
        !finish(store, "expire", "b", 1000),
        "only the holder records a run"
    );
    assert!(finish(store, "expire", "a", 1000));
    let r = record(store, "expire").expect("recorded");
    assert_eq!((r.last_run, r.lease, r.runs), (Some(at(1000)), None, 1));

    assert!(
        !lease(store, "expire", "b", 2, 1030),
        "ran less than a period ago"
    );
    assert!(
        lease(store, "other", "b", 2, 1030),
        "jobs are leased one by one"
    );
    assert!(lease(store, "expire", "b", 3, 1060), "a period has passed");
    write_blocking(store, |tx| Ok(tx.release_job("expire", "b")?)).expect("release");
    let r = record(store, "expire").expect("recorded");
    assert_eq!(
        (r.last_run, r.lease, r.runs),
        (Some(at(1000)), None, 1),
        "a release records no run"
    );
    assert!(lease(store, "expire", "a", 4, 1060));
    assert!(finish(store, "expire", "a", 1060));
    assert!(
        lease(store, "expire", "a", 5, 500),
        "the program clock went back"
    );
    assert!(finish(store, "expire", "a", 500));
    assert_eq!(
        record(store, "expire").map(|r| (r.last_run, r.runs)),
        Some((Some(at(500)), 3))
    );
}

/// A holder that died lets its lease expire: another node takes the job over,
/// and the first holder can no longer record a run.
pub fn an_expired_job_lease_is_taken_over(store: &dyn Store) {
    assert!(lease(store, "remove", "a", 0, 1000));
    assert!(!lease(store, "remove", "b", 59, 1000));
    assert!(
        lease(store, "remove", "b", 61, 1000),
        "a's lease ended at 60"
    );
    assert!(!finish(store, "remove", "a", 1000));
    assert!(finish(store, "remove", "b", 1000));
    assert_eq!(record(store, "remove").map(|r| r.runs), Some(1));
}

/// Thirty-two nodes asking for one due job at once: exactly one holds it.
pub fn racing_nodes_lease_a_job_exactly_once(store: &dyn Store) {
    const HOLDERS: [&str; 32] = [
        "n00", "n01", "n02", "n03", "n04", "n05", "n06", "n07", "n08", "n09", "n10", "n11", "n12",
        "n13", "n14", "n15", "n16", "n17", "n18", "n19", "n20", "n21", "n22", "n23", "n24", "n25",
        "n26", "n27", "n28", "n29", "n30", "n31",
    ];
    let barrier = std::sync::Barrier::new(HOLDERS.len());
    let winners: Vec<&str> = std::thread::scope(|s| {
        let handles: Vec<_> = HOLDERS
            .iter()
            .map(|holder| {
                let barrier = &barrier;
                s.spawn(move || {
                    barrier.wait();
                    lease(store, "race", holder, 0, 1000).then_some(*holder)
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| h.join().expect("a lease"))
            .collect()
    });
    assert_eq!(winners.len(), 1, "{winners:?}");
    let held = record(store, "race").and_then(|r| r.lease).map(|(h, _)| h);
    assert_eq!(held.as_deref(), Some(winners[0]));
}
