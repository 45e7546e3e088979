//! A fresh PostgreSQL database per test, on the server named by
//! `SAPS_TEST_DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/test`).
//!
//! Each test gets a database of its own (`CREATE DATABASE saps_t_<uuid v7>`):
//! nothing is shared, not even the migration lock, and dropping it removes
//! everything. When the server cannot be reached the test fails, naming the
//! variable to set; it never skips.
//!
//! Databases are dropped by [`TestDatabase`] (and [`FreshPgStore`]) when they
//! go out of scope; those handed out by [`fresh_database`] are reaped by a
//! later call once they are old and nobody is connected to them.

use saps_postgres::PgStore;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

/// The variable naming the test server.
pub const URL_VARIABLE: &str = "SAPS_TEST_DATABASE_URL";

/// What every test database's name starts with.
const PREFIX: &str = "saps_t_";

/// Databases older than this, with nobody connected, are left-overs.
const REAP_AFTER: Duration = Duration::from_secs(10 * 60);

/// The server tests run on (its maintenance database, where test databases
/// are created from).
pub fn test_database_url() -> String {
    std::env::var(URL_VARIABLE).unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// Creates a new, empty database and returns its URL. The database outlives
/// the caller; a later call reaps it once it is old and unused. Prefer
/// [`TestDatabase`] where a guard can be kept.
pub fn fresh_database() -> String {
    let db = TestDatabase::new();
    let url = db.url.clone();
    std::mem::forget(db);
    url
}

/// A database created for one test, dropped (with whatever is still
/// connected to it) when this goes out of scope.
#[derive(Debug)]
pub struct TestDatabase {
    name: String,
    url: String,
    server_url: String,
}

impl TestDatabase {
    /// Creates a new, empty database on the test server.
    pub fn new() -> Self {
        let server_url = test_database_url();
        let mut admin = connect(&server_url);
        reap(&mut admin);
        let name = format!("{PREFIX}{}", uuid::Uuid::now_v7().simple());
        if let Err(e) = admin.batch_execute(&format!("CREATE DATABASE {name}")) {
            panic!("cannot create a test database on the server {URL_VARIABLE} names: {e:?}");
        }
        let url = with_database(&server_url, &name);
        Self {
            name,
            url,
            server_url,
        }
    }

    /// The database's URL, for `PgStore::connect` and friends.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Default for TestDatabase {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let dropped =
            postgres::Client::connect(&self.server_url, postgres::NoTls).and_then(|mut c| {
                c.batch_execute(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                ))
            });
        if let Err(e) = dropped {
            // Not worth failing a test over: a later run reaps it.
            eprintln!("could not drop the test database {}: {e}", self.name);
        }
    }
}

/// A migrated [`PgStore`] on its own [`TestDatabase`]; it dereferences to the
/// store, and when dropped stops the store and then drops the database.
pub struct FreshPgStore {
    store: Option<PgStore>,
    db: TestDatabase,
}

impl FreshPgStore {
    pub fn new() -> Self {
        let db = TestDatabase::new();
        let store = PgStore::connect(db.url())
            .unwrap_or_else(|e| panic!("cannot open a PostgreSQL store on {}: {e}", db.name()));
        Self {
            store: Some(store),
            db,
        }
    }

    pub fn database(&self) -> &TestDatabase {
        &self.db
    }
}

impl Default for FreshPgStore {
    fn default() -> Self {
        Self::new()
    }
}

impl std::ops::Deref for FreshPgStore {
    type Target = PgStore;
    fn deref(&self) -> &PgStore {
        self.store.as_ref().expect("the store is open")
    }
}

impl Drop for FreshPgStore {
    fn drop(&mut self) {
        // The store finishes its queued work and closes its connections first.
        drop(self.store.take());
    }
}

fn connect(server_url: &str) -> postgres::Client {
    postgres::Client::connect(server_url, postgres::NoTls).unwrap_or_else(|e| {
        panic!(
            "cannot reach the PostgreSQL server for tests at {} ({e}); start one, or set \
             {URL_VARIABLE} to the URL of a server where this user may create databases \
             (the tests never skip)",
            redact(server_url)
        )
    })
}

/// The URL of database `name` on the server of `server_url`: a
/// `postgres://…/db?…` URL with its path replaced, or a `key=value` string
/// with a `dbname` added (a later key wins).
fn with_database(server_url: &str, name: &str) -> String {
    let Some(scheme_end) = server_url.find("://").map(|i| i + 3) else {
        return format!("{server_url} dbname={name}");
    };
    let (base, query) = match server_url.find('?') {
        Some(q) => server_url.split_at(q),
        None => (server_url, ""),
    };
    let authority_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    format!("{}/{name}{query}", &base[..authority_end])
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let rest = &url[scheme_end..];
    let authority = &rest[..rest.find(['/', '?']).unwrap_or(rest.len())];
    match authority.rfind('@') {
        Some(at) => match authority[..at].split_once(':') {
            Some((user, _)) => {
                url.replacen(authority, &format!("{user}:***{}", &authority[at..]), 1)
            }
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// Drops left-over test databases: older than [`REAP_AFTER`] (their name is a
/// UUID v7, which carries its creation time) and with nobody connected (plain
/// `DROP DATABASE` refuses otherwise). At most every half minute per process.
fn reap(admin: &mut postgres::Client) {
    static LAST: Mutex<Option<Instant>> = Mutex::new(None);
    {
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_some_and(|t| t.elapsed() < Duration::from_secs(30)) {
            return;
        }
        *last = Some(Instant::now());
    }
    let Ok(rows) = admin.query(
        "SELECT datname::text FROM pg_database WHERE datname LIKE 'saps\\_t\\_%'",
        &[],
    ) else {
        return;
    };
    let now = SystemTime::now();
    for row in rows {
        let name: String = row.get(0);
        let Some(created) = name
            .strip_prefix(PREFIX)
            .and_then(|hex| uuid::Uuid::try_parse(hex).ok())
            .and_then(|id| id.get_timestamp())
            .map(|ts| {
                let (secs, nanos) = ts.to_unix();
                SystemTime::UNIX_EPOCH + Duration::new(secs, nanos)
            })
        else {
            continue;
        };
        if now.duration_since(created).unwrap_or_default() > REAP_AFTER {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_name_replaces_the_one_in_the_url() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/test", "saps_t_1"),
            "postgres://postgres@127.0.0.1:5432/saps_t_1"
        );
        assert_eq!(
            with_database("postgres://u:p@h/test?sslmode=disable", "d"),
            "postgres://u:p@h/d?sslmode=disable"
        );
        assert_eq!(
            with_database("postgresql://h:5433", "d"),
            "postgresql://h:5433/d"
        );
        assert_eq!(with_database("postgres://h?x=1", "d"), "postgres://h/d?x=1");
        assert_eq!(
            with_database("host=/run/postgresql user=me", "d"),
            "host=/run/postgresql user=me dbname=d"
        );
    }

    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(
            redact("postgres://me:secret@h:5432/db"),
            "postgres://me:***@h:5432/db"
        );
        assert_eq!(redact("postgres://me@h/db"), "postgres://me@h/db");
    }

    #[test]
    fn a_test_database_is_empty_usable_and_gone_when_dropped() {
        let db = TestDatabase::new();
        let name = db.name().to_owned();
        let mut c = postgres::Client::connect(db.url(), postgres::NoTls).expect("connect");
        let current: String = c
            .query_one("SELECT current_database()::text", &[])
            .unwrap()
            .get(0);
        assert_eq!(current, name);
        drop(c);
        drop(db);
        let mut admin = connect(&test_database_url());
        let left = admin
            .query("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
            .unwrap();
        assert!(left.is_empty());
    }
}
