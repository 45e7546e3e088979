//! The pool's workers: each owns one connection, takes the next queued unit of
//! work, runs it in a transaction, retries it when PostgreSQL says it lost a
//! race, and replies once the outcome is durable.

use crate::tx::{Outcome as TxOutcome, PgTx};
use crate::{MAX_ATTEMPTS, db_error, is_retryable};
use postgres::{Client, Config, NoTls, Statement};
use saps_core::port::{PoolGauge, Reply, Work};
use saps_core::{Error, StoreError};
use std::any::Any;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Outcome = Result<Box<dyn Any + Send>, Error>;

/// Prepared statements kept per connection (the port has about fifty, plus
/// one per scope for the scoped lists).
const STATEMENT_CACHE: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    Write,
    Read,
}

pub(crate) struct Job {
    pub(crate) access: Access,
    pub(crate) work: Work,
    pub(crate) reply: Reply,
}

/// A pooled connection and its prepared statements.
pub(crate) struct Conn {
    pub(crate) client: Client,
    statements: HashMap<String, Statement>,
}

impl Conn {
    fn new(client: Client) -> Self {
        Self {
            client,
            statements: HashMap::new(),
        }
    }

    /// The prepared statement for `sql`, prepared once per connection.
    pub(crate) fn prepare(&mut self, sql: &str) -> Result<Statement, postgres::Error> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(sql)?;
        if self.statements.len() >= STATEMENT_CACHE {
            self.statements.clear();
        }
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }

    /// Forgets the prepared statements (after a schema change under them).
    pub(crate) fn forget_statements(&mut self) {
        self.statements.clear();
    }
}

/// What one attempt at a unit of work came to.
enum Attempt {
    Done(Outcome),
    /// Lost a race: run the work again.
    Retry,
    /// The connection broke before anything was committed: run the work
    /// again on a new connection.
    Reconnect(StoreError),
}

pub(crate) struct Worker {
    config: Arc<Config>,
    conn: Option<Conn>,
}

impl Worker {
    pub(crate) fn new(config: Arc<Config>, client: Option<Client>) -> Self {
        Self {
            config,
            conn: client.map(Conn::new),
        }
    }

    /// Runs queued work until the store is dropped and the queue is empty.
    pub(crate) fn serve(mut self, queue: &Mutex<Receiver<Job>>, pool: &PoolGauge) {
        loop {
            let next = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok(mut job) = next else { return };
            pool.taken(1);
            pool.busy();
            let outcome = self.run(job.access, &mut job.work);
            // Idle before the answer: whoever it wakes sees the connection free.
            pool.idle();
            answer(job.reply, outcome);
        }
    }

    fn connection(&mut self) -> Result<&mut Conn, StoreError> {
        if self.conn.as_ref().is_some_and(|c| c.client.is_closed()) {
            self.conn = None;
        }
        match &mut self.conn {
            Some(conn) => Ok(conn),
            slot @ None => {
                let client = self.config.connect(NoTls).map_err(db_error)?;
                Ok(slot.insert(Conn::new(client)))
            }
        }
    }

    fn run(&mut self, access: Access, work: &mut Work) -> Outcome {
        let mut attempt = 1;
        loop {
            let last = attempt >= MAX_ATTEMPTS;
            let conn = self.connection()?;
            match run_once(conn, access, work, attempt) {
                Attempt::Done(outcome) => return outcome,
                Attempt::Retry if !last => {}
                Attempt::Retry => {
                    tracing::warn!(attempts = attempt, "a unit of work kept losing races");
                    return Err(StoreError::Retry.into());
                }
                Attempt::Reconnect(e) => {
                    self.conn = None;
                    if last {
                        return Err(e.into());
                    }
                    tracing::warn!("lost the database connection, retrying: {e}");
                }
            }
            backoff(attempt);
            attempt += 1;
        }
    }
}

/// Sleeps a random while, growing with the attempts: 0.5–1 ms, 1–2 ms, …
/// up to 32–64 ms, so that the losers of a race do not meet again at once.
fn backoff(attempt: u32) {
    let cap_us = 1_000u64 << attempt.min(7).saturating_sub(1);
    let jitter = RandomState::new().hash_one(attempt) % (cap_us / 2 + 1);
    std::thread::sleep(Duration::from_micros(cap_us / 2 + jitter));
}

fn run_once(conn: &mut Conn, access: Access, work: &mut Work, attempt: u32) -> Attempt {
    let begin = match access {
        Access::Write => "BEGIN ISOLATION LEVEL READ COMMITTED",
        Access::Read => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    };
    if let Err(e) = conn.client.batch_execute(begin) {
        if connection_lost(conn, &e) {
            return Attempt::Reconnect(db_error(e));
        }
        return Attempt::Done(Err(db_error(e).into()));
    }

    let mut tx = PgTx::new(conn, access == Access::Write, attempt);
    let mut outcome = match catch_unwind(AssertUnwindSafe(|| work(&mut tx))) {
        Ok(outcome) => outcome,
        Err(panic) => {
            let message = panic_message(&*panic);
            tracing::error!("{message}");
            Err(StoreError::Backend(message).into())
        }
    };
    if access == Access::Write
        && outcome.is_ok()
        && let Err(e) = tx.before_commit()
    {
        outcome = Err(e.into());
    }
    let TxOutcome { failed, retry } = tx.finish();

    if conn.client.is_closed() {
        return Attempt::Reconnect(StoreError::Backend(
            "the connection to PostgreSQL was lost".into(),
        ));
    }
    let retry = retry || matches!(outcome, Err(Error::Store(StoreError::Retry)));
    if retry || outcome.is_err() || failed.is_some() {
        if let Err(e) = conn.client.batch_execute("ROLLBACK") {
            return Attempt::Reconnect(db_error(e));
        }
        if retry {
            return Attempt::Retry;
        }
        return Attempt::Done(match (outcome, failed) {
            (Err(e), _) => Err(e),
            // The work went on after a failed statement (PostgreSQL had already
            // aborted the transaction): it cannot have done what it thinks.
            (Ok(_), failed) => Err(StoreError::Backend(format!(
                "the work continued after a failed statement: {}",
                failed.unwrap_or_default()
            ))
            .into()),
        });
    }
    match conn.client.batch_execute("COMMIT") {
        Ok(()) => Attempt::Done(outcome),
        Err(e) if is_retryable(&e) => Attempt::Retry,
        Err(e) if connection_lost(conn, &e) => Attempt::Done(Err(StoreError::Backend(format!(
            "the connection was lost while committing; the outcome is unknown: {}",
            db_error(e)
        ))
        .into())),
        Err(e) => Attempt::Done(Err(db_error(e).into())),
    }
}

/// Whether `e` means the connection is gone (closed, or the server ended the
/// session: a `FATAL` error, an operator's shutdown, a connection exception).
/// The server's message may arrive before the driver notices the socket close.
fn connection_lost(conn: &Conn, e: &postgres::Error) -> bool {
    e.is_closed()
        || conn.client.is_closed()
        || e.as_db_error().is_some_and(|db| {
            let code = db.code().code();
            matches!(db.severity(), "FATAL" | "PANIC")
                || code.starts_with("08")
                || code.starts_with("57P")
        })
}

/// Calls a reply, which is the caller's code: its panic must not stop a worker.
pub(crate) fn answer(reply: Reply, outcome: Outcome) {
    if catch_unwind(AssertUnwindSafe(|| reply(outcome))).is_err() {
        tracing::error!("a store reply panicked");
    }
}

fn panic_message(panic: &(dyn Any + Send)) -> String {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into());
    format!("the work panicked: {what}")
}
