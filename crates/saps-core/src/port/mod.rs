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
    /// Runs `work` on a read-only snapshot.
    fn read(&self, work: Work, reply: Reply);
    /// Which database this is, for logs and benchmarks.
    fn describe(&self) -> String;
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
    let (tx, rx) = oneshot();
    store.write(erase(f), Box::new(move |r| tx.send(r)));
    unerase(rx.await)
}

/// Typed, async read (any executor).
pub async fn read<R, F>(store: &dyn Store, f: F) -> Result<R, Error>
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    let (tx, rx) = oneshot();
    store.read(erase(f), Box::new(move |r| tx.send(r)));
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
