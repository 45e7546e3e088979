//! The storage port: what the use cases need from a database, implemented by
//! the SQLite and PostgreSQL adapters and checked by one contract suite.
//!
//! Use cases are plain functions over a [`Tx`]. A store runs each one inside a
//! transaction (SQLite: one savepoint within a group commit; PostgreSQL: its own
//! transaction, retried on serialization failure), so a use case may be run more
//! than once and must not have side effects outside the `Tx`.
//!
//! [`Tx`] is the sum of one trait per aggregate, each in its own module with
//! its data types. A new aggregate adds a module, a trait, and that trait to
//! [`Tx`]'s bounds, its blanket impl and the [`prelude`].

use crate::error::{Error, StoreError};
use std::any::Any;

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

pub use deliverables::Deliverables;
pub use enrollments::{Enrollment, Enrollments};
pub use idempotency::{Idempotency, IdempotentResponse};
pub use jobs::{JobLeases, JobRecord, LeaseRequest};
pub use journal::Journal;
pub use ledger::{Ledger, PoolTotals};
pub use notifications::Notifications;
pub use orgs::Orgs;
pub use outbox::{MailRetry, MailStatus, Outbox, OutboxEntry, OutgoingMail};
pub use payments::{ClaimQuery, Payments};
pub use profiles::{DirectoryCandidate, DirectoryQuery, Profile, Profiles};
pub use program::ProgramStore;
pub use provider_agreements::{AgreementSignature, ProviderAgreementVersion, ProviderAgreements};
pub use records::{
    CompetencyLevel, CompetencyRecord, ExamRecord, PartnerQualifications, PartnerRecords,
    RecordKinds, TrainingRecord,
};
pub use sessions::Sessions;
pub use throttle::SignInThrottle;
pub use training_days::TrainingDays;
pub use vouchers::{ListCursor, VoucherList, VoucherQuery, VoucherSort, Vouchers, like_escape};
pub use webhooks::{
    DeliveryAttempt, DeliveryStatus, DeliveryUpdate, LoggedAttempt, QueueCounts, Webhook,
    WebhookDelivery, WebhookScope, Webhooks,
};

/// `Tx` and every aggregate's trait, for code that implements them or calls
/// their methods on something other than a `dyn Tx`.
pub mod prelude {
    pub use super::Deliverables;
    pub use super::Notifications;
    pub use super::Payments;
    pub use super::TrainingDays;
    pub use super::Webhooks;
    pub use super::{
        Enrollments, Idempotency, JobLeases, Journal, Ledger, Orgs, Outbox, PartnerRecords,
        Profiles, ProgramStore, ProviderAgreements, Sessions, SignInThrottle, Tx, Vouchers,
    };
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Data access inside one transaction: every aggregate's.
pub trait Tx:
    Orgs
    + Sessions
    + SignInThrottle
    + Ledger
    + Vouchers
    + Journal
    + ProgramStore
    + Idempotency
    + Outbox
    + JobLeases
    + PartnerRecords
    + ProviderAgreements
    + Enrollments
    + Profiles
    + Deliverables
    + Payments
    + Webhooks
    + TrainingDays
    + Notifications
{
}

impl<T> Tx for T where
    T: Orgs
        + Sessions
        + SignInThrottle
        + Ledger
        + Vouchers
        + Journal
        + ProgramStore
        + Idempotency
        + Outbox
        + JobLeases
        + PartnerRecords
        + ProviderAgreements
        + Enrollments
        + Profiles
        + Deliverables
        + Payments
        + Webhooks
        + TrainingDays
        + Notifications
        + ?Sized
{
}

/// A unit of work, type-erased so that stores can be used behind `dyn`.
pub type Work = Box<dyn FnMut(&mut dyn Tx) -> Result<Box<dyn Any + Send>, Error> + Send>;
/// Where a store sends the outcome once it is durable (or has failed).
pub type Reply = Box<dyn FnOnce(Result<Box<dyn Any + Send>, Error>) + Send>;

/// A database. Work is queued and its outcome reported through `reply` after
/// commit, so nothing is acknowledged before it is durable.
pub trait Store: Send + Sync + 'static {
    /// Runs `work` in a write transaction; an `Err` from `work` rolls back only
    /// its own changes.
    fn write(&self, work: Work, reply: Reply);
    /// Runs `work` as [`Self::write`] does, marked as a long write of many
    /// rows (a sweep's batch): a store that commits several writes together
    /// may run it first among them. The same as `write` by default.
    fn write_bulk(&self, work: Work, reply: Reply) {
        self.write(work, reply);
    }
    /// Runs `work` on a read-only snapshot.
    fn read(&self, work: Work, reply: Reply);
    /// Which database this is, for logs and benchmarks.
    fn describe(&self) -> String;
    /// Tidies the journal after a large run of the sealer, outside any
    /// transaction (blocking: call it off the async executor). On
    /// PostgreSQL each sealed event leaves a dead row version behind (the
    /// sealer updates it), which every later read of the journal would wade
    /// through until a `VACUUM` (that cannot run in a transaction) removes
    /// it. Nothing to do by default (SQLite seals as it writes).
    fn tidy_journal(&self) -> Result<(), StoreError> {
        Ok(())
    }
    /// How the store's connections are used now (for `/metrics`); all zero
    /// for a store without a pool.
    fn pool_stats(&self) -> PoolStats {
        PoolStats::default()
    }
    /// Whether every write waits for the one before (SQLite's single
    /// writer): long writes (a sweep's batches) then keep them short, for
    /// the writes queued behind. False by default (PostgreSQL's writers run
    /// side by side).
    fn single_writer(&self) -> bool {
        false
    }
}

/// How a store's connections are used at one instant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolStats {
    /// Connections the store holds (each on its own thread).
    pub max: u64,
    /// Connections running a unit of work.
    pub in_use: u64,
    /// Connections waiting for work.
    pub idle: u64,
    /// Units of work queued, not yet taken by a connection.
    pub waiting: u64,
}

/// Counters an adapter keeps to report [`PoolStats`]: it calls
/// [`PoolGauge::queued`] before it queues a unit of work (and
/// [`PoolGauge::unqueued`] if the queue refused it), [`PoolGauge::taken`] when
/// a connection takes work off the queue, and [`PoolGauge::busy`] /
/// [`PoolGauge::idle`] around the time a connection runs it.
#[derive(Debug, Default)]
pub struct PoolGauge {
    max: u64,
    in_use: std::sync::atomic::AtomicU64,
    waiting: std::sync::atomic::AtomicU64,
}

impl PoolGauge {
    /// A gauge of `max` connections.
    pub fn new(max: usize) -> Self {
        Self {
            max: max as u64,
            ..Self::default()
        }
    }
    pub fn queued(&self) {
        self.waiting
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    pub fn unqueued(&self) {
        self.taken(1);
    }
    /// `n` units of work left the queue.
    pub fn taken(&self, n: usize) {
        let _ = self.waiting.fetch_update(
            std::sync::atomic::Ordering::Relaxed,
            std::sync::atomic::Ordering::Relaxed,
            |w| Some(w.saturating_sub(n as u64)),
        );
    }
    /// A connection started running work.
    pub fn busy(&self) {
        self.in_use
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    /// A connection finished running work.
    pub fn idle(&self) {
        let _ = self.in_use.fetch_update(
            std::sync::atomic::Ordering::Relaxed,
            std::sync::atomic::Ordering::Relaxed,
            |n| Some(n.saturating_sub(1)),
        );
    }
    pub fn stats(&self) -> PoolStats {
        let in_use = self
            .in_use
            .load(std::sync::atomic::Ordering::Relaxed)
            .min(self.max);
        PoolStats {
            max: self.max,
            in_use,
            idle: self.max - in_use,
            waiting: self.waiting.load(std::sync::atomic::Ordering::Relaxed),
        }
    }
}

fn erase<R, F>(mut f: F) -> Work
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    Box::new(move |tx: &mut dyn Tx| f(tx).map(|r| Box::new(r) as Box<dyn Any + Send>))
}

fn unerase<R: 'static>(r: Result<Box<dyn Any + Send>, Error>) -> Result<R, Error> {
    r.map(|b| {
        *b.downcast::<R>()
            .expect("a store replies with what its work returned")
    })
}

/// Typed, blocking write: for tools and tests that run outside an async runtime.
pub fn write_blocking<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    store.write(erase(f), Box::new(move |r| drop(tx.send(r))));
    unerase(
        rx.recv()
            .unwrap_or_else(|_| Err(StoreError::Backend("the store stopped".into()).into())),
    )
}

/// Typed, blocking read: for tools and tests that run outside an async runtime.
pub fn read_blocking<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    store.read(erase(f), Box::new(move |r| drop(tx.send(r))));
    unerase(
        rx.recv()
            .unwrap_or_else(|_| Err(StoreError::Backend("the store stopped".into()).into())),
    )
}

/// Typed, async write (any executor): resolves once the work is durable.
pub async fn write<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    submit(f, |work, reply| store.write(work, reply)).await
}

/// Typed, async bulk write (any executor): see [`Store::write_bulk`].
pub async fn write_bulk<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    submit(f, |work, reply| store.write_bulk(work, reply)).await
}

/// Typed, async read (any executor).
pub async fn read<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    submit(f, |work, reply| store.read(work, reply)).await
}

/// Hands `f`, type-erased, to one of the store's queues and waits for its
/// typed outcome.
async fn submit<R, F>(f: F, queue: impl FnOnce(Work, Reply)) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    let (tx, rx) = oneshot();
    queue(erase(f), Box::new(move |r| tx.send(r)));
    unerase(rx.await)
}

type Outcome = Result<Box<dyn Any + Send>, Error>;

/// A minimal one-shot channel so the port needs no async runtime.
fn oneshot() -> (OneshotSender, OneshotReceiver) {
    let shared = std::sync::Arc::new(std::sync::Mutex::new(OneshotState::default()));
    (OneshotSender(shared.clone()), OneshotReceiver(shared))
}

#[derive(Default)]
struct OneshotState {
    value: Option<Outcome>,
    dropped: bool,
    waker: Option<std::task::Waker>,
}

struct OneshotSender(std::sync::Arc<std::sync::Mutex<OneshotState>>);
struct OneshotReceiver(std::sync::Arc<std::sync::Mutex<OneshotState>>);

impl OneshotSender {
    fn send(self, v: Outcome) {
        let mut s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        s.value = Some(v);
        if let Some(w) = s.waker.take() {
            w.wake();
        }
    }
}

impl Drop for OneshotSender {
    fn drop(&mut self) {
        let mut s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        s.dropped = true;
        if let Some(w) = s.waker.take() {
            w.wake();
        }
    }
}

impl std::future::Future for OneshotReceiver {
    type Output = Outcome;
    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Outcome> {
        let mut s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(v) = s.value.take() {
            return std::task::Poll::Ready(v);
        }
        if s.dropped {
            return std::task::Poll::Ready(Err(StoreError::Backend(
                "the store dropped the work".into(),
            )
            .into()));
        }
        s.waker = Some(cx.waker().clone());
        std::task::Poll::Pending
    }
}
