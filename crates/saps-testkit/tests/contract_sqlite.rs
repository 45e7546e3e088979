//! The store contract on SQLite: a fresh database file per test.

use saps_sqlite::SqliteStore;
use std::path::PathBuf;

/// A store on a new database in its own temporary directory, which is
/// removed once the store has stopped.
struct FreshSqlite {
    store: Option<SqliteStore>,
    dir: PathBuf,
}

impl FreshSqlite {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("saps-contract-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let store = SqliteStore::open(&dir.join("saps.db")).expect("a fresh SQLite store");
        Self {
            store: Some(store),
            dir,
        }
    }
}

impl std::ops::Deref for FreshSqlite {
    type Target = SqliteStore;
    fn deref(&self) -> &SqliteStore {
        self.store.as_ref().expect("the store is open")
    }
}

impl Drop for FreshSqlite {
    fn drop(&mut self) {
        drop(self.store.take());
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

saps_testkit::contract_tests!(FreshSqlite::new);
