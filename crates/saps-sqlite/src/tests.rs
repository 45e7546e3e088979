//! The writer's group commit: savepoints isolate failing work, panics are
//! contained, and replies come only after the commit.

use super::*;
use saps_core::port::{Tx, read_blocking, write_blocking};
use saps_core::{Org, OrgId, OrgKind};
use std::sync::mpsc::sync_channel;

/// A database file in its own temporary directory, removed when dropped.
struct TempDb {
    dir: PathBuf,
}

impl TempDb {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("saps-sqlite-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        Self { dir }
    }

    fn path(&self) -> PathBuf {
        self.dir.join("saps.db")
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn org(name: &str) -> Org {
    Org {
        id: OrgId::new(),
        kind: OrgKind::Customer,
        name: name.into(),
        country: "FR".into(),
        benefit_active: false,
        // To the microsecond, the precision the store keeps.
        created_at: jiff::Timestamp::from_microsecond(jiff::Timestamp::now().as_microsecond())
            .expect("a time in range"),
    }
}

fn customers(store: &dyn Store) -> Vec<Org> {
    read_blocking(store, |tx| Ok(tx.orgs(OrgKind::Customer)?)).expect("orgs")
}

/// Queues `n` writes at once (so that they share batches) and collects the
/// outcomes; every third one writes and then fails, every seventh panics.
fn queue_mixed_writes(store: &dyn Store, n: usize) -> Vec<(Org, Result<(), saps_core::Error>)> {
    let (done_tx, done_rx) = sync_channel(n);
    let orgs: Vec<Org> = (0..n).map(|i| org(&format!("customer {i}"))).collect();
    for (i, o) in orgs.iter().cloned().enumerate() {
        let done = done_tx.clone();
        let work: Work = Box::new(move |tx: &mut dyn Tx| {
            tx.insert_org(&o)?;
            if i % 7 == 0 {
                panic!("job {i} panics after writing");
            }
            if i % 3 == 0 {
                return Err(saps_core::Error::invalid("test", "fails after writing"));
            }
            Ok(Box::new(()) as Box<dyn Any + Send>)
        });
        store.write(
            work,
            Box::new(move |outcome| drop(done.send((i, outcome.map(drop))))),
        );
    }
    let mut outcomes: Vec<_> = (0..n).map(|_| done_rx.recv().expect("a reply")).collect();
    outcomes.sort_by_key(|(i, _)| *i);
    orgs.into_iter()
        .zip(outcomes)
        .map(|(o, (_, outcome))| (o, outcome))
        .collect()
}

#[test]
fn failing_and_panicking_work_leaves_nothing_while_its_neighbours_commit() {
    let db = TempDb::new();
    let store = SqliteStore::open(&db.path()).expect("open");
    let outcomes = queue_mixed_writes(&store, 300);

    let mut expected = Vec::new();
    for (i, (o, outcome)) in outcomes.into_iter().enumerate() {
        match outcome {
            Ok(()) => {
                assert!(i % 3 != 0 && i % 7 != 0, "job {i} should have failed");
                expected.push(o);
            }
            Err(saps_core::Error::Store(StoreError::Backend(m))) => {
                assert_eq!(i % 7, 0, "job {i}: {m}");
                assert!(m.contains("panicked"), "{m}");
            }
            Err(saps_core::Error::Invalid { .. }) => assert!(i % 3 == 0 && i % 7 != 0),
            Err(other) => panic!("job {i}: unexpected {other:?}"),
        }
    }
    expected.sort_by_key(|o| o.id);
    assert_eq!(customers(&store), expected);
}

#[test]
fn many_threads_writing_at_once_all_commit_except_those_that_fail() {
    let db = TempDb::new();
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&db.path()).expect("open"));
    let threads: Vec<_> = (0..16)
        .map(|t| {
            let store = store.clone();
            std::thread::spawn(move || {
                let mut kept = Vec::new();
                for i in 0..25 {
                    let o = org(&format!("customer {t}/{i}"));
                    let fail = i % 4 == 0;
                    let written = o.clone();
                    let outcome = write_blocking(&*store, move |tx| {
                        tx.insert_org(&written)?;
                        if fail {
                            return Err(saps_core::Error::forbidden("no"));
                        }
                        Ok(())
                    });
                    assert_eq!(outcome.is_ok(), !fail);
                    if !fail {
                        kept.push(o);
                    }
                }
                kept
            })
        })
        .collect();
    let mut expected: Vec<Org> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("a writer thread"))
        .collect();
    expected.sort_by_key(|o| o.id);
    assert_eq!(expected.len(), 16 * 18);
    assert_eq!(customers(&*store), expected);
}

#[test]
fn the_writer_survives_a_panic_and_keeps_writing() {
    let db = TempDb::new();
    let store = SqliteStore::open(&db.path()).expect("open");
    let panicked = write_blocking(&store, |_tx| -> Result<(), saps_core::Error> {
        panic!("boom")
    });
    assert!(
        matches!(panicked, Err(saps_core::Error::Store(StoreError::Backend(ref m))) if m.contains("boom")),
        "{panicked:?}"
    );
    let o = org("after the panic");
    let written = o.clone();
    write_blocking(&store, move |tx| Ok(tx.insert_org(&written)?)).expect("a later write");
    assert_eq!(customers(&store), vec![o]);
}

#[test]
fn committed_work_is_there_after_reopening_and_migrations_run_once() {
    let db = TempDb::new();
    let o = org("durable");
    {
        let store = SqliteStore::open(&db.path()).expect("open");
        let written = o.clone();
        write_blocking(&store, move |tx| Ok(tx.insert_org(&written)?)).expect("write");
    }
    migrate(&db.path()).expect("migrating again is harmless");
    let store = SqliteStore::open(&db.path()).expect("reopen");
    assert_eq!(customers(&store), vec![o]);
    let conn = Connection::open(db.path()).expect("inspect");
    let steps: Vec<String> = conn
        .prepare("SELECT version FROM schema_migrations ORDER BY version")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("steps");
    let expected: Vec<String> = MIGRATIONS.iter().map(|(v, _)| (*v).to_owned()).collect();
    assert_eq!(steps, expected);
}

#[test]
fn a_read_cannot_write() {
    let db = TempDb::new();
    let store = SqliteStore::open(&db.path()).expect("open");
    let o = org("sneaky");
    let outcome = read_blocking(&store, move |tx| Ok(tx.insert_org(&o)?));
    assert!(
        matches!(
            outcome,
            Err(saps_core::Error::Store(StoreError::Backend(_)))
        ),
        "{outcome:?}"
    );
    assert!(customers(&store).is_empty());
}

#[test]
fn the_description_names_sqlite_and_its_durability() {
    let db = TempDb::new();
    let store = SqliteStore::open(&db.path()).expect("open");
    let d = store.describe();
    assert!(d.starts_with("SQLite 3."), "{d}");
    assert!(d.contains("WAL, synchronous=FULL"), "{d}");
}
