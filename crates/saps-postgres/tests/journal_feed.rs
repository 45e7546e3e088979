//! The journal feed on PostgreSQL, where event numbers are not handed out in
//! commit order: a reader never sees an event while an older transaction
//! that may still append one is running in this database (and only in this
//! one).

mod common;

use common::{TestDb, event};
use saps_core::Scope;
use saps_core::port::{Store, Tx, Work, read_blocking, write_blocking};
use std::any::Any;
use std::sync::Arc;
use std::sync::mpsc::sync_channel;

#[test]
fn the_feed_holds_back_events_until_an_older_transaction_has_finished() {
    let db = TestDb::new();
    let store = Arc::new(db.store_with_pool(4));

    // An older transaction appends an event and stays open.
    let (appended_tx, appended_rx) = sync_channel(1);
    let (finish_tx, finish_rx) = sync_channel::<()>(1);
    let finish_rx = Arc::new(std::sync::Mutex::new(finish_rx));
    let (done_tx, done_rx) = sync_channel(1);
    let work: Work = Box::new(move |tx: &mut dyn Tx| {
        let seq = tx.append_event(&event("older", None, None))?;
        appended_tx.send(seq).unwrap();
        finish_rx.lock().unwrap().recv().unwrap();
        Ok(Box::new(seq) as Box<dyn Any + Send>)
    });
    store.write(
        work,
        Box::new(move |r| {
            let _ = done_tx.send(r.is_ok());
        }),
    );
    let older = appended_rx.recv().unwrap();

    // A younger one commits first.
    let younger = write_blocking(&*store, |tx| {
        Ok(tx.append_event(&event("younger", None, None))?)
    })
    .unwrap();
    assert!(older < younger, "feed order is transaction order");

    // A poller must not see the younger event yet: if it did, its cursor
    // would pass the older one, which is still to come.
    let seen = read_blocking(&*store, |tx| Ok(tx.events_after(Scope::All, 0, 10)?)).unwrap();
    assert!(seen.is_empty(), "{seen:?}");

    finish_tx.send(()).unwrap();
    assert!(done_rx.recv().unwrap());
    let seen = read_blocking(&*store, |tx| Ok(tx.events_after(Scope::All, 0, 10)?)).unwrap();
    let seqs: Vec<_> = seen.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [older, younger]);
}

#[test]
fn a_transaction_in_another_database_does_not_hold_the_feed_back() {
    let db = TestDb::new();
    let store = db.store();
    // An older transaction with a transaction id, open in another database
    // of the same server (as another test's, or another application's).
    let mut elsewhere = postgres::Client::connect(&db.admin_url, postgres::NoTls).unwrap();
    let mut open = elsewhere.transaction().unwrap();
    open.query_one("SELECT pg_current_xact_id()", &[]).unwrap();

    let seq = write_blocking(&store, |tx| Ok(tx.append_event(&event("now", None, None))?)).unwrap();
    let seen = read_blocking(&store, |tx| Ok(tx.events_after(Scope::All, 0, 10)?)).unwrap();
    assert_eq!(seen.iter().map(|e| e.seq).collect::<Vec<_>>(), [seq]);
    open.rollback().unwrap();
}
