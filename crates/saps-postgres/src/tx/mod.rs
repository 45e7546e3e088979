//! The port's data access inside one PostgreSQL transaction, which the runner
//! opens and ends: the transaction type and the row mapping every aggregate
//! shares here, one module per aggregate.
//!
//! Inserts that may meet a unique key use `ON CONFLICT DO NOTHING` and then
//! name the key that was taken, rather than letting the statement fail:
//! PostgreSQL aborts a transaction at its first failed statement, and a use
//! case must be able to see `Duplicate("voucher_code")`, draw another code and
//! carry on, as it can on SQLite.

mod deliverables;
mod enrollments;
mod idempotency;
mod jobs;
mod journal;
mod ledger;
mod notifications;
mod orgs;
mod outbox;
mod payments;
mod profiles;
mod program;
mod provider_agreements;
mod records;
mod sessions;
mod throttle;
mod training_days;
mod vouchers;
mod webhooks;

pub(crate) use journal::seal_existing;

use crate::db_error;
use crate::runner::Conn;
use jiff::Timestamp;
use jiff::civil::Date;
use postgres::Row;
use postgres::error::SqlState;
use postgres::types::{FromSql, ToSql};
use saps_core::port::StoreResult;
use saps_core::{Days, StoreError};
use uuid::Uuid;

type Param<'a> = &'a (dyn ToSql + Sync);

/// What the runner needs to know once the work has run.
pub(crate) struct Outcome {
    /// The first statement that failed: PostgreSQL has aborted the transaction.
    pub(crate) failed: Option<String>,
    /// A statement lost a race (deadlock, serialization failure) or the feed
    /// asked for a later snapshot: the work must run again.
    pub(crate) retry: bool,
}

/// Data access on a connection whose transaction the runner manages.
pub(crate) struct PgTx<'c> {
    conn: &'c mut Conn,
    /// A write transaction (rows read for update are locked); else read-only.
    writable: bool,
    /// Which run of the work this is, from 1.
    attempt: u32,
    /// Events appended so far in this transaction.
    events: i64,
    /// Companies whose locations, enrollments or records this transaction
    /// changed: their profiles' directory digest is written again before it
    /// commits ([`PgTx::before_commit`]).
    directory_stale: std::collections::BTreeSet<Uuid>,
    failed: Option<String>,
    retry: bool,
}

impl<'c> PgTx<'c> {
    pub(crate) fn new(conn: &'c mut Conn, writable: bool, attempt: u32) -> Self {
        Self {
            conn,
            writable,
            attempt,
            events: 0,
            directory_stale: std::collections::BTreeSet::new(),
            failed: None,
            retry: false,
        }
    }

    /// What a write transaction does once its work succeeded, before it
    /// commits: brings the directory's digest of the companies it changed
    /// up to date (once per company, however many records it wrote).
    /// (Nothing after a failed statement: the transaction rolls back.)
    pub(crate) fn before_commit(&mut self) -> StoreResult<()> {
        if self.failed.is_some() || self.retry {
            return Ok(());
        }
        self.refresh_directory()
    }

    pub(crate) fn finish(self) -> Outcome {
        Outcome {
            failed: self.failed,
            retry: self.retry,
        }
    }

    /// Records a failed statement and says what it means for the port.
    fn fail(&mut self, e: postgres::Error) -> StoreError {
        if e.as_db_error().is_some_and(|db| {
            *db.code() == SqlState::FEATURE_NOT_SUPPORTED && db.message().contains("cached plan")
        }) {
            // The schema changed under a prepared statement (another node
            // migrated): prepare again on the next attempt.
            self.conn.forget_statements();
            self.retry = true;
        }
        let err = db_error(e);
        if err == StoreError::Retry {
            self.retry = true;
        }
        if self.failed.is_none() {
            self.failed = Some(err.to_string());
        }
        err
    }

    fn rows(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<Vec<Row>> {
        let statement = match self.conn.prepare(sql) {
            Ok(s) => s,
            Err(e) => return Err(self.fail(e)),
        };
        match self.conn.client.query(&statement, params) {
            Ok(rows) => Ok(rows),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn row(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<Option<Row>> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }

    fn exec(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<u64> {
        let statement = match self.conn.prepare(sql) {
            Ok(s) => s,
            Err(e) => return Err(self.fail(e)),
        };
        match self.conn.client.execute(&statement, params) {
            Ok(n) => Ok(n),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn exists(&mut self, sql: &str, params: &[Param<'_>]) -> StoreResult<bool> {
        Ok(self.row(sql, params)?.is_some())
    }

    /// Runs an `INSERT … ON CONFLICT DO NOTHING`; when nothing was inserted,
    /// `name_key` says which key was taken.
    fn insert(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
        name_key: impl FnOnce(&mut Self) -> StoreResult<&'static str>,
    ) -> StoreResult<()> {
        if self.exec(sql, params)? == 1 {
            Ok(())
        } else {
            Err(StoreError::Duplicate(name_key(self)?))
        }
    }

    /// The lock a write takes on rows it reads in order to change them. `NO KEY`
    /// because the change never touches a key: it serializes two writers of
    /// the row without blocking inserts that merely reference it.
    fn for_update(&self) -> &'static str {
        if self.writable {
            " FOR NO KEY UPDATE"
        } else {
            ""
        }
    }
}

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(format!("unexpected stored value: {what}"))
}

fn get<'a, T: FromSql<'a>>(row: &'a Row, idx: usize) -> StoreResult<T> {
    row.try_get(idx)
        .map_err(|e| corrupt(format_args!("column {idx}: {e}")))
}

fn enum_col<T>(row: &Row, idx: usize, parse: fn(&str) -> Option<T>) -> StoreResult<T> {
    let s: &str = get(row, idx)?;
    parse(s).ok_or_else(|| corrupt(format_args!("column {idx}: unknown value {s:?}")))
}

fn days_col(row: &Row, idx: usize) -> StoreResult<Days> {
    let d: i32 = get(row, idx)?;
    u32::try_from(d)
        .map(Days)
        .map_err(|_| corrupt(format_args!("column {idx}: {d} days")))
}

fn u32_col(row: &Row, idx: usize) -> StoreResult<u32> {
    let n: i32 = get(row, idx)?;
    u32::try_from(n).map_err(|_| corrupt(format_args!("column {idx}: {n}")))
}

/// A count or number the schema keeps in an `integer` column.
fn int(n: impl TryInto<i32> + Copy + std::fmt::Display, what: &str) -> StoreResult<i32> {
    n.try_into()
        .map_err(|_| StoreError::Backend(format!("{what} {n} is out of range")))
}

/// Parameters of a statement built at run time.
#[derive(Default)]
struct Params(Vec<Box<dyn ToSql + Sync>>);

impl Params {
    /// Adds a value and returns its placeholder.
    fn bind(&mut self, v: impl ToSql + Sync + 'static) -> String {
        self.0.push(Box::new(v));
        format!("${}", self.0.len())
    }

    fn refs(&self) -> Vec<Param<'_>> {
        self.0.iter().map(|b| &**b as Param<'_>).collect()
    }
}
