//! Which database saps runs on: the one place that knows both storage
//! adapters. The use cases and the HTTP surface see only the storage port.

use saps_core::Error;
use saps_core::port::Store;
use std::path::Path;
use std::sync::Arc;

/// What a database setting names.
enum Database<'a> {
    Postgres(&'a str),
    Sqlite(&'a Path),
}

/// A `postgres://` (or `postgresql://`) URL, else a path to an SQLite file,
/// optionally `sqlite:` or `sqlite://` prefixed.
fn parse(database: &str) -> Database<'_> {
    if database.starts_with("postgres://") || database.starts_with("postgresql://") {
        Database::Postgres(database)
    } else {
        let path = database.strip_prefix("sqlite:").unwrap_or(database);
        let path = path.strip_prefix("//").unwrap_or(path);
        Database::Sqlite(Path::new(path))
    }
}

/// Opens the store named by a database setting, migrating it first.
pub fn open_store(database: &str) -> Result<Arc<dyn Store>, Error> {
    Ok(match parse(database) {
        Database::Postgres(url) => Arc::new(saps_postgres::PgStore::connect(url)?),
        Database::Sqlite(path) => Arc::new(saps_sqlite::SqliteStore::open(path)?),
    })
}

/// Runs migrations only.
pub fn migrate(database: &str) -> Result<(), Error> {
    match parse(database) {
        Database::Postgres(url) => Ok(saps_postgres::migrate(url)?),
        Database::Sqlite(path) => Ok(saps_sqlite::migrate(path)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_postgres_and_anything_else_an_sqlite_file() {
        assert!(matches!(parse("postgres://u@h/db"), Database::Postgres(_)));
        assert!(matches!(
            parse("postgresql://u@h/db"),
            Database::Postgres(_)
        ));
        for s in ["saps.db", "sqlite:saps.db", "sqlite://saps.db"] {
            assert!(
                matches!(parse(s), Database::Sqlite(p) if p == Path::new("saps.db")),
                "{s}"
            );
        }
    }
}
