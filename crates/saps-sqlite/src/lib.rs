//! The embedded SQLite storage adapter: one writer thread that group-commits
//! whatever work is waiting (one savepoint per unit of work, one sync per
//! batch) and a small pool of reader threads on read-only connections.
//!
//! Nothing is acknowledged before it is durable: a unit of work's reply is
//! called only after the batch it ran in has committed with
//! `synchronous=FULL`.

#![forbid(unsafe_code)]

mod schema;
mod tx;

pub use schema::MIGRATIONS;

use rusqlite::{Connection, OpenFlags};
use saps_core::StoreError;
use saps_core::port::{PoolGauge, PoolStats, Reply, Store, Work};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::thread::{JoinHandle, ThreadId};
use std::time::{Duration, Instant};
use tx::SqliteTx;

/// At most this many units of work share one transaction.
const MAX_BATCH: usize = 256;
/// Read-only connections, each on its own thread.
const READERS: usize = 4;
/// Prepared statements kept per connection (the port has about fifty).
const STATEMENT_CACHE: usize = 128;

/// A unit of work, where its outcome goes, and whether it is a bulk write
/// (see [`Store::write_bulk`]).
type Job = (Work, Reply, bool);
type Outcome = Result<Box<dyn Any + Send>, saps_core::Error>;

/// An SQLite database file, opened for the application.
pub struct SqliteStore {
    writer: Option<Sender<Job>>,
    readers: Option<Sender<Job>>,
    /// Dropped to stop the checkpointer.
    checkpointer: Option<Sender<()>>,
    threads: Vec<JoinHandle<()>>,
    thread_ids: Vec<ThreadId>,
    description: String,
    /// The writer's and the readers' connections together.
    pool: Arc<PoolGauge>,
}

/// Runs the embedded migrations on the database at `path` (creating it), and
/// nothing else.
pub fn migrate(path: &Path) -> Result<(), StoreError> {
    let conn = open_writer(path)?;
    schema::migrate(&conn)
}

/// Turns a driver error into the port's: unique keys become `Duplicate` with
/// the name the port documents, a database busy beyond the timeout `Retry`,
/// everything else is a backend failure.
pub(crate) fn db_error(e: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::SqliteFailure(err, Some(msg)) = &e
        && err.code == rusqlite::ErrorCode::ConstraintViolation
        && let Some(cols) = msg.strip_prefix("UNIQUE constraint failed: ")
    {
        return StoreError::Duplicate(duplicate_name(cols));
    }
    if let rusqlite::Error::SqliteFailure(err, _) = &e
        && matches!(
            err.code,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        )
    {
        // Another process held the database past the busy timeout.
        return StoreError::Retry;
    }
    StoreError::Backend(e.to_string())
}

/// The port's name for a unique key, from SQLite's `table.column, …` list.
fn duplicate_name(cols: &str) -> &'static str {
    match cols {
        "users.email" => "user_email",
        "agreements.customer_id, agreements.number" => "agreement_number",
        "vouchers.code" => "voucher_code",
        "vouchers.customer_id, vouchers.engagement" => "fifteen_day_engagement",
        "orgs.id" => "org_id",
        "locations.id" => "location_id",
        "users.id" => "user_id",
        "api_tokens.hash" => "api_token",
        "agreements.id" => "agreement_id",
        "ledger.id" => "ledger_entry_id",
        "vouchers.id" => "voucher_id",
        "events.id" => "event_id",
        "idempotency_keys.user_id, idempotency_keys.key" => "idempotency_key",
        "outbox.id" => "mail_id",
        _ => "key",
    }
}

fn backend(message: impl Into<String>) -> saps_core::Error {
    StoreError::Backend(message.into()).into()
}

/// How long a connection waits for another's lock before `Retry`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_error)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
        .map_err(db_error)
}

/// The writer's page cache, in KiB: a large transaction (a bulk import)
/// whose indexes outgrow the default 2 MiB would otherwise spill and re-read
/// pages through the kernel on every insert.
const WRITER_CACHE_KIB: i64 = 64 * 1024;

fn open_writer(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path).map_err(db_error)?;
    configure(&conn)?;
    // Each unit of work runs in a savepoint, whose journal (a copy of every
    // page the work first changes) SQLite otherwise spills to a temporary
    // file: a 4 KiB write per page, a fifth of the writer's time in a sweep
    // over a million vouchers. In memory it is a copy; a rollback to the
    // savepoint reads it back the same.
    // The checkpointer thread copies the log into the database: the writer
    // does not (SQLite's automatic checkpoint would, after a commit, holding
    // up the writes queued behind it for a copy and a sync of the database).
    conn.execute_batch(&format!(
        "PRAGMA cache_size = -{WRITER_CACHE_KIB}; PRAGMA temp_store = MEMORY; \
         PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {WAL_LIMIT_BYTES};"
    ))
    .map_err(db_error)?;
    // Plans that do not depend on the values bound. Without this, SQLite
    // (3.45 and later) codes a bound `LIMIT ?` as the constant it was bound
    // to and prepares the statement again each time another value is bound
    // (and the statement cache unbinds them all): a fifth of the writer's
    // time in an expiry sweep went to preparing the same statements again.
    // The writer's statements find their rows by key and need no such plans.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )
    .map_err(db_error)?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(db_error)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Backend(format!(
            "{} cannot use write-ahead logging (journal_mode is {mode})",
            path.display()
        )));
    }
    Ok(conn)
}

/// How much of the database file a reader maps into memory (SQLite caps it
/// at its compile-time maximum, 2 GiB by default); beyond it, pages are read.
const READER_MMAP_BYTES: i64 = 1 << 31;
/// Each reader's page cache, in KiB (pages beyond the map, and the WAL's).
const READER_CACHE_KIB: i64 = 16 * 1024;

fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(db_error)?;
    configure(&conn)?;
    // Pages are read through a shared memory map rather than copied in by a
    // system call into each connection's own 2 MiB cache: a directory search
    // that walks thousands of companies spent half its time in `pread`.
    conn.execute_batch(&format!(
        "PRAGMA mmap_size = {READER_MMAP_BYTES}; PRAGMA cache_size = -{READER_CACHE_KIB}"
    ))
    .map_err(db_error)?;
    Ok(conn)
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`, brings its schema
    /// up to date, and starts the writer thread and the readers.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let mut writer_conn = open_writer(path)?;
        schema::migrate(&writer_conn)?;
        let wal = watch_wal(&mut writer_conn)?;
        let readers = (0..READERS)
            .map(|_| open_reader(path))
            .collect::<Result<Vec<_>, _>>()?;

        let spawn_failed =
            |e: std::io::Error| StoreError::Backend(format!("cannot start a thread: {e}"));
        let mut threads = Vec::with_capacity(READERS + 2);
        let mut checkpointer_stop = None;
        let pool = Arc::new(PoolGauge::new(READERS + 1));
        let (write_tx, write_rx) = channel::<Job>();
        let gauge = pool.clone();
        threads.push(
            std::thread::Builder::new()
                .name("saps-sqlite-writer".into())
                .spawn(move || write_loop(&writer_conn, &wal, &write_rx, &gauge))
                .map_err(spawn_failed)?,
        );
        if let Some(conn) = open_checkpointer(path)? {
            let (stop_tx, stop_rx) = channel::<()>();
            checkpointer_stop = Some(stop_tx);
            threads.push(
                std::thread::Builder::new()
                    .name("saps-sqlite-checkpointer".into())
                    .spawn(move || checkpoint_loop(&conn, &stop_rx))
                    .map_err(spawn_failed)?,
            );
        }
        let (read_tx, read_rx) = channel::<Job>();
        let read_rx = Arc::new(Mutex::new(read_rx));
        for (i, conn) in readers.into_iter().enumerate() {
            let (rx, gauge) = (read_rx.clone(), pool.clone());
            threads.push(
                std::thread::Builder::new()
                    .name(format!("saps-sqlite-reader-{i}"))
                    .spawn(move || read_loop(&conn, &rx, &gauge))
                    .map_err(spawn_failed)?,
            );
        }
        let thread_ids = threads.iter().map(|t| t.thread().id()).collect();
        Ok(SqliteStore {
            writer: Some(write_tx),
            readers: Some(read_tx),
            checkpointer: checkpointer_stop,
            threads,
            thread_ids,
            description: describe(path),
            pool,
        })
    }
}

fn describe(path: &Path) -> String {
    let shown: PathBuf = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    format!(
        "SQLite {} ({}, WAL, synchronous=FULL)",
        rusqlite::version(),
        shown.display()
    )
}

impl Store for SqliteStore {
    fn write(&self, work: Work, reply: Reply) {
        send(self.writer.as_ref(), (work, reply, false), &self.pool);
    }

    fn read(&self, work: Work, reply: Reply) {
        send(self.readers.as_ref(), (work, reply, false), &self.pool);
    }

    /// Run first in its transaction, spared the savepoint (a copy of each
    /// page it changes) that the writes after the first run in.
    fn write_bulk(&self, work: Work, reply: Reply) {
        send(self.writer.as_ref(), (work, reply, true), &self.pool);
    }

    fn describe(&self) -> String {
        self.description.clone()
    }

    fn pool_stats(&self) -> PoolStats {
        self.pool.stats()
    }

    fn single_writer(&self) -> bool {
        true
    }
}

fn send(to: Option<&Sender<Job>>, job: Job, pool: &PoolGauge) {
    pool.queued();
    let returned = match to {
        Some(tx) => tx.send(job).err().map(|e| e.0),
        None => Some(job),
    };
    if let Some((_, reply, _)) = returned {
        pool.unqueued();
        answer(reply, Err(backend("the SQLite store has stopped")));
    }
}

impl Drop for SqliteStore {
    /// Lets the threads finish the work already queued, then waits for them
    /// (unless the last handle is dropped by one of them, inside a reply).
    fn drop(&mut self) {
        self.writer.take();
        self.readers.take();
        self.checkpointer.take();
        let me = std::thread::current().id();
        if self.thread_ids.contains(&me) {
            return;
        }
        for t in self.threads.drain(..) {
            if t.join().is_err() {
                tracing::error!("an SQLite store thread panicked");
            }
        }
    }
}

/// Calls a reply, which is the caller's code: its panic must not stop a thread.
fn answer(reply: Reply, outcome: Outcome) {
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

/// Runs one unit of work, turning a panic into an error.
fn run(conn: &Connection, work: &mut Work) -> Outcome {
    let mut tx = SqliteTx::new(conn);
    match catch_unwind(AssertUnwindSafe(|| work(&mut tx))) {
        Ok(Ok(value)) => match tx.end_of_work() {
            Ok(()) => Ok(value),
            Err(e) => Err(e.into()),
        },
        Ok(outcome) => outcome,
        Err(panic) => {
            let message = panic_message(&*panic);
            tracing::error!("{message}");
            Err(backend(message))
        }
    }
}

fn exec(conn: &Connection, sql: &str) -> Result<(), StoreError> {
    conn.prepare_cached(sql)
        .and_then(|mut s| s.execute([]))
        .map(drop)
        .map_err(db_error)
}

/// The write-ahead log's size past which the writer has it restart between
/// two batches, and the size its file is cut back to when it restarts.
const WAL_LIMIT_BYTES: u64 = 256 << 20;
/// How long the writer lets pass before it tries again when the log could
/// not restart (a reader was still on it).
const WAL_RESTART_RETRY: Duration = Duration::from_millis(50);

/// What the writer knows of its log: the frames it holds (SQLite reports
/// them after each commit) and their size.
struct WalSize {
    frames: Arc<AtomicU64>,
    frame_bytes: u64,
}

/// Keeps the write-ahead log from growing without bound. The checkpointer
/// copies the log into the database, but the log restarts from its beginning
/// only when a write begins with the whole log copied and no reader on it;
/// under back-to-back writes (a sweep over a million vouchers while clients
/// keep reading) that moment never comes and the log grew to gigabytes,
/// slowing every read. Past [`WAL_LIMIT_BYTES`], the writer copies the little
/// the checkpointer has not yet copied, between two of its batches (a
/// `PASSIVE` checkpoint, which waits for nobody), so that its next write
/// starts the log afresh, over the file's blocks already written, unless a
/// reader is still on the old log (then it tries again a little later). A
/// checkpoint that waits for the readers (`RESTART`, `TRUNCATE`) held every
/// queued write up to its busy timeout; a log truncated to nothing is grown
/// again a block at a time, each zeroed first. A long read (a report over
/// every voucher) keeps its snapshot: the log cannot restart before it ends.
fn bound_wal(conn: &Connection, wal: &WalSize, next_try: &mut Instant) {
    if Instant::now() < *next_try
        || wal.frames.load(Ordering::Relaxed) * wal.frame_bytes <= WAL_LIMIT_BYTES
    {
        return;
    }
    let done: rusqlite::Result<(i64, i64, i64)> =
        conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        });
    match done {
        Ok((0, log, copied)) if log == copied => {
            tracing::trace!(
                log,
                "copied the write-ahead log; the next write restarts it"
            );
        }
        Ok((_, log, copied)) => {
            tracing::trace!(log, copied, "the write-ahead log is not all copied yet");
            *next_try = Instant::now() + WAL_RESTART_RETRY;
        }
        Err(e) => {
            tracing::warn!("cannot checkpoint the write-ahead log: {e}");
            *next_try = Instant::now() + WAL_RESTART_RETRY;
        }
    }
}

/// Has SQLite report the log's frames to the writer after each commit.
fn watch_wal(conn: &mut Connection) -> Result<WalSize, StoreError> {
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .map_err(db_error)?;
    let frames = Arc::new(AtomicU64::new(0));
    let seen = frames.clone();
    conn.wal_hook(Some(
        move |_: &mut rusqlite::hooks::Wal, pages: std::ffi::c_int| {
            seen.store(u64::try_from(pages).unwrap_or(0), Ordering::Relaxed);
            Ok(())
        },
    ))
    .map_err(db_error)?;
    Ok(WalSize {
        frames,
        // Each frame is a page and its 24-byte header.
        frame_bytes: page_size.unsigned_abs() + 24,
    })
}

/// How often the checkpointer copies what the log holds into the database.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);

/// The checkpointer's connection: none for a database without a file (an
/// in-memory database has no log).
fn open_checkpointer(path: &Path) -> Result<Option<Connection>, StoreError> {
    if path.as_os_str().is_empty() || path == Path::new(":memory:") {
        return Ok(None);
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(db_error)?;
    configure(&conn)?;
    conn.execute_batch("PRAGMA wal_autocheckpoint = 0;")
        .map_err(db_error)?;
    Ok(Some(conn))
}

/// Copies the log into the database beside the writer (a `PASSIVE`
/// checkpoint takes no lock a writer or a reader waits for) until the store
/// stops. The writer still restarts the log between two of its batches (see
/// [`bound_wal`]); most of the log is copied by then.
fn checkpoint_loop(conn: &Connection, stop: &Receiver<()>) {
    let mut failing = false;
    while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stop.recv_timeout(CHECKPOINT_EVERY)
    {
        let done: rusqlite::Result<(i64, i64, i64)> =
            conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            });
        match done {
            Ok(_) => failing = false,
            Err(e) if !failing => {
                failing = true;
                tracing::warn!("cannot checkpoint the write-ahead log: {e}");
            }
            Err(_) => {}
        }
    }
}

/// The writer: takes the first waiting job, then whatever else is already
/// queued, and commits them together. Bulk writes (a sweep's batches) are
/// committed apart, after the others: a reservation queued behind one waits
/// for what is left of it, then for its own short transaction, not for the
/// next bulk write as well; and a bulk write that runs first in its
/// transaction is spared the savepoint. The jobs of one batch were all
/// queued before any of them was answered, so none depends on another's
/// outcome: their order within it is free.
fn write_loop(conn: &Connection, wal: &WalSize, jobs: &Receiver<Job>, pool: &PoolGauge) {
    let mut next_checkpoint = Instant::now();
    let mut batch = Vec::with_capacity(MAX_BATCH);
    let mut bulk = Vec::new();
    while let Ok(first) = jobs.recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        pool.taken(batch.len());
        pool.busy();
        if batch.iter().any(|job| job.2) {
            let (b, others): (Vec<Job>, Vec<Job>) = batch.drain(..).partition(|job| job.2);
            bulk = b;
            batch = others;
        }
        for jobs in [&mut batch, &mut bulk] {
            if !jobs.is_empty() {
                commit_batch(conn, jobs);
                bound_wal(conn, wal, &mut next_checkpoint);
            }
        }
        pool.idle();
    }
}

/// Runs a batch in one transaction, one savepoint per job, and replies once
/// the commit is durable (or has failed, failing every job of the batch).
///
/// The first job of a transaction runs without a savepoint: nothing ran
/// before it, so if it fails the transaction is rolled back whole and begun
/// again for the jobs after it. A savepoint journals every page its job
/// changes (a copy each); a big job (a sweep batch) that comes first is
/// spared that.
fn commit_batch(conn: &Connection, batch: &mut Vec<Job>) {
    let mut done: Vec<(Reply, Outcome)> = Vec::with_capacity(batch.len());
    let mut queue = batch.drain(..);
    'transaction: loop {
        let Some((mut work, reply, _)) = queue.next() else {
            break;
        };
        if let Err(e) = exec(conn, "BEGIN IMMEDIATE") {
            let e: saps_core::Error = e.into();
            done.push((reply, Err(e.clone())));
            for (_, reply, _) in queue.by_ref() {
                done.push((reply, Err(e.clone())));
            }
            break;
        }
        // The first job: alone in the transaction so far.
        let outcome = run(conn, &mut work);
        if outcome.is_err() || conn.is_autocommit() {
            if conn.is_autocommit() {
                tracing::error!("SQLite aborted a write transaction");
            } else if let Err(e) = exec(conn, "ROLLBACK") {
                tracing::error!("cannot roll a job back: {e}");
            }
            let lost = backend("the write transaction was aborted");
            done.push((reply, outcome.and(Err(lost))));
            continue 'transaction;
        }
        // Jobs run in this transaction; they share its fate.
        let mut ran: Vec<(Reply, Outcome)> = vec![(reply, outcome)];
        for (mut work, reply, _) in queue.by_ref() {
            let outcome = match exec(conn, "SAVEPOINT job") {
                Err(e) => Err(e.into()),
                Ok(()) => {
                    let outcome = run(conn, &mut work);
                    let kept = outcome.is_ok() && exec(conn, "RELEASE job").is_ok();
                    if !kept && !conn.is_autocommit() {
                        let undone =
                            exec(conn, "ROLLBACK TO job").and_then(|()| exec(conn, "RELEASE job"));
                        if let Err(e) = undone {
                            tracing::error!("cannot roll a job back: {e}");
                        }
                    }
                    match outcome {
                        Ok(_) if !kept => Err(backend("cannot release the job's savepoint")),
                        other => other,
                    }
                }
            };
            if conn.is_autocommit() {
                // SQLite rolled the whole transaction back (disk full, I/O
                // error …): everything that ran in it is lost. Start afresh
                // for the jobs still waiting.
                tracing::error!("SQLite aborted a write transaction");
                let lost = backend("the write transaction was aborted");
                done.extend(ran.drain(..).map(|(r, o)| (r, o.and(Err(lost.clone())))));
                done.push((reply, outcome.and(Err(lost))));
                continue 'transaction;
            }
            ran.push((reply, outcome));
        }
        match exec(conn, "COMMIT") {
            Ok(()) => {
                tracing::trace!(jobs = ran.len(), "committed a batch");
                done.append(&mut ran);
            }
            Err(e) => {
                tracing::error!("commit failed: {e}");
                if !conn.is_autocommit()
                    && let Err(e) = exec(conn, "ROLLBACK")
                {
                    tracing::error!("rollback failed: {e}");
                }
                // Work that failed by itself keeps its own error.
                let e: saps_core::Error = e.into();
                done.extend(ran.drain(..).map(|(r, o)| (r, o.and(Err(e.clone())))));
            }
        }
        break;
    }
    for (reply, outcome) in done {
        answer(reply, outcome);
    }
}

/// A reader: runs each job on a consistent snapshot.
fn read_loop(conn: &Connection, jobs: &Mutex<Receiver<Job>>, pool: &PoolGauge) {
    loop {
        let next = jobs.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok((mut work, reply, _)) = next else {
            return;
        };
        pool.taken(1);
        pool.busy();
        let outcome = match exec(conn, "BEGIN") {
            Err(e) => Err(e.into()),
            Ok(()) => {
                let outcome = run(conn, &mut work);
                if !conn.is_autocommit()
                    && let Err(e) = exec(conn, "COMMIT").or_else(|_| exec(conn, "ROLLBACK"))
                {
                    tracing::error!("cannot end a read transaction: {e}");
                }
                outcome
            }
        };
        // Idle before the answer: whoever it wakes sees the connection free.
        pool.idle();
        answer(reply, outcome);
    }
}

#[cfg(test)]
mod tests;
