//! PostgreSQL under contention: a failed statement aborts the transaction,
//! lost races (deadlocks, serialization failures) are run again inside the
//! store, and two nodes claiming mail at once skip each other's rows.

mod common;

use common::{TestDb, now, org};
use saps_core::port::{OutgoingMail, Store, Tx, Work, read_blocking, write_blocking};
use saps_core::{Error, Location, LocationId, OrgId, OrgKind, StoreError};
use std::any::Any;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Barrier};
use std::time::Duration;

#[test]
fn a_work_that_swallows_a_failed_statement_is_not_reported_as_done() {
    let db = TestDb::new();
    let store = db.store();
    let o = org(OrgKind::Customer, "Orphan");
    let mut l = Location {
        id: LocationId::new(),
        partner_id: OrgId::new(), // no such partner: a foreign key fails
        name: "Nowhere".into(),
        country: "FR".into(),
        city: "Nowhere".into(),
    };
    let o2 = o.clone();
    let r = write_blocking(&store, move |tx| {
        tx.insert_org(&o2)?;
        let failed = tx.insert_location(&l).is_err();
        l.id = LocationId::new();
        Ok(failed)
    });
    assert!(
        matches!(r, Err(Error::Store(StoreError::Backend(_)))),
        "{r:?}"
    );
    assert_eq!(
        read_blocking(&store, move |tx| Ok(tx.org(o.id)?)).unwrap(),
        None
    );
}

#[test]
fn a_lost_race_is_retried_inside_the_store() {
    let db = TestDb::new();
    let store = db.store();
    let attempts = Arc::new(AtomicUsize::new(0));
    let a2 = attempts.clone();
    let o = org(OrgKind::Customer, "Second time lucky");
    let o2 = o.clone();
    write_blocking(&store, move |tx| {
        tx.insert_org(&o2)?;
        if a2.fetch_add(1, Ordering::SeqCst) == 0 {
            return Err(StoreError::Retry.into());
        }
        Ok(())
    })
    .expect("the second attempt commits");
    assert_eq!(attempts.load(Ordering::SeqCst), 2);
    assert!(
        read_blocking(&store, move |tx| Ok(tx.org(o.id)?))
            .unwrap()
            .is_some()
    );
}

#[test]
fn a_deadlock_is_retried_inside_the_store_and_both_works_commit() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(4));
    let (o1, o2) = (org(OrgKind::Customer, "One"), org(OrgKind::Customer, "Two"));
    let (a, b) = (o1.clone(), o2.clone());
    write_blocking(&*store, move |tx| {
        tx.insert_org(&a)?;
        tx.insert_org(&b)?;
        Ok(())
    })
    .unwrap();

    let barrier = Arc::new(Barrier::new(2));
    let attempts = Arc::new(AtomicUsize::new(0));
    let (done_tx, done_rx) = channel();
    for (first, second) in [(o1.id, o2.id), (o2.id, o1.id)] {
        let (barrier, attempts, done) = (barrier.clone(), attempts.clone(), done_tx.clone());
        let mut tried = false;
        let work: Work = Box::new(move |tx: &mut dyn Tx| {
            attempts.fetch_add(1, Ordering::SeqCst);
            tx.set_benefit_active(first, true)?;
            if !tried {
                tried = true;
                barrier.wait();
            }
            tx.set_benefit_active(second, true)?;
            Ok(Box::new(()) as Box<dyn Any + Send>)
        });
        store.write(work, Box::new(move |r| drop(done.send(r.map(drop)))));
    }
    for _ in 0..2 {
        let r = done_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("a reply");
        assert_eq!(r, Ok(()));
    }
    // At least one of the two ran again; under heavy load PostgreSQL may pick a
    // victim more than once before the two interleave apart.
    assert!(
        attempts.load(Ordering::SeqCst) >= 3,
        "one of the two ran again"
    );
}

#[test]
fn two_nodes_claiming_mail_at_once_take_different_mails() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(4));
    let mails: Vec<OutgoingMail> = (0..6)
        .map(|i| OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: format!("u{i}@example.com"),
            subject: "s".into(),
            body: "b".into(),
            created_at: now(),
            attempts: 0,
            html: None,
        })
        .collect();
    let m2 = mails.clone();
    write_blocking(&*store, move |tx| {
        for m in &m2 {
            tx.enqueue_mail(m)?;
        }
        Ok(())
    })
    .unwrap();

    // The first claims three and holds them until it is told to finish.
    let (claimed_tx, claimed_rx) = sync_channel(1);
    let (finish_tx, finish_rx) = sync_channel::<()>(1);
    let finish_rx = Arc::new(std::sync::Mutex::new(finish_rx));
    let (done_tx, done_rx) = sync_channel(1);
    let work: Work = Box::new(move |tx: &mut dyn Tx| {
        let mine: Vec<_> = tx.pending_mail(3)?.into_iter().map(|m| m.id).collect();
        claimed_tx.send(mine.clone()).unwrap();
        finish_rx.lock().unwrap().recv().unwrap();
        Ok(Box::new(mine) as Box<dyn Any + Send>)
    });
    store.write(
        work,
        Box::new(move |r| {
            let _ = done_tx.send(r.is_ok());
        }),
    );
    let first = claimed_rx.recv().unwrap();
    let second: Vec<_> = write_blocking(&*store, |tx| {
        Ok(tx
            .pending_mail(10)?
            .into_iter()
            .map(|m| m.id)
            .collect::<Vec<_>>())
    })
    .unwrap();
    finish_tx.send(()).unwrap();
    assert!(done_rx.recv().unwrap());
    assert_eq!(first, mails[..3].iter().map(|m| m.id).collect::<Vec<_>>());
    assert_eq!(second, mails[3..].iter().map(|m| m.id).collect::<Vec<_>>());
}
