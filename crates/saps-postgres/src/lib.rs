//! The PostgreSQL storage adapter: several `saps serve` nodes on one database.
//!
//! A fixed set of worker threads, each owning one connection (together, the
//! pool), takes queued units of work from one channel, so [`Store::write`] and
//! [`Store::read`] never block their caller. Each unit of work runs in its own
//! short transaction:
//!
//! - writes: `READ COMMITTED`. Every invariant is held by a conditional write
//!   (`… WHERE version = $n`, `… WHERE available + $delta >= 0`), a unique
//!   key, or a row lock taken by the read that precedes the write
//!   (`voucher_by_code`). Under `READ COMMITTED` a waiter re-checks such a
//!   condition against the row as committed, so a race costs one lock wait
//!   rather than an abort and a re-run, which matters on a hot row (one
//!   customer's pool, debited by many vouchers at once).
//! - reads: `REPEATABLE READ READ ONLY`, one consistent snapshot per unit.
//!
//! A deadlock or serialization failure (SQLSTATE 40P01, 40001) makes the store
//! re-run the whole unit of work, up to [`MAX_ATTEMPTS`] times with a jittered
//! backoff; callers never see it unless every attempt lost.
//!
//! Instants are kept to the microsecond, `timestamptz`'s precision, as on
//! SQLite: the store rounds whatever it is given down to it (the
//! application's clock never reads finer).
//!
//! The journal's `seq` is not a plain sequence (whose numbers commit out of
//! order): it is the writing transaction's id shifted left 20 bits plus the
//! event's rank in that transaction, and `events_after` hands out only events
//! of transactions older than every one still running in this database. So a
//! poller's cursor never steps over an event that commits later (see the
//! migration for more).

#![forbid(unsafe_code)]

mod runner;
mod schema;
mod tx;

pub use schema::MIGRATIONS;

use postgres::error::SqlState;
use postgres::{Config, NoTls};
use runner::{Access, Job};
use saps_core::StoreError;
use saps_core::port::{PoolGauge, PoolStats, Reply, Store, Work};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::{JoinHandle, ThreadId};

/// How many times a unit of work is tried when it keeps losing to others.
pub const MAX_ATTEMPTS: u32 = 10;

/// Events sealed in one run from which the journal is vacuumed afterwards
/// (see `Store::tidy_journal`).
pub const TIDY_AFTER_SEALING: u64 = 100_000;

/// How a [`PgStore`] is set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PgOptions {
    /// Connections, and threads running work on them.
    pub pool_size: usize,
}

impl Default for PgOptions {
    fn default() -> Self {
        Self { pool_size: 8 }
    }
}

/// A PostgreSQL database, open for the application.
pub struct PgStore {
    jobs: Option<Sender<Job>>,
    threads: Vec<JoinHandle<()>>,
    thread_ids: Vec<ThreadId>,
    description: String,
    config: Arc<Config>,
    pool: Arc<PoolGauge>,
}

/// Brings the schema of the database at `url` up to date, and nothing else.
pub fn migrate(url: &str) -> Result<(), StoreError> {
    let config = parse(url)?;
    let mut client = config.connect(NoTls).map_err(db_error)?;
    schema::migrate(&mut client)
}

/// What autovacuum does after a bulk load, now (benchmarks, imports): the
/// planner's statistics of every table and the visibility map that lets an
/// index answer alone (`VACUUM (ANALYZE)`; PostgreSQL 13 and later vacuum a
/// table after many inserts on their own).
pub fn analyze(url: &str) -> Result<(), StoreError> {
    let config = parse(url)?;
    let mut client = config.connect(NoTls).map_err(db_error)?;
    client.batch_execute("VACUUM (ANALYZE)").map_err(db_error)
}

impl PgStore {
    /// Connects to the database at `url` (a `postgres://` URL or a
    /// `key=value` string), migrates it, and starts the default pool.
    pub fn connect(url: &str) -> Result<PgStore, StoreError> {
        Self::connect_with(url, &PgOptions::default())
    }

    /// [`PgStore::connect`] with a pool of one's choosing.
    pub fn connect_with(url: &str, options: &PgOptions) -> Result<PgStore, StoreError> {
        let config = Arc::new(parse(url)?);
        let mut first = config.connect(NoTls).map_err(db_error)?;
        schema::migrate(&mut first)?;
        let version: String = first
            .query_one("SHOW server_version", &[])
            .map_err(db_error)?
            .get(0);
        let description = describe(&config, &version);

        let size = options.pool_size.max(1);
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let mut first = Some(first);
        let mut threads = Vec::with_capacity(size);
        let pool = Arc::new(PoolGauge::new(size));
        for i in 0..size {
            let worker = runner::Worker::new(config.clone(), first.take());
            let (queue, gauge) = (queue.clone(), pool.clone());
            let thread = std::thread::Builder::new()
                .name(format!("saps-pg-{i}"))
                .spawn(move || worker.serve(&queue, &gauge))
                .map_err(|e| StoreError::Backend(format!("cannot start a thread: {e}")))?;
            threads.push(thread);
        }
        let thread_ids = threads.iter().map(|t| t.thread().id()).collect();
        tracing::info!(%description, pool_size = size, "PostgreSQL store ready");
        Ok(PgStore {
            jobs: Some(jobs),
            threads,
            thread_ids,
            description,
            config,
            pool,
        })
    }

    fn submit(&self, access: Access, work: Work, reply: Reply) {
        let job = Job {
            access,
            work,
            reply,
        };
        self.pool.queued();
        let refused = match &self.jobs {
            Some(jobs) => jobs.send(job).err().map(|e| e.0),
            None => Some(job),
        };
        if let Some(job) = refused {
            self.pool.unqueued();
            runner::answer(
                job.reply,
                Err(StoreError::Backend("the PostgreSQL store has stopped".into()).into()),
            );
        }
    }
}

impl Store for PgStore {
    fn write(&self, work: Work, reply: Reply) {
        self.submit(Access::Write, work, reply);
    }

    fn read(&self, work: Work, reply: Reply) {
        self.submit(Access::Read, work, reply);
    }

    fn describe(&self) -> String {
        self.description.clone()
    }

    /// `VACUUM (ANALYZE) events` on a connection of its own, in autocommit:
    /// removes the row versions the sealer's updates left (a verification
    /// right after sealing a million events read the table at half speed
    /// through them; autovacuum may be late, or off).
    fn tidy_journal(&self) -> Result<(), StoreError> {
        let mut client = self.config.connect(NoTls).map_err(db_error)?;
        client
            .batch_execute("VACUUM (ANALYZE) events")
            .map_err(db_error)
    }

    fn pool_stats(&self) -> PoolStats {
        self.pool.stats()
    }
}

impl Drop for PgStore {
    /// Lets the workers finish the work already queued, then waits for them
    /// (unless the last handle is dropped by one of them, inside a reply).
    fn drop(&mut self) {
        self.jobs.take();
        let me = std::thread::current().id();
        if self.thread_ids.contains(&me) {
            return;
        }
        for t in self.threads.drain(..) {
            if t.join().is_err() {
                tracing::error!("a PostgreSQL store thread panicked");
            }
        }
    }
}

fn parse(url: &str) -> Result<Config, StoreError> {
    let mut config: Config = url
        .parse()
        .map_err(|e| StoreError::Backend(format!("invalid PostgreSQL URL: {e}")))?;
    if config.get_application_name().is_none() {
        config.application_name("saps");
    }
    // saps's statements are short; PostgreSQL's JIT compiler, started by a plan's
    // estimated cost, added ~90 ms to one directory search of a few milliseconds,
    // and starting parallel workers for a walk that stops after a page cost
    // ~30 ms before the first row. Both off for saps's sessions unless the
    // URL's `options` set them.
    let mut options = config.get_options().unwrap_or("").to_owned();
    if !options.contains("jit") {
        options = format!("{options} -c jit=off");
    }
    if !options.contains("max_parallel_workers_per_gather") {
        options = format!("{options} -c max_parallel_workers_per_gather=0");
    }
    config.options(options.trim());
    Ok(config)
}

/// "PostgreSQL 15.4 (host:port/db)", never with credentials.
fn describe(config: &Config, version: &str) -> String {
    let version = version.split_whitespace().next().unwrap_or(version);
    let ports = config.get_ports();
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let host = match h {
                postgres::config::Host::Tcp(name) => name.clone(),
                postgres::config::Host::Unix(path) => path.display().to_string(),
            };
            let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
            format!("{host}:{port}")
        })
        .collect();
    let db = config
        .get_dbname()
        .or(config.get_user())
        .unwrap_or("postgres");
    format!("PostgreSQL {version} ({}/{db})", hosts.join(","))
}

/// Turns a driver error into the port's: lost races become `Retry`, unique
/// keys `Duplicate` with the name the port documents, anything else is a
/// backend failure.
pub(crate) fn db_error(e: postgres::Error) -> StoreError {
    let Some(db) = e.as_db_error() else {
        return StoreError::Backend(match std::error::Error::source(&e) {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        });
    };
    let code = db.code();
    if *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED {
        StoreError::Retry
    } else if *code == SqlState::UNIQUE_VIOLATION {
        StoreError::Duplicate(duplicate_name(db.constraint().unwrap_or("")))
    } else {
        StoreError::Backend(db.to_string())
    }
}

/// Whether PostgreSQL asks for the transaction to be tried again.
pub(crate) fn is_retryable(e: &postgres::Error) -> bool {
    e.code().is_some_and(|c| {
        *c == SqlState::T_R_SERIALIZATION_FAILURE || *c == SqlState::T_R_DEADLOCK_DETECTED
    })
}

/// The port's name for a unique key, from the constraint's (the same names as
/// the SQLite twin reports).
pub(crate) fn duplicate_name(constraint: &str) -> &'static str {
    match constraint {
        "users_email_key" => "user_email",
        "agreements_customer_id_number_key" => "agreement_number",
        "vouchers_code_key" => "voucher_code",
        "orgs_pkey" => "org_id",
        "locations_pkey" => "location_id",
        "users_pkey" => "user_id",
        "api_tokens_pkey" => "api_token",
        "agreements_pkey" => "agreement_id",
        "ledger_pkey" => "ledger_entry_id",
        "vouchers_pkey" => "voucher_id",
        "events_id_key" => "event_id",
        "events_pkey" => "event_seq",
        "idempotency_keys_pkey" => "idempotency_key",
        "outbox_pkey" => "mail_id",
        _ => "key",
    }
}

/// `t` at PostgreSQL's precision, microseconds, rounded towards the past (the
/// driver would round to nearest), as every instant is stored.
pub(crate) fn micros(t: jiff::Timestamp) -> jiff::Timestamp {
    t.round(
        jiff::TimestampRound::new()
            .smallest(jiff::Unit::Microsecond)
            .mode(jiff::RoundMode::Floor),
    )
    .unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn sessions_run_without_jit_or_parallel_workers_unless_the_url_says() {
        let c = parse("postgres://saps@127.0.0.1/saps").unwrap();
        let options = c.get_options().unwrap();
        assert!(options.contains("-c jit=off"), "{options}");
        assert!(
            options.contains("-c max_parallel_workers_per_gather=0"),
            "{options}"
        );
        let c = parse(
            "postgres://saps@127.0.0.1/saps?options=-c%20jit%3Don%20-c%20max_parallel_workers_per_gather%3D2",
        )
        .unwrap();
        let options = c.get_options().unwrap();
        assert_eq!(
            options, "-c jit=on -c max_parallel_workers_per_gather=2",
            "the URL's own settings are kept"
        );
    }
}
