//! The port's data access on one SQLite connection, inside whatever
//! transaction or savepoint the caller opened: the transaction type and the
//! row mapping every aggregate shares here, one module per aggregate.

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
use rusqlite::types::{Type, Value};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};
use saps_core::port::StoreResult;
use saps_core::{Days, StoreError};
use std::fmt::Display;
use std::str::FromStr;

/// A timestamp at rest: rounded down to the microsecond, the precision both
/// stores keep, as RFC 3339 UTC with nine fractional digits (the last three
/// zeros), so that the text sorts in time order among the rows written before
/// and round-trips exactly.
pub(crate) fn timestamp(t: jiff::Timestamp) -> String {
    let micros = t
        .round(
            jiff::TimestampRound::new()
                .smallest(jiff::Unit::Microsecond)
                .mode(jiff::RoundMode::Floor),
        )
        .unwrap_or(t);
    format!("{micros:.9}")
}

/// Text forms of a bulk insert's values written into buffers the caller
/// reuses, rather than a new string per value and row; the (usually shared)
/// instant is formatted once.
pub(crate) struct Texts {
    ids: [[u8; 36]; 3],
    day: [u8; 16],
    at: Option<(jiff::Timestamp, String)>,
}

/// The stored text of up to three ids, a day and an instant.
pub(crate) struct Formatted<'a> {
    pub(crate) ids: [&'a str; 3],
    pub(crate) day: &'a str,
    pub(crate) at: &'a str,
}

impl Default for Texts {
    fn default() -> Self {
        Self {
            ids: [[0; 36]; 3],
            day: [0; 16],
            at: None,
        }
    }
}

/// An id's text in `buf`, or nothing.
fn id_text(buf: &mut [u8; 36], v: Option<uuid::Uuid>) -> &str {
    match v {
        Some(u) => u.hyphenated().encode_lower(buf),
        None => "",
    }
}

impl Texts {
    pub(crate) fn format(
        &mut self,
        ids: [Option<uuid::Uuid>; 3],
        day: Option<jiff::civil::Date>,
        at: jiff::Timestamp,
    ) -> Formatted<'_> {
        if self.at.as_ref().is_none_or(|(t, _)| *t != at) {
            self.at = Some((at, timestamp(at)));
        }
        let day = match day {
            Some(d) => {
                use std::io::Write as _;
                let mut cursor = std::io::Cursor::new(&mut self.day[..]);
                // A civil date's text is at most 11 bytes (-009999-01-01 is not a civil date).
                let _ = write!(cursor, "{d}");
                let n = cursor.position() as usize;
                std::str::from_utf8(&self.day[..n]).unwrap_or_default()
            }
            None => "",
        };
        let [a, b, c] = &mut self.ids;
        Formatted {
            ids: [id_text(a, ids[0]), id_text(b, ids[1]), id_text(c, ids[2])],
            day,
            at: self.at.as_ref().map_or("", |(_, s)| s.as_str()),
        }
    }
}

/// A column that held something other than what was stored.
#[derive(Debug)]
struct Corrupt(String);

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Corrupt {}

fn corrupt(idx: usize, what: impl Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(Corrupt(what.to_string())))
}

/// A text column parsed into a domain type.
fn col<T>(r: &Row<'_>, idx: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: Display,
{
    let s: String = r.get(idx)?;
    s.parse()
        .map_err(|e| corrupt(idx, format_args!("{s:?}: {e}")))
}

/// A nullable text column parsed into a domain type.
fn opt_col<T>(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<T>>
where
    T: FromStr,
    T::Err: Display,
{
    let s: Option<String> = r.get(idx)?;
    s.map(|s| {
        s.parse()
            .map_err(|e| corrupt(idx, format_args!("{s:?}: {e}")))
    })
    .transpose()
}

fn enum_col<T>(r: &Row<'_>, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = r.get(idx)?;
    parse(&s).ok_or_else(|| corrupt(idx, format_args!("unknown value {s:?}")))
}

fn days_col(r: &Row<'_>, idx: usize) -> rusqlite::Result<Days> {
    Ok(Days(r.get::<_, u32>(idx)?))
}

fn text(v: impl Display) -> Value {
    Value::Text(v.to_string())
}

fn opt_string<T: ToString>(v: Option<T>) -> Option<String> {
    v.map(|v| v.to_string())
}

/// Data access on a connection whose transaction the store manages.
pub(crate) struct SqliteTx<'c> {
    pub(crate) conn: &'c Connection,
    /// Companies whose locations, enrollments or competencies this unit of
    /// work changed: their profiles' directory tokens are written again
    /// when it ends ([`SqliteTx::end_of_work`]).
    pub(crate) directory_stale: std::collections::BTreeSet<uuid::Uuid>,
}

impl<'c> SqliteTx<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Self {
        Self {
            conn,
            directory_stale: std::collections::BTreeSet::new(),
        }
    }

    /// What a unit of work does once it succeeded, inside its transaction
    /// (or savepoint): brings the directory's tokens of the companies it
    /// changed up to date (once per company, however many rows it wrote).
    pub(crate) fn end_of_work(&mut self) -> StoreResult<()> {
        self.refresh_directory()
    }
}

impl SqliteTx<'_> {
    fn one<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<Option<T>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(db_error)?;
        stmt.query_row(params, map).optional().map_err(db_error)
    }

    fn all<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(db_error)?;
        let rows = stmt.query_map(params, map).map_err(db_error)?;
        rows.collect::<rusqlite::Result<Vec<T>>>().map_err(db_error)
    }

    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> StoreResult<usize> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(db_error)?;
        stmt.execute(params).map_err(db_error)
    }
}
